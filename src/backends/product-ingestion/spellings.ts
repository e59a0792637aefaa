// How the Product Ingestion API spells the state of a configure job (`jobStatus`, `jobResult`)
// and of a submission (`status`, `result`): camelCase in samples, PascalCase in the private-offer
// tables, `Running` listed as a result, `cancelled` with two Ls. Compared by spellingKey, so case,
// spaces, `_` and `-` do not matter.

import { spellingKey, type Status } from '../../model/status.js'

type Progress = 'notStarted' | 'running' | 'completed'
type Outcome = 'pending' | 'succeeded' | 'failed' | 'canceled'

const PROGRESS: Readonly<Record<string, Progress>> = {
  notstarted: 'notStarted',
  running: 'running',
  completed: 'completed'
}

const RESULT: Readonly<Record<string, Outcome>> = {
  pending: 'pending',
  // The private-offer docs list `Running` among the results: it can only mean "not yet".
  running: 'pending',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'canceled',
  canceled: 'canceled'
}

export interface State {
  status: Status
  /**
   * As the API spelled it: `running/pending`, `completed/cancelled`, just `notStarted` when no
   * result came; for an unknown spelling the unknown value alone, so that it is warned about once.
   */
  rawStatus: string
}

function lookup<T>(table: Readonly<Record<string, T>>, raw: string): T | undefined {
  const key = spellingKey(raw)
  return Object.hasOwn(table, key) ? table[key] : undefined
}

/**
 * One state from the pair: the progress decides until it is `completed`, then the result does.
 * A completed job or submission whose result is not in yet (pending, or none) is still running.
 * Any value not in the tables makes the state unknown: the gate keeps polling and warns.
 */
export function stateOf(rawProgress: string, rawResult: string): State {
  const progress = rawProgress === '' ? undefined : lookup(PROGRESS, rawProgress)
  const result = rawResult === '' ? undefined : lookup(RESULT, rawResult)
  if (rawProgress !== '' && progress === undefined) {
    return { status: 'unknown', rawStatus: rawProgress }
  }
  if (rawResult !== '' && result === undefined) return { status: 'unknown', rawStatus: rawResult }
  const rawStatus = [rawProgress, rawResult].filter(Boolean).join('/')
  if (progress === 'notStarted' || progress === 'running') return { status: progress, rawStatus }
  if (progress === undefined && result === undefined) return { status: 'unknown', rawStatus }
  // Completed, or no progress at all: the result decides.
  if (result === undefined || result === 'pending') return { status: 'running', rawStatus }
  return { status: result, rawStatus }
}

/** A target type (`preview`, `Live`…) in one spelling, so that targets compare. */
export function targetOf(raw: string): string {
  return spellingKey(raw)
}
