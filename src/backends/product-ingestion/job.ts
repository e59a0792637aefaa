// A configure job followed to its verdict: its status while it runs; once it succeeded, its detail
// (GET configure/{jobId}) once, and then the submission the detail names, by id, in the product's
// list on every poll until it is completed (certification may go on after the job ended). Nothing
// is guessed from which entries look new, except where the API names no submission for what must
// be a publish (a job this run started, or wait-for preview or live): then the first preview or
// live entry that was not listed before the job is its.

import type { WaitFor } from '../../gate/verdict.js'
import type { FetchResult } from '../../model/outcome.js'
import { isFinished } from '../../model/status.js'
import type { Budget } from '../../net/budget.js'
import type { StartKind } from '../start-steps.js'
import { jobDetailUrl, jobStatusUrl } from './location.js'
import type { View } from './normalize.js'
import {
  leaves,
  namedProducts,
  namedSubmissions,
  parseDetail,
  parseJob,
  type Job,
  type Published,
  type Submission
} from './parse.js'
import { IN_PROGRESS, NOT_LATEST } from './start.js'

/** One GET, its body parsed; a body that is JSON but not the answer expected is retried. */
export type Read = <T>(
  url: string,
  budget: Budget,
  parse: (body: unknown) => T
) => Promise<FetchResult<T>>

export interface JobDeps {
  baseUrl: string
  apiVersion: string
  /** wait-for: whether it names a target (preview, live), so that the job must have published. */
  waitFor?: WaitFor
  info: (line: string) => void
  read: Read
  /** Reads the product's submissions (the watcher keeps them for its snapshot). */
  list: (budget: Budget) => Promise<FetchResult<Submission[]>>
}

/** A job this run posted: to which target, and what was listed before the POST. */
export interface Posted {
  kind: StartKind
  before: Submission[]
}

/**
 * What the job's detail said: not read yet; it named the job's submission; it named none (a
 * draft-only configure, the job alone decides); or it named none or was not there (404) for what
 * must be a publish, so that the list is searched for the job's submission.
 */
type Detail = 'unread' | 'named' | 'draft-only' | 'search'

export class JobWatch {
  readonly jobId: string
  private readonly productId: string
  private readonly deps: JobDeps
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
  private readonly postedKind: StartKind | undefined
  private warnedOtherProduct = false

  constructor(jobId: string, productId: string, deps: JobDeps, posted?: Posted) {
    this.jobId = jobId
    this.productId = productId
    this.deps = deps
    this.postedKind = posted?.kind
    this.before = posted?.before
  }

  /** What the snapshot shows of the job: the job, what it published, whether it decides alone. */
  view(): Pick<View, 'job' | 'published' | 'draftOnly'> {
    return {
      ...(this.job === undefined ? {} : { job: this.job }),
      ...(this.published === undefined ? {} : { published: this.published }),
      ...(this.detail === 'draft-only' ? { draftOnly: true } : {})
    }
  }

  /**
   * A job this run posted that failed with conflict errors only published nothing: it was a
   * refusal, told late. Its first error then, else undefined.
   */
  refusal(): string | undefined {
    const { job } = this
    if (this.postedKind === undefined || job?.state.status !== 'failed') return undefined
    const said = leaves(job.errors).map((each) => each.message)
    if (
      said.length === 0 ||
      !said.every((each) => IN_PROGRESS.test(each) || NOT_LATEST.test(each))
    ) {
      return undefined
    }
    return said[0]
  }

  private async list(budget: Budget): Promise<FetchResult<void>> {
    const listed = await this.deps.list(budget)
    if (listed.kind !== 'ok') return listed
    this.submissions = listed.value
    return { kind: 'ok', value: undefined }
  }

