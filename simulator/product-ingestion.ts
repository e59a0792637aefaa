// The Product Ingestion API on the simulator, under its own path prefix (/rp/product-ingestion,
// as on Graph): POST /configure starts a job, GET /configure/{jobId}/status reports it,
// GET /configure/{jobId} details what a completed one made, POST /configure/{jobId}/cancel stops
// it, GET /product?externalId= resolves an offer id, and GET /submission/{productGuid} lists a
// product's submissions. Like the CPP part, every answer is computed from the time elapsed
// (product-ingestion-timeline.ts), so no timers are needed. It accepts only tokens issued for
// Microsoft Graph: a CPP token gets Graph's 401.

import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AzureAd } from './azure-ad.ts'
import {
  CERTIFICATION_FAILURE,
  GO_LIVE_FAILURE,
  isPiScenario,
  piScenario,
  type PiScenario,
  type PiScenarioName
} from './product-ingestion-scenarios.ts'
import { inOutage, timeline, type Target, type Timeline } from './product-ingestion-timeline.ts'

export const PI_PREFIX = '/rp/product-ingestion'
export const PI_VERSION = '2022-07-01'
export const DEFAULT_GRAPH_TOKEN = 'sim-graph-token'
/** Schema versions the service no longer serves (the one Red Hat's client was refused in 2024). */
export const DEPRECATED_VERSIONS = ['2022-03-01-preview3', '2021-12-01-dev']
const SCHEMA = 'https://schema.mp.microsoft.com/schema'
/** The first submission number handed out: the documentation's, above 2^53. */
const FIRST_SUBMISSION = 1152921515689847470n

interface Job {
  id: string
  product: Product
  target: Target
  /** The submission this job creates (preview) or takes live (live). */
  submissionId: string
  /** Real milliseconds. */
  startedAt: number
  /** Simulated seconds after the start at which a cancel arrived. */
  cancelledAt?: number
  /** Reads of the submissions list that leave this job's submission out (scenario's unlistedReads). */
  unlistedReads: number
  /** Refused by its job: it failed with "An In Progress submission already exists". */
  refused?: true
}

interface Product {
  guid: string
  externalId: string
  scenario: PiScenario
  /** Real milliseconds: when the simulator first heard of it. */
  createdAt: number
  /** Submissions of earlier publishes, before any job of this run. */
  preview?: string
  live?: string
  jobs: Job[]
  /** Jobs accepted and failed at once because another publish was in progress: no submission. */
  refusedJobs: Job[]
}

interface SubmissionEntry {
  id: string
  target: Target | 'draft'
  status?: string
  result?: string
  created: string
}

export interface ProductIngestionOptions {
  speed: number
  now: () => number
  azureAd: AzureAd
  /** Static Graph tokens: a member of the Partner Center account, or an application not added. */
  graphTokens: Record<string, 'member' | 'outsider'>
  /** For products whose offer id is not a scenario name. */
  scenario: PiScenarioName
  /** The flaky scenario's next fault on a status call, if any. */
  fault: () => '500' | '503' | 'drop' | undefined
  /** Counts a request that starts an operation, and says what it meets (see server.ts). */
  takeStartFault?: () => 'race' | 'unavailable' | 'lost-answer' | 'job-conflict' | undefined
}

type Reply = (status: number, body: unknown) => void

export class ProductIngestionApi {
  private readonly options: ProductIngestionOptions
  private readonly products = new Map<string, Product>()
  private nextSubmission = FIRST_SUBMISSION
  private outageFaults = 0

  constructor(options: ProductIngestionOptions) {
    this.options = options
  }

