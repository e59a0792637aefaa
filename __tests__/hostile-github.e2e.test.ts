// A hostile GitHub API, through dist/index.js run as a runner runs it: Octokit (the check run) is
// held to the gate's rules. Its deprecation notice, made from the answer's Sunset and Link
// headers, never reaches stderr (where the runner reads workflow commands too) nor prints the
// github-token; a redirect is not followed to another origin with the check run's body; an
// answer larger than 10 MB is not read; and check-run-url is only ever an https:// page on the
// GitHub server's origin. Each test fails on a build without the defence
// (GATE_BUNDLE=<an older dist/index.js> npm run test:e2e -- hostile-github).

import { afterEach, describe, expect, it } from '@jest/globals'
import { runBundle, type BundleRun } from './fixtures/bundle.js'
import { rawOperation } from './fixtures/cpp.js'
import { cppRoute } from './fixtures/hostile-cpp.js'
import { foreignCommands, secretTraces } from './fixtures/hostile.js'
import { json, serveScript, type Answer, type ScriptServer } from './fixtures/script-server.js'

const GITHUB_TOKEN = 'ghs_hostileGitHubApiToken0123'
const TOKEN = 'hostile-github-api-token-9Xq'
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function serve(github: Answer[]): Promise<ScriptServer> {
  const server = await serveScript({ cpp: [json(rawOperation('succeeded'))], github }, cppRoute)
  closers.push(server.close)
  return server
}

/** A run against `api`, with a check run on its GitHub route. */
function gate(api: ScriptServer): Promise<BundleRun> {
  return runBundle(
    {
      'publisher-id': 'contoso',
      'offer-id': 'contoso-offer',
      'operation-id': '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
      token: TOKEN,
      'base-url': api.origin,
      'check-name': 'Publish gate',
      'github-token': GITHUB_TOKEN
    },
    (child) => {
      const backstop = setTimeout(() => child.kill('SIGKILL'), 30_000)
      child.once('exit', () => clearTimeout(backstop))
      return Promise.resolve()
    },
    { GITHUB_API_URL: api.origin, GITHUB_REPOSITORY: 'contoso/offer', GITHUB_SHA: SHA }
  )
}

const created = (more: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  json({ id: 4242, html_url: 'https://github.com/contoso/offer/runs/4242', ...more }, 201, headers)

describe("Octokit's own output", () => {
  it('a Sunset and a Link header that write commands and echo the token never reach stderr', async () => {
    const deprecated = (request: { headers: Record<string, unknown> }) => ({
      deprecation: 'true',
      sunset: `##[error]Sunset ${String(request.headers.authorization)} ::error::x`,
      link: `<https://evil.example/##[warning]${GITHUB_TOKEN}>; rel="deprecation"`
    })
    const api = await serve([
      (request) => created({}, deprecated(request)),
      (request) => json({ id: 4242 }, 200, deprecated(request))
    ])
    const run = await gate(api)
    expect(run.code).toBe(0)
    expect(api.of('github').length).toBeGreaterThan(1)
    expect(run.stderr).toBe('')
    for (const log of [run.stdout, run.stderr]) {
      expect(foreignCommands(log, { secrets: [TOKEN, GITHUB_TOKEN], planted: /Sunset/ })).toEqual(
        []
      )
      expect(secretTraces(log.replace(`::add-mask::${GITHUB_TOKEN}`, ''), GITHUB_TOKEN)).toEqual([])
    }
  }, 40_000)
})

describe('a redirect from the Checks API', () => {
  it.each([307, 308, 302])(
    'HTTP %i to another origin is not followed: nothing of the check run reaches it',
    async (status) => {
      const elsewhere = await serveScript({}, () => 'elsewhere')
      closers.push(elsewhere.close)
      const api = await serve([
        { status, headers: { location: `${elsewhere.origin}/repos/contoso/offer/check-runs` } }
      ])
      const run = await gate(api)
      expect(run.code).toBe(0)
      expect(run.outputs.result).toBe('succeeded')
      expect(elsewhere.seen).toEqual([])
      expect(run.outputs['check-run-id']).toBe('')
      expect(run.stdout).toMatch(/::warning::Could not create the check run .*redirect/)
    },
    40_000
  )
})

describe('a Checks API answer larger than 10 MB', () => {
  it('is not read: the check run is given up with a warning, and the gate’s verdict stands', async () => {
    const huge = `{"id":4242,"html_url":"https://github.com/contoso/offer/runs/4242","pad":"${'x'.repeat(30 * 1024 * 1024)}"}`
    const api = await serve([
      { status: 201, text: huge, headers: { 'content-type': 'application/json' } }
    ])
    const run = await gate(api)
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('succeeded')
    expect(run.outputs['check-run-id']).toBe('')
    expect(run.stdout).toContain('larger than 10485760 bytes')
  }, 40_000)
})

describe('check-run-url', () => {
  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a page on another origin', 'https://evil.example/contoso/offer/runs/4242'],
    ['plain http on the server’s host', 'http://github.com/contoso/offer/runs/4242'],
    ['a megabyte long', `https://github.com/contoso/offer/runs/${'4'.repeat(1024 * 1024)}`],
    ['not a string', 4242]
  ])(
    'is empty when GitHub’s html_url is %s',
    async (_what, url) => {
      const api = await serve([created({ html_url: url })])
      const run = await gate(api)
      expect(run.code).toBe(0)
      expect(run.outputs['check-run-id']).toBe('4242')
      expect(run.outputs['check-run-url']).toBe('')
      expect(run.stdout).not.toContain('evil.example')
      expect(run.stdout.length).toBeLessThan(100_000)
    },
    40_000
  )

  it('is the page when it is an https:// URL on the GitHub server', async () => {
    const api = await serve([created()])
    const run = await gate(api)
    expect(run.outputs['check-run-url']).toBe('https://github.com/contoso/offer/runs/4242')
  }, 40_000)
})
