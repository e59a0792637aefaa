// Property-based tests (fast-check) of every function that reads text from outside the gate:
// status spellings, operation bodies, durations, Location values, output names and the summary.

import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { Parser } from 'htmlparser2'
import { SUMMARY_MAX_BYTES } from '../src/constants.js'
import { resolveTarget } from '../src/backends/cpp/location.js'
import { normalize, UnexpectedBodyError } from '../src/backends/cpp/normalize.js'
import type { Message, Snapshot, Step } from '../src/model/snapshot.js'
import { parseDuration } from '../src/duration.js'
import type { Outcome, Result } from '../src/model/outcome.js'
import { stepSlugs } from '../src/report/names.js'
import { buildOutputs } from '../src/report/outputs.js'
import type { Report } from '../src/report/report.js'
import { renderSummary } from '../src/report/summary.js'
import type { Status } from '../src/model/status.js'
import { cppStatus } from '../src/backends/cpp/spellings.js'

/** Fixed, so that a failure reproduces; change it to explore other inputs. */
const SEED = 20_240_611
const runs = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns })

const STATUSES: readonly Status[] = [
  'notStarted',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'blocked',
  'rejected',
  'canceled',
  'unknown'
]

const RESULTS: readonly Result[] = [
  'succeeded',
  'failed',
  'blocked',
  'canceled',
  'timed-out',
  'error',
  'interrupted',
  'pending'
]

/** The spellings table of src/status.ts, written as CPP writes them. */
const SPELLINGS: ReadonlyArray<[string, Status]> = [
  ['notStarted', 'notStarted'],
  ['neverPublished', 'notStarted'],
  ['running', 'running'],
  ['inProgress', 'running'],
  ['waitingForPublisherReview', 'waiting'],
  ['waitingForApproval', 'waiting'],
  ['waitingForReview', 'waiting'],
  ['succeeded', 'succeeded'],
  ['success', 'succeeded'],
  ['complete', 'succeeded'],
  ['completed', 'succeeded'],
  ['published', 'succeeded'],
  ['failed', 'failed'],
  ['failure', 'failed'],
  ['blocked', 'blocked'],
  ['rejected', 'rejected'],
  ['canceled', 'canceled'],
  ['cancelled', 'canceled']
]

/** What spellingKey removes: white space (Unicode's too), `_` and `-`. */
const SEPARATOR = fc.constantFrom(' ', '_', '-', '\t', '\n', '\u00a0', '\u2003', '\ufeff', ' _-')

/** Any string, including every code point and lone surrogate halves. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) })
)

/**
 * Changes the case of the characters whose case change can be undone (so not `ß` → `SS` or
 * `ſ` → `S`, which are not the same letter back), and puts separators between characters.
 */
function respelled(text: fc.Arbitrary<string>): fc.Arbitrary<[string, string]> {
  return text.chain((original) => {
    const chars = [...original]
    return fc
      .tuple(
        fc.array(fc.boolean(), { minLength: chars.length, maxLength: chars.length }),
        fc.array(fc.option(SEPARATOR, { nil: undefined }), {
          minLength: chars.length + 1,
          maxLength: chars.length + 1
        })
      )
      .map(([upper, separators]): [string, string] => {
        const changed = chars.map((char, i) => {
          const reversible = char.toUpperCase().toLowerCase() === char.toLowerCase()
          if (!reversible) return char
          return upper[i] ? char.toUpperCase() : char.toLowerCase()
        })
        const text = changed.map((char, i) => `${separators[i] ?? ''}${char}`).join('')
        return [original, `${text}${separators[chars.length] ?? ''}`]
      })
  })
}

