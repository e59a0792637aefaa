// api: product-ingestion end to end: the simulator in-process, the shipped dist/index.js as a child
// process with a runner's environment, real HTTP on loopback, for every scenario, and signed in
// with the token input, a client secret and GitHub OIDC.

import { afterEach, describe, expect, it } from '@jest/globals'
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_OIDC_REQUEST_TOKEN,
  DEFAULT_TENANT
} from '../simulator/azure-ad.ts'
import { CERTIFICATION_FAILURE } from '../simulator/product-ingestion-scenarios.ts'
import { DEFAULT_GRAPH_TOKEN, PI_PREFIX, publishOn } from '../simulator/product-ingestion.ts'
import { DEFAULT_TOKEN, startSimulator, type Simulator } from '../simulator/server.ts'
import { startFakeGitHub, type FakeGitHub } from './fixtures/fake-github.js'
import { expectTokenHidden, runBundle, type BundleRun } from './fixtures/bundle.js'

/** At this speed a preview publish (1 minute queued, 3 hours certified) takes 5.4 s. */
const SPEED = 2_000

let simulator: Simulator | undefined
let github: FakeGitHub | undefined
/** The simulator's request log: a refused token would show here even when the gate recovers. */
let answered: string[] = []
afterEach(async () => {
  await simulator?.close()
  await github?.close()
  simulator = undefined
  github = undefined
  answered = []
})

async function start(speed = SPEED, options: Parameters<typeof startSimulator>[0] = {}) {
  simulator = await startSimulator({ speed, log: (line) => answered.push(line), ...options })
  return simulator
}

/**
 * Runs the bundle with api: product-ingestion and checks what every run must do: a summary whose
 * heading has the verdict, and no token anywhere.
 */
