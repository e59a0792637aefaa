// What every reporter receives: the run's identity and how it ended.

import type { Outcome } from '../poll.js'

export interface Report {
  publisherId: string
  offerId: string
  operationId: string
  outcome: Outcome
  elapsedMs: number
}
