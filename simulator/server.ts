// A loopback HTTP server that behaves like the Cloud Partner Portal API as documented: publish,
// go-live and cancel start or stop operations; GET operation, offer status and the submissions
// list report them. Node's http only, so it runs anywhere the action's tests do.

import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  AzureAd,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_OIDC_REQUEST_TOKEN,
  DEFAULT_SUBJECT,
  DEFAULT_TENANT,
  type Client
} from './azure-ad.ts'
import { inProgress, operationState, type Operation, type OperationKind } from './operations.ts'
import { DEFAULT_GRAPH_TOKEN, PI_PREFIX, ProductIngestionApi } from './product-ingestion.ts'
import type { PiScenarioName } from './product-ingestion-scenarios.ts'
import { isScenario, scenario, type ScenarioName } from './scenarios.ts'

export const API_VERSION = '2017-10-31'

export interface SimulatorOptions {
  port?: number
  host?: string
  /** Simulated seconds per real second. */
  speed?: number
  /** For offers whose id is not a scenario name. */
  scenario?: ScenarioName
  /** Bearer token → publishers it may act for. */
  tokens?: Record<string, string[]>
  /** Product Ingestion: static Graph tokens, of an application added to the account or not. */
  graphTokens?: Record<string, 'member' | 'outsider'>
  /** Product Ingestion: for products whose offer id is not a scenario name. */
  piScenario?: PiScenarioName
  /** Share of GET requests that fail in the `flaky` scenario. */
  faultRate?: number
  /** Seed for the flaky scenario's faults, so a run can be repeated. */
  seed?: number
  /** One line per request. */
  log?: (line: string) => void
  now?: () => number
  /** Azure AD: the tenant, the applications it knows, and how long the tokens it issues live. */
  tenant?: string
  clients?: Record<string, Client>
  tokenLifetimeSec?: number
  /** The fake GitHub OIDC issuer: the request token it wants, the subject it issues tokens for. */
  oidcRequestToken?: string
  oidcSubject?: string
}

/**
 * What the next request that starts an operation (a CPP publish or go-live, a Product Ingestion
 * POST /configure) meets, once: another workflow's publish of the same offer got in first (the
 * request then meets the API's conflict answer), a 503 with nothing started, the operation
 * started but its answer lost (the connection reset), or (`job-conflict`) another publish got in
 * first and the request is accepted, but its Product Ingestion job fails with only "An In Progress
 * submission already exists" (on CPP, which has no jobs, it meets the 409 as with `race`).
 */
export type StartFault = 'race' | 'unavailable' | 'lost-answer' | 'job-conflict'

export interface Simulator {
  url: string
  port: number
  /** Requests answered so far. */
  requests: () => number
  /** Requests that asked to start an operation (publish, go-live, configure), answered or not. */
  startRequests: () => number
  /** The next such request meets this (see StartFault). */
  nextStart: (fault: StartFault) => void
  /** Azure AD tokens issued so far. */
  tokensIssued: () => number
  close: () => Promise<void>
}

