// `npm run demo` as a person runs it: the default timeout fits the scenario, Ctrl-C (SIGINT to the
// whole process group, as a terminal sends it) stops the gate in order, and the demo leaves nothing
// in the temp folder.

import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDuration } from '../src/duration.js'
import { SCENARIOS } from '../simulator/scenarios.ts'
import { demoTimeout, msToSignoff } from '../scripts/demo-timeout.ts'

const DEMO = fileURLToPath(new URL('../scripts/demo.ts', import.meta.url))

let dir: string | undefined
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

function ms(duration: string): number {
  const parsed = parseDuration(duration)
  if (!parsed.ok) throw new Error(`${duration}: ${parsed.expected}`)
  return parsed.ms
}

describe('the demo’s default timeout', () => {
  it.each(SCENARIOS.flatMap((name) => [100, 1000, 10_000].map((speed) => [name, speed] as const)))(
    '%s at %dx leaves room to reach publisher sign-off, and is never under 2m',
    (name, speed) => {
      const timeout = ms(demoTimeout(name, speed))
      expect(timeout).toBeGreaterThanOrEqual(120_000)
      expect(timeout).toBeGreaterThanOrEqual(msToSignoff(name, speed) * 1.5)
    }
  )

  it('is longer than 2m for the slow scenario at the demo’s speed, which 2m always timed out', () => {
    expect(msToSignoff('slow', 1000)).toBeGreaterThan(120_000)
    expect(demoTimeout('slow', 1000)).toBe('3m48s')
    expect(demoTimeout('publish-success', 1000)).toBe('2m')
  })
})

it('runs the slow scenario with its own timeout, stops on Ctrl-C and cleans up', async () => {
  dir = mkdtempSync(join(tmpdir(), 'demo-test-'))
  const temp = join(dir, 'tmp')
  const html = join(dir, 'summary.html')
  mkdirSync(temp)
  const child = spawn(process.execPath, [DEMO, '--scenario', 'slow', '--html', html], {
    env: { PATH: process.env.PATH ?? '', TMPDIR: temp },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that the SIGINT below reaches the demo and the gate as a
    // terminal's Ctrl-C does.
    detached: true
  })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  const exited = once(child, 'exit')
  for (let i = 0; i < 600 && !stdout.includes('Watching operation'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  expect(stdout).toContain('timeout: 3m48s')
  expect(stdout).toContain('Watching operation')
  process.kill(-(child.pid ?? 0), 'SIGINT')
  const [code] = (await exited) as [number | null]

  expect({ code, tail: code === 1 ? '' : stdout.slice(-2000) }).toEqual({ code: 1, tail: '' })
  expect(stdout).toMatch(/^\s+result\s+interrupted$/m)
  expect(existsSync(html)).toBe(true)
  expect(readdirSync(temp)).toEqual([])
}, 60_000)
