// `operation-id: latest`: which operation of the offer to watch, from the submissions list. The
// documented `status` filter may or may not be applied by the server, so the list is filtered here
// too, and both spellings of an item's state are read.

import type { FetchResult } from '../../model/outcome.js'
import type { Budget } from '../../net/budget.js'
import { MAX_FIELD_CHARS, MAX_LIST_ITEMS } from '../../constants.js'
import { clip } from '../../model/describe.js'
import { operationUrl } from './location.js'
import { cppStatus } from './spellings.js'

/** The operation chosen to watch. */
export interface Chosen {
  id: string
  /** Why this one, for the log. */
  why: string
  /** Its submissionType (Publish, GoLive…) as the list gives it; '' when it gives none. */
  type: string
}

/** One entry of the submissions list, as read (its id unchecked). */
export interface Item {
  id: string
  state: string
  type: string
  changed: number
  changedText: string
}

/** Whether an id from the list is an operation id of the offer (see location.ts). */
export type IsOperationId = (id: string) => boolean

/**
 * The running operation (the newest, if several), else the most recently changed one. Only items
 * whose id is an operation id of this offer count: anything else in the list is not an operation
 * to watch, and its id never reaches a URL, an output or the summary.
 */
export function pickLatest(
  body: unknown,
  onlyRunning: boolean,
  isId: IsOperationId
): Chosen | undefined {
  const items = listItems(body).filter((entry) => isId(entry.id))
  const running = items.filter((entry) => isInProgress(entry.state))
  if (running.length > 0) {
    const [newest] = running
    return {
      id: newest.id,
      type: newest.type,
      why:
        running.length === 1
          ? `it is the offer's running operation (${newest.state})`
          : `it is the most recently changed of ${running.length} running operations (changed ${newest.changedText})`
    }
  }
  if (onlyRunning || items.length === 0) return undefined
  const [newest] = items
  return {
    id: newest.id,
    type: newest.type,
    why: `no operation is running, and it is the most recently changed one (${newest.state || 'no status'}, changed ${newest.changedText || 'at an unknown time'})`
  }
}

function isInProgress(state: string): boolean {
  const status = cppStatus(state)
  return status === 'running' || status === 'waiting' || status === 'notStarted'
}

/** The list's entries, newest change first (at most MAX_LIST_ITEMS read). */
export function listItems(body: unknown): Item[] {
  return list(body)
    .slice(0, MAX_LIST_ITEMS)
    .flatMap(item)
    .sort((a, b) => b.changed - a.changed)
}

function list(body: unknown): unknown[] {
  if (Array.isArray(body)) return body as unknown[]
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).value : undefined
  return Array.isArray(value) ? (value as unknown[]) : []
}

function item(value: unknown): Item[] {
  if (typeof value !== 'object' || value === null) return []
  const record = value as Record<string, unknown>
  const id = typeof record.id === 'string' ? record.id.trim() : ''
  if (id === '') return []
  const state = [record.status, record.submissionState].find(
    (field): field is string => typeof field === 'string'
  )
  const changedText = [record.changedTime, record.lastActionDateTime, record.createdDateTime].find(
    (field): field is string => typeof field === 'string'
  )
  const changed = changedText === undefined ? Number.NaN : Date.parse(changedText)
  // Quoted in the log's "why": short, whatever the server sent.
  return [
    {
      id,
      state: clip(state ?? '', MAX_FIELD_CHARS),
      type:
        typeof record.submissionType === 'string'
          ? clip(record.submissionType, MAX_FIELD_CHARS)
          : '',
      changed: Number.isNaN(changed) ? Number.NEGATIVE_INFINITY : changed,
      changedText: clip(changedText ?? '', MAX_FIELD_CHARS)
    }
  ]
}

type GetJson = (url: string, budget: Budget) => Promise<FetchResult<unknown>>

/**
 * Asks for the running operations (the documented filter), and for all of them only when none
 * runs, both within the one poll's budget. No operation at all is fatal: there is nothing to wait
 * for.
 */
export async function findLatestOperation(
  getJson: GetJson,
  listUrl: string,
  budget: Budget,
  isId: IsOperationId
): Promise<FetchResult<Chosen & { url: string }>> {
  const running = await getJson(`${listUrl}&status=running`, budget)
  if (running.kind !== 'ok') return running
  let found = pickLatest(running.value, true, isId)
  if (found === undefined) {
    const all = await getJson(listUrl, budget)
    if (all.kind !== 'ok') return all
    found = pickLatest(all.value, false, isId)
  }
  if (found === undefined) {
    return {
      kind: 'fatal',
      message:
        'operation-id is "latest", but the offer has no operation: publish it first, or check publisher-id and offer-id.'
    }
  }
  return { kind: 'ok', value: { ...found, url: operationUrl(listUrl, found.id) } }
}