async function gate(
  api: Simulator,
  offer: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<BundleRun> {
  const run = await runBundle(
    {
      api: 'product-ingestion',
      'offer-id': offer,
      'base-url': `${api.url}${PI_PREFIX}`,
      'poll-interval': '1s',
      timeout: '30s',
      ...(inputs['client-id'] ? {} : { token: DEFAULT_GRAPH_TOKEN }),
      ...inputs
    },
    undefined,
    env
  )
  expect(run.summary).toContain(`Publish gate: ${offer}: ${run.outputs.result}`)
  for (const token of [DEFAULT_GRAPH_TOKEN, DEFAULT_TOKEN]) expectTokenHidden(run, token)
  return run
}

/**
 * Requests a job watch makes that ends when the job does: the look-up, the job each poll, the
 * submissions on first sight, and at the end the job's detail and the submissions.
 */
function jobRequests(polls: number): number {
  return polls + (polls > 1 ? 4 : 3)
}

describe('the gate against the Product Ingestion simulator', () => {
  it('preview-success: passes when the configure job succeeded and the preview is ready, with every output', async () => {
    const api = await start()
    const { productId, jobId } = await publishOn(api.url, 'preview-success', 'preview')
    const run = await gate(api, 'preview-success', { 'operation-id': jobId })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      result: 'succeeded',
      status: 'succeeded',
      'raw-status': 'completed/succeeded',
      'operation-id': jobId,
      'product-id': productId,
      'submission-id': `${productId.replace('product/', 'submission/')}/1152921515689847471`,
      errors: '[]',
      'step-job-status': 'succeeded',
      'step-job-progress': '',
      'step-preview-status': 'succeeded',
      // Live is an earlier release's, untouched by this preview publish.
      'step-live-status': 'notStarted',
      // wait-for auto, for a preview job: the job succeeded and its preview is ready for go-live.
      message: `The preview is ready for go-live: submission ${productId.replace('product/', 'submission/')}/1152921515689847471 is completed (succeeded).`
    })
    expect(Number(run.outputs.requests)).toBe(jobRequests(Number(run.outputs.polls)))
    expect(run.stdout).toContain(`Offer preview-success is ${productId}.`)
    expect(run.stdout).toContain('Publish status: running')
    expect(run.summary).toContain(`<code>${productId}</code>`)
  }, 30_000)

  it('preview-success: with no api input (api auto), tells the Product Ingestion API from the inputs and passes', async () => {
    const api = await start()
    const { jobId } = await publishOn(api.url, 'preview-success', 'preview')
    const run = await gate(api, 'preview-success', { api: '', 'operation-id': jobId })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'succeeded', 'operation-id': jobId })
    expect(run.stdout.split('\n').find((line) => line !== '' && !line.startsWith('::'))).toBe(
      'Using the Product Ingestion API (api auto: publisher-id is empty and operation-id is not a CPP operation address).'
    )
  }, 30_000)

  it('preview-success: wait-for preview passes with the preview submission ready for go-live', async () => {
    const api = await start()
    const { productId, jobId } = await publishOn(api.url, 'preview-success', 'preview')
    const run = await gate(api, 'preview-success', {
      'operation-id': `/configure/${jobId}/status`,
      'wait-for': 'preview'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.message).toBe(
      `The preview is ready for go-live: submission ${productId.replace('product/', 'submission/')}/1152921515689847471 is completed (succeeded).`
    )
  }, 30_000)

  it('preview-success: with operation-id latest, watches the submissions until the preview succeeds', async () => {
    const api = await start()
    await publishOn(api.url, 'preview-success', 'preview')
    const run = await gate(api, 'preview-success', {
      'operation-id': 'latest',
      'wait-for': 'preview'
    })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      result: 'succeeded',
      'operation-id': '',
      errors: '',
      'step-preview-status': 'succeeded'
    })
    expect(run.outputs).not.toHaveProperty('step-job-status')
    // One look-up, then one request a poll.
    expect(Number(run.outputs.requests)).toBe(Number(run.outputs.polls) + 1)
  }, 30_000)

  it('certification-failed: fails with "Certification failed: …", the error tree and where the report is', async () => {
    const api = await start()
    const { jobId } = await publishOn(api.url, 'certification-failed', 'preview')
    const run = await gate(api, 'certification-failed', { 'operation-id': jobId })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({
      result: 'failed',
      status: 'failed',
      'raw-status': 'completed/failed',
      'failed-step': 'job',
      message: `Certification failed: ${CERTIFICATION_FAILURE}`,
      'step-job-status': 'failed',
      'step-preview-status': 'failed'
    })
    const errors = JSON.parse(run.outputs.errors) as Array<{
      code: string
      details: Array<{ code: string; message: string; details: Array<{ message: string }> }>
    }>
    expect(errors[0].code).toBe('internalServerError')
    expect(errors[0].details[0]).toMatchObject({ code: 'invalidState', message: 'Certification' })
    expect(errors[0].details[0].details[0].message).toBe(CERTIFICATION_FAILURE)
    // The verdict, said once: as the annotation of the step it names.
    expect(run.stdout).toContain(
      `::error title=Configure job%3A failed::Certification failed: ${CERTIFICATION_FAILURE}`
    )
    expect(run.stdout).not.toContain(`❌`)
    expect(run.summary).toContain(
      'The certification report is e-mailed to the account&#39;s seller contact'
    )
    expect(run.summary).toContain('<code>internalServerError</code>: Operation failed')
  }, 30_000)

  it('cancelled: fails as canceled, watching the job', async () => {
    const api = await start()
    const { jobId } = await publishOn(api.url, 'cancelled', 'preview')
    const run = await gate(api, 'cancelled', { 'operation-id': jobId })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({
      result: 'canceled',
      'raw-status': 'completed/cancelled',
      'failed-step': 'job',
      message: 'Configure job was canceled.'
    })
  }, 30_000)

  it('cancelled: fails as canceled, watching the submissions (the single-L spelling)', async () => {
    const api = await start()
    await publishOn(api.url, 'cancelled', 'preview')
    const run = await gate(api, 'cancelled', { 'operation-id': '' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({
      result: 'canceled',
      'raw-status': 'completed/canceled',
      'failed-step': 'preview'
    })
  }, 30_000)

  it('live-success: wait-for live passes once the go-live job took the preview live', async () => {
    const api = await start(20_000)
    const { productId, jobId, status } = await publishOn(api.url, 'live-success', 'live')
    expect(status).toBe(202)
    const run = await gate(api, 'live-success', { 'operation-id': jobId, 'wait-for': 'live' })
    expect(run.code).toBe(0)
    expect(run.outputs.message).toMatch(
      new RegExp(
        `^The offer is live: submission ${productId.replace('product/', 'submission/')}/\\d{19} is completed \\(succeeded\\) on live\\.$`
      )
    )
    expect(run.outputs['step-live-status']).toBe('succeeded')
  }, 30_000)

  it('flaky: reaches the verdict through 500s, 503 pages and dropped connections on the status call', async () => {
    // 10.9 s of publish: room for all three faults however late a loaded machine starts the bundle.
    const api = await start(1_000, { faultRate: 0.9 })
    const { jobId } = await publishOn(api.url, 'flaky', 'preview')
    const run = await gate(api, 'flaky', { 'operation-id': jobId })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('succeeded')
    // Failures before the first answer count toward max-consecutive-errors; later ones are an outage.
    expect(run.stdout).toMatch(
      /Request failed(?: \(\d in a row; the gate gives up at 5\))?: HTTP 500: internalServerError/
    )
    expect(run.stdout).toMatch(
      /Request failed(?: \(\d in a row; the gate gives up at 5\))?: HTTP 503: Service Unavailable/
    )
    expect(run.stdout).toMatch(
      /Request failed(?: \(\d in a row; the gate gives up at 5\))?: (network error ECONNRESET|the connection closed before the response was complete)/
    )
  }, 60_000)

  it('deprecated-version: stops at once, naming api-version', async () => {
    const api = await start()
    const { jobId } = await publishOn(api.url, 'deprecated-version', 'preview')
    const run = await gate(api, 'deprecated-version', { 'operation-id': jobId })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'error', polls: '1' })
    expect(run.outputs.message).toMatch(
      /^The Product Ingestion API refused the schema version the gate asked for \(HTTP 400, \$version=2022-07-01\)\. The API said: badRequest: "2022-07-01 is a deprecated schema"\. The gate's default 2022-07-01 is refused too: set api-version to a newer version the API serves\. \(x-ms-correlation-request-id: [0-9a-f-]{36}\)$/
    )
  }, 30_000)

  it('product-not-found: stops at once, naming the offer id and api: cpp', async () => {
    const api = await start()
    const run = await gate(api, 'product-not-found', {
      'operation-id': '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
    })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'error', polls: '1', requests: '1' })
    expect(run.outputs.message).toMatch(
      /^offer-id "product-not-found": the Product Ingestion API knows no product/
    )
    expect(run.outputs.message).toContain('gate them with api: cpp.')
  }, 30_000)

  it.each([
    [
      'a CPP token',
      { token: DEFAULT_TOKEN },
      'refused the token (HTTP 401): it is missing or expired, or not issued for https://graph.microsoft.com'
    ],
    [
      'a job of another tenant',
      { 'operation-id': '56615b67-2185-49fe-80d2-c4ddf77bb2e8' },
      'has no configure job 56615b67-2185-49fe-80d2-c4ddf77bb2e8 (HTTP 404)'
    ],
    ['a deprecated api-version', { 'api-version': '2022-03-01-preview3' }, 'api-version']
  ])(
    'stops at once on %s',
    async (_name, inputs, expected) => {
      const api = await start()
      await publishOn(api.url, 'preview-success', 'preview')
      const run = await gate(api, 'preview-success', inputs)
      expect(run.code).toBe(1)
      expect(run.outputs).toMatchObject({ result: 'error', polls: '1' })
      expect(run.outputs.message).toContain(expected)
    },
    30_000
  )

  it('refuses a fast poll-interval on a base-url that is not loopback, before any request', async () => {
    const api = await start()
    const run = await gate(api, 'preview-success', {
      'base-url': 'https://graph.microsoft.com/rp/product-ingestion',
      'poll-interval': '30s'
    })
    expect(run.code).toBe(1)
    expect(run.outputs.message).toBe(
      'Invalid input: poll-interval is "30s": expected at least 1m: the Product Ingestion API asks clients not to poll a job more than once a minute.'
    )
    expect(answered).toEqual([])
  }, 30_000)

  it('mode check with check-name: pending while the job waits, with the job in the check run', async () => {
    // At this speed the job waits 6 s before it runs: the one check sees it not started.
    const api = await start(10)
    github = await startFakeGitHub('ghs_pi')
    const { jobId } = await publishOn(api.url, 'preview-success', 'preview')
    const run = await gate(
      api,
      'preview-success',
      {
        'operation-id': jobId,
        mode: 'check',
        'check-name': 'Partner Center certification',
        'github-token': 'ghs_pi'
      },
      {
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: 'contoso/saas-offer',
        GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
      }
    )
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'pending', polls: '1', requests: '3' })
    expect(github.runs).toHaveLength(1)
    expect(github.runs[0]).toMatchObject({
      status: 'in_progress',
      output: {
        // Not started for 6 s; a machine slow enough to start the bundle later sees it running.
        title: expect.stringMatching(/^(Operation not started|Configure job: running)$/),
        summary: expect.stringContaining('Configure job')
      }
    })
  }, 30_000)
})

