// `start` on the Product Ingestion API: the look-up (any preview or live submission not
// `completed`, in whatever state the gate cannot read, is a publish in progress), a go-live's
// preconditions, the POST /configure with its submission resource, and how its answer reads.

import type { FetchResult } from '../../model/outcome.js'
import { isFinished } from '../../model/status.js'
import type { ApiClient } from '../../net/api-client.js'
import type { Budget } from '../../net/budget.js'
import type { StartKind } from '../backend.js'
import {
  failedInTransit,
  isSignInRefusal,
  type Found,
  type Posted,
  type Running,
  type StartSteps
} from '../start-steps.js'
import { field, isObject } from '../fields.js'
import { configureUrl } from './location.js'
import { snapshotOf } from './normalize.js'
import { parseJob, type Submission } from './parse.js'
import { configureSchema, DEFAULT_SCHEMA_VERSION, submissionSchema } from './versions.js'

/** What the API answers when a publish is already in progress. */
export const IN_PROGRESS = /an in progress submission already exists/i
/** What it answers when the submission named (or the draft) is not the latest. */
export const NOT_LATEST = /cannot be pushed to as its not the latest/i

export interface PiStartSettings {
  kind: StartKind
  baseUrl: string
  apiVersion: string
  schemaVersion?: string
  productId: string
  client: ApiClient
  /** Reads the product's submissions (and keeps them as the watcher's latest list). */
  list: (budget: Budget) => Promise<FetchResult<Submission[]>>
}

export class PiStartSteps implements StartSteps {
  readonly kind: StartKind
  readonly offer: string
  private readonly settings: PiStartSettings
  /** The list read by the last look-up: what was there before this run's POST. */
  before: Submission[] = []
  /** The preview a go-live names. */
  private preview: Submission | undefined

  constructor(settings: PiStartSettings) {
    this.settings = settings
    this.kind = settings.kind
    this.offer = settings.productId
  }

  async look(budget: Budget): Promise<FetchResult<Found>> {
    const listed = await this.settings.list(budget)
    if (listed.kind !== 'ok') return listed
    const submissions = listed.value
    this.before = submissions
    const running = inProgress(submissions)
    if (running !== undefined) return { kind: 'ok', value: { kind: 'running', running } }
    if (this.kind === 'preview') return { kind: 'ok', value: { kind: 'none' } }
    // A go-live names the newest preview, and only once it is completed/succeeded.
    const preview = newest(submissions.filter((each) => each.target === 'preview'))
    const { productId } = this.settings
    if (preview === undefined || preview.state.status !== 'succeeded') {
      return {
        kind: 'fatal',
        message: `start: live needs a preview that is ready, and the preview of ${productId} is not: ${preview === undefined ? 'the product has no preview submission' : `submission ${preview.id} is ${preview.state.rawStatus || 'without a status'}`}. Publish to preview first (start: preview) and wait until it is ready; nothing was posted.`
      }
    }
    // Live already (a go-live of it that failed or was canceled may be tried again).
    if (
      submissions.some(
        (each) =>
          each.target === 'live' && each.id === preview.id && each.state.status === 'succeeded'
      )
    ) {
      return {
        kind: 'ok',
        value: {
          kind: 'nothing',
          note: `The preview submission ${preview.id} is live already: nothing to go live with. Watching the submissions of ${productId}.`
        }
      }
    }
    this.preview = preview
    return { kind: 'ok', value: { kind: 'none' } }
  }

  /** What was not listed before the POST: the newest preview or live entry, in any state. */
  async find(budget: Budget): Promise<FetchResult<Running | undefined>> {
    const listed = await this.settings.list(budget)
    if (listed.kind !== 'ok') return listed
    const { before } = this
    const fresh = newest(
      listed.value.filter(
        (each) =>
          (each.target === 'preview' || each.target === 'live') &&
          !before.some((old) => old.id === each.id && old.target === each.target)
      )
    )
    return { kind: 'ok', value: fresh === undefined ? undefined : running(fresh) }
  }

