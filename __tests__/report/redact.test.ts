// The redactor: every secret of the run hidden in every form a server could echo it in, and text
// without a secret left as it is. The forms and the decoding that looks for what is left are the
// tests' own (fixtures/hostile.ts), not the redactor's.

import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { MIN_SECRET_CHARS } from '../../src/constants.js'
import type { Message } from '../../src/model/snapshot.js'
import { redactReport, Secrets } from '../../src/report/redact.js'
import type { Report } from '../../src/report/report.js'
import { base64Sources, decodeAll, secretForms, secretTraces } from '../fixtures/hostile.js'

const SEED = 20_261_130
const runs = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns })

/** Printable characters, with those that every encoding treats specially over-represented. */
const secretChar = fc.oneof(
  fc.constantFrom('/', '+', '&', '%', '"', '\\', '=', ';', '#', '<', "'", ' ', '~', '.', '_'),
  fc.constantFrom('é', 'ß', '€', '中', '😀', 'ﬀ', '\u00a0'),
  fc.constantFrom(...'abcdefXYZ0129'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
)
/** A secret as the gate may meet one: printable (no control characters), at least the minimum long. */
const secret = fc
  .array(secretChar, { minLength: MIN_SECRET_CHARS, maxLength: 24 })
  .map((chars) => chars.join(''))
  .filter((value) => !/\p{Cc}/u.test(value) && value.trim() === value && !value.includes('***'))

/** Any text around it. */
const text = fc.string({ unit: 'grapheme', maxLength: 30 })

function secrets(...values: string[]): Secrets {
  const all = new Secrets()
  for (const value of values) all.add(value)
  return all
}

/**
 * A form that just misses: its last character cut; for base64, a character changed in its last
 * whole group, which every stretch of it that stands for the secret alone reaches (a cut at the
 * end only would leave those whole, and the gate hides them as the runner does).
 */
function nearMissOf([name, form]: [string, string]): string {
  if (!name.startsWith('base64')) return form.slice(0, -1)
  const unpadded = form.replace(/=+$/, '')
  const at = unpadded.length - (unpadded.length % 4) - 1
  return `${form.slice(0, at)}${form[at] === 'A' ? 'B' : 'A'}${form.slice(at + 1)}`
}

describe('Secrets.redact', () => {
  it.each(Object.entries(secretForms('p@ss/w+rd&"é\\%41 x')))(
    'hides a secret written %s',
    (name, form) => {
      const out = secrets('p@ss/w+rd&"é\\%41 x').redact(`before ${form} after`)
      if (!/ in\b/.test(name)) expect(out).toBe('before *** after')
      else {
        // Base64 of the secret among other bytes: what stands for them is left, as the runner
        // leaves it.
        expect(out).toMatch(/^before [^ ]*\*\*\*[^ ]* after$/)
        expect(secretTraces(out, 'p@ss/w+rd&"é\\%41 x')).toEqual([])
      }
    }
  )

  it('hides a secret holding U+FFFD, percent-encoded (it is UTF-8, not a decoding error)', () => {
    expect(secrets('key\ufffd-value').redact('a key%EF%BF%BD-value b')).toBe('a *** b')
  })

  it('hides every secret it knows, and each occurrence', () => {
    const out = secrets('first-secret', 'second/secret').redact(
      'first-secret, second%2Fsecret and first-secret again'
    )
    expect(out).toBe('***, *** and *** again')
  })

  it.each([
    ['named entities only', 'abc<def>ghi&jkl"mno', 'x abc&lt;def&gt;ghi&amp;jkl&quot;mno y'],
    ['named entities, mixed case', "tok/en+value'12", 'x tok&sol;en&plus;value&apos;12 y'],
    ['named entities around the whole secret', '<secret-value>', '&lt;secret-value&gt;']
  ])('hides a secret whose special characters a text writes as %s', (_what, secret, text) => {
    const secrets = new Secrets()
    secrets.add(secret)
    const hidden = secrets.redact(text)
    expect(hidden).toContain('***')
    expect(secretTraces(hidden, secret)).toEqual([])
  })

  // A text with no `\`, `&` or `%` has nothing to decode: these are what is still searched then.
  it('hides a secret with spaces form-encoded ("+") in a text that has nothing to decode', () => {
    expect(secrets('my secret value').redact('x my+secret+value y')).toBe('x *** y')
  })

  it('hides a secret that hiding another occurrence of it has put back together', () => {
    // "x" + secret + "y-secret": masking the secret leaves "x***y-secret", the secret again.
    expect(secrets('x***y-secret').redact('xx***y-secrety-secret')).toBe('***')
  })

  it('does not hide values shorter than the minimum: ordinary words would vanish', () => {
    expect(secrets('abc').redact('abc abc')).toBe('abc abc')
  })

  it('for any secret in any form within any text: no trace of it is left, in that form or decoded', () => {
    fc.assert(
      fc.property(
        secret,
        text,
        text,
        fc.constantFrom(...Object.keys(secretForms('abcdef/'))),
        (value, before, after, formName) => {
          const form = secretForms(value)[formName] ?? value
          // A space between: text ending in "\" or "&#" would otherwise change how the form reads.
          const out = secrets(value).redact(`${before} ${form} ${after}`)
          expect(secretTraces(out, value)).toEqual([])
          expect(out).toContain('***')
        }
      ),
      runs(3000)
    )
  })

  it('for any secret: every form at once, in one text, is hidden', () => {
    fc.assert(
      fc.property(secret, (value) => {
        const all = Object.values(secretForms(value)).join(' | ')
        expect(secretTraces(secrets(value).redact(all), value)).toEqual([])
      }),
      runs(1000)
    )
  })

  it('for any secret in base64 at any offset (of it, percent- or form-encoded), among any bytes, wrapped or encoded again: no trace is left', () => {
    const wrap = fc.constantFrom<Array<(base64: string) => string>>(
      [(b) => b],
      [(b) => (b.match(/.{1,4}/g) ?? []).join('\r\n')],
      [(b) => (b.match(/.{1,76}/g) ?? []).join('\n')],
      [(b) => (b.match(/.{1,3}/g) ?? []).join('<br>')],
      [(b) => [...b].map((char) => `&#${char.charCodeAt(0)};`).join('')],
      [(b) => encodeURIComponent(b)],
      [(b) => JSON.stringify(b).slice(1, -1).replace(/\//g, '\\/')]
    )
    fc.assert(
      fc.property(
        secret,
        fc.string({ maxLength: 5 }),
        fc.string({ maxLength: 5 }),
        fc.constantFrom(0, 1, 2),
        fc.constantFrom('base64' as const, 'base64url' as const),
        wrap,
        text,
        text,
        (value, head, tail, source, alphabet, [wrapped], before, after) => {
          const encoded = Buffer.from(`${head}${base64Sources(value)[source]}${tail}`).toString(
            alphabet
          )
          const out = secrets(value).redact(`${before} ${wrapped(encoded)} ${after}`)
          expect(secretTraces(out, value)).toEqual([])
        }
      ),
      runs(2000)
    )
  })

  it('for any secret split anywhere by characters a reader does not see, as is or as entities: no trace is left', () => {
    const unseen = fc.constantFrom(
      '\u200b',
      '\u2060',
      '\u00ad',
      '\ufeff',
      '\u200e',
      '&#8203;',
      '&#x2060;',
      '&shy;',
      '<br>',
      '<br/>',
      '\n',
      '\r\n',
      '%E2%80%8B'
    )
    fc.assert(
      fc.property(
        secret,
        fc.array(fc.tuple(fc.nat(), unseen), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('raw', 'html decimal', 'percent every byte', 'json \\u'),
        text,
        text,
        (value, cuts, formName, before, after) => {
          // Cut between characters of the secret, then encode each piece.
          const chars = [...value]
          const points = [...new Set(cuts.map(([at]) => at % (chars.length + 1)))].sort(
            (a, b) => a - b
          )
          let split = ''
          let last = 0
          points.forEach((point, i) => {
            split += (secretForms(chars.slice(last, point).join(''))[formName] ?? '') + cuts[i][1]
            last = point
          })
          split += secretForms(chars.slice(last).join(''))[formName] ?? ''
          const out = secrets(value).redact(`${before} ${split} ${after}`)
          expect(secretTraces(out, value)).toEqual([])
        }
      ),
      runs(2000)
    )
  })

  it('for any secret with any of its bytes percent-encoded once or twice: no trace is left', () => {
    fc.assert(
      fc.property(
        secret,
        fc.array(fc.constantFrom(0, 1, 2), { minLength: 64, maxLength: 64 }),
        text,
        text,
        (value, times, before, after) => {
          const encoded = [...Buffer.from(value)]
            .map((byte, i) => {
              const hex = byte.toString(16).toUpperCase().padStart(2, '0')
              const n = times[i % times.length]
              // A byte beyond ASCII is only ever percent-encoded, once or twice.
              return n === 2
                ? `%25${hex}`
                : n === 1 || byte > 0x7f
                  ? `%${hex}`
                  : String.fromCharCode(byte)
            })
            .join('')
          const out = secrets(value).redact(`${before} ${encoded} ${after}`)
          expect(secretTraces(out, value)).toEqual([])
        }
      ),
      runs(2000)
    )
  })

  it('for any text that holds no secret in any form: leaves it unchanged', () => {
    // Near misses: a form of the secret with its last character cut, among any text.
    const nearMiss = secret.chain((value) =>
      fc
        .array(
          fc.oneof(
            text,
            fc.constantFrom(...Object.entries(secretForms(value))).map(nearMissOf),
            fc.constantFrom('\\u00', '&#', '%E2%82', '\\', '&amp', '=')
          ),
          { maxLength: 8 }
        )
        .map((pieces) => ({ value, text: pieces.join(' ') }))
    )
    fc.assert(
      fc.property(nearMiss, ({ value, text: body }) => {
        fc.pre(secretTraces(body, value).length === 0)
        expect(secrets(value).redact(body)).toBe(body)
      }),
      runs(2000)
    )
  })

  it('with no secret known, returns any text as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (body) => {
        expect(new Secrets().redact(body)).toBe(body)
      }),
      runs(500)
    )
  })
})