  handle(req: IncomingMessage, res: ServerResponse, url: URL, path: string): void {
    const reply: Reply = (status, body) => json(res, status, body)
    const refused = this.authorize(req.headers.authorization)
    if (refused) return reply(refused.status, refused.body)
    const version = url.searchParams.get('$version') ?? ''
    if (DEPRECATED_VERSIONS.includes(version)) return deprecated(reply, version)
    const route = path.slice(PI_PREFIX.length)
    const concerned = this.concerned(route, url)
    if (concerned && this.down(concerned)) return this.outage(req, res, reply)

    if (req.method === 'POST' && route === '/configure') {
      return readJson(req, (body) => {
        const fault = this.options.takeStartFault?.()
        const unavailable = (): void =>
          graphError(reply, 503, 'serviceUnavailable', 'The service is temporarily unavailable.')
        if (fault === 'unavailable') return unavailable()
        // Another workflow's request got in first: this one meets the "In Progress" answer, at
        // once (race) or as its job's failure (job-conflict).
        if (fault === 'race' || fault === 'job-conflict') this.configure(body, () => undefined)
        if (fault === 'job-conflict') return this.refuseByJob(body, reply)
        // A lost answer: the request is taken, then the connection is reset.
        this.configure(body, fault === 'lost-answer' ? () => res.socket?.destroy() : reply)
      })
    }
    const cancel = /^\/configure\/([^/]+)\/cancel$/.exec(route)
    if (req.method === 'POST' && cancel) return this.cancel(cancel[1], reply)
    if (req.method !== 'GET') {
      return graphError(reply, 405, 'methodNotAllowed', `${req.method ?? ''} is not allowed here.`)
    }
    const status = /^\/configure\/([^/]+)\/status$/.exec(route)
    if (status) return this.status(status[1], version, req, res, reply)
    const detail = /^\/configure\/([^/]+)$/.exec(route)
    if (detail) return this.detail(detail[1], version, reply)
    if (route === '/product') return this.lookup(url, reply)
    const submissions = /^\/submission\/([^/]+)$/.exec(route)
    if (submissions) return this.submissions(submissions[1], reply)
    return graphError(reply, 404, 'notFound', `No route for GET ${path}.`)
  }

  /** The product of an offer id, made on first use: any offer id exists but product-not-found. */
  product(externalId: string): Product | undefined {
    const name = isPiScenario(externalId) ? externalId : this.options.scenario
    const scenario = piScenario(name)
    if (scenario.notFound) return undefined
    const known = this.known(externalId)
    if (known) return known
    const product: Product = {
      guid: randomUUID(),
      externalId,
      scenario,
      createdAt: this.options.now(),
      jobs: [],
      refusedJobs: []
    }
    // An earlier release is live; some scenarios also have a newer preview ready for go-live.
    product.live = this.submissionId(product)
    product.preview = scenario.readyPreview ? this.submissionId(product) : product.live
    this.products.set(product.guid, product)
    return product
  }

  private known(externalId: string): Product | undefined {
    return [...this.products.values()].find((each) => each.externalId === externalId)
  }

  /** The product a request is about, if it names one the simulator knows (not POST /configure). */
  private concerned(route: string, url: URL): Product | undefined {
    const job = /^\/configure\/([^/]+)(?:\/status|\/cancel)?$/.exec(route)
    if (job) return this.job(job[1])?.product
    const submissions = /^\/submission\/([^/]+)$/.exec(route)
    if (submissions) return this.products.get(submissions[1])
    const externalId = route === '/product' ? externalIdOf(url) : ''
    return externalId === '' ? undefined : this.known(externalId)
  }

  /** The outage scenario: every request about the product fails while one of its jobs is in it. */
  private down(product: Product): boolean {
    return product.jobs.some((job) => inOutage(product.scenario, this.elapsed(job)))
  }

  /** An outage's answers: a 503 and a dropped connection in turn. */
  private outage(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
    if (this.outageFaults++ % 2 === 1) return drop(req, res)
    graphError(reply, 503, 'serviceUnavailable', 'The service is temporarily unavailable.')
  }

  private authorize(header: string | undefined): { status: number; body: unknown } | undefined {
    const token = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? ''
    const fail = (status: number, code: string, message: string) => ({
      status,
      body: {
        error: {
          code,
          message,
          innerError: {
            date: new Date(this.options.now()).toISOString(),
            'request-id': randomUUID()
          }
        }
      }
    })
    const { graphTokens, azureAd } = this.options
    if (Object.hasOwn(graphTokens, token)) {
      return graphTokens[token] === 'member'
        ? undefined
        : fail(
            403,
            'forbidden',
            'The application is not authorized to access this Partner Center account.'
          )
    }
    const issued = token === '' ? undefined : azureAd.check(token)
    if (issued === 'expired') {
      return fail(
        401,
        'InvalidAuthenticationToken',
        'Lifetime validation failed, the token is expired.'
      )
    }
    if (issued?.audience === 'graph') return undefined
    if (token === '') return fail(401, 'InvalidAuthenticationToken', 'Access token is empty.')
    // A token for the CPP API (issued here, or the simulator's static CPP token) or a made-up one.
    return fail(
      401,
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid audience.'
    )
  }

