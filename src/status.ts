// The one status vocabulary for operations, offers and steps, and the mapping from CPP spellings.

export type Status =
  | 'notStarted'
  | 'running'
  | 'waiting'
  | 'succeeded'
  | 'failed'
  | 'blocked'
  | 'rejected'
  | 'canceled'
  | 'unknown'

/** How CPP spellings are compared: case-insensitive, with spaces, `_` and `-` removed. */
export function spellingKey(raw: string): string {
  return raw.toLowerCase().replace(/[\s_-]+/g, '')
}

const SPELLINGS: Record<string, Status> = {
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

export function normalizeStatus(raw: string): Status {
  return Object.hasOwn(SPELLINGS, spellingKey(raw)) ? SPELLINGS[spellingKey(raw)] : 'unknown'
}

/** Statuses of a step that end the gate with a failure at once. */
export function isFailingStepStatus(status: Status): boolean {
  return (
    status === 'failed' || status === 'blocked' || status === 'rejected' || status === 'canceled'
  )
}
