// The Product Ingestion verdict end to end, one story a test: the shipped dist/index.js against
// the simulator, whether the configure job spans certification or ends before its submission is
// certified. A green gate here means the submission the job published is completed/succeeded.

import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_GRAPH_TOKEN, PI_PREFIX, publishOn } from '../simulator/product-ingestion.ts'
import { CERTIFICATION_FAILURE } from '../simulator/product-ingestion-scenarios.ts'
import { DEFAULT_TOKEN, startSimulator, type Simulator } from '../simulator/server.ts'
import { expectTokenHidden, runBundle, type BundleRun } from './fixtures/bundle.js'

// Each run waits on a simulated publish of a few seconds; they run side by side.
jest.setTimeout(60_000)

/** At this speed certification (3 hours) takes 5.4 s; a job that ends first ends in 0.1 s. */
const SPEED = 2_000

const closers: Array<() => Promise<void>> = []
afterAll(async () => {
  await Promise.all(closers.map((close) => close()))
})

async function simulator(speed = SPEED): Promise<Simulator> {
  const api = await startSimulator({ speed })
  closers.push(() => api.close())
  return api
}

async function gate(
  api: Simulator,
  offer: string,
  inputs: Record<string, string>
): Promise<BundleRun> {
  const run = await runBundle({
    api: 'product-ingestion',
    'offer-id': offer,
    'base-url': `${api.url}${PI_PREFIX}`,
    'poll-interval': '1s',
    timeout: '30s',
    token: DEFAULT_GRAPH_TOKEN,
    ...inputs
  })
  expect(run.summary).toContain(`Publish gate: ${offer}: ${run.outputs.result}`)
  for (const token of [DEFAULT_GRAPH_TOKEN, DEFAULT_TOKEN]) expectTokenHidden(run, token)
  return run
}

const submissionOf = (productId: string): RegExp =>
  new RegExp(`^${productId.replace('product/', 'submission/')}/\\d{19}$`)

describe('the job ends before its submission is certified', () => {
  it.concurrent(
    'job-ends-first: waits past the job for the preview, then passes on it',
    async () => {
      const api = await simulator()
      const { productId, jobId } = await publishOn(api.url, 'job-ends-first', 'preview')
      const run = await gate(api, 'job-ends-first', { 'operation-id': jobId })
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({
        result: 'succeeded',
        'step-job-status': 'succeeded',
        'step-preview-status': 'succeeded'
      })
      expect(run.outputs['submission-id']).toMatch(submissionOf(productId))
      expect(run.outputs.message).toBe(
        `The preview is ready for go-live: submission ${run.outputs['submission-id']} is completed (succeeded).`
      )
      expect(run.stdout).toContain(
        `Configure job ${jobId} published submission ${run.outputs['submission-id']} to preview (the job's detail)`
      )
    }
  )

  it.concurrent(
    'job-ends-first: a check after the job ended, while certification goes on, is pending',
    async () => {
      const api = await simulator(200)
      const { jobId } = await publishOn(api.url, 'job-ends-first', 'preview')
      // The job ends 180 simulated seconds in (0.9 s here); certification takes 54 s more.
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      const run = await gate(api, 'job-ends-first', { 'operation-id': jobId, mode: 'check' })
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({
        result: 'pending',
        'step-job-status': 'succeeded',
        'step-preview-status': 'running'
      })
    }
  )

  it.concurrent(
    'submission-failed: fails on the failed preview although its job succeeded',
    async () => {
      const api = await simulator()
      const { productId, jobId } = await publishOn(api.url, 'submission-failed', 'preview')
      for (const waitFor of ['auto', 'preview']) {
        const run = await gate(api, 'submission-failed', {
          'operation-id': jobId,
          'wait-for': waitFor
        })
        expect(run.code).toBe(1)
        expect(run.outputs).toMatchObject({
          result: 'failed',
          'failed-step': 'preview',
          'step-job-status': 'succeeded',
          'step-preview-status': 'failed'
        })
        const id = run.outputs['submission-id']
        expect(id).toMatch(submissionOf(productId))
        expect(run.outputs.message).toContain(
          `Submission ${id} to preview ended completed/failed, although its configure job ${jobId} succeeded.`
        )
        expect(run.outputs.message).toContain("e-mailed to the account's seller contact")
        expect(run.outputs.message).toContain(
          `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productId.replace('product/', '')}/overview`
        )
        expect(run.stdout).not.toContain('The offer is live')
      }
    }
  )

  it.concurrent(
    'detail-missing: a job first seen over, whose detail is not there, is an error that says what to do',
    async () => {
      const api = await simulator()
      const { jobId } = await publishOn(api.url, 'detail-missing', 'preview')
      await new Promise((resolve) => setTimeout(resolve, 500))
      const run = await gate(api, 'detail-missing', { 'operation-id': jobId })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.message).toContain('cannot tell that submission from an earlier one')
      expect(run.outputs['submission-id']).toBe('')
    }
  )

  it.concurrent(
    'detail-missing with start: waits on the new preview, never on the job alone',
    async () => {
      const api = await simulator()
      const run = await gate(api, 'detail-missing', { start: 'preview' })
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({
        result: 'succeeded',
        started: 'true',
        'step-preview-status': 'succeeded'
      })
      expect(run.stdout).toMatch(
        /The API has no detail for configure job [0-9a-f-]{36} \(HTTP 404\)/
      )
      expect(run.stdout).toMatch(/is listed now and was not before configure job/)
    }
  )

  it.concurrent('start: preview on job-ends-first gates on the preview it started', async () => {
    const api = await simulator()
    const run = await gate(api, 'job-ends-first', { start: 'preview' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      result: 'succeeded',
      started: 'true',
      'step-preview-status': 'succeeded'
    })
    expect(run.outputs.message).toMatch(/^The preview is ready for go-live/)
  })
})

