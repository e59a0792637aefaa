// `start` on the CPP API: the look-up of running operations (anything the `status=running` list
// holds that is not known to be over blocks a publish, and so does an entry the gate cannot read),
// a go-live's precondition (a publish waiting at Publisher signoff), the POST and its Location.

import { lastSeen } from '../../model/describe.js'
import type { FetchResult } from '../../model/outcome.js'
import { isFinished } from '../../model/status.js'
import type { ApiClient } from '../../net/api-client.js'
import type { Budget } from '../../net/budget.js'
import {
  failedInTransit,
  isSignInRefusal,
  type Found,
  type Posted,
  type Running,
  type StartKind,
  type StartSteps
} from '../start-steps.js'
import { listItems, type IsOperationId, type Item } from './latest.js'
import { operationUrl } from './location.js'
import { isGoLive, previewReady } from './ready.js'
import { cppStatus } from './spellings.js'
import { snapshotOf } from './normalize.js'

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

export class CppStartSteps implements StartSteps {
  readonly kind: StartKind
  readonly offer: string
  private readonly plan: StartPlan
  private readonly listUrl: string
  private readonly client: ApiClient
  private readonly isId: IsOperationId
  /** The operations in progress at the last look-up: none of them is what a POST started. */
  private before = new Set<string>()
  /** The operation the last accepted POST named: its address as the Location gave it. */
  located: { url: string; id: string } | undefined

  constructor(plan: StartPlan, listUrl: string, client: ApiClient, isId: IsOperationId) {
    this.plan = plan
    this.kind = plan.kind
    this.offer = plan.offer
    this.listUrl = listUrl
    this.client = client
    this.isId = isId
  }

  async look(budget: Budget): Promise<FetchResult<Found>> {
    const listed = await this.client.getJson(`${this.listUrl}&status=running`, budget)
    if (listed.kind !== 'ok') return listed
    // The filter may not be applied: entries known to be over are not running; any other is.
    const going = listItems(listed.value).filter((each) => !isFinished(cppStatus(each.state)))
    this.before = new Set(going.map((each) => each.id))
    const unreadable = going.find((each) => !this.isId(each.id))
    if (unreadable !== undefined) {
      return {
        kind: 'ok',
        value: {
          kind: 'blocked',
          message: `start: the offer's running operations include one the gate cannot read (its id is not an operation id of ${this.offer}), so it cannot tell whether a publish is in progress. Nothing was posted: look in Partner Center, and run the workflow again once no publish is in progress.`
        }
      }
    }
    // A go-live in progress blocks either kind; a publish blocks until its preview is ready
    // (waiting at Publisher signoff), which a go-live needs and a new publish may follow.
    const goLive = going.find((each) => isGoLive(each.type))
    if (goLive !== undefined) return { kind: 'ok', value: found(goLive) }
    let ready: Item | undefined
    for (const [index, publish] of going.entries()) {
      // Each is read: a few at most; past them, one is taken as in progress (fail safe).
      if (index >= MAX_PUBLISHES_READ) return { kind: 'ok', value: found(publish) }
      const read = await snapshotOf(
        await this.client.getJson(operationUrl(this.listUrl, publish.id), budget)
      )
      if (read.kind !== 'ok') return read
      if (previewReady(read.value) === undefined) {
        return {
          kind: 'ok',
          value: found(publish, `, its preview not ready yet: ${lastSeen(read.value)}`)
        }
      }
      ready ??= publish
    }
    if (this.kind === 'live' && ready === undefined) {
      return {
        kind: 'fatal',
        message: `start: live needs a publish of ${this.offer} whose preview is ready for go-live (waiting at Publisher signoff), and no operation of the offer is running. Publish to preview first (start: preview) and wait until it is ready; nothing was posted.`
      }
    }
    return { kind: 'ok', value: { kind: 'none' } }
  }

  /** A running operation of this offer that the last look-up before the POST did not list. */
  async find(budget: Budget): Promise<FetchResult<Running | undefined>> {
    const listed = await this.client.getJson(`${this.listUrl}&status=running`, budget)
    if (listed.kind !== 'ok') return listed
    const fresh = listItems(listed.value).find(
      (each) =>
        this.isId(each.id) && !isFinished(cppStatus(each.state)) && !this.before.has(each.id)
    )
    const appeared = found(fresh)
    return { kind: 'ok', value: appeared.kind === 'running' ? appeared.running : undefined }
  }

  async post(budget: Budget): Promise<Posted> {
    // The publish takes a metadata object (notification e-mails are Partner Center's now); the
    // go-live takes no body.
    const posted = await this.client.request(
      'POST',
      this.plan.actionUrl,
      this.kind === 'preview' ? { metadata: {} } : undefined,
      budget
    )
    if (posted.kind === 'transient') return failedInTransit(posted)
    if (posted.kind === 'fatal') {
      if (isSignInRefusal(posted)) return { kind: 'final', result: posted }
      // 409: another publish won the race since the look-up.
      if (posted.status === 409) return { kind: 'conflict', detail: posted.detail || 'HTTP 409' }
      return { kind: 'final', result: posted }
    }
    const location = posted.value.location ?? posted.value.operationLocation ?? ''
    if (location === '') return { kind: 'unnamed', status: posted.value.status }
    const located = this.plan.locate(location)
    if (!located.ok || !this.isId(located.id)) {
      return {
        kind: 'final',
        result: {
          kind: 'fatal',
          message: `The CPP API accepted the request (HTTP ${posted.value.status}) but its Location names no operation the gate can watch ("${location.slice(0, 200)}"): expected ${located.ok ? 'an operation id of this offer' : located.expected}. It was not sent again: look for the operation in Partner Center before starting another.`
        }
      }
    }
    this.located = { url: located.url, id: located.id }
    return { kind: 'accepted', id: located.id, label: `operation ${located.id}` }
  }

  /** Over: completed, failed or canceled, or (a publish) waiting at Publisher signoff. */
  async ended(running: Running, budget: Budget): Promise<FetchResult<boolean>> {
    const read = await snapshotOf(
      await this.client.getJson(operationUrl(this.listUrl, running.id), budget)
    )
    if (read.kind !== 'ok') return read
    const snapshot = read.value
    return {
      kind: 'ok',
      value:
        isFinished(snapshot.status) ||
        (!isGoLive(snapshot.submissionType) && previewReady(snapshot) !== undefined)
    }
  }
}

/** Running publishes read to tell one waiting at Publisher signoff from one still certified. */
const MAX_PUBLISHES_READ = 3

function found(item: Item | undefined, more = ''): Found {
  if (item === undefined) return { kind: 'none' }
  const running: Running = {
    id: item.id,
    label: `operation ${item.id} (${item.type || 'a publish'}, ${item.state || 'no status'}${more})`,
    ...(item.changedText === '' ? {} : { since: item.changedText })
  }
  return { kind: 'running', running }
}
