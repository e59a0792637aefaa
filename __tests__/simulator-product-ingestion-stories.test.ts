// The two stories the Product Ingestion simulator tells about a publish: a configure job that spans
// certification, and one that ends first while its submission runs on; and GET configure/{jobId},
// the detail of a completed job, which names the submission to follow. Simulated seconds, speed 1.

import { afterEach, describe, expect, it } from '@jest/globals'
import { liveRequest } from '../simulator/product-ingestion.ts'
import { CERTIFICATION_FAILURE, GO_LIVE_FAILURE } from '../simulator/product-ingestion-scenarios.ts'
import {
  advance,
  call,
  entries,
  now,
  productOf,
  publish,
  start,
  stop,
  type Entry
} from './fixtures/product-ingestion-simulator.ts'

afterEach(stop)

const SUBMISSION = 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2'
/** A preview waits a minute, then is certified for three hours. */
const CERTIFIED = 60 + 3 * 3600

async function job(jobId: string): Promise<[unknown, unknown]> {
  const { body } = await call(`/configure/${jobId}/status`)
  return [body.jobStatus, body.jobResult]
}

function byTarget(list: Entry[], target: string): Array<[unknown, unknown]> {
  return list.filter((entry) => entry.target === target).map((e) => [e.status, e.result])
}

async function preview(product: string): Promise<Array<[unknown, unknown]>> {
  return byTarget(await entries(product), 'preview')
}

describe('GET configure/{jobId}: the detail of a completed job', () => {
  it('fails until the job is complete, then names the submission the job made', async () => {
    await start()
    const { product, jobId } = await publish('preview-success')
    advance(CERTIFIED - 1)
    expect(await call(`/configure/${jobId}`)).toEqual({
      status: 400,
      body: {
        error: {
          code: 'badRequest',
          message: `The configure request ${jobId} is not completed yet.`,
          details: []
        }
      }
    })
    advance(1)
    const [, submission] = await entries(product)
    expect(await call(`/configure/${jobId}`)).toEqual({
      status: 200,
      body: {
        $schema: 'https://schema.mp.microsoft.com/schema/configure-detail/2022-03-01-preview2',
        resources: [
          {
            $schema: SUBMISSION,
            id: submission.id,
            product,
            target: { targetType: 'preview' },
            lifecycleState: 'generallyAvailable'
          }
        ]
      }
    })
    expect(submission.id).toMatch(/^submission\/[0-9a-f-]{36}\/1152921515689847471$/)
    // The status path is still the status.
    expect(await job(jobId)).toEqual(['completed', 'succeeded'])
  })

  it('names the preview submission, under target live, for a go-live', async () => {
    await start()
    const product = await productOf('live-success')
    const [, ready] = await entries(product)
    const answer = await call('/configure', {
      method: 'POST',
      body: liveRequest(product, ready.id)
    })
    advance(60 + 3600)
    const { body } = await call(`/configure/${String(answer.body.jobId)}`)
    expect(body.resources).toEqual([
      expect.objectContaining({ id: ready.id, product, target: { targetType: 'live' } })
    ])
  })

  it.each(['certification-failed', 'cancelled'])(
    'lists no resource after a job that ended as in %s',
    async (offer) => {
      await start()
      const { jobId } = await publish(offer)
      advance(CERTIFIED)
      expect((await job(jobId))[0]).toBe('completed')
      expect((await call(`/configure/${jobId}`)).body.resources).toEqual([])
    }
  )

  it('answers 404 notFound for an unknown job, and for every job in detail-missing', async () => {
    await start()
    const unknown = await call('/configure/56615b67-2185-49fe-80d2-c4ddf77bb2e8')
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'notFound' } } })
    const { product, jobId } = await publish('detail-missing')
    advance(CERTIFIED)
    expect(await call(`/configure/${jobId}`)).toMatchObject({
      status: 404,
      body: { error: { code: 'notFound' } }
    })
    // The rest of the API still answers: the gate falls back on the list.
    expect(await job(jobId)).toEqual(['completed', 'succeeded'])
    expect(await preview(product)).toEqual([['completed', 'succeeded']])
  })
})

describe('a job that ends before its submission', () => {
  it('job-ends-first: the job succeeds after 2 minutes, the preview is certified 3 hours later', async () => {
    await start()
    const { product, jobId } = await publish('job-ends-first')
    advance(61)
    expect(await job(jobId)).toEqual(['running', 'pending'])
    expect(await preview(product)).toEqual([['running', 'pending']])
    advance(119)
    const { body } = await call(`/configure/${jobId}/status`)
    expect(body).toMatchObject({ jobStatus: 'completed', jobResult: 'succeeded', errors: [] })
    expect(body.jobEnd).toBe(now())
    const [, submission] = await entries(product)
    expect((await call(`/configure/${jobId}`)).body.resources).toEqual([
      expect.objectContaining({ id: submission.id, target: { targetType: 'preview' } })
    ])
    // The submission runs on, and the publish is still in progress for the API.
    expect(await preview(product)).toEqual([['running', 'pending']])
    const again = await publish('job-ends-first')
    expect(again.answer).toMatchObject({
      status: 400,
      body: { error: { message: 'An In Progress submission already exists' } }
    })
    advance(CERTIFIED - 180 - 1)
    expect(await preview(product)).toEqual([['running', 'pending']])
    advance(1)
    expect(await preview(product)).toEqual([['completed', 'succeeded']])
    expect(await job(jobId)).toEqual(['completed', 'succeeded'])
  })

  it('submission-failed: the job succeeds early, the preview fails later, and nothing says why', async () => {
    await start()
    const { product, jobId } = await publish('submission-failed')
    advance(180)
    expect(await job(jobId)).toEqual(['completed', 'succeeded'])
    advance(CERTIFIED - 180 - 1)
    expect(await preview(product)).toEqual([['running', 'pending']])
    advance(1)
    expect(await preview(product)).toEqual([['completed', 'failed']])
    const { body } = await call(`/configure/${jobId}/status`)
    expect(body).toMatchObject({ jobStatus: 'completed', jobResult: 'succeeded', errors: [] })
    expect(JSON.stringify(await call(`/submission/${product.slice(8)}`))).not.toContain('error')
    // The live release is untouched.
    expect(byTarget(await entries(product), 'live')).toEqual([['completed', 'succeeded']])
  })

  it('job-lags: the preview is listed succeeded for 10 minutes while the job still runs', async () => {
    await start()
    const { product, jobId } = await publish('job-lags')
    advance(CERTIFIED)
    expect(await preview(product)).toEqual([['completed', 'succeeded']])
    expect(await job(jobId)).toEqual(['running', 'pending'])
    expect((await call(`/configure/${jobId}`)).status).toBe(400)
    advance(599)
    expect(await job(jobId)).toEqual(['running', 'pending'])
    advance(1)
    expect(await job(jobId)).toEqual(['completed', 'succeeded'])
    expect((await call(`/configure/${jobId}`)).body.resources).toHaveLength(1)
  })
})

