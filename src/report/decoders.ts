// The three encodings a reading undoes, one at a time: a JSON escape, an HTML entity, and one UTF-8
// character written as %HH bytes. Each `…At` function returns where the encoding at `i` ends, or
// -1, and leaves the code point it found in `decoded`: a decoding of millions of encodings
// allocates nothing per encoding.

/** The code point the last `…At` function found. */
export const decoded = { codePoint: 0 }

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
export function jsonEscapeAt(text: string, i: number): number {
  const next = text[i + 1]
  if (next === 'u') {
    const code = hexValue(text, i + 2, i + 6)
    if (code === undefined) return -1
    decoded.codePoint = code
    return i + 6
  }
  if (next === undefined || !Object.hasOwn(JSON_SHORT, next)) return -1
  decoded.codePoint = JSON_SHORT[next]
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
export function entityAt(text: string, i: number): number {
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
    decoded.codePoint = code
    return j + 1
  }
  let end = i + 1
  while (end - i <= MAX_ENTITY_NAME && isLetter(text.charCodeAt(end))) end++
  if (end === i + 1 || text.charCodeAt(end) !== 0x3b) return -1
  const name = text.slice(i + 1, end).toLowerCase()
  if (!Object.hasOwn(NAMED_ENTITIES, name)) return -1
  decoded.codePoint = NAMED_ENTITIES[name]
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
export function percentAt(text: string, i: number): number {
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
  decoded.codePoint = code
  return i + 3 * length
}
