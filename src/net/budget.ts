// A request's share of the gate's deadline: one AbortSignal that fires when the time given is up
// or the run is stopped (SIGINT, SIGTERM). Every outgoing request carries one, so nothing waits
// past the gate's deadline and a signal ends every wait at once.

import { MAX_TIMER_MS } from '../constants.js'
import { formatDuration } from '../duration.js'

export interface Budget {
  signal: AbortSignal
  /** The time given, for messages. */
  ms: number
}

/** A budget its owner releases once the work is done, so no timer or listener outlives it. */
export interface HeldBudget extends Budget {
  release(): void
}

/** `ms` from now, and never past `parent` (the run's own signal). */
export function budget(parent: AbortSignal, ms: number): HeldBudget {
  const bounded = Math.max(0, Math.min(Math.floor(ms), MAX_TIMER_MS))
  const controller = new AbortController()
  const onParent = (): void => controller.abort(parent.reason)
  const timer = setTimeout(
    () => controller.abort(new DOMException('The budget ran out.', 'TimeoutError')),
    bounded
  )
  // The work it bounds keeps the process alive (a socket, a sleep), not the budget itself.
  timer.unref()
  const release = (): void => {
    clearTimeout(timer)
    parent.removeEventListener('abort', onParent)
  }
  controller.signal.addEventListener('abort', release, { once: true })
  if (parent.aborted) controller.abort(parent.reason)
  else parent.addEventListener('abort', onParent, { once: true })
  return { signal: controller.signal, ms: bounded, release }
}

/** Why a budget's signal fired, as the end of a sentence. */
export function abortReason(budget: Budget): string {
  const reason: unknown = budget.signal.reason
  const timedOut =
    typeof reason === 'object' &&
    reason !== null &&
    (reason as { name?: unknown }).name === 'TimeoutError'
  return timedOut
    ? `no complete answer within ${formatDuration(budget.ms)}`
    : 'the gate was stopped before an answer came'
}
