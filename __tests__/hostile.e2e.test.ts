// The limits a hostile server runs into, through dist/index.js run as a runner runs it: waits that
// would overflow Node's timers, bodies built to make the gate spin or flood the log, a runner that
// reads stdout late, ids from a `latest` list that try to write Markdown or break a URL, inputs an
// HTTP request cannot carry, and a server that never finishes its headers. Each test fails on a
// build without the defence (GATE_BUNDLE=<an older dist/index.js> npm run test:e2e -- hostile).
// Times are checked as generous backstops of what the issue promises, as in deadline.e2e.test.ts.

import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createServer, type ServerResponse } from 'node:http'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { marked } from 'marked'
import { BUNDLE, runBundle, type BundleRun } from './fixtures/bundle.js'
import { rawOperation, rawSteps } from './fixtures/cpp.js'
import { runnerFiles } from './fixtures/runner.js'
import { json, serveScript, type Reply, type ScriptServer } from './fixtures/script-server.js'
import { cppRoute } from './fixtures/hostile-cpp.js'

const GUID = '3f2e1d0c-9b8a-4765-8432-10fedcba9876'
const TOKEN = 'hostile-limits-token-9Xq'
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT_ID = '0b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9'
/** What the gate promises after a signal. */
const GRACE_MS = 2_000
/** Room for a loaded 2-core machine. */
const SLACK_MS = 1_500

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function serve(
  script: Parameters<typeof serveScript>[0],
  host?: string
): Promise<ScriptServer> {
  const server = await serveScript(script, cppRoute, host)
  closers.push(server.close)
  return server
}

const inputs = (origin: string, more: Record<string, string> = {}): Record<string, string> => ({
  'publisher-id': 'contoso',
  'offer-id': 'contoso-offer',
  'operation-id': GUID,
  token: TOKEN,
  'base-url': origin,
  ...more
})

/** Kills the child with SIGKILL if it runs longer than `ms`: a broken promise ends, as on a runner. */
function backstop(child: ChildProcess, ms: number): void {
  const timer = setTimeout(() => child.kill('SIGKILL'), ms)
  child.once('exit', () => clearTimeout(timer))
}

/** runBundle with a backstop: a build that hangs is killed, and its test fails instead of hanging. */
function gate(
  given: Record<string, string>,
  whileRunning?: (child: ChildProcess) => Promise<void>,
  env: Record<string, string> = {}
): Promise<BundleRun> {
  return runBundle(
    given,
    async (child) => {
      backstop(child, 25_000)
      await whileRunning?.(child)
    },
    env
  )
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20))
}

/** A pause that keeps nothing alive: a race may leave it pending. */
const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms).unref())

const RUNNING = rawOperation(
  'running',
  rawSteps({ displaycertify: { status: 'InProgress', progressPercentage: 10 } })
)

describe('waits longer than a timer can hold', () => {
  it.concurrent.each<[string, Record<string, string>, Reply]>([
    ['poll-interval 25d with timeout 30d', { 'poll-interval': '25d' }, json(RUNNING)],
    [
      'a Retry-After of 10^9 seconds',
      { 'poll-interval': '1s' },
      json({ error: { code: 'Busy', message: 'later' } }, 503, { 'retry-after': '1000000000' })
    ]
  ])(
    '%s: one request in 3 s, and SIGTERM then ends the wait as interrupted, with outputs',
    async (_what, more, reply) => {
      const api = await serveScript({ cpp: [reply] }, cppRoute)
      try {
        let seenBeforeSignal = -1
        const run = await runBundle(
          inputs(api.origin, { timeout: '30d', ...more }),
          async (child) => {
            backstop(child, 30_000)
            await until(() => api.seen.length > 0, 15_000)
            await sleep(3_000)
            seenBeforeSignal = api.seen.length
            child.kill('SIGTERM')
          }
        )
        expect(seenBeforeSignal).toBe(1)
        expect(api.seen).toHaveLength(1)
        expect(run.signal).toBeNull()
        expect(run.outputs).toMatchObject({ result: 'interrupted', polls: '1' })
        expect(run.summary).toContain('Publish gate: contoso / contoso-offer: interrupted')
      } finally {
        await api.close()
      }
    },
    40_000
  )
})

