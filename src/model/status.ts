// The one status vocabulary for operations, offers and steps. Each backend maps its own API's
// spellings onto it (src/backends/<api>/spellings.ts); nothing after normalization sees a spelling.

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

/** How spellings and step ids are compared: case-insensitive, with spaces, `_` and `-` removed. */
export function spellingKey(raw: string): string {
  return raw.toLowerCase().replace(/[\s_-]+/g, '')
}

/** A spelling looked up in a backend's table by its spellingKey; `unknown` when it is not there. */
export function statusFrom(table: Readonly<Record<string, Status>>, raw: string): Status {
  const key = spellingKey(raw)
  return Object.hasOwn(table, key) ? table[key] : 'unknown'
}

/** A status after which nothing more happens to the operation, job or step. */
export function isFinished(status: Status): boolean {
  return (
    status === 'succeeded' || status === 'failed' || status === 'rejected' || status === 'canceled'
  )
}

/** Statuses of a step that end the gate with a failure at once. */
export function isFailingStepStatus(status: Status): boolean {
  return (
    status === 'failed' || status === 'blocked' || status === 'rejected' || status === 'canceled'
  )
}
