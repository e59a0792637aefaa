// `start: preview | live` end to end, for both backends: the simulator in-process, dist/index.js
// run as a runner runs it. The gate publishes (or goes live) and gates on what it started, never
// starts a second publish of an offer (it watches the one already running), never posts again
// after a failed POST without looking first, and refuses a go-live whose preview is not ready
// before it posts anything.

import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEFAULT_GRAPH_TOKEN, PI_PREFIX, publishOn } from '../simulator/product-ingestion.ts'
import { API_VERSION, DEFAULT_TOKEN, startSimulator, type Simulator } from '../simulator/server.ts'
import { expectTokenHidden, runBundle, type BundleRun } from './fixtures/bundle.js'

// Each run waits on a simulated publish of a few seconds; they run side by side.
jest.setTimeout(60_000)

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

// The tests run concurrently: every server they start is closed once all of them are done.
const closers: Array<() => Promise<void>> = []
afterAll(async () => {
  await Promise.all(closers.map((close) => close()))
})

async function simulator(speed: number): Promise<Simulator> {
  const api = await startSimulator({ speed })
  closers.push(() => api.close())
  return api
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/** The gate with start, against the CPP simulator; every run's summary and token checked. */
async function cpp(api: Simulator, offer: string, inputs: Record<string, string>) {
  const run = await runBundle({
    'publisher-id': 'contoso',
    'offer-id': offer,
    token: DEFAULT_TOKEN,
    'base-url': api.url,
    'poll-interval': '1s',
    timeout: '30s',
    ...inputs
  })
  expectTokenHidden(run, DEFAULT_TOKEN)
  expect(run.summary).toContain(`Publish gate: contoso / ${offer}: ${run.outputs.result}`)
  return run
}

/** The same against the Product Ingestion part of the simulator. */
async function pi(api: Simulator, offer: string, inputs: Record<string, string>) {
  const run = await runBundle({
    api: 'product-ingestion',
    'offer-id': offer,
    token: DEFAULT_GRAPH_TOKEN,
    'base-url': `${api.url}${PI_PREFIX}`,
    'poll-interval': '1s',
    timeout: '30s',
    ...inputs
  })
  expectTokenHidden(run, DEFAULT_GRAPH_TOKEN)
  expect(run.summary).toContain(`Publish gate: ${offer}: ${run.outputs.result}`)
  return run
}

/** A CPP publish made by someone else (an earlier run, another workflow); its operation id. */
async function publishCpp(api: Simulator, offer: string): Promise<string> {
  const response = await fetch(
    `${api.url}/api/publishers/contoso/offers/${offer}/publish?api-version=${API_VERSION}`,
    { method: 'POST', headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` } }
  )
  expect(response.status).toBe(202)
  return /operations\/([^?]+)/.exec(response.headers.get('location') ?? '')?.[1] ?? ''
}

/** Waits (bounded) until the CPP operation is waiting at Publisher signoff. */
async function untilPreviewReady(api: Simulator, offer: string, id: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const response = await fetch(
      `${api.url}/api/publishers/contoso/offers/${offer}/operations/${id}?api-version=${API_VERSION}`,
      { headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` } }
    )
    const text = await response.text()
    if (/waitingForPublisherReview/i.test(text)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the preview never became ready')
}

function expectStarted(run: BundleRun, started: boolean): void {
  expect(run.outputs.started).toBe(String(started))
}

describe('start with the CPP API', () => {
  it.concurrent('start: preview publishes, gates on what it started, and passes', async () => {
    const api = await simulator(20_000)
    const run = await cpp(api, 'publish-success', { start: 'preview' })
    expect(run.code).toBe(0)
    expectStarted(run, true)
    expect(run.outputs['operation-id']).toMatch(GUID)
    expect(run.outputs.message).toMatch(/^The preview is ready for go-live/)
    expect(api.startRequests()).toBe(1)
    expect(run.stdout).toMatch(
      /^Started a publish to preview of contoso\/publish-success at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: operation [0-9a-f-]{36}\.$/m
    )
    expect(run.summary).toContain('🚀 Started a publish to preview of contoso/publish-success')
  })

  it.concurrent('start: live after a ready preview goes live and waits for it', async () => {
    const api = await simulator(20_000)
    const published = await publishCpp(api, 'publish-success')
    await untilPreviewReady(api, 'publish-success', published)
    const run = await cpp(api, 'publish-success', { start: 'live' })
    expect(run.code).toBe(0)
    expectStarted(run, true)
    expect(run.outputs['submission-type']).toBe('GoLive')
    expect(run.outputs.message).toBe('The go-live succeeded: the offer is live.')
    expect(api.startRequests()).toBe(2)
  })

  it.concurrent(
    'start: live before the preview is ready waits for it (if-running: wait), and says it did not go live at the timeout',
    async () => {
      // At 100× certification takes over a minute of real time: the preview is far from ready.
      const api = await simulator(100)
      const published = await publishCpp(api, 'publish-success')
      const run = await cpp(api, 'publish-success', { start: 'live', timeout: '3s' })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('timed-out')
      expect(run.outputs.message).toMatch(
        new RegExp(`^This run's go-live was not started: operation ${published} \\(`)
      )
      expect(run.outputs['waited-for']).toBe(published)
      expect(api.startRequests()).toBe(1)
      expectStarted(run, false)
    }
  )

  it.concurrent(
    'if-running: fail fails at once while a publish runs, posting nothing',
    async () => {
      const api = await simulator(100)
      const published = await publishCpp(api, 'publish-success')
      const run = await cpp(api, 'publish-success', { start: 'preview', 'if-running': 'fail' })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.message).toContain(
        `start: another publish of contoso/publish-success is in progress: operation ${published}`
      )
      expect(run.outputs.message).toContain('if-running: wait')
      expect(run.outputs.message).toContain('if-running: attach')
      expect(api.startRequests()).toBe(1)
      expectStarted(run, false)
    }
  )

  it.concurrent(
    'if-running: wait (the default) waits for the running publish, then posts once and gates on its own',
    async () => {
      const api = await simulator(20_000)
      const published = await publishCpp(api, 'publish-success')
      const run = await cpp(api, 'publish-success', { start: 'preview' })
      expect(run.code).toBe(0)
      expectStarted(run, true)
      expect(api.startRequests()).toBe(2)
      expect(run.outputs['operation-id']).toMatch(GUID)
      expect(run.outputs['operation-id']).not.toBe(published)
      expect(run.stdout).toContain(
        `Another publish of contoso/publish-success is in progress: operation ${published}`
      )
      expect(run.stdout).toMatch(/has ended: starting a publish to preview of this run\./)
    }
  )

  it.concurrent(
    'if-running: attach watches the running publish, posts nothing, started false',
    async () => {
      const api = await simulator(100)
      const published = await publishCpp(api, 'publish-success')
      const run = await cpp(api, 'publish-success', {
        start: 'preview',
        'if-running': 'attach',
        timeout: '3s'
      })
      expect(run.outputs.result).toBe('timed-out')
      expectStarted(run, false)
      expect(run.outputs['operation-id']).toBe(published)
      expect(run.outputs['waited-for']).toBe(published)
      expect(api.startRequests()).toBe(1)
      expect(run.stdout).toContain(
        'A publish was already running: watching it instead of starting another.'
      )
      expect(run.summary).toContain('A publish was already running')
    }
  )

  it.concurrent(
    'a lost race (409 Conflict): the rule of if-running applies to the winner',
    async () => {
      const api = await simulator(100)
      api.nextStart('race')
      const run = await cpp(api, 'publish-success', { start: 'preview', timeout: '3s' })
      expectStarted(run, false)
      expect(run.outputs['waited-for']).toMatch(GUID)
      expect(run.outputs.message).toMatch(/^This run's publish was not started: operation /)
      expect(api.startRequests()).toBe(1)
    }
  )

  it.concurrent(
    'a 503 on the POST: looks again, finds nothing running, and posts again',
    async () => {
      const api = await simulator(20_000)
      api.nextStart('unavailable')
      const run = await cpp(api, 'publish-success', { start: 'preview' })
      expect(run.code).toBe(0)
      expectStarted(run, true)
      expect(api.startRequests()).toBe(2)
      expect(run.stdout).toMatch(/^Request failed \(1 in a row; .*\): HTTP 503/m)
    }
  )

  it.concurrent(
    "a POST whose answer was lost: the look-up finds its operation, takes it as this run's, and never posts twice",
    async () => {
      const api = await simulator(100)
      api.nextStart('lost-answer')
      const run = await cpp(api, 'publish-success', { start: 'preview', timeout: '4s' })
      expect(api.startRequests()).toBe(1)
      expectStarted(run, true)
      expect(run.stdout).toContain('was lost')
      expect(run.stdout).toContain('it is never sent again in this run')
    }
  )

  it.concurrent.each<[string, Record<string, string>, string]>([
    [
      'start with an operation-id',
      { start: 'preview', 'operation-id': 'latest' },
      'operation-id is "latest": expected empty with start: preview'
    ],
    [
      'an unknown if-running',
      { start: 'preview', 'if-running': 'queue' },
      'if-running is "queue": expected wait (the default: wait for the publish in progress, then publish), attach (report on the publish in progress instead) or fail'
    ],
    [
      'if-running without start',
      { 'if-running': 'fail' },
      'if-running is "fail": expected empty without start (it says what start does)'
    ],
    [
      'any other start',
      { start: 'production' },
      'start is "production": expected empty (watch only), preview (publish to preview) or live (go live)'
    ]
  ])('%s is an input error, before any request', async (_name, inputs, problem) => {
    const api = await simulator(100)
    const run = await cpp(api, 'publish-success', inputs)
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('error')
    expect(run.outputs.message).toContain(problem)
    expect(api.requests()).toBe(0)
  })

  it.concurrent('start in a scheduled run is an input error, before any request', async () => {
    const api = await simulator(100)
    const run = await runBundle(
      {
        'publisher-id': 'contoso',
        'offer-id': 'publish-success',
        token: DEFAULT_TOKEN,
        'base-url': api.url,
        start: 'preview',
        mode: 'check'
      },
      undefined,
      { GITHUB_EVENT_NAME: 'schedule' }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('error')
    expect(run.outputs.message).toContain(
      'start is "preview": expected empty in a scheduled run (a schedule would publish again at every tick'
    )
    expect(api.requests()).toBe(0)
  })

  it.concurrent(
    'start with mode: check while another publish runs ends red, not pending: nothing posted, this run not published',
    async () => {
      const api = await simulator(100)
      const published = await publishCpp(api, 'publish-success')
      const run = await cpp(api, 'publish-success', { start: 'preview', mode: 'check' })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.message).toMatch(
        new RegExp(`^This run's publish was not started: operation ${published} `)
      )
      expect(run.outputs.message).toContain('Run this workflow again once it has ended')
      expectStarted(run, false)
      expect(api.startRequests()).toBe(1)
    }
  )

  it.concurrent(
    'start with mode: check posts once and ends pending, naming the operation',
    async () => {
      const api = await simulator(100)
      const run = await cpp(api, 'publish-success', { start: 'preview', mode: 'check' })
      expect(run.code).toBe(0)
      expect(run.outputs.result).toBe('pending')
      expectStarted(run, true)
      expect(run.outputs['operation-id']).toMatch(GUID)
      expect(api.startRequests()).toBe(1)
    }
  )

  it.concurrent('never follows a Location to another origin with the token', async () => {
    // A server that answers the look-up with nothing running and the publish with a Location on
    // another origin; the other origin records what reaches it.
    const reached: string[] = []
    const trap = createServer((req, res) => {
      reached.push(`${req.method ?? ''} ${req.url ?? ''} ${req.headers.authorization ?? ''}`)
      res.end('{}')
    })
    trap.listen(0, '127.0.0.1')
    await once(trap, 'listening')
    const trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`
    const api: Server = createServer((req, res) => {
      if (req.method === 'POST') {
        res.writeHead(202, {
          location: `${trapUrl}/api/publishers/contoso/offers/o/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31`
        })
        return res.end()
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('[]')
    })
    api.listen(0, '127.0.0.1')
    await once(api, 'listening')
    closers.push(
      () => closeServer(trap),
      () => closeServer(api)
    )
    const run = await runBundle({
      'publisher-id': 'contoso',
      'offer-id': 'o',
      token: DEFAULT_TOKEN,
      'base-url': `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
      start: 'preview',
      timeout: '10s'
    })
    expect(run.outputs.result).toBe('error')
    expect(run.outputs.message).toContain('names no operation the gate can watch')
    expect(reached).toEqual([])
    expectTokenHidden(run, DEFAULT_TOKEN)
  })
})

