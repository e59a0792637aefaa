// One Product Ingestion poll: the offer's product (resolved once), then what is watched: a
// configure job (job.ts follows it to the submission it published) or the product's submissions.
// With `start`, the polls first go through the shared start rules (../start.ts, with ./start.ts's
// look-up and POST) until there is a job or submissions to watch.

import type { FetchResult, Start } from '../../model/outcome.js'
import type { Snapshot } from '../../model/snapshot.js'
import type { Budget } from '../../net/budget.js'
import type { WaitFor } from '../../gate/verdict.js'
import type { StartKind, Watcher, WatcherDeps } from '../backend.js'
import { Starter } from '../start.js'
import { waitingSnapshot } from '../start-steps.js'
import { type IfRunning } from '../start-steps.js'
import { JobWatch, type Posted } from './job.js'
import {
  partnerCenterLink,
  productLookupUrl,
  submissionsUrl,
  type Offer,
  type Target
} from './location.js'
import { snapshotOf } from './normalize.js'
import {
  parseProducts,
  parseSubmissions,
  UnexpectedBodyError,
  type Published,
  type Submission
} from './parse.js'
import { PiStartSteps } from './start.js'

export interface WatchSettings {
  baseUrl: string
  apiVersion: string
  /** The version of the body schemas a publish is posted with. */
  schemaVersion?: string
  offer: Offer
  target: Target
  /** `start`: publish to preview or go live first (unless a publish already runs). */
  start?: StartKind
  /** With `start`: what to do when another publish of the offer is in progress. */
  ifRunning?: IfRunning
  /** wait-for: whether it names a target (preview, live), so that the job must have published. */
  waitFor?: WaitFor
}

export class ProductIngestionWatcher implements Watcher {
  private readonly settings: WatchSettings
  private readonly deps: WatcherDeps
  private productId: string | undefined
  private readonly externalId: string
  private submissions: Submission[] = []
  /** With `start`, the publish in progress attached to: followed by id. */
  private followed: Published | undefined
  /** The configure job watched (given, or started by this run), once there is one. */
  private jobWatch: JobWatch | undefined
  /** What is watched: the job given or started, or the submissions (given, or found running). */
  private target: Target
  /** With `start`: its steps and rules, until it has started (or found) what to watch. */
  private starter: Starter | undefined
  private startSteps: PiStartSteps | undefined
  private startDone = false

  constructor(settings: WatchSettings, deps: WatcherDeps) {
    this.settings = settings
    this.deps = deps
    this.target = settings.target
    const { offer } = settings
    this.productId = offer.kind === 'durable' ? offer.productId : undefined
    this.externalId = offer.kind === 'external' ? offer.externalId : ''
  }

  get operationId(): string {
    return this.target.kind === 'job' ? this.target.jobId : ''
  }

  get start(): Start | undefined {
    return this.starter?.start
  }

  async poll(budget: Budget): Promise<FetchResult<Snapshot>> {
    const product = await this.product(budget)
    if (product.kind !== 'ok') return product
    const productId = product.value
    // Twice at most: a job of this run refused as a conflict sends the run back to `start`.
    for (;;) {
      if (this.settings.start !== undefined && !this.startDone) {
        const begun = await this.begin(this.settings.start, productId, budget)
        if (begun !== undefined) return begun
      }
      const { target } = this
      const read =
        target.kind === 'job'
          ? await this.jobOf(target.jobId, productId).follow(budget)
          : await this.readSubmissions(productId, budget)
      if (read.kind !== 'ok') return read
      if (!this.refusedAsConflict()) break
    }
    return {
      kind: 'ok',
      value: snapshotOf({
        productId,
        submissions: this.submissions,
        ...(this.followed === undefined ? {} : { published: this.followed }),
        ...(this.jobWatch?.view() ?? {})
      })
    }
  }

  /** The job watched: the one this run posted, or the one given by operation-id. */
  private jobOf(jobId: string, productId: string, posted?: Posted): JobWatch {
    if (this.jobWatch?.jobId !== jobId) {
      this.jobWatch = new JobWatch(
        jobId,
        productId,
        {
          baseUrl: this.settings.baseUrl,
          apiVersion: this.settings.apiVersion,
          ...(this.settings.waitFor === undefined ? {} : { waitFor: this.settings.waitFor }),
          info: this.deps.info,
          read: (url, budget, parse) => this.read(url, budget, parse),
          list: async (budget) => {
            const read = await this.readSubmissions(productId, budget)
            return read.kind === 'ok' ? { kind: 'ok', value: this.submissions } : read
          }
        },
        posted
      )
    }
    return this.jobWatch
  }

