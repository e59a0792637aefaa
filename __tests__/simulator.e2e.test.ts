// Every simulator scenario end to end: the simulator in-process, the shipped dist/index.js as a
// child process with a runner's environment, real HTTP on loopback.

import { afterEach, describe, expect, it } from '@jest/globals'
import { API_VERSION, DEFAULT_TOKEN, startSimulator, type Simulator } from '../simulator/server.ts'
import { expectTokenHidden, logShows, runBundle } from './fixtures/bundle.js'

/** At this speed a publish reaches sign-off in 0.66 s and certification blocks at 0.17 s. */
const SPEED = 20_000

let simulator: Simulator | undefined
afterEach(async () => {
  await simulator?.close()
  simulator = undefined
})

async function start(speed = SPEED, faultRate?: number): Promise<Simulator> {
  simulator = await startSimulator({ speed, ...(faultRate === undefined ? {} : { faultRate }) })
  return simulator
}

async function post(
  api: Simulator,
  offer: string,
  action: 'publish' | 'golive' | 'cancel'
): Promise<string> {
  const response = await fetch(
    `${api.url}/api/publishers/contoso/offers/${offer}/${action}?api-version=${API_VERSION}`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ metadata: { 'notification-emails': 'release@contoso.com' } })
    }
  )
  expect(response.status).toBe(202)
  return response.headers.get('location') ?? ''
}

/**
 * Runs the bundle, and checks what every run must do whatever its verdict: write a summary with
 * the verdict's heading, and never show the token (the one given, or the simulator's).
 */
async function gate(
  api: Simulator,
  offer: string,
  inputs: Record<string, string>,
  whileRunning?: Parameters<typeof runBundle>[1]
) {
  const run = await runBundle(
    {
      'publisher-id': 'contoso',
      'offer-id': offer,
      token: DEFAULT_TOKEN,
      'base-url': api.url,
      'poll-interval': '1s',
      timeout: '30s',
      ...inputs
    },
    whileRunning
  )
  expect(run.summary).toContain(
    `Publish gate: ${inputs['publisher-id'] ?? 'contoso'} / ${offer}: ${run.outputs.result}`
  )
  for (const token of new Set([DEFAULT_TOKEN, inputs.token ?? DEFAULT_TOKEN]))
    expectTokenHidden(run, token)
  return run
}

