// The Product Ingestion watcher against nock: which requests each poll makes (the request budget)
// and how every HTTP answer is classified and worded. The real ApiClient sends them.

import { describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { staticToken, type TokenSource } from '../../../src/net/token-source.js'
import type { Watcher } from '../../../src/backends/backend.js'
import { productIngestionBackend } from '../../../src/backends/product-ingestion/index.js'
import type { FetchResult } from '../../../src/model/outcome.js'
import type { Snapshot } from '../../../src/model/snapshot.js'
import { ApiClient } from '../../../src/net/api-client.js'
import { within } from '../../fixtures/budget.js'
import {
  certificationTree,
  JOB_ID,
  PRODUCT,
  PRODUCT_GUID,
  rawDraft,
  rawJob,
  rawList,
  rawProducts,
  rawSubmission,
  SUBMISSION_1,
  SUBMISSION_2
} from '../../fixtures/product-ingestion.js'
import { fatal, transient } from '../../fixtures/results.js'

const GRAPH = 'https://graph.microsoft.com'
const PREFIX = '/rp/product-ingestion'
const VERSION = { $version: '2022-07-01' }
const TOKEN = 'eyJ0eXAi.GRAPH-TOKEN-NEVER-SHOWN-91ab.sig'

interface Setup {
  watcher: Watcher
  client: ApiClient
  info: string[]
}

function setup(
  inputs: Record<string, string> = {},
  tokens: TokenSource = staticToken(TOKEN, productIngestionBackend.resource)
): Setup {
  const all: Record<string, string> = {
    'offer-id': 'contoso-saas',
    'operation-id': JOB_ID,
    ...inputs
  }
  const watch = productIngestionBackend.readWatch(
    (name) => all[name] ?? '',
    (name, _value, expected) => {
      throw new Error(`${name} was refused: ${expected}`)
    },
    {
      origin: GRAPH,
      baseUrl: `${GRAPH}${PREFIX}`,
      loopback: false,
      apiVersion: all['api-version'] ?? '2022-07-01',
      pollIntervalMs: 60_000,
      ...(all['wait-for'] === undefined
        ? {}
        : { waitFor: { kind: 'ready' as const, rule: all['wait-for'] } })
    }
  )
  const client = new ApiClient({ tokens, wording: productIngestionBackend.wording })
  const info: string[] = []
  return { watcher: watch.watcher({ client, info: (line) => info.push(line) }), client, info }
}

const graph = () => nock(GRAPH)
const lookup = () =>
  graph()
    .get(`${PREFIX}/product`)
    .query({ externalId: 'contoso-saas', ...VERSION })
const status = () => graph().get(`${PREFIX}/configure/${JOB_ID}/status`).query(VERSION)
const submissions = () => graph().get(`${PREFIX}/submission/${PRODUCT_GUID}`).query(VERSION)
/** GET configure/{jobId}: the resources the job created or updated. */
const rawDetail = (...resources: unknown[]) => ({
  $schema: 'https://schema.mp.microsoft.com/schema/configure-detail/2022-03-01-preview2',
  resources
})
const named = (id: string, targetType: string) => ({
  $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
  id,
  product: PRODUCT,
  target: { targetType },
  lifecycleState: 'generallyAvailable'
})

const list = (previewStatus: string, previewResult: string) =>
  rawList(
    rawDraft,
    rawSubmission('preview', SUBMISSION_2, previewStatus, previewResult),
    rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded', '2025-01-01T00:00:00Z')
  )

async function poll(watcher: Watcher): Promise<FetchResult<Snapshot>> {
  const result = await watcher.poll(within())
  expect(JSON.stringify(result)).not.toContain(TOKEN)
  return result
}

function ok(result: FetchResult<Snapshot>): Snapshot {
  if (result.kind !== 'ok') throw new Error(`expected a snapshot, got ${JSON.stringify(result)}`)
  return result.value
}

describe('the request budget', () => {
  it('reads the product once, the submissions when the job is first seen and when it is over, the job on every poll', async () => {
    const { watcher, client, info } = setup()
    const first = lookup()
      .reply(200, rawProducts('contoso-saas'))
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(VERSION)
      .reply(200, rawJob('notStarted', 'pending'))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      // An earlier release: one submission is both preview and live.
      .reply(
        200,
        rawList(
          rawDraft,
          rawSubmission('preview', SUBMISSION_1, 'completed', 'succeeded'),
          rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded')
        )
      )
    const shown = ok(await poll(watcher))
    first.done()
    expect(client.requests).toBe(3)
    expect(shown.status).toBe('notStarted')
    expect(info).toEqual([
      `Offer contoso-saas is ${PRODUCT}.`,
      `The submissions of ${PRODUCT} when the job was first seen: preview ${SUBMISSION_1} (completed/succeeded); live ${SUBMISSION_1} (completed/succeeded).`
    ])

    // While the job runs: one request a poll.
    for (let i = 0; i < 3; i++) {
      const running = status().reply(200, rawJob('running', 'pending'))
      expect(ok(await poll(watcher)).status).toBe('running')
      running.done()
    }
    expect(client.requests).toBe(6)

    // Over: the job, its detail once, and the submissions.
    const over = status()
      .reply(200, rawJob('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(200, rawDetail(named(SUBMISSION_2, 'preview')))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(
        200,
        rawList(
          rawSubmission('preview', SUBMISSION_2, 'completed', 'succeeded'),
          rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded')
        )
      )
    const done = ok(await poll(watcher))
    over.done()
    expect(client.requests).toBe(9)
    expect(info).toContain(
      `Configure job ${JOB_ID} published submission ${SUBMISSION_2} to preview (the job's detail): following it until it is completed.`
    )
    // The live submission is not the one the job names: not this job's.
    expect(done.steps.map((step) => [step.id, step.status, step.reference])).toEqual([
      ['job', 'succeeded', undefined],
      ['preview', 'succeeded', SUBMISSION_2],
      ['live', 'notStarted', undefined]
    ])

    // Still polled (wait-for live): neither the job nor its detail is asked again.
    const after = submissions().reply(200, list('completed', 'succeeded'))
    ok(await poll(watcher))
    after.done()
    expect(client.requests).toBe(10)
  })

  it('makes no look-up for a durable product id', async () => {
    const { watcher, client } = setup({ 'offer-id': PRODUCT })
    const scope = status()
      .reply(200, rawJob('running', 'pending'))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('running', 'pending'))
    ok(await poll(watcher))
    scope.done()
    expect(client.requests).toBe(2)
  })

  it.each(['', 'latest', 'LATEST'])(
    'with operation-id %j reads only the submissions, one request a poll after the look-up',
    async (operation) => {
      const { watcher, client } = setup({ 'operation-id': operation })
      expect(watcher.operationId).toBe('')
      const scope = lookup()
        .reply(200, rawProducts('contoso-saas'))
        .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
        .query(VERSION)
        .times(3)
        .reply(200, list('running', 'pending'))
      for (let i = 0; i < 3; i++) {
        const shown = ok(await poll(watcher))
        expect(shown.steps.map((step) => step.id)).toEqual(['preview', 'live'])
        expect(shown.status).toBe('running')
      }
      scope.done()
      expect(client.requests).toBe(4)
    }
  )

  it('reads the submissions again on the next poll when they failed on first sight', async () => {
    const { watcher, client } = setup({ 'offer-id': PRODUCT })
    const scope = status()
      .times(2)
      .reply(200, rawJob('running', 'pending'))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(503, '')
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('running', 'pending'))
    expect(transient(await poll(watcher)).reason).toBe('HTTP 503')
    ok(await poll(watcher))
    scope.done()
    expect(client.requests).toBe(4)
  })

  it('reads the job and, once, the submissions when it failed: the job decides, and the submission its errors name is shown as its', async () => {
    const { watcher, client } = setup({ 'offer-id': PRODUCT })
    const scope = status()
      .reply(200, rawJob('completed', 'failed', { errors: certificationTree() }))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('completed', 'failed'))
    const shown = ok(await poll(watcher))
    scope.done()
    expect(client.requests).toBe(2)
    expect(shown.steps[0].cause?.subject).toBe('Certification')
    expect(shown.steps[1]).toMatchObject({
      id: 'preview',
      status: 'failed',
      reference: SUBMISSION_2
    })
    // Polled again (it is not, the verdict is in): nothing more is read.
    ok(await poll(watcher))
    expect(client.requests).toBe(2)
  })

  it('follows the submission the detail names, even one listed finished while the job still ran', async () => {
    // The job's new preview is listed completed/succeeded while the job still reports running.
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status()
      .reply(200, rawJob('running', 'pending'))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(VERSION)
      .reply(200, rawJob('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(200, rawDetail(named(SUBMISSION_2, 'preview')))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('completed', 'succeeded'))
    ok(await poll(watcher))
    const done = ok(await poll(watcher))
    scope.done()
    expect(done.steps.map((step) => [step.id, step.status, step.reference])).toEqual([
      ['job', 'succeeded', undefined],
      ['preview', 'succeeded', SUBMISSION_2],
      ['live', 'notStarted', undefined]
    ])
    expect(done.status).toBe('succeeded')
    expect(done.facts).toContainEqual({
      name: 'submission-id',
      label: 'Submission',
      value: SUBMISSION_2
    })
  })

  it('keeps following the job’s submission while it certifies after the job ended, and fails when it fails', async () => {
    const { watcher, client } = setup({ 'offer-id': PRODUCT })
    const scope = status()
      .reply(200, rawJob('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(200, rawDetail(named(SUBMISSION_2, 'preview')))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('running', 'pending'))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('completed', 'failed'))
    const certifying = ok(await poll(watcher))
    expect([certifying.status, certifying.rawStatus]).toEqual(['running', 'running/pending'])
    const failed = ok(await poll(watcher))
    scope.done()
    expect(client.requests).toBe(4)
    expect(failed.status).toBe('failed')
    expect(failed.steps[1]).toMatchObject({
      id: 'preview',
      status: 'failed',
      reference: SUBMISSION_2
    })
  })

  it('asks for the detail again on the next poll when it failed in transit, not the job', async () => {
    const { watcher, client } = setup({ 'offer-id': PRODUCT })
    const scope = status()
      .reply(200, rawJob('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(503, '')
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(200, rawDetail(named(SUBMISSION_2, 'preview')))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('completed', 'succeeded'))
    expect(transient(await poll(watcher)).reason).toBe('HTTP 503')
    expect(ok(await poll(watcher)).status).toBe('succeeded')
    scope.done()
    expect(client.requests).toBe(4)
  })

  it('retries a detail that is JSON but not a detail, as an answer of the wrong shape', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status()
      .reply(200, rawJob('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(200, { hello: 'world' })
    expect(transient(await poll(watcher))).toMatchObject({ shape: true })
    scope.done()
  })

  it('passes on the job alone when its detail names no submission (a draft-only configure)', async () => {
    const { watcher, info } = setup({ 'offer-id': PRODUCT })
    const scope = status()
      .reply(200, rawJob('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(200, rawDetail({ id: `plan/${PRODUCT_GUID}/1234`, alias: 'Gold' }))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('completed', 'failed'))
    const shown = ok(await poll(watcher))
    scope.done()
    expect(shown.status).toBe('succeeded')
    expect(shown.steps.map((step) => step.status)).toEqual([
      'succeeded',
      'notStarted',
      'notStarted'
    ])
    expect(info).toContain(
      `Configure job ${JOB_ID} names no submission in its detail: it changed the draft only, and its result decides.`
    )
  })

  it.each(['preview', 'live'])(
    'with wait-for %s, waits for a new entry when the detail names no submission',
    async (waitFor) => {
      const { watcher } = setup({ 'offer-id': PRODUCT, 'wait-for': waitFor })
      const before = rawList(rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded'))
      const scope = status()
        .reply(200, rawJob('running', 'pending'))
        .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
        .query(VERSION)
        .reply(200, before)
        .get(`${PREFIX}/configure/${JOB_ID}/status`)
        .query(VERSION)
        .reply(200, rawJob('completed', 'succeeded'))
        .get(`${PREFIX}/configure/${JOB_ID}`)
        .query(VERSION)
        .reply(200, rawDetail())
        .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
        .query(VERSION)
        .reply(200, before)
        .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
        .query(VERSION)
        .reply(200, list('running', 'pending'))
      ok(await poll(watcher))
      const unnamed = ok(await poll(watcher))
      expect(unnamed.status).toBe('running')
      expect(unnamed.facts?.map((fact) => fact.name)).not.toContain('submission-id')
      const found = ok(await poll(watcher))
      scope.done()
      expect(found.steps[1]).toMatchObject({ status: 'running', reference: SUBMISSION_2 })
    }
  )

  it('falls back on the list when the detail is not there (404), never taking an entry listed before', async () => {
    const { watcher, info } = setup({ 'offer-id': PRODUCT })
    // First seen running, with last month's release listed on both targets.
    const earlier = rawList(
      rawSubmission('preview', SUBMISSION_1, 'completed', 'succeeded'),
      rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded')
    )
    const scope = status()
      .reply(200, rawJob('running', 'pending'))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, earlier)
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(VERSION)
      .reply(200, rawJob('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(404, { error: { code: 'notFound', message: 'No such request' } })
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, earlier)
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('completed', 'succeeded'))
    ok(await poll(watcher))
    const lagging = ok(await poll(watcher))
    expect(lagging.status).toBe('running')
    expect(lagging.steps.map((step) => step.reference)).toEqual([undefined, undefined, undefined])
    const listed = ok(await poll(watcher))
    scope.done()
    expect(listed.status).toBe('succeeded')
    expect(listed.steps[1]).toMatchObject({ status: 'succeeded', reference: SUBMISSION_2 })
    expect(info).toContain(
      `Submission ${SUBMISSION_2} to preview is listed now and was not before configure job ${JOB_ID}: following it as the job's until it is completed.`
    )
  })

  it('stops when a job first seen over names no submission and wait-for asks for a publish: no earlier entry is taken for its', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT, 'wait-for': 'preview' })
    const scope = status()
      .reply(200, rawJob('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(200, rawDetail())
    const stopped = fatal(await poll(watcher))
    scope.done()
    expect(stopped.message).toContain('cannot tell that submission from an earlier one')
  })

  it('follows a go-live on its live entry when the detail names the submission on both targets', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status()
      .reply(200, rawJob('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(200, rawDetail(named(SUBMISSION_2, 'preview'), named(SUBMISSION_2, 'live')))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(
        200,
        rawList(
          rawSubmission('preview', SUBMISSION_2, 'completed', 'succeeded'),
          rawSubmission('live', SUBMISSION_2, 'running', 'pending')
        )
      )
    const shown = ok(await poll(watcher))
    scope.done()
    // The go-live certifies: not passed on its preview's entry.
    expect(shown.status).toBe('running')
    expect(shown.steps[2]).toMatchObject({ id: 'live', status: 'running', reference: SUBMISSION_2 })
  })

  it('never takes, when searching, an entry created before the job started (a list that lagged)', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT, 'wait-for': 'preview' })
    const old = rawSubmission(
      'preview',
      SUBMISSION_1,
      'completed',
      'succeeded',
      '2025-02-01T00:00:00Z'
    )
    const scope = status()
      .reply(200, rawJob('running', 'pending'))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      // The first list lags: last month's preview is missing from it.
      .reply(200, rawList())
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(VERSION)
      .reply(200, rawJob('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(404, { error: { code: 'notFound', message: 'no' } })
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, rawList(old))
    ok(await poll(watcher))
    const shown = ok(await poll(watcher))
    scope.done()
    expect(shown.status).toBe('running')
    expect(shown.facts?.map((fact) => fact.name)).not.toContain('submission-id')
  })

  it('stops, saying why and what to do, when the detail is not there for a job first seen over', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status()
      .reply(200, rawJob('completed', 'succeeded'))
      .get(`${PREFIX}/configure/${JOB_ID}`)
      .query(VERSION)
      .reply(404, { error: { code: 'notFound', message: 'No such request' } })
    const stopped = fatal(await poll(watcher))
    scope.done()
    expect(stopped.message).toContain('cannot tell that submission from an earlier one')
    expect(stopped.message).toContain(
      'leave operation-id empty and set wait-for to preview or live'
    )
  })
})

describe('the offer', () => {
  it('stops when no product has the offer id, naming it and pointing CPP offers to api: cpp', async () => {
    const { watcher, client } = setup()
    const scope = lookup().reply(200, { value: [] })
    expect(fatal(await poll(watcher)).message).toBe(
      'offer-id "contoso-saas": the Product Ingestion API knows no product with this offer id (GET /product?externalId answered an empty list). Check the offer id as Partner Center shows it, and that the Azure AD application is added to that offer\'s Partner Center account. Offers published through the Cloud Partner Portal are not Partner Center products: gate them with api: cpp. Azure Application offers (solution templates, managed applications) are published through another API, Partner Center\'s submission API, not supported yet.'
    )
    scope.done()
    expect(client.requests).toBe(1)
  })

  it('takes the product whose external id matches when several come back', async () => {
    const other = 'product/00000000-0000-4000-8000-000000000000'
    const { watcher } = setup({ 'operation-id': '' })
    const scope = lookup()
      .reply(200, {
        value: [
          { id: other, identity: { externalId: 'contoso-saas-2' } },
          { id: PRODUCT, identity: { externalId: 'Contoso-SaaS' } }
        ]
      })
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('running', 'pending'))
    expect(ok(await poll(watcher)).facts?.[0]).toEqual({
      name: 'product-id',
      label: 'Product',
      value: PRODUCT
    })
    scope.done()
  })

  it.each([
    ['other offer ids only', [{ id: PRODUCT, identity: { externalId: 'contoso-other' } }]],
    [
      'several products naming no offer id',
      [{ id: PRODUCT }, { id: 'product/00000000-0000-4000-8000-000000000000' }]
    ]
  ])('stops when the look-up answers %s: never another offer', async (_name, value) => {
    const { watcher, client } = setup({ 'operation-id': '' })
    const scope = lookup().reply(200, { value })
    const stopped = fatal(await poll(watcher))
    scope.done()
    expect(stopped.message).toContain('none of which has this offer id')
    expect(stopped.message).toContain('product/<guid>')
    expect(client.requests).toBe(1)
  })

  it('takes the one product of a look-up that names no offer id', async () => {
    const { watcher } = setup({ 'operation-id': '' })
    const scope = lookup()
      .reply(200, { value: [{ id: PRODUCT }] })
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('running', 'pending'))
    expect(ok(await poll(watcher)).facts?.[0]?.value).toBe(PRODUCT)
    scope.done()
  })

  it('watches a job whose errors name another product, and says so once', async () => {
    const other = '11111111-2222-4333-8444-555555555555'
    const { watcher, info } = setup({ 'offer-id': PRODUCT })
    const errors = [{ code: 'conflict', message: 'Locked', resourceId: `submission/${other}/4` }]
    const scope = status()
      .reply(200, rawJob('running', 'pending', { errors }))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('running', 'pending'))
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(VERSION)
      .reply(200, rawJob('running', 'pending', { errors }))
    ok(await poll(watcher))
    ok(await poll(watcher))
    scope.done()
    expect(info.filter((line) => line.includes(other))).toEqual([
      `Configure job ${JOB_ID} names product/${other} in its errors, not ${PRODUCT} (offer-id): it is watched all the same.`
    ])
  })
})

