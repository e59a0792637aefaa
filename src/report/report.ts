// What every reporter receives: the run's identity and how it ended.

import type { Outcome, Start } from '../model/outcome.js'

/** The check run kept on the commit. */
export interface CheckRunRef {
  id: number
  url: string
}

export interface Report {
  /** The offer as the heading names it: "contoso / offer". */
  offerLabel: string
  operationId: string
  /** What is watched, as the backend names it: "Operation", "Offer", "Configure job"… */
  subject?: string
  /** With `start`: whether this run started the operation, and what the log said about it. */
  start?: Start
  outcome: Outcome
  elapsedMs: number
  /** The check run kept on the commit, when there is one. */
  checkRun?: CheckRunRef
}
