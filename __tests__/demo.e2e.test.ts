// `npm run demo` as a person runs it: the default timeout fits the scenario, Ctrl-C (SIGINT to the
// whole process group, as a terminal sends it) stops the gate in order, `--start preview|live`
// leaves the publish to the gate (the demo posts nothing), and the demo leaves nothing in the temp
// folder.

import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDuration } from '../src/duration.js'
import { piScenario, PI_SCENARIOS } from '../simulator/product-ingestion-scenarios.ts'
import { SCENARIOS } from '../simulator/scenarios.ts'
import {
  demoTimeout,
  msToLive,
  msToSignoff,
  piDemoTimeout,
  piMsToEnd
} from '../scripts/demo-timeout.ts'

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

  it.each(SCENARIOS.flatMap((name) => [100, 1000, 10_000].map((speed) => [name, speed] as const)))(
    '%s at %dx leaves room for a go-live, and is never under 2m',
    (name, speed) => {
      const timeout = ms(demoTimeout(name, speed, 'live'))
      expect(timeout).toBeGreaterThanOrEqual(120_000)
      expect(timeout).toBeGreaterThanOrEqual(msToLive(name, speed) * 1.5)
    }
  )

  it('gives a slow go-live at 100x more than 2m', () => {
    expect(demoTimeout('slow', 100, 'live')).toBe('9m30s')
  })

  it.each(
    PI_SCENARIOS.flatMap((name) =>
      [100, 1000].flatMap((speed) =>
        (['preview', 'live'] as const).map((step) => [name, speed, step] as const)
      )
    )
  )(
    'Product Ingestion %s at %dx (%s) leaves room for the job and its submission to end',
    (name, speed, step) => {
      const timeout = ms(piDemoTimeout(name, speed, step))
      expect(timeout).toBeGreaterThanOrEqual(120_000)
      expect(timeout).toBeGreaterThanOrEqual(piMsToEnd(name, speed, step) * 1.5)
    }
  )

  it('gives job-lags at 100x more than 2m: its job ends 10 minutes after certification', () => {
    expect(piMsToEnd('job-lags', 100)).toBe(114_600)
    expect(piDemoTimeout('job-lags', 100)).toBe('3m22s')
    expect(piDemoTimeout('job-ends-first', 100)).toBe('3m13s')
  })

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
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
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
  // Without --start the publish is the demo's own.
  expect(requestCounts(stdout)).toEqual({ gate: { starts: 0 }, demo: { requests: 1, starts: 1 } })
  expect(existsSync(html)).toBe(true)
  expect(readdirSync(temp)).toEqual([])
}, 60_000)

/** Each test runs a whole demo; the slowest, a Product Ingestion preview then go-live, in ~3 s. */
const DEMO_TIMEOUT = 60_000

interface DemoRun {
  code: number | null
  stdout: string
  stderr: string
  /** The outputs of each run of the gate, as the demo prints them. */
  outputs: Array<Record<string, string>>
  /** What the demo left in its temp folder. */
  left: string[]
}

/** The demo to its end, with a temp folder of its own (checked, then removed). */
async function runDemo(args: string[]): Promise<DemoRun> {
  const own = mkdtempSync(join(tmpdir(), 'demo-test-'))
  try {
    const temp = join(own, 'tmp')
    mkdirSync(temp)
    const child = spawn(process.execPath, [DEMO, ...args, '--html', join(own, 'summary.html')], {
      env: { PATH: process.env.PATH ?? '', TMPDIR: temp },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A demo that hangs is stopped before the test's own timeout, not left running.
      timeout: DEMO_TIMEOUT - 5_000
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const [code] = (await once(child, 'exit')) as [number | null]
    return { code, stdout, stderr, outputs: printedOutputs(stdout), left: readdirSync(temp) }
  } finally {
    rmSync(own, { recursive: true, force: true })
  }
}

/** The demo's "Outputs" sections: one `  name  value` line per output, up to a blank line. */
function printedOutputs(stdout: string): Array<Record<string, string>> {
  return [...stdout.matchAll(/^Outputs.*\n─+\n((?: {2}.*\n)*)/gm)].map(([, block]) =>
    Object.fromEntries(
      block
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const [name, ...value] = line.trim().split(/\s+/)
          return [name, value.join(' ')]
        })
    )
  )
}