/** A JSON text of about 10 MB (under the gate's 10 MiB limit): `items` padded to the same size. */
function tenMegabytes(head: string, items: string[], tail: string): string {
  const each = Math.floor((10_400_000 - head.length - tail.length) / items.length) - 1
  return `${head}${items.map((item) => item.padEnd(each, ' ')).join(',')}${tail}`
}

const BODIES: Array<[string, () => string, string]> = [
  [
    '10^6 one-letter messages',
    () =>
      tenMegabytes(
        '{"status":"running","steps":[],"messages":[',
        Array.from({ length: 1_000_000 }, () => '"a"'),
        ']}'
      ),
    '999,800 more messages'
  ],
  [
    '10^6 status-less steps',
    () =>
      tenMegabytes(
        '{"status":"running","steps":[',
        Array.from({ length: 1_000_000 }, () => '{}'),
        ']}'
      ),
    '999,800 more steps'
  ],
  [
    '400,000 unknown status spellings',
    () =>
      tenMegabytes(
        '{"status":"running","steps":[',
        Array.from({ length: 400_000 }, (_, i) => `{"status":"odd-${i}"}`),
        ']}'
      ),
    '399,800 more steps'
  ]
]

describe('a 10 MB answer built to make the gate work', () => {
  it.each(BODIES)(
    '%s: read promptly, with a bounded log, at most 20 warnings and the "not read" notice',
    async (_what, body, notice) => {
      const text = body()
      expect(text.length).toBeGreaterThan(9_900_000)
      expect(text.length).toBeLessThan(10 * 1024 * 1024)
      const api = await serve({
        cpp: [{ text, headers: { 'content-type': 'application/json' } }]
      })
      // Check mode: one answer, reported; the backstop is far beyond "promptly".
      const run = await runBundle(inputs(api.origin, { mode: 'check' }), (child) => {
        backstop(child, 20_000)
        return Promise.resolve()
      })
      expect(run.signal).toBeNull()
      expect(run.outputs.result).toBe('pending')
      const lines = run.stdout.split('\n')
      expect(lines.length).toBeLessThan(100)
      const warnings = lines.filter((line) => line.startsWith('::warning::'))
      expect(warnings.length).toBeLessThanOrEqual(21)
      expect(run.stdout).toContain(notice)
      expect(run.summary).toContain(notice)
    },
    30_000
  )

  // The messages are what the report renders (summary, outputs): before the caps, a signal waited
  // for that rendering. Steps cost the report little whatever their number.
  it.each(BODIES.slice(0, 1))(
    '%s: a SIGTERM once it is read is honoured within 2 s, the report included',
    async (_what, body) => {
      const api = await serve({
        cpp: [{ text: body(), headers: { 'content-type': 'application/json' } }]
      })
      let signalledAt = Number.NaN
      const run = await runBundle(
        inputs(api.origin, { 'poll-interval': '10m' }),
        async (child, stdout) => {
          backstop(child, 80_000)
          // Read and logged: the gate waits for the next poll, and the signal makes it report
          // everything it read.
          await until(() => stdout().includes('Operation status: running'), 60_000)
          signalledAt = performance.now()
          child.kill('SIGTERM')
        }
      )
      const afterSignal = performance.now() - signalledAt
      expect(run.signal).toBeNull()
      expect(afterSignal).toBeLessThan(GRACE_MS + SLACK_MS)
      expect(run.outputs.result).toBe('interrupted')
    },
    90_000
  )
})

/**
 * Reads its stdin (the gate's stdout) only after it is told to and another second has passed: a
 * runner busy elsewhere. Until then the gate's writes fill the pipe and wait.
 */
const LATE_READER = `
process.once('message', () => setTimeout(() => {
  process.stdin.pipe(process.stdout)
  process.stdin.once('end', () => process.disconnect())
}, 1000))
`

