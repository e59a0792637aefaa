// The one redactor: every secret of the run (the token input, the client secret, the GitHub token,
// each OIDC ID token and each access token issued) replaced by *** wherever it shows, in every
// form a server echoing it could use: as is, JSON-escaped (\uXXXX, \/, \"), as HTML entities,
// percent- or form-encoded, and base64 of the secret and of "Bearer <secret>". It runs on text
// after decoding (a secret split by markup is whole again by then) and on what each sink writes.

import { MIN_SECRET_CHARS } from '../constants.js'
import {
  messageText,
  type Message,
  type MessagePart,
  type Snapshot,
  type Step
} from '../model/snapshot.js'
import type { Report } from './report.js'

const MASK = '***'

/**
 * The text with encodings undone, and where each of its UTF-16 code units came from in the
 * original text: `start(k)` to `end(k)`.
 */
interface View {
  text: string
  start: (k: number) => number
  end: (k: number) => number
}

/** The kinds of encoding the decoded view undoes. */
type Encoding = 'json' | 'html' | 'percent'
const EVERY_ENCODING: readonly Encoding[] = ['json', 'html', 'percent']

export class Secrets {
  private readonly values = new Set<string>()
  /** Literal forms searched in the original text: each secret as is, and its base64. */
  private literals: string[] = []
  /**
   * Whether a secret holds text that itself reads as an escape, entity or percent-encoding (`%41`,
   * `\"`, `&amp;`): then one encoding of it leaves the others as they are, and is found only in a
   * view that undoes that encoding alone.
   */
  private selfEncoded = false
  /** What hideDecoded looks for: each secret, and its form-encoded form (a space written as "+"). */
  private forms: string[] = []

  /** Adds a secret; too short a value would hide ordinary words, so it is only masked by the runner. */
  add(secret: string): void {
    if (secret.length < MIN_SECRET_CHARS || this.values.has(secret)) return
    this.values.add(secret)
    this.literals.push(secret)
    this.selfEncoded ||= decodedText(secret, EVERY_ENCODING) !== secret
    this.forms = [...new Set([...this.forms, secret, secret.replaceAll(' ', '+')])]
    for (const value of [secret, `Bearer ${secret}`]) {
      for (const encoded of [
        Buffer.from(value).toString('base64'),
        Buffer.from(value).toString('base64url')
      ]) {
        // Padding is only ever at the end.
        this.literals.push(encoded, encoded.split('=')[0])
      }
    }
    // Longest first, so that a longer form is hidden whole before a shorter one inside it.
    this.literals = [...new Set(this.literals)].sort((a, b) => b.length - a.length)
  }

  get size(): number {
    return this.values.size
  }

  /** The text with every secret, in any of the forms above, replaced by ***. */
  redact(text: string): string {
    if (this.values.size === 0 || text.length === 0) return text
    let out = text
    for (const literal of this.literals) {
      if (out.includes(literal)) out = out.split(literal).join(MASK)
    }
    return this.hideDecoded(out)
  }

