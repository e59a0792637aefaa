// GitHub's own local runner, @github/local-action, runs the action from src/ against the simulator:
// what `npm run local-action` does, with an env file like .env.example. Its exit code follows the
// gate's verdict.

import { afterEach, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { API_VERSION, DEFAULT_TOKEN, startSimulator, type Simulator } from '../simulator/server.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

let simulator: Simulator | undefined
let dir: string | undefined
afterEach(async () => {
  await simulator?.close()
  simulator = undefined
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

/** Starts the simulator and publishes the offer (whose id picks the scenario). */
async function published(offer: string): Promise<Simulator> {
  simulator = await startSimulator({ speed: 20_000 })
  const answer = await fetch(
    `${simulator.url}/api/publishers/contoso/offers/${offer}/publish?api-version=${API_VERSION}`,
    { method: 'POST', headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` } }
  )
  expect(answer.status).toBe(202)
  return simulator
}

/** `local-action run . src/main.ts <env file>` with these inputs, as `npm run local-action` runs. */
async function localAction(inputs: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'local-action-'))
  const summary = join(dir, 'summary.md')
  writeFileSync(summary, '')
  const envFile = join(dir, '.env')
  const lines = Object.entries({
    'publisher-id': 'contoso',
    'offer-id': 'publish-success',
    token: DEFAULT_TOKEN,
    'wait-for': 'preview',
    'poll-interval': '1s',
    timeout: '1m',
    ...inputs
  }).map(([name, value]) => `INPUT_${name.toUpperCase()}=${value}`)
  writeFileSync(envFile, [...lines, `GITHUB_STEP_SUMMARY=${summary}`].join('\n'))
  const child = spawn(
    join(ROOT, 'node_modules/.bin/local-action'),
    ['run', '.', 'src/main.ts', envFile],
    {
      cwd: ROOT,
      env: {
        PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
        HOME: process.env.HOME ?? dir,
        // tsx keeps a compile cache in the temp folder: this test's folder, removed afterwards.
        TMPDIR: dir
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  const [code] = (await once(child, 'exit')) as [number | null]
  const outputs = Object.fromEntries(
    [...stdout.matchAll(/^::set-output name=([^:]+)::(.*)$/gm)].map((m) => [m[1], m[2]])
  )
  return { code, stdout, outputs, summary: readFileSync(summary, 'utf8') }
}

it('local-action runs src/main.ts against the simulator and sets the outputs', async () => {
  const api = await published('publish-success')
  const run = await localAction({ 'base-url': api.url })
  expect({ code: run.code, tail: run.code === 0 ? '' : run.stdout.slice(-2000) }).toEqual({
    code: 0,
    tail: ''
  })
  expect(run.outputs).toMatchObject({
    result: 'succeeded',
    status: 'running',
    'step-publisher-signoff-status': 'waiting',
    'step-displaycertify-status': 'succeeded'
  })
  expect(run.summary).toContain('✅ Publish gate: contoso / publish-success: succeeded')
}, 60_000)

// The gate sets the exit code itself (it calls no core.setFailed, whose local-action stub would
// not fail the process), so that `npm run local-action` fails when the gate does.
it.each([
  ['a blocked certification', 'certification-blocked', {}, 'blocked'],
  ['an input it cannot use', 'publish-success', { timeout: 'soon' }, 'error']
] as const)(
  'local-action exits 1 when the gate fails on %s',
  async (_case, offer, inputs, result) => {
    const api = await published(offer)
    const run = await localAction({ 'offer-id': offer, 'base-url': api.url, ...inputs })
    expect({ code: run.code, result: run.outputs.result }).toEqual({ code: 1, result })
  },
  60_000
)