  private configure(body: unknown, reply: Reply): void {
    const request = isObject(body) ? body : {}
    const schema = typeof request.$schema === 'string' ? request.$schema : ''
    if (/azureedge\.net/.test(schema)) {
      return graphError(reply, 400, 'badRequest', `Schema ${schema} could not be accessed`)
    }
    const resources = Array.isArray(request.resources) ? (request.resources as unknown[]) : []
    const submission = resources.find(
      (resource): resource is Record<string, unknown> =>
        isObject(resource) && isObject(resource.target)
    )
    if (!submission) {
      return graphError(reply, 400, 'badRequest', 'The request has no submission resource.', [
        {
          code: 'schemaValidationError',
          message: 'Required properties ["target"] were not present'
        }
      ])
    }
    const product = this.productOf(submission.product)
    if (!product) {
      return graphError(reply, 400, 'badRequest', 'The product of the submission was not found.', [
        { code: 'resourceNotFound', message: 'The product was not found.' }
      ])
    }
    const { targetType } = submission.target as Record<string, unknown>
    if (targetType !== 'preview' && targetType !== 'live') {
      return graphError(
        reply,
        400,
        'badRequest',
        `Unsupported targetType ${JSON.stringify(targetType)}.`
      )
    }
    if (this.down(product)) {
      return graphError(reply, 503, 'serviceUnavailable', 'The service is temporarily unavailable.')
    }
    // A job that completed before its submission did leaves a publish in progress all the same.
    if (product.jobs.some((job) => this.inProgress(job))) {
      return graphError(reply, 400, 'badRequest', 'An In Progress submission already exists', [
        {
          code: 'invalidState',
          message: 'An In Progress submission already exists',
          resourceId: `product/${product.guid}`
        }
      ])
    }
    let submissionId: string
    if (targetType === 'live') {
      const preview = this.entries(product).find((entry) => entry.target === 'preview')
      const { completed, succeeded } = product.scenario.spellings
      const ready = preview?.status === completed && preview.result === succeeded
      if (!preview || !ready || submission.id !== preview.id) {
        return graphError(
          reply,
          400,
          'badRequest',
          'The submission cannot be pushed to as its not the latest',
          [
            {
              code: 'invalidState',
              message: `Going live needs the id of a preview submission that succeeded (${preview?.id ?? 'none'}).`,
              resourceId:
                typeof submission.id === 'string' ? submission.id : `product/${product.guid}`
            }
          ]
        )
      }
      submissionId = preview.id
    } else {
      submissionId = this.submissionId(product)
    }
    const job: Job = {
      id: randomUUID(),
      product,
      target: targetType,
      submissionId,
      startedAt: this.options.now(),
      unlistedReads: product.scenario.unlistedReads
    }
    product.jobs.push(job)
    reply(202, this.jobBody(job))
  }

  /**
   * The conflict told by the job: the request is accepted (202 and a job id) while another publish
   * is in progress, and its job fails with only "An In Progress submission already exists". It
   * makes no submission. The public sources quote the message but not the channel: this is the
   * other channel, for the gate's tests.
   */
  private refuseByJob(body: unknown, reply: Reply): void {
    const request = isObject(body) ? body : {}
    const resources = Array.isArray(request.resources) ? (request.resources as unknown[]) : []
    const submission = resources.find(isObject)
    const product = this.productOf(submission?.product)
    if (!product) return graphError(reply, 400, 'badRequest', 'The product was not found.')
    const target = isObject(submission?.target) ? submission.target.targetType : undefined
    const job: Job = {
      id: randomUUID(),
      product,
      target: target === 'live' ? 'live' : 'preview',
      submissionId: '',
      startedAt: this.options.now(),
      unlistedReads: 0,
      refused: true
    }
    product.refusedJobs.push(job)
    reply(202, this.jobBody(job))
  }

