// One hostile answer, the size of the largest body the gate reads (10 MB), put through what a poll
// does with it: JSON.parse, the CPP backend's normalize, then the summary and the outputs. Run by
// bench/run.ts in a process of its own per shape, so that its CPU time and peak RSS are its own.
// Usage: node --import ./bench/ts-resolve.mjs bench/hostile-body.ts <shape>

import { pathToFileURL } from 'node:url'
import { cppBackend } from '../src/backends/cpp/index.ts'
import { snapshotOf } from '../src/backends/cpp/watcher.ts'
import { MAX_BODY_BYTES } from '../src/constants.ts'
import { hideNested } from '../src/net/api-client.ts'
import { parseJson } from '../src/net/json.ts'
import { redactReport, Secrets } from '../src/report/redact.ts'
import { buildOutputs } from '../src/report/outputs.ts'
import { renderSummary } from '../src/report/summary.ts'

export const SHAPES = [
  'one-letter messages',
  'status-less steps',
  'unknown spellings',
  'one huge message of markup',
  'deeply nested arrays',
  'entities (&#65;) around a 2,000-character token',
  'percent-encoding (%41) around a 2,000-character token',
  'JSON escapes (\\u0041) around a 2,000-character token',
  'named entities (&amp;) around a 2,000-character token',
  'every encoding mixed around a 2,000-character token'
] as const

type Shape = (typeof SHAPES)[number]

/**
 * A token as long as real Azure AD tokens get (2,000 characters), with the characters encodings
 * treat specially: base64's `/`, `+` and `=`, and JWT's dots.
 */
export const LONG_TOKEN = Array.from(
  { length: 2_000 },
  (_, i) => 'eyJ0eXAiOiJKV1Qi/+=.abcXYZ0123456789'[(i * 7919) % 37]
).join('')

/** Each encoding-dense shape: one character of filler, and the token, in that encoding. */
const DENSE: Partial<Record<Shape, { filler: string; token: string }>> = {
  'entities (&#65;) around a 2,000-character token': {
    filler: '&#65;',
    token: [...LONG_TOKEN].map((char) => `&#${char.charCodeAt(0)};`).join('')
  },
  'percent-encoding (%41) around a 2,000-character token': {
    filler: '%41',
    token: encodeURIComponent(LONG_TOKEN)
  },
  'JSON escapes (\\u0041) around a 2,000-character token': {
    filler: '\\u0041',
    token: [...LONG_TOKEN]
      .map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join('')
  },
  'named entities (&amp;) around a 2,000-character token': {
    filler: '&amp;',
    token: LONG_TOKEN.replaceAll('/', '&sol;').replaceAll('+', '&plus;').replaceAll('=', '&equals;')
  },
  'every encoding mixed around a 2,000-character token': {
    filler: '&#65;%41\\u0041&amp;',
    token: encodeURIComponent(LONG_TOKEN)
  }
}

/** A body of about MAX_BODY_BYTES in the given shape, built as text (what arrives). */
function body(shape: Shape): string {
  const times = (unit: string): number => Math.floor((MAX_BODY_BYTES - 100) / unit.length)
  const list = (head: string, unit: string, last: string, tail: string): string =>
    `${head}${unit.repeat(times(unit))}${last}${tail}`
  const dense = DENSE[shape]
  if (dense !== undefined) {
    // The token at the start, in the middle and at the end of a message of filler: every place a
    // cut or a cap could fall.
    const head = '{"status":"failed","messages":[{"level":"error","messageHtml":"'
    const tail = '"}]}'
    const room = MAX_BODY_BYTES - 100 - head.length - tail.length - 3 * dense.token.length
    const half = dense.filler.repeat(Math.floor(room / dense.filler.length / 2))
    return `${head}${dense.token}${half}${dense.token}${half}${dense.token}${tail}`
  }
  switch (shape) {
    case 'one-letter messages':
      return list('{"status":"running","messages":[', '"a",', '"a"', ']}')
    case 'status-less steps':
      return list('{"status":"running","steps":[', '{},', '{}', ']}')
    case 'unknown spellings': {
      const unit = '{"status":"x0000000"},'
      const count = times(unit)
      const steps = Array.from(
        { length: count },
        (_, i) => `{"status":"x${String(i).padStart(7, '0')}"}`
      )
      return `{"status":"running","steps":[${steps.join(',')}]}`
    }
    case 'one huge message of markup':
      return list(
        '{"status":"failed","messages":[{"level":"error","messageHtml":"',
        '<b>x</b>&amp;',
        '',
        '"}]}'
      )
    case 'deeply nested arrays':
      return `{"status":"running","steps":${'['.repeat(times('[]'))}${']'.repeat(times('[]'))}}`
    default:
      throw new Error(`no body for ${shape}`)
  }
}

// Imported by bench/run.ts for SHAPES only (whatever that process's arguments): the work runs when
// this file is the one started, with a shape.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await measure(process.argv[2] as Shape)
}

async function measure(shape: Shape): Promise<void> {
  if (!SHAPES.includes(shape)) throw new Error(`shape must be one of ${SHAPES.join(', ')}`)
  const text = body(shape)
  // A run's secrets: the token (what every run has) hidden in every answer.
  const secrets = new Secrets()
  secrets.add('eyJ0eXAi.bench-token-never-printed.c2ln')
  secrets.add(LONG_TOKEN)
  const redact = (value: string): string => secrets.redact(value)
  const before = process.cpuUsage()
  let parsed: unknown
  try {
    // As the API client reads every 2xx body: secrets hidden, then parsed with bounded work, then
    // hidden again where an encoding is left in a string.
    const answer = redact(text)
    parsed = hideNested(parseJson(answer), redact, answer)
  } catch {
    // What the API client does with a body that is not JSON: a transient failure, nothing more.
    parsed = undefined
  }
  const fetched = await snapshotOf(
    parsed === undefined ? { kind: 'transient', reason: 'not JSON' } : { kind: 'ok', value: parsed }
  )
  const report = {
    offerLabel: 'contoso / offer',
    operationId: '',
    outcome: {
      result: 'failed' as const,
      message: 'x',
      polls: 1,
      requests: 1,
      ...(fetched.kind === 'ok' ? { snapshot: fetched.value } : {})
    },
    elapsedMs: 0
  }
  // As publishReport does: the report redacted, then each output and the summary at its sink.
  const redacted = redactReport(report, secrets)
  redact(renderSummary(redacted))
  for (const value of Object.values(buildOutputs(redacted))) redact(value)
  void cppBackend
  const cpu = process.cpuUsage(before)
  process.stdout.write(
    JSON.stringify({
      bytes: text.length,
      cpuMs: (cpu.user + cpu.system) / 1000,
      kind: fetched.kind
    })
  )
}
