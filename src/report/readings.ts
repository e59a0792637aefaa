// The readings of a text the redactor searches for secrets: the text itself, then the text with
// its encodings undone (JSON escapes, HTML entities, percent-encoded UTF-8), once, twice and three
// times, each without the characters a reader does not see (format characters such as U+200B and
// the soft hyphen, line breaks, <br> tags); and where each code unit of a reading came from in
// the text, so that what is found there is hidden in the text itself.
//
// A reading keeps its map as one number per code unit, built in one pass over the text, rather
// than a string and an object per encoding: a 10 MB answer dense with `%41` is millions of them.

import { decoded, entityAt, jsonEscapeAt, percentAt } from './decoders.js'

/** The kinds of encoding a reading undoes. */
export type Encoding = 'json' | 'html' | 'percent'
export const EVERY_ENCODING: readonly Encoding[] = ['json', 'html', 'percent']

/**
 * Decodings made of a text at most: a secret percent-encoded twice, or percent-encoded and then
 * written as HTML entities, is whole in the second; a third covers a body that adds JSON escapes.
 */
const MAX_DECODINGS = 3

export interface Reading {
  text: string
  /** Where code unit k of `text` starts in the original text; absent when `text` is the original. */
  from?: Int32Array
}

/**
 * Every reading of the text, one at a time (each is built from the one before and dropped after):
 * the text without what a reader does not see, then its decodings; and for each list in `partly`,
 * decodings of that first reading that undo only the encodings listed.
 */
export function* readingsOf(
  text: string,
  partly: ReadonlyArray<readonly Encoding[]> = []
): Generator<Reading, void, undefined> {
  const first = withoutUnseen(text)
  yield first
  for (const encodings of [EVERY_ENCODING, ...partly]) {
    let reading: Reading | undefined = first
    for (let n = 0; n < MAX_DECODINGS && reading !== undefined; n++) {
      reading = decode(reading, encodings)
      if (reading !== undefined) yield reading
    }
  }
}

/** The encodings a decoding of the text would undo: those the text itself seems to hold. */
export function encodingsIn(text: string): Encoding[] {
  return EVERY_ENCODING.filter((encoding) => decode({ text }, [encoding]) !== undefined)
}

/** The text as a reader sees it: without format characters, line breaks and <br> tags. */
export function visibleText(text: string): string {
  return withoutUnseen(text).text
}

/** The span of the original text that `length` code units of a reading from `at` came from. */
export function spanOf(
  reading: Reading,
  originalLength: number,
  at: number,
  length: number
): [number, number] {
  const { from } = reading
  if (from === undefined) return [at, at + length]
  const start = from[at]
  const last = from[at + length - 1]
  // It ends where the next code unit that came from elsewhere starts (what was left out of the
  // reading in between, a format character or a line break, is hidden with it).
  let next = at + length
  while (next < reading.text.length && from[next] === last) next++
  return [start, next < reading.text.length ? from[next] : originalLength]
}

// ---- What a reader does not see -----------------------------------------------------------------

/**
 * Unicode's format characters (General_Category Cf, as of Unicode 15.1), as ranges: a property
 * escape (\p{Cf}) costs every start its table look-up. __tests__/report/readings.test.ts checks
 * the list against \p{Cf}.
 */
export const FORMAT_CHARACTERS: ReadonlyArray<readonly [number, number]> = [
  [0xad, 0xad],
  [0x600, 0x605],
  [0x61c, 0x61c],
  [0x6dd, 0x6dd],
  [0x70f, 0x70f],
  [0x890, 0x891],
  [0x8e2, 0x8e2],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffb],
  [0x110bd, 0x110bd],
  [0x110cd, 0x110cd],
  [0x13430, 0x1343f],
  [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a],
  [0xe0001, 0xe0001],
  [0xe0020, 0xe007f]
]

/** Line breaks: \n, \v, \f, \r, U+0085, U+2028, U+2029. */
function isLineBreak(code: number): boolean {
  return (code >= 0x0a && code <= 0x0d) || code === 0x85 || code === 0x2028 || code === 0x2029
}

/** Which code points of the BMP are format characters: one look-up per code unit. */
const FORMAT_BMP = new Uint8Array(0x10000)
for (const [low, high] of FORMAT_CHARACTERS) {
  if (low <= 0xffff) FORMAT_BMP.fill(1, low, Math.min(high, 0xffff) + 1)
}

function isFormat(code: number): boolean {
  if (code > 0xffff) return FORMAT_CHARACTERS.some(([low, high]) => code >= low && code <= high)
  return FORMAT_BMP[code] === 1
}

/**
 * How many code units at `i` a reader does not see: a line break, a format character (two units
 * for one beyond the BMP), a <br> tag (`<br>`, `<br/>`, `<br />`, `</br>`, any case); 0 otherwise.
 */
function unseenAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code === 0x3c) return breakTagAt(text, i)
  if (isLineBreak(code) || isFormat(code)) return 1
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1)
    if (
      low >= 0xdc00 &&
      low <= 0xdfff &&
      isFormat(((code - 0xd800) << 10) + low - 0xdc00 + 0x10000)
    )
      return 2
  }
  return 0
}