describe('cppStatus, for any string', () => {
  const nearMisses = fc
    .tuple(fc.constantFrom(...SPELLINGS.map(([spelling]) => spelling)), fc.nat(), anyString)
    .map(([spelling, at, extra]) => {
      const i = at % (spelling.length + 1)
      return `${spelling.slice(0, i)}${extra}${spelling.slice(i + 1)}`
    })
  const inputs = fc.oneof(
    anyString,
    nearMisses,
    fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '')
  )

  it('is one of the nine statuses', () => {
    fc.assert(
      fc.property(inputs, (raw) => {
        expect(STATUSES).toContain(cppStatus(raw))
      }),
      runs(1000)
    )
  })

  it('does not change when the case changes or spaces, _ and - are put in', () => {
    fc.assert(
      fc.property(respelled(inputs), ([original, changed]) => {
        expect(cppStatus(changed)).toBe(cppStatus(original))
      }),
      runs(1000)
    )
  })

  it('maps every known spelling, in any case and with any separators, as the table says', () => {
    const known = fc
      .constantFrom(...SPELLINGS)
      .chain(([spelling, status]) =>
        respelled(fc.constant(spelling)).map(([, changed]): [string, Status] => [changed, status])
      )
    fc.assert(
      fc.property(known, ([raw, status]) => {
        expect(cppStatus(raw)).toBe(status)
      }),
      runs(1000)
    )
  })
})

// ---- Message HTML -------------------------------------------------------------------------------

/**
 * Where HTML itself makes `<b>` text, not a tag: the content of these elements (a browser shows it
 * as written) and CDATA sections in SVG or MathML. Left out where a test asserts that no markup
 * survives as text.
 */
const LITERAL_TEXT = ['<textarea', '<xmp', '<plaintext', '<![CDATA[']
const TAGS = [
  'b',
  'i',
  'a',
  'p',
  'br',
  'div',
  'span',
  'ul',
  'li',
  'table',
  'tr',
  'td',
  'code',
  'pre',
  'h1',
  'img',
  'script',
  'style',
  'title',
  'template',
  'svg',
  'math',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'embed',
  'form',
  'input',
  'select',
  'option',
  'details',
  'summary',
  'base',
  'meta'
]
const ATTRIBUTES = [
  'onerror=alert(1)',
  'onclick="alert(1)"',
  "onmouseover='alert(1)'",
  'href="javascript:alert(1)"',
  'href=" javascript:alert(1)"',
  'href="JaVaScRiPt:alert(1)"',
  'href="jav&#x09;ascript:alert(1)"',
  'href="data:text/html,<script>alert(1)</script>"',
  'href="vbscript:msgbox(1)"',
  'href="//evil.example/x"',
  'href="https://learn.microsoft.com/partner-center/"',
  'href=http://example.com/?a=1&b=2',
  'href="https://example.com/&quot;onmouseover=&quot;alert(1)"',
  'href="https://example.com/x"onclick="alert(1)"',
  'src=x',
  'style="background:url(javascript:alert(1))"',
  '/'
]
/**
 * Text without `<` and `&`: every `<` of the soup then opens markup (a tag, a comment…), and no
 * entity can spell one, so a `<` in the text that comes out is markup that leaked.
 */
const TEXT = fc.oneof(
  fc.string({
    unit: fc.constantFrom('a', 'Z', '>', '/', '!', '?', '"', "'", '=', ' ', '\n', '-', 'é', '😀')
  }),
  fc.string({ unit: 'binary' }).map((text) => text.replace(/[<&]/g, ''))
)
const TOKEN = fc.oneof(
  fc
    .tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 3 }))
    .map(([tag, attributes]) => `<${[tag, ...attributes].join(' ')}>`),
  fc.constantFrom(...TAGS).map((tag) => `</${tag}>`),
  fc.constantFrom('<!-- ', ' -->', '<![CDATA[', ']]>', '<?xml ', '<!DOCTYPE html>'),
  TEXT
)
/** Tag soup of real and hostile markup: `<` and `&` only in markup, never in its text. */
const tagSoup = fc.array(TOKEN, { maxLength: 12 }).map((tokens) => tokens.join(''))
const messageHtml = fc.oneof(tagSoup, anyString)

