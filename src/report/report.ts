// What every reporter receives: the run's identity and how it ended.

import type { CheckRunRef } from '../github/check-run.js'
import type { Outcome } from '../poll.js'

export interface Report {
  publisherId: string
  offerId: string
  operationId: string
  outcome: Outcome
  elapsedMs: number
  /** The check run kept on the commit, when there is one. */
  checkRun?: CheckRunRef
}
