import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { MAX_MESSAGE_CHARS } from '../src/constants.js'
import { run } from '../src/main.js'
import { rawOperation, rawSteps } from './fixtures/cpp.js'
import {
  captureStdout,
  restoreAfterRun,
  runnerFiles,
  type RunnerFiles,
  virtualClock
} from './fixtures/runner.js'

const ORIGIN = 'https://cloudpartner.azure.com'
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const PATH = `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}`
const TOKEN = 'tok3n-never-printed-0123456789'

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
  Object.assign(process.env, files.env)
}

/** Runs the gate with a virtual clock, so polls cost no real time. */
async function gate() {
  return run({ clock: virtualClock() })
}

beforeEach(() => {
  stdout = captureStdout()
})

afterEach(restoreAfterRun)

describe('run', () => {
  it('passes and sets every output when the operation succeeds', async () => {
    setup()
    const scope = nock(ORIGIN)
      .get(PATH)
      .query({ 'api-version': '2017-10-31' })
      .reply(200, [
        rawOperation(
          'running',
          rawSteps({ displaycertify: { status: 'InProgress', progressPercentage: 40 } })
        )
      ])
      .get(PATH)
      .query(true)
      .reply(
        200,
        rawOperation(
          'completed',
          rawSteps({ live: { status: 'complete', progressPercentage: 100 } }),
          {
            liveLinks: ['https://azuremarketplace.microsoft.com/offer']
          }
        )
      )
    const outcome = await gate()
    scope.done()
    expect(outcome.result).toBe('succeeded')
    expect(process.exitCode).toBeUndefined()
    const outputs = files.outputs()
    expect(outputs).toMatchObject({
      result: 'succeeded',
      status: 'succeeded',
      'raw-status': 'completed',
      'operation-id': GUID,
      'submission-type': 'Publish',
      'failed-step': '',
      message: 'The operation succeeded.',
      'live-links': '["https://azuremarketplace.microsoft.com/offer"]',
      'preview-links': '[]',
      polls: '2',
      'elapsed-seconds': '1',
      'step-live-status': 'succeeded',
      'step-live-progress': '100',
      'step-publisher-signoff-status': 'notStarted',
      'step-displaycertify-progress': '0'
    })
    expect(JSON.parse(outputs.steps)).toHaveLength(6)
    expect(files.summary()).toContain('✅ Publish gate: contoso / contoso-offer: succeeded')
  })

  it('fails the workflow at once when certification is blocked', async () => {
    setup({ 'wait-for': 'preview' })
    nock(ORIGIN)
      .get(PATH)
      .query(true)
      .reply(
        200,
        rawOperation(
          'running',
          rawSteps({
            displaycertify: {
              status: 'blocked',
              messages: [
                {
                  messageHtml: 'No virtual machine image was found for the plan <b>gen2</b>.',
                  level: 'error',
                  timestamp: '2018-04-10T12:00:00Z'
                }
              ]
            }
          })
        )
      )
    const outcome = await gate()
    expect(outcome.result).toBe('blocked')
    expect(process.exitCode).toBe(1)
    const outputs = files.outputs()
    expect(outputs).toMatchObject({
      result: 'blocked',
      'failed-step': 'displaycertify',
      message: 'Certification is blocked: No virtual machine image was found for the plan gen2.',
      'step-displaycertify-status': 'blocked'
    })
    // The verdict is said once: as the one annotation, titled with the failing step.
    const log = stdout.join('')
    expect(log.match(/^::error/gm)).toHaveLength(1)
    expect(log).toContain(
      '::error title=Certification%3A blocked::Certification is blocked: No virtual machine image was found for the plan gen2.'
    )
    expect(log.match(/No virtual machine image/g)).toHaveLength(1)
    expect(files.summary()).toContain('⛔ Publish gate: contoso / contoso-offer: blocked')
  })

  it('reports bad inputs before any request, with outputs and a summary', async () => {
    setup({ timeout: '30', 'base-url': 'http://cpp.example' })
    const outcome = await gate()
    expect(outcome).toMatchObject({ result: 'error', polls: 0 })
    expect(process.exitCode).toBe(1)
    expect(files.outputs()).toMatchObject({ result: 'error', polls: '0', steps: '[]' })
    expect(files.outputs().message).toContain('timeout is "30": expected a unit')
    expect(files.summary()).toContain('⚠️ Publish gate: contoso / contoso-offer: error')
  })

  it.each<[string, Record<string, string>, string]>([
    ['a publisher-id, with api auto', {}, 'Using the CPP API (api auto: publisher-id is set).'],
    ['an explicit api', { api: 'cpp' }, 'Using the CPP API (api: cpp).']
  ])('says first which API it uses and why: %s', async (_, inputs, line) => {
    setup(inputs)
    nock(ORIGIN).get(PATH).query(true).reply(200, rawOperation('succeeded'))
    await expect(gate()).resolves.toMatchObject({ result: 'succeeded' })
    const lines = stdout
      .join('')
      .split('\n')
      .filter((text) => text !== '' && !text.startsWith('::'))
    expect(lines[0]).toBe(line)
  })

  it('uses the Product Ingestion API when nothing in the inputs is the CPP API’s', async () => {
    setup({ 'publisher-id': '', 'offer-id': 'contoso-saas', 'poll-interval': '60s', mode: 'check' })
    // Whatever it asks Graph first, it asks Graph: one answer ends the check.
    const graph = nock('https://graph.microsoft.com')
      .get(/^\/rp\/product-ingestion\//)
      .query(true)
      .reply(403, { error: { code: 'Forbidden', message: 'no access' } })
    await gate()
    graph.done()
    expect(stdout.join('')).toMatch(
      /^Using the Product Ingestion API \(api auto: publisher-id is empty and operation-id is not a CPP operation address\)\.$/m
    )
  })

  it('refuses inputs of both APIs under api auto, before any request, saying what to set', async () => {
    setup({ 'offer-id': `product/${GUID}`, 'operation-id': '' })
    const outcome = await gate()
    expect(outcome).toMatchObject({ result: 'error', polls: 0 })
    expect(process.exitCode).toBe(1)
    expect(files.outputs().message).toBe(
      `Invalid input: api is auto, but the inputs fit no one API: publisher-id is set (only api cpp takes that), while offer-id is a product id (product/<guid>) (only api product-ingestion takes that). Set api to cpp or product-ingestion, the API the offer is published with, and give only its inputs.`
    )
  })

  it('masks the token first and never prints it, even on a 401', async () => {
    setup()
    nock(ORIGIN)
      .get(PATH)
      .query(true)
      .reply(401, { error: { code: 'Unauthorized', message: 'expired' } })
    const outcome = await gate()
    expect(outcome.result).toBe('error')
    const log = stdout.join('')
    expect(log.startsWith(`::add-mask::${TOKEN}`)).toBe(true)
    expect(log.replace(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN)
    expect(JSON.stringify(files.outputs())).not.toContain(TOKEN)
    expect(files.summary()).not.toContain(TOKEN)
    expect(files.outputs().message).toContain('HTTP 401')
  })

  it('masks the token as it is sent when it was pasted with its "Bearer " prefix', async () => {
    setup({ token: `Bearer ${TOKEN}` })
    nock(ORIGIN)
      .get(PATH)
      .query(true)
      .matchHeader('authorization', `Bearer ${TOKEN}`)
      .reply(200, rawOperation('succeeded'))
    await expect(gate()).resolves.toMatchObject({ result: 'succeeded' })
    expect(stdout.join('').startsWith(`::add-mask::${TOKEN}\n`)).toBe(true)
  })

  it('watches the offer status when operation-id is empty', async () => {
    setup({ 'operation-id': '' })
    const scope = nock(ORIGIN)
      .get('/api/publishers/contoso/offers/contoso-offer/status')
      .query({ 'api-version': '2017-10-31' })
      .reply(200, { status: 'Succeeded', steps: [] })
    await expect(gate()).resolves.toMatchObject({ result: 'succeeded' })
    scope.done()
    expect(files.outputs()).toMatchObject({ 'operation-id': '', status: 'succeeded' })
  })

  it('treats a 2xx body that is not an operation as a transient failure', async () => {
    setup({ 'max-consecutive-errors': '2' })
    nock(ORIGIN).get(PATH).query(true).times(2).reply(200, '"maintenance"')
    const outcome = await gate()
    expect(outcome.result).toBe('error')
    expect(outcome.message).toBe(
      'Gave up after 2 consecutive failed requests (max-consecutive-errors). The last one: the API answered with a string, not an operation object'
    )
  })

  it('cuts a long verdict to one readable paragraph everywhere it is shown', async () => {
    setup()
    const flood = 'policy violation. '.repeat(2000)
    nock(ORIGIN)
      .get(PATH)
      .query(true)
      .reply(
        200,
        rawOperation('failed', [], { messages: [{ messageHtml: flood, level: 'error' }] })
      )
    const outcome = await gate()
    expect(outcome.message.length).toBe(MAX_MESSAGE_CHARS)
    expect(files.outputs().message).toBe(outcome.message)
    expect(stdout.join('')).toContain(`::error::${outcome.message.slice(0, 100)}`)
  })

  it('still writes the summary when the outputs file cannot be written', async () => {
    setup()
    process.env.GITHUB_OUTPUT = `${files.dir}/missing/output`
    nock(ORIGIN).get(PATH).query(true).reply(200, rawOperation('succeeded'))
    await expect(gate()).resolves.toMatchObject({ result: 'succeeded' })
    expect(stdout.join('')).toContain('::warning::Could not set the outputs')
    expect(files.summary()).toContain('✅ Publish gate')
  })

  it.each([
    ['a running operation', rawOperation('running'), 'pending', undefined],
    ['a succeeded operation', rawOperation('succeeded'), 'succeeded', undefined],
    ['a failed operation', rawOperation('failed'), 'failed', 1]
  ])('in check mode, %s ends as %s with exit code %s', async (_name, body, result, exitCode) => {
    setup({ mode: 'check' })
    const scope = nock(ORIGIN).get(PATH).query(true).reply(200, body)
    await expect(gate()).resolves.toMatchObject({ result, polls: 1 })
    scope.done()
    expect(process.exitCode).toBe(exitCode)
    expect(files.outputs().result).toBe(result)
    expect(files.summary()).toContain(`Publish gate: contoso / contoso-offer: ${result}`)
  })

  it('with operation-id latest, finds the running operation, says why, and watches it', async () => {
    setup({ 'operation-id': 'latest' })
    const list = '/api/publishers/contoso/offers/contoso-offer/submissions/'
    const scope = nock(ORIGIN)
      .get(list)
      .query({ 'api-version': '2017-10-31', status: 'running' })
      .reply(200, [{ id: GUID, submissionState: 'running', changedTime: '2026-11-22T10:00:00Z' }])
      .get(PATH)
      .query({ 'api-version': '2017-10-31' })
      .reply(200, rawOperation('succeeded'))
    await expect(gate()).resolves.toMatchObject({ result: 'succeeded' })
    scope.done()
    expect(stdout.join('')).toContain(
      `Watching operation ${GUID}: it is the offer's running operation (running).`
    )
    expect(files.outputs()['operation-id']).toBe(GUID)
  })

  it('with operation-id latest and no operation at all, ends in error saying so', async () => {
    setup({ 'operation-id': 'latest' })
    nock(ORIGIN)
      .get('/api/publishers/contoso/offers/contoso-offer/submissions/')
      .query(true)
      .times(2)
      .reply(200, [])
    const outcome = await gate()
    expect(outcome).toMatchObject({ result: 'error' })
    expect(files.outputs().message).toContain(
      'operation-id is "latest", but the offer has no operation'
    )
  })

  it('does not write a summary when summary is false', async () => {
    setup({ summary: 'false' })
    nock(ORIGIN).get(PATH).query(true).reply(200, rawOperation('succeeded'))
    await gate()
    expect(files.summary()).toBe('')
    expect(files.outputs().result).toBe('succeeded')
  })

  it('warns, never clamps, when the timeout is longer than a GitHub-hosted job', async () => {
    setup({ timeout: '7h' })
    process.env.RUNNER_ENVIRONMENT = 'github-hosted'
    nock(ORIGIN).get(PATH).query(true).reply(200, rawOperation('succeeded'))
    await gate()
    expect(stdout.join('')).toContain(
      '::warning::timeout is 7h, but GitHub-hosted jobs are stopped after 6h'
    )
  })

  it('warns when the job summary cannot be written, and still sets outputs', async () => {
    setup()
    process.env.GITHUB_STEP_SUMMARY = `${files.dir}/missing/summary`
    nock(ORIGIN).get(PATH).query(true).reply(200, rawOperation('succeeded'))
    await expect(gate()).resolves.toMatchObject({ result: 'succeeded' })
    expect(stdout.join('')).toContain('::warning::Could not write the job summary')
    expect(files.outputs().result).toBe('succeeded')
  })

  it('skips the summary quietly outside a runner', async () => {
    setup()
    delete process.env.GITHUB_STEP_SUMMARY
    nock(ORIGIN).get(PATH).query(true).reply(200, rawOperation('succeeded'))
    await expect(gate()).resolves.toMatchObject({ result: 'succeeded' })
    expect(stdout.join('')).not.toContain('::warning::')
  })
})
