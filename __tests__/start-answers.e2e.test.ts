// `start` against answers the simulator does not give, through dist/index.js run as a runner runs
// it: loopback script servers that answer the POST with text, a cut-off body, a 500, a reset, no
// Location, a hostile Location, a 401 or a 403, or hold it until a SIGTERM comes; and look-ups
// that lag, or list running publishes the gate must not miss. Each test counts the POSTs the
// server received: at most one publish request per run, whatever the answers say.

import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { expectTokenHidden, runBundle, type BundleRun } from './fixtures/bundle.js'
import { rawOperation, rawSteps } from './fixtures/cpp.js'
import { cppRoute } from './fixtures/hostile-cpp.js'
import {
  JOB_ID,
  PRODUCT,
  rawDraft,
  rawJob,
  rawList,
  rawSubmission,
  SUBMISSION_1,
  SUBMISSION_2
} from './fixtures/product-ingestion.js'
import {
  json,
  serveScript,
  type Answer,
  type ApiRoute,
  type Reply,
  type Script,
  type ScriptServer
} from './fixtures/script-server.js'

jest.setTimeout(60_000)

const TOKEN = 'start-answers-token-never-printed'
const OFFER = 'contoso-offer'
const OPERATIONS = `/api/publishers/contoso/offers/${OFFER}/operations`
/** The operation a CPP test's POST starts, and others already running. */
const OWN = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c'
const OTHER = '8e7d6c5b-4a39-4281-9f0e-d1c2b3a4f5e6'
const GO_LIVE = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'

const closers: Array<() => Promise<void>> = []
afterAll(async () => {
  await Promise.all(closers.map((close) => close()))
})

/** The POST that starts a publish is route `post`; the rest as the API's own routes. */
const cppRoutes: ApiRoute = (method, url) => (method === 'POST' ? 'post' : cppRoute(method, url))
const piRoutes: ApiRoute = (method, url) =>
  method === 'POST' && /\/configure\/?$/.test(url.pathname)
    ? 'post'
    : /\/configure\/[^/]+\/status$/.test(url.pathname)
      ? 'job'
      : /\/configure\/[^/]+$/.test(url.pathname)
        ? 'detail'
        : url.pathname.includes('/submission/')
          ? 'submissions'
          : 'product-ingestion'

interface Played {
  run: BundleRun
  server: ScriptServer
  posts: number
}

/**
 * Serves the script (built with a way to count the POSTs received so far) and runs the gate with
 * `start` against it. `whileRunning` may signal the child; a gate that never ends is killed.
 */
async function play(
  api: 'cpp' | 'product-ingestion',
  script: (posts: () => number) => Script,
  inputs: Record<string, string>,
  whileRunning?: (
    server: ScriptServer,
    child: import('node:child_process').ChildProcess
  ) => Promise<void>
): Promise<Played> {
  const box: { server?: ScriptServer } = {}
  const posts = (): number => box.server?.of('post').length ?? 0
  const server = await serveScript(script(posts), api === 'cpp' ? cppRoutes : piRoutes)
  box.server = server
  closers.push(server.close)
  const run = await runBundle(
    {
      ...(api === 'cpp'
        ? { 'publisher-id': 'contoso', 'offer-id': OFFER, 'base-url': server.origin }
        : {
            api: 'product-ingestion',
            'offer-id': PRODUCT,
            'base-url': `${server.origin}/rp/product-ingestion`
          }),
      token: TOKEN,
      start: 'preview',
      'poll-interval': '1s',
      timeout: '30s',
      ...inputs
    },
    async (child) => {
      const backstop = setTimeout(() => child.kill('SIGKILL'), 50_000)
      child.once('exit', () => clearTimeout(backstop))
      if (whileRunning) await whileRunning(server, child)
    }
  )
  expectTokenHidden(run, TOKEN)
  return { run, server, posts: server.of('post').length }
}

