// The scheduled-workflow pattern end to end: the demo's publish on the simulator, then runs of the
// bundle in `mode: check` with `operation-id: latest`, minutes apart in real life and seconds apart
// here, keeping one check run on the commit from in progress to its conclusion.

import { afterEach, expect, it } from '@jest/globals'
import { API_VERSION, DEFAULT_TOKEN, startSimulator, type Simulator } from '../simulator/server.ts'
import { readyPreviewInputs, runBundle } from './fixtures/bundle.js'
import { startConnectProxy } from './fixtures/connect-proxy.js'
import { startFakeGitHub, type FakeGitHub } from './fixtures/fake-github.js'

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const GITHUB_TOKEN = 'ghs_fakeGitHubToken0123456789'

let simulator: Simulator | undefined
let github: FakeGitHub | undefined
afterEach(async () => {
  await simulator?.close()
  await github?.close()
})

it('scheduled check runs with operation-id latest drive one check run to its conclusion', async () => {
  // A publish reaches sign-off after 4.4 s.
  simulator = await startSimulator({ speed: 3_000 })
  github = await startFakeGitHub(GITHUB_TOKEN)
  const published = await fetch(
    `${simulator.url}/api/publishers/contoso/offers/publish-success/publish?api-version=${API_VERSION}`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` }
    }
  )
  const operationId = /operations\/([^?]+)/.exec(published.headers.get('location') ?? '')?.[1]

  const check = () =>
    runBundle(
      {
        'publisher-id': 'contoso',
        'offer-id': 'publish-success',
        token: DEFAULT_TOKEN,
        'base-url': simulator?.url ?? '',
        'operation-id': 'latest',
        mode: 'check',
        'wait-for': 'preview',
        'check-name': 'Marketplace certification',
        'github-token': GITHUB_TOKEN
      },
      undefined,
      {
        GITHUB_API_URL: github?.url ?? '',
        GITHUB_REPOSITORY: 'contoso/marketplace-offer',
        GITHUB_SHA: SHA,
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_WORKFLOW_REF:
          'contoso/marketplace-offer/.github/workflows/certification.yml@refs/heads/main'
      }
    )

  const first = await check()
  expect(first.code).toBe(0)
  expect(first.outputs).toMatchObject({
    result: 'pending',
    'operation-id': operationId,
    'check-run-id': '1000'
  })
  expect(first.stdout).toContain(
    `Watching operation ${operationId}: it is the offer's running operation`
  )
  expect(github.runs).toHaveLength(1)
  expect(github.runs[0]).toMatchObject({
    name: 'Marketplace certification',
    head_sha: SHA,
    status: 'in_progress'
  })
  expect(github.runs[0].output.title).toMatch(/^(Validate pre-requisites|Certification) \d+%$/)

  let last = first
  for (let run = 0; run < 10 && last.outputs.result === 'pending'; run++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    last = await check()
    expect(last.code).toBe(0)
    expect(last.outputs['check-run-id']).toBe('1000')
  }
  expect(last.outputs.result).toBe('succeeded')
  // One check run, found again by every later run, and completed with the verdict.
  expect(github.runs).toHaveLength(1)
  expect(github.requests.filter((line) => line.startsWith('POST'))).toHaveLength(1)
  expect(github.runs[0]).toMatchObject({ status: 'completed', conclusion: 'success' })
  expect(github.runs[0].output.summary).toContain(
    '✅ Publish gate: contoso / publish-success: succeeded'
  )
  expect(JSON.stringify(github.runs)).not.toContain(GITHUB_TOKEN)

  // The schedule outlives the wait: a later run leaves the completed check as it is.
  const writes = (): number =>
    github?.requests.filter((line) => /^(POST|PATCH)/.test(line)).length ?? 0
  const writesBefore = writes()
  const after = await check()
  expect(after.code).toBe(0)
  expect(after.stdout).toContain('was already completed (success), so it is left as it is')
  expect(github.runs).toHaveLength(1)
  expect(writes()).toBe(writesBefore)
}, 60_000)

it('a blocked certification completes the check run as failure with an annotation on the workflow', async () => {
  simulator = await startSimulator({ speed: 20_000 })
  github = await startFakeGitHub(GITHUB_TOKEN)
  await fetch(
    `${simulator.url}/api/publishers/contoso/offers/certification-blocked/publish?api-version=${API_VERSION}`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` }
    }
  )
  const run = await runBundle(
    {
      'publisher-id': 'contoso',
      'offer-id': 'certification-blocked',
      token: DEFAULT_TOKEN,
      'base-url': simulator.url,
      'operation-id': 'latest',
      'poll-interval': '1s',
      'check-name': 'Marketplace certification',
      'github-token': GITHUB_TOKEN
    },
    undefined,
    {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'contoso/marketplace-offer',
      GITHUB_SHA: SHA,
      GITHUB_WORKFLOW_REF: 'contoso/marketplace-offer/.github/workflows/release.yml@refs/heads/main'
    }
  )
  expect(run.code).toBe(1)
  expect(run.outputs.result).toBe('blocked')
  expect(github.runs[0]).toMatchObject({
    status: 'completed',
    conclusion: 'failure',
    output: { title: 'Certification: blocked' }
  })
  expect(github.runs[0].output.annotations).toEqual([
    expect.objectContaining({
      path: '.github/workflows/release.yml',
      annotation_level: 'failure',
      title: 'Certification: blocked'
    })
  ])
}, 60_000)

// Behind the runner's proxy (http_proxy), @actions/github sends through undici's ProxyAgent: the
// check run must still be made, by way of the proxy. The proxy tunnels every CONNECT to the fake GitHub, whatever host it names.
it('makes the check run through the runner’s proxy', async () => {
  simulator = await startSimulator({ speed: 1e9 })
  github = await startFakeGitHub(GITHUB_TOKEN)
  const upstream = github
  const proxy = await startConnectProxy(() => Number(new URL(upstream.url).port))
  try {
    const run = await runBundle(
      {
        ...(await readyPreviewInputs(simulator)),
        'check-name': 'Marketplace certification',
        'github-token': GITHUB_TOKEN
      },
      undefined,
      {
        GITHUB_API_URL: 'http://api.github.test',
        GITHUB_REPOSITORY: 'contoso/marketplace-offer',
        GITHUB_SHA: SHA,
        http_proxy: proxy.url
      }
    )
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    expect(run.outputs).toMatchObject({ result: 'succeeded', 'check-run-id': '1000' })
    expect(github.runs).toEqual([
      expect.objectContaining({ status: 'completed', conclusion: 'success' })
    ])
    // Every request to GitHub went through the proxy; the simulator, on loopback, did not.
    expect(new Set(proxy.tunnels)).toEqual(new Set(['api.github.test:80']))
  } finally {
    proxy.close()
  }
}, 60_000)
