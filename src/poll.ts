// The poll loop: the only place with time in it. It polls, asks `verdict`, and waits (interval,
// Retry-After or backoff) until a verdict, the deadline, the error budget or a signal ends it.

import {
  BACKOFF_CAP_MS,
  BACKOFF_JITTER,
  FINAL_REQUEST_MIN_MS,
  REQUEST_TIMEOUT_MS
} from './constants.js'
import type { FetchResult } from './cpp/client.js'
import type { Snapshot, Step } from './cpp/snapshot.js'
import { formatDuration } from './duration.js'
import { lastSeen } from './describe.js'
import { verdict, type WaitFor } from './verdict.js'

export type Result =
  | 'succeeded'
  | 'failed'
  | 'blocked'
  | 'canceled'
  | 'timed-out'
  | 'error'
  | 'interrupted'
  /** `mode: check` found the operation still going. */
  | 'pending'

export interface Outcome {
  result: Result
  message: string
  /** The last snapshot seen, if any request succeeded. */
  snapshot?: Snapshot
  failedStep?: Step
  /** Requests made, failed ones included. */
  polls: number
}

export interface PollSettings {
  waitFor: WaitFor
  /** Monotonic time at which the wait ends. */
  deadline: number
  timeoutMs: number
  intervalMs: number
  maxConsecutiveErrors: number
  /** `mode: check`: one answer decides; still going is `pending`, not a reason to wait. */
  once: boolean
}

export interface PollDeps {
  fetch: (timeoutMs: number) => Promise<FetchResult<Snapshot>>
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
  /** Monotonic milliseconds. */
  now: () => number
  random: () => number
  signal: AbortSignal
  onSnapshot: (snapshot: Snapshot) => void
  onRetry: (reason: string, failures: number, delayMs: number) => void
  warn: (message: string) => void
}

export async function poll(settings: PollSettings, deps: PollDeps): Promise<Outcome> {
  let polls = 0
  let failures = 0
  let snapshot: Snapshot | undefined
  let lastFailure: string | undefined
  const end = (result: Result, message: string, extra: Partial<Outcome> = {}): Outcome => ({
    result,
    message,
    ...(snapshot === undefined ? {} : { snapshot }),
    polls,
    ...extra
  })
  const interrupted = (): Outcome =>
    end(
      'interrupted',
      `Interrupted while waiting (the workflow was cancelled or the step timed out). ${lastSeen(snapshot)}`
    )

  for (;;) {
    if (deps.signal.aborted) return interrupted()
    const remaining = settings.deadline - deps.now()
    const timeoutMs = Math.min(REQUEST_TIMEOUT_MS, Math.max(remaining, FINAL_REQUEST_MIN_MS))
    polls++
    const fetched = await untilAborted(deps.fetch(timeoutMs), deps.signal)
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
      const found = verdict(snapshot, settings.waitFor)
      if (found.kind === 'pass') {
        if (found.warning) deps.warn(found.warning)
        return end('succeeded', found.message)
      }
      if (found.kind === 'fail') {
        return end(
          found.result,
          found.message,
          found.failedStep ? { failedStep: found.failedStep } : {}
        )
      }
      if (found.kind === 'invalid') return end('error', found.message)
      if (settings.once)
        return end('pending', `The operation is still going. ${lastSeen(snapshot)}`)
    }

    const left = settings.deadline - deps.now()
    if (left <= 0) {
      const failing = lastFailure === undefined ? '' : ` The last request failed: ${lastFailure}`
      return end(
        'timed-out',
        `Timed out after ${formatDuration(settings.timeoutMs)}. ${lastSeen(snapshot)}${failing}`
      )
    }
    if (fetched.kind === 'transient')
      deps.onRetry(fetched.reason, failures, Math.min(delayMs, left))
    await deps.sleep(Math.min(delayMs, left), deps.signal)
  }
}

/** Exponential from the poll interval, capped, with jitter so that gates do not poll in lockstep. */
export function backoff(failures: number, intervalMs: number, random: () => number): number {
  const cap = Math.max(BACKOFF_CAP_MS, intervalMs)
  const base = Math.min(cap, intervalMs * 2 ** (failures - 1))
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
