// `npm run bench`: what the gate costs its users, as figures (no pass or fail): start-up against the
// smallest action built as actions usually are, 72-hour waits compressed in virtual time (requests,
// memory) for the CPP API and for the Product Ingestion API, detection latency, and 10 MB hostile
// answers. Prints one table, with the machine it ran on; it writes no file.
// BENCH_ONLY=startup|wait|hostile runs one part; BENCH_COMPARE=<folder> adds the start-up of
// another build of the gate (say, an older dist/) to the same run.

import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, platform, release, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Clock } from '../src/gate/clock.ts'
import { run } from '../src/main.ts'
import { SHAPES } from './hostile-body.ts'
import { DEFAULT_GRAPH_TOKEN, PI_PREFIX, publishOn } from '../simulator/product-ingestion.ts'
import { API_VERSION, DEFAULT_TOKEN, startSimulator, type Simulator } from '../simulator/server.ts'

const ROOT = resolve(import.meta.dirname, '..')
/** Given to a child run of this file: it makes the Product Ingestion 72-hour wait alone. */
const PRODUCT_INGESTION_WAIT = '--product-ingestion-wait'
/**
 * Where the long waits sample the heap (after a full GC): at 100 polls, then every 144 polls
 * (2.4 hours) from the end of the first day to the end of the third.
 */
const HEAP_SAMPLES = [100, ...Array.from({ length: 21 }, (_, i) => 1440 + 144 * i)]

/**
 * Heap growth over days 2 and 3, from the least-squares slope of the samples taken then: one
 * sample moves by hundreds of kilobytes with whatever the collector happens to keep, a leak of
 * 0.1 kB a poll shows in the slope of twenty-one.
 */
function growthOverDays2And3(heapAt: Map<number, number>): number {
  const points = [...heapAt].filter(([polls]) => polls >= 1440)
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length
  const slope =
    points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0) /
    points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0)
  return slope * 2880
}
const PAIRS = Number(process.env.BENCH_PAIRS ?? 30)
/** `startup`, `wait` or `hostile` to run one part alone while working on it; empty: all of them. */
const ONLY = process.env.BENCH_ONLY ?? ''
const rows: Array<{ figure: string; value: string; target: string }> = []
const row = (figure: string, value: string, target = ''): void => {
  rows.push({ figure, value, target })
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

if (process.argv.includes(PRODUCT_INGESTION_WAIT)) {
  // At a hundredth of real speed the job's certification lasts 300 hours: it runs all 72.
  const wait = await virtualWait({
    offer: 'preview-success',
    intervalMs: 60_000,
    timeoutMs: 72 * 3_600_000,
    waitFor: 'completion',
    heapAt: HEAP_SAMPLES,
    speed: 0.01,
    publish: productIngestionPublish('preview-success')
  })
  process.stdout.write(`${JSON.stringify({ ...wait, heapAt: [...wait.heapAt] })}\n`)
  process.exit(0)
}

// 1. Start-up, side by side ------------------------------------------------------------------
// The baseline is the smallest action on the same toolkit, built as actions usually are (a plain
// ncc build of bench/baseline/index.ts). Both run as a runner starts them, against the simulator.
if (ONLY === '' || ONLY === 'startup') {
  console.log('Building the baseline action…')
  execFileSync(
    join(ROOT, 'node_modules/.bin/ncc'),
    ['build', 'bench/baseline/index.ts', '-o', 'bench/baseline/dist', '--source-map', '--quiet'],
    { cwd: ROOT, stdio: 'inherit' }
  )
}

interface Sample {
  /** From spawn to the first request answered by the simulator. */
  firstRequestMs: number
  /** From spawn to exit (the verdict is the exit code). */
  ms: number
  rssKb: number
}

/** When the simulator last answered a request: the first of each measured process. */
let answeredAt: bigint | undefined

/** One process, started as a runner starts an action; wall time from spawn to exit. */
function measure(args: string[], env: Record<string, string>): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'))
  for (const name of ['output', 'summary']) writeFileSync(join(dir, name), '')
  answeredAt = undefined
  const started = process.hrtime.bigint()
  const child = spawn(process.execPath, ['--import', join(ROOT, 'bench/max-rss.mjs'), ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      ...env
    },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((done, fail) => {
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const firstRequestMs = Number((answeredAt ?? started) - started) / 1e6
      rmSync(dir, { recursive: true, force: true })
      const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(stderr)
      if (code !== 0 || !rss)
        fail(new Error(`${args.join(' ')} exited ${code ?? 'by a signal'}: ${stderr}`))
      else done({ firstRequestMs, ms, rssKb: Number(rss[1]) })
    })
  })
}

