// scripts/bundle.ts: the bundle is ASCII, reads the same values as the code it came from, and its
// source maps still point at the same code.

import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { asciiOnly, decodeVlq, encodeVlq } from '../scripts/bundle.ts'

const runs = (numRuns: number): fc.Parameters<unknown> => ({ seed: 20_261_201, numRuns })

describe('source-map VLQ', () => {
  it.each<[string, number[]]>([
    ['AAAA', [0, 0, 0, 0]],
    ['AACA', [0, 0, 1, 0]],
    ['D', [-1]],
    ['gB', [16]],
    ['AAgBC', [0, 0, 16, 1]],
    ['2HwBA', [123, 24, 0]]
  ])('reads %s as %j and writes it back', (text, values) => {
    expect(decodeVlq(text)).toEqual(values)
    expect(encodeVlq(values)).toBe(text)
  })

  it('writes any list of integers so that it reads back the same', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 30), max: 2 ** 30 })), (values) => {
        expect(decodeVlq(encodeVlq(values))).toEqual(values)
      }),
      runs(500)
    )
  })

  it('refuses what is not a segment', () => {
    expect(() => decodeVlq('A!')).toThrow('is not a source-map segment')
    expect(() => decodeVlq('g')).toThrow('ends in the middle of a number')
  })
})

describe('asciiOnly', () => {
  const code = [
    "const icon = { ok: '✅', timer: '⏱️' }",
    'const line = `${icon.ok} running → succeeded…`',
    "const emoji = '😀'.length",
    'const cut = /[.!?…]$/.test(line)',
    "const astral = /^[😀]$/u.test('😀')",
    'const é = 1',
    ';({ icon, line, emoji, cut, astral, accented: é })'
  ].join('\n')

  it('writes every character beyond ASCII as an escape, and the code reads the same values', () => {
    const ascii = asciiOnly(code, '').code
    expect([...ascii].every((char) => char.charCodeAt(0) < 0x80)).toBe(true)
    expect(ascii).toContain("'\\u2705'")
    expect(runInNewContext(ascii)).toEqual(runInNewContext(code))
  })

  it('moves each mapped column by what the escapes before it on its line added', () => {
    // One segment at the start of each token of the line (one token starts with an escaped
    // character): after the escapes, each still starts the same token.
    const tokens = ['f(', "'é→'", ', ', 'é', ', ', "'😀'", ', y', ')']
    const line = tokens.join('')
    const starts = tokens.map((_, i) => tokens.slice(0, i).join('').length)
    const segments = starts.map((start, i) =>
      encodeVlq([i === 0 ? start : start - starts[i - 1], 0, 0, i === 0 ? 0 : 1])
    )
    const mapped = asciiOnly(`first line\n${line}`, `AAAA;${segments.join(',')}`)
    const [, second] = mapped.code.split('\n')
    const [firstLine, lineSegments] = mapped.mappings.split(';')
    expect(firstLine).toBe('AAAA')
    let column = 0
    const columns = lineSegments.split(',').map((segment) => (column += decodeVlq(segment)[0]))
    const escaped = tokens.map((token) => asciiOnly(token, '').code)
    expect(columns.map((at, i) => second.slice(at, at + escaped[i].length))).toEqual(escaped)
  })

  it('keeps the other fields of each segment, and lines without escapes, as they were', () => {
    const mapped = asciiOnly("a('é', b)\nc()", 'AACA,KAAE,KAAG;AACA')
    expect(mapped.mappings.split(';')[1]).toBe('AACA')
    expect(
      mapped.mappings
        .split(';')[0]
        .split(',')
        .map((s) => decodeVlq(s).slice(1))
    ).toEqual([
      [0, 1, 0],
      [0, 0, 2],
      [0, 0, 3]
    ])
  })

  it('refuses code where an escape would not read as the character did', () => {
    expect(() => asciiOnly("const a = '\\é'", '')).toThrow('right after a backslash')
    expect(() => asciiOnly('const a = String.raw`é`', '')).toThrow('raw template strings')
    expect(() => asciiOnly("const a = (s) => s['raw'][0]; a`é`", '')).toThrow(
      'raw template strings'
    )
  })

  it('refuses a source map with an empty segment', () => {
    expect(() => asciiOnly("a('é', b)", 'AAAA,,KAAE')).toThrow('empty segment')
  })
})

describe('dist/', () => {
  it('holds only ASCII JavaScript: every module Node reads is one byte a character', () => {
    const dist = new URL('../dist/', import.meta.url)
    const files = readdirSync(dist).filter((name) => name.endsWith('.js'))
    expect(files).toContain('index.js')
    for (const name of files) {
      const beyond = [...readFileSync(new URL(name, dist), 'utf8')].filter(
        (char) => char.charCodeAt(0) >= 0x80
      )
      expect({ name, beyond }).toEqual({ name, beyond: [] })
    }
  })
})