describe('each HTTP answer', () => {
  it.each([500, 502, 503, 504])('retries a %i on the status call', async (code) => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status().reply(code, { error: { code: 'internalServerError', message: 'Busy' } })
    expect(transient(await poll(watcher)).reason).toBe(`HTTP ${code}: internalServerError: Busy`)
    scope.done()
  })

  it('retries a network error on the status call', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status().replyWithError(
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })
    )
    expect(transient(await poll(watcher)).reason).toBe('network error ECONNRESET: read ECONNRESET')
    scope.done()
  })

  it('retries a 429 after its Retry-After', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status().reply(429, '', { 'Retry-After': '90' })
    expect(transient(await poll(watcher))).toMatchObject({ retryAfterMs: 90_000 })
    scope.done()
  })

  it('retries a status answer that is JSON but not a job', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status().reply(200, { hello: 'world' })
    expect(transient(await poll(watcher)).reason).toBe(
      'the API answered with an object without jobStatus or jobResult, not a job status'
    )
    scope.done()
  })

  it.each([
    ['a deprecated schema', '"2022-03-01-preview3 is a deprecated schema"'],
    [
      'a schema that could not be accessed',
      'Schema https://product-ingestion.azureedge.net/schema/configure/2022-03-01-preview2 could not be accessed'
    ]
  ])('stops on a 400 for %s, naming api-version', async (_name, said) => {
    const { watcher } = setup({ 'offer-id': PRODUCT, 'api-version': '2022-03-01-preview3' })
    const scope = graph()
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query({ $version: '2022-03-01-preview3' })
      .reply(400, { error: { code: 'badRequest', message: said } })
    expect(fatal(await poll(watcher)).message).toBe(
      `The Product Ingestion API refused the schema version the gate asked for (HTTP 400, $version=2022-03-01-preview3). The API said: badRequest: ${said}. Set api-version to a version the API serves: 2022-07-01, the one current clients use, is the default (leave api-version empty for it).`
    )
    scope.done()
  })

  it('says so when the default version itself is refused', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status().reply(400, {
      error: { code: 'badRequest', message: '"2022-07-01 is a deprecated schema"' }
    })
    expect(fatal(await poll(watcher)).message).toBe(
      'The Product Ingestion API refused the schema version the gate asked for (HTTP 400, $version=2022-07-01). The API said: badRequest: "2022-07-01 is a deprecated schema". The gate\'s default 2022-07-01 is refused too: set api-version to a newer version the API serves.'
    )
    scope.done()
  })

  it('stops on another 400 with the API’s words', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status().reply(400, { error: { code: 'badRequest', message: 'Invalid job id' } })
    expect(fatal(await poll(watcher)).message).toBe(
      'The Product Ingestion API rejected the request (HTTP 400). The API said: badRequest: Invalid job id. Check offer-id, operation-id and api-version.'
    )
    scope.done()
  })

  it('stops on a 401 to the token input, saying it must be issued for Microsoft Graph', async () => {
    const { watcher, client } = setup({ 'offer-id': PRODUCT })
    const scope = status().reply(401, {
      error: {
        code: 'InvalidAuthenticationToken',
        message: 'Access token validation failure. Invalid audience.'
      }
    })
    expect(fatal(await poll(watcher)).message).toBe(
      "The Product Ingestion API refused the token (HTTP 401): it is missing or expired, or not issued for https://graph.microsoft.com (Microsoft Graph). A token for https://cloudpartner.azure.com, the CPP API's, is the likely mistake. The API said: InvalidAuthenticationToken: Access token validation failure. Invalid audience. The token input is used as given: get a new one for https://graph.microsoft.com (az account get-access-token --resource https://graph.microsoft.com). Azure AD tokens expire after 60 to 90 minutes; for longer waits sign in with client-id and tenant-id (GitHub OIDC, needs permissions: id-token: write) or with a client secret, and the gate renews its own tokens."
    )
    scope.done()
    // The token input cannot be renewed: one request.
    expect(client.requests).toBe(1)
  })

  it('renews a signed-in token once on a 401, then stops', async () => {
    const issued: string[] = []
    const tokens: TokenSource = {
      description: 'a test sign-in',
      unauthorizedHint: productIngestionBackend.freshTokenRefused,
      invalidate: () => true,
      token: () => {
        issued.push(`${TOKEN}-${issued.length + 1}`)
        return Promise.resolve(issued[issued.length - 1])
      }
    }
    const { watcher, client } = setup({ 'offer-id': PRODUCT }, tokens)
    const scope = nock(GRAPH, { reqheaders: { authorization: `Bearer ${TOKEN}-1` } })
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(VERSION)
      .reply(401, '')
    const renewed = nock(GRAPH, { reqheaders: { authorization: `Bearer ${TOKEN}-2` } })
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(VERSION)
      .reply(401, '')
    const { message } = fatal(await poll(watcher))
    scope.done()
    renewed.done()
    expect(client.requests).toBe(2)
    expect(message).toMatch(/^The Product Ingestion API refused the token \(HTTP 401\)/)
    expect(message).toContain(
      'A freshly issued token for https://graph.microsoft.com was refused too'
    )
    for (const token of issued) expect(message).not.toContain(token)
  })

  it('passes when a renewed token is accepted after a 401', async () => {
    let count = 0
    const tokens: TokenSource = {
      description: 'a test sign-in',
      unauthorizedHint: '',
      invalidate: () => true,
      token: () => Promise.resolve(`${TOKEN}-${++count}`)
    }
    const { watcher, client } = setup({ 'offer-id': PRODUCT }, tokens)
    const scope = status()
      .reply(401, '')
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(VERSION)
      .reply(200, rawJob('running', 'pending'))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(200, list('running', 'pending'))
    expect(ok(await poll(watcher)).status).toBe('running')
    scope.done()
    expect(client.requests).toBe(3)
  })

  it('stops on a 403 saying the application must be added to the Partner Center account as Manager', async () => {
    const { watcher } = setup()
    const scope = lookup().reply(403, { error: { code: 'forbidden', message: 'Access denied' } })
    expect(fatal(await poll(watcher)).message).toBe(
      'The Product Ingestion API denied access (HTTP 403). The API said: forbidden: Access denied. The Azure AD application must be added to the Partner Center account (Account settings → User management → Azure AD applications, the Users page) with the Manager role.'
    )
    scope.done()
  })

  it('stops on a 404 for the job, naming operation-id and the tenant its id belongs to', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status().reply(
      404,
      { error: { code: 'notFound', message: 'Job not found' } },
      {
        'x-ms-correlation-request-id': 'c0ffee'
      }
    )
    expect(fatal(await poll(watcher)).message).toBe(
      `The Product Ingestion API has no configure job ${JOB_ID} (HTTP 404). The API said: notFound: Job not found. Check operation-id: job ids belong to one tenant, so a job started with another Partner Center account's application is not found with this one's token. (x-ms-correlation-request-id: c0ffee)`
    )
    scope.done()
  })

  it('stops on a 404 elsewhere, naming offer-id and base-url', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT, 'operation-id': '' })
    const scope = submissions().reply(404, '')
    expect(fatal(await poll(watcher)).message).toBe(
      'The Product Ingestion API found nothing at this address (HTTP 404). Check offer-id and base-url.'
    )
    scope.done()
  })

  it('does not follow a redirect', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status().reply(302, '', { Location: 'https://evil.example/' })
    expect(fatal(await poll(watcher)).message).toBe(
      'The Product Ingestion API answered with a redirect (HTTP 302 to https://evil.example/), which the gate does not follow so that the token stays on base-url. Check base-url.'
    )
    scope.done()
  })

  it('stops on any other 4xx with its status', async () => {
    const { watcher } = setup({ 'offer-id': PRODUCT })
    const scope = status().reply(409, { error: { code: 'conflict', message: 'Busy' } })
    expect(fatal(await poll(watcher)).message).toBe(
      'The Product Ingestion API answered HTTP 409. The API said: conflict: Busy.'
    )
    scope.done()
  })
})