/** No line of the log is a runner command the gate did not mean (only its own error and mask). */
function expectNoPlantedCommand(run: BundleRun, planted: string): void {
  for (const line of run.stdout.split('\n')) expect(line.startsWith(planted)).toBe(false)
}

// Product Ingestion: the released offer (one submission, preview and live), and the new one.
const RELEASED = rawList(
  rawDraft,
  rawSubmission('preview', SUBMISSION_1, 'completed', 'succeeded', '2025-02-01T08:00:00Z'),
  rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded', '2025-02-01T08:00:00Z')
)
function withNew(status: string, result: string): unknown {
  return rawList(
    rawDraft,
    rawSubmission('preview', SUBMISSION_2, status, result, '2025-03-01T08:01:00Z'),
    rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded', '2025-02-01T08:00:00Z')
  )
}
/** This run's publish, once listed: queued, running, then certified. */
const APPEARS = [
  withNew('notStarted', 'pending'),
  withNew('running', 'pending'),
  withNew('completed', 'succeeded')
]

/**
 * A list read after reads: the released offer until the POST came and `lag` more reads went by,
 * then `after` in turn (its last repeating); with `after` empty, the released offer for ever.
 */
function lagging(posts: () => number, lag: number, after: unknown[]): Answer {
  let reads = 0
  return () => {
    if (posts() === 0) return json(RELEASED)
    reads++
    if (reads <= lag || after.length === 0) return json(RELEASED)
    return json(after[Math.min(reads - lag - 1, after.length - 1)])
  }
}

const CUT_OFF: Reply = {
  status: 202,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  text: `{"$schema":"https://schema.mp.microsoft.com/schema/configure-status/2022-07-01","jobId":"${JOB_ID.slice(0, 13)}`
}
const TEXT: Reply = { status: 202, text: 'Accepted' }
const SERVER_ERROR: Reply = json(
  { error: { code: 'internalServerError', message: 'An unexpected error occurred.' } },
  500
)

