// `start` on the Product Ingestion API, the backend's part (look-up, POST, "has it ended") against
// nock: what counts as a publish in progress, a go-live's preconditions, each answer to the POST.

import { describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { productIngestionBackend } from '../../../src/backends/product-ingestion/index.js'
import { parseSubmissions } from '../../../src/backends/product-ingestion/parse.js'
import { PiStartSteps } from '../../../src/backends/product-ingestion/start.js'
import type { StartKind } from '../../../src/backends/start-steps.js'
import { ApiClient } from '../../../src/net/api-client.js'
import { staticToken } from '../../../src/net/token-source.js'
import { within } from '../../fixtures/budget.js'
import {
  BASE,
  JOB_ID,
  PRODUCT,
  PRODUCT_GUID,
  rawSubmission,
  SUBMISSION_1,
  SUBMISSION_2
} from '../../fixtures/product-ingestion.js'

const GRAPH = 'https://graph.microsoft.com'
const PREFIX = '/rp/product-ingestion'

function steps(kind: StartKind, listed: unknown[], schemaVersion?: string): PiStartSteps {
  const client = new ApiClient({
    tokens: staticToken('graph-token', productIngestionBackend.resource),
    wording: productIngestionBackend.wording
  })
  return new PiStartSteps({
    kind,
    baseUrl: BASE,
    apiVersion: '2022-07-01',
    ...(schemaVersion === undefined ? {} : { schemaVersion }),
    productId: PRODUCT,
    client,
    list: () => Promise.resolve({ kind: 'ok', value: parseSubmissions(listed) })
  })
}

const LIVE = rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded', '2025-01-01T00:00:00Z')
const configure = () => nock(GRAPH).post(`${PREFIX}/configure`).query({ $version: '2022-07-01' })

describe('the look-up', () => {
  it.each([
    ['running/pending', 'running', 'pending'],
    ['a status the gate does not know', 'Queued', 'pending'],
    ['no status at all', '', '']
  ])('takes a preview with %s as a publish in progress', async (_name, status, result) => {
    const found = await steps('preview', [
      LIVE,
      rawSubmission('preview', SUBMISSION_2, status, result)
    ]).look(within())
    expect(found).toMatchObject({
      kind: 'ok',
      value: { kind: 'running', running: { id: SUBMISSION_2 } }
    })
  })

  it('takes the newer of two previews: an older one completed, a newer one running', async () => {
    const newer = `submission/${PRODUCT_GUID}/1152921515689847499`
    const found = await steps('preview', [
      rawSubmission('preview', SUBMISSION_2, 'completed', 'succeeded', '2025-03-01T00:00:00Z'),
      rawSubmission('preview', newer, 'running', 'pending', '2025-03-05T00:00:00Z')
    ]).look(within())
    expect(found).toMatchObject({ value: { kind: 'running', running: { id: newer } } })
  })

  it('finds nothing running when every preview and live entry is completed', async () => {
    const found = await steps('preview', [
      LIVE,
      rawSubmission('preview', SUBMISSION_2, 'completed', 'failed')
    ]).look(within())
    expect(found).toEqual({ kind: 'ok', value: { kind: 'none' } })
  })

  it.each([
    ['without a preview', [LIVE], 'the product has no preview submission'],
    [
      'with a preview that failed',
      [LIVE, rawSubmission('preview', SUBMISSION_2, 'completed', 'failed')],
      `submission ${SUBMISSION_2} is completed/failed`
    ]
  ])('refuses a go-live %s, posting nothing', async (_name, listed, said) => {
    const found = await steps('live', listed).look(within())
    expect(found.kind).toBe('fatal')
    expect(found.kind === 'fatal' ? found.message : '').toContain(said)
  })

  it('has nothing to do for a go-live when the newest preview is live already', async () => {
    const found = await steps('live', [
      rawSubmission('preview', SUBMISSION_2, 'completed', 'succeeded'),
      rawSubmission('live', SUBMISSION_2, 'completed', 'succeeded')
    ]).look(within())
    expect(found).toMatchObject({ value: { kind: 'nothing' } })
  })
})

describe('the POST', () => {
  const ready = [LIVE, rawSubmission('preview', SUBMISSION_2, 'completed', 'succeeded')]

  it('posts a go-live naming the ready preview, with the schema version asked for', async () => {
    const start = steps('live', ready, '2022-03-01-preview7')
    await start.look(within())
    let sent: unknown
    const scope = nock(GRAPH)
      .post(`${PREFIX}/configure`, (body: unknown) => {
        sent = body
        return true
      })
      .query({ $version: '2022-07-01' })
      .reply(202, { jobId: JOB_ID, jobStatus: 'running' })
    expect(await start.post(within())).toEqual({
      kind: 'accepted',
      id: JOB_ID,
      label: `configure job ${JOB_ID}, taking preview submission ${SUBMISSION_2} live`
    })
    scope.done()
    expect(sent).toEqual({
      $schema: 'https://schema.mp.microsoft.com/schema/configure/2022-03-01-preview7',
      resources: [
        {
          $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview7',
          id: SUBMISSION_2,
          product: PRODUCT,
          target: { targetType: 'live' }
        }
      ]
    })
  })

  it.each([
    ['a 503', 503, 'not-processed'],
    ['a 429', 429, 'not-processed'],
    ['a 500', 500, 'lost'],
    ['a 502', 502, 'lost'],
    ['a 504', 504, 'lost']
  ] as const)('reads %s as %s', async (_name, status, kind) => {
    const scope = configure().reply(status, { error: { code: 'x', message: 'y' } })
    expect(await steps('preview', []).post(within())).toMatchObject({ kind })
    scope.done()
  })

  it('reads a reset after the request was sent as lost', async () => {
    const scope = configure().replyWithError(
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    )
    expect(await steps('preview', []).post(within())).toMatchObject({ kind: 'lost' })
    scope.done()
  })

  it('reads a connection that never opened as not processed', async () => {
    const scope = configure().replyWithError(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    )
    expect(await steps('preview', []).post(within())).toMatchObject({ kind: 'not-processed' })
    scope.done()
  })

  it.each([
    ['An In Progress submission already exists', 'preview', 'conflict'],
    ['The submission cannot be pushed to as its not the latest', 'preview', 'conflict']
  ] as const)('reads "%s" to a %s publish as %s', async (said, kind, expected) => {
    const scope = configure().reply(400, { error: { code: 'badRequest', message: said } })
    expect(await steps(kind, ready).post(within())).toMatchObject({ kind: expected })
    scope.done()
  })

  it('stops a go-live whose preview is not the latest, saying so', async () => {
    const start = steps('live', ready)
    await start.look(within())
    const scope = configure().reply(400, {
      error: {
        code: 'badRequest',
        message: 'The submission cannot be pushed to as its not the latest'
      }
    })
    const posted = await start.post(within())
    scope.done()
    expect(posted).toMatchObject({ kind: 'final', result: { kind: 'fatal' } })
    expect(JSON.stringify(posted)).toContain(`preview submission ${SUBMISSION_2} is not the latest`)
  })

  it('shows a 4xx with an error tree as a failed job’s errors', async () => {
    const scope = configure().reply(400, {
      error: { code: 'badRequest', message: 'Plan gold has no price', resourceId: PRODUCT }
    })
    const posted = await steps('preview', []).post(within())
    scope.done()
    expect(posted).toMatchObject({
      kind: 'final',
      result: { kind: 'ok', value: { status: 'failed' } }
    })
  })

  it.each([401, 403])('reads a %i as a sign-in error, never a refused publish', async (status) => {
    const scope = configure().reply(status, { error: { code: 'unauthorized', message: 'no' } })
    const posted = await steps('preview', []).post(within())
    scope.done()
    expect(posted).toMatchObject({ kind: 'final', result: { kind: 'fatal', status } })
  })

  it.each([
    ['text', 'Accepted'],
    ['JSON without a job id', { jobStatus: 'running' }],
    ['a job id that is not a GUID', { jobId: '::error::x' }]
  ])('takes a 2xx with %s as accepted, naming nothing to watch', async (_name, body) => {
    const scope = configure().reply(202, body)
    expect(await steps('preview', []).post(within())).toEqual({ kind: 'unnamed', status: 202 })
    scope.done()
  })
})

describe('whether the publish waited for has ended', () => {
  it.each([
    ['still running', 'running', 'pending', false],
    ['completed', 'completed', 'failed', true]
  ])('%s', async (_name, status, result, ended) => {
    const start = steps('preview', [rawSubmission('preview', SUBMISSION_2, status, result)])
    expect(await start.ended({ id: SUBMISSION_2, label: 'the publish' }, within())).toEqual({
      kind: 'ok',
      value: ended
    })
  })

  it('has ended when it is no longer listed', async () => {
    expect(
      await steps('preview', [LIVE]).ended({ id: SUBMISSION_2, label: 'x' }, within())
    ).toEqual({ kind: 'ok', value: true })
  })
})