/** The gate's inputs for an operation that is ready: it decides on the first poll. */
function gateInputs(simulator: Simulator, location: string): Record<string, string> {
  return {
    'INPUT_PUBLISHER-ID': 'contoso',
    'INPUT_OFFER-ID': 'publish-success',
    'INPUT_OPERATION-ID': location,
    INPUT_TOKEN: DEFAULT_TOKEN,
    'INPUT_BASE-URL': simulator.url,
    'INPUT_WAIT-FOR': 'preview'
  }
}

async function succeededOperation(simulator: Simulator): Promise<string> {
  const response = await fetch(
    `${simulator.url}/api/publishers/contoso/offers/publish-success/publish?api-version=${API_VERSION}`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` }
    }
  )
  return response.headers.get('location') ?? ''
}

if (ONLY === '' || ONLY === 'startup') {
  // At this speed the publish is waiting for go-live (ready) as soon as it starts. The log hook
  // notes the first answer of each process.
  const simulator = await startSimulator({
    speed: 1e9,
    log: () => (answeredAt ??= process.hrtime.bigint())
  })
  const location = await succeededOperation(simulator)
  const gateEnv = gateInputs(simulator, location)
  const baselineEnv = { INPUT_URL: `${simulator.url}${location}`, INPUT_TOKEN: DEFAULT_TOKEN }
  const builds: Array<{ name: string; args: string[]; env: Record<string, string> }> = [
    { name: '`node -e 0` (the floor)', args: ['-e', '0'], env: {} },
    {
      name: 'Baseline action (core + http-client, plain ncc build)',
      args: [join(ROOT, 'bench/baseline/dist/index.js')],
      env: baselineEnv
    },
    { name: 'Gate (`dist/index.js`)', args: [join(ROOT, 'dist/index.js')], env: gateEnv }
  ]
  const compare = process.env.BENCH_COMPARE
  if (compare) {
    builds.push({
      name: `Gate as built in \`${compare}\``,
      args: [join(resolve(compare), 'index.js')],
      env: gateEnv
    })
  }
  const samples = builds.map((): Sample[] => [])
  // Warm the file cache first, then alternate so that drift hits all alike.
  for (const build of builds) await measure(build.args, build.env)
  for (let round = 0; round < PAIRS; round++) {
    for (const [i, build] of builds.entries()) samples[i].push(await measure(build.args, build.env))
  }
  await simulator.close()
  const ms = (values: number[]): string => `${median(values).toFixed(0)} ms`
  for (const [i, build] of builds.entries()) {
    const taken = samples[i]
    row(
      `${build.name}: start to first request / to verdict (exit), peak RSS; median of ${PAIRS}`,
      `${i === 0 ? '–' : ms(taken.map((s) => s.firstRequestMs))} / ${ms(taken.map((s) => s.ms))}, ${(median(taken.map((s) => s.rssKb)) / 1024).toFixed(1)} MB`
    )
  }
}

// 2. 72-hour waits in virtual time, and detection latency in virtual time, and detection latency ------------------------------------

interface Wait {
  polls: number
  requests: number
  /** Virtual time from the publish to the gate's verdict. */
  sincePublishMs: number
  /** Virtual time the gate spent polling. */
  pollingMs: number
  heapAt: Map<number, number>
  result: string
}

/**
 * The gate's own run(), as main.ts composes it (backend, watcher, HTTP client, poll loop, report),
 * against the simulator on one virtual clock; its log is kept out of the benchmark's.
 */