function isWebUrl(href: string): boolean {
  try {
    const { protocol } = new URL(href)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

function allMessages(snapshot: Snapshot): Message[] {
  return [snapshot.messages, ...snapshot.steps.map((step) => step.messages)].flat()
}

describe('normalize, for any body', () => {
  const linkLike = fc.oneof(
    fc.webUrl(),
    fc.constantFrom(
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      '//evil.example/',
      'https://',
      'http://[::1]:8080/x'
    ),
    anyString,
    fc.record(
      { uri: fc.anything(), url: fc.anything(), href: fc.anything(), link: fc.anything() },
      { requiredKeys: [] }
    ),
    fc.anything()
  )
  const rawMessage = fc.oneof(
    messageHtml,
    fc.record(
      {
        messageHtml: fc.oneof(messageHtml, fc.anything()),
        message: fc.oneof(messageHtml, fc.anything()),
        text: fc.anything(),
        level: fc.oneof(fc.constantFrom('error', 'Warning', 'information'), fc.anything()),
        timestamp: fc.anything()
      },
      { requiredKeys: [] }
    ),
    fc.anything()
  )
  const someOf = <T>(item: fc.Arbitrary<T>) =>
    fc.oneof(fc.array(item, { maxLength: 6 }), fc.anything())
  const spelling = fc.oneof(fc.constantFrom(...SPELLINGS.map(([raw]) => raw)), fc.anything())
  const rawStep = fc.oneof(
    fc.record(
      {
        id: fc.anything(),
        stepName: fc.anything(),
        description: fc.anything(),
        status: spelling,
        progressPercentage: fc.anything(),
        processPercentage: fc.anything(),
        estimatedTimeFrame: fc.anything(),
        messages: someOf(rawMessage)
      },
      { requiredKeys: [] }
    ),
    fc.anything()
  )
  const operationShaped = fc.record(
    {
      status: spelling,
      submissionState: spelling,
      submissionType: fc.anything(),
      steps: someOf(rawStep),
      messages: someOf(rawMessage),
      previewLinks: someOf(linkLike),
      liveLinks: someOf(linkLike)
    },
    { requiredKeys: [] }
  )
  const body = fc.oneof(
    fc.jsonValue(),
    fc.jsonValue().map((value) => [value]),
    fc.anything(),
    operationShaped,
    operationShaped.map((operation) => [operation])
  )

  function expectClearSnapshot(snapshot: Snapshot): void {
    expect(STATUSES).toContain(snapshot.status)
    for (const step of snapshot.steps) expect(STATUSES).toContain(step.status)
    for (const message of allMessages(snapshot)) {
      for (const part of message.parts) {
        expect(typeof part.text).toBe('string')
        if (part.href !== undefined) expect(isWebUrl(part.href)).toBe(true)
      }
    }
    for (const link of [...snapshot.previewLinks, ...snapshot.liveLinks]) {
      expect(isWebUrl(link)).toBe(true)
    }
  }

  it('returns a snapshot in the gate’s vocabulary with http(s) links only, or throws UnexpectedBodyError', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        let snapshot: Snapshot
        try {
          snapshot = await normalize(value)
        } catch (error) {
          // Anything else would escape toSnapshot in main.ts and end the gate unexplained.
          expect(error).toBeInstanceOf(UnexpectedBodyError)
          expect((error as Error).message).toMatch(/not an operation object$/)
          return
        }
        expectClearSnapshot(snapshot)
      }),
      runs(1000)
    )
  })

  it('throws only when the body (or its first element) is not an object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const operation: unknown = Array.isArray(value) ? (value as unknown[])[0] : value
        const isOperation =
          typeof operation === 'object' && operation !== null && !Array.isArray(operation)
        if (isOperation) await expect(normalize(value)).resolves.toBeDefined()
        else await expect(normalize(value)).rejects.toThrow(UnexpectedBodyError)
      }),
      runs(500)
    )
  })

  it('turns any messageHtml into text: no tag from the HTML survives as text', async () => {
    const html = tagSoup.filter((text) => !LITERAL_TEXT.some((start) => text.includes(start)))
    await fc.assert(
      fc.asyncProperty(html, async (source) => {
        const { messages } = await normalize({
          messages: [{ messageHtml: source, level: 'error' }]
        })
        for (const part of messages.flatMap((message) => message.parts)) {
          expect(part.text).not.toContain('<')
          if (part.href !== undefined) expect(isWebUrl(part.href)).toBe(true)
        }
      }),
      runs(1000)
    )
  })
})

