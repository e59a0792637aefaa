// The simulator's own rules, over HTTP on loopback: what the end-to-end tests rely on it to do.

import { afterEach, describe, expect, it } from '@jest/globals'
import { operationState, type Operation } from '../simulator/operations.ts'
import { scenario } from '../simulator/scenarios.ts'
import { API_VERSION, DEFAULT_TOKEN, startSimulator, type Simulator } from '../simulator/server.ts'

let simulator: Simulator | undefined
let clock = 0
afterEach(async () => {
  await simulator?.close()
  simulator = undefined
})

/** A simulator whose clock the test moves: speed 1, so clock milliseconds are simulated ones. */
async function start(): Promise<Simulator> {
  clock = 1_000_000
  simulator = await startSimulator({ speed: 1, now: () => clock })
  return simulator
}

async function call(path: string, method = 'GET', token = DEFAULT_TOKEN) {
  const response = await fetch(
    `${simulator?.url}${path}${path.includes('?') ? '&' : '?'}api-version=${API_VERSION}`,
    {
      method,
      headers: { Authorization: `Bearer ${token}` }
    }
  )
  const text = await response.text()
  return {
    status: response.status,
    location: response.headers.get('location'),
    body: text === '' ? undefined : (JSON.parse(text) as unknown)
  }
}

const offer = (name: string, action: string) => `/api/publishers/contoso/offers/${name}/${action}`

describe('the CPP simulator', () => {
  it('runs one operation per offer at a time', async () => {
    await start()
    expect((await call(offer('publish-success', 'publish'), 'POST')).status).toBe(202)
    const second = await call(offer('publish-success', 'publish'), 'POST')
    expect(second.status).toBe(409)
    expect(second.body).toMatchObject({ error: { code: 'Conflict' } })
    // Another offer is free.
    expect((await call(offer('other', 'publish'), 'POST')).status).toBe(202)
  })

  it('goes live only from a publish waiting for publisher review', async () => {
    await start()
    expect((await call(offer('publish-success', 'golive'), 'POST')).status).toBe(400)
    await call(offer('publish-success', 'publish'), 'POST')
    expect((await call(offer('publish-success', 'golive'), 'POST')).status).toBe(400)
    clock += 13_200_000 // past packaging: waiting for review
    const golive = await call(offer('publish-success', 'golive'), 'POST')
    expect(golive.status).toBe(202)
    expect(golive.location).toMatch(
      /^\/api\/publishers\/contoso\/offers\/publish-success\/operations\/[0-9a-f-]{36}\?api-version=2017-10-31$/
    )
    clock += 3_600_000
    // publish-success answers in the documentation's one-element array form.
    expect((await call(golive.location?.split('?')[0] ?? '')).body).toMatchObject([
      { submissionType: 'GoLive', status: 'succeeded' }
    ])
    expect((await call(offer('publish-success', 'status'))).body).toMatchObject({
      status: 'succeeded'
    })
  })

  it('cancels the running operation, and answers 202 without a location when none runs', async () => {
    await start()
    expect(await call(offer('canceled-later', 'cancel'), 'POST')).toMatchObject({
      status: 202,
      location: null
    })
    const publish = await call(offer('canceled-later', 'publish'), 'POST')
    clock += 1_000_000
    const cancel = await call(offer('canceled-later', 'cancel'), 'POST')
    expect(cancel).toMatchObject({ status: 202, location: publish.location })
    const body = (await call(publish.location?.split('?')[0] ?? '')).body as Array<{
      status: string
      steps: Array<{ id: string; status: string }>
    }>
    expect(body[0].status).toBe('canceled')
    expect(body[0].steps.find((step) => step.id === 'displaycertify')?.status).toBe('canceled')
    // The offer is free again.
    expect((await call(offer('canceled-later', 'publish'), 'POST')).status).toBe(202)
  })

  it('lists submissions, filtered by status or submissionState', async () => {
    await start()
    await call(offer('certification-failed', 'publish'), 'POST')
    clock += 6_000_000 // certification has failed
    await call(offer('certification-failed', 'publish'), 'POST')
    const all = (await call(offer('certification-failed', 'submissions/'))).body as Array<{
      submissionState: string
    }>
    expect(all.map((item) => item.submissionState)).toEqual(['failed', 'running'])
    expect(
      (
        (await call(`${offer('certification-failed', 'submissions/')}?status=running`))
          .body as unknown[]
      ).length
    ).toBe(1)
    expect(
      (
        (await call(`${offer('certification-failed', 'submissions/')}?submissionState=FAILED`))
          .body as unknown[]
      ).length
    ).toBe(1)
  })

  it.each([
    ['an unknown route', '/api/nothing', 'GET', 404],
    [
      'an unknown operation',
      `${offer('x', 'operations')}/56615b67-2185-49fe-80d2-c4ddf77bb2e8`,
      'GET',
      404
    ],
    ['a DELETE', offer('x', 'status'), 'DELETE', 405]
  ])('answers %s (%s %s) with %i', async (_name, path, method, status) => {
    await start()
    expect((await call(path, method)).status).toBe(status)
  })

  it('reports a never-published offer as such', async () => {
    await start()
    expect((await call(offer('fresh', 'status'))).body).toMatchObject({
      status: 'neverPublished',
      steps: []
    })
  })
})

describe('operationState', () => {
  const publish = (name: Parameters<typeof scenario>[0]): Operation => ({
    id: 'op',
    publisher: 'contoso',
    offer: name,
    kind: 'Publish',
    scenario: scenario(name),
    startedAt: 0
  })
  const steps = (state: ReturnType<typeof operationState>) =>
    (state.body.steps as Array<{ status: string; progressPercentage: number }>).map(
      (step) => `${step.status}:${step.progressPercentage}`
    )

  it('moves a publish through its steps with the time', () => {
    const op = publish('publish-success')
    expect(steps(operationState(op, 300_000, 1))).toEqual([
      'inProgress:50',
      'notStarted:0',
      'notStarted:0',
      'notStarted:0',
      'notStarted:0',
      'notStarted:0'
    ])
    expect(steps(operationState(op, 4_200_000, 1))).toEqual([
      'complete:100',
      'inProgress:50',
      'notStarted:0',
      'notStarted:0',
      'notStarted:0',
      'notStarted:0'
    ])
    const waiting = operationState(op, 13_200_000, 1)
    expect(waiting.phase).toBe('waiting')
    expect(steps(waiting).slice(4)).toEqual(['waitingForPublisherReview:0', 'notStarted:0'])
  })

  it('blocks certification at 40 % with the documented error, leaving the operation running', () => {
    const state = operationState(publish('certification-blocked'), 10_000_000, 1)
    expect(state.body.status).toBe('running')
    expect(steps(state)).toEqual([
      'completed:100',
      'blocked:40',
      'not started:0',
      'not started:0',
      'not started:0',
      'not started:0'
    ])
    expect(JSON.stringify(state.body)).toContain('No virtual machine image was found for the plan')
  })

  it('runs ten times longer in the slow scenario', () => {
    expect(steps(operationState(publish('slow'), 3_000_000, 1))[0]).toBe('inProgress:50')
  })
})
