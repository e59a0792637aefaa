// The log guard: whatever text comes in, no line that leaves it is a runner command, and the text
// reads the same.

import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { inert, inertLine } from '../../src/report/guard.js'
import { isCommandLine, runnerLines } from '../fixtures/hostile.js'

const SEED = 20_261_130
const runs = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns })

/** Every line break and white space a runner, viewer or terminal might honour, and look-alikes. */
const BREAKS = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\v', '\f']
const SPACES = [' ', '\t', '\u00a0', '\u3000', '\u2003', '\ufeff', '\u180e', '\u200b', '\u1680']

/** Any string, with the pieces of runner commands and line breaks mixed in often. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom('::', ':', '#', '##', '##[', '[', ']', 'error', 'add-mask::x', '%0A'),
      fc.constantFrom(...BREAKS, ...SPACES),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.string({ unit: 'grapheme', maxLength: 8 })
    ),
    { maxLength: 40 }
  )
  .map((pieces) => pieces.join(''))

const ZWSP = '\u200b'
/** The text without the guard's escapes and with every line break as \n: what a reader sees. */
function readable(text: string): string {
  return text.split(ZWSP).join('')
}

describe('inert', () => {
  it.each([
    ['a command at the start', '::stop-commands::abc', `${ZWSP}::stop-commands::abc`],
    ['a command after leading spaces', '  \t::error::x', `  \t${ZWSP}::error::x`],
    ['a command after a newline', 'ok\n::add-mask::x', `ok\n${ZWSP}::add-mask::x`],
    ['a command after a carriage return', 'ok\r::warning::x', `ok\n${ZWSP}::warning::x`],
    ['a command after CRLF', 'ok\r\n::notice::x', `ok\n${ZWSP}::notice::x`],
    ['a command after U+2028', 'ok\u2028::error::x', `ok\n${ZWSP}::error::x`],
    ['a command after U+2029', 'ok\u2029::error::x', `ok\n${ZWSP}::error::x`],
    ['a command after U+0085', 'ok\u0085::error::x', `ok\n${ZWSP}::error::x`],
    ['a legacy command anywhere', 'a ##[error]b ##[x]', `a ##${ZWSP}[error]b ##${ZWSP}[x]`],
    ['a :: in the middle of a line, left as it is', 'step a::b', 'step a::b']
  ])('makes %s inert', (_what, text, expected) => {
    expect(inert(text)).toBe(expected)
  })

  it('leaves text without commands as it is, but for line breaks, which become \\n', () => {
    expect(inert('Certification: 40%\r\nnext')).toBe('Certification: 40%\nnext')
  })

  it('for any string: no line the runner reads is a command', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const line of runnerLines(inert(text))) expect(isCommandLine(line)).toBe(false)
      }),
      runs(5000)
    )
  })

  it('for any string: the text reads the same, line by line', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(readable(inert(text)).split('\n')).toEqual(
          readable(text).split(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/)
        )
      }),
      runs(2000)
    )
  })
})

describe('inertLine', () => {
  it('for any string: one line, not a command', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const line = inertLine(text)
        expect(runnerLines(line)).toHaveLength(1)
        expect(isCommandLine(line)).toBe(false)
      }),
      runs(3000)
    )
  })
})