  private cancel(id: string, reply: Reply): void {
    const job = this.job(id)
    if (!job) return graphError(reply, 404, 'notFound', `Job ${id} was not found.`)
    if (job.refused || this.timeline(job).job.over) {
      return graphError(
        reply,
        400,
        'badRequest',
        'The job has already completed and cannot be cancelled.',
        []
      )
    }
    job.cancelledAt = this.elapsed(job)
    reply(200, this.jobBody(job))
  }

  private status(
    id: string,
    version: string,
    req: IncomingMessage,
    res: ServerResponse,
    reply: Reply
  ): void {
    const job = this.job(id)
    if (!job) return graphError(reply, 404, 'notFound', `Job ${id} was not found.`)
    const { scenario } = job.product
    if (scenario.deprecated) return deprecated(reply, version || PI_VERSION)
    const fault = scenario.flaky ? this.options.fault() : undefined
    if (fault === '500') {
      return graphError(reply, 500, 'internalServerError', 'An unexpected error occurred.')
    }
    if (fault === '503') {
      res.writeHead(503, { 'content-type': 'text/html' })
      res.end(
        '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>'
      )
      return
    }
    if (fault === 'drop') return drop(req, res)
    const body = this.jobBody(job)
    reply(200, scenario.arrayStatus ? [body] : body)
  }

  /**
   * GET configure/{jobId}, "Summary of a completed request": refused until the job is over, then
   * the resources it completed: its submission if it succeeded, none after a failure or cancel.
   */
  private detail(id: string, version: string, reply: Reply): void {
    const job = this.job(id)
    if (!job || job.product.scenario.noDetail) {
      return graphError(reply, 404, 'notFound', `Job ${id} was not found.`)
    }
    if (job.product.scenario.deprecated) return deprecated(reply, version || PI_VERSION)
    const { over, result } = job.refused ? { over: true, result: 'failed' } : this.timeline(job).job
    if (!over) {
      return graphError(
        reply,
        400,
        'badRequest',
        `The configure request ${id} is not completed yet.`
      )
    }
    const { guid } = job.product
    reply(200, {
      $schema: `${SCHEMA}/configure-detail/2022-03-01-preview2`,
      resources:
        result === 'succeeded'
          ? [
              {
                $schema: `${SCHEMA}/submission/2022-03-01-preview2`,
                id: job.submissionId,
                product: `product/${guid}`,
                target: { targetType: job.target },
                lifecycleState: 'generallyAvailable'
              }
            ]
          : []
    })
  }

  private lookup(url: URL, reply: Reply): void {
    const externalId = externalIdOf(url)
    const product = externalId === '' ? undefined : this.product(externalId)
    reply(200, {
      value: product
        ? [
            {
              $schema: `${SCHEMA}/product/2022-03-01-preview2`,
              id: `product/${product.guid}`,
              identity: { externalId: product.externalId },
              type: 'softwareAsAService',
              alias: product.externalId
            }
          ]
        : []
    })
  }

  private submissions(guid: string, reply: Reply): void {
    const product = this.products.get(guid)
    if (!product) return graphError(reply, 404, 'notFound', `Product ${guid} was not found.`)
    // A job's submission missing from this read (listed-late) is left out, as if it were not made.
    const unlisted = product.jobs.filter((job) => job.unlistedReads > 0)
    for (const job of unlisted) job.unlistedReads--
    const items = [
      { id: `submission/${guid}/0`, target: 'draft' as const },
      ...this.entries(product, unlisted)
    ].map((entry) => ({
      $schema: `${SCHEMA}/submission/2022-03-01-preview2`,
      ...entry,
      product: `product/${guid}`,
      target: { targetType: entry.target },
      lifecycleState: 'generallyAvailable'
    }))
    reply(200, product.scenario.bareSubmissions ? items : { value: items })
  }

