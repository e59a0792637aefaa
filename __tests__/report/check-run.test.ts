// The check run against the real @actions/github (Octokit), with nock answering the Checks API.
// Every request is nocked: a request nock refuses surfaces as an Octokit HttpError 500, which the
// check run reports as a warning, so "no warnings" also means "no unexpected request".

import { afterAll, beforeEach, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { CHECK_RUN_UPDATE_MS } from '../../src/constants.js'
import type { Snapshot } from '../../src/model/snapshot.js'
import type { Fetch } from '../../src/net/github-fetch.js'
import { CheckRun } from '../../src/report/check-run.js'
import { progressTitle, type CheckRunSettings } from '../../src/report/check-run-text.js'
import type { Outcome, Result } from '../../src/model/outcome.js'
import type { Report } from '../../src/report/report.js'
import { message, report as finishedRun, snapshot, step } from '../fixtures/report.js'

const saved = { ...process.env }
// context.repo reads GITHUB_REPOSITORY, and the API's base address is fixed when the module loads.
process.env.GITHUB_REPOSITORY = 'contoso/marketplace-offer'
delete process.env.GITHUB_API_URL
const github = await import('@actions/github')
const githubFetch =
  ((await import('@actions/github/lib/utils')).defaults.request?.fetch as Fetch | undefined) ??
  fetch

afterAll(() => {
  process.env = { ...saved }
})

const API = 'https://api.github.com'
const REPO = '/repos/contoso/marketplace-offer'
const SHA = '0123456789abcdef0123456789abcdef01234567'
const NAME = 'Marketplace publish gate'
const RUN_ID = 4242
const RUN_URL = `https://github.com/contoso/marketplace-offer/runs/${RUN_ID}`
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const START = Date.parse('2024-05-01T12:00:00.000Z')

interface CheckRunBody {
  name?: string
  head_sha?: string
  status?: string
  conclusion?: string
  started_at?: string
  completed_at?: string
  output?: {
    title: string
    summary: string
    annotations?: Array<{
      path: string
      start_line: number
      end_line: number
      annotation_level: string
      title: string
      message: string
    }>
  }
}

let clock: number
let warnings: string[]
let infos: string[]

beforeEach(() => {
  clock = START
  warnings = []
  infos = []
  process.env = { ...saved, GITHUB_REPOSITORY: 'contoso/marketplace-offer' }
  delete process.env.GITHUB_API_URL
  delete process.env.GITHUB_WORKFLOW_REF
})

function settings(overrides: Partial<CheckRunSettings> = {}): CheckRunSettings {
  return {
    name: NAME,
    token: 'ghs_checks-token',
    sha: SHA,
    reuse: false,
    apiTitle: 'the CPP API',
    redact: (text) => text,
    clock: { now: () => clock, wall: () => clock, sleep: () => Promise.resolve() },
    signal: new AbortController().signal,
    warn: (line) => warnings.push(line),
    info: (line) => infos.push(line),
    debug: () => undefined,
    fetch: githubFetch,
    ...overrides
  }
}

/** Answers the create call, keeping its body. */
function nockCreate(bodies: CheckRunBody[] = []): nock.Scope {
  return nock(API)
    .post(`${REPO}/check-runs`, (body: CheckRunBody) => {
      bodies.push(body)
      return true
    })
    .reply(201, { id: RUN_ID, html_url: RUN_URL, status: 'in_progress', name: NAME })
}

/** Answers `times` updates of the run, keeping their bodies in order. */
function nockUpdates(bodies: CheckRunBody[], times = 1, id = RUN_ID): nock.Scope {
  return nock(API)
    .patch(`${REPO}/check-runs/${id}`, (body: CheckRunBody) => {
      bodies.push(body)
      return true
    })
    .times(times)
    .reply(200, { id, html_url: RUN_URL })
}

async function opened(overrides: Partial<CheckRunSettings> = {}): Promise<CheckRun> {
  const scope = nockCreate()
  const run = await CheckRun.open(github, settings(overrides), 10_000)
  scope.done()
  if (run === undefined) throw new Error(`open() failed: ${warnings.join(' | ')}`)
  return run
}

function running(progress = 40): Snapshot {
  return snapshot('running', [
    step('displaydummycertify', 'succeeded', { name: 'Validate pre-requisites', progress: 100 }),
    step('displaycertify', 'running', { name: 'Certification', progress }),
    step('live', 'notStarted', { name: 'Live' })
  ])
}

function report(result: Result, shown?: Snapshot, extra: Partial<Outcome> = {}): Report {
  return finishedRun(
    {
      result,
      message: `The operation ended: ${result}.`,
      polls: 3,
      ...(shown === undefined ? {} : { snapshot: shown }),
      ...extra
    },
    { offerLabel: 'contoso / contoso-offer', operationId: GUID, elapsedMs: 90_000 }
  )
}

describe('CheckRun.open', () => {
  it('creates an in-progress run on the commit and keeps its id and address', async () => {
    const bodies: CheckRunBody[] = []
    const scope = nockCreate(bodies)
    const run = await CheckRun.open(github, settings(), 10_000)
    scope.done()
    expect(run?.reference).toEqual({ id: RUN_ID, url: RUN_URL })
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toMatchObject({
      name: NAME,
      head_sha: SHA,
      status: 'in_progress',
      started_at: new Date(START).toISOString()
    })
    expect(bodies[0].output?.title).toEqual(expect.any(String))
    expect(warnings).toEqual([])
    expect(infos.join('\n')).toContain(RUN_URL)
  })

  it('sends the token it was given', async () => {
    const scope = nock(API)
      .post(`${REPO}/check-runs`)
      .matchHeader('authorization', 'token ghs_checks-token')
      .reply(201, { id: RUN_ID, html_url: RUN_URL })
    await expect(CheckRun.open(github, settings(), 10_000)).resolves.toBeDefined()
    scope.done()
  })

  it('in check mode, reuses the in-progress run of that name on the commit instead of creating one', async () => {
    const found = { id: 777, html_url: 'https://github.com/contoso/marketplace-offer/runs/777' }
    const scope = nock(API)
      .get(`${REPO}/commits/${SHA}/check-runs`)
      .query({ check_name: NAME, filter: 'latest' })
      .reply(200, { total_count: 1, check_runs: [{ ...found, name: NAME, status: 'in_progress' }] })
    // No create is nocked: one would be refused and reported as a warning.
    const run = await CheckRun.open(github, settings({ reuse: true }), 10_000)
    scope.done()
    expect(run?.reference).toEqual({ id: 777, url: found.html_url })
    expect(warnings).toEqual([])
  })

  it('in check mode, leaves a run an earlier check already completed as it is, and makes no other', async () => {
    const done = {
      id: 778,
      html_url: 'https://github.com/contoso/marketplace-offer/runs/778',
      status: 'completed',
      conclusion: 'success'
    }
    const scope = nock(API)
      .get(`${REPO}/commits/${SHA}/check-runs`)
      .query({ check_name: NAME, filter: 'latest' })
      .reply(200, { total_count: 1, check_runs: [{ ...done, name: NAME }] })
    // Neither a create nor an update is nocked: either would be refused and reported as a warning.
    const run = await CheckRun.open(github, settings({ reuse: true }), 10_000)
    run?.progress(running())
    await run?.finish(report('succeeded', snapshot('succeeded')), 10_000)
    scope.done()
    expect(run?.reference).toEqual({ id: 778, url: done.html_url })
    expect(warnings).toEqual([])
  })

  it('in check mode, updates and completes the run it found', async () => {
    const scope = nock(API)
      .get(`${REPO}/commits/${SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 1, check_runs: [{ id: 777, html_url: RUN_URL }] })
    const bodies: CheckRunBody[] = []
    const updates = nockUpdates(bodies, 2, 777)
    const run = await CheckRun.open(github, settings({ reuse: true }), 10_000)
    run?.progress(running())
    await run?.finish(report('succeeded', snapshot('succeeded')), 10_000)
    scope.done()
    updates.done()
    expect(bodies.map((body) => body.status)).toEqual(['in_progress', 'completed'])
    expect(warnings).toEqual([])
  })

  it('in check mode, creates a run when none of that name is in progress', async () => {
    const bodies: CheckRunBody[] = []
    const list = nock(API)
      .get(`${REPO}/commits/${SHA}/check-runs`)
      .query({ check_name: NAME, filter: 'latest' })
      .reply(200, { total_count: 0, check_runs: [] })
    const create = nockCreate(bodies)
    const run = await CheckRun.open(github, settings({ reuse: true }), 10_000)
    list.done()
    create.done()
    expect(run?.reference).toEqual({ id: RUN_ID, url: RUN_URL })
    expect(bodies[0]).toMatchObject({ name: NAME, head_sha: SHA, status: 'in_progress' })
  })

  it('without checks: write (403), returns undefined and says to add the permission', async () => {
    const scope = nock(API).post(`${REPO}/check-runs`).reply(403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run'
    })
    await expect(CheckRun.open(github, settings(), 10_000)).resolves.toBeUndefined()
    scope.done()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('permissions: checks: write')
    expect(warnings[0]).toContain('HTTP 403')
    expect(warnings[0]).toContain(NAME)
    expect(warnings[0]).toContain("the gate's own verdict stands")
  })

  it('when the list call of check mode is refused (403), returns undefined with the same advice', async () => {
    const scope = nock(API)
      .get(`${REPO}/commits/${SHA}/check-runs`)
      .query(true)
      .reply(403, { message: 'Resource not accessible by integration' })
    await expect(CheckRun.open(github, settings({ reuse: true }), 10_000)).resolves.toBeUndefined()
    scope.done()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('permissions: checks: write')
  })

  it('on another failure, returns undefined with a warning that the verdict stands', async () => {
    const scope = nock(API)
      .post(`${REPO}/check-runs`)
      .reply(422, { message: 'No commit found for SHA: 0123456' })
    await expect(CheckRun.open(github, settings(), 10_000)).resolves.toBeUndefined()
    scope.done()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('No commit found for SHA')
    expect(warnings[0]).toContain("the gate's own verdict stands")
  })

  it('returns undefined with a warning, rather than throwing, when the repository is unknown', async () => {
    // Outside a runner (local runs) GITHUB_REPOSITORY may be missing; context.repo then throws.
    // A check run that cannot be made must never stop the gate itself.
    delete process.env.GITHUB_REPOSITORY
    await expect(CheckRun.open(github, settings(), 10_000)).resolves.toBeUndefined()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('GITHUB_REPOSITORY')
  })
})

describe('CheckRun.progress', () => {
  it('titles the run with the running step and its progress', async () => {
    const run = await opened()
    const bodies: CheckRunBody[] = []
    const scope = nockUpdates(bodies, 2)
    run.progress(running(40))
    await run.finish(report('succeeded', snapshot('succeeded')), 10_000)
    scope.done()
    expect(bodies[0]).toMatchObject({
      status: 'in_progress',
      output: {
        title: 'Certification 40%',
        summary: 'Last status: running; step Certification running at 40%.'
      }
    })
    expect(bodies[0].conclusion).toBeUndefined()
    expect(warnings).toEqual([])
  })

  it('sends the same title once', async () => {
    const run = await opened()
    const bodies: CheckRunBody[] = []
    const scope = nockUpdates(bodies, 2)
    run.progress(running(40))
    clock += CHECK_RUN_UPDATE_MS * 2
    run.progress(running(40))
    await run.finish(report('succeeded', snapshot('succeeded')), 10_000)
    scope.done()
    expect(bodies.map((body) => body.output?.title)).toEqual(['Certification 40%', 'Passed'])
    expect(warnings).toEqual([])
  })

  it('holds a new state back until CHECK_RUN_UPDATE_MS after the last update, then sends it', async () => {
    const run = await opened()
    const bodies: CheckRunBody[] = []
    const scope = nockUpdates(bodies, 3)
    run.progress(running(40))
    clock += CHECK_RUN_UPDATE_MS - 1
    run.progress(running(50))
    clock += 1
    run.progress(running(60))
    await run.finish(report('succeeded', snapshot('succeeded')), 10_000)
    scope.done()
    expect(bodies.map((body) => body.output?.title)).toEqual([
      'Certification 40%',
      'Certification 60%',
      'Passed'
    ])
    expect(warnings).toEqual([])
  })

  it('gives the final update up with one warning when GitHub does not answer within its time', async () => {
    const run = await opened()
    // An answer that never comes.
    nock(API)
      .patch(`${REPO}/check-runs/${RUN_ID}`)
      .reply(() => new Promise<never>(() => undefined))
    const started = performance.now()
    await run.finish(report('failed', snapshot('failed')), 100)
    // Well before GitHub's answer: the bound holds whatever is in flight.
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(warnings).toEqual([
      `Could not complete the check run "${NAME}": GitHub did not answer within 0.1s, so it was given up (the gate's own verdict stands).`
    ])
  })

  it('is given up at once, with a warning, when the gate is stopped while it is being created', async () => {
    const stop = new AbortController()
    stop.abort()
    const scope = nockCreate()
    await expect(
      CheckRun.open(github, settings({ signal: stop.signal }), 10_000)
    ).resolves.toBeUndefined()
    expect(scope.isDone()).toBe(false)
    expect(warnings).toEqual([
      `Could not create the check run "${NAME}": the gate was stopped first, so it was given up (the gate's own verdict stands).`
    ])
  })

  it('after a refused update (403), warns once and sends nothing more; finish() still resolves', async () => {
    const run = await opened()
    const refused = nock(API)
      .patch(`${REPO}/check-runs/${RUN_ID}`)
      .reply(403, { message: 'Resource not accessible by integration' })
    const bodies: CheckRunBody[] = []
    const later = nockUpdates(bodies, 5)
    run.progress(running(40))
    clock += CHECK_RUN_UPDATE_MS
    run.progress(running(60))
    clock += CHECK_RUN_UPDATE_MS
    run.progress(running(80))
    await expect(run.finish(report('failed', snapshot('failed')), 10_000)).resolves.toBeUndefined()
    refused.done()
    expect(later.isDone()).toBe(false)
    expect(bodies).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('permissions: checks: write')
    expect(warnings[0]).toContain('HTTP 403')
    expect(run.reference).toEqual({ id: RUN_ID, url: RUN_URL })
  })

  it.each([
    ['a running step', 'Certification 40%', running(40)],
    [
      'a running step without progress',
      'Certification: running',
      snapshot('running', [step('displaycertify', 'running', { name: 'Certification' })])
    ],
    [
      'a waiting step',
      'Publisher signoff: waiting',
      snapshot('running', [
        step('displaycertify', 'succeeded', { name: 'Certification' }),
        step('publisher-signoff', 'waiting', { name: 'Publisher signoff' })
      ])
    ],
    ['no running step', 'Operation running', snapshot('running', [])],
    ['an unknown status', 'Operation "Queued"', snapshot('unknown', [], { rawStatus: 'Queued' })]
  ])('titles %s as %j', (_case, title, shown) => {
    expect(progressTitle(shown)).toBe(title)
  })
})

describe('CheckRun.finish', () => {
  it.each([
    ['succeeded', 'success'],
    ['failed', 'failure'],
    ['blocked', 'failure'],
    ['error', 'failure'],
    ['timed-out', 'timed_out'],
    ['canceled', 'cancelled'],
    ['interrupted', 'cancelled']
  ] as Array<[Exclude<Result, 'pending'>, string]>)(
    'completes a %s gate with conclusion %s',
    async (result, conclusion) => {
      const run = await opened()
      const bodies: CheckRunBody[] = []
      const scope = nockUpdates(bodies)
      clock += 5_000
      await run.finish(report(result, running()), 10_000)
      scope.done()
      expect(bodies).toHaveLength(1)
      expect(bodies[0]).toMatchObject({
        status: 'completed',
        conclusion,
        completed_at: new Date(START + 5_000).toISOString()
      })
      expect(bodies[0].output?.summary).toContain(
        `Publish gate: contoso / contoso-offer: ${result}`
      )
      expect(warnings).toEqual([])
    }
  )

  it('shows the job summary table and annotates each failing step at the workflow file', async () => {
    process.env.GITHUB_WORKFLOW_REF =
      'contoso/marketplace-offer/.github/workflows/release.yml@refs/heads/main'
    const certification = step('displaycertify', 'blocked', {
      name: 'Certification',
      messages: [message('No virtual machine image was found for the plan gen2.', 'error')]
    })
    const failed = snapshot('failed', [
      step('displaydummycertify', 'succeeded', { name: 'Validate pre-requisites', progress: 100 }),
      certification,
      step('displayprovision', 'failed', { name: 'Provisioning' }),
      step('live', 'notStarted', { name: 'Live' })
    ])
    const run = await opened()
    const bodies: CheckRunBody[] = []
    const scope = nockUpdates(bodies)
    await run.finish(report('blocked', failed, { failedStep: certification }), 10_000)
    scope.done()
    const [body] = bodies
    expect(body).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(body.output?.title).toBe('Certification: blocked')
    const summary = body.output?.summary ?? ''
    expect(summary).toContain('<table>')
    for (const name of ['Validate pre-requisites', 'Certification', 'Provisioning', 'Live'])
      expect(summary).toContain(name)
    expect(summary).toContain('No virtual machine image was found for the plan gen2.')
    expect(body.output?.annotations).toEqual([
      {
        path: '.github/workflows/release.yml',
        start_line: 1,
        end_line: 1,
        annotation_level: 'failure',
        title: 'Certification: blocked',
        message: 'No virtual machine image was found for the plan gen2.'
      },
      {
        path: '.github/workflows/release.yml',
        start_line: 1,
        end_line: 1,
        annotation_level: 'failure',
        title: 'Provisioning: failed',
        message: 'Provisioning is failed; the API gave no message.'
      }
    ])
  })

  it("annotates at '.github' when the runner does not name the workflow file", async () => {
    const failed = snapshot('failed', [step('displaycertify', 'failed', { name: 'Certification' })])
    const run = await opened()
    const bodies: CheckRunBody[] = []
    const scope = nockUpdates(bodies)
    await run.finish(report('failed', failed), 10_000)
    scope.done()
    expect(bodies[0].output?.annotations).toHaveLength(1)
    expect(bodies[0].output?.annotations?.[0]).toMatchObject({
      path: '.github',
      annotation_level: 'failure'
    })
  })

  it('has no annotations when no step failed', async () => {
    const run = await opened()
    const bodies: CheckRunBody[] = []
    const scope = nockUpdates(bodies)
    await run.finish(report('timed-out', running()), 10_000)
    scope.done()
    expect(bodies[0].output?.annotations).toEqual([])
    expect(bodies[0].output?.title).toBe('Timed out')
  })

  it('keeps the summary under 65,535 characters with a huge number of messages', async () => {
    const flood = Array.from({ length: 5_000 }, (_, index) =>
      message(
        `Message ${index}: ${'the image failed a certification check. '.repeat(5)}`,
        'error',
        new Date(START + index * 1_000).toISOString()
      )
    )
    const failed = snapshot('failed', [
      step('displaycertify', 'failed', { name: 'Certification', messages: flood }),
      step('live', 'notStarted', { name: 'Live' })
    ])
    const run = await opened()
    const bodies: CheckRunBody[] = []
    const scope = nockUpdates(bodies)
    await run.finish(report('failed', failed), 10_000)
    scope.done()
    const summary = bodies[0].output?.summary ?? ''
    expect(summary.length).toBeLessThanOrEqual(65_535)
    expect(summary).toContain('<table>')
    expect(summary).toContain('Certification')
    // The newest message is kept, the oldest are left out, and the reader is told so.
    expect(summary).toContain('Message 4999:')
    expect(summary).not.toContain('Message 0:')
    expect(summary).toContain('left out')
    expect(bodies[0].output?.annotations).toHaveLength(1)
  })

  it('leaves a pending check in progress, titled with its progress', async () => {
    const run = await opened()
    const bodies: CheckRunBody[] = []
    const scope = nockUpdates(bodies)
    await run.finish(report('pending', running(40)), 10_000)
    scope.done()
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toMatchObject({
      status: 'in_progress',
      output: { title: 'Certification 40%' }
    })
    expect(bodies[0].conclusion).toBeUndefined()
    expect(bodies[0].completed_at).toBeUndefined()
    expect(bodies[0].output?.summary).toContain('<table>')
  })

  it('sends the queued progress update before the completion', async () => {
    const run = await opened()
    const bodies: CheckRunBody[] = []
    const scope = nockUpdates(bodies, 2)
    run.progress(running(40))
    await run.finish(report('error', undefined, { polls: 0 }), 10_000)
    scope.done()
    expect(bodies.map((body) => body.status)).toEqual(['in_progress', 'completed'])
    expect(bodies[1]).toMatchObject({ conclusion: 'failure', output: { title: 'Error' } })
  })
})

describe('CheckRun with the time left before a deadline', () => {
  // main.ts passes what is left of the deadline, measured on a monotonic clock: it has a
  // fraction, which AbortSignal.timeout refuses with a RangeError.
  it('opens and completes the run with a budget of a fractional number of milliseconds', async () => {
    const scope = nockCreate()
    const run = await CheckRun.open(github, settings(), 29_995.178572999997)
    scope.done()
    expect(run?.reference).toEqual({ id: RUN_ID, url: RUN_URL })
    const bodies: CheckRunBody[] = []
    const updates = nockUpdates(bodies)
    await run?.finish(report('succeeded', snapshot('succeeded')), 1_234.5678)
    updates.done()
    expect(bodies[0]).toMatchObject({ status: 'completed', conclusion: 'success' })
    expect(warnings).toEqual([])
  })
})
