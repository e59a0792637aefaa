// The readings of a text the redactor searches for secrets: the text itself, then the text with
// its encodings undone (JSON escapes, HTML entities, percent-encoded UTF-8), once, twice and three
// times, each without the characters a reader does not see (format characters such as U+200B and
// the soft hyphen, line breaks, <br> tags); and where each code unit of a reading came from in
// the text, so that what is found there is hidden in the text itself.
//
// A reading keeps its map as one number per code unit, built in one pass over the text, rather
// than a string and an object per encoding: a 10 MB answer dense with `%41` is millions of them.

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

let formatBmp: Uint8Array | undefined
function isFormat(code: number): boolean {
  if (code < 0xad) return false
  if (code > 0xffff) return FORMAT_CHARACTERS.some(([low, high]) => code >= low && code <= high)
  if (formatBmp === undefined) {
    formatBmp = new Uint8Array(0x10000)
    for (const [low, high] of FORMAT_CHARACTERS) {
      if (low <= 0xffff) formatBmp.fill(1, low, Math.min(high, 0xffff) + 1)
    }
  }
  return formatBmp[code] === 1
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
 * format character beyond the BMP, `<br` without its end): one native search over a text that
 * has none, rather than a call per code unit.
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
 * The code point the last `…At` function below found. Each returns where the encoding it found
 * ends, or -1: a decoding of millions of encodings allocates nothing per encoding.
 */
let found = 0

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

const JSON_SHORT: Readonly<Record<string, number>> = {
  '"': 0x22,
  '\\': 0x5c,
  '/': 0x2f,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09
}

/** `\uXXXX`, or a short escape (`\"`, `\n`…). */
function jsonEscapeAt(text: string, i: number): number {
  const next = text[i + 1]
  if (next === 'u') {
    const code = hexValue(text, i + 2, i + 6)
    if (code === undefined) return -1
    found = code
    return i + 6
  }
  if (next === undefined || !Object.hasOwn(JSON_SHORT, next)) return -1
  found = JSON_SHORT[next]
  return i + 2
}

/** The value of the hex digits from `start` to `end`, or undefined unless all of them are ones. */
function hexValue(text: string, start: number, end: number): number | undefined {
  if (end > text.length) return undefined
  let value = 0
  for (let j = start; j < end; j++) {
    const digit = hexDigit(text.charCodeAt(j))
    if (digit < 0) return undefined
    value = value * 16 + digit
  }
  return value
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  const lower = code | 0x20
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1
}

/**
 * Named entities for the characters secrets and their encodings are made of, and for those a
 * reader does not see (which the reading then leaves out). Names are matched in any case.
 */
const NAMED_ENTITIES: Readonly<Record<string, number>> = {
  amp: 0x26,
  lt: 0x3c,
  gt: 0x3e,
  quot: 0x22,
  apos: 0x27,
  sol: 0x2f,
  bsol: 0x5c,
  plus: 0x2b,
  equals: 0x3d,
  percnt: 0x25,
  period: 0x2e,
  lowbar: 0x5f,
  colon: 0x3a,
  semi: 0x3b,
  comma: 0x2c,
  num: 0x23,
  excl: 0x21,
  quest: 0x3f,
  commat: 0x40,
  dollar: 0x24,
  ast: 0x2a,
  lpar: 0x28,
  rpar: 0x29,
  lsqb: 0x5b,
  rsqb: 0x5d,
  lcub: 0x7b,
  rcub: 0x7d,
  verbar: 0x7c,
  grave: 0x60,
  hat: 0x5e,
  nbsp: 0xa0,
  newline: 0x0a,
  shy: 0xad,
  zwsp: 0x200b,
  zerowidthspace: 0x200b,
  zwnj: 0x200c,
  zwj: 0x200d,
  lrm: 0x200e,
  rlm: 0x200f,
  nobreak: 0x2060,
  invisibletimes: 0x2062,
  invisiblecomma: 0x2063
}
/** The longest name above. */
const MAX_ENTITY_NAME = 14

/** `&#DDD;`, `&#xHHH;` (any number of leading zeros), or a named entity. */
function entityAt(text: string, i: number): number {
  if (text.charCodeAt(i + 1) === 0x23) {
    const hex = (text.charCodeAt(i + 2) | 0x20) === 0x78
    let j = i + (hex ? 3 : 2)
    const first = j
    let code = 0
    for (; j < text.length; j++) {
      const digit = hex ? hexDigit(text.charCodeAt(j)) : decimalDigit(text.charCodeAt(j))
      if (digit < 0) break
      code = code * (hex ? 16 : 10) + digit
      if (code > 0x10ffff) return -1
    }
    if (j === first || text.charCodeAt(j) !== 0x3b) return -1
    found = code
    return j + 1
  }
  let end = i + 1
  while (end - i <= MAX_ENTITY_NAME && isLetter(text.charCodeAt(end))) end++
  if (end === i + 1 || text.charCodeAt(end) !== 0x3b) return -1
  const name = text.slice(i + 1, end).toLowerCase()
  if (!Object.hasOwn(NAMED_ENTITIES, name)) return -1
  found = NAMED_ENTITIES[name]
  return end + 1
}

function isLetter(code: number): boolean {
  const lower = code | 0x20
  return lower >= 0x61 && lower <= 0x7a
}

function decimalDigit(code: number): number {
  return code >= 0x30 && code <= 0x39 ? code - 0x30 : -1
}

/** One UTF-8 character written as %HH bytes: well-formed UTF-8 only (no overlong form, no surrogate). */
function percentAt(text: string, i: number): number {
  const byte = (at: number): number =>
    text.charCodeAt(at) === 0x25 ? (hexValue(text, at + 1, at + 3) ?? -1) : -1
  const lead = byte(i)
  if (lead < 0) return -1
  const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0
  if (length === 0 || lead > 0xf4) return -1
  let code = length === 1 ? lead : lead & (0xff >> (length + 1))
  for (let k = 1; k < length; k++) {
    const next = byte(i + 3 * k)
    if (next < 0 || (next & 0xc0) !== 0x80) return -1
    code = (code << 6) | (next & 0x3f)
  }
  const least = [0, 0, 0x80, 0x800, 0x10000][length]
  if (code < least || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return -1
  found = code
  return i + 3 * length
}
