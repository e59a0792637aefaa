// `npm run demo`: the gate against the simulator, run exactly as a GitHub runner runs it. Starts
// the simulator, publishes an offer (with the CPP API, or with `--api product-ingestion` through
// POST /configure) and runs `node dist/index.js` on that publish; with `--start preview|live` the
// demo posts nothing and the gate publishes (or goes live) itself, as the action's `start` input
// does. Each run gets INPUT_* variables and the GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
// GITHUB_STATE files; the demo streams its log, then shows the outputs and the job summary, and
// exits with the action's exit code.

import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { StartKind } from '../src/backends/backend.ts'
import { DEFAULT_GRAPH_TOKEN, PI_PREFIX, publishOn } from '../simulator/product-ingestion.ts'
import { isPiScenario, piScenario, PI_SCENARIOS } from '../simulator/product-ingestion-scenarios.ts'
import { isScenario, SCENARIOS } from '../simulator/scenarios.ts'
import {
  API_VERSION,
  DEFAULT_PUBLISHER,
  DEFAULT_TOKEN,
  startSimulator
} from '../simulator/server.ts'
import { demoTimeout, piDemoTimeout } from './demo-timeout.ts'
import { summaryPage, summaryToText } from './summary-text.ts'
import { parseOutputFile } from './output-file.ts'

const { values } = parseArgs({
  options: {
    api: { type: 'string', default: 'cpp' },
    scenario: { type: 'string' },
    start: { type: 'string' },
    'wait-for': { type: 'string' },
    speed: { type: 'string', default: '1000' },
    // Unset: what the scenario needs at this speed (demo-timeout.ts), at least 2m.
    timeout: { type: 'string' },
    html: { type: 'string', default: 'demo-summary.html' },
    'operation-id': { type: 'string', default: '' },
    help: { type: 'boolean', default: false }
  }
})
const productIngestion = values.api === 'product-ingestion'
/** Product Ingestion scenarios whose preview is ready for go-live before the demo starts. */
const READY = PI_SCENARIOS.filter((name) => piScenario(name).readyPreview)
const scenario = values.scenario ?? (productIngestion ? 'preview-success' : 'publish-success')
const start = isStartKind(values.start) ? values.start : undefined
const problem = usageProblem()
if (values.help || problem !== undefined) {
  if (!values.help) console.error(problem)
  console.log(`Usage: npm run demo -- [--api cpp|product-ingestion] [--scenario NAME]
       [--start preview|live] [--wait-for auto|completion|preview|live|STEP] [--speed 1000]
       [--timeout DURATION] [--html FILE] [--operation-id latest]
CPP scenarios: ${SCENARIOS.join(', ')}
Product Ingestion scenarios:
${PI_SCENARIOS.map((name) => `  ${name}: ${piScenario(name).story}`).join('\n')}
Without --start the demo publishes the offer itself, then runs the gate on that publish.
--start preview: the demo posts nothing; the gate publishes to preview (the action's start input)
  and waits for what it started (wait-for auto, unless --wait-for is given).
--start live: a go-live needs a preview ready for go-live, so the gate runs twice, as a release
  workflow's two jobs do: start: preview until the preview is ready, then start: live, only if
  the first passed (--wait-for goes to the live run). Product Ingestion's ${READY.join(' and ')}
  have a ready preview already: one run, start: live.
--start goes with every scenario (the simulator picks it by offer id), not with --operation-id.
--timeout defaults to what a CPP scenario needs to reach publisher sign-off (or, for a go-live, to
  go live), or a Product Ingestion one to end, at that speed, at least 2m; each run of the gate
  gets it.`)
  process.exit(values.help ? 0 : 2)
}

/** Why the flags cannot run, in the words of the flag; undefined when they can. */
function usageProblem(): string | undefined {
  if (values.api !== 'cpp' && !productIngestion) {
    return `Unknown --api "${values.api}": expected cpp or product-ingestion.`
  }
  if (!(productIngestion ? isPiScenario(scenario) : isScenario(scenario))) {
    const known: readonly string[] = productIngestion ? PI_SCENARIOS : SCENARIOS
    return `Unknown --scenario "${scenario}" for api ${values.api}: expected one of ${known.join(', ')}.`
  }
  if (values.start !== undefined && start === undefined) {
    return `Unknown --start "${values.start}": expected preview (the gate publishes to preview) or live (the gate goes live).`
  }
  if (start !== undefined && values['operation-id'] !== '') {
    return `--operation-id cannot go with --start: the gate watches the operation it starts (the action refuses operation-id with start).`
  }
  return undefined
}

function isStartKind(value: string | undefined): value is StartKind {
  return value === 'preview' || value === 'live'
}

