// JSON from the network, read with bounded work. JSON.parse builds every value of a body, so a
// 10 MB answer of a million empty objects (or arrays nested five million deep) costs half a
// gigabyte and seconds of CPU before any cap can apply. This reader builds at most MAX_JSON_ITEMS
// items of an array or object, MAX_JSON_VALUES values in all and MAX_JSON_DEPTH levels; the rest
// is scanned (so the body must still be JSON) but not built, and an array records how many items
// it left out (itemsSent). Everything else reads as JSON.parse would. A body too small to reach
// any limit is read by JSON.parse itself, several times faster than this reader.

import {
  MAX_JSON_DEPTH,
  MAX_JSON_ITEMS,
  MAX_JSON_VALUES,
  MAX_NATIVE_JSON_CHARS
} from '../constants.js'

const LEFT_OUT = Symbol('items left out')

/** How many items the API sent in an array read by parseJson: what was built and what was not. */
export function itemsSent(list: readonly unknown[]): number {
  const leftOut = (list as { [LEFT_OUT]?: number })[LEFT_OUT]
  return list.length + (leftOut ?? 0)
}

export interface JsonLimits {
  depth: number
  items: number
  values: number
}

const LIMITS: JsonLimits = { depth: MAX_JSON_DEPTH, items: MAX_JSON_ITEMS, values: MAX_JSON_VALUES }

/** Parses `text` as JSON; throws a SyntaxError as JSON.parse does when it is not. */
export function parseJson(text: string, limits: JsonLimits = LIMITS): unknown {
  const native = nativeWithin(text, limits)
  if (native !== undefined) return native.value
  const reader = new Reader(text, limits)
  const value = reader.value(0)
  reader.end()
  return value
}

/**
 * JSON.parse's value, when reading the text could not have met a limit; otherwise undefined, and
 * the reader decides (and words the SyntaxError of a text that is not JSON).
 */
function nativeWithin(text: string, limits: JsonLimits): { value: unknown } | undefined {
  // Every item of an array and every key of an object but the first comes after a comma, so with
  // fewer commas than `items` none reaches that limit (a repeated key included, which JSON.parse
  // would not show). Every value but the first comes after a comma or opens a bracket's first
  // item, so the text holds at most 1 + commas + brackets values, repeated keys' included: with
  // no more than `values`, the reader would build them all, and JSON.parse builds a few thousand
  // at most, however the text is shaped. Commas and brackets inside strings count too: that errs
  // safe.
  if (text.length > MAX_NATIVE_JSON_CHARS) return undefined
  const commas = occurrences(text, ',', limits.items)
  if (commas >= limits.items) return undefined
  const brackets = occurrences(text, '[', limits.items) + occurrences(text, '{', limits.items)
  if (brackets >= limits.items || 1 + commas + brackets > limits.values) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  // What the text's separators do not bound: how deep the value goes.
  const fits = (node: unknown, depth: number): boolean =>
    depth <= limits.depth &&
    (typeof node !== 'object' ||
      node === null ||
      (Array.isArray(node) ? node : Object.values(node)).every((child) => fits(child, depth + 1)))
  return fits(value, 0) ? { value } : undefined
}

/** How many times `char` is in `text`, counted up to `limit`. */
function occurrences(text: string, char: string, limit: number): number {
  let count = 0
  for (let at = text.indexOf(char); at !== -1 && count < limit; at = text.indexOf(char, at + 1))
    count++
  return count
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t'
}

class Reader {
  private i = 0
  private built = 0
  private readonly text: string
  private readonly limits: JsonLimits

  constructor(text: string, limits: JsonLimits) {
    this.text = text
    this.limits = limits
  }

  value(depth: number): unknown {
    this.space()
    if (depth > this.limits.depth || this.built >= this.limits.values) {
      this.skip()
      return undefined
    }
    this.built++
    const char = this.text[this.i]
    if (char === '{') return this.object(depth)
    if (char === '[') return this.array(depth)
    if (char === '"') return this.string()
    return this.scalar()
  }