// ---- Durations ----------------------------------------------------------------------------------

const UNIT_MS: Record<string, bigint> = { d: 86_400_000n, h: 3_600_000n, m: 60_000n, s: 1_000n }
const SPACE = fc.constantFrom('', '', ' ', '  ', '\t', '\u00a0')

describe('parseDuration', () => {
  it('never throws, and says what it expected whenever it fails', () => {
    const text = fc.oneof(
      anyString,
      fc.string({ unit: fc.constantFrom('1', '0', '9', 'd', 'h', 'm', 's', 'H', ' ', '.', '-') })
    )
    fc.assert(
      fc.property(text, (value) => {
        const parsed = parseDuration(value)
        if (parsed.ok) {
          expect(Number.isSafeInteger(parsed.ms)).toBe(true)
          expect(parsed.ms).toBeGreaterThan(0)
        } else expect(parsed.expected).not.toBe('')
      }),
      runs(1000)
    )
  })

  it('reads d, h, m and s parts in any order, case and spacing as their sum', () => {
    const part = fc.record({
      amount: fc.oneof(fc.nat({ max: 100 }), fc.nat({ max: 10_000_000 }), fc.constant(0)),
      unit: fc.constantFrom('d', 'h', 'm', 's', 'D', 'H', 'M', 'S'),
      zeros: fc.constantFrom('', '0', '00'),
      inside: SPACE,
      after: SPACE
    })
    const duration = fc.tuple(fc.array(part, { minLength: 1, maxLength: 6 }), SPACE, SPACE)
    fc.assert(
      fc.property(duration, ([parts, before, after]) => {
        const text = `${before}${parts
          .map((p) => `${p.zeros}${p.amount}${p.inside}${p.unit}${p.after}`)
          .join('')}${after}`
        const sum = parts.reduce(
          (total, p) => total + BigInt(p.amount) * UNIT_MS[p.unit.toLowerCase()],
          0n
        )
        const parsed = parseDuration(text)
        if (sum === 0n) {
          expect(parsed).toEqual({ ok: false, expected: 'a duration greater than zero' })
        } else if (sum > BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(parsed).toEqual({ ok: false, expected: 'a duration shorter than that' })
        } else {
          expect(parsed).toEqual({ ok: true, ms: Number(sum) })
        }
      }),
      runs(1000)
    )
  })

  it('refuses a bare number, asking for a unit', () => {
    const bare = fc.tuple(
      SPACE,
      fc.oneof(
        fc.nat().map(String),
        fc.tuple(fc.nat(), fc.nat()).map(([whole, fraction]) => `${whole}.${fraction}`),
        fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String)
      ),
      SPACE
    )
    fc.assert(
      fc.property(bare, ([before, number, after]) => {
        const parsed = parseDuration(`${before}${number}${after}`)
        expect(parsed).toEqual({
          ok: false,
          expected: `a unit: write ${number}s, ${number}m or ${number}h`
        })
      }),
      runs(500)
    )
  })
})

// ---- Location -----------------------------------------------------------------------------------

const API_VERSION = '2017-10-31'
const ORIGINS = ['https://cloudpartner.azure.com', 'http://127.0.0.1:8080']

