// The shipped dist/index.js, started the way a runner starts it (INPUT_* variables, GITHUB_OUTPUT
// and GITHUB_STEP_SUMMARY files), against a scripted CPP server on loopback.

import { afterEach, describe, expect, it } from '@jest/globals'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expectTokenHidden, logShows, runBundle, type BundleRun } from './fixtures/bundle.js'
import { rawOperation, rawSteps } from './fixtures/cpp.js'
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
).version
const GUID = '408a4835-0000-1000-0000-000000000000'
const TOKEN = 'e2e-secret-token-5f2c9a'

type Reply = (req: IncomingMessage, res: ServerResponse) => void
const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(JSON.stringify(body))
  }

let server: Server | undefined
afterEach(async () => {
  if (server) {
    server.closeAllConnections()
    server.close()
    await once(server, 'close')
    server = undefined
  }
})

/** Serves the replies in order (the last one repeats) and records what was asked. */
async function serve(replies: Reply[]) {
  const seen: Array<{ url: string; authorization?: string; userAgent?: string }> = []
  server = createServer((req, res) => {
    seen.push({
      url: req.url ?? '',
      authorization: req.headers.authorization,
      userAgent: req.headers['user-agent']
    })
    const reply = replies.length > 1 ? replies.shift() : replies[0]
    reply?.(req, res)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

/** The bundle with this file's publisher, offer and token. */
const gate = (
  inputs: Record<string, string>,
  whileRunning?: Parameters<typeof runBundle>[1]
): Promise<BundleRun> =>
  runBundle(
    { 'publisher-id': 'contoso', 'offer-id': 'contoso-offer', token: TOKEN, ...inputs },
    whileRunning
  )

const running = rawOperation(
  'running',
  rawSteps({ displaycertify: { status: 'InProgress', progressPercentage: 30 } })
)

describe('dist/index.js on a runner', () => {
  it('waits through a 503 and a 429 with Retry-After, then passes on preview ready', async () => {
    const api = await serve([
      json([running]),
      json({ error: { code: 'ServiceUnavailable', message: 'try again later' } }, 503),
      json({}, 429, { 'retry-after': '1' }),
      json(
        rawOperation(
          'running',
          rawSteps({ 'publisher-signoff': { status: 'waitingForPublisherReview' } })
        )
      )
    ])
    const run = await gate({
      'base-url': api.origin,
      'operation-id': `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}?api-version=2017-10-31`,
      'wait-for': 'preview',
      'poll-interval': '1s'
    })
    expect(run.code).toBe(0)
    // No api input: api auto chose the CPP API from publisher-id, and the log says so first.
    expect(run.stdout.split('\n').find((line) => line !== '' && !line.startsWith('::'))).toBe(
      'Using the CPP API (api auto: publisher-id is set and operation-id is a CPP operation address).'
    )
    expect(run.outputs).toMatchObject({
      result: 'succeeded',
      polls: '4',
      'step-publisher-signoff-status': 'waiting'
    })
    expect(api.seen).toHaveLength(4)
    expect(api.seen[0]).toEqual({
      url: `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}?api-version=2017-10-31`,
      authorization: `Bearer ${TOKEN}`,
      // The bundle carries package.json's version (check-dist keeps dist/ in step with it).
      userAgent: `marketplace-publish-gate/${PACKAGE_VERSION}`
    })
    // After the first answer an outage does not count toward max-consecutive-errors.
    expect(run.stdout).toContain(
      'Request failed: HTTP 503: ServiceUnavailable: try again later. The CPP API is unavailable; the gate keeps polling until its timeout.'
    )
    expect(run.summary).toMatch(/The API was unavailable for [\d.]+s during the wait \(1 outage\)/)
    expect(run.summary).toContain('✅ Publish gate: contoso / contoso-offer: succeeded')
    expectTokenHidden(run, TOKEN)
  }, 20_000)

  it('fails with the blocked step, its messages and an annotation', async () => {
    const blocked = rawOperation(
      'running',
      rawSteps({
        displaycertify: {
          status: 'blocked',
          messages: [
            { messageHtml: 'No virtual machine image was found for the plan.', level: 'error' }
          ]
        }
      })
    )
    const api = await serve([json([blocked])])
    const run = await gate({ 'base-url': api.origin, 'operation-id': GUID })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'blocked', 'failed-step': 'displaycertify' })
    expect(run.stdout).toContain(
      '::error title=Certification%3A blocked::Certification is blocked: No virtual machine image was found for the plan.'
    )
    expectTokenHidden(run, TOKEN)
  }, 20_000)

  it('times out honestly at the deadline, naming the step in progress', async () => {
    const api = await serve([json(running)])
    const started = Date.now()
    const run = await gate({
      'base-url': api.origin,
      'operation-id': GUID,
      timeout: '2s',
      'poll-interval': '1s'
    })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('timed-out')
    expect(run.outputs.message).toBe(
      'Timed out after 2s. Last status: running; step Certification running at 30%.'
    )
  }, 20_000)

  it('stops at a 404 with what to check, and the correlation id', async () => {
    const api = await serve([
      json({ error: { code: 'NotFound', message: 'no such offer' } }, 404, {
        'x-ms-correlation-request-id': 'c0ffee'
      })
    ])
    const run = await gate({ 'base-url': api.origin, 'operation-id': GUID })
    expect(run.code).toBe(1)
    expect(api.seen).toHaveLength(1)
    expect(run.outputs.message).toBe(
      'The CPP API found nothing at this address (HTTP 404). The API said: NotFound: no such offer. Check publisher-id, offer-id and operation-id. (x-ms-correlation-request-id: c0ffee)'
    )
  }, 20_000)

  it('reports bad inputs without making a request', async () => {
    const api = await serve([json(running)])
    const run = await gate({
      'base-url': api.origin,
      'operation-id': `https://evil.example/api/operations/contoso$contoso-offer$2$preview`,
      'poll-interval': '5'
    })
    expect(run.code).toBe(1)
    expect(api.seen).toHaveLength(0)
    expect(run.outputs.result).toBe('error')
    expect(run.stdout).toContain('::error::Invalid inputs:')
    expect(run.outputs.message).toContain('poll-interval is "5": expected a unit')
    expect(run.outputs.message).toContain(`expected a URL on base-url's origin ${api.origin}`)
    expectTokenHidden(run, TOKEN)
  }, 20_000)

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'on %s mid-poll writes outputs and the summary within 5 s and exits non-zero',
    async (signal) => {
      const api = await serve([json(running)])
      let signalled = 0
      const run = await gate(
        { 'base-url': api.origin, 'operation-id': GUID, 'poll-interval': '30s' },
        async (child, stdout) => {
          await logShows(stdout, 'Step Certification')
          signalled = Date.now()
          child.kill(signal)
        }
      )
      expect(Date.now() - signalled).toBeLessThan(5_000)
      expect(run.code).not.toBe(0)
      expect(run.outputs).toMatchObject({
        result: 'interrupted',
        status: 'running',
        'step-displaycertify-progress': '30'
      })
      expect(run.summary).toContain('⏹️ Publish gate: contoso / contoso-offer: interrupted')
      expect(run.summary).toContain('Last status: running; step Certification running at 30%.')
      expect(api.seen).toHaveLength(1)
      expectTokenHidden(run, TOKEN)
    },
    20_000
  )
})