  async post(budget: Budget): Promise<Posted> {
    const { kind, productId, client } = this.settings
    const version = this.settings.schemaVersion ?? DEFAULT_SCHEMA_VERSION
    const preview = kind === 'live' ? this.preview : undefined
    const posted = await client.request(
      'POST',
      configureUrl(this.settings.baseUrl, this.settings.apiVersion),
      {
        $schema: configureSchema(version),
        resources: [
          {
            $schema: submissionSchema(version),
            ...(preview === undefined ? {} : { id: preview.id }),
            product: productId,
            target: { targetType: kind }
          }
        ]
      },
      budget
    )
    if (posted.kind === 'transient') return failedInTransit(posted)
    if (posted.kind === 'fatal') {
      if (isSignInRefusal(posted)) return { kind: 'final', result: posted }
      const said = `${posted.detail ?? ''} ${safeText(posted.body)}`
      if (NOT_LATEST.test(said) && kind === 'live') {
        return {
          kind: 'final',
          result: {
            kind: 'fatal',
            message: `start: the go-live was refused: preview submission ${preview?.id ?? ''} is not the latest (the API said: ${posted.detail ?? ''}). Wait for the newest preview to be ready (wait-for: preview), then go live again.`
          }
        }
      }
      if (IN_PROGRESS.test(said) || NOT_LATEST.test(said)) {
        return { kind: 'conflict', detail: posted.detail ?? 'in progress' }
      }
      return { kind: 'final', result: refused(posted, productId) }
    }
    const jobId = jobIdOf(posted.value.body)
    return GUID.test(jobId)
      ? {
          kind: 'accepted',
          id: jobId,
          label: `configure job ${jobId}${preview === undefined ? '' : `, taking preview submission ${preview.id} live`}`
        }
      : { kind: 'unnamed', status: posted.value.status }
  }

  async ended(running: Running, budget: Budget): Promise<FetchResult<boolean>> {
    const listed = await this.settings.list(budget)
    if (listed.kind !== 'ok') return listed
    const still = listed.value.some(
      (each) => each.id === running.id && !isFinished(each.state.status)
    )
    return { kind: 'ok', value: !still }
  }
}

/**
 * A preview or live submission that is not completed: a publish in progress. Statuses the gate
 * does not know count too (the look-up fails safe), and so does one without a status.
 */
function inProgress(submissions: Submission[]): Running | undefined {
  const going = newest(
    submissions.filter(
      (each) =>
        (each.target === 'preview' || each.target === 'live') && !isFinished(each.state.status)
    )
  )
  return going === undefined ? undefined : running(going)
}

function running(submission: Submission): Running {
  return {
    id: submission.id,
    target: submission.target,
    label: `submission ${submission.id} to ${submission.target} (${submission.state.rawStatus || 'no status'})`,
    ...(submission.created === undefined ? {} : { since: submission.created })
  }
}

function newest(submissions: Submission[]): Submission | undefined {
  const time = (each: Submission): number => {
    const parsed = each.created === undefined ? Number.NaN : Date.parse(each.created)
    return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed
  }
  return submissions.reduce<Submission | undefined>(
    (found, each) => (found === undefined || time(each) >= time(found) ? each : found),
    undefined
  )
}

/** A 4xx to the publish with an error tree: shown as a failed job's; without one, as it came. */
function refused(
  posted: Extract<FetchResult<unknown>, { kind: 'fatal' }>,
  productId: string
): FetchResult<import('../../model/snapshot.js').Snapshot> {
  const error = isObject(posted.body) ? field(posted.body, 'error') : undefined
  if (posted.status === undefined || posted.status >= 500 || !isObject(error)) return posted
  const job = parseJob({ jobStatus: 'completed', jobResult: 'failed', errors: [error] })
  return { kind: 'ok', value: snapshotOf({ productId, submissions: [], job }) }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The configure job's id in an answer: `jobId`, or `jobID` as some samples spell it. */
function jobIdOf(body: unknown): string {
  const record = Array.isArray(body) ? (body as unknown[])[0] : body
  const id = isObject(record) ? field(record, 'jobId') : undefined
  return typeof id === 'string' ? id : ''
}

/** An error body as text to search for the API's conflict wording (bounded: it was read so). */
function safeText(body: unknown): string {
  try {
    return JSON.stringify(body ?? '').slice(0, 10_000)
  } catch {
    return ''
  }
}
