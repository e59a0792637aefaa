// One CPP poll: the operation (or offer status) as a Snapshot. With `operation-id: latest` the
// first poll finds the operation in the offer's submissions list, within the same budget. With
// `start`, the first poll looks for an operation already running (and watches it if there is
// one), else posts the publish or go-live and watches the operation its Location names. A POST
// that failed in transit is never sent again blindly: the next poll looks again first.

import { formatTime, lastSeen } from '../../model/describe.js'
import type { FetchResult, Start } from '../../model/outcome.js'
import type { Snapshot } from '../../model/snapshot.js'
import type { Budget } from '../../net/budget.js'
import type { StartKind, Watcher, WatcherDeps } from '../backend.js'
import { findLatestOperation, pickLatest, type Chosen, type IsOperationId } from './latest.js'
import { operationUrl, type Target } from './location.js'
import { normalize, UnexpectedBodyError } from './normalize.js'
import { isGoLive, previewReady } from './ready.js'

/** How to start the operation to watch: `start: preview` (publish) or `live` (go-live). */
export interface StartPlan {
  kind: StartKind
  /** …/offers/{offer}/publish or …/golive, with api-version. */
  actionUrl: string
  /** "contoso/offer", for the log. */
  offer: string
  /** The operation a Location (or Operation-Location) names, pinned to base-url. */
  locate: (
    location: string
  ) => { ok: true; url: string; id: string } | { ok: false; expected: string }
}

export class CppWatcher implements Watcher {
  private readonly target: Target
  private readonly deps: WatcherDeps
  private readonly isId: IsOperationId
  private readonly plan: StartPlan | undefined
  private url: string
  private id: string
  private started: Start | undefined
  /** A POST of this run failed in transit: an operation found running now may be its. */
  private postFailed = false

  constructor(target: Target, deps: WatcherDeps, isId: IsOperationId, plan?: StartPlan) {
    this.target = target
    this.deps = deps
    this.isId = isId
    this.plan = plan
    this.url = target.kind === 'latest' ? '' : target.url
    this.id = target.operationId
  }

  get operationId(): string {
    return this.id
  }

  get start(): Start | undefined {
    return this.started
  }

  async poll(budget: Budget): Promise<FetchResult<Snapshot>> {
    const { client } = this.deps
    if (this.url === '' && this.plan !== undefined) {
      const begun = await this.begin(this.plan, budget)
      if (begun.kind !== 'ok') return begun
    } else if (this.url === '') {
      // operation-id: latest, found on the first poll; its failures are retried like any poll's.
      const found = await findLatestOperation(
        (url, within) => client.getJson(url, within),
        this.target.url,
        budget,
        this.isId
      )
      if (found.kind !== 'ok') return found
      this.url = found.value.url
      this.id = found.value.id
      this.deps.info(`Watching operation ${found.value.id}: ${found.value.why}.`)
    }
    return snapshotOf(await client.getJson(this.url, budget))
  }

