// The one boundary where Product Ingestion JSON becomes typed records: a job, submissions, a
// product, a job's detail. Objects or one-element arrays, lists bare or in `value`, field names in
// any case (`jobId`/`jobID`), `0001-01-01…` dates as absent, ids kept as the exact strings they are
// (submission numbers pass 2^53), error trees capped. normalize.ts turns the records into a
// Snapshot.

import {
  MAX_ERROR_DEPTH,
  MAX_ERROR_MESSAGE_CHARS,
  MAX_ERROR_NODES,
  MAX_FIELD_CHARS
} from '../../constants.js'
import type { ErrorNode } from '../../model/snapshot.js'
import { spellingKey } from '../../model/status.js'
import { describe, field, isObject } from '../fields.js'
import { isProductId, isSubmissionId } from './location.js'
import { stateOf, targetOf, type State } from './spellings.js'

/** A body that parsed as JSON but is not what the call answers: retried like a failed request. */
export class UnexpectedBodyError extends Error {}

export interface Job {
  /** `jobId` (or `jobID`) as the answer gives it; '' when it gives none. */
  id: string
  state: State
  start?: string
  end?: string
  errors: ErrorNode[]
  /** Whether the tree went past the caps, so that the reader is told. */
  errorsCut: boolean
}

export interface Submission {
  /** `submission/<productGuid>/<number>`, exact. */
  id: string
  /** `target.targetType` by its spelling key: `preview`, `live`, `draft`… */
  target: string
  state: State
  created?: string
}

export interface Product {
  id: string
  externalId?: string
}

// ---- Raw JSON to records --------------------------------------------------------------------

/** GET /configure/{jobId}/status (and POST /configure's answer). */
export function parseJob(body: unknown): Job {
  const job = Array.isArray(body) ? (body as unknown[])[0] : body
  if (!isObject(job)) {
    throw new UnexpectedBodyError(`${describe(body)}, not a configure job's status`)
  }
  const rawProgress = text(field(job, 'jobStatus')) ?? ''
  const rawResult = text(field(job, 'jobResult')) ?? ''
  if (rawProgress === '' && rawResult === '') {
    throw new UnexpectedBodyError('an object without jobStatus or jobResult, not a job status')
  }
  const cut = { nodes: 0, cut: false }
  const errors = errorNodes(field(job, 'errors'), 0, cut)
  const start = date(field(job, 'jobStart'))
  const end = date(field(job, 'jobEnd'))
  return {
    id: text(field(job, 'jobId')) ?? '',
    state: stateOf(rawProgress, rawResult),
    ...(start === undefined ? {} : { start }),
    ...(end === undefined ? {} : { end }),
    errors,
    errorsCut: cut.cut
  }
}

/** GET /submission/{productGuid}: `{value: [...]}` or a bare array; entries without an id or target are skipped. */
export function parseSubmissions(body: unknown): Submission[] {
  return list(body, 'submissions').flatMap((item): Submission[] => {
    if (!isObject(item)) return []
    const id = text(field(item, 'id'))
    const target = field(item, 'target')
    const targetType = isObject(target) ? text(field(target, 'targetType')) : text(target)
    // An id that is not a submission id is not one: it never reaches an output or the summary.
    if (id === undefined || targetType === undefined || !isSubmissionId(id)) return []
    const created = date(field(item, 'created'))
    return [
      {
        id,
        target: targetOf(targetType),
        state: stateOf(text(field(item, 'status')) ?? '', text(field(item, 'result')) ?? ''),
        ...(created === undefined ? {} : { created })
      }
    ]
  })
}

/** GET /product?externalId=…: the products found (none when the offer id is unknown). */
export function parseProducts(body: unknown): Product[] {
  return list(body, 'products').flatMap((item): Product[] => {
    if (!isObject(item)) return []
    const id = text(field(item, 'id'))
    if (id === undefined || !isProductId(id)) return []
    const identity = field(item, 'identity')
    const externalId = isObject(identity) ? text(field(identity, 'externalId')) : undefined
    return [{ id, ...(externalId === undefined ? {} : { externalId }) }]
  })
}

function errorNodes(
  value: unknown,
  depth: number,
  budget: { nodes: number; cut: boolean }
): ErrorNode[] {
  const nodes: ErrorNode[] = []
  for (const item of Array.isArray(value) ? (value as unknown[]) : []) {
    if (budget.nodes >= MAX_ERROR_NODES) {
      budget.cut = true
      break
    }
    const node = errorNode(item, depth, budget)
    if (node !== undefined) nodes.push(node)
  }
  return nodes
}

function errorNode(
  item: unknown,
  depth: number,
  budget: { nodes: number; cut: boolean }
): ErrorNode | undefined {
  // An error given as a bare string is its message.
  const error = typeof item === 'string' ? { message: item } : item
  if (!isObject(error)) return undefined
  const code = text(field(error, 'code')) ?? ''
  const message = longText(field(error, 'message'), MAX_ERROR_MESSAGE_CHARS) ?? ''
  const resourceId = resourceIdOf(field(error, 'resourceId'))
  const under = field(error, 'details')
  const hasDetails = Array.isArray(under) && under.length > 0
  if (code === '' && message === '' && resourceId === undefined && !hasDetails) return undefined
  budget.nodes++
  // Bounded recursion: a tree nested deeper than any real one is cut, not followed.
  if (hasDetails && depth + 1 >= MAX_ERROR_DEPTH) budget.cut = true
  const details = depth + 1 >= MAX_ERROR_DEPTH ? [] : errorNodes(under, depth + 1, budget)
  return { code, message, ...(resourceId === undefined ? {} : { resourceId }), details }
}