  /**
   * Finds each secret in the decoded view of the text (escapes, entities and percent-encoding
   * undone) and replaces the original span it came from.
   */
  private hideDecoded(text: string): string {
    // Nothing that could start an encoding: every view is the text itself. Most texts (log lines,
    // outputs) end here, at the cost of a scan for each of `\`, `&`, `%` and each secret.
    if (!mayHoldEncoding(text) && !this.forms.some((form) => text.includes(form))) {
      return text
    }
    const spans: Array<[number, number]> = []
    const views = this.selfEncoded
      ? [EVERY_ENCODING, ...EVERY_ENCODING.map((encoding) => [encoding])]
      : [EVERY_ENCODING]
    // Form-encoding writes a space as "+": the decoded view keeps "+", so look for that too.
    let forms = this.forms
    // With no numeric entity, percent-encoding or JSON escape in the text, only named entities
    // decode, and they stand for a few characters only: each run of a secret's other characters
    // must then be in the text as it is, or the secret cannot be in any decoded view of it.
    if (!text.includes('#') && !text.includes('%') && !text.includes('\\')) {
      forms = forms.filter((form) =>
        form.split(NAMED_ENTITY_CHARS).every((run) => run === '' || text.includes(run))
      )
      if (forms.length === 0) return text
    }
    for (const encodings of views) {
      // The decoded text alone first: the spans are worked out only when a secret is in it.
      const decoded = decodedText(text, encodings)
      if (!forms.some((form) => decoded.includes(form))) continue
      const view = decodedView(text, encodings)
      for (const form of forms) {
        for (let at = view.text.indexOf(form); at !== -1; at = view.text.indexOf(form, at + 1)) {
          spans.push([view.start(at), view.end(at + form.length - 1)])
        }
      }
    }
    if (spans.length === 0) return text
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
    let out = ''
    let cursor = 0
    for (const [start, end] of spans) {
      // An overlapping match is hidden by the mask already written: it only extends it.
      if (start < cursor) {
        cursor = Math.max(cursor, end)
        continue
      }
      out += text.slice(cursor, start) + MASK
      cursor = end
    }
    return out + text.slice(cursor)
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  plus: '+',
  equals: '=',
  percnt: '%',
  bsol: '\\'
}
/** The characters a named entity stands for, to split a secret on. */
const NAMED_ENTITY_CHARS = new RegExp(
  `[${Object.values(NAMED_ENTITIES)
    .map((char) => `\\${char}`)
    .join('')}]`
)
const JSON_SHORT: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/' }

/** Where an encoding may start: anything else is plain text, copied as it is. */
const ENCODING_HEAD = /[\\&%]/g
/** Whether the text has a character an encoding may start with (ENCODING_HEAD): no regex to compile. */
function mayHoldEncoding(text: string): boolean {
  return text.includes('\\') || text.includes('&') || text.includes('%')
}

/** The decoded text of decodedView, without the spans: what most texts need, at little cost. */
function decodedText(text: string, encodings: readonly Encoding[]): string {
  const head = new RegExp(ENCODING_HEAD)
  let out = ''
  let i = 0
  for (let match = head.exec(text); match !== null; match = head.exec(text)) {
    const found = decodeAt(text, match.index, encodings)
    if (found === undefined) continue
    out += text.slice(i, match.index) + found.chars.join('')
    i = found.end
    head.lastIndex = i
  }
  return i === 0 ? text : out + text.slice(i)
}

/**
 * The text with each JSON escape, HTML entity or percent-encoded UTF-8 character (of the
 * encodings given) undone. Anything that is not a well-formed encoding stays as it is. The view
 * is kept as segments (a run of plain text, or the code units of one encoding), so its cost grows
 * with the number of encodings in the text, not with its length.
 */
function decodedView(text: string, encodings: readonly Encoding[]): View {
  const pieces: string[] = []
  // Segment n starts at decoded[n] in the view and at original[n] in the text; an encoding's
  // segment ends at encodedEnd[n] in the text, a plain one has encodedEnd[n] = -1.
  const decoded: number[] = []
  const original: number[] = []
  const encodedEnd: number[] = []
  let length = 0
  const segment = (piece: string, from: number, to: number): void => {
    pieces.push(piece)
    decoded.push(length)
    original.push(from)
    encodedEnd.push(to)
    length += piece.length
  }
  const head = new RegExp(ENCODING_HEAD)
  let i = 0
  for (let match = head.exec(text); match !== null; match = head.exec(text)) {
    const at = match.index
    const found = decodeAt(text, at, encodings)
    if (found === undefined) continue
    if (at > i) segment(text.slice(i, at), i, -1)
    segment(found.chars.join(''), at, found.end)
    i = found.end
    head.lastIndex = i
  }
  if (i < text.length) segment(text.slice(i), i, -1)
  /** The segment that holds code unit k of the view. */
  const find = (k: number): number => {
    let low = 0
    let high = decoded.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (decoded[middle] <= k) low = middle
      else high = middle - 1
    }
    return low
  }
  return {
    text: pieces.join(''),
    start: (k) => {
      const n = find(k)
      return encodedEnd[n] === -1 ? original[n] + (k - decoded[n]) : original[n]
    },
    end: (k) => {
      const n = find(k)
      return encodedEnd[n] === -1 ? original[n] + (k - decoded[n]) + 1 : encodedEnd[n]
    }
  }
}

// Sticky: each matches only where its lastIndex is set, with no copy of the text.
const JSON_UNICODE = /\\u([0-9a-fA-F]{4})/y
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/y
const PERCENT_BYTE = /%([0-9a-fA-F]{2})/y