/** The bundle with its stdout on a pipe to a late reader, told to read once `read` settles. */
async function runWithLateReader(
  given: Record<string, string>,
  read: Promise<unknown>
): Promise<{ code: number | null; stdout: string; outputs: Record<string, string> }> {
  const files = runnerFiles(given)
  try {
    const reader = spawn(process.execPath, ['-e', LATE_READER], {
      stdio: ['pipe', 'pipe', 'inherit', 'ipc']
    })
    let stdout = ''
    reader.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const readerDone = once(reader, 'exit')
    const gate = spawn(process.execPath, [BUNDLE], {
      env: { PATH: process.env.PATH ?? '', TMPDIR: tmpdir(), ...files.env },
      stdio: ['ignore', reader.stdin ?? 'ignore', 'ignore']
    })
    // The gate holds the pipe now; the reader sees its end when the gate exits.
    reader.stdin?.destroy()
    backstop(gate, 30_000)
    backstop(reader, 40_000)
    const exited = once(gate, 'exit')
    await read
    reader.send('read')
    const [code] = (await exited) as [number | null]
    await readerDone
    return { code, stdout, outputs: files.outputs() }
  } finally {
    files.remove()
  }
}

/** Serves `replies` in order (the last repeats); `done` settles once the last has been sent. */
async function serveInOrder(replies: unknown[]): Promise<{ origin: string; done: Promise<void> }> {
  let sentLast = (): void => undefined
  const done = new Promise<void>((resolve) => (sentLast = resolve))
  let next = 0
  const server = createServer((req, res) => {
    req.resume()
    const index = Math.min(next++, replies.length - 1)
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(replies[index]), () => {
      if (index === replies.length - 1) sentLast()
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  )
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, done }
}

/** 4,000 characters of 3 bytes each: one annotation of the gate's longest is 12 KB. */
const LONG = (label: string): string => `${label} ${'€'.repeat(4_000)}`

describe('stdout drains to a runner that reads late', () => {
  it('ten ::error annotations of 4,000 characters each all arrive', async () => {
    const failing = rawOperation(
      'running',
      Array.from({ length: 10 }, (_, i) => ({
        id: `check${i}`,
        stepName: `Check ${i}`,
        status: 'failed',
        messages: [{ messageHtml: LONG(`Problem ${i}`), level: 'error' }]
      }))
    )
    const api = await serveInOrder([failing])
    const run = await runWithLateReader(inputs(api.origin), api.done)
    expect(run.code).toBe(1)
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::error title='))
    expect(annotations.map((line) => /title=(Check \d)/.exec(line)?.[1])).toEqual(
      Array.from({ length: 10 }, (_, i) => `Check ${i}`)
    )
    for (const line of annotations) expect(line.length).toBeGreaterThan(4_000)
    // The first annotation is the verdict itself, whole up to its limit.
    expect(annotations[0]).toContain('::Check 0 failed: Problem 0 €€€')
    expect(run.outputs.result).toBe('failed')
  }, 60_000)

  it('the verdict, written after a large log, arrives whole', async () => {
    // Each answer changes every step's (unknown) status: 20 long log lines a poll, and warnings.
    const answer = (round: number) =>
      rawOperation(
        'running',
        Array.from({ length: 30 }, (_, i) => ({
          id: `s${i}`,
          stepName: `${'€'.repeat(190)} ${i}`,
          status: `odd ${round} ${'€'.repeat(180)} ${i}`
        }))
      )
    const failed = rawOperation('failed', [], {
      messages: [{ messageHtml: LONG('The last word'), level: 'error' }]
    })
    const api = await serveInOrder([answer(1), answer(2), answer(3), answer(4), failed])
    const run = await runWithLateReader(inputs(api.origin, { 'poll-interval': '1s' }), api.done)
    expect(run.code).toBe(1)
    expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(96 * 1024)
    const last = run.stdout.trimEnd().split('\n').at(-1) ?? ''
    expect(last).toMatch(/^::error::The operation failed: The last word €+…$/)
    expect(last.length).toBeGreaterThan(4_000)
  }, 60_000)
})

/** An id that ends the summary's HTML block with blank lines, then writes Markdown. */
const MARKDOWN_ID = `${GUID}\n\n![x](https://evil.example/x.png)\n\n[Approve](https://evil.example/approve)\n`
const LONE_SURROGATE_ID = `${GUID.slice(0, -1)}\ud800`

/** The summary as GitHub shows it: Markdown, with the gate's HTML passed through. */
function rendered(summary: string): string {
  return marked.parse(summary, { async: false })
}

function expectNoMarkdownFromTheNetwork(run: BundleRun): void {
  const html = rendered(run.summary)
  expect(html).not.toContain('<img')
  expect(html).not.toContain('href="https://evil.example')
  // No blank line ends the HTML block, so no text after it is read as Markdown.
  expect(run.summary.trimEnd()).not.toMatch(/\n[ \t]*\n/)
}

describe('ids from a latest list', () => {
  it('ids with blank lines and Markdown, or a lone surrogate, are not operations: nothing of them shows', async () => {
    const api = await serve({
      running: [
        json({
          value: [
            { id: MARKDOWN_ID, status: 'running', changedTime: '2030-01-02T00:00:00Z' },
            { id: LONE_SURROGATE_ID, status: 'running', changedTime: '2030-01-03T00:00:00Z' }
          ]
        })
      ],
      submissions: [
        json({ value: [{ id: MARKDOWN_ID, status: 'succeeded' }, { id: LONE_SURROGATE_ID }] })
      ]
    })
    const run = await gate(inputs(api.origin, { 'operation-id': 'latest' }))
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({
      result: 'error',
      'operation-id': '',
      polls: '1',
      requests: String(api.seen.length)
    })
    // The running list, then the whole list: no request for an operation that is not one.
    expect(api.seen.map((request) => request.route)).toEqual(['running', 'submissions'])
    expect(run.outputs.message).toContain('the offer has no operation')
    expectNoMarkdownFromTheNetwork(run)
    for (const text of [run.stdout, run.summary, JSON.stringify(run.outputs)]) {
      expect(text).not.toContain('evil.example')
    }
  }, 30_000)

  it('beside them, the operation that is one is watched: one line in operation-id, honest counts', async () => {
    const api = await serve({
      running: [
        json({
          value: [
            { id: MARKDOWN_ID, status: 'running', changedTime: '2030-01-02T00:00:00Z' },
            { id: LONE_SURROGATE_ID, status: 'running', changedTime: '2030-01-03T00:00:00Z' },
            { id: GUID, status: 'running', changedTime: '2030-01-01T00:00:00Z' }
          ]
        })
      ],
      cpp: [
        json(
          rawOperation(
            'running',
            rawSteps({
              displaycertify: {
                status: 'failed',
                messages: [
                  {
                    messageHtml: `<p>Rejected.</p>\n\n![x](https://evil.example/x.png)\n\n<p></p>[Approve](https://evil.example/approve)`,
                    level: 'error'
                  }
                ]
              }
            })
          )
        )
      ]
    })
    const run = await gate(inputs(api.origin, { 'operation-id': 'latest' }))
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({
      result: 'failed',
      'operation-id': GUID,
      polls: '1',
      requests: String(api.seen.length)
    })
    expect(api.seen.map((request) => request.route)).toEqual(['running', 'cpp'])
    expect(run.stdout).toContain(`Watching operation ${GUID}: it is the offer's running operation`)
    expectNoMarkdownFromTheNetwork(run)
    // The message's text is there, as text.
    expect(rendered(run.summary)).toContain('[Approve](https://evil.example/approve)')
  }, 30_000)
})

describe('inputs a request cannot carry, or that name another offer', () => {
  it('a token with characters beyond Latin-1 fails before any request, naming token', async () => {
    const api = await serve({ cpp: [json(RUNNING)] })
    const run = await gate(inputs(api.origin, { token: 'eyJhbGciOi.łódź.sig' }))
    expect(run.code).toBe(1)
    expect(api.seen).toHaveLength(0)
    expect(run.outputs).toMatchObject({ result: 'error', polls: '0', requests: '0' })
    expect(run.outputs.message).toMatch(/^Invalid input: token contains characters/)
  }, 30_000)

  it('a bare $-form operation id of another offer is an input error, before any request', async () => {
    const api = await serve({ cpp: [json(RUNNING)] })
    const run = await gate(inputs(api.origin, { 'operation-id': 'fabrikam$other-offer$2$preview' }))
    expect(run.code).toBe(1)
    expect(api.seen).toHaveLength(0)
    expect(run.outputs.result).toBe('error')
    expect(run.outputs.message).toContain('operation-id is "fabrikam$other-offer$2$preview"')
  }, 30_000)

  it('base-url and authority-host on [::1] reach a server listening on ::1', async () => {
    const api = await serve(
      {
        'azure-ad': [json({ access_token: 'ipv6-access-token-1', expires_in: 3600 })],
        cpp: [json(rawOperation('succeeded'))]
      },
      '::1'
    )
    expect(api.origin).toMatch(/^http:\/\/\[::1\]:\d+$/)
    const run = await gate(
      inputs(api.origin, {
        token: '',
        'authority-host': api.origin,
        'tenant-id': TENANT,
        'client-id': CLIENT_ID,
        'client-secret': 'ipv6-client-secret'
      })
    )
    expect(run.outputs.message).toBe('The operation succeeded.')
    expect(run.code).toBe(0)
    expect(api.seen.map((request) => request.route)).toEqual(['azure-ad', 'cpp'])
  }, 30_000)
})

describe('a server that never finishes its headers', () => {
  it('has its socket closed when the request is given up, while the gate still runs', async () => {
    // The API: a status line, then a header line every 100 ms, forever.
    const trickled: Array<{ socket: Socket; closedAt?: number }> = []
    const trickle = createNetServer((socket) => {
      const entry: { socket: Socket; closedAt?: number } = { socket }
      trickled.push(entry)
      socket.on('error', () => undefined)
      socket.write('HTTP/1.1 200 OK\r\n')
      const timer = setInterval(() => socket.write(`x-trickle-${Date.now()}: 1\r\n`), 100)
      socket.once('close', () => {
        clearInterval(timer)
        entry.closedAt = performance.now()
      })
    })
    trickle.listen(0, '127.0.0.1')
    await once(trickle, 'listening')
    closers.push(
      () =>
        new Promise((resolve) => {
          for (const { socket } of trickled) socket.destroy()
          trickle.close(() => resolve())
        })
    )
    // The Checks API holds the final update: the gate lives on for a while after the wait ends.
    let updateAt: number | undefined
    const held: ServerResponse[] = []
    const github = createServer((req, res) => {
      req.resume()
      if (req.method === 'PATCH') {
        updateAt ??= performance.now()
        held.push(res)
        return
      }
      res.writeHead(201, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ id: 7, html_url: 'https://github.com/contoso/offer/runs/7' }))
    })
    github.listen(0, '127.0.0.1')
    await once(github, 'listening')
    closers.push(
      () =>
        new Promise((resolve) => {
          for (const res of held) res.destroy()
          github.closeAllConnections()
          github.close(() => resolve())
        })
    )
    const origin = `http://127.0.0.1:${(trickle.address() as AddressInfo).port}`
    let closedWhileRunning: boolean | undefined
    const run = await runBundle(
      inputs(origin, {
        timeout: '3s',
        'check-name': 'Publish gate',
        'github-token': 'ghs_trickleTestToken01234'
      }),
      async (child) => {
        backstop(child, 30_000)
        await until(() => updateAt !== undefined || child.exitCode !== null, 20_000)
        // The gate waits for the Checks API now (for a second or more): the socket it gave up at
        // the deadline is closed already, or within moments.
        await until(() => trickled.every((entry) => entry.closedAt !== undefined), 300)
        closedWhileRunning = child.exitCode === null && child.signalCode === null
      },
      {
        GITHUB_API_URL: `http://127.0.0.1:${(github.address() as AddressInfo).port}`,
        GITHUB_REPOSITORY: 'contoso/offer',
        GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
      }
    )
    expect(run.outputs.result).toBe('timed-out')
    expect(updateAt).toBeDefined()
    expect(trickled).toHaveLength(1)
    expect(trickled[0].closedAt).toBeDefined()
    expect(trickled[0].closedAt).toBeLessThanOrEqual((updateAt ?? 0) + 300)
    expect(closedWhileRunning).toBe(true)
  }, 40_000)
})
