// Soak tests: the poll loop against the real simulator for hundreds of polls with 30 % of requests
// failing, in virtual time. One clock drives the simulator's operation and the gate's waits, so
// hours of publishing take seconds, and every request is real HTTP on loopback.

import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from '@jest/globals'
import { staticToken } from '../src/net/token-source.js'
import { BACKOFF_CAP_MS, BACKOFF_JITTER, MIN_RETRY_AFTER_MS } from '../src/constants.js'
import { ApiClient } from '../src/net/api-client.js'
import { cppBackend } from '../src/backends/cpp/index.js'
import type { Outcome } from '../src/model/outcome.js'
import { poll } from '../src/gate/poll.js'
import type { WaitFor } from '../src/gate/verdict.js'
import { API_VERSION, DEFAULT_TOKEN, startSimulator, type Simulator } from '../simulator/server.ts'

/** The 2 h the documentation gives certification, and more: the clock starts here. */
const START = Date.UTC(2025, 2, 3, 9, 0, 0)
const FAULT_RATE = 0.3
/** The action's default for max-consecutive-errors. */
const MAX_CONSECUTIVE_ERRORS = 5
/** A flaky publish reaches sign-off after 600 + 7200 + 3600 + 1800 simulated seconds. */
const SIGNOFF_MS = 13_200_000
/** certification-blocked stops at 40 % of its 7200 s certification, after 600 s of validation. */
const BLOCKED_MS = (600 + 0.4 * 7_200) * 1_000

let closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.reverse()) await close()
  closers = []
})

/** A seeded generator (mulberry32), so that a soak's jitter is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

async function publish(baseUrl: string, offer: string): Promise<string> {
  const response = await fetch(
    `${baseUrl}/api/publishers/contoso/offers/${offer}/publish?api-version=${API_VERSION}`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Content-Type': 'application/json' },
      body: '{}'
    }
  )
  expect(response.status).toBe(202)
  return response.headers.get('location') ?? ''
}

interface Soak {
  outcome: Outcome
  elapsedMs: number
  /** Every wait the gate chose, in order. */
  sleeps: number[]
  /** [reason, consecutive failures, delay] per failed request. */
  retries: Array<[string, number, number]>
  snapshots: number
}

/**
 * Runs the gate's poll loop the way main.ts wires it (the CPP backend's watcher, on an ApiClient
 * with the token input), with `sleep` moving the shared virtual clock instead of waiting.
 */
async function soak(
  baseUrl: string,
  offer: string,
  clock: { now: number },
  intervalMs: number,
  waitFor: WaitFor
): Promise<Soak> {
  const location = await publish(baseUrl, offer)
  const inputs: Record<string, string> = {
    'publisher-id': 'contoso',
    'offer-id': offer,
    'operation-id': location
  }
  const watch = cppBackend.readWatch(
    (name) => inputs[name] ?? '',
    (name, _value, expected) => {
      throw new Error(`the simulator's ${name} was refused: ${expected}`)
    },
    { origin: baseUrl, apiVersion: API_VERSION, pollIntervalMs: intervalMs }
  )
  const client = new ApiClient({
    tokens: staticToken(DEFAULT_TOKEN, cppBackend.resource),
    wording: cppBackend.wording,
    now: () => clock.now
  })
  const watcher = watch.watcher({ client, info: () => undefined })
  const started = clock.now
  const timeoutMs = 6 * 3_600_000
  const sleeps: number[] = []
  const retries: Array<[string, number, number]> = []
  let snapshots = 0
  const outcome = await poll(
    {
      waitFor,
      rules: cppBackend.readyRules,
      deadline: started + timeoutMs,
      timeoutMs,
      intervalMs,
      maxConsecutiveErrors: MAX_CONSECUTIVE_ERRORS,
      once: false,
      strictInterval: cppBackend.strictInterval
    },
    {
      fetch: (budget) => watcher.poll(budget),
      clock: {
        now: () => clock.now,
        wall: () => clock.now,
        sleep: (ms) => {
          sleeps.push(ms)
          clock.now += ms
          return Promise.resolve()
        }
      },
      random: seeded(7),
      signal: new AbortController().signal,
      requests: () => client.requests,
      onSnapshot: () => snapshots++,
      onRetry: ({ reason, failures, delayMs }) => retries.push([reason, failures, delayMs]),
      onRecovered: () => undefined,
      warn: (line) => {
        throw new Error(`unexpected warning: ${line}`)
      }
    }
  )
  // No unhandled rejection: jest-circus replaces the process's 'unhandledRejection' listeners
  // with its own and fails the test a rejection happens in (a listener registered here would sit
  // on the sandbox's copy of `process` and never hear of it). Give a rejection left behind by the
  // last request the time to surface while this test is still running.
  await new Promise((resolve) => setTimeout(resolve, 20))
  return { outcome, elapsedMs: clock.now - started, sleeps, retries, snapshots }
}