  /**
   * Watches an operation already running, else starts one: never two publishes of the offer. A
   * go-live needs a publish whose preview is ready (waiting at Publisher signoff); with none, or one
   * still in certification, it is a clear error and nothing is posted.
   */
  private async begin(plan: StartPlan, budget: Budget): Promise<FetchResult<void>> {
    const running = await this.runningOperation(budget)
    if (running.kind !== 'ok') return running
    const found = running.value
    if (found !== undefined && (plan.kind === 'preview' || isGoLive(found.type))) {
      return this.attach(found)
    }
    if (plan.kind === 'live') {
      const ready = await this.readyToGoLive(found, plan, budget)
      if (ready.kind !== 'ok') return ready
    }
    const { client } = this.deps
    const what = plan.kind === 'preview' ? 'a publish to preview' : 'a go-live'
    // The publish takes a metadata object (notification e-mails are Partner Center's now); the
    // go-live takes no body.
    const posted = await client.request(
      'POST',
      plan.actionUrl,
      plan.kind === 'preview' ? { metadata: {} } : undefined,
      budget
    )
    if (posted.kind === 'transient') {
      this.postFailed = true
      return posted
    }
    if (posted.kind === 'fatal') {
      // 409: another publish won the race since the look-up. Watch that one instead.
      if (posted.status === 409) {
        const again = await this.runningOperation(budget)
        if (again.kind === 'ok' && again.value !== undefined) return this.attach(again.value)
      }
      return posted
    }
    const location = posted.value.location ?? posted.value.operationLocation ?? ''
    const located = plan.locate(location)
    if (!located.ok) {
      return {
        kind: 'fatal',
        message: `The CPP API accepted ${what} (HTTP ${posted.value.status}) but its answer names no operation the gate can watch (Location: "${location.slice(0, 200)}"): expected ${located.expected}. Look for the operation in Partner Center before starting another.`
      }
    }
    this.url = located.url
    this.id = located.id
    this.started = {
      started: true,
      note: `Started ${what} of ${plan.offer} at ${formatTime(this.wall())}: operation ${located.id}.`
    }
    this.deps.info(this.started.note)
    return { kind: 'ok', value: undefined }
  }

  /** Whether the running publish `found` waits for go-live; a clear error when it does not. */
  private async readyToGoLive(
    found: Chosen | undefined,
    plan: StartPlan,
    budget: Budget
  ): Promise<FetchResult<void>> {
    if (found === undefined) {
      return {
        kind: 'fatal',
        message: `start: live needs a publish of ${plan.offer} whose preview is ready for go-live (waiting at Publisher signoff), and no operation of the offer is running. Publish to preview first (start: preview) and wait until it is ready; nothing was posted.`
      }
    }
    const publish = await snapshotOf(
      await this.deps.client.getJson(operationUrl(this.target.url, found.id), budget)
    )
    if (publish.kind !== 'ok') return publish
    if (previewReady(publish.value) !== undefined) return { kind: 'ok', value: undefined }
    return {
      kind: 'fatal',
      message: `start: live needs the preview to be ready for go-live, and it is not: operation ${found.id} (${found.type || 'a publish'}) is still going. ${lastSeen(publish.value)} Wait until the preview is ready (wait-for: preview), then go live; nothing was posted.`
    }
  }

  /** The offer's running operation, from the submissions list (as `latest` reads it). */
  private async runningOperation(budget: Budget): Promise<FetchResult<Chosen | undefined>> {
    const listed = await this.deps.client.getJson(`${this.target.url}&status=running`, budget)
    if (listed.kind !== 'ok') return listed
    return { kind: 'ok', value: pickLatest(listed.value, true, this.isId) }
  }

  private attach(found: Chosen): FetchResult<void> {
    this.url = operationUrl(this.target.url, found.id)
    this.id = found.id
    const maybeOurs = this.postFailed
      ? " (it may be the one this run's own request started: that request's answer was lost)"
      : ''
    this.started = {
      started: false,
      note: `An operation was already running: watching it instead of starting another. Operation ${found.id}${maybeOurs}, found at ${formatTime(this.wall())}: ${found.why}.`
    }
    this.deps.info(this.started.note)
    return { kind: 'ok', value: undefined }
  }

  private wall(): number {
    return this.deps.wall?.() ?? Date.now()
  }
}

/** A body that is JSON but not an operation is retried: a proxy or a deploy may have answered. */
export async function snapshotOf(fetched: FetchResult<unknown>): Promise<FetchResult<Snapshot>> {
  if (fetched.kind !== 'ok') return fetched
  try {
    return { kind: 'ok', value: await normalize(fetched.value) }
  } catch (error) {
    if (!(error instanceof UnexpectedBodyError)) throw error
    return { kind: 'transient', reason: `the API answered with ${error.message}`, shape: true }
  }
}