/** The length of a <br> tag at `i`, or 0. */
function breakTagAt(text: string, i: number): number {
  let j = i + 1
  if (text.charCodeAt(j) === 0x2f) j++
  if ((text.charCodeAt(j) | 0x20) !== 0x62 || (text.charCodeAt(j + 1) | 0x20) !== 0x72) return 0
  j += 2
  while (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09) j++
  if (text.charCodeAt(j) === 0x2f) j++
  return text.charCodeAt(j) === 0x3e ? j + 1 - i : 0
}

let unseenHeads: RegExp | undefined
/**
 * Whether the text has a character that unseenAt may count (a superset: the first unit of any
 * format character beyond the BMP, `<br` without its end). Not a start-up shortcut: without it
 * every reading of a text copies it into two arrays, and the 10 MB answer of every encoding mixed
 * peaked at 313 MB (`BENCH_ONLY=hostile npm run bench`), over its 300 MB budget.
 */
function mayHoldUnseen(text: string): boolean {
  unseenHeads ??= new RegExp(
    `[\\n\\v\\f\\r\\u0085\\u2028\\u2029${FORMAT_CHARACTERS.map(([low, high]) =>
      low > 0xffff
        ? `${unit(highSurrogate(low))}-${unit(highSurrogate(high))}`
        : `${unit(low)}-${unit(high)}`
    ).join('')}]|<\\/?[Bb][Rr]`
  )
  return unseenHeads.test(text)
}

function highSurrogate(code: number): number {
  return 0xd800 + ((code - 0x10000) >> 10)
}

function unit(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * The reading of `text` (whose code unit k came from `from[k]` in the original, or from k when
 * there is no `from`) without what a reader does not see: itself when it has none of that.
 */
function withoutUnseen(text: string, from?: Int32Array): Reading {
  if (!mayHoldUnseen(text)) return from === undefined ? { text } : { text, from }
  const units = new Uint16Array(text.length)
  // In place: a code unit is never written before the place it is read from.
  const kept = from ?? new Int32Array(text.length)
  let length = 0
  for (let i = 0; i < text.length;) {
    const unseen = unseenAt(text, i)
    if (unseen > 0) {
      i += unseen
      continue
    }
    units[length] = text.charCodeAt(i)
    kept[length++] = from === undefined ? i : from[i]
    i++
  }
  return { text: asString(units, length), from: kept.subarray(0, length) }
}

function asString(units: Uint16Array, length: number): string {
  return Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le')
}

// ---- Decoding -----------------------------------------------------------------------------------

/**
 * The reading with each encoding (of those given) undone, or undefined when none is in it.
 * Anything that is not a well-formed encoding stays as it is.
 */
function decode(reading: Reading, encodings: readonly Encoding[]): Reading | undefined {
  const { text } = reading
  const json = encodings.includes('json')
  const html = encodings.includes('html')
  const percent = encodings.includes('percent')
  const endAt = (i: number): number => {
    const head = text.charCodeAt(i)
    if (head === 0x5c) return json ? jsonEscapeAt(text, i) : -1
    if (head === 0x26) return html ? entityAt(text, i) : -1
    if (head === 0x25) return percent ? percentAt(text, i) : -1
    return -1
  }
  // Nothing is built for a text without an encoding in it.
  let i = 0
  while (i < text.length && endAt(i) === -1) i++
  if (i === text.length) return undefined
  const origin = (at: number): number => (reading.from === undefined ? at : reading.from[at])
  const out = new Units(text.length)
  for (let k = 0; k < i; k++) out.push(text.charCodeAt(k), origin(k))
  while (i < text.length) {
    const end = endAt(i)
    if (end === -1) {
      out.push(text.charCodeAt(i), origin(i))
      i++
      continue
    }
    const start = origin(i)
    const found = decoded.codePoint
    if (found > 0xffff) {
      out.push(0xd800 + ((found - 0x10000) >> 10), start)
      out.push(0xdc00 + ((found - 0x10000) & 0x3ff), start)
    } else out.push(found, start)
    i = end
  }
  return withoutUnseen(asString(out.units, out.length), out.from.subarray(0, out.length))
}

/**
 * Code units and where each came from, in arrays that grow as they fill: a text dense with
 * encodings decodes to a fraction of its length.
 */
class Units {
  units: Uint16Array
  from: Int32Array
  length = 0
  private readonly most: number

  /** `most`: the length that is never passed (a decoding is never longer than its text). */
  constructor(most: number) {
    this.most = most
    const size = Math.min(most, 64 * 1024)
    this.units = new Uint16Array(size)
    this.from = new Int32Array(size)
  }

  push(unit: number, from: number): void {
    if (this.length === this.units.length) {
      const size = Math.min(this.most, this.units.length * 2)
      const units = new Uint16Array(size)
      const origins = new Int32Array(size)
      units.set(this.units)
      origins.set(this.from)
      this.units = units
      this.from = origins
    }
    this.units[this.length] = unit
    this.from[this.length++] = from
  }
}
