// The poll loop: the only place with time in it. It polls, asks `verdict`, and waits (interval,
// Retry-After or backoff) until a verdict, the deadline, the error budget or a signal ends it.
// Every poll gets a Budget that ends at the deadline at the latest, so no request outlives it.
// After the first answer an outage of the API is ridden out until the deadline: the error budget
// is then spent only by answers that are not the API's.

import {
  BACKOFF_CAP_MS,
  BACKOFF_JITTER,
  FINAL_REQUEST_MIN_MS,
  REQUEST_TIMEOUT_MS
} from '../constants.js'
import { formatDuration } from '../duration.js'
import { lastSeen } from '../model/describe.js'
import type { FetchResult, Outcome, Result } from '../model/outcome.js'
import type { Snapshot } from '../model/snapshot.js'
import { budget, type Budget } from '../net/budget.js'
import { reasonOf } from '../net/http.js'
import type { Clock } from './clock.js'
import { OutageRecord } from './outages.js'
import { verdict, type ReadyRules, type WaitFor } from './verdict.js'

export interface PollSettings {
  waitFor: WaitFor
  /** The backend's named conditions (`preview`…) that wait-for may name. */
  rules: ReadyRules
  /** Monotonic time at which the wait ends. */
  deadline: number
  timeoutMs: number
  intervalMs: number
  maxConsecutiveErrors: number
  /** `mode: check`: one answer decides; still going is `pending`, not a reason to wait. */
  once: boolean
  /**
   * The API asks clients not to poll faster than the interval: no wait is shorter, and no last
   * poll goes out early to beat the deadline (the timeout is declared on the last answer instead).
   */
  strictInterval: boolean
}

/** A failed poll, about to be retried. */
export interface Retry {
  reason: string
  /** Failed polls in a row: what the backoff counts. */
  failures: number
  delayMs: number
  /** Failures counted toward max-consecutive-errors; undefined when this one does not count. */
  counted?: number
  /** After the first answer: how long the API has been unavailable (this outage so far). */
  outageMs?: number
}

export interface PollDeps {
  /** One poll within its budget: the backend's watcher. */
  fetch: (budget: Budget) => Promise<FetchResult<Snapshot>>
  clock: Clock
  random: () => number
  signal: AbortSignal
  /** Requests made to the API so far (a poll may make several). */
  requests: () => number
  onSnapshot: (snapshot: Snapshot) => void
  onRetry: (retry: Retry) => void
  /** The first answer after an outage: how long it lasted. */
  onRecovered: (outageMs: number) => void
  warn: (message: string) => void
}

