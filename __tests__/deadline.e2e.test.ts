// The gate's promises about time, through dist/index.js run as a runner runs it, against loopback
// servers that accept a connection and never answer: with `timeout: 5s` the process ends by itself
// within the timeout and two seconds, whatever stalls; after SIGTERM it writes its outputs and
// summary and exits within two seconds; and a SIGTERM at the very start still yields outputs.
// The bounds are checked with a backstop kill well past them (so a loaded machine cannot make a
// passing gate fail), and the elapsed times are asserted with the same slack.

import { afterEach, describe, expect, it } from '@jest/globals'
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expectTokenHidden, runBundle, type BundleRun } from './fixtures/bundle.js'
import { rawOperation } from './fixtures/cpp.js'

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT_ID = '0b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9'
const TOKEN = 'deadline-test-token-never-printed'
const TIMEOUT_MS = 5_000
/** What the gate promises on top of its timeout, or after a signal. */
const GRACE_MS = 2_000
/** Room for starting Node and the bundle on a loaded 2-core machine. */
const SLACK_MS = 1_500

type Stall = 'checks-create' | 'checks-update' | 'azure-ad' | 'oidc'

interface Fake {
  url: string
  /** Requests that reached a stalled endpoint and were never answered. */
  stalled: string[]
  close: () => Promise<void>
}

let fake: Fake | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

/**
 * One loopback server for every party the gate talks to: the CPP API (an operation that keeps
 * running), Azure AD, the runner's OIDC token service and GitHub's Checks API. The endpoint named
 * by `stall` accepts the request and never answers.
 */
