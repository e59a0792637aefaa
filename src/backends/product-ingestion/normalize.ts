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
import { isProductId, isSubmissionId, partnerCenterLink } from './location.js'
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

function leafMessage(node: ErrorNode): Message {
  const said = [node.code, node.message].filter(Boolean).join(': ')
  const text = node.resourceId === undefined ? said : `${said} (${node.resourceId})`
  return { level: 'error', parts: [{ text }] }
}

// ---- Records to a Snapshot ------------------------------------------------------------------

/** A submission a configure job published: its durable id and its target (`preview`, `live`). */
export interface Published {
  id: string
  target: 'preview' | 'live'
}

export interface View {
  /** The durable id of the offer's product. */
  productId: string
  /** The configure job, when one is watched. */
  job?: Job
  /** The product's submissions as last read. */
  submissions: Submission[]
  /**
   * With a job: the submission it published, once the API named it (the job's detail) or the
   * list showed it (a preview or live entry that was not there before the job).
   */
  published?: Published
  /**
   * With a job that succeeded and named no submission: whether the job alone decides (a
   * draft-only configure). Otherwise the job's submission is still awaited, and nothing passes.
   */
  draftOnly?: boolean
}

const TARGETS = [
  { target: 'preview', name: 'Preview' },
  { target: 'live', name: 'Live' }
] as const

const CERTIFICATION_NOTE =
  "The certification report is e-mailed to the account's seller contact: the Product Ingestion API does not expose it."

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
    job === undefined
      ? submissionStep(target, name, pick(view.submissions, target))
      : jobTargetStep(target, name, view)
  )
  steps.push(...targets)
  const overall = job ? jobState(view, job) : submissionsState(targets)
  const submissionId = job ? view.published?.id : (targets[0].reference ?? targets[1].reference)
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
 * The state of a watched job's publish: the job's own until it succeeded; then its submission's
 * (certification may go on after the job ended), still running while the submission is not named
 * or not listed; the job's alone for a draft-only configure.
 */
function jobState(view: View, job: Job): State {
  if (job.state.status !== 'succeeded') return job.state
  const { published } = view
  if (published === undefined) {
    return view.draftOnly === true
      ? job.state
      : { status: 'running', rawStatus: `${job.state.rawStatus}; its submission not named yet` }
  }
  const entry = listed(view.submissions, published.id, published.target)
  if (entry === undefined) {
    return {
      status: 'running',
      rawStatus: `${job.state.rawStatus}; ${published.id} not listed yet`
    }
  }
  return entry.state
}

/**
 * A target's step while a job is watched: the job's submission on its target, and the same
 * submission on the other target (a go-live's preview, a preview taken live since). Any other
 * entry is shown for information only: it neither passes nor fails the gate.
 */
function jobTargetStep(target: string, name: string, view: View): Step {
  const { published } = view
  const own = published === undefined ? undefined : listed(view.submissions, published.id, target)
  if (own !== undefined) return submissionStep(target, name, own, view.job)
  if (published !== undefined && published.target === target) {
    return {
      id: target,
      name,
      status: 'notStarted',
      rawStatus: '',
      reference: published.id,
      messages: [info(`Submission ${published.id} is not listed for ${target} yet.`)]
    }
  }
  const other = pick(view.submissions, target)
  if (other === undefined)
    return { id: target, name, status: 'notStarted', rawStatus: '', messages: [] }
  const whose =
    published !== undefined
      ? `not the configure job's (it published ${published.id} to ${published.target})`
      : view.job !== undefined && isFinished(view.job.state.status)
        ? "not the configure job's (the job named no submission)"
        : 'the configure job names its submission when it is over'
  return {
    id: target,
    name,
    // A listed entry that is not the job's is information: shown going while it goes, never
    // finished (so that an earlier publish's result is neither this gate's pass nor its failure).
    status: isInProgress(other.state.status) ? other.state.status : 'notStarted',
    rawStatus: other.state.rawStatus,
    messages: [
      info(`Submission ${other.id} (${other.state.rawStatus || 'no status'}) is listed: ${whose}.`)
    ]
  }
}

function submissionStep(
  target: string,
  name: string,
  submission: Submission | undefined,
  job?: Job
): Step {
  if (submission === undefined) {
    return { id: target, name, status: 'notStarted', rawStatus: '', messages: [] }
  }
  const { status, rawStatus } = submission.state
  return {
    id: target,
    name,
    status,
    rawStatus,
    reference: submission.id,
    messages: isFailing(status) ? failedSubmission(submission, target, job) : []
  }
}

/**
 * Why a submission failed, as far as anyone can tell from the API: its id and state, the job
 * that published it, and where the reasons are (the API has none).
 */
function failedSubmission(submission: Submission, target: string, job: Job | undefined): Message[] {
  const page = partnerCenterLink(submission.id)
  const under =
    job?.state.status === 'succeeded'
      ? `, although its configure job ${job.id === '' ? '' : `${job.id} `}succeeded`
      : ''
  return [
    {
      level: 'error',
      parts: [
        {
          text: `Submission ${submission.id} to ${target} ended ${submission.state.rawStatus}${under}.`
        }
      ]
    },
    {
      level: 'error',
      parts: [
        {
          text: "The API does not say why: the certification report is e-mailed to the account's seller contact"
        },
        ...(page === undefined
          ? [{ text: '.' }]
          : [{ text: "; see the offer's page in Partner Center: " }, { text: page, href: page }])
      ]
    }
  ]
}

function listed(submissions: Submission[], id: string, target: string): Submission | undefined {
  return submissions.find((each) => each.id === id && each.target === target)
}

function info(text: string): Message {
  return { level: 'information', parts: [{ text }] }
}

/**
 * The submission a target stands for: the one in progress if any (SUSE saw two `live` entries
 * during a go-live), else the most recently created, else the last listed.
 */
export function pick(submissions: Submission[], target: string): Submission | undefined {
  const entries = submissions.filter((each) => each.target === target)
  const inProgress = entries.filter((each) => isInProgress(each.state.status))
  const pool = inProgress.length > 0 ? inProgress : entries
  return pool.reduce<Submission | undefined>(
    (newest, each) => (newest === undefined || created(each) >= created(newest) ? each : newest),
    undefined
  )
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
