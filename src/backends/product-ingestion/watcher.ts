// One Product Ingestion poll: the offer's product (resolved once), then the configure job's status
// (one request per poll while it runs), or the product's submissions. When the job is over and
// succeeded, its detail (GET configure/{jobId}) is read once: the submission it names is the
// job's, and from then on each poll reads the submissions list to follow that one by id until it
// is completed (certification may go on after the job ended). Nothing is guessed from which
// entries look new, except where the API names no submission for what must be a publish (a job
// this run started, or wait-for preview or live): then the first preview or live entry that was
// not listed before the job is its.

import type { FetchResult, Start } from '../../model/outcome.js'
import type { Snapshot } from '../../model/snapshot.js'
import { isFinished } from '../../model/status.js'
import type { Budget } from '../../net/budget.js'
import type { WaitFor } from '../../gate/verdict.js'
import type { StartKind, Watcher, WatcherDeps } from '../backend.js'
import {
  jobDetailUrl,
  jobStatusUrl,
  partnerCenterLink,
  productLookupUrl,
  submissionsUrl,
  type Offer,
  type Target
} from './location.js'
import {
  leaves,
  namedProducts,
  namedSubmissions,
  parseDetail,
  parseJob,
  parseProducts,
  parseSubmissions,
  snapshotOf,
  UnexpectedBodyError,
  type Job,
  type Published,
  type Submission
} from './normalize.js'
import { Starter, waitingSnapshot, type IfRunning } from '../start.js'
import { IN_PROGRESS, NOT_LATEST, PiStartSteps } from './start.js'

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

/**
 * What the job's detail said: not read yet; it named the job's submission; it named none (a
 * draft-only configure, the job alone decides); or it named none or was not there (404) for what
 * must be a publish, so that the list is searched for the job's submission.
 */
type Detail = 'unread' | 'named' | 'draft-only' | 'search'

