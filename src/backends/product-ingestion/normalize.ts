// The one boundary where Product Ingestion JSON becomes typed records (a job, submissions, a
// product) and those become a Snapshot. Objects or one-element arrays, lists bare or in `value`,
// field names in any case (`jobId`/`jobID`), `0001-01-01…` dates as absent, ids kept as the exact
// strings they are (submission numbers pass 2^53), error trees capped.

import {
  MAX_ERROR_DEPTH,
  MAX_ERROR_MESSAGE_CHARS,
  MAX_ERROR_NODES,
  MAX_FIELD_CHARS
} from '../../constants.js'
import type { ErrorNode, Fact, Message, Snapshot, Step } from '../../model/snapshot.js'
import { isFinished, spellingKey, type Status } from '../../model/status.js'
import { isProductId, isSubmissionId } from './location.js'
import { stateOf, targetOf, type State } from './spellings.js'

type Json = Record<string, unknown>

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
  const resourceId = text(field(error, 'resourceId'))
  const under = field(error, 'details')
  const hasDetails = Array.isArray(under) && under.length > 0
  if (code === '' && message === '' && resourceId === undefined && !hasDetails) return undefined
  budget.nodes++
  // Bounded recursion: a tree nested deeper than any real one is cut, not followed.
  if (hasDetails && depth + 1 >= MAX_ERROR_DEPTH) budget.cut = true
  const details = depth + 1 >= MAX_ERROR_DEPTH ? [] : errorNodes(under, depth + 1, budget)
  return { code, message, ...(resourceId === undefined ? {} : { resourceId }), details }
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

function leafMessage(node: ErrorNode): Message {
  const said = [node.code, node.message].filter(Boolean).join(': ')
  const text = node.resourceId === undefined ? said : `${said} (${node.resourceId})`
  return { level: 'error', parts: [{ text }] }
}

// ---- Records to a Snapshot ------------------------------------------------------------------

export interface View {
  /** The durable id of the offer's product. */
  productId: string
  /** The configure job, when one is watched. */
  job?: Job
  /** The product's submissions as last read. */
  submissions: Submission[]
  /**
   * The submissions as listed when the job was first seen still running: one that is over and
   * still listed the same when the job is over was not the job's doing.
   */
  firstSeen?: Submission[]
}

const TARGETS = [
  { target: 'preview', name: 'Preview' },
  { target: 'live', name: 'Live' }
] as const

const CERTIFICATION_NOTE =
  "The certification report is e-mailed to the account's seller contact: the Product Ingestion API does not expose it."
const SUBMISSION_FAILED_NOTE =
  "The Product Ingestion API does not say why a submission failed: the certification report, if there is one, is e-mailed to the account's seller contact."

export function snapshotOf(view: View): Snapshot {
  const { job } = view
  const steps: Step[] = []
  const notes: string[] = []
  if (job) {
    const certification =
      job.state.status === 'failed' ? certificationFailure(job.errors) : undefined
    steps.push({
      id: 'job',
      name: 'Configure job',
      status: job.state.status,
      rawStatus: job.state.rawStatus,
      messages: leaves(job.errors).map(leafMessage),
      ...(certification === undefined
        ? {}
        : { cause: { subject: 'Certification', text: certification } })
    })
    if (certification !== undefined) notes.push(CERTIFICATION_NOTE)
    if (job.errorsCut) {
      notes.push(
        `The job's error tree is larger than the gate keeps (${MAX_ERROR_NODES} errors, ${MAX_ERROR_DEPTH} levels): the errors output and the list below hold the first ones.`
      )
    }
  }
  const targets = TARGETS.map(({ target, name }) =>
    targetStep(target, name, pick(view.submissions, target), job, view.firstSeen ?? [])
  )
  steps.push(...targets)
  if (!notes.includes(CERTIFICATION_NOTE) && targets.some((step) => isFailing(step.status))) {
    notes.push(SUBMISSION_FAILED_NOTE)
  }
  const overall = job ? job.state : submissionsState(targets)
  const submissionId = targets[0].reference ?? targets[1].reference
  const facts: Fact[] = [
    { name: 'product-id', label: 'Product', value: view.productId },
    ...(submissionId === undefined
      ? []
      : [{ name: 'submission-id', label: 'Submission', value: submissionId }]),
    ...(job?.start === undefined
      ? []
      : [{ name: 'job-start', label: 'Job started', value: job.start }]),
    ...(job?.end === undefined ? [] : [{ name: 'job-end', label: 'Job ended', value: job.end }])
  ]
  return {
    status: overall.status,
    rawStatus: overall.rawStatus,
    steps,
    messages: [],
    previewLinks: [],
    liveLinks: [],
    facts,
    ...(job ? { errors: job.errors } : {}),
    ...(notes.length === 0 ? {} : { notes })
  }
}

