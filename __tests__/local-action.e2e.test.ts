// GitHub's own local runner, @github/local-action, runs the action from src/ against the simulator:
// what `npm run local-action` does, with an env file like .env.example.

import { afterEach, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { API_VERSION, DEFAULT_TOKEN, startSimulator, type Simulator } from '../simulator/server.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

let simulator: Simulator | undefined
afterEach(async () => {
  await simulator?.close()
})

it('local-action runs src/main.ts against the simulator and sets the outputs', async () => {
  simulator = await startSimulator({ speed: 20_000 })
  const published = await fetch(
    `${simulator.url}/api/publishers/contoso/offers/publish-success/publish?api-version=${API_VERSION}`,
    { method: 'POST', headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` } }
  )
  expect(published.status).toBe(202)
  const dir = mkdtempSync(join(tmpdir(), 'local-action-'))
  const summary = join(dir, 'summary.md')
  writeFileSync(summary, '')
  const envFile = join(dir, '.env')
  writeFileSync(
    envFile,
    [
      'INPUT_PUBLISHER-ID=contoso',
      'INPUT_OFFER-ID=publish-success',
      `INPUT_TOKEN=${DEFAULT_TOKEN}`,
      `INPUT_BASE-URL=${simulator.url}`,
      'INPUT_WAIT-FOR=preview',
      'INPUT_POLL-INTERVAL=1s',
      'INPUT_TIMEOUT=1m',
      `GITHUB_STEP_SUMMARY=${summary}`
    ].join('\n')
  )
  const child = spawn(
    join(ROOT, 'node_modules/.bin/local-action'),
    ['run', '.', 'src/main.ts', envFile],
    {
      cwd: ROOT,
      env: {
        PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
        HOME: process.env.HOME ?? dir
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  const [code] = (await once(child, 'exit')) as [number | null]
  expect({ code, tail: code === 0 ? '' : stdout.slice(-2000) }).toEqual({ code: 0, tail: '' })
  const outputs = Object.fromEntries(
    [...stdout.matchAll(/^::set-output name=([^:]+)::(.*)$/gm)].map((m) => [m[1], m[2]])
  )
  expect(outputs).toMatchObject({
    result: 'succeeded',
    status: 'running',
    'step-publisher-signoff-status': 'waiting',
    'step-displaycertify-status': 'succeeded'
  })
  expect(readFileSync(summary, 'utf8')).toContain(
    '✅ Publish gate: contoso / publish-success: succeeded'
  )
}, 60_000)