async function startFake(stall: Stall): Promise<Fake> {
  const stalled: string[] = []
  const held: ServerResponse[] = []
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume()
    const path = new URL(req.url ?? '/', 'http://fake').pathname
    const route =
      req.method === 'POST' && path.endsWith('/oauth2/v2.0/token')
        ? 'azure-ad'
        : path === '/oidc'
          ? 'oidc'
          : req.method === 'POST' && path.endsWith('/check-runs')
            ? 'checks-create'
            : req.method === 'PATCH' && /\/check-runs\/\d+$/.test(path)
              ? 'checks-update'
              : 'cpp'
    if (route === stall) {
      stalled.push(`${req.method ?? ''} ${path}`)
      held.push(res)
      return
    }
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (route === 'azure-ad') return json(200, { access_token: TOKEN, expires_in: 3600 })
    if (route === 'oidc') return json(200, { value: 'header.payload.signature' })
    if (route === 'checks-create')
      return json(201, { id: 7, html_url: 'https://github.com/contoso/offer/runs/7' })
    if (route === 'checks-update') return json(200, { id: 7 })
    json(200, rawOperation('running'))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stalled,
    close: () =>
      new Promise((resolve) => {
        for (const res of held) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** The inputs and environment that make the gate meet the stalled endpoint. */
function setup(url: string, stall: Stall) {
  const inputs: Record<string, string> = {
    'publisher-id': 'contoso',
    'offer-id': 'offer',
    'operation-id': GUID,
    'base-url': url,
    timeout: `${TIMEOUT_MS / 1000}s`,
    'poll-interval': '1s'
  }
  const env: Record<string, string> = {}
  if (stall === 'azure-ad' || stall === 'oidc') {
    Object.assign(inputs, { 'tenant-id': TENANT, 'client-id': CLIENT_ID, 'authority-host': url })
    if (stall === 'azure-ad') inputs['client-secret'] = 'client-secret-never-printed'
    else {
      env.ACTIONS_ID_TOKEN_REQUEST_URL = `${url}/oidc?api-version=2.0`
      env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'oidc-request-token'
    }
  } else {
    Object.assign(inputs, { token: TOKEN, 'check-name': 'Publish gate', 'github-token': 'ghs_x' })
    Object.assign(env, {
      GITHUB_API_URL: url,
      GITHUB_REPOSITORY: 'contoso/offer',
      GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
    })
  }
  return { inputs, env }
}

interface Timed {
  run: BundleRun
  /** From spawn to exit. */
  ms: number
  /** From the signal to exit, when one was sent. */
  afterSignalMs?: number
}

/**
 * Runs the bundle and kills it with SIGKILL at `backstopMs` if it is still running then: a gate
 * that breaks its promise ends with `signal: 'SIGKILL'` and no outputs, as on a runner.
 */
async function timedRun(
  inputs: Record<string, string>,
  env: Record<string, string>,
  backstopMs: number,
  signalWhen?: () => boolean
): Promise<Timed> {
  const started = performance.now()
  let signalledAt: number | undefined
  const run = await runBundle(
    inputs,
    async (child) => {
      const backstop = setTimeout(() => child.kill('SIGKILL'), backstopMs)
      child.once('exit', () => clearTimeout(backstop))
      if (signalWhen === undefined) return
      for (let i = 0; i < 400 && !signalWhen() && child.exitCode === null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      signalledAt = performance.now()
      child.kill('SIGTERM')
    },
    env
  )
  const ended = performance.now()
  return {
    run,
    ms: ended - started,
    ...(signalledAt === undefined ? {} : { afterSignalMs: ended - signalledAt })
  }
}

const STALLS: Array<[Stall, string]> = [
  ['checks-create', 'the Checks API never answers the creation of the check run'],
  ['checks-update', 'the Checks API never answers an update of the check run'],
  ['azure-ad', 'the Azure AD token endpoint never answers'],
  ['oidc', "the runner's OIDC token endpoint never answers"]
]

describe('the deadline holds for every request', () => {
  it.concurrent.each(STALLS)(
    'ends by itself within timeout + 2 s when %s (%s)',
    async (stall) => {
      const server = await startFake(stall)
      const closers = [server]
      try {
        const { inputs, env } = setup(server.url, stall)
        const { run, ms } = await timedRun(inputs, env, TIMEOUT_MS + GRACE_MS + 10_000)
        expect(server.stalled.length).toBeGreaterThan(0)
        expect(run.signal).toBeNull()
        expect(ms).toBeLessThan(TIMEOUT_MS + GRACE_MS + SLACK_MS)
        expect(run.code).toBe(1)
        // The check run is given up; the gate's own verdict stands on its own evidence.
        expect(run.outputs.result).toBe('timed-out')
        expect(run.summary).toContain('Publish gate: contoso / offer: timed-out')
        if (stall.startsWith('checks')) {
          expect(run.stdout).toMatch(
            /^::warning::Could not (create|complete) the check run "Publish gate": GitHub did not answer within [\d.]+s( of the end of the wait)?, so it was given up/m
          )
        }
        expectTokenHidden(run, TOKEN)
      } finally {
        for (const each of closers) await each.close()
      }
    },
    30_000
  )
})

describe('a signal during a stall', () => {
  it.concurrent.each(STALLS)(
    'SIGTERM while %s: outputs and the summary are written, and the gate exits within 2 s',
    async (stall) => {
      const server = await startFake(stall)
      try {
        const { inputs, env } = setup(server.url, stall)
        // A long timeout: only the signal can end this run in time.
        inputs.timeout = '10m'
        const { run, afterSignalMs } = await timedRun(
          inputs,
          env,
          60_000,
          () => server.stalled.length > 0
        )
        expect(server.stalled.length).toBeGreaterThan(0)
        expect(run.signal).toBeNull()
        expect(afterSignalMs).toBeLessThan(GRACE_MS + SLACK_MS)
        expect(run.code).toBe(1)
        expect(run.outputs.result).toBe('interrupted')
        expect(run.summary).toContain('Publish gate: contoso / offer: interrupted')
      } finally {
        await server.close()
      }
    },
    90_000
  )
})

describe('signals from the first moment', () => {
  it('a SIGTERM that arrives while the gate is still loading yields outputs with result interrupted', async () => {
    const server = await startFake('checks-update')
    fake = server
    const { inputs, env } = setup(server.url, 'checks-update')
    const preload = new URL('./fixtures/sigterm-on-load.mjs', import.meta.url).href
    const run = await runBundle(inputs, undefined, env, ['--import', preload])
    expect(run.signal).toBeNull()
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('interrupted')
    expect(run.summary).toContain('Publish gate: contoso / offer: interrupted')
  }, 30_000)
})