/**
 * The submission a target stands for: the one in progress if any (SUSE saw two `live` entries
 * during a go-live), else the most recently created, else the last listed.
 */
function pick(submissions: Submission[], target: string): Submission | undefined {
  const entries = submissions.filter((each) => each.target === target)
  const inProgress = entries.filter((each) => isInProgress(each.state.status))
  const pool = inProgress.length > 0 ? inProgress : entries
  return pool.reduce<Submission | undefined>(
    (newest, each) => (newest === undefined || created(each) >= created(newest) ? each : newest),
    undefined
  )
}

/**
 * A target's step. With a job watched, a submission that is already over while the job is not,
 * that failed while the job succeeded, or that the job left as it found it, is an earlier
 * publish's: it neither passes nor fails this gate, and shows as not started with a message
 * saying whose it is.
 */
function targetStep(
  target: string,
  name: string,
  submission: Submission | undefined,
  job: Job | undefined,
  firstSeen: Submission[]
): Step {
  if (submission === undefined) {
    return { id: target, name, status: 'notStarted', rawStatus: '', messages: [] }
  }
  const { status, rawStatus } = submission.state
  const jobOver = job !== undefined && isFinished(job.state.status)
  const untouched = firstSeen.some(
    (seen) =>
      seen.id === submission.id &&
      seen.target === submission.target &&
      seen.state.rawStatus === rawStatus &&
      isFinished(seen.state.status)
  )
  const earlier =
    job !== undefined &&
    isFinished(status) &&
    (!jobOver || untouched || (isFailing(status) && job.state.status === 'succeeded'))
  if (earlier) {
    return {
      id: target,
      name,
      status: 'notStarted',
      rawStatus,
      messages: [
        {
          level: 'information',
          parts: [
            {
              text: `Submission ${submission.id} (${rawStatus}) is from an earlier publish, not this configure job's.`
            }
          ]
        }
      ]
    }
  }
  return {
    id: target,
    name,
    status,
    rawStatus,
    reference: submission.id,
    messages: isFailing(status)
      ? [{ level: 'error', parts: [{ text: `Submission ${submission.id}: ${rawStatus}.` }] }]
      : []
  }
}

/**
 * Without a job: the most advanced submission still going (live before preview); else a failed
 * or canceled one; else succeeded once any has; not started when there is none.
 */
function submissionsState(steps: Step[]): State {
  const [preview, live] = steps
  const byOrder = [live, preview]
  const found =
    byOrder.find((step) => isInProgress(step.status) && step.rawStatus !== '') ??
    byOrder.find((step) => isFailing(step.status)) ??
    byOrder.find((step) => step.status === 'unknown') ??
    byOrder.find((step) => step.status === 'succeeded')
  return found === undefined
    ? { status: 'notStarted', rawStatus: '' }
    : { status: found.status, rawStatus: found.rawStatus }
}

function isInProgress(status: Status): boolean {
  return status === 'running' || status === 'notStarted'
}

function isFailing(status: Status): boolean {
  return status === 'failed' || status === 'canceled'
}

function created(submission: Submission): number {
  const time = submission.created === undefined ? Number.NaN : Date.parse(submission.created)
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time
}

// ---- JSON helpers ---------------------------------------------------------------------------

/** A field by name in any case: the docs spell `jobId` and `jobID`, `externalId` and `externalID`. */
function field(record: Json, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name]
  const lower = name.toLowerCase()
  const key = Object.keys(record).find((each) => each.toLowerCase() === lower)
  return key === undefined ? undefined : record[key]
}

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

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}
