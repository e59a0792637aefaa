// One Product Ingestion poll: the offer's product (resolved once), then the configure job's status
// (one request per poll while it runs), or the product's submissions. The submissions are read
// when the job is first seen (to name the product's preview and live submissions) and when it is
// over, not on every poll: at the default minute that is at most 61 requests an hour. A job over
// while the wait goes on (wait-for live after a preview publish) is not asked again: from then on
// each poll reads the submissions.

import { formatTime } from '../../model/describe.js'
import type { FetchResult, Start } from '../../model/outcome.js'
import type { Snapshot } from '../../model/snapshot.js'
import { isFinished } from '../../model/status.js'
import type { Budget } from '../../net/budget.js'
import type { StartKind, Watcher, WatcherDeps } from '../backend.js'
import {
  configureUrl,
  jobStatusUrl,
  productLookupUrl,
  submissionsUrl,
  type Offer,
  type Target
} from './location.js'
import {
  namedProducts,
  parseJob,
  parseProducts,
  parseSubmissions,
  snapshotOf,
  UnexpectedBodyError,
  type Job,
  type Submission
} from './normalize.js'

export interface WatchSettings {
  baseUrl: string
  apiVersion: string
  offer: Offer
  target: Target
  /** `start`: publish to preview or go live first (unless a publish already runs). */
  start?: StartKind
}

/** Where the configure requests' schemas live (the azureedge host is gone since 2025). */
const SCHEMA = 'https://schema.mp.microsoft.com/schema'
/**
 * The submission resource's schema version: later ones require `sources`, which a publish of the
 * whole draft does not name (Red Hat's cloudpub pins this one for the same reason).
 */
const SUBMISSION_SCHEMA = `${SCHEMA}/submission/2022-03-01-preview2`
const CONFIGURE_SCHEMA = `${SCHEMA}/configure/2022-03-01-preview2`
/** What the API answers when a publish is already in progress, or the preview is not the latest. */
const CONFLICT =
  /an in progress submission already exists|cannot be pushed to as its not the latest/i

export class ProductIngestionWatcher implements Watcher {
  private readonly settings: WatchSettings
  private readonly deps: WatcherDeps
  private productId: string | undefined
  private readonly externalId: string
  private job: Job | undefined
  private submissions: Submission[] = []
  /** The submissions when the job was first seen, once known to be from before its end. */
  private firstSeen: Submission[] = []
  /**
   * The submissions read on first sight, until a later status still shows the job running: the
   * job may end between its status call and the submissions call, and a list read after its end
   * is no starting point.
   */
  private unconfirmed: Submission[] | undefined
  /** The submissions were read while the job was watched (on first sight). */
  private seen = false
  /** The job is over and its submissions were read after that: the job is not asked again. */
  private jobOver = false
  private warnedOtherProduct = false
  /** What is watched: the job given or started, or the submissions (given, or found running). */
  private target: Target
  /** With `start`, until it has started (or found) what to watch. */
  private starting: StartKind | undefined
  private started: Start | undefined
  /** A POST of this run failed in transit: a submission found running now may be its. */
  private postFailed = false

  constructor(settings: WatchSettings, deps: WatcherDeps) {
    this.settings = settings
    this.deps = deps
    this.target = settings.target
    this.starting = settings.start
    const { offer } = settings
    this.productId = offer.kind === 'durable' ? offer.productId : undefined
    this.externalId = offer.kind === 'external' ? offer.externalId : ''
  }

  get operationId(): string {
    return this.target.kind === 'job' ? this.target.jobId : ''
  }

  get start(): Start | undefined {
    return this.started
  }