/**
 * The waits src/poll.ts promises, checked one by one: after an answer, exactly the interval; after
 * a failure with Retry-After, that (never under MIN_RETRY_AFTER_MS); after one without, backoff():
 * interval · 2^(failures − 1), capped at max(BACKOFF_CAP_MS, interval), ± BACKOFF_JITTER.
 */
function expectPromisedWaits(run: Soak, intervalMs: number): void {
  const { sleeps, retries } = run
  // Every poll but the last was followed by a wait; virtual time moved only by waiting.
  expect(sleeps).toHaveLength(run.outcome.polls - 1)
  expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(run.elapsedMs)
  const failureWaits = retries.map(([, , delayMs]) => delayMs)
  for (const [reason, failures, delayMs] of retries) {
    if (/^HTTP 429/.test(reason)) {
      expect(delayMs).toBe(Math.max(MIN_RETRY_AFTER_MS, 1_000))
    } else {
      const base = Math.min(Math.max(BACKOFF_CAP_MS, intervalMs), intervalMs * 2 ** (failures - 1))
      expect(delayMs).toBeGreaterThanOrEqual(Math.round(base * (1 - BACKOFF_JITTER)))
      expect(delayMs).toBeLessThanOrEqual(Math.round(base * (1 + BACKOFF_JITTER)))
    }
  }
  const answered = run.snapshots
  expect(answered + retries.length).toBe(run.outcome.polls)
  // Waits after answers are the interval, exactly: the rest of the time went to failures.
  const failureTime = failureWaits.reduce((sum, ms) => sum + ms, 0)
  expect(run.elapsedMs).toBe((answered - 1) * intervalMs + failureTime)

  // The bound on requests: no wait is shorter than the shortest the gate can choose, so
  // polls ≤ elapsed / shortest + 1, with shortest = min(MIN_RETRY_AFTER_MS, interval · (1 − jitter)).
  const shortest = Math.min(MIN_RETRY_AFTER_MS, Math.round(intervalMs * (1 - BACKOFF_JITTER)))
  expect(Math.min(...sleeps)).toBeGreaterThanOrEqual(shortest)
  expect(run.outcome.polls).toBeLessThanOrEqual(Math.floor(run.elapsedMs / shortest) + 1)
  // Sharper, with the failures in a row the run saw (f): answers come at most every interval, and
  // each is followed by at most f failed requests, so polls ≤ (f + 1) · (elapsed / interval + 1).
  const inARow = Math.max(0, ...retries.map(([, failures]) => failures))
  expect(run.outcome.polls).toBeLessThanOrEqual(
    (inARow + 1) * (Math.floor(run.elapsedMs / intervalMs) + 1)
  )
  // And from below: no wait is longer than the longest backoff after f failures in a row.
  const longest = Math.round(
    Math.max(
      intervalMs,
      Math.min(Math.max(BACKOFF_CAP_MS, intervalMs), intervalMs * 2 ** Math.max(0, inARow - 1)) *
        (1 + BACKOFF_JITTER)
    )
  )
  expect(Math.max(...sleeps)).toBeLessThanOrEqual(longest)
  expect(run.outcome.polls).toBeGreaterThanOrEqual(Math.ceil(run.elapsedMs / longest) + 1)
}

/** How the client words a connection dropped before or during the answer. */
const DROPPED = /socket hang up|ECONNRESET|the connection closed before the response was complete/

