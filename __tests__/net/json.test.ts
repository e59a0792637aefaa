import { afterEach, describe, expect, it, jest } from '@jest/globals'
import fc from 'fast-check'
import { MAX_NATIVE_JSON_CHARS } from '../../src/constants.js'
import { itemsSent, parseJson, type JsonLimits } from '../../src/net/json.js'

const SEED = 20_261_130

describe('parseJson reads what JSON.parse reads', () => {
  it('gives the same value for any JSON text (within the limits)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined)
        expect(parseJson(text)).toEqual(JSON.parse(text))
      }),
      { seed: SEED, numRuns: 1_000 }
    )
  })

  it.each([
    ['escapes', '"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"'],
    ['numbers', '[0,-0,1.5,-2e10,3E-2,12345678901234567890]'],
    ['literals', '[true,false,null]'],
    ['white space', ' \n\t{ "a" : [ 1 , 2 ] }\r\n'],
    ['a repeated key (the last wins)', '{"a":1,"a":2}'],
    ['an empty object and array', '{"a":{},"b":[]}']
  ])('reads %s', (_name, text) => {
    expect(parseJson(text)).toEqual(JSON.parse(text))
  })

  it('keeps "__proto__" an own property, as JSON.parse does, and never a prototype', () => {
    const parsed = parseJson('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it.each([
    '',
    '{',
    '[1,]',
    '{"a":1,}',
    '{a:1}',
    "'x'",
    '01',
    '1.',
    '.5',
    '+1',
    'tru',
    'nul',
    '"unterminated',
    '"bad \\x escape"',
    '"bad \\u12 escape"',
    '"a\u0001b"',
    '[1] 2',
    '<html>Service Unavailable</html>',
    'NaN'
  ])('throws a SyntaxError, as JSON.parse does, for %j', (text) => {
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError)
    expect(() => parseJson(text)).toThrow(SyntaxError)
  })
})

describe('parseJson bounds its work', () => {
  const limits = { depth: 3, items: 4, values: 20 }

  it('builds at most `items` items of an array, and says how many were sent', () => {
    const list = parseJson('[1,2,3,4,5,6,7]', limits) as unknown[]
    expect(list).toEqual([1, 2, 3, 4])
    expect(itemsSent(list)).toBe(7)
    expect(itemsSent(parseJson('[1,2]', limits) as unknown[])).toBe(2)
  })

  it('builds at most `items` keys of an object', () => {
    expect(parseJson('{"a":1,"b":2,"c":3,"d":4,"e":5}', limits)).toEqual({ a: 1, b: 2, c: 3, d: 4 })
  })

  it('builds nothing below `depth` levels, however deep the body goes', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(parseJson(deep, limits)).toEqual([[[[undefined]]]])
  })

  it('builds at most `values` values in all, the rest left undefined', () => {
    const parsed = parseJson('[[1,2,3,4],[5,6,7,8],[9,10,11,12],[13,14,15,16]]', {
      ...limits,
      values: 8
    })
    // Eight values built: the outer array, the first row and its four numbers, the second row, 5.
    expect(parsed).toEqual([
      [1, 2, 3, 4],
      [5, undefined, undefined, undefined],
      undefined,
      undefined
    ])
  })

  it('still refuses a body that is not JSON in the part it does not build', () => {
    expect(() => parseJson('[1,2,3,4,5,"unterminated]', limits)).toThrow(SyntaxError)
    expect(() => parseJson('[1,2,3,4,5,tru]', limits)).toThrow(SyntaxError)
  })
})

// A small body is read by JSON.parse; padded past MAX_NATIVE_JSON_CHARS with white space (which
// changes no value) the same text goes to the bounded reader, the reference for what it must give.
describe('parseJson reads a small body natively, with the same result as its reader', () => {
  afterEach(() => {
    jest.restoreAllMocks()
  })

  const byReader = (text: string, limits?: JsonLimits): unknown =>
    parseJson(`${text}${' '.repeat(MAX_NATIVE_JSON_CHARS)}`, limits)
  /** The value with every array's count of items sent beside its items. */
  const shape = (value: unknown): unknown =>
    Array.isArray(value)
      ? { sent: itemsSent(value), items: value.map(shape) }
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shape(item)]))
        : value

  it('gives what the reader gives, within the limits and past them', () => {
    // The gate's limits; few items; or room for items but little depth and few values in all.
    const limitSets: Array<JsonLimits | undefined> = [
      undefined,
      { depth: 3, items: 4, values: 20 },
      { depth: 2, items: 1_000, values: 12 }
    ]
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(...limitSets), (value, limits) => {
        const text = JSON.stringify(value)
        expect(shape(parseJson(text, limits))).toEqual(shape(byReader(text, limits)))
      }),
      { seed: SEED, numRuns: 1_000 }
    )
  })

  it.each([
    [
      'nested deeper than `depth`, with no comma',
      '[[[[[1]]]]]',
      { depth: 3, items: 10, values: 20 }
    ],
    ['more values than `values`, with no comma', '[[[[1]]]]', { depth: 9, items: 10, values: 3 }],
    [
      'more values than `values`, one repeated key holding them',
      '{"a":1,"a":2,"a":3}',
      { depth: 2, items: 1_000, values: 3 }
    ],
    [
      'more keys than `items`, all of them one repeated key',
      '{"a":1,"a":2,"a":3,"a":4,"a":5}',
      { depth: 3, items: 4, values: 20 }
    ],
    ['more items than `items`', '[1,2,3,4,5]', { depth: 3, items: 4, values: 20 }]
  ])('gives what the reader gives for a short body %s', (_case, text, limits) => {
    const expected = byReader(text, limits)
    expect(shape(parseJson(text, limits))).toEqual(shape(expected))
    // Each of these meets a limit: the reader's value differs from JSON.parse's.
    expect(shape(expected)).not.toEqual(shape(JSON.parse(text)))
  })

  it('uses JSON.parse for a body that cannot reach a limit, and not for one that might', () => {
    const parse = jest.spyOn(JSON, 'parse')
    expect(parseJson('{"status":"running","steps":[{"id":1},{"id":2}]}')).toEqual({
      status: 'running',
      steps: [{ id: 1 }, { id: 2 }]
    })
    expect(parse).toHaveBeenCalledTimes(1)
    parse.mockClear()
    expect(itemsSent(parseJson(`[${'0,'.repeat(2_000)}0]`) as unknown[])).toBe(2_001)
    const long = 'x'.repeat(MAX_NATIVE_JSON_CHARS)
    expect(parseJson(`"${long}"`)).toBe(long)
    expect(parse).not.toHaveBeenCalled()
  })

  it('leaves a text that is not JSON to the reader, whose SyntaxError it gives', () => {
    expect(() => parseJson('{"a":1,}')).toThrow('Unexpected token in JSON at position 7')
  })
})
