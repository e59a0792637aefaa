// src/gate/: where time and the rules live: the clock (this file), the poll loop, the outages it
// rides out, and the pure verdict.
//
// The one clock of a run: monotonic time for deadlines and intervals, wall time for timestamps and
// token expiry, and the sleep between polls. run() injects it everywhere, so a test can drive the
// poll loop, token renewal, the check-run throttle and the progress log with one virtual clock.

import { MAX_TIMER_MS } from '../constants.js'

export interface Clock {
  /** Monotonic milliseconds: deadlines, intervals, throttles. */
  now(): number
  /** Milliseconds since the epoch: timestamps, token expiry, Retry-After dates. */
  wall(): number
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => monotonicMs(),
  wall: () => Date.now(),
  sleep
}

/**
 * Node fires any timer longer than 2^31−1 ms after 1 ms: a long sleep is taken in pieces that fit,
 * so a 25-day interval waits 25 days instead of turning into a request storm.
 */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || !(ms > 0)) return resolve()
    const end = monotonicMs() + ms
    let timer: NodeJS.Timeout | undefined
    const done = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const wait = (): void => {
      const left = end - monotonicMs()
      if (left <= 0) return done()
      timer = setTimeout(wait, Math.min(left, MAX_TIMER_MS))
    }
    signal.addEventListener('abort', done, { once: true })
    wait()
  })
}

/** Monotonic milliseconds (process.hrtime: the global performance object loads perf_hooks). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}
