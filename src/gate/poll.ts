// The poll loop: the only place with time in it. It polls, asks `verdict`, and waits (interval,
// Retry-After or backoff) until a verdict, the deadline, the error budget or a signal ends it.
// Every poll gets a Budget that ends at the deadline at the latest, so no request outlives it.

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
  onRetry: (reason: string, failures: number, delayMs: number) => void
  warn: (message: string) => void
}

export async function poll(settings: PollSettings, deps: PollDeps): Promise<Outcome> {
  const { clock } = deps
  let polls = 0
  let failures = 0
  let snapshot: Snapshot | undefined
  let lastFailure: string | undefined
  const end = (result: Result, message: string, extra: Partial<Outcome> = {}): Outcome => ({
    result,
    message,
    ...(snapshot === undefined ? {} : { snapshot }),
    polls,
    requests: deps.requests(),
    ...extra
  })
  const interrupted = (): Outcome =>
    end(
      'interrupted',
      `Interrupted while waiting (the workflow was cancelled or the step timed out). ${lastSeen(snapshot)}`
    )

  for (;;) {
    if (deps.signal.aborted) return interrupted()
    const remaining = settings.deadline - clock.now()
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
    if (fetched.kind === 'fatal') return end('error', fetched.message)
    if (fetched.kind === 'transient') {
      failures++
      lastFailure = fetched.reason
      if (failures >= settings.maxConsecutiveErrors) {
        return end(
          'error',
          `Gave up after ${failures} consecutive failed request${failures === 1 ? '' : 's'} (max-consecutive-errors). The last one: ${fetched.reason}`
        )
      }
      delayMs = fetched.retryAfterMs ?? backoff(failures, settings.intervalMs, deps.random)
    } else {
      failures = 0
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

    // The last poll goes out early enough to be answered by the deadline: a timeout is declared on
    // an answer at most FINAL_REQUEST_MIN_MS old, and no request runs past the deadline.
    const left = settings.deadline - clock.now()
    if (left <= FINAL_REQUEST_MIN_MS) {
      const failing = lastFailure === undefined ? '' : ` The last request failed: ${lastFailure}`
      return end(
        'timed-out',
        `Timed out after ${formatDuration(settings.timeoutMs)}. ${lastSeen(snapshot)}${failing}`
      )
    }
    const waitMs = Math.min(delayMs, left - FINAL_REQUEST_MIN_MS)
    if (fetched.kind === 'transient') deps.onRetry(fetched.reason, failures, waitMs)
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