describe('the job spans certification', () => {
  it.concurrent(
    'job-lags: names the job’s own preview, listed succeeded while the job still ran',
    async () => {
      const api = await simulator()
      const { productId, jobId } = await publishOn(api.url, 'job-lags', 'preview')
      const run = await gate(api, 'job-lags', { 'operation-id': jobId, 'wait-for': 'preview' })
      expect(run.code).toBe(0)
      expect(run.outputs.result).toBe('succeeded')
      expect(run.outputs['submission-id']).toMatch(submissionOf(productId))
      expect(run.outputs.message).toBe(
        `The preview is ready for go-live: submission ${run.outputs['submission-id']} is completed (succeeded).`
      )
    }
  )

  it.concurrent.each(['certification-failed', 'certification-failed-pascal'])(
    '%s: fails with the certification failure from the job’s error tree',
    async (scenario) => {
      const api = await simulator()
      const { jobId } = await publishOn(api.url, scenario, 'preview')
      const run = await gate(api, scenario, { 'operation-id': jobId })
      expect(run.code).toBe(1)
      expect(run.outputs).toMatchObject({
        result: 'failed',
        'failed-step': 'job',
        message: `Certification failed: ${CERTIFICATION_FAILURE}`
      })
    }
  )

  it.concurrent('live-failed: a go-live that fails fails the gate', async () => {
    const api = await simulator()
    const { jobId, status } = await publishOn(api.url, 'live-failed', 'live')
    expect(status).toBe(202)
    for (const waitFor of ['auto', 'live']) {
      const run = await gate(api, 'live-failed', { 'operation-id': jobId, 'wait-for': waitFor })
      expect(run.code).toBe(1)
      expect(run.outputs).toMatchObject({ result: 'failed', 'failed-step': 'job' })
      expect(run.outputs['step-live-status']).toBe('failed')
    }
  })

  it.concurrent('live-failed with start: live fails the gate', async () => {
    const api = await simulator()
    const run = await gate(api, 'live-failed', { start: 'live' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'failed', started: 'true' })
  })
})

describe('an outage of the API mid-wait', () => {
  it.concurrent(
    'outage: twenty simulated minutes of 503s and dropped connections are ridden out with max-consecutive-errors 2',
    async () => {
      // At 500×, the outage runs from 3.6 s to 6 s of real time, certification to 21.8 s.
      const api = await simulator(500)
      const { jobId } = await publishOn(api.url, 'outage', 'preview')
      const run = await gate(api, 'outage', {
        'operation-id': jobId,
        'max-consecutive-errors': '2',
        timeout: '50s'
      })
      expect(run.code).toBe(0)
      expect(run.outputs.result).toBe('succeeded')
      expect(run.stdout).toMatch(/the outage is over after/)
      expect(run.summary).toMatch(/unavailable for/)
    },
    60_000
  )
})