describe('failures', () => {
  it('certification-failed: camelCase, jobId, and cloudpub’s nested tree naming the submission', async () => {
    await start()
    const { product, jobId, answer } = await publish('certification-failed')
    expect(Object.keys(answer.body)).toContain('jobId')
    advance(CERTIFIED - 1)
    expect(await job(jobId)).toEqual(['running', 'pending'])
    advance(1)
    const [, submission] = await entries(product)
    expect((await call(`/configure/${jobId}/status`)).body).toMatchObject({
      jobStatus: 'completed',
      jobResult: 'failed',
      errors: [
        {
          resourceId: submission.id,
          code: 'internalServerError',
          message: 'Operation failed',
          details: [
            {
              code: 'invalidState',
              message: 'Certification',
              details: [{ code: 'invalidState', message: CERTIFICATION_FAILURE }]
            }
          ]
        }
      ]
    })
    expect(submission).toMatchObject({ status: 'completed', result: 'failed' })
  })

  it('live-failed: the go-live job and the live submission (the preview’s id) fail after an hour', async () => {
    await start()
    const product = await productOf('live-failed')
    const [, ready, earlier] = await entries(product)
    expect(ready).toMatchObject({ target: 'preview', status: 'completed', result: 'succeeded' })
    const answer = await call('/configure', {
      method: 'POST',
      body: liveRequest(product, ready.id)
    })
    expect(answer.status).toBe(202)
    const jobId = String(answer.body.jobId)
    advance(61)
    const live = async () =>
      (await entries(product))
        .filter((entry) => entry.target === 'live')
        .map((e) => [e.id, e.status, e.result])
    expect(await live()).toEqual([
      [earlier.id, 'completed', 'succeeded'],
      [ready.id, 'running', 'pending']
    ])
    advance(3600)
    expect((await call(`/configure/${jobId}/status`)).body).toMatchObject({
      jobStatus: 'completed',
      jobResult: 'failed',
      errors: [
        {
          resourceId: ready.id,
          code: 'internalServerError',
          details: [{ code: 'invalidState', message: GO_LIVE_FAILURE }]
        }
      ]
    })
    expect(await live()).toEqual([
      [earlier.id, 'completed', 'succeeded'],
      [ready.id, 'completed', 'failed']
    ])
    expect(await preview(product)).toEqual([['completed', 'succeeded']])
    expect((await call(`/configure/${jobId}`)).body.resources).toEqual([])
  })
})

describe('outage', () => {
  it('from 30 minutes in, for 20 minutes, every request gets a 503 or a dropped connection', async () => {
    await start()
    const { product, jobId } = await publish('outage')
    const guid = product.slice('product/'.length)
    advance(30 * 60 - 1)
    expect((await call(`/configure/${jobId}/status`)).status).toBe(200)
    advance(1)
    const answers: Array<number | 'dropped'> = []
    for (const path of [
      `/configure/${jobId}/status`,
      `/submission/${guid}`,
      `/configure/${jobId}`,
      '/product?externalId=outage'
    ]) {
      answers.push(
        await call(path).then(
          (answer) => answer.status,
          () => 'dropped' as const
        )
      )
    }
    expect(answers).toEqual([503, 'dropped', 503, 'dropped'])
    expect(await call(`/configure/${jobId}/status`)).toEqual({
      status: 503,
      body: {
        error: {
          code: 'serviceUnavailable',
          message: 'The service is temporarily unavailable.',
          details: []
        }
      }
    })
    advance(20 * 60 - 1)
    await expect(call(`/submission/${guid}`)).rejects.toThrow()
    advance(1)
    expect(await job(jobId)).toEqual(['running', 'pending'])
    expect(await preview(product)).toEqual([['running', 'pending']])
    advance(CERTIFIED - 50 * 60)
    expect(await job(jobId)).toEqual(['completed', 'succeeded'])
    expect(await preview(product)).toEqual([['completed', 'succeeded']])
  })
})

describe('the submissions list', () => {
  it('lists the release that is live as last month’s, and a new preview as created when it started', async () => {
    await start()
    const started = Date.parse(now())
    const { product } = await publish('job-ends-first')
    const [, submission, live] = await entries(product)
    expect(live.created).toBe(new Date(started - 30 * 24 * 3600_000).toISOString())
    expect(submission.created).toBe(new Date(started + 60_000).toISOString())
  })
})