export const DEFAULT_TOKEN = 'sim-token'
export const DEFAULT_PUBLISHER = 'contoso'

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const speed = options.speed ?? 1
  const tokens = options.tokens ?? { [DEFAULT_TOKEN]: [DEFAULT_PUBLISHER] }
  const now = options.now ?? Date.now
  const log = options.log ?? (() => undefined)
  const faults = faultSchedule(options.faultRate ?? 0.3, options.seed ?? 42, [
    '429',
    '503',
    'drop'
  ] as const)
  const operations: Operation[] = []
  let requests = 0
  let startRequests = 0
  let startFault: StartFault | undefined
  const takeStartFault = (): StartFault | undefined => {
    startRequests++
    const fault = startFault
    startFault = undefined
    return fault
  }
  const azureAd = new AzureAd({
    tenant: options.tenant ?? DEFAULT_TENANT,
    clients: options.clients ?? {
      [DEFAULT_CLIENT_ID]: {
        secret: DEFAULT_CLIENT_SECRET,
        subject: DEFAULT_SUBJECT,
        publishers: [DEFAULT_PUBLISHER]
      }
    },
    tokenLifetimeSec: options.tokenLifetimeSec ?? 3600,
    oidcRequestToken: options.oidcRequestToken ?? DEFAULT_OIDC_REQUEST_TOKEN,
    oidcSubject: options.oidcSubject ?? DEFAULT_SUBJECT,
    now
  })
  const productIngestion = new ProductIngestionApi({
    speed,
    now,
    azureAd,
    graphTokens: options.graphTokens ?? { [DEFAULT_GRAPH_TOKEN]: 'member' },
    scenario: options.piScenario ?? 'preview-success',
    takeStartFault,
    fault: faultSchedule(options.faultRate ?? 0.3, options.seed ?? 42, ['500', '503', 'drop'])
  })

  const scenarioOf = (offer: string) =>
    scenario(isScenario(offer) ? offer : (options.scenario ?? 'publish-success'))
  const current = (publisher: string, offer: string): Operation | undefined =>
    operations.findLast((op) => op.publisher === publisher && op.offer === offer)
  const state = (operation: Operation) => operationState(operation, now(), speed)

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://simulator')
    const path = url.pathname.replace(/\/+$/, '')
    const segments = path.split('/').slice(1).map(decodeURIComponent)

    // Azure AD and GitHub's OIDC issuer, which take no api-version.
    const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path)
    if (req.method === 'POST' && tokenPath) {
      return readForm(req, (form) =>
        answer(res, azureAd.token(decodeURIComponent(tokenPath[1]), form))
      )
    }
    if (req.method === 'GET' && path === '/oidc/token') {
      return answer(
        res,
        azureAd.idToken(req.headers.authorization, url.searchParams.get('audience') ?? '')
      )
    }
    // Product Ingestion, under its own prefix, takes $version and Graph's tokens.
    if (path === PI_PREFIX || path.startsWith(`${PI_PREFIX}/`)) {
      return productIngestion.handle(req, res, url, path)
    }
    if (url.searchParams.get('api-version') !== API_VERSION) {
      return error(
        res,
        400,
        'InvalidAPIVersion',
        `Invalid api-version '${url.searchParams.get('api-version') ?? ''}'. Allowed versions are ${API_VERSION}.`
      )
    }
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
    const issued = auth ? azureAd.check(auth[1]) : undefined
    if (issued === 'expired') {
      return error(res, 401, 'ExpiredAuthenticationToken', 'The access token has expired.')
    }
    if (issued?.audience === 'graph') {
      return error(
        res,
        401,
        'Unauthorized',
        'Authentication failed: the access token is not issued for https://cloudpartner.azure.com.'
      )
    }
    const owned = auth && Object.hasOwn(tokens, auth[1]) ? tokens[auth[1]] : issued?.publishers
    if (!owned) {
      return error(
        res,
        401,
        'Unauthorized',
        'Authentication failed: the access token is missing or invalid.'
      )
    }

    // /api/operations/{pub}${offer}${version}${slot}: the non-migrated form.
    if (segments.length === 3 && segments[0] === 'api' && segments[1] === 'operations') {
      const [publisher, offer] = segments[2].split('$')
      if (!owned.includes(publisher)) return forbidden(res, publisher)
      const operation = operations.findLast(
        (op) => op.publisher === publisher && op.offer === offer && op.kind === 'Publish'
      )
      return operation
        ? sendOperation(req, res, operation)
        : notFound(res, `Operation ${segments[2]} was not found.`)
    }
    if (
      segments[0] !== 'api' ||
      segments[1] !== 'publishers' ||
      segments[3] !== 'offers' ||
      segments.length < 6
    ) {
      return notFound(res, `No route for ${req.method ?? ''} ${path}.`)
    }
    const publisher = segments[2]
    const offer = segments[4]
    if (!owned.includes(publisher)) return forbidden(res, publisher)
    const action = segments[5]

    if (
      req.method === 'POST' &&
      (action === 'publish' || action === 'golive') &&
      segments.length === 6
    ) {
      const kind = action === 'publish' ? 'Publish' : 'GoLive'
      const fault = takeStartFault()
      if (fault === 'unavailable') return unavailable(res)
      // Another workflow's request got in first: this one meets the conflict. (CPP has no jobs:
      // a conflict told by the job is told by the POST here.)
      if (fault === 'race' || fault === 'job-conflict') start(undefined, publisher, offer, kind)
      return start(res, publisher, offer, kind, fault === 'lost-answer')
    }
    if (req.method === 'POST' && action === 'cancel' && segments.length === 6) {
      const operation = current(publisher, offer)
      if (operation && inProgress(state(operation).phase)) {
        operation.canceledAt = ((now() - operation.startedAt) / 1000) * speed
        res.setHeader('Location', locationOf(operation))
      }
      return send(res, 202, '')
    }
    if (req.method !== 'GET')
      return error(res, 405, 'MethodNotAllowed', `${req.method ?? ''} is not allowed here.`)
    if (action === 'operations' && segments.length === 7) {
      const operation = operations.find(
        (op) => op.id === segments[6] && op.publisher === publisher && op.offer === offer
      )
      return operation
        ? sendOperation(req, res, operation)
        : notFound(res, `Operation ${segments[6]} was not found.`)
    }
    if (action === 'status' && segments.length === 6) {
      const operation = current(publisher, offer)
      if (!operation)
        return json(res, 200, {
          status: 'neverPublished',
          messages: [],
          steps: [],
          previewLinks: [],
          liveLinks: []
        })
      return flaky(req, res, operation, () => {
        const { phase, body } = state(operation)
        const status = phase === 'waiting' ? 'running' : body.status
        json(res, 200, {
          status,
          messages: [],
          steps: body.steps,
          previewLinks: body.previewLinks,
          liveLinks: body.liveLinks
        })
      })
    }
    if (action === 'submissions' && segments.length === 6) {
      const wanted = (
        url.searchParams.get('status') ??
        url.searchParams.get('submissionState') ??
        ''
      ).toLowerCase()
      const items = operations
        .filter((op) => op.publisher === publisher && op.offer === offer)
        .map((op) => submission(op, state(op).body))
        .filter((item) => wanted === '' || String(item.submissionState).toLowerCase() === wanted)
      // `version` is past 2^53 in the documentation: write it as the raw number it is.
      return send(
        res,
        200,
        JSON.stringify(items).replace(/"version":"(\d+)"/g, '"version":$1'),
        'application/json; charset=utf-8'
      )
    }
    return notFound(res, `No route for ${req.method} ${path}.`)
  }

  /** Starts an operation and answers `res` (none: a competitor's request, answered elsewhere). */
  const start = (
    res: ServerResponse | undefined,
    publisher: string,
    offer: string,
    kind: OperationKind,
    answerLost = false
  ): void => {
    if (res === undefined) {
      const sink = { setHeader: () => undefined, writeHead: () => undefined, end: () => undefined }
      return start(sink as unknown as ServerResponse, publisher, offer, kind)
    }
    const previous = current(publisher, offer)
    const previousPhase = previous ? state(previous).phase : undefined
    if (kind === 'GoLive') {
      if (!previous || previous.kind !== 'Publish' || previousPhase !== 'waiting') {
        return error(
          res,
          400,
          'InvalidOperation',
          'Go-live needs a publish that is waiting for publisher review.'
        )
      }
      previous.wentLiveAt = ((now() - previous.startedAt) / 1000) * speed
    } else if (previousPhase === 'waiting' && previous !== undefined) {
      // A new publish while the last one's preview awaits sign-off replaces that preview (as
      // Partner Center does): the waiting operation ends canceled.
      previous.canceledAt = ((now() - previous.startedAt) / 1000) * speed
    } else if (previousPhase !== undefined && inProgress(previousPhase)) {
      return error(
        res,
        409,
        'Conflict',
        `Operation ${previous?.id ?? ''} is already in progress for offer ${offer}.`
      )
    }
    const operation: Operation = {
      id: randomUUID(),
      publisher,
      offer,
      kind,
      scenario: scenarioOf(offer),
      startedAt: now()
    }
    operations.push(operation)
    // The request was taken, and its answer is lost: the connection is reset.
    if (answerLost) {
      res.socket?.destroy()
      return
    }
    res.setHeader('Location', locationOf(operation))
    send(res, 202, '')
  }

  const unavailable = (res: ServerResponse): void =>
    error(
      res,
      503,
      'ServiceUnavailable',
      'The service is temporarily unavailable. Try again later.'
    )

  const sendOperation = (req: IncomingMessage, res: ServerResponse, operation: Operation): void =>
    flaky(req, res, operation, () => {
      const { body } = state(operation)
      json(res, 200, operation.scenario.arrayBody ? [body] : body)
    })

  /** In the flaky scenario some GETs fail: 429 with Retry-After, a 503 HTML page, a dropped connection. */
  const flaky = (
    req: IncomingMessage,
    res: ServerResponse,
    operation: Operation,
    answer: () => void
  ): void => {
    const fault = operation.scenario.flaky ? faults() : undefined
    if (fault === '429') {
      res.setHeader('Retry-After', '1')
      return error(res, 429, 'TooManyRequests', 'Rate limit exceeded. Retry after 1 second.')
    }
    if (fault === '503') {
      return send(
        res,
        503,
        '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>HTTP Error 503. The service is unavailable.</p></body></html>',
        'text/html'
      )
    }
    if (fault === 'drop') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('[{"status":"runn')
      req.socket.destroy()
      return
    }
    answer()
  }

  const locationOf = (operation: Operation): string =>
    operation.scenario.locationForm === 'non-migrated' && operation.kind === 'Publish'
      ? `/api/operations/${operation.publisher}$${operation.offer}$2$preview?api-version=${API_VERSION}`
      : `/api/publishers/${operation.publisher}/offers/${operation.offer}/operations/${operation.id}?api-version=${API_VERSION}`

  const server = createServer((req, res) => {
    const started = now()
    requests++
    res.setHeader('x-ms-correlation-request-id', randomUUID())
    res.on('finish', () =>
      log(`${req.method ?? ''} ${req.url ?? ''} → ${res.statusCode} (${now() - started} ms)`)
    )
    res.on('close', () => {
      if (!res.writableFinished) log(`${req.method ?? ''} ${req.url ?? ''} → connection dropped`)
    })
    try {
      handle(req, res)
    } catch (caught) {
      error(
        res,
        500,
        'InternalServerError',
        caught instanceof Error ? caught.message : String(caught)
      )
    }
  })
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1')
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    requests: () => requests,
    startRequests: () => startRequests,
    nextStart: (fault) => {
      startFault = fault
    },
    tokensIssued: () => azureAd.tokensIssued,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function submission(operation: Operation, body: Record<string, unknown>): Record<string, unknown> {
  return {
    id: operation.id,
    offerId: operation.offer,
    offerVersion: 2,
    offerTypeId: 'microsoft-azure-virtualmachines',
    publisherId: operation.publisher,
    submissionType: operation.kind,
    submissionState: body.status,
    publishingVersion: 2,
    slot: 'staging',
    version: String(636576975611768314n + BigInt(operation.startedAt)),
    definition: { metadata: { emails: [] } },
    changedTime: body.lastActionDateTime
  }
}