const tty = process.stdout.isTTY === true
const dim = (text: string): string => (tty ? `\u001b[2m${text}\u001b[22m` : text)
const red = (text: string): string => (tty ? `\u001b[31m${text}\u001b[39m` : text)
const yellow = (text: string): string => (tty ? `\u001b[33m${text}\u001b[39m` : text)
const heading = (text: string): void =>
  console.log(`\n${tty ? `\u001b[1m${text}\u001b[22m` : text}\n${'─'.repeat(text.length)}`)

/** One run of the gate, as one workflow step: its inputs, and how the demo names it. */
interface GateRun {
  label: string
  inputs: Record<string, string>
}

const speed = Number(values.speed)
const simulator = await startSimulator({ speed })
const offer = scenario
const where = productIngestion
  ? `the Product Ingestion simulator (${simulator.url}${PI_PREFIX}, ${values.speed}x speed)`
  : `the simulator (${simulator.url}, ${values.speed}x speed)`
const runs: GateRun[] =
  start === undefined
    ? [
        {
          label: 'the demo’s publish',
          inputs: productIngestion ? await publishProductIngestion() : await publishCpp()
        }
      ]
    : startRuns(start)
// Whatever reaches the simulator from here on comes from the gate.
const byDemo = { requests: simulator.requests(), starts: simulator.startRequests() }

/** The inputs that name the offer, the token and the simulator. */
function offerInputs(): Record<string, string> {
  return productIngestion
    ? {
        api: 'product-ingestion',
        'offer-id': offer,
        token: DEFAULT_GRAPH_TOKEN,
        'base-url': `${simulator.url}${PI_PREFIX}`
      }
    : {
        'publisher-id': DEFAULT_PUBLISHER,
        'offer-id': offer,
        token: DEFAULT_TOKEN,
        'base-url': simulator.url
      }
}

/** --timeout, else what the scenario needs at this speed to reach a ready preview (or go live). */
function timeoutFor(step: StartKind): string {
  if (values.timeout !== undefined) return values.timeout
  if (productIngestion) return isPiScenario(scenario) ? piDemoTimeout(scenario, speed, step) : '2m'
  return isScenario(scenario) ? demoTimeout(scenario, speed, step) : '2m'
}

/**
 * --start: the demo posts nothing, the gate starts the publish itself. A go-live needs a preview
 * ready for go-live: unless the scenario has one already (Product Ingestion's live-success), a
 * first run with start: preview makes it, and the go-live runs only if that run passed.
 */
function startRuns(kind: StartKind): GateRun[] {
  const readyPreview = productIngestion && isPiScenario(scenario) && READY.includes(scenario)
  const steps: StartKind[] = kind === 'live' && !readyPreview ? ['preview', 'live'] : [kind]
  const name = productIngestion ? offer : `${DEFAULT_PUBLISHER}/${offer}`
  heading(
    steps.length > 1
      ? `The gate publishes ${name} to preview, then takes it live, on ${where}`
      : kind === 'preview'
        ? `The gate publishes ${name} to preview on ${where}`
        : `The gate takes the ready preview of ${name} live on ${where}`
  )
  console.log(
    `The demo posts nothing: the gate runs with ${steps.map((step) => `start: ${step}`).join(', then with ')}.`
  )
  if (productIngestion && isPiScenario(offer)) {
    console.log(`Scenario ${offer}: ${piScenario(offer).story}.`)
  }
  return steps.map((step, i) => ({
    label: `start: ${step}`,
    inputs: {
      ...offerInputs(),
      start: step,
      // Unset, the gate's wait-for (auto) waits for what it started: a ready preview, or live.
      ...(i === steps.length - 1 && values['wait-for'] !== undefined
        ? { 'wait-for': values['wait-for'] }
        : {}),
      timeout: timeoutFor(step),
      'poll-interval': '1s'
    }
  }))
}

/** CPP: publish, and gate on the Location of the answer (or find it with `latest`). */
async function publishCpp(): Promise<Record<string, string>> {
  const publish = await fetch(
    `${simulator.url}/api/publishers/${DEFAULT_PUBLISHER}/offers/${offer}/publish?api-version=${API_VERSION}`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ metadata: { 'notification-emails': 'release@contoso.com' } })
    }
  )
  const location = publish.headers.get('location') ?? ''
  heading(`Published ${DEFAULT_PUBLISHER}/${offer} on ${where}`)
  console.log(`POST …/offers/${offer}/publish → ${publish.status}, Location: ${location}`)
  return {
    ...offerInputs(),
    // Empty: the Location of the publish above; `latest` lets the gate find that publish itself.
    'operation-id': values['operation-id'] || location,
    'wait-for': values['wait-for'] ?? 'preview',
    timeout: timeoutFor('preview'),
    'poll-interval': '1s'
  }
}

/**
 * Product Ingestion: resolve the offer id, POST /configure with a preview submission (a scenario
 * with a ready preview: take it live), and gate on the jobId of the answer (or, with `latest`, on
 * the product's submissions).
 */
