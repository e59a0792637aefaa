// `start` on the CPP API, through the watcher against nock: what the look-up counts as a publish in
// progress, a go-live's precondition, and how each answer to the POST reads.

import { describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { staticToken } from '../../../src/net/token-source.js'
import type { Watcher } from '../../../src/backends/backend.js'
import { cppBackend } from '../../../src/backends/cpp/index.js'
import type { IfRunning, StartKind } from '../../../src/backends/start-steps.js'
import type { FetchResult } from '../../../src/model/outcome.js'
import type { Snapshot } from '../../../src/model/snapshot.js'
import { ApiClient } from '../../../src/net/api-client.js'
import { within } from '../../fixtures/budget.js'
import { rawOperation, rawSteps } from '../../fixtures/cpp.js'

const ORIGIN = 'https://cloudpartner.azure.com'
const OFFER = '/api/publishers/contoso/offers/contoso-offer'
const VERSION = { 'api-version': '2017-10-31' }
const OP_1 = '11111111-1111-4111-8111-111111111111'
const OP_2 = '22222222-2222-4222-8222-222222222222'
const NEW = '33333333-3333-4333-8333-333333333333'

function setup(kind: StartKind, ifRunning: IfRunning = 'fail') {
  const watch = cppBackend.readWatch(
    (name) => ({ 'publisher-id': 'contoso', 'offer-id': 'contoso-offer' })[name] ?? '',
    (name, _value, expected) => {
      throw new Error(`${name}: ${expected}`)
    },
    { origin: ORIGIN, apiVersion: '2017-10-31', pollIntervalMs: 60_000, start: kind, ifRunning }
  )
  const client = new ApiClient({
    tokens: staticToken('cpp-token', cppBackend.resource),
    wording: cppBackend.wording
  })
  const lines: string[] = []
  const watcher: Watcher = watch.watcher({ client, info: (line) => lines.push(line) })
  return { watcher, client, lines }
}

const running = () =>
  nock(ORIGIN)
    .get(`${OFFER}/submissions/`)
    .query({ ...VERSION, status: 'running' })
const operation = (id: string) => nock(ORIGIN).get(`${OFFER}/operations/${id}`).query(VERSION)
const post = (action: 'publish' | 'golive') =>
  nock(ORIGIN).post(`${OFFER}/${action}`).query(VERSION)
const item = (id: string, status: string, type = 'Publish', changed = '2026-01-01T00:00:00Z') => ({
  id,
  status,
  submissionType: type,
  changedTime: changed
})
const waitingAtSignoff = () =>
  rawOperation(
    'running',
    rawSteps({ 'publisher-signoff': { status: 'waitingForPublisherReview' } })
  )

async function poll(watcher: Watcher): Promise<FetchResult<Snapshot>> {
  return watcher.poll(within())
}

function message(result: FetchResult<Snapshot>): string {
  return result.kind === 'fatal' ? result.message : result.kind === 'transient' ? result.reason : ''
}

describe('the look-up', () => {
  it('takes entries known to be over as not running (the filter may not be applied), and posts', async () => {
    const { watcher } = setup('preview')
    const scope = running()
      .reply(200, [item(OP_1, 'succeeded'), item(OP_2, 'canceled')])
      .post(`${OFFER}/publish`)
      .query(VERSION)
      .reply(202, '', { location: `${OFFER}/operations/${NEW}?api-version=2017-10-31` })
      .get(`${OFFER}/operations/${NEW}`)
      .query(VERSION)
      .reply(200, rawOperation('running'))
    expect((await poll(watcher)).kind).toBe('ok')
    scope.done()
    expect(watcher.operationId).toBe(NEW)
    expect(watcher.start).toMatchObject({ started: true })
  })

  it.each(['Queued', 'running', 'paused'])(
    'takes an entry spelled %s as a publish in progress, reading it first',
    async (status) => {
      const { watcher } = setup('preview')
      const scope = running()
        .reply(200, [item(OP_1, status)])
        .get(`${OFFER}/operations/${OP_1}`)
        .query(VERSION)
        .reply(200, rawOperation('running'))
      const result = await poll(watcher)
      scope.done()
      expect(message(result)).toContain(
        `another publish of contoso/contoso-offer is in progress: operation ${OP_1}`
      )
    }
  )

  it('blocks the POST when an entry in progress has an id the gate cannot read', async () => {
    const { watcher } = setup('preview')
    const scope = running().reply(200, [item('not-an-operation::error::x', 'running')])
    const result = await poll(watcher)
    scope.done()
    expect(message(result)).toContain('include one the gate cannot read')
    expect(message(result)).toContain('Nothing was posted')
  })

  it('lets a new publish follow one waiting at Publisher signoff', async () => {
    const { watcher } = setup('preview')
    const scope = running()
      .reply(200, [item(OP_1, 'running')])
      .get(`${OFFER}/operations/${OP_1}`)
      .query(VERSION)
      .reply(200, waitingAtSignoff())
      .post(`${OFFER}/publish`)
      .query(VERSION)
      .reply(202, '', { location: `${OFFER}/operations/${NEW}?api-version=2017-10-31` })
      .get(`${OFFER}/operations/${NEW}`)
      .query(VERSION)
      .reply(200, rawOperation('running'))
    expect((await poll(watcher)).kind).toBe('ok')
    scope.done()
  })

  it('blocks a go-live with any go-live running, not only the most recently changed operation', async () => {
    const { watcher } = setup('live')
    const scope = running().reply(200, [
      item(OP_1, 'running', 'Publish', '2026-01-02T00:00:00Z'),
      item(OP_2, 'running', 'GoLive', '2026-01-01T00:00:00Z')
    ])
    const result = await poll(watcher)
    scope.done()
    expect(message(result)).toContain(`operation ${OP_2} (GoLive, running)`)
  })

  it('goes live once a publish waits at Publisher signoff', async () => {
    const { watcher } = setup('live')
    const scope = running()
      .reply(200, [item(OP_1, 'running')])
      .get(`${OFFER}/operations/${OP_1}`)
      .query(VERSION)
      .reply(200, waitingAtSignoff())
      .post(`${OFFER}/golive`)
      .query(VERSION)
      .reply(202, '', { location: `${OFFER}/operations/${NEW}?api-version=2017-10-31` })
      .get(`${OFFER}/operations/${NEW}`)
      .query(VERSION)
      .reply(200, rawOperation('running', rawSteps(), { submissionType: 'GoLive' }))
    expect((await poll(watcher)).kind).toBe('ok')
    scope.done()
  })

  it('refuses a go-live with nothing running, posting nothing', async () => {
    const { watcher } = setup('live')
    const scope = running().reply(200, [])
    const result = await poll(watcher)
    scope.done()
    expect(message(result)).toContain('start: live needs a publish of contoso/contoso-offer')
  })
})

describe('the answer to the POST', () => {
  const nothingRunning = () => running().reply(200, [])

  it.each([
    [409, 'transient', 'the API says a publish is in progress'],
    [401, 'fatal', 'refused the token'],
    [403, 'fatal', ''],
    [400, 'fatal', '']
  ] as const)('reads HTTP %i as %s', async (status, kind, said) => {
    const { watcher } = setup('preview')
    nothingRunning()
    const scope = post('publish').reply(status, { error: { code: 'x', message: 'no' } })
    const result = await poll(watcher)
    scope.done()
    expect(result.kind).toBe(kind)
    expect(message(result)).toContain(said)
    expect(message(result)).not.toContain('may have started')
  })

  it('looks for the operation when the 2xx names none, and never posts again', async () => {
    const { watcher, lines } = setup('preview')
    const scope = nothingRunning()
    post('publish').reply(202, '')
    expect(message(await poll(watcher))).toContain('looking for the publish requested at')
    scope.done()
    expect(lines.join('\n')).toContain('names nothing to watch')
    // The next poll looks (no POST is scripted: a second one would fail the test).
    running().reply(200, [item(NEW, 'running')])
    // Read by the look-up (is its preview ready?), then watched.
    operation(NEW).times(2).reply(200, rawOperation('running'))
    const found = await poll(watcher)
    expect(message(found)).toBe('')
    expect(watcher.start).toMatchObject({ started: true, waitedFor: NEW })
  })

  it.each([
    `${OFFER}/operations/not-a-guid?api-version=2017-10-31`,
    '/api/publishers/contoso/offers/other-offer/operations/11111111-1111-4111-8111-111111111111?api-version=2017-10-31'
  ])('stops on a Location that names no operation of this offer: %s', async (location) => {
    const { watcher } = setup('preview')
    nothingRunning()
    const scope = post('publish').reply(202, '', { location })
    const result = await poll(watcher)
    scope.done()
    expect(message(result)).toContain('names no operation the gate can watch')
    expect(message(result)).toContain('It was not sent again')
  })
})

describe('after the POST', () => {
  it('retries a 404 from the operation it just started (the API may not know it yet)', async () => {
    const { watcher } = setup('preview')
    const scope = running()
      .reply(200, [])
      .post(`${OFFER}/publish`)
      .query(VERSION)
      .reply(202, '', { location: `${OFFER}/operations/${NEW}?api-version=2017-10-31` })
      .get(`${OFFER}/operations/${NEW}`)
      .query(VERSION)
      .reply(404, { error: { code: 'NotFound', message: 'no' } })
    const result = await poll(watcher)
    scope.done()
    expect(result.kind).toBe('transient')
    expect(message(result)).toContain('is not found yet')
  })

  it('waits (if-running: wait) until the running publish waits at signoff, then posts', async () => {
    const { watcher } = setup('preview', 'wait')
    running().reply(200, [item(OP_1, 'running')])
    operation(OP_1).reply(200, rawOperation('running'))
    const waiting = await poll(watcher)
    expect(waiting.kind === 'ok' ? waiting.value.status : '').toBe('notStarted')
    // Still certifying: it has not ended.
    operation(OP_1).reply(200, rawOperation('running'))
    expect((await poll(watcher)).kind).toBe('ok')
    expect(watcher.operationId).toBe('')
    // At signoff: ended; the look-up lets a new publish follow it, and this run posts.
    const scope = operation(OP_1)
      .reply(200, waitingAtSignoff())
      .get(`${OFFER}/submissions/`)
      .query({ ...VERSION, status: 'running' })
      .reply(200, [item(OP_1, 'running')])
      .get(`${OFFER}/operations/${OP_1}`)
      .query(VERSION)
      .reply(200, waitingAtSignoff())
      .post(`${OFFER}/publish`)
      .query(VERSION)
      .reply(202, '', { location: `${OFFER}/operations/${NEW}?api-version=2017-10-31` })
      .get(`${OFFER}/operations/${NEW}`)
      .query(VERSION)
      .reply(200, rawOperation('running'))
    expect((await poll(watcher)).kind).toBe('ok')
    scope.done()
    expect(watcher.operationId).toBe(NEW)
  })
})