/** Location values an attacker (or a typo) could put in operation-id, for one base-url origin. */
function locations(origin: string): fc.Arbitrary<string> {
  const { protocol, host } = new URL(origin)
  const scheme = protocol.slice(0, -1)
  const prefix = fc.constantFrom(
    '',
    origin,
    origin.toUpperCase(),
    `${origin}:443`,
    `${scheme}://${host}:80`,
    '//evil.com',
    '\\\\evil.com',
    '/\\evil.com',
    '\\/evil.com',
    '/%2F%2Fevil.com',
    '/%5Cevil.com',
    '/..//evil.com',
    '/.//evil.com',
    '///evil.com',
    'https://evil.com',
    `https://evil.com@${host}`,
    `${scheme}://${host}@evil.com`,
    `${scheme}://${host}.evil.com`,
    `${scheme}://${host}%2eevil.com`,
    `${scheme}://evil.com#@${host}`,
    `${scheme}://evil.com?@${host}`,
    `${scheme}://evil.com\\@${host}`,
    `${scheme}:evil.com`,
    `${scheme}:/evil.com`,
    `${scheme}:\\\\evil.com`,
    `${scheme}://${host}\\@evil.com`,
    `${scheme}://${host}%40evil.com`,
    `${scheme}://user:pass@${host}`,
    'javascript:alert(1)//',
    'file:///etc/passwd',
    'http://127.1:8080',
    'http://0x7f.0.0.1:8080',
    'http://[::1]:8080'
  )
  const path = fc.constantFrom(
    '',
    '/',
    '/api/publishers/contoso/offers/offer/operations/5b4cab7c-e1b1-4bf6-8d3c-43ff6b3f2ea4',
    '/api/publishers/Contoso/offers/OFFER/operations/x/',
    '/api/operations/contoso$offer$2$preview',
    '/api/operations/contoso%24offer%242%24preview',
    '/api/publishers/contoso/offers/offer/operations/..%2F..%2Fx',
    '/api/publishers/contoso/offers/offer/operations/%2e%2e',
    '/api/publishers/contoso/offers/offer/../../other/offers/x/operations/y',
    '/api/publishers/other/offers/offer/operations/x',
    '//evil.com/api/operations/contoso$offer$2$preview',
    '/api/operations/x'
  )
  const query = fc.constantFrom(
    '',
    `?api-version=${API_VERSION}`,
    `?api-version=${API_VERSION}&$filter=x`,
    '?a=$&b=%2F',
    '?api-version=1&api-version=2',
    '#@evil.com',
    '?@evil.com/'
  )
  const unit = fc.constantFrom(
    '/',
    '\\',
    '@',
    ':',
    '.',
    '..',
    '%',
    '%2F',
    '%5C',
    '%2e',
    '%00',
    '$',
    '?',
    '#',
    ' ',
    '\t',
    '\n',
    'evil.com',
    host,
    `${scheme}:`,
    '//',
    'api',
    'operations',
    'publishers',
    'contoso',
    'offers',
    'offer',
    '2',
    'preview',
    'é'
  )
  return fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit }),
    fc.uuid(),
    fc
      .tuple(fc.string({ unit }), fc.string({ unit }), fc.nat(), fc.constantFrom('preview', 'x'))
      .map(([publisher, offer, version, slot]) => `${publisher}$${offer}$${version}$${slot}`),
    fc
      .tuple(prefix, path, query, fc.string({ unit, maxLength: 3 }))
      .map(([p, q, r, tail]) => `${p}${q}${r}${tail}`)
  )
}

function expectOnOrigin(origin: string, operation: string): boolean {
  const parsed = resolveTarget(origin, 'contoso', 'offer', operation, API_VERSION)
  if (!parsed.ok) {
    expect(parsed.expected).not.toBe('')
    return false
  }
  const url = new URL(parsed.target.url)
  expect(url.origin).toBe(origin)
  // The token goes with the request: no credentials of anyone else's in the URL either.
  expect(url.username).toBe('')
  expect(url.password).toBe('')
  return true
}