describe('start with the Product Ingestion API: a POST accepted or lost is never sent again', () => {
  it.concurrent.each<[string, Reply]>([
    ['a 202 with a text body', TEXT],
    ['a 202 with a JSON body cut off', CUT_OFF]
  ])(
    '%s: one POST, the new submission appears two look-ups later and is attached to as this run’s',
    async (_name, accepted) => {
      const { run, posts } = await play(
        'product-ingestion',
        (count) => ({ post: [accepted], submissions: [lagging(count, 2, APPEARS)] }),
        {}
      )
      expect(posts).toBe(1)
      expect(run.outputs.started).toBe('true')
      expect(run.outputs['waited-for']).toBe(SUBMISSION_2)
      expect(run.outputs.result).toBe('succeeded')
      expect(run.stdout).toContain('its answer names nothing to watch')
      expect(run.stdout).toContain('(its answer named nothing to watch): found submission')
    }
  )

  it.concurrent.each<[string, Reply]>([
    ['a 202 with a text body', TEXT],
    ['a 202 with a JSON body cut off', CUT_OFF]
  ])(
    '%s, and nothing appears: one POST, an error saying the answer named no job',
    async (_name, accepted) => {
      const { run, posts } = await play(
        'product-ingestion',
        (count) => ({ post: [accepted], submissions: [lagging(count, 0, [])] }),
        {}
      )
      expect(posts).toBe(1)
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.started).toBe('false')
      expect(run.outputs.message).toMatch(
        /start: the API accepted a publish to preview at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, but its answer named nothing to watch, and after \d+ look-ups no publish of product\/[0-9a-f-]{36} is listed\. It was not sent again\./
      )
      expect(run.outputs.message).toContain('look in Partner Center')
    }
  )

  it.concurrent.each<[string, Reply]>([
    ['a 500', SERVER_ERROR],
    ['a connection reset', { drop: true }]
  ])(
    '%s after the server took the POST, with a list that lags two look-ups: one POST, then attached, started true',
    async (_name, lost) => {
      const { run, posts } = await play(
        'product-ingestion',
        (count) => ({ post: [lost], submissions: [lagging(count, 2, APPEARS)] }),
        {}
      )
      expect(posts).toBe(1)
      expect(run.outputs.started).toBe('true')
      expect(run.outputs['waited-for']).toBe(SUBMISSION_2)
      expect(run.outputs.result).toBe('succeeded')
      expect(run.stdout).toContain('it is never sent again in this run')
      expect(run.stdout).toContain('(its answer was lost): found submission')
    }
  )

  it.concurrent(
    'a lost answer and nothing ever appears: one POST, an error naming when the request was sent',
    async () => {
      const { run, posts } = await play(
        'product-ingestion',
        (count) => ({ post: [SERVER_ERROR], submissions: [lagging(count, 0, [])] }),
        {}
      )
      expect(posts).toBe(1)
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.started).toBe('false')
      expect(run.outputs.message).toMatch(
        /start: a request for a publish to preview was sent at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC and its answer was lost, and after \d+ look-ups no publish of product\/[0-9a-f-]{36} is listed\. It was not sent again\./
      )
      expect(run.outputs.message).toContain('a re-run of this workflow will find it')
    }
  )

  it.concurrent(
    'a running submission with a status the gate does not know (Queued) blocks the POST: if-running: fail names it',
    async () => {
      const { run, posts } = await play(
        'product-ingestion',
        () => ({ submissions: [json(withNew('Queued', 'pending'))] }),
        { 'if-running': 'fail' }
      )
      expect(posts).toBe(0)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.message).toContain(
        `start: another publish of ${PRODUCT} is in progress: submission ${SUBMISSION_2} to preview (Queued)`
      )
      expect(run.outputs.message).toContain('Nothing was posted')
    }
  )

  it.concurrent(
    'a running submission spelled Queued, with if-running: wait: nothing posted by the timeout, and the message says so',
    async () => {
      const { run, posts } = await play(
        'product-ingestion',
        () => ({ submissions: [json(withNew('Queued', 'pending'))] }),
        { timeout: '3s' }
      )
      expect(posts).toBe(0)
      expect(run.outputs.result).toBe('timed-out')
      expect(run.outputs.started).toBe('false')
      expect(run.outputs['waited-for']).toBe(SUBMISSION_2)
      expect(run.outputs.message).toMatch(
        /^This run's publish was not started: submission \S+ to preview \(Queued\) was still in progress/
      )
    }
  )

  it.concurrent.each(['preview', 'live'])(
    'start: %s with an older preview completed and a newer one running: the newer is the publish in progress (if-running: fail, no POST)',
    async (start) => {
      const older = '2025-02-01T08:00:00Z'
      const list = rawList(
        rawDraft,
        // The completed one first: a look-up that reads only the first preview entry misses it.
        rawSubmission('preview', SUBMISSION_1, 'completed', 'succeeded', older),
        rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded', older),
        rawSubmission('preview', SUBMISSION_2, 'running', 'pending', '2025-03-01T08:01:00Z')
      )
      const { run, posts } = await play(
        'product-ingestion',
        () => ({ submissions: [json(list)] }),
        { start, 'if-running': 'fail' }
      )
      expect(posts).toBe(0)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.message).toContain(
        `is in progress: submission ${SUBMISSION_2} to preview (running/pending)`
      )
    }
  )

  it.concurrent(
    'a 202 with a job id in mode: check: one POST, pending, the job as operation-id',
    async () => {
      const { run, posts } = await play(
        'product-ingestion',
        (count) => ({
          post: [json({ ...rawJob('notStarted', 'pending') }, 202)],
          job: [json(rawJob('running', 'pending'))],
          submissions: [lagging(count, 0, APPEARS)]
        }),
        { mode: 'check' }
      )
      expect(posts).toBe(1)
      expect(run.code).toBe(0)
      expect(run.outputs.result).toBe('pending')
      expect(run.outputs.started).toBe('true')
      expect(run.outputs['operation-id']).toBe(JOB_ID)
    }
  )
})