  /** The preview and live entries now: the earlier releases', then each job's effect in turn. */
  private entries(product: Product, unlisted: Job[] = []): SubmissionEntry[] {
    const s = product.scenario.spellings
    const day = 24 * 3600 * 1000
    // The release that is live came out last month; a preview ready for go-live, last week.
    const earlier = (days: number): string => new Date(product.createdAt - days * day).toISOString()
    const done = (id: string, target: Target, created: string, result = s.succeeded) => ({
      id,
      target,
      status: s.completed,
      result,
      created
    })
    let preview: SubmissionEntry | undefined = product.preview
      ? done(product.preview, 'preview', earlier(product.preview === product.live ? 30 : 7))
      : undefined
    let live: SubmissionEntry[] = product.live ? [done(product.live, 'live', earlier(30))] : []
    for (const job of product.jobs) {
      if (unlisted.includes(job)) continue
      const { started, over, result } = this.timeline(job).submission
      const created = this.stamp(job, job.product.scenario.queued)
      // A queued job's submission is listed already, not started: a publish is in progress from
      // the moment it is accepted (the API refuses another one), so the list says so too.
      const state = over
        ? {
            status: s.completed,
            result: { succeeded: s.succeeded, failed: s.failed, cancelled: s.submissionCancelled }[
              result
            ]
          }
        : { status: started ? s.running : s.notStarted, result: s.pending }
      if (job.target === 'preview') {
        preview = { id: job.submissionId, target: 'preview', created, ...state }
      } else if (over && result === 'succeeded') {
        // After go-live one submission stands for both targets.
        live = [done(job.submissionId, 'live', preview?.created ?? created)]
      } else {
        // During a go-live, and after one that failed, the old live entry and the new one are both
        // listed: the old release is still what customers see.
        live = [...live.slice(0, 1), { id: job.submissionId, target: 'live', created, ...state }]
      }
    }
    return [...(preview ? [preview] : []), ...live]
  }

  private jobBody(job: Job): Record<string, unknown> {
    const s = job.product.scenario.spellings
    if (job.refused) {
      // Accepted, and failed at once: its answer already says so, like its status does.
      return {
        $schema: `${SCHEMA}/configure-status/2022-07-01`,
        [s.jobIdKey]: job.id,
        jobStatus: s.completed,
        jobResult: s.failed,
        jobStart: new Date(job.startedAt).toISOString(),
        jobEnd: new Date(job.startedAt).toISOString(),
        errors: [
          {
            code: 'invalidState',
            message: 'An In Progress submission already exists',
            resourceId: `product/${job.product.guid}`
          }
        ]
      }
    }
    const { started, over, result, endsAt } = this.timeline(job).job
    return {
      $schema: `${SCHEMA}/configure-status/2022-07-01`,
      [s.jobIdKey]: job.id,
      jobStatus: over ? s.completed : started ? s.running : s.notStarted,
      jobResult: over
        ? { succeeded: s.succeeded, failed: s.failed, cancelled: s.jobCancelled }[result]
        : started
          ? s.runningResult
          : s.pending,
      jobStart: new Date(job.startedAt).toISOString(),
      jobEnd: over ? this.stamp(job, endsAt) : s.sentinel,
      errors: over && result === 'failed' ? [failure(job)] : []
    }
  }

  private inProgress(job: Job): boolean {
    const { job: configure, submission } = this.timeline(job)
    return !configure.over || !submission.over
  }

  private timeline(job: Job): Timeline {
    return timeline(job.product.scenario, job.target, this.elapsed(job), job.cancelledAt)
  }

  private elapsed(job: Job): number {
    return ((this.options.now() - job.startedAt) / 1000) * this.options.speed
  }

  private stamp(job: Job, simulated: number): string {
    return new Date(job.startedAt + (simulated / this.options.speed) * 1000).toISOString()
  }

  private job(id: string): Job | undefined {
    for (const product of this.products.values()) {
      const found = [...product.jobs, ...product.refusedJobs].find((job) => job.id === id)
      if (found) return found
    }
    return undefined
  }

