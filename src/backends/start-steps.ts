// What a backend brings to `start` (see start.ts for the rules): a look-up of the publish in
// progress, the POST and how its answer reads, and whether a publish waited for has ended.

import type { FetchResult, Outcome, Start } from '../model/outcome.js'
import type { Snapshot } from '../model/snapshot.js'
import type { Budget } from '../net/budget.js'

/** `start: preview` (publish to preview) or `start: live` (go live). */
export type StartKind = 'preview' | 'live'
export type IfRunning = 'wait' | 'attach' | 'fail'
export const IF_RUNNING: readonly IfRunning[] = ['wait', 'attach', 'fail']

/** A publish of the offer in progress, as a backend's look-up found it. */
export interface Running {
  /** The operation's or submission's id. */
  id: string
  /** "operation 5f1c… (Publish, running)": how the log and the summary name it. */
  label: string
  /** When it started, as the API says, if it does. */
  since?: string
  /** The target it publishes to (`preview`, `live`), where the API has one per entry. */
  target?: string
}

/** What a look-up before the POST found. */
export type Found =
  | { kind: 'none' }
  | { kind: 'running'; running: Running }
  /** Something the gate cannot read may be running: nothing is posted (the look-up fails safe). */
  | { kind: 'blocked'; message: string }
  /** Nothing to publish (a go-live whose preview is live already): the offer is watched. */
  | { kind: 'nothing'; note: string }

/** What the POST came to, as the backend classified its answer. */
export type Posted =
  /** This run's publish: its operation or job, to watch, and how the log names it. */
  | { kind: 'accepted'; id: string; label: string }
  /** Accepted (2xx), but the answer names nothing to watch: look for it, never post again. */
  | { kind: 'unnamed'; status: number }
  /** The API says the request was not processed (429, 503, no connection): one more may go. */
  | { kind: 'not-processed'; reason: string; retryAfterMs?: number }
  /** Sent, and its fate is unknown (500, 502, 504, a reset or timeout): never sent again. */
  | { kind: 'lost'; reason: string }
  /** Refused because another publish runs: the if-running rule applies once it is found. */
  | { kind: 'conflict'; detail: string }
  /** Refused for good, or a failed job's snapshot of the refusal: the run ends on it. */
  | { kind: 'final'; result: FetchResult<Snapshot> }

/** What a backend does for `start`. */
export interface StartSteps {
  kind: StartKind
  /** "contoso/offer", "product/…": for messages. */
  offer: string
  /** The publish running now, if any; a go-live's own preconditions are checked here too. */
  look(budget: Budget): Promise<FetchResult<Found>>
  /**
   * After a POST whose answer was lost or named nothing: the publish that appeared since, in any
   * state (no precondition is checked again: the request went out).
   */
  find(budget: Budget): Promise<FetchResult<Running | undefined>>
  post(budget: Budget): Promise<Posted>
  /** Whether the running publish waited for has ended (its verdict is in, whatever it is). */
  ended(running: Running, budget: Budget): Promise<FetchResult<boolean>>
}

/**
 * A POST that failed in transit or with a transient status: not processed when the request never
 * left or the API says it did not take it (429, 503); otherwise its fate is unknown.
 */
export function failedInTransit(
  result: Extract<FetchResult<unknown>, { kind: 'transient' }>
): Posted {
  return result.unsent === true || result.status === 429 || result.status === 503
    ? {
        kind: 'not-processed',
        reason: result.reason,
        ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs })
      }
    : { kind: 'lost', reason: result.reason }
}

/** A 401 or 403 to the POST: a sign-in or role error, never a failed publish. */
export function isSignInRefusal(result: FetchResult<unknown>): boolean {
  return result.kind === 'fatal' && (result.status === 401 || result.status === 403)
}

/** The snapshot shown while this run waits for another publish to end: nothing passes or fails on it. */
export function waitingSnapshot(running: Running): Snapshot {
  return {
    // Not `waiting`: to CPP that reads as a preview waiting at Publisher signoff, a pass.
    status: 'notStarted',
    rawStatus: `waiting for ${running.label} to end`,
    steps: [],
    messages: [
      {
        level: 'information',
        parts: [{ text: `Waiting for ${running.label} to end before this run's publish starts.` }]
      }
    ],
    previewLinks: [],
    liveLinks: []
  }
}

/** What the watcher watches next. */
export type Next =
  /** This run's publish. */
  | { kind: 'own'; id: string }
  /** A running publish to report on: another one (attach), or this run's own found after a lost answer. */
  | { kind: 'attach'; running: Running }
  /** Another publish is running and this run waits for it to end before posting. */
  | { kind: 'waiting'; running: Running }
  /** Nothing to publish: watch the offer as it is. */
  | { kind: 'nothing' }
  /** The POST was refused with reasons the API gave as a failed job's: the run ends on them. */
  | { kind: 'refused'; snapshot: Snapshot }

/**
 * With start, a result that is not this run's publish's says so first: this run's publish was not
 * started because another one ran, or its request may have started one. A check that found
 * another publish in progress ends red, not pending: a scheduled check that follows the offer
 * would otherwise go green on that publish, and this run's changes were never published.
 */
export function aboutThisRun(outcome: Outcome, start: Start | undefined): Outcome {
  const notStarted = start?.notStarted
  const unsure =
    outcome.result === 'timed-out' ||
    outcome.result === 'interrupted' ||
    outcome.result === 'pending'
  if (notStarted === undefined || start?.started === true || !unsure) return outcome
  if (outcome.result !== 'pending') {
    return { ...outcome, message: `${notStarted} ${outcome.message}` }
  }
  return {
    ...outcome,
    result: 'error',
    message: `${notStarted} Run this workflow again once it has ended (or set if-running: attach to follow that publish instead); a scheduled check would report on that publish, not on this run's changes.`
  }
}