describe('start with the Product Ingestion API', () => {
  it.concurrent(
    'start: preview posts a preview submission, gates on its job, and passes',
    async () => {
      const api = await simulator(2_000)
      const run = await pi(api, 'preview-success', { start: 'preview' })
      expect(run.code).toBe(0)
      expectStarted(run, true)
      expect(run.outputs['operation-id']).toMatch(GUID)
      expect(run.outputs.message).toMatch(/^The preview is ready for go-live: submission /)
      expect(api.startRequests()).toBe(1)
      expect(run.stdout).toMatch(
        /^Started a publish to preview of product\/[0-9a-f-]{36} at [\d-]+ [\d:]+ UTC: configure job [0-9a-f-]{36}\.$/m
      )
      expect(run.summary).toContain(
        'href="https://partner.microsoft.com/dashboard/commercial-marketplace/offers/'
      )
    }
  )

  it.concurrent('start: live takes the ready preview live and waits until it is', async () => {
    const api = await simulator(2_000)
    const run = await pi(api, 'live-success', { start: 'live' })
    expect(run.code).toBe(0)
    expectStarted(run, true)
    expect(run.outputs.message).toMatch(/^The offer is live: submission /)
    expect(run.stdout).toMatch(/taking preview submission submission\/[0-9a-f-]{36}\/\d+ live\.$/m)
    expect(api.startRequests()).toBe(1)
  })

  it.concurrent(
    'start: live before the preview is ready, with if-running: fail, is a clear error and posts nothing',
    async () => {
      const api = await simulator(20)
      await publishOn(api.url, 'preview-success', 'preview')
      const run = await pi(api, 'preview-success', { start: 'live', 'if-running': 'fail' })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.message).toMatch(
        /^start: another publish of product\/[0-9a-f-]{36} is in progress: submission submission\/[0-9a-f-]{36}\/\d+ to preview \((notStarted|running)\/pending\)/
      )
      expect(run.outputs.message).toContain('Nothing was posted')
      expect(api.startRequests()).toBe(1)
    }
  )

  it.concurrent(
    'start while a publish runs (if-running: wait): not started at the timeout, saying which publish ran',
    async () => {
      const api = await simulator(20)
      await publishOn(api.url, 'preview-success', 'preview')
      const run = await pi(api, 'preview-success', { start: 'preview', timeout: '3s' })
      expectStarted(run, false)
      expect(run.outputs.result).toBe('timed-out')
      expect(run.outputs.message).toMatch(
        /^This run's publish was not started: submission submission\/[0-9a-f-]{36}\/\d+ to preview \(/
      )
      expect(run.outputs['waited-for']).toMatch(/^submission\//)
      expect(api.startRequests()).toBe(1)
    }
  )

  it.concurrent(
    'if-running: wait publishes once the running publish is completed, and gates on its own job',
    async () => {
      const api = await simulator(2_000)
      await publishOn(api.url, 'job-ends-first', 'preview')
      const run = await pi(api, 'job-ends-first', { start: 'preview' })
      expect(run.code).toBe(0)
      expectStarted(run, true)
      expect(run.outputs['operation-id']).toMatch(GUID)
      expect(api.startRequests()).toBe(2)
      expect(run.stdout).toMatch(/has ended: starting a publish to preview of this run\./)
    }
  )

  it.concurrent(
    'if-running: attach watches its submissions, posts nothing, started false',
    async () => {
      const api = await simulator(20)
      await publishOn(api.url, 'preview-success', 'preview')
      const run = await pi(api, 'preview-success', {
        start: 'preview',
        'if-running': 'attach',
        timeout: '3s'
      })
      expectStarted(run, false)
      expect(run.outputs['operation-id']).toBe('')
      expect(api.startRequests()).toBe(1)
      expect(run.stdout).toContain(
        'A publish was already running: watching it instead of starting another.'
      )
    }
  )

  it.concurrent(
    'a lost race ("An In Progress submission already exists"): if-running decides, nothing more is posted',
    async () => {
      const api = await simulator(20)
      api.nextStart('race')
      const run = await pi(api, 'preview-success', { start: 'preview', timeout: '3s' })
      expectStarted(run, false)
      expect(run.outputs.message).toMatch(/^This run's publish was not started/)
      expect(api.startRequests()).toBe(1)
    }
  )

  it.concurrent(
    'a 503 on the POST: looks again, finds nothing running, and posts again',
    async () => {
      const api = await simulator(2_000)
      api.nextStart('unavailable')
      const run = await pi(api, 'preview-success', { start: 'preview' })
      expect(run.code).toBe(0)
      expectStarted(run, true)
      expect(api.startRequests()).toBe(2)
    }
  )

  it.concurrent('start with an operation-id is an input error, before any request', async () => {
    const api = await simulator(20)
    const run = await pi(api, 'preview-success', {
      start: 'preview',
      'operation-id': '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
    })
    expect(run.outputs.result).toBe('error')
    expect(run.outputs.message).toContain('expected empty with start: preview')
    expect(api.requests()).toBe(0)
  })
})