/** The simulator's log lines: `GET <url> → 429 (0 ms)`, `GET <url> → connection dropped`. */
function faultsIn(lines: string[]) {
  const count = (pattern: RegExp) => lines.filter((line) => pattern.test(line)).length
  return {
    tooMany: count(/^GET .* → 429 \(/),
    unavailable: count(/^GET .* → 503 \(/),
    dropped: count(/^GET .* → connection dropped$/)
  }
}

/**
 * A loopback proxy that fails a share of GETs the way the simulator's flaky scenario does (429
 * with Retry-After: 1, a 503 HTML page, a connection dropped mid-body; at most two in a row), for
 * scenarios the simulator does not make flaky itself.
 */
async function faultyProxy(
  upstream: string,
  rate: number,
  seed: number
): Promise<{ url: string; requests: () => number; faults: string[] }> {
  const random = seeded(seed)
  const faults: string[] = []
  let requests = 0
  let inARow = 0
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const out = request(
      `${upstream}${req.url ?? '/'}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    out.on('error', () => res.destroy())
    req.pipe(out)
  }
  const server = createServer((req, res) => {
    requests++
    if (req.method !== 'GET' || inARow >= 2 || random() >= rate) {
      inARow = 0
      return forward(req, res)
    }
    inARow++
    const kind = (['429', '503', 'drop'] as const)[faults.length % 3]
    faults.push(kind)
    if (kind === '429') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' })
      res.end('{"error":{"code":"TooManyRequests","message":"Rate limit exceeded."}}')
    } else if (kind === '503') {
      res.writeHead(503, { 'content-type': 'text/html' })
      res.end('<html><body><h1>Service Unavailable</h1></body></html>')
    } else {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"status":"runn')
      req.socket.destroy()
    }
  })
  server.listen(0, '127.0.0.1')
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  )
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, requests: () => requests, faults }
}

async function simulator(clock: { now: number }, lines: string[], speed = 1): Promise<Simulator> {
  const api = await startSimulator({
    speed,
    faultRate: FAULT_RATE,
    seed: 42,
    now: () => clock.now,
    log: (line) => lines.push(line)
  })
  closers.push(() => api.close())
  return api
}

describe('soak: the gate against the simulator at a 30 % fault rate, in virtual time', () => {
  it('flaky: passes at sign-off after hundreds of polls through 429s, 503s and dropped connections', async () => {
    const clock = { now: START }
    const lines: string[] = []
    const api = await simulator(clock, lines)
    const intervalMs = 30_000

    const run = await soak(api.url, 'flaky', clock, intervalMs, { kind: 'ready', rule: 'preview' })

    expect(run.outcome.result).toBe('succeeded')
    expect(run.outcome.message).toBe(
      'The preview is ready for go-live: Publisher signoff is waiting.'
    )
    // Not before sign-off, and at the first answer after it (at most two faults and a wait late).
    expect(run.elapsedMs).toBeGreaterThanOrEqual(SIGNOFF_MS)
    expect(run.elapsedMs).toBeLessThan(SIGNOFF_MS + intervalMs + 2 * 2 * intervalMs * 1.25)
    expect(run.outcome.polls).toBeGreaterThan(400)
    // Every request the gate made reached the simulator, and nothing else did but the publish.
    expect(api.requests()).toBe(run.outcome.polls + 1)
    expectPromisedWaits(run, intervalMs)

    const faults = faultsIn(lines)
    expect(faults.tooMany).toBeGreaterThan(0)
    expect(faults.unavailable).toBeGreaterThan(0)
    expect(faults.dropped).toBeGreaterThan(0)
    expect(run.retries).toHaveLength(faults.tooMany + faults.unavailable + faults.dropped)
    expect(run.retries.length / run.outcome.polls).toBeGreaterThan(0.15)
    const reasons = run.retries.map(([reason]) => reason)
    expect(reasons.filter((reason) => reason.startsWith('HTTP 429: TooManyRequests'))).toHaveLength(
      faults.tooMany
    )
    expect(
      reasons.filter((reason) => reason.startsWith('HTTP 503: Service Unavailable'))
    ).toHaveLength(faults.unavailable)
    expect(reasons.filter((reason) => DROPPED.test(reason))).toHaveLength(faults.dropped)
    expect(Math.max(...run.retries.map(([, failures]) => failures))).toBeLessThan(
      MAX_CONSECUTIVE_ERRORS
    )
  }, 30_000)

  it('certification-blocked: fails as blocked after hundreds of polls through the same faults', async () => {
    const clock = { now: START }
    const lines: string[] = []
    const api = await simulator(clock, lines)
    // The simulator injects faults only in its flaky scenario; a proxy injects them here.
    const proxy = await faultyProxy(api.url, FAULT_RATE, 42)
    const intervalMs = 10_000

    const run = await soak(proxy.url, 'certification-blocked', clock, intervalMs, {
      kind: 'ready',
      rule: 'preview'
    })

    expect(run.outcome).toMatchObject({
      result: 'blocked',
      failedStep: { id: 'displaycertify', status: 'blocked' }
    })
    expect(run.outcome.message).toContain(
      'Certification is blocked: No virtual machine image was found for the plan gen2.'
    )
    expect(run.elapsedMs).toBeGreaterThanOrEqual(BLOCKED_MS)
    expect(run.elapsedMs).toBeLessThan(BLOCKED_MS + intervalMs + 2 * 2 * intervalMs * 1.25)
    expect(run.outcome.polls).toBeGreaterThan(300)
    expect(proxy.requests()).toBe(run.outcome.polls + 1)
    expect(api.requests()).toBe(run.outcome.polls + 1 - proxy.faults.length)
    expectPromisedWaits(run, intervalMs)

    expect(new Set(proxy.faults)).toEqual(new Set(['429', '503', 'drop']))
    const reasons = run.retries.map(([reason]) => reason)
    expect(reasons.filter((reason) => reason.startsWith('HTTP 429'))).toHaveLength(
      proxy.faults.filter((kind) => kind === '429').length
    )
    expect(reasons.filter((reason) => reason.startsWith('HTTP 503'))).toHaveLength(
      proxy.faults.filter((kind) => kind === '503').length
    )
    expect(reasons.filter((reason) => DROPPED.test(reason))).toHaveLength(
      proxy.faults.filter((kind) => kind === 'drop').length
    )
    expect(run.retries).toHaveLength(proxy.faults.length)
    expect(run.retries.length / run.outcome.polls).toBeGreaterThan(0.15)
  }, 30_000)
})
