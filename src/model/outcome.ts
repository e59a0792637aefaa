// How a poll and a whole run end: the shared vocabulary of the poll loop, the backends and the
// reporters.

import type { Quote } from './describe.js'
import type { Snapshot, Step } from './snapshot.js'

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
  /** The last snapshot seen, if any poll succeeded. */
  snapshot?: Snapshot
  failedStep?: Step
  /** On a failure: what `message` says, with the messages it quotes (their links kept). */
  quote?: Quote
  /** Polls made, failed ones included. */
  polls: number
  /** HTTP requests made to the marketplace API: failed ones, renewals after a 401 and look-ups included. */
  requests: number
  /** The outages ridden out after the first answer (failed polls until the next answer), if any. */
  outages?: Outages
}

/** How long the API was unavailable after the gate's first answer, for the summary. */
export interface Outages {
  count: number
  totalMs: number
  longestMs: number
  /** The last one had not ended when the wait did. */
  ongoing: boolean
}

/** What `start` did: started the operation, or found one running and attached to it. */
export interface Start {
  started: boolean
  /** What was started (or found), when, and its id, for the log and the summary. */
  note: string
  /** Where the offer is in Partner Center, when the backend knows. */
  link?: string
  /** The publish this run waited for or attached to (output `waited-for`). */
  waitedFor?: string
  /**
   * While this run's publish is not (known to be) started: said with a timeout, an interruption or
   * a pending check, so that nobody reads the result as this run's publish.
   */
  notStarted?: string
}

/** One poll's (or one request's) answer: a value, a failure worth retrying, or one that is not. */
export type FetchResult<T> =
  | { kind: 'ok'; value: T }
  /**
   * `shape` marks an answer that came but is not the API's (a 2xx that is not JSON, JSON that is
   * not an operation or job): a proxy or a wrong base-url, not an outage, so it always counts
   * toward max-consecutive-errors. Without it the API was unavailable (5xx, 408, 429, network,
   * sign-in), which is ridden out after the first answer.
   */
  | {
      kind: 'transient'
      reason: string
      retryAfterMs?: number
      shape?: true
      /** The HTTP status of a transient answer (408, 429, 5xx); absent for network failures. */
      status?: number
      /** The request never left (no token, or the connection never opened): nothing was sent. */
      unsent?: true
    }
  /**
   * `status`, `detail` (the API's own words) and `body` (its JSON, read with bounded work) when
   * an HTTP answer was the reason.
   */
  | { kind: 'fatal'; message: string; status?: number; detail?: string; body?: unknown }