describe('resolveTarget, for any operation-id', () => {
  it.each(ORIGINS)('never throws and never points off %s', (origin) => {
    let accepted = 0
    fc.assert(
      fc.property(locations(origin), (operation) => {
        if (expectOnOrigin(origin, operation)) accepted++
      }),
      runs(3000)
    )
    // The property says something only if some generated values were accepted.
    expect(accepted).toBeGreaterThan(50)
  })

  it.each(ORIGINS)('never throws on %s, even for ids with lone surrogate halves', (origin) => {
    const lone = fc.constantFrom('\ud800', '\udfff', '\udbff')
    const operation = fc
      .tuple(fc.string({ unit: 'grapheme-ascii' }), lone, fc.string({ unit: 'grapheme-ascii' }))
      .map(([before, half, after]) => `${before}${half}${after}`)
    const withDollars = fc
      .tuple(operation, fc.nat())
      .map(([id, version]) => `${id}$offer$${version}$preview`)
    fc.assert(
      fc.property(fc.oneof(operation, withDollars), (value) => {
        expect(() => expectOnOrigin(origin, value)).not.toThrow()
      }),
      runs(300)
    )
  })
})

// ---- Output names -------------------------------------------------------------------------------

/** Ids and names: any Unicode, and a small alphabet that makes collisions likely. */
const label = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', 'A', '-', '_', '2', ' ', '!', 'é', '😀'), maxLength: 4 }),
  fc.constantFrom('', 'live', 'Live', 'LIVE!', 'live-2', 'live 2', '1', '2', '2-2', '!!!')
)
const namedStep = fc.record({ id: label, name: label, status: fc.constantFrom(...STATUSES) })
const toStep = ({ id, name, status }: { id: string; name: string; status: Status }): Step => ({
  id,
  name,
  status,
  rawStatus: status,
  messages: []
})

/** Lower-case letters and digits, in dash-separated runs: no leading, trailing or double dash. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

describe('stepSlugs and buildOutputs, for any steps', () => {
  it('names every step with a unique slug of a-z, 0-9 and inner dashes', () => {
    fc.assert(
      fc.property(fc.array(namedStep, { maxLength: 30 }), (raw) => {
        const steps = raw.map(toStep)
        const slugs = stepSlugs(steps)
        expect(slugs).toHaveLength(steps.length)
        for (const slug of slugs) expect(slug).toMatch(SLUG)
        expect(new Set(slugs).size).toBe(slugs.length)
        slugs.forEach((slug, index) => {
          const from = (steps[index].id === '' ? steps[index].name : steps[index].id)
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-+|-+$/g, '')
          // A step with no letters or digits is named by its position; a taken slug gets -2, -3…
          const base = from === '' ? String(index + 1) : from
          expect(slug === base || slug.startsWith(`${base}-`)).toBe(true)
        })
      }),
      runs(1000)
    )
  })

  it('gives every shown step its own status and progress outputs, none colliding', () => {
    fc.assert(
      fc.property(
        fc.array(namedStep, { maxLength: 110 }),
        fc.nat({ max: 100 }),
        (raw, progress) => {
          const steps = raw.map((step, i) => ({ ...toStep(step), progress: (progress + i) % 101 }))
          const snapshot: Snapshot = {
            status: 'running',
            rawStatus: 'running',
            steps,
            messages: [],
            previewLinks: [],
            liveLinks: []
          }
          const outputs = buildOutputs({
            offerLabel: 'contoso / offer',
            operationId: '',
            outcome: {
              result: 'pending',
              message: 'Still going.',
              snapshot,
              polls: 1,
              requests: 1
            },
            elapsedMs: 0
          })
          const shown = Math.min(steps.length, 100)
          const stepKeys = Object.keys(outputs).filter((key) => key.startsWith('step-'))
          // 20 fixed outputs; two per shown step: a collision would overwrite one and show here.
          expect(Object.keys(outputs)).toHaveLength(20 + 2 * shown)
          expect(stepKeys).toHaveLength(2 * shown)
          for (const key of stepKeys) expect(key).toMatch(/^step-[a-z0-9-]+-(status|progress)$/)
          stepSlugs(steps.slice(0, shown)).forEach((slug, i) => {
            expect(outputs[`step-${slug}-status`]).toBe(steps[i].status)
            expect(outputs[`step-${slug}-progress`]).toBe(String(steps[i].progress))
          })
        }
      ),
      runs(300)
    )
  })
})

// ---- Summary ------------------------------------------------------------------------------------

/** The summary's own markup; any other tag or attribute came from the API. */
const SUMMARY_TAGS = new Set([
  'h2',
  'p',
  'table',
  'tr',
  'th',
  'td',
  'br',
  'code',
  'details',
  'summary',
  'ul',
  'li',
  'strong',
  'em',
  'a'
])