/**
 * An error's resource: a durable id as text, or a reference object (`{externalId}` for a product
 * or plan, `{resourceName}` for a resource created in the same request), kept as `name: value`.
 */
function resourceIdOf(value: unknown): string | undefined {
  if (!isObject(value)) return text(value)
  const parts = Object.keys(value)
    .slice(0, 4)
    .flatMap((key) => {
      const said = text(value[key])
      return said === undefined ? [] : [`${text(key) ?? ''}: ${said}`]
    })
  return parts.length === 0 ? undefined : parts.join(', ')
}

/**
 * GET /configure/{jobId}: the resources the job created or updated. The submissions among them
 * (by their id, or by a submission `$schema` with a target) are what the job published.
 */
export function parseDetail(body: unknown): Published[] {
  const detail = Array.isArray(body) ? (body as unknown[])[0] : body
  if (!isObject(detail)) {
    throw new UnexpectedBodyError(`${describe(body)}, not a configure job's detail`)
  }
  const resources = field(detail, 'resources')
  if (!Array.isArray(resources)) {
    throw new UnexpectedBodyError("an object without resources, not a configure job's detail")
  }
  return (resources as unknown[]).flatMap((item): Published[] => {
    if (!isObject(item)) return []
    const id = text(field(item, 'id'))
    const target = field(item, 'target')
    const targetType = isObject(target) ? text(field(target, 'targetType')) : text(target)
    if (id === undefined || targetType === undefined || !isSubmissionId(id)) return []
    const kind = targetOf(targetType)
    return kind === 'preview' || kind === 'live' ? [{ id, target: kind }] : []
  })
}

// ---- Error trees ----------------------------------------------------------------------------

/** The errors that have none under them, in order. */
export function leaves(nodes: ErrorNode[]): ErrorNode[] {
  return nodes.flatMap((node) => (node.details.length === 0 ? [node] : leaves(node.details)))
}

/**
 * A certification failure: an `invalidState` error whose message mentions certification, at any
 * depth (the service nests it under a generic one). Returns its innermost message.
 */
export function certificationFailure(nodes: ErrorNode[]): string | undefined {
  for (const node of nodes) {
    if (spellingKey(node.code) === 'invalidstate' && /certification/i.test(node.message)) {
      const innermost = leaves([node])
        .map((leaf) => leaf.message)
        .filter((message) => message !== '')
      return innermost.length > 0 ? innermost.join(' ') : node.message
    }
    const found = certificationFailure(node.details)
    if (found !== undefined) return found
  }
  return undefined
}

/** The durable product ids the errors' resource ids name (`product/<g>`, `submission/<g>/…`…). */
export function namedProducts(nodes: ErrorNode[]): string[] {
  const found = new Set<string>()
  const visit = (each: ErrorNode[]): void => {
    for (const node of each) {
      const match =
        /^(?:product|submission|plan)\/([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})(?:\/|$)/i.exec(
          node.resourceId ?? ''
        )
      if (match) found.add(`product/${match[1].toLowerCase()}`)
      visit(node.details)
    }
  }
  visit(nodes)
  return [...found]
}

/** The submission ids of the product that the errors' resource ids name, lower-cased. */
export function namedSubmissions(nodes: ErrorNode[], productId: string): string[] {
  const prefix = productId.toLowerCase().replace(/^product\//, 'submission/')
  const found: string[] = []
  const visit = (each: ErrorNode[]): void => {
    for (const node of each) {
      const id = (node.resourceId ?? '').toLowerCase()
      if (id.startsWith(`${prefix}/`) && isSubmissionId(id)) found.push(id)
      visit(node.details)
    }
  }
  visit(nodes)
  return found
}

/** A submission a configure job published: its durable id and its target (`preview`, `live`). */
export interface Published {
  id: string
  target: 'preview' | 'live'
}

// ---- JSON helpers ---------------------------------------------------------------------------

/** A list answer: a bare array, or an object with `value` (Graph's paging envelope). */
function list(body: unknown, what: string): unknown[] {
  if (Array.isArray(body)) return body as unknown[]
  const value = isObject(body) ? field(body, 'value') : undefined
  if (Array.isArray(value)) return value as unknown[]
  throw new UnexpectedBodyError(`${describe(body)}, not a list of ${what}`)
}

/** `0001-01-01…` is how the API writes "not yet": absent. */
function date(value: unknown): string | undefined {
  const found = text(value)
  return found === undefined || /^0001-01-01/.test(found) ? undefined : found
}

/** A short field: one line, no control characters, capped; numbers are accepted as text. */
function text(value: unknown): string | undefined {
  return longText(value, MAX_FIELD_CHARS)?.replace(/\s+/g, ' ')
}

/** A free text kept to `max` characters; line breaks survive, other control characters do not. */
function longText(value: unknown, max: number): string | undefined {
  const string = (
    typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''
  )
    .replace(/[^\P{Cc}\n]+/gu, ' ')
    .trim()
  if (string === '') return undefined
  return string.length > max ? `${string.slice(0, max)}…` : string
}