describe('a publish attached to (start, if-running: attach)', () => {
  it('is followed by id: an older failed go-live listed beside it neither fails nor passes the gate', async () => {
    const watch = productIngestionBackend.readWatch(
      (name) => ({ 'offer-id': PRODUCT })[name] ?? '',
      (name, _value, expected) => {
        throw new Error(`${name} was refused: ${expected}`)
      },
      {
        origin: GRAPH,
        baseUrl: `${GRAPH}${PREFIX}`,
        loopback: false,
        apiVersion: '2022-07-01',
        pollIntervalMs: 60_000,
        start: 'preview',
        ifRunning: 'attach'
      }
    )
    const client = new ApiClient({
      tokens: staticToken(TOKEN, productIngestionBackend.resource),
      wording: productIngestionBackend.wording
    })
    const watcher = watch.watcher({ client, info: () => undefined })
    const failedGoLive = rawSubmission(
      'live',
      SUBMISSION_1,
      'completed',
      'failed',
      '2025-03-02T00:00:00Z'
    )
    const scope = submissions()
      .reply(
        200,
        rawList(failedGoLive, rawSubmission('preview', SUBMISSION_2, 'running', 'pending'))
      )
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(
        200,
        rawList(failedGoLive, rawSubmission('preview', SUBMISSION_2, 'running', 'pending'))
      )
      // It drops out of a lagging list: still running, never an older entry in its place.
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(VERSION)
      .reply(
        200,
        rawList(failedGoLive, rawSubmission('preview', SUBMISSION_1, 'completed', 'succeeded'))
      )
    const first = ok(await watcher.poll(within()))
    expect(first.status).toBe('running')
    expect(first.steps.map((step) => step.status)).toEqual(['running', 'notStarted'])
    const lagging = ok(await watcher.poll(within()))
    scope.done()
    expect([lagging.status, lagging.rawStatus]).toEqual([
      'running',
      `${SUBMISSION_2} not listed yet`
    ])
    expect(watcher.start).toMatchObject({ started: false, waitedFor: SUBMISSION_2 })
  })
})