describe('redactReport', () => {
  const report = (parts: Message['parts']): Report => ({
    offerLabel: 'contoso / offer',
    operationId: '',
    elapsedMs: 0,
    outcome: {
      result: 'failed',
      message: 'failed',
      polls: 1,
      requests: 1,
      snapshot: {
        status: 'failed',
        rawStatus: 'failed',
        steps: [],
        messages: [{ level: 'error', parts }],
        previewLinks: [],
        liveLinks: []
      }
    }
  })

  it('for any secret split across the parts of a message (markup, links): hides it in the whole', () => {
    fc.assert(
      fc.property(
        secret,
        text,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.boolean(),
        (value, before, cuts, linked) => {
          const whole = `${before} ${value} end`
          const points = [...new Set(cuts.map((cut) => cut % (whole.length + 1)))].sort(
            (a, b) => a - b
          )
          const pieces = [0, ...points, whole.length]
            .slice(0, -1)
            .map((start, i, starts) => whole.slice(start, [...starts, whole.length][i + 1]))
            .filter((piece) => piece !== '')
          const parts = pieces.map((piece, i) =>
            linked && i % 2 === 1 ? { text: piece, href: 'https://example.com/x' } : { text: piece }
          )
          const [message] =
            redactReport(report(parts), secrets(value)).outcome.snapshot?.messages ?? []
          const shown = message.parts.map((part) => part.text).join('')
          expect(decodeAll(shown)).not.toContain(value)
          expect(shown).toContain('***')
        }
      ),
      runs(1000)
    )
  })
})