async function virtualWait(options: {
  offer: string
  intervalMs: number
  timeoutMs: number
  waitFor: string
  startOffsetMs?: number
  heapAt?: number[]
  speed?: number
  /** The API's own inputs after a publish on the simulator; CPP's by default. */
  publish?: (simulator: Simulator) => Promise<Record<string, string>>
}): Promise<Wait> {
  let now = Date.UTC(2026, 0, 1)
  const simulator = await startSimulator({ speed: options.speed ?? 1, now: () => now })
  const inputs = await (options.publish ?? cppPublish(options.offer))(simulator)
  const publishedAt = now
  now += options.startOffsetMs ?? 0
  const startedAt = now
  const heapAt = new Map<number, number>()
  let sleeps = 0
  // Every request's deadline is an AbortSignal.timeout: on real time, each would still be pending
  // when three virtual days have passed in seconds, and the heap would count thousands of them.
  // Here they run on the virtual clock, and expire as they would on a runner.
  const timeouts: Array<{ at: number; controller: AbortController }> = []
  const realTimeout = AbortSignal.timeout.bind(AbortSignal)
  AbortSignal.timeout = (ms: number): AbortSignal => {
    const controller = new AbortController()
    timeouts.push({ at: now + ms, controller })
    return controller.signal
  }
  const expire = (): void => {
    for (let i = timeouts.length - 1; i >= 0; i--) {
      if (timeouts[i].at > now) continue
      timeouts[i].controller.abort(new DOMException('The operation timed out.', 'TimeoutError'))
      timeouts.splice(i, 1)
    }
  }
  const clock: Clock = {
    now: () => now,
    wall: () => now,
    sleep: (ms) => {
      now += ms
      expire()
      // One sleep a poll: the heap is sampled after that many polls.
      sleeps++
      if (options.heapAt?.includes(sleeps)) {
        globalThis.gc?.()
        heapAt.set(sleeps, process.memoryUsage().heapUsed)
      }
      return Promise.resolve()
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-wait-'))
  for (const name of ['output', 'summary']) writeFileSync(join(dir, name), '')
  const saved = { ...process.env }
  Object.assign(process.env, {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    ...inputs,
    'INPUT_WAIT-FOR': options.waitFor,
    INPUT_TIMEOUT: `${options.timeoutMs / 1000}s`,
    'INPUT_POLL-INTERVAL': `${options.intervalMs / 1000}s`
  })
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = () => true
  try {
    const outcome = await run({ clock })
    return {
      polls: outcome.polls,
      requests: outcome.requests,
      sincePublishMs: now - publishedAt,
      pollingMs: now - startedAt,
      heapAt,
      result: outcome.result
    }
  } finally {
    AbortSignal.timeout = realTimeout
    process.stdout.write = write
    process.env = saved
    process.exitCode = undefined
    rmSync(dir, { recursive: true, force: true })
    await simulator.close()
  }
}

/** A CPP publish of the offer, and the inputs that gate on it. */
function cppPublish(offer: string): (simulator: Simulator) => Promise<Record<string, string>> {
  return async (simulator) => ({
    'INPUT_PUBLISHER-ID': 'contoso',
    'INPUT_OFFER-ID': offer,
    'INPUT_OPERATION-ID': await succeededOperationFor(simulator, offer),
    INPUT_TOKEN: DEFAULT_TOKEN,
    'INPUT_BASE-URL': simulator.url
  })
}

/** A Product Ingestion preview publish of the offer (POST /configure), and the inputs that gate on its job. */
function productIngestionPublish(
  offer: string
): (simulator: Simulator) => Promise<Record<string, string>> {
  return async (simulator) => ({
    INPUT_API: 'product-ingestion',
    'INPUT_OFFER-ID': offer,
    'INPUT_OPERATION-ID': (await publishOn(simulator.url, offer, 'preview')).jobId,
    INPUT_TOKEN: DEFAULT_GRAPH_TOKEN,
    'INPUT_BASE-URL': `${simulator.url}${PI_PREFIX}`
  })
}

async function succeededOperationFor(simulator: Simulator, offer: string): Promise<string> {
  const response = await fetch(
    `${simulator.url}/api/publishers/contoso/offers/${offer}/publish?api-version=${API_VERSION}`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` }
    }
  )
  return response.headers.get('location') ?? ''
}

if (ONLY === '' || ONLY === 'wait') {
  if (!globalThis.gc) throw new Error('Run with --expose-gc (npm run bench does).')
  console.log('Three days of waiting at the default 60 s interval, in virtual time…')
  // The slow publish never reaches the live step: the gate polls for the whole 72 hours.
  const hours = 72
  const long = await virtualWait({
    offer: 'slow',
    intervalMs: 60_000,
    timeoutMs: hours * 3_600_000,
    waitFor: 'live',
    heapAt: HEAP_SAMPLES
  })
  const mb = (bytes: number): string =>
    bytes === 0 ? 'not sampled' : `${(bytes / 1048576).toFixed(2)} MB`
  const [at100, at1440, at2880, at4320] = [100, 1440, 2880, 4320].map(
    (polls) => long.heapAt.get(polls) ?? 0
  )
  // V8 grows its code and feedback for the first thousand polls or so, then levels off; a leak
  // would keep growing. So the 100 → 1,440 figure shows the warm-up, and growth is judged after it.
  const settled = growthOverDays2And3(long.heapAt)
  row(
    `${hours}-hour wait at 60 s: polls, requests`,
    `${long.polls}, ${long.requests} (${long.result})`
  )
  row('Requests per hour at 60 s', (long.requests / hours).toFixed(1), '≤ 61')
  row(
    'Heap after 100 → 1,440 polls (the first day, after a full GC)',
    `${mb(at100)} → ${mb(at1440)} (warm-up)`
  )
  row(
    'Heap after 1,440 → 2,880 → 4,320 polls (days 2 and 3)',
    `${mb(at1440)} → ${mb(at2880)} → ${mb(at4320)}`
  )
  row(
    'Heap growth over days 2 and 3 (2,880 polls; the slope of 21 samples)',
    `${settled >= 0 ? '+' : ''}${(settled / 1024).toFixed(0)} kB`,
    'flat: < 256 kB (< 0.1 kB a poll)'
  )

  console.log('Three days of waiting on a Product Ingestion configure job, in virtual time…')
  // In a process of its own: in this one, V8 would still be dropping what the CPP wait left
  // (bytecode it flushes after some collections) during the first days, and the heap figures
  // would show that instead of this wait.
  const child = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--disable-warning=ExperimentalWarning',
      '--import',
      './bench/ts-resolve.mjs',
      'bench/run.ts',
      PRODUCT_INGESTION_WAIT
    ],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const measured = JSON.parse(child.trim().split('\n').at(-1) ?? '{}') as Omit<Wait, 'heapAt'> & {
    heapAt: Array<[number, number]>
  }
  const pi: Wait = { ...measured, heapAt: new Map(measured.heapAt) }
  const [pi100, pi1440, pi2880, pi4320] = [100, 1440, 2880, 4320].map(
    (polls) => pi.heapAt.get(polls) ?? 0
  )
  const piSettled = growthOverDays2And3(pi.heapAt)
  row(
    `Product Ingestion: ${hours}-hour wait on a configure job at 60 s: polls, requests`,
    `${pi.polls}, ${pi.requests} (${pi.result})`
  )
  row('Product Ingestion: requests per hour at 60 s', (pi.requests / hours).toFixed(1), '≤ 61')
  row(
    'Product Ingestion: heap after 100 → 1,440 → 2,880 → 4,320 polls',
    `${mb(pi100)} → ${mb(pi1440)} → ${mb(pi2880)} → ${mb(pi4320)}`
  )
  row(
    'Product Ingestion: heap growth over days 2 and 3 (2,880 polls; the slope of 21 samples)',
    `${piSettled >= 0 ? '+' : ''}${(piSettled / 1024).toFixed(0)} kB`,
    'flat: < 256 kB (< 0.1 kB a poll)'
  )
  row(
    'Peak RSS of this whole benchmark process',
    `${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`
  )

  for (const intervalMs of [5_000, 60_000]) {
    // At speed 100 the preview is ready 132 s after the publish; the gate starts at a random phase
    // of its interval, as a real one would.
    const readyAfterMs = 132_000
    const latencies: number[] = []
    let polls = 0
    let pollingMs = 0
    for (let trial = 0; trial < 10; trial++) {
      const wait = await virtualWait({
        offer: 'publish-success',
        intervalMs,
        timeoutMs: 3_600_000,
        waitFor: 'preview',
        startOffsetMs: Math.floor(Math.random() * intervalMs),
        speed: 100
      })
      if (wait.result !== 'succeeded') throw new Error(`the latency run ended ${wait.result}`)
      latencies.push(wait.sincePublishMs - readyAfterMs)
      polls += wait.requests
      pollingMs += wait.pollingMs
    }
    const worst = Math.max(...latencies)
    row(
      `Detection latency at ${intervalMs / 1000} s (median / worst of 10; ${((polls * 3_600_000) / pollingMs).toFixed(0)} requests an hour measured)`,
      `${(median(latencies) / 1000).toFixed(1)} s / ${(worst / 1000).toFixed(1)} s`,
      `worst ≤ ${intervalMs / 1000 + 1} s (one interval + 1 s)`
    )
  }
}

// 3. Hostile answers: a 10 MB body of any shape ---------------------------------------------------
if (ONLY === '' || ONLY === 'hostile') {
  console.log('Hostile answers of 10 MB, each in a process of its own…')
  for (const shape of SHAPES) {
    const { stdout, stderr } = spawnSync(
      process.execPath,
      [
        '--import',
        join(ROOT, 'bench/ts-resolve.mjs'),
        '--import',
        join(ROOT, 'bench/max-rss.mjs'),
        join(ROOT, 'bench/hostile-body.ts'),
        shape
      ],
      { encoding: 'utf8', maxBuffer: 1024 * 1024 }
    )
    const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(stderr)
    const result = JSON.parse(stdout) as { cpuMs: number; kind: string }
    const rssMb = Number(rss?.[1] ?? Number.NaN) / 1024
    row(
      `10 MB body of ${shape}: CPU to parse, normalize, summarize / peak RSS (whole process)`,
      `${result.cpuMs.toFixed(0)} ms / ${rssMb.toFixed(0)} MB`,
      '< 2 s / < 300 MB'
    )
  }
}

// Report --------------------------------------------------------------------------------------
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${platform()} ${release()}, Node ${process.versions.node}`
console.log(
  [
    '',
    `\`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${machine}`,
    '',
    '| figure | measured | target |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.target} |`)
  ].join('\n')
)
