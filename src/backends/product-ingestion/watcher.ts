// One Product Ingestion poll: the offer's product (resolved once), then the configure job's status
// (one request per poll while it runs), or the product's submissions. The submissions are read
// when the job is first seen (to name the product's preview and live submissions) and when it is
// over, not on every poll: at the default minute that is at most 61 requests an hour. A job over
// while the wait goes on (wait-for live after a preview publish) is not asked again: from then on
// each poll reads the submissions.

import type { FetchResult } from '../../model/outcome.js'
import type { Snapshot } from '../../model/snapshot.js'
import type { Budget } from '../../net/budget.js'
import type { Watcher, WatcherDeps } from '../backend.js'
import {
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
}

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

  constructor(settings: WatchSettings, deps: WatcherDeps) {
    this.settings = settings
    this.deps = deps
    const { offer } = settings
    this.productId = offer.kind === 'durable' ? offer.productId : undefined
    this.externalId = offer.kind === 'external' ? offer.externalId : ''
  }

  get operationId(): string {
    return this.settings.target.kind === 'job' ? this.settings.target.jobId : ''
  }

  async poll(budget: Budget): Promise<FetchResult<Snapshot>> {
    const product = await this.product(budget)
    if (product.kind !== 'ok') return product
    const productId = product.value
    const { target } = this.settings
    if (target.kind === 'job' && !this.jobOver) {
      const job = await this.read(
        jobStatusUrl(this.settings.baseUrl, target.jobId, this.settings.apiVersion),
        budget,
        parseJob
      )
      if (job.kind !== 'ok') return job
      this.job = job.value
      this.checkProduct(job.value, productId)
      const over = isOver(job.value)
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

function isOver(job: Job): boolean {
  const { status } = job.state
  return status === 'succeeded' || status === 'failed' || status === 'canceled'
}
