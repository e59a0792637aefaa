// The one redactor: every secret of the run (the token input, the client secret, the GitHub token,
// each OIDC ID token and each access token issued) replaced by *** wherever it shows, in every
// form a server echoing it could use: as is, JSON-escaped, as HTML entities, percent- or
// form-encoded (twice, or under one another), split by format characters, line breaks or <br>,
// and in base64 (standard and URL-safe) of the secret, of its percent- and form-encoded forms and
// of "Bearer <secret>", wherever the base64 starts. Each form is searched in every reading of the
// text (readings.ts), and the part of the text it came from is hidden. It runs on text after
// decoding (a secret split by markup is whole again by then) and on what each sink writes.

import { MIN_SECRET_CHARS } from '../constants.js'
import {
  messageText,
  type Message,
  type MessagePart,
  type Snapshot,
  type Step
} from '../model/snapshot.js'
import {
  encodingsIn,
  EVERY_ENCODING,
  readingsOf,
  spanOf,
  visibleText,
  type Encoding
} from './readings.js'
import type { Report } from './report.js'

const MASK = '***'

export class Secrets {
  private readonly values = new Set<string>()
  /** What is searched in each reading of a text: every form of every secret (formsOf). */
  private forms: string[] = []
  /**
   * For a secret that holds text which itself reads as an escape, entity or percent-encoding
   * (`%41`, `\\b`, `&amp;`): the encodings to undo alone, and without those it holds. A server
   * that applies one encoding to it leaves the others as they are, and undoing them would change
   * the secret: it is whole only in a reading that leaves them.
   */
  private partly: Encoding[][] = []
  /** Whether a secret holds `*`: a mask written next to text can then complete one. */
  private starred = false

  /** Adds a secret; too short a value would hide ordinary words, so it is only masked by the runner. */
  add(secret: string): void {
    if (secret.length < MIN_SECRET_CHARS || this.values.has(secret)) return
    this.values.add(secret)
    const held = encodingsIn(secret)
    if (held.length > 0) {
      const others = EVERY_ENCODING.filter((encoding) => !held.includes(encoding))
      this.partly = uniqueLists([...this.partly, ...EVERY_ENCODING.map((each) => [each]), others])
    }
    this.starred ||= secret.includes('*')
    this.forms = [...new Set([...this.forms, ...formsOf(secret)])]
  }

  get size(): number {
    return this.values.size
  }

  /** The text with every secret, in any of the forms above, replaced by ***. */
  redact(text: string): string {
    if (this.values.size === 0 || text.length === 0) return text
    let out = this.hide(text)
    // "x" + secret + "*-secret", with a secret "x***-secret" in it: hiding the first puts the
    // second together.
    for (let again = 0; this.starred && again < 3; again++) {
      const next = this.hide(out)
      if (next === out) break
      out = next
    }
    return out
  }

  /** Finds every form in every reading of the text, and hides the parts of the text they came from. */
  private hide(text: string): string {
    const spans: Array<[number, number]> = []
    for (const reading of readingsOf(text, this.partly)) {
      for (const form of this.forms) {
        for (
          let at = reading.text.indexOf(form);
          at !== -1;
          at = reading.text.indexOf(form, at + 1)
        ) {
          spans.push(spanOf(reading, text.length, at, form.length))
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

/** The lists, each once, none empty. */
function uniqueLists(lists: Encoding[][]): Encoding[][] {
  const seen = new Map(lists.filter((list) => list.length > 0).map((list) => [list.join(), list]))
  return [...seen.values()]
}

/**
 * What is searched for a secret, in readings that have every encoding undone and what a reader
 * does not see left out: the secret (with spaces also as form-encoding's "+"), and its base64.
 * Base64 of a value depends on where it starts in the encoded bytes (its offset in a group of
 * three): for each offset, the characters that stand for the value's bytes alone (its middle, as
 * the runner's own masker takes it), of the secret and of its percent- and form-encoded forms; and
 * the whole base64 of the secret and of "Bearer <secret>", padded or not, hidden to the last
 * character when that is what a text holds.
 */
export function formsOf(secret: string): string[] {
  const forms = [secret, secret.replaceAll(' ', '+')].map(visibleText)
  for (const value of [secret, `Bearer ${secret}`]) {
    for (const alphabet of ['base64', 'base64url'] as const) {
      const whole = Buffer.from(value, 'utf8').toString(alphabet)
      forms.push(whole, whole.replace(/=+$/, ''))
    }
  }
  for (const value of [secret, percentEncoded(secret, URI_UNRESERVED), formEncoded(secret)]) {
    const bytes = Buffer.from(value, 'utf8')
    for (const offset of [0, 1, 2]) {
      // The bytes before the first full group share their characters with what comes before.
      const skip = (3 - offset) % 3
      const groups = Math.floor((bytes.length - skip) / 3)
      if (groups <= 0) continue
      const middle = bytes.subarray(skip, skip + 3 * groups)
      forms.push(middle.toString('base64'), middle.toString('base64url'))
    }
  }
  return [...new Set(forms)].filter((form) => form !== '')
}

/** What encodeURIComponent leaves as it is. */
const URI_UNRESERVED = /[A-Za-z0-9\-_.!~*'()]/
/** What form-encoding (application/x-www-form-urlencoded) leaves as it is. */
const FORM_UNRESERVED = /[A-Za-z0-9*\-._]/

/** The UTF-8 bytes of the text percent-encoded, but for the characters `keep` matches. */
function percentEncoded(text: string, keep: RegExp): string {
  return [...text.toWellFormed()]
    .map((char) =>
      keep.test(char)
        ? char
        : [...Buffer.from(char, 'utf8')]
            .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
            .join('')
    )
    .join('')
}

/** As a form field's value is sent: percent-encoded, a space as "+". */
function formEncoded(text: string): string {
  return percentEncoded(text, FORM_UNRESERVED).replaceAll('%20', '+')
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