describe('signed in to Azure AD for Microsoft Graph, the gate outlives its tokens', () => {
  /** Tokens live 3 s; the publish takes 10.9 s: more than three lifetimes. */
  const lifetime = { tokenLifetimeSec: 3 }
  const signIn = {
    'authority-host': '',
    'tenant-id': DEFAULT_TENANT,
    'client-id': DEFAULT_CLIENT_ID
  }

  it.each([
    ['a client secret', { 'client-secret': DEFAULT_CLIENT_SECRET }, {}],
    [
      'GitHub OIDC',
      {},
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: '{url}/oidc/token?api-version=2.0',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: DEFAULT_OIDC_REQUEST_TOKEN
      }
    ]
  ])(
    'with %s',
    async (method, inputs: Record<string, string>, env: Record<string, string>) => {
      const api = await start(1_000, lifetime)
      const { jobId } = await publishOn(api.url, 'preview-success', 'preview')
      const run = await gate(
        api,
        'preview-success',
        { ...signIn, 'authority-host': api.url, 'operation-id': jobId, ...inputs },
        Object.fromEntries(
          Object.entries(env).map(([name, value]) => [name, value.replace('{url}', api.url)])
        )
      )
      expect(run.code).toBe(0)
      expect(run.outputs.result).toBe('succeeded')
      expect(run.stdout).toContain(
        `Signed in to Azure AD as application ${DEFAULT_CLIENT_ID} with ${method}`
      )
      expect(api.tokensIssued()).toBeGreaterThanOrEqual(4)
      // Renewed before expiry, and for Graph: the Product Ingestion API never refused one.
      const calls = answered.filter((line) => line.includes(PI_PREFIX))
      expect(calls.filter((line) => line.includes(' → 401'))).toEqual([])
      expect(calls.length).toBeGreaterThanOrEqual(8)
      // Every secret was masked before use and shows nowhere else.
      const masked = [...run.stdout.matchAll(/^::add-mask::(.+)$/gm)].map((match) => match[1])
      expect(masked.filter((value) => value.startsWith('sim-at-'))).toHaveLength(api.tokensIssued())
      for (const secret of [...masked, DEFAULT_CLIENT_SECRET]) {
        expectTokenHidden(
          { ...run, stdout: run.stdout.split(`::add-mask::${secret}`).join('') },
          secret
        )
      }
    },
    60_000
  )
})