describe('start with the CPP API: the look-up, the Location and a just-started operation', () => {
  const running = (id: string, type: string, changedTime: string) => ({
    id,
    status: 'running',
    submissionType: type,
    changedTime
  })
  const atSignoff = json(
    rawOperation(
      'running',
      rawSteps({ 'publisher-signoff': { status: 'waitingForPublisherReview' } })
    )
  )

  it.concurrent(
    'two running operations, the older a GoLive: a go-live is blocked by it (if-running: fail names it, no POST)',
    async () => {
      const { run, posts } = await play(
        'cpp',
        () => ({
          // The newer is a publish whose preview is ready: alone, it would let a go-live go.
          running: [
            json([
              running(OTHER, 'Publish', '2025-03-01T10:00:00Z'),
              running(GO_LIVE, 'GoLive', '2025-03-01T08:00:00Z')
            ])
          ],
          cpp: [atSignoff]
        }),
        { start: 'live', 'if-running': 'fail' }
      )
      expect(posts).toBe(0)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.message).toContain(
        `start: another publish of contoso/${OFFER} is in progress: operation ${GO_LIVE} (GoLive, running)`
      )
    }
  )

  it.concurrent.each<[string, string]>([
    ['an id that is not a GUID', `${OPERATIONS}/not-a-guid?api-version=2017-10-31`],
    ['an id that holds a runner command', `${OPERATIONS}/::error::planted?api-version=2017-10-31`],
    [
      'an encoded line break and a runner command',
      `${OPERATIONS}/%0A::warning::planted%0D%0A::error::planted?api-version=2017-10-31`
    ],
    [
      "another offer's path",
      `/api/publishers/contoso/offers/other-offer/operations/${OWN}?api-version=2017-10-31`
    ]
  ])(
    'a Location with %s: an error quoting it safely, never posted again',
    async (_name, location) => {
      const { run, posts, server } = await play(
        'cpp',
        () => ({ running: [json([])], post: [{ status: 202, headers: { location } }] }),
        {}
      )
      expect(posts).toBe(1)
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.message).toContain('names no operation the gate can watch')
      expect(run.outputs.message).toContain('It was not sent again')
      expect(run.outputs['operation-id']).toBe('')
      expect(run.outputs.message).not.toMatch(/[\r\n]/)
      expectNoPlantedCommand(run, '::warning::planted')
      expectNoPlantedCommand(run, '::error::planted')
      // Nothing was read at the address the Location gave.
      expect(server.seen.filter((each) => /operations\//.test(each.url.pathname))).toEqual([])
    }
  )

  /** The operation answers as it runs: running for `runningReads` reads, then at signoff. */
  function operation(runningReads: number, first: Reply[] = []): Answer {
    let reads = 0
    return () => {
      reads++
      if (reads <= first.length) return first[reads - 1]
      return reads - first.length <= runningReads ? json(rawOperation('running')) : atSignoff
    }
  }

  it.concurrent(
    'a 202 without Location: one POST, the look-up finds the operation it started, attached to, started true',
    async () => {
      const { run, posts } = await play(
        'cpp',
        (count) => ({
          running: [
            (): Reply =>
              count() === 0 ? json([]) : json([running(OWN, 'Publish', '2025-03-01T10:00:00Z')])
          ],
          post: [{ status: 202 }],
          cpp: [operation(2)]
        }),
        {}
      )
      expect(posts).toBe(1)
      expect(run.outputs.started).toBe('true')
      expect(run.outputs['operation-id']).toBe(OWN)
      expect(run.outputs.result).toBe('succeeded')
      expect(run.stdout).toContain('its answer names nothing to watch')
    }
  )

  it.concurrent(
    'a 202 without Location, and nothing appears: one POST, an error saying the answer named nothing to watch',
    async () => {
      const { run, posts } = await play(
        'cpp',
        () => ({ running: [json([])], post: [{ status: 202 }] }),
        {}
      )
      expect(posts).toBe(1)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.message).toMatch(
        /start: the API accepted a publish to preview at .+, but its answer named nothing to watch, and after \d+ look-ups no publish of contoso\/contoso-offer is listed\. It was not sent again\./
      )
    }
  )

  it.concurrent(
    'a just-started operation that answers 404 for its first polls is retried, not fatal: one POST, it passes',
    async () => {
      const notFound = json(
        { error: { code: 'NotFound', message: `Operation ${OWN} was not found.` } },
        404
      )
      const { run, posts } = await play(
        'cpp',
        () => ({
          running: [json([])],
          post: [
            { status: 202, headers: { location: `${OPERATIONS}/${OWN}?api-version=2017-10-31` } }
          ],
          cpp: [operation(1, [notFound, notFound])]
        }),
        {}
      )
      expect(posts).toBe(1)
      expect(run.outputs.result).toBe('succeeded')
      expect(run.outputs.started).toBe('true')
      expect(run.outputs['operation-id']).toBe(OWN)
      expect(run.stdout).toContain(`the operation ${OWN} just started is not found yet`)
    }
  )
})

