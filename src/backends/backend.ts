// src/backends/: the backend contract (this file), the registry that names the backends, what
// they share (`start`, the JSON field readers), and one folder per marketplace API.
//
// What a backend is: the contract. A backend is one folder under src/backends/ that brings
// everything one marketplace API needs: its inputs, token scope, status spellings, wording for
// HTTP answers, labels, its ready rules and a watcher that turns one poll into one Snapshot.
// Nothing shared imports from a backend; registry.ts names them, and main.ts reaches one only
// through it.

import type { FetchResult, Start } from '../model/outcome.js'
import type { Snapshot } from '../model/snapshot.js'
import type { ApiClient } from '../net/api-client.js'
import type { Budget } from '../net/budget.js'
import type { HttpWording } from '../net/wording.js'
import type { ReadyRules, WaitFor } from '../gate/verdict.js'
import type { IfRunning, StartKind } from './start-steps.js'

/** An input's value by its action.yml name, trimmed, with its default applied. */
export type ReadInput = (name: string) => string
/** Records that an input is wrong: its name, its value, and what was expected instead. */
export type ReportProblem = (name: string, value: string, expected: string) => void

/** What the shared inputs already settled, for a backend's own checks. */
export interface CommonSettings {
  /** base-url's origin, or the backend's default when base-url is wrong (to check the rest). */
  origin: string
  /**
   * base-url itself, path included (without a trailing slash), or the backend's default; `origin`
   * when not given (a backend whose base-url is an origin only needs no more).
   */
  baseUrl?: string
  /** Whether base-url is on this machine (a simulator or a test server); false when not given. */
  loopback?: boolean
  apiVersion: string
  pollIntervalMs: number
  /** What the gate waits for (a backend may need to know whether a publish is expected). */
  waitFor?: WaitFor
  /** `start`: publish to preview or go live before watching; undefined to watch only. */
  start?: StartKind
  /** With `start`: what to do when another publish of the offer is in progress. */
  ifRunning?: IfRunning
}

export type { StartKind } from './start-steps.js'

export interface WatcherDeps {
  client: ApiClient
  /** A line for the log (the operation that `latest` found…). */
  info: (line: string) => void
  /** Wall-clock milliseconds (the run's clock), for what the log says was started when. */
  wall?: () => number
}

export interface Watcher {
  /** One poll within its budget: one normalized snapshot, or a transient or fatal failure. */
  poll(budget: Budget): Promise<FetchResult<Snapshot>>
  /** The operation (or job) watched: from the inputs, or found by the first poll; '' for none. */
  readonly operationId: string
  /** With `start`, once known: whether this run started the operation or attached to a running one. */
  readonly start?: Start
}

/** A backend's inputs, checked: what to watch and how to name it. */
export interface Watch {
  /** "operation 5f1c… of contoso/offer", for the first log line. */
  description: string
  /** What the progress log calls the thing watched: "Operation" or "Offer". */
  subject: string
  /** The operation id known from the inputs ('' when a poll finds it, or for an offer). */
  operationId: string
  /** What `wait-for: auto` waits for here, and why, after "until": for the first log line. */
  autoMeans: string
  watcher(deps: WatcherDeps): Watcher
}

export interface Backend {
  /** Its `api` input value, as registry.ts names it. */
  readonly api: string
  /** The API as messages name it: "the CPP API". */
  readonly title: string
  /** Defaults of the inputs whose default depends on the API. */
  readonly defaults: { baseUrl: string; apiVersion: string }
  /** Whether base-url may go on past its origin with a path (Graph serves APIs under /rp/…). */
  readonly baseUrlPath: boolean
  /**
   * The API asks clients not to poll faster than the poll interval: no retry comes sooner, and no
   * last poll is sent early to be answered by the deadline.
   */
  readonly strictInterval: boolean
  /** What a token must be issued for: the Azure AD scope, and the resource a static token names. */
  readonly scope: string
  readonly resource: string
  /** Said after a 401 when even a freshly issued Azure AD token was refused. */
  readonly freshTokenRefused: string
  readonly wording: HttpWording
  /** The conditions `wait-for` may name besides `completion` and step ids. */
  readonly readyRules: ReadyRules
  /** The offer as the summary heading names it, from the raw inputs (also when they are wrong). */
  offerLabel(input: ReadInput): string
  /** Checks the inputs of this API (ids, operation-id); problems go to `problem`. */
  readWatch(input: ReadInput, problem: ReportProblem, common: CommonSettings): Watch
}
