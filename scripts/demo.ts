// `npm run demo`: the gate against the simulator, run exactly as a GitHub runner runs it. Starts
// the simulator, publishes an offer (with the CPP API, or with `--api product-ingestion` through
// POST /configure), runs `node dist/index.js` with INPUT_* variables and the GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY and GITHUB_STATE files, streams its log, then shows the outputs and the job
// summary, and exits with the action's exit code.

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_GRAPH_TOKEN, PI_PREFIX, publishOn } from '../simulator/product-ingestion.ts'
import { isPiScenario, PI_SCENARIOS } from '../simulator/product-ingestion-scenarios.ts'
import { isScenario, SCENARIOS } from '../simulator/scenarios.ts'
import {
  API_VERSION,
  DEFAULT_PUBLISHER,
  DEFAULT_TOKEN,
  startSimulator
} from '../simulator/server.ts'
import { demoTimeout } from './demo-timeout.ts'
import { summaryPage, summaryToText } from './summary-text.ts'

const { values } = parseArgs({
  options: {
    api: { type: 'string', default: 'cpp' },
    scenario: { type: 'string' },
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
const scenario = values.scenario ?? (productIngestion ? 'preview-success' : 'publish-success')
const known = productIngestion ? isPiScenario(scenario) : isScenario(scenario)
if (values.help || !known || (values.api !== 'cpp' && !productIngestion)) {
  if (!values.help) {
    console.error(
      known
        ? `Unknown api "${values.api}".`
        : `Unknown scenario "${scenario}" for api ${values.api}.`
    )
  }
  console.log(`Usage: npm run demo -- [--api cpp|product-ingestion] [--scenario NAME]
       [--wait-for completion|preview|live|STEP] [--speed 1000] [--timeout DURATION] [--html FILE]
       [--operation-id latest]
CPP scenarios: ${SCENARIOS.join(', ')}
Product Ingestion scenarios: ${PI_SCENARIOS.join(', ')}
--timeout defaults to what a CPP scenario needs to reach publisher sign-off at that speed, at least 2m.`)
  process.exit(values.help ? 0 : 2)
}

const tty = process.stdout.isTTY === true
const dim = (text: string): string => (tty ? `\u001b[2m${text}\u001b[22m` : text)
const red = (text: string): string => (tty ? `\u001b[31m${text}\u001b[39m` : text)
const yellow = (text: string): string => (tty ? `\u001b[33m${text}\u001b[39m` : text)
const heading = (text: string): void =>
  console.log(`\n${tty ? `\u001b[1m${text}\u001b[22m` : text}\n${'─'.repeat(text.length)}`)

const simulatorLog: string[] = []
const simulator = await startSimulator({
  speed: Number(values.speed),
  log: (line) => simulatorLog.push(line)
})
const offer = scenario
const inputs: Record<string, string> = productIngestion
  ? await publishProductIngestion()
  : await publishCpp()
Object.assign(inputs, {
  timeout:
    values.timeout ??
    (productIngestion || !isScenario(scenario)
      ? '2m'
      : demoTimeout(scenario, Number(values.speed))),
  'poll-interval': '1s'
})

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
  heading(
    `Published ${DEFAULT_PUBLISHER}/${offer} on the simulator (${simulator.url}, ${values.speed}x speed)`
  )
  console.log(`POST …/offers/${offer}/publish → ${publish.status}, Location: ${location}`)
  return {
    'publisher-id': DEFAULT_PUBLISHER,
    'offer-id': offer,
    // Empty: the Location of the publish above; `latest` lets the gate find that publish itself.
    'operation-id': values['operation-id'] || location,
    token: DEFAULT_TOKEN,
    'wait-for': values['wait-for'] ?? 'preview',
    'base-url': simulator.url
  }
}

/**
 * Product Ingestion: resolve the offer id, POST /configure with a preview submission (live-success:
 * take its ready preview live), and gate on the jobId of the answer (or, with `latest`, on the
 * product's submissions).
 */
async function publishProductIngestion(): Promise<Record<string, string>> {
  const target = offer === 'live-success' ? 'live' : 'preview'
  const published = await publishOn(simulator.url, offer, target)
  heading(
    `Published ${offer} to ${target} on the Product Ingestion simulator (${simulator.url}${PI_PREFIX}, ${values.speed}x speed)`
  )
  if (published.productId === '') {
    console.log(`GET /product?externalId=${offer} → an empty list: there is nothing to publish.`)
  } else {
    console.log(
      `GET /product?externalId=${offer} → ${published.productId}\nPOST /configure (${target} submission) → ${published.status}, jobId: ${published.jobId}`
    )
  }
  return {
    api: 'product-ingestion',
    'offer-id': offer,
    'operation-id': values['operation-id'] || published.jobId,
    token: DEFAULT_GRAPH_TOKEN,
    'wait-for': values['wait-for'] ?? (target === 'live' ? 'live' : 'completion'),
    'base-url': `${simulator.url}${PI_PREFIX}`
  }
}

const dir = mkdtempSync(join(tmpdir(), 'gate-demo-'))
// The runner files go when the demo does. Ctrl-C reaches the gate too (same process group): the
// demo waits for its orderly stop, shows what it wrote, and cleans up.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
process.on('SIGINT', () => {})
const files = {
  GITHUB_OUTPUT: join(dir, 'output'),
  GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  GITHUB_STATE: join(dir, 'state')
}
for (const file of Object.values(files)) writeFileSync(file, '')
heading(
  `node dist/index.js   (wait-for: ${inputs['wait-for']}, poll-interval: 1s, timeout: ${inputs.timeout})`
)
const env: Record<string, string> = { PATH: process.env.PATH ?? '', RUNNER_TEMP: dir, ...files }
for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value

const child = spawn(process.execPath, [resolve(import.meta.dirname, '../dist/index.js')], {
  env,
  stdio: ['ignore', 'pipe', 'pipe']
})
// Shown the way a run page shows workflow commands: annotations as such, masks and debug hidden.
const show = (chunk: Buffer): void => {
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
child.stdout.on('data', show)
child.stderr.on('data', show)
const code = await new Promise<number | null>((done) =>
  child.on('exit', (exitCode) => done(exitCode))
)
await simulator.close()

heading('Outputs')
const outputs = parseOutputs(readFileSync(files.GITHUB_OUTPUT, 'utf8'))
const nameWidth = Math.max(...Object.keys(outputs).map((name) => name.length))
for (const [name, value] of Object.entries(outputs)) {
  const shown = value.length > 90 ? `${value.slice(0, 89)}…` : value
  console.log(`  ${name.padEnd(nameWidth)}  ${shown}`)
}

const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')
heading('Job summary')
console.log(summaryToText(summary, tty).replace(/^/gm, '  '))
const page = resolve(values.html)
writeFileSync(
  page,
  summaryPage(
    summary,
    `Publish gate: ${productIngestion ? offer : `${DEFAULT_PUBLISHER}/${offer}`}`
  )
)
console.log(`\n${dim(`The summary as the run page shows it: ${page}`)}`)
console.log(
  dim(`Simulator: ${simulatorLog.length} requests; the action exited with ${code ?? 'a signal'}.`)
)
process.exit(code ?? 1)

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i])
    outputs[match[1]] = value.join('\n')
  }
  return outputs
}