describe.each<['cpp' | 'product-ingestion', Script]>([
  ['cpp', { running: [json([])] }],
  ['product-ingestion', { submissions: [json(RELEASED)] }]
])('start with the %s API: a refused or unanswered POST', (api, lookUp) => {
  const refusal = (status: number): Reply =>
    json({ error: { code: status === 401 ? 'Unauthorized' : 'Forbidden', message: 'No.' } }, status)
  const advice: Record<string, Record<number, string>> = {
    cpp: {
      401: 'The CPP API refused the token (HTTP 401)',
      403: 'The service principal is probably not added to the publisher account'
    },
    'product-ingestion': {
      401: 'refused the token (HTTP 401)',
      403: 'with the Manager role'
    }
  }

  it.concurrent.each([401, 403])(
    'a %d to the POST: result error with the sign-in or role advice, not failed; one POST',
    async (status) => {
      const { run, posts } = await play(api, () => ({ ...lookUp, post: [refusal(status)] }), {})
      expect(posts).toBe(1)
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.started).toBe('false')
      expect(run.outputs.message).toContain(advice[api][status])
      // Refused: nothing was started, and the message does not say that it may have been.
      expect(run.outputs.message).not.toContain('may have started')
      expect(run.summary).toContain(`The API refused a publish to preview of `)
    }
  )

  it.concurrent(
    'SIGTERM while the POST is in flight: outputs and summary within 2 s, saying a publish request was sent and may have started',
    async () => {
      let signalled = 0
      const { run, posts } = await play(
        api,
        () => ({ ...lookUp, post: [{ hold: true }] }),
        { timeout: '10m' },
        async (server, child) => {
          for (let i = 0; i < 400 && server.of('post').length === 0; i++) {
            await new Promise((resolve) => setTimeout(resolve, 25))
          }
          signalled = server.of('post').length
          child.kill('SIGTERM')
          // Two seconds and room for a loaded machine: a gate past them loses its outputs.
          const backstop = setTimeout(() => child.kill('SIGKILL'), 3_500)
          child.once('exit', () => clearTimeout(backstop))
        }
      )
      expect(signalled).toBe(1)
      expect(posts).toBe(1)
      expect(run.signal).toBeNull()
      expect(run.outputs.result).toBe('interrupted')
      expect(run.outputs.started).toBe('false')
      expect(run.outputs.message).toMatch(
        /A request for a publish (to preview )?was sent at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC and may have started a publish|A request for a publish to preview .* was sent at .* the publish may have started/
      )
      expect(run.summary).toMatch(/was sent at [^\n]* may have started/)
    }
  )
})