interface Markup {
  tags: string[]
  attributes: Array<[string, string]>
  /** Comments, CDATA, processing instructions, doctypes: none of them the summary writes. */
  other: string[]
}

function markupOf(html: string): Markup {
  const markup: Markup = { tags: [], attributes: [], other: [] }
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        markup.tags.push(name)
        markup.attributes.push(...Object.entries(attributes))
      },
      oncomment(data) {
        markup.other.push(`comment ${data}`)
      },
      oncdatastart() {
        markup.other.push('cdata')
      },
      onprocessinginstruction(name) {
        markup.other.push(`instruction ${name}`)
      }
    },
    { decodeEntities: true }
  )
  parser.end(html)
  return markup
}

function expectOnlySummaryMarkup(html: string): void {
  const markup = markupOf(html)
  expect(markup.tags.filter((tag) => !SUMMARY_TAGS.has(tag))).toEqual([])
  expect(markup.other).toEqual([])
  for (const [name, value] of markup.attributes) {
    expect(name).not.toMatch(/^on\w+/i)
    expect(['href', 'align']).toContain(name)
    if (name === 'href') expect(isWebUrl(value)).toBe(true)
    if (name === 'align') expect(value).toBe('left')
  }
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  tagSoup
)
const timestamp = fc.oneof(
  fc
    .date({ min: new Date(Date.UTC(2015, 0, 1)), max: new Date(Date.UTC(2035, 0, 1)) })
    .map((date) => (Number.isNaN(date.getTime()) ? 'not a date' : date.toISOString())),
  text
)
/** Messages as the API sends them; `shown` puts them through normalize, where the summary's come from. */
const messages = fc.array(
  fc.record({
    messageHtml: messageHtml,
    level: fc.oneof(fc.constantFrom('error', 'warning', 'information'), text),
    timestamp
  }),
  { maxLength: 4 }
)
const links = fc.array(
  fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.constantFrom(
      'https://example.com/"><script>alert(1)</script>',
      "https://example.com/' onmouseover='alert(1)",
      'https://example.com/?a=1&b=<i>2</i>',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>'
    ),
    text
  ),
  { maxLength: 4 }
)
/** A step or a snapshot whose messages and links are still as the API sent them. */
type Raw<T> = Omit<T, 'messages' | 'previewLinks' | 'liveLinks' | 'steps'> & {
  messages: unknown[]
}
type RawSnapshot = Raw<Snapshot> & {
  steps: Array<Raw<Step>>
  previewLinks: unknown[]
  liveLinks: unknown[]
}
const anyStep: fc.Arbitrary<Raw<Step>> = fc.record({
  id: text,
  name: text,
  status: fc.constantFrom(...STATUSES),
  rawStatus: text,
  progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  estimatedTimeFrame: fc.option(text, { nil: undefined }),
  messages
})
const anySnapshot: fc.Arbitrary<RawSnapshot> = fc.record({
  status: fc.constantFrom(...STATUSES),
  rawStatus: text,
  submissionType: fc.option(text, { nil: undefined }),
  steps: fc.array(anyStep, { maxLength: 6 }),
  messages,
  previewLinks: links,
  liveLinks: links
})

