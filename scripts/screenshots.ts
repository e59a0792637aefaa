// `npm run screenshots`: the README's pictures of the job summary. Starts the simulator on
// loopback, publishes two offers on it (publish-success and certification-blocked), runs the
// committed bundle `dist/index.js` on each exactly as a GitHub runner does (INPUT_* variables, the
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_STATE files), then renders each job summary the way
// a run page shows it (GFM, GitHub's Markdown CSS) in Debian's headless Chromium, light and dark:
// docs/screenshots/{passed,blocked}-{light,dark}.png. Not part of `npm test`: it needs Chromium.

import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import {
  API_VERSION,
  DEFAULT_PUBLISHER,
  DEFAULT_TOKEN,
  startSimulator
} from '../simulator/server.ts'
import { findChromium, PAGE_WIDTH, pngSize, screenshotPage, type Theme } from './screenshot-page.ts'
import { parseOutputFile } from './output-file.ts'

const ROOT = resolve(import.meta.dirname, '..')
const OUT = join(ROOT, 'docs/screenshots')
/** Simulated seconds per real second: a publish reaches publisher sign-off in about 3 seconds. */
const SPEED = 5000
/** How long one run of the bundle may take before the script gives up on it. */
const RUN_LIMIT_MS = 60_000
/** 2 keeps text sharp on high-density screens; the README shows the pictures at half size. */
const SCALE = 2
const THEMES: Theme[] = ['light', 'dark']

interface Run {
  /** The picture's name: docs/screenshots/<name>-<theme>.png. */
  name: string
  /** The offer, whose id is the simulator's scenario. */
  offer: string
  /** What the gate must end with for the picture to show what it claims. */
  exitCode: number
  result: string
}

const RUNS: Run[] = [
  { name: 'passed', offer: 'publish-success', exitCode: 0, result: 'succeeded' },
  { name: 'blocked', offer: 'certification-blocked', exitCode: 1, result: 'blocked' }
]

const started = Date.now()
// First, so a machine without Chromium fails before anything is started.
let executablePath: string
try {
  executablePath = findChromium()
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
warnWithoutEmojiFont()

// Everything the runs and the browser write goes in here, and the folder goes when the script does
// (Ctrl-C included). Chromium and Playwright take their temp files from TMPDIR.
const dir = mkdtempSync(join(tmpdir(), 'gate-screenshots-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
process.on('SIGINT', () => process.exit(130))
process.env.TMPDIR = dir

try {
  const summaries = await summariesOfRuns()
  mkdirSync(OUT, { recursive: true })
  const written = await render(summaries)
  console.log('')
  for (const file of written) {
    const { width, height } = pngSize(readFileSync(file))
    const kb = Math.round(statSync(file).size / 1024)
    console.log(`  ${relative(ROOT, file)}  ${width}×${height}  ${kb} KB`)
  }
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
} catch (error) {
  console.error(`npm run screenshots failed: ${(error as Error).message}`)
  process.exitCode = 1
}

/** Each run's job summary, the gates run side by side against one simulator. */
async function summariesOfRuns(): Promise<Map<Run, string>> {
  const simulator = await startSimulator({ speed: SPEED, log: () => {} })
  try {
    const summaries = await Promise.all(RUNS.map((run) => gate(run, simulator.url)))
    return new Map(RUNS.map((run, i) => [run, summaries[i]]))
  } finally {
    await simulator.close()
  }
}

/** Publishes the run's offer, runs the bundle on its operation, and returns the job summary. */
async function gate(run: Run, url: string): Promise<string> {
  const publish = await fetch(
    `${url}/api/publishers/${DEFAULT_PUBLISHER}/offers/${run.offer}/publish?api-version=${API_VERSION}`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ metadata: { 'notification-emails': 'release@contoso.com' } })
    }
  )
  const location = publish.headers.get('location')
  if (publish.status !== 202 || location === null)
    throw new Error(`the simulator answered the publish of ${run.offer} with ${publish.status}`)

  const runDir = join(dir, run.name)
  mkdirSync(runDir)
  const files = {
    GITHUB_OUTPUT: join(runDir, 'output'),
    GITHUB_STEP_SUMMARY: join(runDir, 'summary'),
    GITHUB_STATE: join(runDir, 'state')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const inputs: Record<string, string> = {
    'publisher-id': DEFAULT_PUBLISHER,
    'offer-id': run.offer,
    'operation-id': location,
    token: DEFAULT_TOKEN,
    'base-url': url,
    'wait-for': 'preview',
    'poll-interval': '1s',
    timeout: '1m'
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    RUNNER_TEMP: runDir,
    ...files
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value

  const { code, log } = await node(join(ROOT, 'dist/index.js'), env)
  const result = parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')).result
  const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')
  if (code !== run.exitCode || result !== run.result || summary.trim() === '')
    throw new Error(
      `the gate on ${run.offer} was to exit with ${run.exitCode} and result ${run.result}; it ` +
        `exited with ${code ?? 'a signal'}, result ${result ?? '(none)'}, and a summary of ` +
        `${summary.length} characters. Its log:\n${log}`
    )
  return summary
}

/** Runs a script with this Node (the project's Node 24 under npm), within RUN_LIMIT_MS. */
function node(
  script: string,
  env: Record<string, string>
): Promise<{ code: number | null; log: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))
    const timer = setTimeout(() => {
      child.kill()
      fail(
        new Error(
          `${relative(ROOT, script)} ran for over ${RUN_LIMIT_MS / 1000} s. Its log:\n${log}`
        )
      )
    }, RUN_LIMIT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      fail(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, log })
    })
  })
}

/** One full-height PNG per summary and theme; returns their paths. */
async function render(summaries: Map<Run, string>): Promise<string[]> {
  let browser
  try {
    browser = await chromium.launch({ executablePath, timeout: 30_000 })
  } catch (error) {
    throw new Error(`Chromium (${executablePath}) did not start: ${(error as Error).message}`, {
      cause: error
    })
  }
  const written: string[] = []
  try {
    for (const theme of THEMES) {
      const context = await browser.newContext({
        // Low on purpose: the full-page screenshot is as tall as the content.
        viewport: { width: PAGE_WIDTH, height: 100 },
        deviceScaleFactor: SCALE,
        colorScheme: theme
      })
      const page = await context.newPage()
      for (const [run, summary] of summaries) {
        await page.setContent(screenshotPage(summary, theme))
        const path = join(OUT, `${run.name}-${theme}.png`)
        await page.screenshot({ path, fullPage: true })
        written.push(path)
      }
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return written
}

/** Without a colour emoji font the summary's status icons are empty boxes: say so, go on. */
function warnWithoutEmojiFont(): void {
  const list = spawnSync('fc-list', [':family=Noto Color Emoji', 'family'], { encoding: 'utf8' })
  if (list.status === 0 && list.stdout.trim() !== '') return
  console.warn(
    'No colour emoji font was found (fc-list): the status icons will show as boxes. ' +
      'Install one with: sudo apt-get install -y fonts-noto-color-emoji'
  )
}
