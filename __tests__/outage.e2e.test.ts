// An outage of the API during the wait, through dist/index.js run as a runner runs it, for each
// API: after a first good answer, 503s and dropped connections are ridden out even with
// max-consecutive-errors 2, and the summary says how long the API was unavailable; a server that
// never answered well still ends the run at max-consecutive-errors.

import { afterEach, describe, expect, it } from '@jest/globals'
import { expectTokenHidden, runBundle, type BundleRun } from './fixtures/bundle.js'
import { rawOperation } from './fixtures/cpp.js'
import { cppRoute } from './fixtures/hostile-cpp.js'
import {
  JOB_ID,
  PRODUCT,
  rawJob,
  rawList,
  rawSubmission,
  SUBMISSION_1
} from './fixtures/product-ingestion.js'
import {
  json,
  serveScript,
  type ApiRoute,
  type Reply,
  type Script,
  type ScriptServer
} from './fixtures/script-server.js'

const GUID = '7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a0f'
const TOKEN = 'outage-e2e-token-never-printed'

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

/** A 503 that asks for a retry in a second: the outage goes on without a long backoff. */
const UNAVAILABLE: Reply = json({ error: { code: 'ServiceUnavailable', message: 'down' } }, 503, {
  'retry-after': '1'
})
const DROPPED: Reply = { drop: true }

interface Api {
  name: string
  /** The route of the poll's main request (the operation, or the configure job's status). */
  route: string
  apiRoute: ApiRoute
  inputs: (origin: string) => Record<string, string>
  running: Reply
  succeeded: Reply
  /** Routes that always answer well (the product's submissions). */
  others: Script
}

const piRoute: ApiRoute = (_method, url) =>
  /\/configure\/[^/]+\/status$/.test(url.pathname)
    ? 'job'
    : /\/configure\/[^/]+$/.test(url.pathname)
      ? 'detail'
      : url.pathname.includes('/submission/')
        ? 'submissions'
        : 'product-ingestion'

const APIS: Api[] = [
  {
    name: 'cpp',
    route: 'cpp',
    apiRoute: cppRoute,
    inputs: (origin) => ({
      'publisher-id': 'contoso',
      'offer-id': 'contoso-offer',
      'operation-id': GUID,
      'base-url': origin
    }),
    running: json(rawOperation('running')),
    succeeded: json(rawOperation('succeeded')),
    others: {}
  },
  {
    name: 'product-ingestion',
    route: 'job',
    apiRoute: piRoute,
    inputs: (origin) => ({
      api: 'product-ingestion',
      'offer-id': PRODUCT,
      'operation-id': JOB_ID,
      'base-url': `${origin}/rp/product-ingestion`
    }),
    running: json(rawJob('running', 'pending')),
    succeeded: json(rawJob('completed', 'succeeded', { jobEnd: '2025-03-01T09:00:00Z' })),
    others: {
      // The job's detail names the submission it published: listed, and succeeded.
      detail: [json({ resources: [{ id: SUBMISSION_1, target: { targetType: 'preview' } }] })],
      submissions: [
        json(
          rawList(
            rawSubmission('preview', SUBMISSION_1, 'completed', 'succeeded'),
            rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded')
          )
        )
      ]
    }
  }
]

async function gate(api: Api, answers: Reply[]): Promise<{ run: BundleRun; server: ScriptServer }> {
  const server = await serveScript({ ...api.others, [api.route]: answers }, api.apiRoute)
  closers.push(server.close)
  const run = await runBundle(
    {
      ...api.inputs(server.origin),
      token: TOKEN,
      'wait-for': 'completion',
      'poll-interval': '1s',
      timeout: '60s',
      'max-consecutive-errors': '2'
    },
    (child) => {
      // A build that never gives up is killed, and its test fails instead of hanging.
      const backstop = setTimeout(() => child.kill('SIGKILL'), 45_000)
      child.once('exit', () => clearTimeout(backstop))
      return Promise.resolve()
    }
  )
  return { run, server }
}

describe.each(APIS)('an outage of the API ($name)', (api) => {
  it('after a first answer, rides out dropped connections and 503s past max-consecutive-errors, and the summary says so', async () => {
    const { run, server } = await gate(api, [
      api.running,
      DROPPED,
      DROPPED,
      UNAVAILABLE,
      UNAVAILABLE,
      api.succeeded
    ])
    expect(server.of(api.route)).toHaveLength(6)
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'succeeded', polls: '6' })
    expect(run.stdout).toMatch(/answered again: the outage is over after \d+(\.\d)?s\./)
    // Four failures in a row, none of them counted against the limit of 2, and no warning for a
    // few seconds of outage.
    expect(run.stdout).toMatch(/ API is unavailable; the gate keeps polling until its timeout/)
    expect(run.stdout).toMatch(
      / API has been unavailable for [\d.]+s; the gate keeps polling until its timeout/
    )
    expect(run.stdout).not.toContain('::warning::')
    expect(run.summary).toMatch(
      /The API was unavailable for \d+(\.\d)?s during the wait \(1 outage\); the gate rode it out\./
    )
    expectTokenHidden(run, TOKEN)
  }, 60_000)

  it('without a first answer, still ends in error at max-consecutive-errors', async () => {
    const { run, server } = await gate(api, [UNAVAILABLE, DROPPED, api.running])
    expect(server.of(api.route)).toHaveLength(2)
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'error', polls: '2', requests: '2' })
    expect(run.outputs.message).toMatch(
      /^Gave up after 2 consecutive failed requests \(max-consecutive-errors\)\. The last one: /
    )
    expect(run.summary).not.toContain('unavailable for')
    expectTokenHidden(run, TOKEN)
  }, 60_000)
})