  /**
   * `start`: one step of it (see ../start.ts). Undefined once there is a job or submissions to
   * watch; else what this poll answers (waiting for another publish, a refusal, a failure).
   */
  private async begin(
    kind: StartKind,
    productId: string,
    budget: Budget
  ): Promise<FetchResult<Snapshot> | undefined> {
    const steps = (this.startSteps ??= new PiStartSteps({
      kind,
      baseUrl: this.settings.baseUrl,
      apiVersion: this.settings.apiVersion,
      ...(this.settings.schemaVersion === undefined
        ? {}
        : { schemaVersion: this.settings.schemaVersion }),
      productId,
      client: this.deps.client,
      list: async (within) => {
        const read = await this.readSubmissions(productId, within)
        return read.kind === 'ok' ? { kind: 'ok', value: this.submissions } : read
      }
    }))
    if (this.starter === undefined) {
      this.starter = new Starter(steps, this.settings.ifRunning ?? 'wait', this.deps.info, () =>
        this.wall()
      )
      this.starter.setLink(partnerCenterLink(productId))
    }
    const next = await this.starter.next(budget)
    if (next.kind !== 'ok') return next
    const step = next.value
    switch (step.kind) {
      case 'waiting':
        return { kind: 'ok', value: waitingSnapshot(step.running) }
      case 'refused':
        this.startDone = true
        return { kind: 'ok', value: step.snapshot }
      case 'own':
        this.startDone = true
        this.target = { kind: 'job', jobId: step.id }
        // What was listed before the POST: no entry of it can be this publish's.
        this.jobOf(step.id, productId, { kind, before: steps.before })
        return undefined
      case 'attach': {
        // The publish attached to is followed by id, as a job's submission is.
        const { id, target } = step.running
        if (target === 'preview' || target === 'live') this.followed = { id, target }
        this.startDone = true
        this.target = { kind: 'submissions' }
        return undefined
      }
      case 'nothing':
        this.startDone = true
        this.target = { kind: 'submissions' }
        return undefined
    }
  }

  /**
   * A job this run posted that failed with conflict errors only published nothing: it was a
   * refusal, told late, and `start` applies again (if-running decides what follows).
   */
  private refusedAsConflict(): boolean {
    const refusal = this.jobWatch?.refusal()
    if (refusal === undefined || this.starter === undefined || this.jobWatch === undefined) {
      return false
    }
    this.starter.refusedByJob(this.jobWatch.jobId, refusal)
    this.startDone = false
    this.target = this.settings.target
    this.jobWatch = undefined
    return true
  }

  private wall(): number {
    return this.deps.wall?.() ?? Date.now()
  }

  /** The durable product id: given, or looked up by the offer's external id once per run. */
  private async product(budget: Budget): Promise<FetchResult<string>> {
    if (this.productId !== undefined) return { kind: 'ok', value: this.productId }
    const { baseUrl, apiVersion } = this.settings
    const { externalId } = this
    const found = await this.read(
      productLookupUrl(baseUrl, externalId, apiVersion),
      budget,
      parseProducts
    )
    if (found.kind !== 'ok') return found
    // The product whose external id is the offer id; one that names none is taken only alone.
    // Products that name other offer ids only mean the filter was ignored: never another offer.
    const wanted = externalId.toLowerCase()
    const product =
      found.value.find((each) => each.externalId?.toLowerCase() === wanted) ??
      (found.value.length === 1 && found.value[0].externalId === undefined
        ? found.value[0]
        : undefined)
    if (product === undefined && found.value.length > 0) {
      return {
        kind: 'fatal',
        message: `offer-id "${externalId}": the Product Ingestion API answered the look-up with ${found.value.length} product${found.value.length === 1 ? '' : 's'} none of which has this offer id (it may have ignored the filter), so the gate cannot tell which is the offer and stops${this.settings.start === undefined ? '' : ': nothing was posted'}. Set offer-id to the product id Partner Center shows in its address bar (product/<guid>).`
      }
    }
    if (product === undefined) {
      return {
        kind: 'fatal',
        message: `offer-id "${externalId}": the Product Ingestion API knows no product with this offer id (GET /product?externalId answered an empty list). Check the offer id as Partner Center shows it, and that the Azure AD application is added to that offer's Partner Center account. Offers published through the Cloud Partner Portal are not Partner Center products: gate them with api: cpp. Azure Application offers (solution templates, managed applications) are published through another API, Partner Center's submission API, not supported yet.`
      }
    }
    this.productId = product.id
    this.deps.info(`Offer ${externalId} is ${product.id}.`)
    return { kind: 'ok', value: product.id }
  }

  private async readSubmissions(productId: string, budget: Budget): Promise<FetchResult<void>> {
    const read = await this.read(
      submissionsUrl(this.settings.baseUrl, productId, this.settings.apiVersion),
      budget,
      parseSubmissions
    )
    if (read.kind !== 'ok') return read
    this.submissions = read.value
    return { kind: 'ok', value: undefined }
  }

  /** One GET, its body parsed; a body that is JSON but not the answer expected is retried. */
  private async read<T>(
    url: string,
    budget: Budget,
    parse: (body: unknown) => T
  ): Promise<FetchResult<T>> {
    const fetched = await this.deps.client.getJson(url, budget)
    if (fetched.kind !== 'ok') return fetched
    try {
      return { kind: 'ok', value: parse(fetched.value) }
    } catch (error) {
      if (!(error instanceof UnexpectedBodyError)) throw error
      return { kind: 'transient', reason: `the API answered with ${error.message}`, shape: true }
    }
  }
}