/** The characters one encoding at `i` stands for (UTF-16 code units), and where it ends. */
function decodeAt(
  text: string,
  i: number,
  encodings: readonly Encoding[]
): { chars: string[]; end: number } | undefined {
  const head = text[i]
  if (head === '\\' && encodings.includes('json')) {
    JSON_UNICODE.lastIndex = i
    const unicode = JSON_UNICODE.exec(text)
    if (unicode) return { chars: [String.fromCharCode(parseInt(unicode[1], 16))], end: i + 6 }
    const short = text[i + 1]
    if (short !== undefined && Object.hasOwn(JSON_SHORT, short)) {
      return { chars: [JSON_SHORT[short]], end: i + 2 }
    }
    return undefined
  }
  if (head === '&' && encodings.includes('html')) {
    ENTITY.lastIndex = i
    const entity = ENTITY.exec(text)
    if (!entity) return undefined
    const end = i + entity[0].length
    if (entity[3] !== undefined) {
      const name = entity[3].toLowerCase()
      return Object.hasOwn(NAMED_ENTITIES, name)
        ? { chars: [NAMED_ENTITIES[name]], end }
        : undefined
    }
    const code = entity[1] !== undefined ? Number(entity[1]) : parseInt(entity[2], 16)
    if (code > 0x10ffff) return undefined
    return { chars: [...String.fromCodePoint(code)].flatMap(codeUnits), end }
  }
  if (head === '%' && encodings.includes('percent')) return decodePercent(text, i)
  return undefined
}

/** One UTF-8 character written as %HH bytes. */
function decodePercent(text: string, i: number): { chars: string[]; end: number } | undefined {
  const byte = (at: number): number | undefined => {
    PERCENT_BYTE.lastIndex = at
    const match = PERCENT_BYTE.exec(text)
    return match ? parseInt(match[1], 16) : undefined
  }
  const lead = byte(i)
  if (lead === undefined) return undefined
  const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0
  if (length === 0) return undefined
  const bytes = [lead]
  for (let k = 1; k < length; k++) {
    const next = byte(i + 3 * k)
    if (next === undefined || (next & 0xc0) !== 0x80) return undefined
    bytes.push(next)
  }
  const char = Buffer.from(bytes).toString('utf8')
  // Bytes that are not UTF-8 decode to U+FFFD, which does not encode back to them (U+FFFD itself,
  // percent-encoded, does).
  if (!Buffer.from(char).equals(Buffer.from(bytes))) return undefined
  return { chars: codeUnits(char), end: i + 3 * length }
}

function codeUnits(char: string): string[] {
  return char.split('')
}

/**
 * The report with every secret hidden from its text, before any reporter sees it. A message whose
 * text as a whole holds a secret (split across links or markup) becomes one plain part.
 */
export function redactReport(report: Report, secrets: Secrets): Report {
  if (secrets.size === 0) return report
  const hide = (text: string): string => secrets.redact(text)
  const optional = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : hide(text)
  const messages = (list: Message[]): Message[] =>
    list.map((message) => {
      const whole = messageText(message)
      const hidden = hide(whole)
      const parts: MessagePart[] =
        hidden === whole
          ? message.parts.map((part) =>
              part.href === undefined ? part : { text: part.text, href: hide(part.href) }
            )
          : [{ text: hidden }]
      return {
        ...message,
        level: hide(message.level),
        parts,
        ...(message.timestamp === undefined ? {} : { timestamp: hide(message.timestamp) })
      }
    })
  const step = (each: Step): Step => ({
    ...each,
    id: hide(each.id),
    name: hide(each.name),
    rawStatus: hide(each.rawStatus),
    ...(each.estimatedTimeFrame === undefined
      ? {}
      : { estimatedTimeFrame: hide(each.estimatedTimeFrame) }),
    messages: messages(each.messages)
  })
  const { outcome } = report
  const snapshot: Snapshot | undefined =
    outcome.snapshot === undefined
      ? undefined
      : {
          ...outcome.snapshot,
          rawStatus: hide(outcome.snapshot.rawStatus),
          ...(outcome.snapshot.submissionType === undefined
            ? {}
            : { submissionType: optional(outcome.snapshot.submissionType) }),
          steps: outcome.snapshot.steps.map(step),
          messages: messages(outcome.snapshot.messages),
          previewLinks: outcome.snapshot.previewLinks.map(hide),
          liveLinks: outcome.snapshot.liveLinks.map(hide)
        }
  return {
    ...report,
    offerLabel: hide(report.offerLabel),
    operationId: hide(report.operationId),
    ...(report.start === undefined
      ? {}
      : { start: { ...report.start, note: hide(report.start.note) } }),
    outcome: {
      ...outcome,
      message: hide(outcome.message),
      ...(snapshot === undefined ? {} : { snapshot }),
      ...(outcome.failedStep === undefined ? {} : { failedStep: step(outcome.failedStep) }),
      ...(outcome.quote === undefined
        ? {}
        : { quote: { lead: hide(outcome.quote.lead), messages: messages(outcome.quote.messages) } })
    }
  }
}