  /**
   * The job until it is over; then, if it succeeded, its detail once and the submissions on every
   * poll. A job that failed or was canceled decides alone: nothing more is read.
   */
  async follow(budget: Budget): Promise<FetchResult<void>> {
    const { jobId, productId } = this
    if (!this.jobOver) {
      const job = await this.deps.read(
        jobStatusUrl(this.deps.baseUrl, jobId, this.deps.apiVersion),
        budget,
        parseJob
      )
      if (job.kind !== 'ok') return job
      this.job = job.value
      this.checkProduct(job.value)
      const over = isFinished(job.value.state.status)
      if (!this.seen && !over && this.before === undefined) {
        const listed = await this.list(budget)
        if (listed.kind !== 'ok') return listed
        this.before = this.submissions
        this.describeFirstSight()
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
      const listed = await this.list(budget)
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
      const detail = await this.readDetail(budget)
      if (detail.kind !== 'ok') return detail
    }
    const listed = await this.list(budget)
    if (listed.kind !== 'ok') return listed
    if (this.detail === 'search' && this.published === undefined) this.search()
    return { kind: 'ok', value: undefined }
  }

  /** GET configure/{jobId}, once, after the job succeeded: the submission it published, if any. */
  private async readDetail(budget: Budget): Promise<FetchResult<void>> {
    const { jobId } = this
    const fetched = await this.deps.read(
      jobDetailUrl(this.deps.baseUrl, jobId, this.deps.apiVersion),
      budget,
      parseDetail
    )
    if (fetched.kind === 'fatal' && fetched.status === 404) {
      if (this.before === undefined) return this.cannotTell('has no detail for it (HTTP 404)')
      this.detail = 'search'
      this.deps.info(
        `The API has no detail for configure job ${jobId} (HTTP 404): waiting for the job's submission to be listed (a preview or live entry that was not listed before the job).`
      )
      return { kind: 'ok', value: undefined }
    }
    if (fetched.kind !== 'ok') return fetched
    const own = this.theJobs(fetched.value)
    if (own !== undefined) {
      this.detail = 'named'
      this.published = own
      this.deps.info(
        `Configure job ${jobId} published submission ${own.id} to ${own.target} (the job's detail): following it until it is completed.`
      )
    } else if (this.expectsPublish()) {
      if (this.before === undefined) return this.cannotTell('names no submission in its detail')
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

  /**
   * The submission the detail names, on the target that matters: for a job this run posted, the
   * target it posted (a go-live's submission is the preview's id, taken live); otherwise live
   * before preview, so that a go-live is never read from its preview's entry.
   */
  private theJobs(named: Published[]): Published | undefined {
    const wanted = this.postedKind
    if (wanted !== undefined) {
      const first = named.find((each) => each.target === wanted) ?? named[0]
      return first === undefined ? undefined : { id: first.id, target: wanted }
    }
    return named.find((each) => each.target === 'live') ?? named[0]
  }

  /** A job first seen over, whose submission the API does not name: no list from before it. */
  private cannotTell(why: string): FetchResult<void> {
    const { jobId } = this
    return {
      kind: 'fatal',
      message: `Configure job ${jobId} succeeded, but the API ${why}, so it does not say which submission the job published; and the gate first saw the job when it was already over, so it cannot tell that submission from an earlier one. Watch the offer's submissions instead: leave operation-id empty and set wait-for to preview or live.`
    }
  }

  /** A job this run posted, or one that wait-for says published to preview or live. */
  private expectsPublish(): boolean {
    if (this.postedKind !== undefined) return true
    const waitFor = this.deps.waitFor
    const named =
      waitFor?.kind === 'ready' ? waitFor.rule : waitFor?.kind === 'step' ? waitFor.stepId : ''
    return /^(preview|live)$/i.test(named)
  }

  /** The first preview or live entry not listed before the job (this run's kind first) is its. */
  private search(): void {
    const { jobId } = this
    const before = this.before ?? []
    const isNew = (each: Submission): boolean =>
      (each.target === 'preview' || each.target === 'live') &&
      !before.some((old) => old.id === each.id && old.target === each.target)
    // Created before the job started, it is not the job's (a list that lagged before the POST).
    const start = this.job?.start === undefined ? Number.NaN : Date.parse(this.job.start)
    const fresh = this.submissions.filter(isNew).filter((each) => {
      const created = each.created === undefined ? Number.NaN : Date.parse(each.created)
      return Number.isNaN(start) || Number.isNaN(created) || created >= start
    })
    const found = fresh.find((each) => each.target === this.postedKind) ?? fresh[0]
    if (found === undefined) return
    this.published = { id: found.id, target: found.target === 'live' ? 'live' : 'preview' }
    this.deps.info(
      `Submission ${found.id} to ${found.target} is listed now and was not before configure job ${jobId}: following it as the job's until it is completed.`
    )
  }

  private describeFirstSight(): void {
    const { productId } = this
    const entries = this.submissions
      .filter((each) => each.target === 'preview' || each.target === 'live')
      .map((each) => `${each.target} ${each.id} (${each.state.rawStatus || 'no status'})`)
    this.deps.info(
      `The submissions of ${productId} when the job was first seen: ${entries.length === 0 ? 'none for preview or live' : entries.join('; ')}.`
    )
  }

  /** A job of another product is still watched; the log says whose it is, once, when it can tell. */
  private checkProduct(job: Job): void {
    const { productId } = this
    if (this.warnedOtherProduct) return
    const others = namedProducts(job.errors).filter((each) => each !== productId.toLowerCase())
    if (others.length === 0) return
    this.warnedOtherProduct = true
    this.deps.info(
      `Configure job ${this.jobId} names ${others.join(', ')} in its errors, not ${productId} (offer-id): it is watched all the same.`
    )
  }
}