  async poll(budget: Budget): Promise<FetchResult<Snapshot>> {
    const product = await this.product(budget)
    if (product.kind !== 'ok') return product
    const productId = product.value
    if (this.starting !== undefined) {
      const begun = await this.begin(this.starting, productId, budget)
      if (begun.kind !== 'ok') return begun
      if (begun.value !== undefined) return { kind: 'ok', value: begun.value }
    }
    const { target } = this
    if (target.kind === 'job' && !this.jobOver) {
      const job = await this.read(
        jobStatusUrl(this.settings.baseUrl, target.jobId, this.settings.apiVersion),
        budget,
        parseJob
      )
      if (job.kind !== 'ok') return job
      this.job = job.value
      this.checkProduct(job.value, productId)
      const over = isFinished(job.value.state.status)
      if (this.unconfirmed !== undefined && !over) this.firstSeen = this.unconfirmed
      this.unconfirmed = undefined
      if (!this.seen || over) {
        const read = await this.readSubmissions(productId, budget)
        if (read.kind !== 'ok') return read
        if (!this.seen) {
          this.describeFirstSight(productId)
          if (!over) this.unconfirmed = this.submissions
        }
        this.seen = true
        this.jobOver = over
      }
    } else {
      const read = await this.readSubmissions(productId, budget)
      if (read.kind !== 'ok') return read
    }
    return {
      kind: 'ok',
      value: snapshotOf({
        productId,
        submissions: this.submissions,
        firstSeen: this.firstSeen,
        ...(this.job === undefined ? {} : { job: this.job })
      })
    }
  }

  /**
   * Starts what `start` asks for, unless a publish of the product is already running (then its
   * submissions are watched instead: never two publishes). A go-live needs a preview that
   * succeeded. The answer's jobId is the job to watch. A refusal with an error tree comes back as
   * a failed configure job's snapshot, its errors shown as for any failed job.
   */
  private async begin(
    kind: StartKind,
    productId: string,
    budget: Budget
  ): Promise<FetchResult<Snapshot | undefined>> {
    const listed = await this.readSubmissions(productId, budget)
    if (listed.kind !== 'ok') return listed
    const running = this.runningSubmission()
    // A go-live while the preview publish is still running is too early, not a publish to attach to.
    if (running !== undefined && (kind === 'preview' || running.target === 'live')) {
      return this.attach(running)
    }
    const preview = this.submissions.find((each) => each.target === 'preview')
    const live = this.submissions.find((each) => each.target === 'live')
    if (kind === 'live') {
      if (preview === undefined || preview.state.status !== 'succeeded') {
        return {
          kind: 'fatal',
          message: `start: live needs a preview that is ready, and the preview of ${productId} is not: ${preview === undefined ? 'the product has no preview submission' : `submission ${preview.id} is ${preview.state.rawStatus || 'without a status'}`}. ${preview !== undefined && (preview.state.status === 'running' || preview.state.status === 'notStarted') ? 'Wait until it is ready (wait-for: preview), then go live' : 'Publish to preview first (start: preview) and wait until it is ready'}; nothing was posted.`
        }
      }
      if (live?.id === preview.id) {
        this.starting = undefined
        this.target = { kind: 'submissions' }
        this.started = {
          started: false,
          note: `The preview submission ${preview.id} is live already: nothing to go live with. Watching the submissions of ${productId}.`,
          link: partnerCenterLink(productId)
        }
        this.deps.info(this.started.note)
        return { kind: 'ok', value: undefined }
      }
    }
    const what = kind === 'preview' ? 'a publish to preview' : 'a go-live'
    const posted = await this.deps.client.request(
      'POST',
      configureUrl(this.settings.baseUrl, this.settings.apiVersion),
      {
        $schema: CONFIGURE_SCHEMA,
        resources: [
          {
            $schema: SUBMISSION_SCHEMA,
            ...(kind === 'live' && preview !== undefined ? { id: preview.id } : {}),
            product: productId,
            target: { targetType: kind }
          }
        ]
      },
      budget
    )
    if (posted.kind === 'transient') {
      this.postFailed = true
      return posted
    }
    if (posted.kind === 'fatal') {
      if (CONFLICT.test(`${posted.detail ?? ''} ${safeText(posted.body)}`)) {
        // Another publish won the race since the look-up: watch it instead.
        const again = await this.readSubmissions(productId, budget)
        if (again.kind !== 'ok') return again
        const now = this.runningSubmission()
        if (now !== undefined) return this.attach(now)
        return {
          kind: 'transient',
          reason: `the API says a publish is already in progress (${posted.detail ?? ''}), but the submissions do not show it yet`
        }
      }
      return this.refused(what, posted, productId)
    }
    const body = posted.value.body
    const jobId = jobIdOf(body)
    if (!GUID.test(jobId)) {
      return {
        kind: 'fatal',
        message: `The Product Ingestion API accepted ${what} (HTTP ${posted.value.status}) but its answer names no configure job the gate can watch (jobId "${jobId.slice(0, 100)}"). Look for the submission in Partner Center before starting another.`
      }
    }
    this.starting = undefined
    this.target = { kind: 'job', jobId }
    this.started = {
      started: true,
      note: `Started ${what} of ${productId} at ${formatTime(this.wall())}: configure job ${jobId}${kind === 'live' && preview !== undefined ? `, taking preview submission ${preview.id} live` : ''}.`,
      link: partnerCenterLink(productId)
    }
    this.deps.info(this.started.note)
    return { kind: 'ok', value: undefined }
  }

