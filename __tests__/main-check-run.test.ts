// run() with a fake @actions/github: the check run is made only when check-name is set, and it
// follows the gate (created or found, updated, completed) without ever changing its verdict or
// exit code. The CPP API is answered by nock.

import { afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import nock from 'nock'
import { rawOperation, rawSteps } from './fixtures/cpp.js'
import {
  captureStdout,
  restoreAfterRun,
  runnerFiles,
  type RunnerFiles,
  virtualClock
} from './fixtures/runner.js'

interface CheckRunData {
  id: number
  html_url: string
}
type Params = Record<string, unknown>

const RUN_ID = 901
const RUN_URL = `https://github.com/contoso/marketplace-offer/runs/${RUN_ID}`
const FOUND: CheckRunData = {
  id: 555,
  html_url: 'https://github.com/contoso/marketplace-offer/runs/555'
}

let repoKnown = true
const context = {
  get repo(): { owner: string; repo: string } {
    // Like the real context: without GITHUB_REPOSITORY (and a payload naming it) it throws.
    if (!repoKnown)
      throw new Error(
        "context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'"
      )
    return { owner: 'contoso', repo: 'marketplace-offer' }
  },
  // The real context reads GITHUB_SHA (when the module loads).
  get sha(): string {
    return process.env.GITHUB_SHA ?? ''
  },
  payload: {} as Record<string, unknown>,
  serverUrl: 'https://github.com'
}
const created = (): Promise<{ data: CheckRunData }> =>
  Promise.resolve({ data: { id: RUN_ID, html_url: RUN_URL } })
const updated = (): Promise<{ data: CheckRunData }> =>
  Promise.resolve({ data: { id: RUN_ID, html_url: RUN_URL } })
const listed = (): Promise<{ data: { total_count: number; check_runs: CheckRunData[] } }> =>
  Promise.resolve({ data: { total_count: 0, check_runs: [] } })
const create = jest.fn((_params: Params) => created())
const update = jest.fn((_params: Params) => updated())
const listForRef = jest.fn((_params: Params) => listed())
const getOctokit = jest.fn((_token: string, _options?: unknown) => ({
  rest: { checks: { create, update, listForRef } }
}))

jest.unstable_mockModule('@actions/github', () => ({ context, getOctokit }))
const { run } = await import('../src/main.js')

const ORIGIN = 'https://cloudpartner.azure.com'
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const PATH = `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}`
const TOKEN = 'tok3n-never-printed-0123456789'
const GITHUB_TOKEN = 'ghs_fake-github-token-0123456789'
const SHA = '0123456789abcdef0123456789abcdef01234567'
const HEAD_SHA = 'fedcba9876543210fedcba9876543210fedcba98'
const NAME = 'Marketplace publish gate'

let files: RunnerFiles
let stdout: string[]

function setup(inputs: Record<string, string> = {}): void {
  files = runnerFiles({
    'publisher-id': 'contoso',
    'offer-id': 'contoso-offer',
    'operation-id': GUID,
    token: TOKEN,
    'poll-interval': '1s',
    ...inputs
  })
  Object.assign(process.env, files.env, { GITHUB_SHA: SHA })
}

function withCheck(inputs: Record<string, string> = {}): void {
  setup({ 'check-name': NAME, 'github-token': GITHUB_TOKEN, ...inputs })
}

/** Runs the gate with a virtual clock, so polls cost no real time. */
async function gate() {
  return run({ clock: virtualClock() })
}

/** What Octokit rejects with when the token may not write checks (a RequestError, status 403). */
function forbidden(): Error & { status: number } {
  return Object.assign(new Error('Resource not accessible by integration'), { status: 403 })
}

function answer(body: unknown): nock.Scope {
  return nock(ORIGIN).get(PATH).query({ 'api-version': '2017-10-31' }).reply(200, body)
}

const runningBody = rawOperation(
  'running',
  rawSteps({
    displaydummycertify: { status: 'complete', progressPercentage: 100 },
    displaycertify: { status: 'InProgress', progressPercentage: 40 }
  })
)

/** The statuses (and conclusions) sent to update, in order. */
function updates(): Params[] {
  return update.mock.calls.map(([params]) => params)
}

// A plain run, before any test of this file.
let plain: { created: number; result: string; checkRunId: string; checkRunUrl: string }
beforeAll(async () => {
  stdout = captureStdout()
  try {
    setup()
    const scope = answer(rawOperation('succeeded'))
    const outcome = await gate()
    scope.done()
    plain = {
      created: create.mock.calls.length + listForRef.mock.calls.length,
      result: outcome.result,
      checkRunId: files.outputs()['check-run-id'],
      checkRunUrl: files.outputs()['check-run-url']
    }
  } finally {
    restoreAfterRun()
  }
})

beforeEach(() => {
  stdout = captureStdout()
  context.payload = {}
  repoKnown = true
  create.mockImplementation(created)
  update.mockImplementation(updated)
  listForRef.mockImplementation(listed)
})

afterEach(restoreAfterRun)

describe('without check-name', () => {
  it('makes no check run and leaves the check-run outputs empty', () => {
    expect(plain).toEqual({ created: 0, result: 'succeeded', checkRunId: '', checkRunUrl: '' })
  })
})

describe('with check-name', () => {
  it('creates the run on GITHUB_SHA, completes it and sets the outputs', async () => {
    withCheck()
    const scope = answer(rawOperation('succeeded'))
    const outcome = await gate()
    scope.done()
    expect(outcome.result).toBe('succeeded')
    expect(process.exitCode).toBeUndefined()
    // With the gate's log and fetch (__tests__/report/check-run.test.ts tests what they do).
    expect(getOctokit).toHaveBeenCalledWith(
      GITHUB_TOKEN,
      expect.objectContaining({ log: expect.any(Object), request: expect.any(Object) })
    )
    expect(listForRef).not.toHaveBeenCalled()
    expect(create).toHaveBeenCalledTimes(1)
    expect(create.mock.calls[0][0]).toMatchObject({
      owner: 'contoso',
      repo: 'marketplace-offer',
      name: NAME,
      head_sha: SHA,
      status: 'in_progress'
    })
    expect(updates().at(-1)).toMatchObject({
      owner: 'contoso',
      repo: 'marketplace-offer',
      check_run_id: RUN_ID,
      status: 'completed',
      conclusion: 'success'
    })
    expect(files.outputs()).toMatchObject({
      result: 'succeeded',
      'check-run-id': String(RUN_ID),
      'check-run-url': RUN_URL
    })
    // The token is masked before anything is printed.
    expect(stdout.join('')).toContain(`::add-mask::${GITHUB_TOKEN}`)
  })

  it("creates the run on the pull request's head, not the merge commit", async () => {
    withCheck()
    context.payload = { pull_request: { number: 7, head: { sha: HEAD_SHA } } }
    const scope = answer(rawOperation('succeeded'))
    await gate()
    scope.done()
    expect(create.mock.calls[0][0]).toMatchObject({ head_sha: HEAD_SHA })
  })

  it('creates the run on the sha input when it is given', async () => {
    const given = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd'
    withCheck({ sha: given })
    context.payload = { pull_request: { number: 7, head: { sha: HEAD_SHA } } }
    const scope = answer(rawOperation('succeeded'))
    await gate()
    scope.done()
    expect(create.mock.calls[0][0]).toMatchObject({ head_sha: given })
  })

  it('updates the run with the progress, then completes it with a failure and its annotations', async () => {
    withCheck({ 'wait-for': 'completion' })
    const scope = nock(ORIGIN)
      .get(PATH)
      .query(true)
      .reply(200, runningBody)
      .get(PATH)
      .query(true)
      .reply(
        200,
        rawOperation(
          'failed',
          rawSteps({
            displaycertify: {
              status: 'failed',
              messages: [{ messageHtml: 'The image failed the malware scan.', level: 'error' }]
            }
          })
        )
      )
    const outcome = await gate()
    scope.done()
    expect(outcome.result).toBe('failed')
    expect(process.exitCode).toBe(1)
    const sent = updates()
    expect(sent[0]).toMatchObject({
      status: 'in_progress',
      output: { title: 'Certification 40%' }
    })
    expect(sent.at(-1)).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: {
        annotations: [
          expect.objectContaining({
            annotation_level: 'failure',
            title: 'Certification: failed',
            message: 'The image failed the malware scan.'
          })
        ]
      }
    })
  })

  it('follows the one virtual clock of run(): at most one update a minute, completed at its wall time', async () => {
    withCheck({ 'poll-interval': '10s', timeout: '1h' })
    // 30 polls 10 s apart, each with new progress, then the operation succeeds.
    let polls = 0
    const scope = nock(ORIGIN)
      .get(PATH)
      .query(true)
      .times(31)
      .reply(() => {
        polls++
        return [
          200,
          polls > 30
            ? rawOperation('succeeded')
            : rawOperation(
                'running',
                rawSteps({ displaycertify: { status: 'InProgress', progressPercentage: polls } })
              )
        ]
      })
    const clock = virtualClock(Date.UTC(2025, 2, 1, 8))
    const outcome = await run({ clock })
    scope.done()
    expect(outcome.result).toBe('succeeded')
    const sent = updates()
    const progress = sent.filter((params) => params.status === 'in_progress')
    // Virtual 300 s of changing progress: an update at the first poll, then one a minute.
    expect(progress.map((params) => (params.output as { title: string }).title)).toEqual([
      'Certification 1%',
      'Certification 7%',
      'Certification 13%',
      'Certification 19%',
      'Certification 25%',
      'Operation succeeded'
    ])
    expect(sent.at(-1)).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      completed_at: new Date(Date.UTC(2025, 2, 1, 8) + 300_000).toISOString()
    })
    expect(create.mock.calls[0][0]).toMatchObject({
      started_at: new Date(Date.UTC(2025, 2, 1, 8)).toISOString()
    })
  })

  it('without checks: write (403 on create), keeps the verdict, exit code and outputs, and warns', async () => {
    withCheck()
    create.mockImplementation(() => Promise.reject(forbidden()))
    const scope = answer(rawOperation('succeeded'))
    const outcome = await gate()
    scope.done()
    expect(outcome.result).toBe('succeeded')
    expect(process.exitCode).toBeUndefined()
    expect(update).not.toHaveBeenCalled()
    expect(files.outputs()).toMatchObject({
      result: 'succeeded',
      'check-run-id': '',
      'check-run-url': ''
    })
    const warnings = stdout
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('::warning::'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('permissions: checks: write')
    expect(files.summary()).toContain('✅ Publish gate: contoso / contoso-offer: succeeded')
  })

  it('without checks: write (403 on update), keeps a failing verdict and its exit code', async () => {
    withCheck()
    update.mockImplementation(() => Promise.reject(forbidden()))
    const scope = answer(rawOperation('failed'))
    const outcome = await gate()
    scope.done()
    expect(outcome.result).toBe('failed')
    expect(process.exitCode).toBe(1)
    const log = stdout.join('')
    expect(log.match(/^::warning::/gm)).toHaveLength(1)
    expect(log).toContain('permissions: checks: write')
  })

  it('still reaches the verdict when the check run cannot be set up at all', async () => {
    // E.g. outside a runner, with no GITHUB_REPOSITORY: the check run is lost, the gate is not.
    withCheck()
    repoKnown = false
    const scope = answer(rawOperation('succeeded'))
    const outcome = await gate()
    expect(outcome.result).toBe('succeeded')
    expect(scope.isDone()).toBe(true)
    expect(process.exitCode).toBeUndefined()
    expect(stdout.join('')).toMatch(/^::warning::.*GITHUB_REPOSITORY/m)
  })
})

