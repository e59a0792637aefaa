// What the Product Ingestion simulator does for the gate's `start` tests: a queued publish that is
// not listed yet (listed-late), and a conflict told by the job (the job-conflict start fault).

import { afterEach, describe, expect, it } from '@jest/globals'
import {
  advance,
  call,
  entries,
  productOf,
  publish,
  start,
  stop
} from './fixtures/product-ingestion-simulator.ts'

afterEach(stop)

describe('the Product Ingestion simulator for start', () => {
  it('listed-late: a new submission is missing from the next two reads of the list, then listed', async () => {
    await start()
    const { product, answer } = await publish('listed-late')
    expect(answer.status).toBe(202)
    const targets = async (): Promise<string[]> =>
      (await entries(product)).map((entry) => `${entry.target} ${String(entry.status)}`)
    // The earlier release's entries only, twice; then the new preview in their place.
    const earlier = ['draft undefined', 'preview completed', 'live completed']
    expect(await targets()).toEqual(earlier)
    expect(await targets()).toEqual(earlier)
    expect(await targets()).toEqual(['draft undefined', 'preview notStarted', 'live completed'])
    // The API knows the publish all along: another one is refused.
    const again = await call('/configure', {
      method: 'POST',
      body: {
        resources: [{ product, target: { targetType: 'preview' } }]
      }
    })
    expect(again.status).toBe(400)
    expect(JSON.stringify(again.body)).toContain('An In Progress submission already exists')
  })

  it('job-conflict: another publish gets in first, and the request is accepted but its job fails with only the In Progress error', async () => {
    const simulator = await start()
    simulator.nextStart('job-conflict')
    const product = await productOf('preview-success')
    const { jobId, answer } = await publish('preview-success')
    expect(answer.status).toBe(202)
    expect(simulator.startRequests()).toBe(1)
    const status = (await call(`/configure/${jobId}/status`)).body
    expect(status).toMatchObject({
      jobStatus: 'completed',
      jobResult: 'failed',
      errors: [{ code: 'invalidState', message: 'An In Progress submission already exists' }]
    })
    // The publish that got in first is listed and running; the refused job made no submission.
    const listed = await entries(product)
    expect(listed.map((entry) => `${entry.target} ${String(entry.status)}`)).toEqual([
      'draft undefined',
      'preview notStarted',
      'live completed'
    ])
    expect((await call(`/configure/${jobId}`)).body).toMatchObject({ resources: [] })
    // Once the other publish has ended, a new one is accepted and runs.
    advance(4 * 3600)
    const next = await publish('preview-success')
    expect(next.answer.status).toBe(202)
    expect((await call(`/configure/${next.jobId}/status`)).body).toMatchObject({
      jobStatus: 'notStarted'
    })
  })
})