  /** A preview or live submission still in progress: a publish of the product is running. */
  private runningSubmission(): Submission | undefined {
    return this.submissions.find(
      (each) =>
        (each.target === 'preview' || each.target === 'live') &&
        (each.state.status === 'running' || each.state.status === 'notStarted')
    )
  }

  private attach(running: Submission): FetchResult<undefined> {
    this.starting = undefined
    this.target = { kind: 'submissions' }
    const maybeOurs = this.postFailed
      ? " (it may be the one this run's own request started: that request's answer was lost)"
      : ''
    this.started = {
      started: false,
      note: `A publish was already running: watching it instead of starting another. Submission ${running.id} to ${running.target} is ${running.state.rawStatus}${maybeOurs}, found at ${formatTime(this.wall())}.`,
      link: partnerCenterLink(running.id.replace(/^submission\/([^/]+)\/.*$/, 'product/$1'))
    }
    this.deps.info(this.started.note)
    return { kind: 'ok', value: undefined }
  }

  /** A 4xx to the publish: its error tree, when it has one, shown as a failed job's. */
  private refused(
    what: string,
    posted: Extract<FetchResult<unknown>, { kind: 'fatal' }>,
    productId: string
  ): FetchResult<Snapshot | undefined> {
    const error = isRecord(posted.body) ? posted.body.error : undefined
    if (posted.status === undefined || posted.status >= 500 || !isRecord(error)) return posted
    this.starting = undefined
    this.started = {
      started: false,
      note: `The Product Ingestion API refused ${what} (HTTP ${posted.status}): nothing was started. Its errors are below.`,
      link: partnerCenterLink(productId)
    }
    this.deps.info(this.started.note)
    const job = parseJob({ jobStatus: 'completed', jobResult: 'failed', errors: [error] })
    return {
      kind: 'ok',
      value: snapshotOf({ productId, submissions: this.submissions, firstSeen: [], job })
    }
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
    // The lookup matches the external id; prefer an exact echo of it when several come back.
    const wanted = externalId.toLowerCase()
    const product =
      found.value.find((each) => each.externalId?.toLowerCase() === wanted) ?? found.value[0]
    if (product === undefined) {
      return {
        kind: 'fatal',
        message: `offer-id "${externalId}": the Product Ingestion API knows no product with this offer id (GET /product?externalId answered an empty list). Check the offer id as Partner Center shows it, and that the Azure AD application is added to that offer's Partner Center account. Offers published through the Cloud Partner Portal are not Partner Center products: gate them with api: cpp.`
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
      return { kind: 'transient', reason: `the API answered with ${error.message}` }
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

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The configure job's id in an answer: `jobId`, or `jobID` as some samples spell it. */
function jobIdOf(body: unknown): string {
  const record = Array.isArray(body) ? (body as unknown[])[0] : body
  if (!isRecord(record)) return ''
  const key = Object.keys(record).find((name) => name.toLowerCase() === 'jobid')
  const id = key === undefined ? undefined : record[key]
  return typeof id === 'string' ? id : ''
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An error body as text to search for the API's conflict wording (bounded: it was read so). */
function safeText(body: unknown): string {
  try {
    return JSON.stringify(body ?? '').slice(0, 10_000)
  } catch {
    return ''
  }
}

/** The offer's page in Partner Center, for the summary. */
function partnerCenterLink(productId: string): string | undefined {
  const guid = /^product\/([0-9a-f-]{36})$/i.exec(productId)?.[1]
  return guid === undefined
    ? undefined
    : `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${guid}/overview`
}