/** Who asked the simulator what, from the demo's closing line. */
function requestCounts(stdout: string) {
  const line =
    /Simulator: (\d+) requests? by the gate, (\d+) by the demo; publish or go-live requests: (\d+) by the gate, (\d+) by the demo\./.exec(
      stdout
    )
  if (!line) throw new Error(`no closing line with the simulator's counts:\n${stdout.slice(-2000)}`)
  return {
    gate: { starts: Number(line[3]) },
    demo: { requests: Number(line[2]), starts: Number(line[4]) }
  }
}

/** The demo made no request at all, and the gate exactly `starts` publish or go-live requests. */
function expectOnlyTheGatePublished(run: DemoRun, starts: number): void {
  expect(requestCounts(run.stdout)).toEqual({
    gate: { starts },
    demo: { requests: 0, starts: 0 }
  })
}

const CPP = ['--speed', '20000']
const PI = ['--api', 'product-ingestion', '--speed', '20000']

describe('--start: the gate publishes through the bundle, the demo posts nothing', () => {
  it.each([
    ['CPP', CPP],
    ['Product Ingestion', PI]
  ])(
    '--start preview with %s: one publish, by the gate, which waits for the preview (wait-for auto)',
    async (_api, args) => {
      const run = await runDemo([...args, '--start', 'preview'])
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
      expect(run.outputs).toHaveLength(1)
      expect(run.outputs[0]).toMatchObject({ result: 'succeeded', started: 'true' })
      expect(run.outputs[0].message).toMatch(/^The preview is ready for go-live/)
      expectOnlyTheGatePublished(run, 1)
      expect(run.stdout).toMatch(/^ {2}Started a publish to preview of /m)
      // The gate's own first line: no wait-for was given, so it waits for what it started.
      expect(run.stdout).toContain('(wait-for auto, for a publish')
      expect(run.left).toEqual([])
    },
    DEMO_TIMEOUT
  )

  it.each([
    ['CPP', CPP, 'The go-live succeeded: the offer is live.'],
    ['Product Ingestion', PI, 'The offer is live: submission ']
  ])(
    '--start live with %s: the gate publishes to preview, then goes live once it is ready',
    async (_api, args, live) => {
      const run = await runDemo([...args, '--start', 'live'])
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
      expect(run.outputs).toHaveLength(2)
      expect(run.outputs.map((outputs) => [outputs.result, outputs.started])).toEqual([
        ['succeeded', 'true'],
        ['succeeded', 'true']
      ])
      expect(run.outputs[0].message).toMatch(/^The preview is ready for go-live/)
      expect(run.outputs[1].message).toContain(live)
      expectOnlyTheGatePublished(run, 2)
      expect(run.stdout).toMatch(/^ {2}Started a go-live of /m)
      expect(run.stdout).toContain(
        'The action exited with 0 (start: preview), then 0 (start: live).'
      )
      expect(run.left).toEqual([])
    },
    DEMO_TIMEOUT
  )

  it(
    '--start live with a scenario whose preview is ready already (live-success): one run, live',
    async () => {
      const run = await runDemo([...PI, '--scenario', 'live-success', '--start', 'live'])
      expect(run.code).toBe(0)
      expect(run.outputs).toHaveLength(1)
      expect(run.outputs[0]).toMatchObject({ result: 'succeeded', started: 'true' })
      expect(run.outputs[0].message).toMatch(/^The offer is live: /)
      expectOnlyTheGatePublished(run, 1)
      expect(run.left).toEqual([])
    },
    DEMO_TIMEOUT
  )

  it(
    '--start live with a blocked certification: the preview run fails, there is no go-live, and the exit code is that run’s',
    async () => {
      const run = await runDemo([...CPP, '--scenario', 'certification-blocked', '--start', 'live'])
      expect(run.code).toBe(1)
      expect(run.outputs).toHaveLength(1)
      expect(run.outputs[0]).toMatchObject({ result: 'blocked', started: 'true' })
      expect(run.stdout).toContain(
        'The gate exited with 1 (start: preview): the demo does not go on to start: live.'
      )
      expectOnlyTheGatePublished(run, 1)
      expect(run.left).toEqual([])
    },
    DEMO_TIMEOUT
  )

  it(
    '--wait-for goes to the go-live run only; the preview run keeps auto',
    async () => {
      const run = await runDemo([...CPP, '--start', 'live', '--wait-for', 'completion'])
      expect(run.code).toBe(0)
      // The gate's own first line of each run says what it waits for.
      expect(run.stdout).toContain(
        'until its preview is ready for go-live (wait-for auto, for a publish)'
      )
      expect(run.stdout).toMatch(
        /^ {2}Watching a go-live of contoso\/publish-success .* until completion;/m
      )
      expect(run.outputs[1]).toMatchObject({
        result: 'succeeded',
        'submission-type': 'GoLive',
        message: 'The operation succeeded.'
      })
      expectOnlyTheGatePublished(run, 2)
    },
    DEMO_TIMEOUT
  )

  it.each<[string, string[], RegExp]>([
    [
      'an unknown --start',
      ['--start', 'production'],
      /^Unknown --start "production": expected preview \(.*\) or live \(.*\)\.$/m
    ],
    [
      'an unknown Product Ingestion --scenario (the error lists them all)',
      ['--api', 'product-ingestion', '--scenario', 'nope'],
      new RegExp(
        `^Unknown --scenario "nope" for api product-ingestion: expected one of ${PI_SCENARIOS.join(', ')}\\.$`,
        'm'
      )
    ],
    [
      '--start with --operation-id',
      ['--start', 'preview', '--operation-id', 'latest'],
      /^--operation-id cannot go with --start: /m
    ]
  ])('%s is a usage error naming the flag, before anything runs', async (_name, args, error) => {
    const run = await runDemo(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(error)
    expect(run.stdout).toContain('[--start preview|live]')
    expect(run.outputs).toEqual([])
    expect(run.left).toEqual([])
  })

  it('--help explains --start', async () => {
    const run = await runDemo(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('[--start preview|live]')
    expect(run.stdout).toMatch(/^--start preview: the demo posts nothing/m)
    expect(run.stdout).toMatch(/^--start live: /m)
  })
})

describe('the Product Ingestion scenarios of the simulator, shown by the demo', () => {
  // What the gate concludes is the gate's business (and changes with its backend): these tests
  // check that the demo tells each story and runs the gate on it to an end.
  it.each([
    ['job-ends-first', 'preview'],
    ['submission-failed', 'preview'],
    ['job-lags', 'preview'],
    ['certification-failed', 'preview'],
    ['certification-failed-pascal', 'preview'],
    ['live-failed', 'live'],
    ['detail-missing', 'preview'],
    ['outage', 'preview']
  ] as const)(
    '%s: the demo publishes to %s, says the scenario’s story and runs the gate once',
    async (name, target) => {
      const run = await runDemo([...PI, '--scenario', name])
      expect(run.stderr).toBe('')
      expect(run.stdout).toContain(`Scenario ${name}: ${piScenario(name).story}.`)
      expect(run.stdout).toMatch(
        new RegExp(`^POST /configure \\(${target} submission\\) → 202, jobId: [0-9a-f-]{36}$`, 'm')
      )
      expect([0, 1]).toContain(run.code)
      expect(run.outputs).toHaveLength(1)
      expect(requestCounts(run.stdout).demo.starts).toBe(1)
      expect(run.left).toEqual([])
    },
    DEMO_TIMEOUT
  )

  it('--help describes every Product Ingestion scenario in a line', async () => {
    const run = await runDemo(['--help'])
    for (const name of PI_SCENARIOS) {
      expect(run.stdout).toContain(`  ${name}: ${piScenario(name).story}\n`)
    }
  })
})
