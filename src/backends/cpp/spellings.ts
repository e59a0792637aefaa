// How the CPP API spells statuses: its documentation and its answers use several forms of each.

import { statusFrom, type Status } from '../../model/status.js'

const SPELLINGS: Readonly<Record<string, Status>> = {
  notstarted: 'notStarted',
  neverpublished: 'notStarted',
  running: 'running',
  inprogress: 'running',
  waitingforpublisherreview: 'waiting',
  waitingforapproval: 'waiting',
  waitingforreview: 'waiting',
  succeeded: 'succeeded',
  success: 'succeeded',
  complete: 'succeeded',
  completed: 'succeeded',
  published: 'succeeded',
  failed: 'failed',
  failure: 'failed',
  blocked: 'blocked',
  rejected: 'rejected',
  canceled: 'canceled',
  cancelled: 'canceled'
}

export function cppStatus(raw: string): Status {
  return statusFrom(SPELLINGS, raw)
}
