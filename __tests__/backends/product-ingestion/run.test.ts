// run() with api: product-ingestion, in-process against nock on a virtual clock: the log, the
// outputs and the summary a runner would see, without a simulator.

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { run } from '../../../src/main.js'
import {
  captureStdout,
  restoreAfterRun,
  runnerFiles,
  type RunnerFiles,
  virtualClock
} from '../../fixtures/runner.js'
import {
  certificationTree,
  JOB_ID,
  PRODUCT,
  PRODUCT_GUID,
  rawJob,
  rawList,
  rawProducts,
  rawSubmission,
  SUBMISSION_1,
  SUBMISSION_2
} from '../../fixtures/product-ingestion.js'

const GRAPH = 'https://graph.microsoft.com'
const PREFIX = '/rp/product-ingestion'
const TOKEN = 'graph-tok3n-never-printed-0123456789'

let files: RunnerFiles
let stdout: string[]

function setup(inputs: Record<string, string> = {}): void {
  files = runnerFiles({
    api: 'product-ingestion',
    'offer-id': 'contoso-saas',
    'operation-id': JOB_ID,
    token: TOKEN,
    timeout: '10m',
    ...inputs
  })
  Object.assign(process.env, files.env)
}

const lines = (): string[] => stdout.join('').split('\n')

beforeEach(() => {
  stdout = captureStdout()
})

afterEach(restoreAfterRun)

function firstPoll(job: Record<string, unknown>): nock.Scope {
  return nock(GRAPH)
    .get(`${PREFIX}/product`)
    .query({ externalId: 'contoso-saas', $version: '2022-07-01' })
    .reply(200, rawProducts('contoso-saas'))
    .get(`${PREFIX}/configure/${JOB_ID}/status`)
    .query(true)
    .reply(200, job)
    .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
    .query(true)
    .reply(
      200,
      rawList(
        rawSubmission('preview', SUBMISSION_1, 'completed', 'succeeded'),
        rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded')
      )
    )
}

describe('run with api: product-ingestion', () => {
  it('warns once per unknown spelling and keeps polling until the job fails certification', async () => {
    setup()
    const scope = firstPoll(rawJob('Queued', 'pending'))
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(true)
      .reply(200, rawJob('Queued', 'pending'))
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(true)
      .reply(200, rawJob('running', 'Paused'))
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(true)
      .reply(200, rawJob('completed', 'failed', { errors: certificationTree() }))
      .get(`${PREFIX}/submission/${PRODUCT_GUID}`)
      .query(true)
      .reply(
        200,
        rawList(
          rawSubmission('preview', SUBMISSION_2, 'completed', 'failed'),
          rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded')
        )
      )
    const outcome = await run({ clock: virtualClock() })
    scope.done()
    expect(outcome).toMatchObject({ result: 'failed', polls: 4, requests: 7 })
    expect(process.exitCode).toBe(1)
    const warnings = lines().filter((line) => line.startsWith('::warning::'))
    expect(warnings).toEqual([
      '::warning::Unknown status "Queued" from the Product Ingestion API: the gate keeps polling and reports it as unknown. Please open an issue with this spelling.',
      '::warning::Unknown status "Paused" from the Product Ingestion API: the gate keeps polling and reports it as unknown. Please open an issue with this spelling.'
    ])
    expect(lines()).toContain(
      `Watching configure job ${JOB_ID} of offer contoso-saas until the configure job succeeded and the submission it published is completed, the preview ready for go-live or live (wait-for auto); timeout 10m, polling every 1m; signed in with the token input.`
    )
    expect(files.outputs()).toMatchObject({
      result: 'failed',
      'failed-step': 'job',
      'operation-id': JOB_ID,
      'product-id': PRODUCT,
      'submission-id': SUBMISSION_2,
      'step-job-status': 'failed',
      'step-preview-status': 'failed',
      'step-live-status': 'notStarted',
      message:
        'Certification failed: Issues were found during certification: the SaaS landing page does not respond.'
    })
    const summary = files.summary()
    expect(summary).toContain('<h2>❌ Publish gate: contoso-saas: failed</h2>')
    expect(summary).toContain('<code>invalidState</code>: Certification')
    // The token shows only in the command that masks it.
    const printed = stdout.join('').replace(`::add-mask::${TOKEN}`, '')
    for (const text of [printed, summary, JSON.stringify(files.outputs())]) {
      expect(text).not.toContain(TOKEN)
    }
  })

  it('times out naming the job still running', async () => {
    setup({ timeout: '3m' })
    // Polls at 0, 1 and 2 minutes; no early one at 2m58s (the API asks for a minute between
    // polls): the timeout is declared on the answer at 2 minutes.
    const scope = firstPoll(rawJob('running', 'pending'))
      .get(`${PREFIX}/configure/${JOB_ID}/status`)
      .query(true)
      .times(2)
      .reply(200, rawJob('running', 'pending'))
    const outcome = await run({ clock: virtualClock() })
    expect(outcome).toMatchObject({ result: 'timed-out', polls: 3 })
    expect(outcome.message).toBe(
      'Timed out after 3m. Last status: running; step Configure job running.'
    )
    expect(scope.isDone()).toBe(true)
    nock.cleanAll()
  })

  it('reports every bad input before any request', async () => {
    setup({ 'offer-id': 'a b', 'operation-id': '/configure/x/status', 'poll-interval': '10s' })
    const outcome = await run({ clock: virtualClock() })
    expect(outcome).toMatchObject({ result: 'error', requests: 0 })
    expect(outcome.message.split('\n')).toEqual([
      'Invalid inputs:',
      '  - offer-id is "a b": expected the offer id as typed in Partner Center (3 to 50 letters, digits, - or _), or the product id Partner Center shows in its address bar (a GUID, or product/<guid>).',
      '  - operation-id is "/configure/x/status": expected a configure job id (the GUID in the jobId of POST /configure\'s answer), its status address /configure/<jobId>/status (relative, or absolute on base-url), latest, or empty to watch the product\'s submissions.',
      '  - poll-interval is "10s": expected at least 1m: the Product Ingestion API asks clients not to poll a job more than once a minute.'
    ])
    expect(files.summary()).toContain('Publish gate: a b: error')
  })
})