  private productOf(reference: unknown): Product | undefined {
    if (typeof reference === 'string') {
      return this.products.get(reference.replace(/^product\//, ''))
    }
    if (isObject(reference) && typeof reference.externalId === 'string') {
      return this.product(reference.externalId)
    }
    return undefined
  }

  private submissionId(product: Product): string {
    const id = `submission/${product.guid}/${this.nextSubmission}`
    this.nextSubmission++
    return id
  }
}

/**
 * The error of a failed job, nested as in cloudpub's fixture of a certification failure; a go-live
 * is not certified, so its failure names no certification.
 */
function failure(job: Job): Record<string, unknown> {
  return {
    resourceId: job.submissionId,
    code: 'internalServerError',
    message: 'Operation failed',
    details:
      job.target === 'preview'
        ? [
            {
              code: 'invalidState',
              message: 'Certification',
              details: [{ code: 'invalidState', message: CERTIFICATION_FAILURE }]
            }
          ]
        : [{ code: 'invalidState', message: GO_LIVE_FAILURE, resourceId: job.submissionId }]
  }
}

/** A connection dropped in the middle of an answer. */
function drop(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
  res.write('{"jobStatus":"runn')
  req.socket.destroy()
}

/** The docs and clients spell the parameter externalId, externalID and externalid. */
function externalIdOf(url: URL): string {
  return (
    [...url.searchParams.entries()].find(([name]) => name.toLowerCase() === 'externalid')?.[1] ?? ''
  )
}

/** The body of a preview publish request for a product, as a workflow would POST it. */
export function previewRequest(productId: string): Record<string, unknown> {
  return {
    $schema: `${SCHEMA}/configure/2022-03-01-preview2`,
    resources: [
      {
        $schema: `${SCHEMA}/submission/2022-03-01-preview2`,
        product: productId,
        target: { targetType: 'preview' }
      }
    ]
  }
}

/** The body of a go-live request: it names the preview submission. */
export function liveRequest(productId: string, previewId: string): Record<string, unknown> {
  return {
    $schema: `${SCHEMA}/configure/2022-03-01-preview2`,
    resources: [
      {
        $schema: `${SCHEMA}/submission/2022-03-01-preview2`,
        id: previewId,
        product: productId,
        target: { targetType: 'live' }
      }
    ]
  }
}

function deprecated(reply: Reply, version: string): void {
  graphError(reply, 400, 'badRequest', `"${version} is a deprecated schema"`)
}

function graphError(
  reply: Reply,
  status: number,
  code: string,
  message: string,
  details: unknown[] = []
): void {
  reply(status, { error: { code, message, details } })
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

function readJson(req: IncomingMessage, then: (body: unknown) => void): void {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    try {
      then(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown)
    } catch {
      then(undefined)
    }
  })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export interface Published {
  /** `product/<guid>`, or '' when the offer id is not found. */
  productId: string
  /** The configure job's id, or '' when the request was refused. */
  jobId: string
  status: number
  body: unknown
}

/**
 * What a workflow does to publish on the simulator, as a client: resolve the offer id, then POST
 * /configure with a preview submission, or (`live`) with the id of the preview to take live.
 */
export async function publishOn(
  url: string,
  offer: string,
  target: 'preview' | 'live',
  token = DEFAULT_GRAPH_TOKEN
): Promise<Published> {
  const base = `${url}${PI_PREFIX}`
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
  const version = `$version=${PI_VERSION}`
  const get = async (path: string): Promise<unknown> =>
    (await fetch(`${base}${path}${path.includes('?') ? '&' : '?'}${version}`, { headers })).json()
  const found = (await get(`/product?externalId=${encodeURIComponent(offer)}`)) as {
    value?: Array<{ id: string }>
  }
  const productId = found.value?.[0]?.id ?? ''
  if (productId === '') return { productId, jobId: '', status: 0, body: found }
  let request = previewRequest(productId)
  if (target === 'live') {
    const listed = (await get(`/submission/${productId.slice('product/'.length)}`)) as
      Array<Record<string, unknown>> | { value: Array<Record<string, unknown>> }
    const entries = Array.isArray(listed) ? listed : listed.value
    const preview = entries.find(
      (entry) => (entry.target as { targetType?: string } | undefined)?.targetType === 'preview'
    )
    request = liveRequest(productId, typeof preview?.id === 'string' ? preview.id : '')
  }
  const response = await fetch(`${base}/configure?${version}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(request)
  })
  const body = (await response.json()) as Record<string, unknown>
  const jobId = body.jobId ?? body.jobID
  return { productId, jobId: typeof jobId === 'string' ? jobId : '', status: response.status, body }
}