  end(): void {
    this.space()
    if (this.i < this.text.length) this.fail()
  }

  private array(depth: number): unknown[] {
    this.i++
    const items: unknown[] = []
    let leftOut = 0
    this.space()
    if (this.text[this.i] === ']') {
      this.i++
      return items
    }
    for (;;) {
      if (items.length < this.limits.items) items.push(this.value(depth + 1))
      else {
        this.skip()
        leftOut++
      }
      this.space()
      const next = this.text[this.i++]
      if (next === ']') break
      if (next !== ',') this.fail(-1)
    }
    if (leftOut > 0) Object.defineProperty(items, LEFT_OUT, { value: leftOut })
    return items
  }

  private object(depth: number): Record<string, unknown> {
    this.i++
    const object: Record<string, unknown> = {}
    let keys = 0
    this.space()
    if (this.text[this.i] === '}') {
      this.i++
      return object
    }
    for (;;) {
      this.space()
      if (this.text[this.i] !== '"') this.fail()
      const key = this.string()
      this.space()
      if (this.text[this.i++] !== ':') this.fail(-1)
      if (keys < this.limits.items) {
        // As JSON.parse does: an own property, even for "__proto__"; the last of a repeated key wins.
        Object.defineProperty(object, key, {
          value: this.value(depth + 1),
          enumerable: true,
          writable: true,
          configurable: true
        })
        keys++
      } else this.skip()
      this.space()
      const next = this.text[this.i++]
      if (next === '}') break
      if (next !== ',') this.fail(-1)
    }
    return object
  }

  /**
   * A string: checked here, and decoded by JSON.parse when it holds an escape, in one flat piece
   * (a string of millions of escapes built piece by piece held a node per piece: ~100 MB for a
   * 10 MB answer).
   */
  private string(): string {
    const { text } = this
    const start = this.i++
    let escaped = false
    for (;;) {
      const code = text.charCodeAt(this.i)
      if (Number.isNaN(code)) this.fail()
      if (code === 0x22) break
      if (code < 0x20) this.fail()
      if (code !== 0x5c) {
        this.i++
        continue
      }
      escaped = true
      const escape = text[this.i + 1]
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6))) this.fail()
        this.i += 6
      } else if (escape !== undefined && Object.hasOwn(ESCAPES, escape)) this.i += 2
      else this.fail()
    }
    this.i++
    return escaped
      ? (JSON.parse(text.slice(start, this.i)) as string)
      : text.slice(start + 1, this.i - 1)
  }

  private scalar(): unknown {
    const { text } = this
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null]
    ] as const) {
      if (text.startsWith(word, this.i)) {
        this.i += word.length
        return value
      }
    }
    NUMBER.lastIndex = this.i
    const number = NUMBER.exec(text)
    if (number === null) this.fail()
    this.i += number[0].length
    return Number(number[0])
  }

  /** Passes over one value without building it, iteratively, whatever its depth. */
  private skip(): void {
    const { text } = this
    this.space()
    const first = text[this.i]
    if (first === '"') {
      this.string()
      return
    }
    if (first !== '[' && first !== '{') {
      this.scalar()
      return
    }
    let open = 0
    do {
      const char = text[this.i]
      if (char === undefined) this.fail()
      if (char === '"') {
        this.string()
        continue
      }
      if (char === '[' || char === '{') open++
      else if (char === ']' || char === '}') open--
      this.i++
    } while (open > 0)
  }

  private space(): void {
    const { text } = this
    for (;;) {
      const code = text.charCodeAt(this.i)
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) this.i++
      else return
    }
  }

  private fail(offset = 0): never {
    const at = this.i + offset
    throw new SyntaxError(
      at >= this.text.length
        ? 'Unexpected end of JSON input'
        : `Unexpected token in JSON at position ${at}`
    )
  }
}