/**
 * Decides, per GET, whether the flaky scenario fails it, and how. A seeded generator makes runs
 * repeatable, and at most two faults come in a row so that good answers come between them.
 */
function faultSchedule<Kind extends string>(
  rate: number,
  seed: number,
  kinds: readonly Kind[]
): () => Kind | undefined {
  let state = seed >>> 0
  let inARow = 0
  let kind = 0
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return () => {
    if (inARow >= 2 || random() >= rate) {
      inARow = 0
      return undefined
    }
    inARow++
    return kinds[kind++ % kinds.length]
  }
}

function readForm(req: IncomingMessage, then: (form: URLSearchParams) => void): void {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => then(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))))
}

function answer(res: ServerResponse, { status, body }: { status: number; body: unknown }): void {
  json(res, status, body)
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8')
}

function error(res: ServerResponse, status: number, code: string, message: string): void {
  json(res, status, { error: { code, message } })
}

function notFound(res: ServerResponse, message: string): void {
  error(res, 404, 'NotFound', message)
}

function forbidden(res: ServerResponse, publisher: string): void {
  error(res, 403, 'Forbidden', `The caller is not authorized to act for publisher '${publisher}'.`)
}

function send(res: ServerResponse, status: number, body: string, contentType?: string): void {
  if (contentType) res.setHeader('content-type', contentType)
  res.writeHead(status)
  res.end(body)
}