export class ProductIngestionWatcher implements Watcher {
  private readonly settings: WatchSettings
  private readonly deps: WatcherDeps
  private productId: string | undefined
  private readonly externalId: string
  private job: Job | undefined
  private submissions: Submission[] = []
  /**
   * The submissions listed before the job's publish: before this run's POST, or when a job given
   * by operation-id was first seen still running. Undefined when the job was first seen over.
   * Read only to find the job's submission when the API does not name it.
   */
  private before: Submission[] | undefined
  /** The job's status was read at least once. */
  private seen = false
  /** The job is over: its status is not asked again. */
  private jobOver = false
  private detail: Detail = 'unread'
  /** The job failed (or was canceled) and the list was read once after that. */
  private listedFailure = false
  /** The submission the job published, once known. */
  private published: Published | undefined
  /** This run posted the publish the job is (to preview or live). */
  private postedKind: StartKind | undefined
  private warnedOtherProduct = false
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
          ? await this.followJob(target.jobId, productId, budget)
          : await this.readSubmissions(productId, budget)
      if (read.kind !== 'ok') return read
      if (!this.refusedAsConflict()) break
    }
    return {
      kind: 'ok',
      value: snapshotOf({
        productId,
        submissions: this.submissions,
        ...(this.job === undefined ? {} : { job: this.job }),
        ...(this.published === undefined ? {} : { published: this.published }),
        ...(this.detail === 'draft-only' ? { draftOnly: true } : {})
      })
    }
  }

  /**
   * The job until it is over; then, if it succeeded, its detail once and the submissions on every
   * poll. A job that failed or was canceled decides alone: nothing more is read.
   */
  private async followJob(
    jobId: string,
    productId: string,
    budget: Budget
  ): Promise<FetchResult<void>> {
    if (!this.jobOver) {
      const job = await this.read(
        jobStatusUrl(this.settings.baseUrl, jobId, this.settings.apiVersion),
        budget,
        parseJob
      )
      if (job.kind !== 'ok') return job
      this.job = job.value
      this.checkProduct(job.value, productId)
      const over = isFinished(job.value.state.status)
      if (!this.seen && !over && this.before === undefined) {
        const listed = await this.readSubmissions(productId, budget)
        if (listed.kind !== 'ok') return listed
        this.before = this.submissions
        this.describeFirstSight(productId)
      }
      this.seen = true
      this.jobOver = over
      if (!over) return { kind: 'ok', value: undefined }
    }
    const job = this.job
    if (job?.state.status !== 'succeeded') {
      // The job decides alone. The list is read once for the summary, and the submission its
      // errors name (a certification failure names it) is shown as the job's.
      if (this.listedFailure) return { kind: 'ok', value: undefined }
      const listed = await this.readSubmissions(productId, budget)
      if (listed.kind !== 'ok') return listed
      this.listedFailure = true
      const named = namedSubmissions(job?.errors ?? [], productId)
      const own = this.submissions.find((each) => named.includes(each.id.toLowerCase()))
      if (own !== undefined && (own.target === 'preview' || own.target === 'live')) {
        this.published = { id: own.id, target: own.target }
      }
      return { kind: 'ok', value: undefined }
    }
    if (this.detail === 'unread') {
      const detail = await this.readDetail(jobId, budget)
      if (detail.kind !== 'ok') return detail
    }
    const listed = await this.readSubmissions(productId, budget)
    if (listed.kind !== 'ok') return listed
    if (this.detail === 'search' && this.published === undefined) this.search(jobId)
    return { kind: 'ok', value: undefined }
  }

  /** GET configure/{jobId}, once, after the job succeeded: the submission it published, if any. */
  private async readDetail(jobId: string, budget: Budget): Promise<FetchResult<void>> {
    const fetched = await this.read(
      jobDetailUrl(this.settings.baseUrl, jobId, this.settings.apiVersion),
      budget,
      parseDetail
    )
    if (fetched.kind === 'fatal' && fetched.status === 404) {
      if (this.before === undefined) {
        return {
          kind: 'fatal',
          message: `Configure job ${jobId} succeeded, but the API has no detail for it (GET configure/${jobId} answered HTTP 404), so it does not say which submission the job published; and the gate first saw the job when it was already over, so it cannot tell that submission from an earlier one. Watch the offer's submissions instead: leave operation-id empty and set wait-for to preview or live.`
        }
      }
      this.detail = 'search'
      this.deps.info(
        `The API has no detail for configure job ${jobId} (HTTP 404): waiting for the job's submission to be listed (a preview or live entry that was not listed before the job).`
      )
      return { kind: 'ok', value: undefined }
    }
    if (fetched.kind !== 'ok') return fetched
    const named = fetched.value
    const wanted = this.postedKind
    const own = named.find((each) => each.target === wanted) ?? named[0]
    if (own !== undefined) {
      this.detail = 'named'
      this.published = own
      this.deps.info(
        `Configure job ${jobId} published submission ${own.id} to ${own.target} (the job's detail): following it until it is completed.`
      )
    } else if (this.expectsPublish()) {
      this.detail = 'search'
      this.deps.info(
        `Configure job ${jobId} names no submission in its detail, although ${this.postedKind === undefined ? 'wait-for asks for a publish' : 'this run posted a publish'}: waiting for the job's submission to be listed (a preview or live entry that was not listed before the job).`
      )
    } else {
      this.detail = 'draft-only'
      this.deps.info(
        `Configure job ${jobId} names no submission in its detail: it changed the draft only, and its result decides.`
      )
    }
    return { kind: 'ok', value: undefined }
  }

  /** A job this run posted, or one that wait-for says published to preview or live. */
  private expectsPublish(): boolean {
    if (this.postedKind !== undefined) return true
    const waitFor = this.settings.waitFor
    const named =
      waitFor?.kind === 'ready' ? waitFor.rule : waitFor?.kind === 'step' ? waitFor.stepId : ''
    return /^(preview|live)$/i.test(named)
  }

  /** The first preview or live entry not listed before the job (this run's kind first) is its. */
  private search(jobId: string): void {
    const before = this.before ?? []
    const isNew = (each: Submission): boolean =>
      (each.target === 'preview' || each.target === 'live') &&
      !before.some((old) => old.id === each.id && old.target === each.target)
    const fresh = this.submissions.filter(isNew)
    const found = fresh.find((each) => each.target === this.postedKind) ?? fresh[0]
    if (found === undefined) return
    this.published = { id: found.id, target: found.target === 'live' ? 'live' : 'preview' }
    this.deps.info(
      `Submission ${found.id} to ${found.target} is listed now and was not before configure job ${jobId}: following it as the job's until it is completed.`
    )
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
        this.postedKind = kind
        // What was listed before the POST: no entry of it can be this publish's.
        this.before = steps.before
        return undefined
      case 'attach':
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
    const { job, starter } = this
    if (this.postedKind === undefined || starter === undefined || job === undefined) return false
    if (job.state.status !== 'failed') return false
    const said = leaves(job.errors).map((each) => each.message)
    if (
      said.length === 0 ||
      !said.every((each) => IN_PROGRESS.test(each) || NOT_LATEST.test(each))
    ) {
      return false
    }
    starter.refusedByJob(job.id || this.operationId, said[0] ?? '')
    this.startDone = false
    this.target = this.settings.target
    this.job = undefined
    this.seen = false
    this.jobOver = false
    this.detail = 'unread'
    this.listedFailure = false
    this.published = undefined
    this.postedKind = undefined
    this.before = undefined
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

  private describeFirstSight(productId: string): void {
    const entries = this.submissions
      .filter((each) => each.target === 'preview' || each.target === 'live')
      .map((each) => `${each.target} ${each.id} (${each.state.rawStatus || 'no status'})`)
    this.deps.info(
      `The submissions of ${productId} when the job was first seen: ${entries.length === 0 ? 'none for preview or live' : entries.join('; ')}.`
    )
  }

  /** A job of another product is still watched; the log says whose it is, once, when it can tell. */
  private checkProduct(job: Job, productId: string): void {
    if (this.warnedOtherProduct) return
    const others = namedProducts(job.errors).filter((each) => each !== productId.toLowerCase())
    if (others.length === 0) return
    this.warnedOtherProduct = true
    this.deps.info(
      `Configure job ${this.operationId} names ${others.join(', ')} in its errors, not ${productId} (offer-id): it is watched all the same.`
    )
  }
}