export async function poll(settings: PollSettings, deps: PollDeps): Promise<Outcome> {
  const { clock } = deps
  let polls = 0
  /** Failed polls in a row, for the backoff. */
  let failures = 0
  /** Failed polls counted toward max-consecutive-errors since the last answer. */
  let counted = 0
  let snapshot: Snapshot | undefined
  let lastFailure: string | undefined
  const outages = new OutageRecord()
  const end = (result: Result, message: string, extra: Partial<Outcome> = {}): Outcome => {
    const seen = outages.summary(clock.now())
    return {
      result,
      message,
      ...(snapshot === undefined ? {} : { snapshot }),
      polls,
      requests: deps.requests(),
      ...(seen === undefined ? {} : { outages: seen }),
      ...extra
    }
  }
  const interrupted = (): Outcome =>
    end(
      'interrupted',
      `Interrupted while waiting (the workflow was cancelled or the step timed out). ${lastSeen(snapshot)}`
    )

  for (;;) {
    if (deps.signal.aborted) return interrupted()
    const sentAt = clock.now()
    const remaining = settings.deadline - sentAt
    polls++
    const given = budget(deps.signal, Math.min(REQUEST_TIMEOUT_MS, remaining))
    let fetched: FetchResult<Snapshot> | undefined
    try {
      fetched = await untilAborted(deps.fetch(given), deps.signal)
    } catch (error) {
      // A fault of the gate's own, not of the API: stop, with the counts as they are.
      return end('error', `The gate could not read the answer: ${reasonOf(error)}`)
    } finally {
      given.release()
    }
    if (fetched === undefined) return interrupted()

    let delayMs = settings.intervalMs
    let retry: Omit<Retry, 'delayMs'> | undefined
    if (fetched.kind === 'fatal') return end('error', fetched.message)
    if (fetched.kind === 'transient') {
      failures++
      lastFailure = fetched.reason
      const answered = snapshot !== undefined
      // Before the first answer every failure counts: a wrong base-url, a host that never answers
      // or a proxy in the way fails fast. After it only answers that are not the API's count; an
      // outage (5xx, 408, 429, network, sign-in) is ridden out until the deadline. An outage
      // between such answers does not reset their count, only an answer does: a proxy page that
      // alternates with 503s still ends the wait.
      const counts = !answered || fetched.shape === true
      if (counts) counted++
      if (counts && counted >= settings.maxConsecutiveErrors) {
        return end(
          'error',
          answered
            ? `Gave up after ${counted} answer${counted === 1 ? '' : 's'} since the last good one that ${counted === 1 ? 'was' : 'were'} not the API's (max-consecutive-errors): a proxy or another server may be answering for it. The last one: ${fetched.reason}`
            : `Gave up after ${counted} consecutive failed request${counted === 1 ? '' : 's'} (max-consecutive-errors). The last one: ${fetched.reason}`
        )
      }
      delayMs = fetched.retryAfterMs ?? backoff(failures, settings.intervalMs, deps.random)
      retry = {
        reason: fetched.reason,
        failures,
        ...(counts ? { counted } : {}),
        ...(answered ? { outageMs: outages.failed(sentAt, clock.now()) } : {})
      }
    } else {
      const over = outages.answered(clock.now())
      if (over !== undefined) deps.onRecovered(over)
      failures = 0
      counted = 0
      lastFailure = undefined
      snapshot = fetched.value
      deps.onSnapshot(snapshot)
      const found = verdict(snapshot, settings.waitFor, settings.rules)
      if (found.kind === 'pass') {
        if (found.warning) deps.warn(found.warning)
        return end('succeeded', found.message)
      }
      if (found.kind === 'fail') {
        return end(found.result, found.message, {
          quote: found.quote,
          ...(found.failedStep ? { failedStep: found.failedStep } : {})
        })
      }
      if (found.kind === 'invalid') return end('error', found.message)
      if (settings.once)
        return end('pending', `The operation is still going. ${lastSeen(snapshot)}`)
    }
    if (settings.strictInterval) delayMs = Math.max(delayMs, settings.intervalMs)

    // The last poll goes out early enough to be answered by the deadline: a timeout is declared on
    // an answer at most FINAL_REQUEST_MIN_MS old, and no request runs past the deadline. With a
    // strict interval there is no early last poll: the timeout is declared on this answer.
    const left = settings.deadline - clock.now()
    if (
      left <= FINAL_REQUEST_MIN_MS ||
      (settings.strictInterval && delayMs > left - FINAL_REQUEST_MIN_MS)
    ) {
      const outage = outages.lasting(clock.now())
      const unavailable =
        outage === undefined
          ? ''
          : ` The API was unavailable for the last ${formatDuration(outage)}.`
      const failing = lastFailure === undefined ? '' : ` The last request failed: ${lastFailure}`
      return end(
        'timed-out',
        `Timed out after ${formatDuration(settings.timeoutMs)}.${unavailable} ${lastSeen(snapshot)}${failing}`
      )
    }
    const waitMs = Math.min(delayMs, left - FINAL_REQUEST_MIN_MS)
    if (retry !== undefined) deps.onRetry({ ...retry, delayMs: waitMs })
    await clock.sleep(waitMs, deps.signal)
  }
}

/** Exponential from the poll interval, capped, with jitter so that gates do not poll in lockstep. */
export function backoff(failures: number, intervalMs: number, random: () => number): number {
  const cap = Math.max(BACKOFF_CAP_MS, intervalMs)
  // Capped before it is computed: 2^failures overflows to Infinity after about a thousand.
  const base = failures > 40 ? cap : Math.min(cap, intervalMs * 2 ** (failures - 1))
  return Math.round(base * (1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * random()))
}

/** Resolves with the promise's value, or with undefined as soon as the signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined)
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(undefined)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    )
  })
}
