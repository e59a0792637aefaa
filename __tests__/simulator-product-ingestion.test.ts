// The Product Ingestion part of the simulator, over HTTP on loopback: what the end-to-end tests and
// the demo rely on it to do.

import { afterEach, describe, expect, it } from '@jest/globals'
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_TENANT } from '../simulator/azure-ad.ts'
import { DEFAULT_GRAPH_TOKEN, liveRequest, previewRequest } from '../simulator/product-ingestion.ts'
import { API_VERSION, DEFAULT_TOKEN } from '../simulator/server.ts'
import {
  advance,
  base,
  call,
  entries,
  productOf,
  publish,
  start,
  stop
} from './fixtures/product-ingestion-simulator.ts'

afterEach(stop)

describe('the Product Ingestion simulator', () => {
  it('runs a preview publish through notStarted, running and completed/succeeded', async () => {
    await start()
    const { product, jobId, answer } = await publish('preview-success')
    expect(answer.status).toBe(202)
    expect(answer.body).toMatchObject({
      jobStatus: 'notStarted',
      jobResult: 'pending',
      jobEnd: '0001-01-01T00:00:00',
      errors: []
    })
    const queued = await entries(product)
    // The publish is in progress from the moment it is accepted: its submission is listed, not
    // started yet, beside the earlier release that is live.
    expect(queued.map((entry) => [entry.target, entry.status, entry.result])).toEqual([
      ['draft', undefined, undefined],
      ['preview', 'notStarted', 'pending'],
      ['live', 'completed', 'succeeded']
    ])
    expect(queued[1].id).toMatch(/\/1152921515689847471$/)
    expect(queued[2].id).toMatch(/^submission\/[0-9a-f-]{36}\/1152921515689847470$/)

    advance(61)
    expect((await call(`/configure/${jobId}/status`)).body).toMatchObject({
      jobStatus: 'running',
      jobResult: 'pending'
    })
    const running = await entries(product)
    expect(running.map((entry) => [entry.target, entry.status, entry.result])).toEqual([
      ['draft', undefined, undefined],
      ['preview', 'running', 'pending'],
      ['live', 'completed', 'succeeded']
    ])
    expect(running[1].id).toMatch(/\/1152921515689847471$/)

    advance(3 * 3600)
    const done = (await call(`/configure/${jobId}/status`)).body
    expect(done).toMatchObject({ jobStatus: 'completed', jobResult: 'succeeded' })
    expect(done.jobEnd).not.toMatch(/^0001/)
    expect((await entries(product))[1]).toMatchObject({ status: 'completed', result: 'succeeded' })
  })

  it('allows one publish in progress per product, and a go-live only of the preview that succeeded', async () => {
    await start()
    const { product, jobId } = await publish('preview-success')
    const again = await call('/configure', { method: 'POST', body: previewRequest(product) })
    expect(again.status).toBe(400)
    expect(again.body).toMatchObject({
      error: { message: 'An In Progress submission already exists' }
    })
    advance(4 * 3600)
    expect((await call(`/configure/${jobId}/status`)).body.jobResult).toBe('succeeded')
    const [, preview] = await entries(product)
    const wrong = await call('/configure', {
      method: 'POST',
      body: liveRequest(product, `${product.replace('product', 'submission')}/5`)
    })
    expect(wrong.status).toBe(400)
    const live = await call('/configure', {
      method: 'POST',
      body: liveRequest(product, preview.id)
    })
    expect(live.status).toBe(202)
    advance(61)
    // During the go-live the old live entry and the new one are both listed.
    expect((await entries(product)).filter((entry) => entry.target === 'live')).toEqual([
      expect.objectContaining({ status: 'completed', result: 'succeeded' }),
      expect.objectContaining({ id: preview.id, status: 'running', result: 'pending' })
    ])
    advance(3600)
    expect((await entries(product)).filter((entry) => entry.target === 'live')).toEqual([
      {
        id: preview.id,
        target: 'live',
        status: 'completed',
        result: 'succeeded',
        created: preview.created
      }
    ])
  })

  it('certification-failed-pascal: PascalCase, Running as a result, jobID, and the nested invalidState tree', async () => {
    await start()
    const { product, jobId, answer } = await publish('certification-failed-pascal')
    expect(answer.body).toHaveProperty('jobID')
    expect(answer.body).not.toHaveProperty('jobId')
    advance(61)
    expect((await call(`/configure/${jobId}/status`)).body).toMatchObject({
      jobStatus: 'Running',
      jobResult: 'Running'
    })
    advance(3 * 3600)
    const failed = (await call(`/configure/${jobId}/status`)).body
    expect(failed).toMatchObject({
      jobStatus: 'Completed',
      jobResult: 'Failed',
      errors: [
        {
          code: 'internalServerError',
          details: [
            { code: 'invalidState', message: 'Certification', details: [{ code: 'invalidState' }] }
          ]
        }
      ]
    })
    expect((await entries(product))[1]).toMatchObject({ status: 'Completed', result: 'Failed' })
  })

  it('cancelled: the job says cancelled, its submission canceled, and the list is a bare array', async () => {
    await start()
    const { product, jobId } = await publish('cancelled')
    advance(2 * 3600)
    expect((await call(`/configure/${jobId}/status`)).body).toMatchObject({
      jobStatus: 'completed',
      jobResult: 'cancelled'
    })
    const { body } = await call(`/submission/${product.slice(8)}`)
    expect(Array.isArray(body)).toBe(true)
    expect((await entries(product))[1]).toMatchObject({ status: 'completed', result: 'canceled' })
  })

  it('live-success: a preview is ready for go-live at once, and the status is a one-element array', async () => {
    await start()
    const product = await productOf('live-success')
    const [, preview, live] = await entries(product)
    expect(preview).toMatchObject({ status: 'completed', result: 'succeeded' })
    expect(preview.id).not.toBe(live.id)
    const answer = await call('/configure', {
      method: 'POST',
      body: liveRequest(product, preview.id)
    })
    const status = await fetch(`${base()}/configure/${String(answer.body.jobId)}/status`, {
      headers: { Authorization: `Bearer ${DEFAULT_GRAPH_TOKEN}` }
    })
    const body = (await status.json()) as Array<Record<string, unknown>>
    expect(body).toEqual([
      expect.objectContaining({ jobStatus: 'notStarted', jobEnd: '0001-01-01' })
    ])
  })

  it('cancels a running job, and refuses to cancel one that completed', async () => {
    await start()
    const { jobId } = await publish('preview-success')
    const cancelled = await call(`/configure/${jobId}/cancel`, { method: 'POST' })
    expect(cancelled.body).toMatchObject({ jobStatus: 'completed', jobResult: 'cancelled' })
    const again = await call(`/configure/${jobId}/cancel`, { method: 'POST' })
    expect(again).toMatchObject({ status: 400, body: { error: { code: 'badRequest' } } })
  })

  it('answers 400 for a deprecated $version, and for the dead azureedge schema host', async () => {
    await start()
    expect(await call('/product?externalId=x', { version: '2022-03-01-preview3' })).toEqual({
      status: 400,
      body: {
        error: {
          code: 'badRequest',
          message: '"2022-03-01-preview3 is a deprecated schema"',
          details: []
        }
      }
    })
    const product = await productOf('preview-success')
    const request = {
      ...previewRequest(product),
      $schema: 'https://product-ingestion.azureedge.net/schema/configure/2022-03-01-preview2'
    }
    const refused = await call('/configure', { method: 'POST', body: request })
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({
      error: { message: expect.stringContaining('could not be accessed') }
    })
  })

  it('deprecated-version: the job status is refused as a deprecated schema', async () => {
    await start()
    const { jobId } = await publish('deprecated-version')
    expect(await call(`/configure/${jobId}/status`)).toMatchObject({
      status: 400,
      body: { error: { message: '"2022-07-01 is a deprecated schema"' } }
    })
  })

  it('product-not-found: the look-up answers an empty list; an unknown job is a 404', async () => {
    await start()
    expect((await call('/product?externalID=product-not-found')).body).toEqual({ value: [] })
    expect((await call('/configure/56615b67-2185-49fe-80d2-c4ddf77bb2e8/status')).status).toBe(404)
  })

  it('accepts Graph tokens only: the CPP token gets 401, an application not added gets 403', async () => {
    await start({ [DEFAULT_GRAPH_TOKEN]: 'member', outsider: 'outsider' })
    expect(await call('/product?externalId=x', { token: DEFAULT_TOKEN })).toMatchObject({
      status: 401,
      body: {
        error: {
          code: 'InvalidAuthenticationToken',
          message: 'Access token validation failure. Invalid audience.'
        }
      }
    })
    expect((await call('/product?externalId=x', { token: 'outsider' })).status).toBe(403)
    expect((await call('/product?externalId=x', { token: '' })).status).toBe(401)
  })

  it('issues Azure AD tokens per audience: Graph tokens for Product Ingestion, CPP tokens for CPP', async () => {
    const api = await start()
    const tokenFor = async (scope: string): Promise<string> => {
      const response = await fetch(`${api.url}/${DEFAULT_TENANT}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: DEFAULT_CLIENT_ID,
          client_secret: DEFAULT_CLIENT_SECRET,
          scope
        })
      })
      return ((await response.json()) as { access_token: string }).access_token
    }
    const graph = await tokenFor('https://graph.microsoft.com/.default')
    const cpp = await tokenFor('https://cloudpartner.azure.com/.default')
    expect((await call('/product?externalId=x', { token: graph })).status).toBe(200)
    expect((await call('/product?externalId=x', { token: cpp })).status).toBe(401)
    const cppCall = (token: string) =>
      fetch(`${api.url}/api/publishers/contoso/offers/x/status?api-version=${API_VERSION}`, {
        headers: { Authorization: `Bearer ${token}` }
      }).then((response) => response.status)
    expect(await cppCall(cpp)).toBe(200)
    expect(await cppCall(graph)).toBe(401)
  })
})