describe('the gate against the CPP simulator', () => {
  it('publish-success: passes once the preview is ready for go-live', async () => {
    const api = await start()
    const location = await post(api, 'publish-success', 'publish')
    const run = await gate(api, 'publish-success', {
      'operation-id': location,
      'wait-for': 'preview'
    })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      result: 'succeeded',
      status: 'running',
      'submission-type': 'Publish',
      'step-displaycertify-status': 'succeeded',
      'step-publisher-signoff-status': 'waiting',
      'step-live-status': 'notStarted'
    })
    expect(JSON.parse(run.outputs['preview-links'])).toEqual([
      'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.publish-success-preview'
    ])
    expect(run.summary).toContain('The preview is ready for go-live: Publisher signoff is waiting.')
    expectTokenHidden(run, DEFAULT_TOKEN)
  }, 30_000)

  // With no wait-for (auto): a Publish is done when its preview is ready for go-live, a GoLive
  // when it completes.
  it('publish-success then go-live, no wait-for: the publish passes at sign-off, the go-live on completion with the live link', async () => {
    const api = await start(2_000)
    const publish = await post(api, 'publish-success', 'publish')
    const first = await gate(api, 'publish-success', { 'operation-id': publish })
    expect(first.code).toBe(0)
    expect(first.outputs).toMatchObject({
      result: 'succeeded',
      status: 'running',
      'submission-type': 'Publish',
      'step-publisher-signoff-status': 'waiting',
      message: 'The preview is ready for go-live: Publisher signoff is waiting.'
    })
    expect(first.stdout).toMatch(
      /^Watching operation .* until its preview is ready for go-live if it is a publish, or it completes if it is a go-live \(wait-for auto: its submission type says which\)/m
    )
    const golive = await post(api, 'publish-success', 'golive')
    const run = await gate(api, 'publish-success', { 'operation-id': golive }, async (_c, out) => {
      // Still waiting while the live step runs: auto does not stop at a ready preview here.
      await logShows(out, 'Step Live: running')
    })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      result: 'succeeded',
      status: 'succeeded',
      'submission-type': 'GoLive',
      'step-live-status': 'succeeded'
    })
    expect(JSON.parse(run.outputs['live-links'])).toEqual([
      'https://azuremarketplace.microsoft.com/marketplace/apps/contoso.publish-success'
    ])
  }, 30_000)

  it('certification-blocked: fails at once with the documented error in outputs, log and summary', async () => {
    const api = await start()
    const location = await post(api, 'certification-blocked', 'publish')
    const run = await gate(api, 'certification-blocked', {
      'operation-id': location,
      'wait-for': 'preview'
    })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({
      result: 'blocked',
      'failed-step': 'displaycertify',
      'step-displaycertify-status': 'blocked'
    })
    expect(run.outputs.message).toContain(
      'Certification is blocked: No virtual machine image was found for the plan gen2.'
    )
    // The verdict is said once, as the step's annotation, with the link's address.
    const link =
      'https://learn.microsoft.com/partner-center/marketplace-offers/azure-vm-plan-technical-configuration'
    expect(run.stdout).toContain(
      `::error title=Certification%3A blocked::Certification is blocked: No virtual machine image was found for the plan gen2. Add an image to the plan, then publish again. See technical configuration (${link}).`
    )
    expect(run.stdout.match(/No virtual machine image/g)).toHaveLength(1)
    expect(run.summary).toContain('⛔ Publish gate: contoso / certification-blocked: blocked')
    // The message's link survives as a link, in the verdict paragraph and in the step's cell; its
    // other markup does not.
    const anchor = `<a href="${link}">technical configuration</a>`
    expect(run.summary).toContain(
      `<p>Certification is blocked: No virtual machine image was found for the plan gen2. Add an image to the plan, then publish again. See ${anchor}.</p>`
    )
    expect(run.summary).toMatch(
      new RegExp(`<td>No virtual machine image[^<]*${anchor.replace(/[.?]/g, '\\$&')}\\.</td>`)
    )
    expect(run.summary).toContain(
      '🔄 The operation is still running at the API; the gate stopped because Certification is blocked.'
    )
    expect(run.summary).not.toContain('<b>')
    expectTokenHidden(run, DEFAULT_TOKEN)
  }, 30_000)

  it('certification-failed: fails with the operation failed and the security-scan message', async () => {
    const api = await start()
    const location = await post(api, 'certification-failed', 'publish')
    const run = await gate(api, 'certification-failed', { 'operation-id': location })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({
      result: 'failed',
      status: 'failed',
      'failed-step': 'displaycertify'
    })
    expect(run.outputs.message).toContain(
      'did not pass the security scan ("SSH root login enabled")'
    )
  }, 30_000)

  it('canceled: fails as canceled with the canceled step', async () => {
    const api = await start()
    const location = await post(api, 'canceled', 'publish')
    const run = await gate(api, 'canceled', { 'operation-id': location })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({
      result: 'canceled',
      status: 'canceled',
      'failed-step': 'displayprovision',
      // The step's error message, not its newer or older information ones.
      message:
        'Provisioning was canceled: The operation was canceled by the publisher before provisioning ended.'
    })
  }, 30_000)

  it('a cancel sent while the gate waits fails it as canceled', async () => {
    const api = await start(2_000)
    const location = await post(api, 'publish-success', 'publish')
    const run = await gate(
      api,
      'publish-success',
      { 'operation-id': location },
      async (_child, stdout) => {
        await logShows(stdout, 'Operation status: running')
        await post(api, 'publish-success', 'cancel')
      }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('canceled')
  }, 30_000)

  it('slow: times out at the deadline with the step in progress', async () => {
    // At 100× the slow scenario validates for 60 real seconds: the 2 s wait ends inside that step
    // however long a loaded machine takes to start the bundle.
    const api = await start(100)
    const location = await post(api, 'slow', 'publish')
    const run = await gate(api, 'slow', { 'operation-id': location, timeout: '2s' })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('timed-out')
    expect(run.outputs.message).toMatch(
      /^Timed out after 2s\. Last status: running; step Validate pre-requisites running at \d+%\.$/
    )
  }, 30_000)

  it('flaky: reaches the right verdict through 429s, 503 pages and dropped connections', async () => {
    // Faults on 90 % of requests, never more than two in a row, in turn 429, 503 and a dropped
    // connection: the gate meets all three in the 6.6 s before sign-off.
    const api = await start(2_000, 0.9)
    const location = await post(api, 'flaky', 'publish')
    const run = await gate(api, 'flaky', { 'operation-id': location, 'wait-for': 'preview' })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('succeeded')
    // Failures before the first answer count toward max-consecutive-errors; later ones are an outage.
    expect(run.stdout).toMatch(
      /Request failed(?: \(1 in a row; the gate gives up at 5\))?: HTTP 429/
    )
    expect(run.stdout).toMatch(
      /Request failed(?: \(\d in a row; the gate gives up at 5\))?: HTTP 503: Service Unavailable/
    )
    expect(run.stdout).toMatch(
      /Request failed(?: \(\d in a row; the gate gives up at 5\))?: (network error ECONNRESET|the connection closed before the response was complete)/
    )
    expectTokenHidden(run, DEFAULT_TOKEN)
  }, 60_000)

  it('non-migrated: follows the $-separated Location form', async () => {
    const api = await start()
    const location = await post(api, 'non-migrated', 'publish')
    expect(location).toBe('/api/operations/contoso$non-migrated$2$preview?api-version=2017-10-31')
    const run = await gate(api, 'non-migrated', { 'operation-id': location, 'wait-for': 'preview' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      result: 'succeeded',
      'operation-id': 'contoso$non-migrated$2$preview'
    })
  }, 30_000)

  it('watches the offer status when no operation id is given', async () => {
    const api = await start()
    await post(api, 'publish-success', 'publish')
    const run = await gate(api, 'publish-success', { 'wait-for': 'preview' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      result: 'succeeded',
      'operation-id': '',
      'step-publisher-signoff-status': 'waiting'
    })
  }, 30_000)

  it.each([
    ['a token the API does not know', { token: 'not-the-token' }, 'HTTP 401'],
    ['a publisher the token does not own', { 'publisher-id': 'fabrikam' }, 'HTTP 403'],
    [
      'an operation that does not exist',
      { 'operation-id': '56615b67-2185-49fe-80d2-c4ddf77bb2e8' },
      'HTTP 404'
    ],
    [
      'an api-version the API does not serve',
      { 'api-version': '2016-08-01-preview' },
      'InvalidAPIVersion'
    ]
  ])(
    'stops at once on %s',
    async (_name, inputs, expected) => {
      const api = await start()
      await post(api, 'publish-success', 'publish')
      const run = await gate(api, 'publish-success', inputs)
      expect(run.code).toBe(1)
      expect(run.outputs).toMatchObject({ result: 'error', polls: '1' })
      expect(run.outputs.message).toContain(expected)
    },
    30_000
  )

  it('SIGINT mid-poll: interrupted, with outputs and summary, without cancelling the operation', async () => {
    const api = await start(500)
    const location = await post(api, 'publish-success', 'publish')
    let signalled = 0
    const run = await gate(
      api,
      'publish-success',
      { 'operation-id': location, 'poll-interval': '20s' },
      async (child, stdout) => {
        await logShows(stdout, 'Step Validate pre-requisites')
        signalled = Date.now()
        child.kill('SIGINT')
      }
    )
    expect(Date.now() - signalled).toBeLessThan(5_000)
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'interrupted', status: 'running' })
    expect(run.summary).toContain('⏹️ Publish gate: contoso / publish-success: interrupted')
    // Nothing was cancelled: the operation still runs on the server.
    const status = await fetch(
      `${api.url}/api/publishers/contoso/offers/publish-success/status?api-version=${API_VERSION}`,
      {
        headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` }
      }
    )
    expect(((await status.json()) as { status: string }).status).toBe('running')
    expectTokenHidden(run, DEFAULT_TOKEN)
  }, 30_000)
})