describe('with check-name in check mode', () => {
  it('updates the in-progress run it finds while the operation runs; exit code stays 0', async () => {
    withCheck({ mode: 'check' })
    listForRef.mockImplementation(() =>
      Promise.resolve({ data: { total_count: 1, check_runs: [FOUND] } })
    )
    const scope = answer(runningBody)
    const outcome = await gate()
    scope.done()
    expect(outcome.result).toBe('pending')
    expect(process.exitCode).toBeUndefined()
    expect(listForRef).toHaveBeenCalledTimes(1)
    const { request, ...listed } = listForRef.mock.calls[0][0] as { request?: { signal?: unknown } }
    expect(listed).toEqual({
      owner: 'contoso',
      repo: 'marketplace-offer',
      ref: SHA,
      check_name: NAME,
      filter: 'latest'
    })
    // Every call to the Checks API carries a deadline.
    expect(request?.signal).toBeInstanceOf(AbortSignal)
    expect(create).not.toHaveBeenCalled()
    const sent = updates()
    expect(sent.length).toBeGreaterThan(0)
    for (const params of sent) {
      expect(params).toMatchObject({ check_run_id: FOUND.id, status: 'in_progress' })
      expect(params.conclusion).toBeUndefined()
    }
    expect(sent.at(-1)).toMatchObject({ output: { title: 'Certification 40%' } })
    expect(files.outputs()).toMatchObject({
      result: 'pending',
      'check-run-id': String(FOUND.id),
      'check-run-url': FOUND.html_url
    })
  })

  it('creates the run when none is in progress, and leaves it in progress', async () => {
    withCheck({ mode: 'check' })
    const scope = answer(runningBody)
    const outcome = await gate()
    scope.done()
    expect(outcome.result).toBe('pending')
    expect(process.exitCode).toBeUndefined()
    expect(listForRef).toHaveBeenCalledTimes(1)
    expect(create).toHaveBeenCalledTimes(1)
    expect(updates().at(-1)).toMatchObject({ check_run_id: RUN_ID, status: 'in_progress' })
  })

  it.each([
    ['succeeded', 'success', undefined, rawOperation('succeeded')],
    ['failed', 'failure', 1, rawOperation('failed')],
    ['canceled', 'cancelled', 1, rawOperation('canceled')]
  ])(
    'completes the run it finds when the operation has %s (conclusion %s, exit code %s)',
    async (result, conclusion, exitCode, body) => {
      withCheck({ mode: 'check' })
      listForRef.mockImplementation(() =>
        Promise.resolve({ data: { total_count: 1, check_runs: [FOUND] } })
      )
      const scope = answer(body)
      const outcome = await gate()
      scope.done()
      expect(outcome.result).toBe(result)
      expect(process.exitCode).toBe(exitCode)
      expect(create).not.toHaveBeenCalled()
      expect(updates().at(-1)).toMatchObject({
        check_run_id: FOUND.id,
        status: 'completed',
        conclusion
      })
    }
  )

  it('a refused list call (403) keeps the pending verdict and exit code 0', async () => {
    withCheck({ mode: 'check' })
    listForRef.mockImplementation(() => Promise.reject(forbidden()))
    const scope = answer(runningBody)
    const outcome = await gate()
    scope.done()
    expect(outcome.result).toBe('pending')
    expect(process.exitCode).toBeUndefined()
    expect(create).not.toHaveBeenCalled()
    expect(update).not.toHaveBeenCalled()
    expect(stdout.join('')).toContain('permissions: checks: write')
  })
})