async function publishProductIngestion(): Promise<Record<string, string>> {
  const target = isPiScenario(offer) && READY.includes(offer) ? 'live' : 'preview'
  const published = await publishOn(simulator.url, offer, target)
  heading(`Published ${offer} to ${target} on ${where}`)
  if (isPiScenario(offer)) console.log(`Scenario ${offer}: ${piScenario(offer).story}.`)
  if (published.productId === '') {
    console.log(`GET /product?externalId=${offer} → an empty list: there is nothing to publish.`)
  } else {
    console.log(
      `GET /product?externalId=${offer} → ${published.productId}\nPOST /configure (${target} submission) → ${published.status}, jobId: ${published.jobId}`
    )
  }
  return {
    ...offerInputs(),
    'operation-id': values['operation-id'] || published.jobId,
    'wait-for': values['wait-for'] ?? (target === 'live' ? 'live' : 'completion'),
    timeout: timeoutFor(target),
    'poll-interval': '1s'
  }
}

const dir = mkdtempSync(join(tmpdir(), 'gate-demo-'))
// The runner files go when the demo does. Ctrl-C reaches the gate too (same process group): the
// demo waits for its orderly stop, shows what it wrote, and cleans up.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
process.on('SIGINT', () => {})

interface GateResult {
  run: GateRun
  code: number | null
  outputs: Record<string, string>
  summary: string
}

/** Runs dist/index.js as a runner runs one step, in a folder of its own, and streams its log. */
async function runGate(run: GateRun, folder: string): Promise<GateResult> {
  mkdirSync(folder)
  const files = {
    GITHUB_OUTPUT: join(folder, 'output'),
    GITHUB_STEP_SUMMARY: join(folder, 'summary'),
    GITHUB_STATE: join(folder, 'state')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const { inputs } = run
  heading(
    `node dist/index.js   (${inputs.start === undefined ? '' : `start: ${inputs.start}, `}wait-for: ${inputs['wait-for'] ?? 'auto'}, poll-interval: ${inputs['poll-interval']}, timeout: ${inputs.timeout})`
  )
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    RUNNER_TEMP: folder,
    ...files
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const child = spawn(process.execPath, [resolve(import.meta.dirname, '../dist/index.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.stdout.on('data', show)
  child.stderr.on('data', show)
  const code = await new Promise<number | null>((done) =>
    child.on('exit', (exitCode) => done(exitCode))
  )
  return {
    run,
    code,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')
  }
}

/** The log as a run page shows workflow commands: annotations as such, masks and debug hidden. */
function show(chunk: Buffer): void {
  for (const line of chunk.toString().split('\n')) {
    if (line === '' || line.startsWith('::add-mask::') || line.startsWith('::debug::')) continue
    const command = /^::(error|warning|notice)(?: title=([^:]*))?::(.*)$/.exec(line)
    if (!command) console.log(`  ${line}`)
    else {
      const text = `${command[1][0].toUpperCase()}${command[1].slice(1)}: ${command[2] ? `${decodeURIComponent(command[2])}: ` : ''}${command[3].replace(/%0A/g, '\n  ').replace(/%25/g, '%')}`
      console.log(`  ${command[1] === 'error' ? red(text) : yellow(text)}`)
    }
  }
}

const results: GateResult[] = []
for (const [i, run] of runs.entries()) {
  const result = await runGate(run, join(dir, String(i + 1)))
  results.push(result)
  // As in a workflow, the go-live job runs only after the preview job passed.
  if (result.code !== 0 && i < runs.length - 1) {
    console.log(
      `\nThe gate exited with ${result.code ?? 'a signal'} (${run.label}): the demo does not go on to ${runs[i + 1].label}.`
    )
    break
  }
}
await simulator.close()
const byGate = {
  requests: simulator.requests() - byDemo.requests,
  starts: simulator.startRequests() - byDemo.starts
}

for (const { run, outputs, summary } of results) {
  const which = runs.length > 1 ? ` (${run.label})` : ''
  heading(`Outputs${which}`)
  const nameWidth = Math.max(...Object.keys(outputs).map((name) => name.length))
  for (const [name, value] of Object.entries(outputs)) {
    const shown = value.length > 90 ? `${value.slice(0, 89)}…` : value
    console.log(`  ${name.padEnd(nameWidth)}  ${shown}`)
  }
  heading(`Job summary${which}`)
  console.log(summaryToText(summary, tty).replace(/^/gm, '  '))
}

const page = resolve(values.html)
// A run page shows the summaries of a job's steps one after the other.
writeFileSync(
  page,
  summaryPage(
    results.map((result) => result.summary).join('\n'),
    `Publish gate: ${productIngestion ? offer : `${DEFAULT_PUBLISHER}/${offer}`}`
  )
)
const codes = results.map(({ run, code }) =>
  results.length > 1 ? `${code ?? 'a signal'} (${run.label})` : String(code ?? 'a signal')
)
console.log(`\n${dim(`The summary as the run page shows it: ${page}`)}`)
console.log(
  dim(
    `Simulator: ${byGate.requests} ${byGate.requests === 1 ? 'request' : 'requests'} by the gate, ${byDemo.requests} by the demo; publish or go-live requests: ${byGate.starts} by the gate, ${byDemo.starts} by the demo. The action exited with ${codes.join(', then ')}.`
  )
)
process.exit(results[results.length - 1].code ?? 1)
