// The readings the redactor searches: what a reader does not see left out, encodings undone (up
// to three deep), and every code unit mapped back to the part of the text it came from.

import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { FORMAT_CHARACTERS, readingsOf, spanOf, visibleText } from '../../src/report/readings.js'

const runs = (numRuns: number): fc.Parameters<unknown> => ({ seed: 20_261_201, numRuns })

describe('FORMAT_CHARACTERS', () => {
  it('is Unicode’s General_Category Cf, every code point of it and no other', () => {
    const listed = (code: number): boolean =>
      FORMAT_CHARACTERS.some(([low, high]) => code >= low && code <= high)
    const wrong: string[] = []
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      if (/\p{Cf}/u.test(String.fromCodePoint(code)) !== listed(code)) {
        wrong.push(code.toString(16))
      }
    }
    expect(wrong).toEqual([])
  })
})

describe('visibleText', () => {
  it.each([
    ['format characters', 'a\u200bb\u2060c\u00add\ufeffe\u{e0041}f', 'abcdef'],
    ['line breaks of every kind', 'a\nb\r\nc\u2028d\u2029e\u0085f\vg\fh', 'abcdefgh'],
    ['<br> tags in any spelling', 'a<br>b<BR/>c<br />d</br>e<Br  >f', 'abcdef'],
    ['nothing else', 'a <b>x</b> <brx> c\t', 'a <b>x</b> <brx> c\t']
  ])('leaves out %s', (_what, text, seen) => {
    expect(visibleText(text)).toBe(seen)
  })
})

describe('readingsOf', () => {
  const texts = (text: string): string[] => [...readingsOf(text)].map((reading) => reading.text)

  it('undoes JSON escapes, entities and percent-encoded UTF-8, and an encoding under another', () => {
    expect(texts('\\u0041&#66;&#x43;&amp;%44%E2%82%AC')).toEqual([
      '\\u0041&#66;&#x43;&amp;%44%E2%82%AC',
      'ABC&D€'
    ])
    expect(texts('%2541 &amp;#65; \\u0026#x41;')).toEqual([
      '%2541 &amp;#65; \\u0026#x41;',
      '%41 &#65; &#x41;',
      'A A A'
    ])
  })

  it('stops after three decodings', () => {
    expect(texts('%25252541').at(-1)).toBe('%41')
  })

  it('leaves what is not a well-formed encoding as it is', () => {
    expect(texts('%C0%80 %ED%A0%80 %FF &#x110000; &nope; \\x41 \\u00G1')).toEqual([
      '%C0%80 %ED%A0%80 %FF &#x110000; &nope; \\x41 \\u00G1'
    ])
  })

  it('decodes one encoding alone when asked, leaving the others', () => {
    const alone = [...readingsOf('\\u0025&#65;', [['json']])].map((reading) => reading.text)
    expect(alone).toContain('%&#65;')
  })

  it('for any text: each code unit of each reading maps back to a part of the text that reads as it', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 3 }),
      fc.constantFrom('&#65;', '&amp;', '%41', '%E2%82%AC', '\\u0041', '\\"', '%2541'),
      fc.constantFrom('\u200b', '<br>', '\n', '&#8203;', '&shy;', '%0A')
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('')
        for (const reading of readingsOf(text)) {
          for (let at = 0; at < reading.text.length; at++) {
            const [start, end] = spanOf(reading, text.length, at, 1)
            expect(start).toBeGreaterThanOrEqual(0)
            expect(end).toBeGreaterThan(start)
            expect(end).toBeLessThanOrEqual(text.length)
            // The part, read the same way, holds the code unit.
            const part = [...readingsOf(text.slice(start, end))].map((each) => each.text)
            expect(part.some((each) => each.includes(reading.text[at]))).toBe(true)
          }
        }
      }),
      runs(300)
    )
  })
})