/** The snapshot the summary would see: messages and links through normalize. */
async function shown(raw: RawSnapshot): Promise<Snapshot> {
  const messagesOf = async (items: unknown[]): Promise<Message[]> =>
    (await normalize({ messages: items })).messages
  const linksOf = async (items: unknown[]): Promise<string[]> =>
    (await normalize({ previewLinks: items })).previewLinks
  const steps: Step[] = []
  for (const step of raw.steps) steps.push({ ...step, messages: await messagesOf(step.messages) })
  return {
    ...raw,
    steps,
    messages: await messagesOf(raw.messages),
    previewLinks: await linksOf(raw.previewLinks),
    liveLinks: await linksOf(raw.liveLinks)
  }
}

function reportOf(outcome: fc.Arbitrary<Outcome>): fc.Arbitrary<Report> {
  return fc.record({
    offerLabel: text,
    operationId: text,
    outcome,
    elapsedMs: fc.nat({ max: 7 * 86_400_000 })
  })
}

describe('renderSummary, for any snapshot', () => {
  it('writes no markup but its own: no foreign tag, no event handler, no href but http(s)', async () => {
    const outcome: fc.Arbitrary<Outcome> = fc.record({
      result: fc.constantFrom(...RESULTS),
      message: text,
      polls: fc.nat(),
      requests: fc.nat()
    })
    await fc.assert(
      fc.asyncProperty(
        reportOf(outcome),
        fc.option(anySnapshot, { nil: undefined }),
        async (report, raw) => {
          const summary = renderSummary(
            raw === undefined
              ? report
              : { ...report, outcome: { ...report.outcome, snapshot: await shown(raw) } }
          )
          expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
          expectOnlySummaryMarkup(summary)
        }
      ),
      runs(300)
    )
  })

  it(`stays under ${SUMMARY_MAX_BYTES} bytes whatever the API sends, however much of it`, async () => {
    // A flood: many steps, huge messages of multi-byte and escaped characters, long links.
    const chunk = fc.string({
      unit: fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        '😀',
        'é',
        'a',
        ' ',
        '\n',
        '<br>',
        '<a href="https://x.example/">l</a>'
      ),
      minLength: 1,
      maxLength: 6
    })
    const flood = fc.record({
      steps: fc.integer({ min: 0, max: 110 }),
      perStep: fc.integer({ min: 0, max: 3 }),
      chunk,
      length: fc.integer({ min: 1, max: 25_000 }),
      links: fc.integer({ min: 0, max: 60 }),
      linkLength: fc.integer({ min: 10, max: 2_000 })
    })
    await fc.assert(
      fc.asyncProperty(
        flood,
        reportOf(fc.constant({ result: 'failed', message: '', polls: 1, requests: 1 })),
        async (size, base) => {
          const html = size.chunk.repeat(Math.ceil(size.length / size.chunk.length))
          const link = `https://example.com/?${'&'.repeat(size.linkLength)}`
          const body = {
            status: 'running',
            steps: Array.from({ length: size.steps }, (_, i) => ({
              id: `step-${i}`,
              status: 'inProgress',
              messages: Array.from({ length: size.perStep }, (_unused, j) => ({
                messageHtml: html,
                level: 'error',
                timestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, i * 4 + j)).toISOString()
              }))
            })),
            messages: [{ messageHtml: html, level: 'warning' }],
            previewLinks: Array.from({ length: size.links }, () => link),
            liveLinks: Array.from({ length: size.links }, () => link)
          }
          const snapshot = await normalize(body)
          const summary = renderSummary({ ...base, outcome: { ...base.outcome, snapshot } })
          expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
          expectOnlySummaryMarkup(summary)
        }
      ),
      runs(12)
    )
  })
})
