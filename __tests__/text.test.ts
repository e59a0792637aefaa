// Control characters as the inputs' checks and normalization find them: exactly Unicode's Cc, as
// the regular expression engine's own Unicode tables (\p{Cc}) say, for every code point.

import { describe, expect, it } from '@jest/globals'
import { controlsAsSpaces, hasControlCharacter, isHttpUrl } from '../src/text.js'

const UNICODE_CC = /^\p{Cc}$/u

const everyCodePoint = Array.from({ length: 0x110000 }, (_, code) => code).filter(
  // Lone surrogates are not characters of their own; they are checked below, inside text.
  (code) => code < 0xd800 || code > 0xdfff
)

describe('hasControlCharacter', () => {
  it('is true for exactly the code points of General_Category Cc', () => {
    const found = everyCodePoint.filter((code) => hasControlCharacter(String.fromCodePoint(code)))
    const cc = everyCodePoint.filter((code) => UNICODE_CC.test(String.fromCodePoint(code)))
    expect(found).toEqual(cc)
    // The set is closed by Unicode's stability policy; this says which it is, should that change.
    expect(cc).toHaveLength(65)
  })

  it('finds one anywhere in a text, and none in text without one', () => {
    expect(hasControlCharacter('contoso\u007foffer')).toBe(true)
    expect(hasControlCharacter('\u0085 at the start')).toBe(true)
    expect(hasControlCharacter('at the end\t')).toBe(true)
    expect(hasControlCharacter('an offer 😀 with \ud800 a lone surrogate and\u00a0space')).toBe(
      false
    )
  })
})

describe('controlsAsSpaces', () => {
  it('turns each run of control characters into one space and leaves the rest as it is', () => {
    expect(controlsAsSpaces('a\r\n\tb\u0000c\u009f\u0080d e\u2028f')).toBe('a b c d e\u2028f')
  })
})

describe('isHttpUrl', () => {
  it.each([
    ['https://example.com/x', true],
    ['HTTP://example.com', true],
    ['Https://', true],
    ['/api/operations/x', false],
    ['ftp://example.com', false],
    ['https:/example.com', false],
    ['http', false],
    ['', false]
  ])('%j: %s', (text, expected) => {
    expect(isHttpUrl(text)).toBe(expected)
  })
})
