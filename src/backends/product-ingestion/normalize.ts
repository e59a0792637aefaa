// Product Ingestion records (parse.ts) as a Snapshot: the configure job, and the preview and live
// submissions; with a job, only the submission the job published decides (see snapshotOf).

import { MAX_ERROR_DEPTH, MAX_ERROR_NODES } from '../../constants.js'
import type { ErrorNode, Fact, Message, Snapshot, Step } from '../../model/snapshot.js'
import { isFinished, type Status } from '../../model/status.js'
import { partnerCenterLink } from './location.js'
import { certificationFailure, leaves, type Job, type Published, type Submission } from './parse.js'
import type { State } from './spellings.js'

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
  // With a job, or a publish followed by id (one attached to), only its submission decides.
  const followed = job !== undefined || view.published !== undefined
  const targets = TARGETS.map(({ target, name }) =>
    followed
      ? jobTargetStep(target, name, view)
      : submissionStep(target, name, pick(view.submissions, target))
  )
  steps.push(...targets)
  const overall = job
    ? jobState(view, job)
    : view.published
      ? followedState(view, view.published)
      : submissionsState(targets)
  const submissionId = followed
    ? view.published?.id
    : (targets[0].reference ?? targets[1].reference)
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
  return followedState(view, published, `${job.state.rawStatus}; `)
}

/** The state of the submission followed by id: still running while it is not listed. */
function followedState(view: View, published: Published, before = ''): State {
  const entry = listed(view.submissions, published.id, published.target)
  return entry?.state ?? { status: 'running', rawStatus: `${before}${published.id} not listed yet` }
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
      ? view.job === undefined
        ? `not the publish followed (${published.id} to ${published.target})`
        : `not the configure job's (it published ${published.id} to ${published.target})`
      : view.job !== undefined && isFinished(view.job.state.status)
        ? "not the configure job's (the job named no submission)"
        : 'the configure job names its submission when it is over'
  return {
    id: target,
    name,
    // A listed entry that is not the job's is information: shown going while it goes, never
    // finished (so that an earlier publish's result is neither this gate's pass nor its failure).
    status: isInProgress(other.state.status) ? other.state.status : 'notStarted',
    // A finished one keeps its state in the message only: no rule reads it as going on.
    rawStatus: isInProgress(other.state.status) ? other.state.rawStatus : '',
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

function leafMessage(node: ErrorNode): Message {
  const said = [node.code, node.message].filter(Boolean).join(': ')
  const text = node.resourceId === undefined ? said : `${said} (${node.resourceId})`
  return { level: 'error', parts: [{ text }] }
}
