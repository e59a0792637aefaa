// The gate writes the runner's workflow commands itself (src/report/workflow-commands.ts): each must
// be what @actions/core writes for the same call, byte for byte, for any text, since the runner
// parses them. @actions/core is the reference here, run beside the gate's writer.

import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import fc from 'fast-check'
import { EOL } from 'node:os'
import * as commands from '../../src/report/workflow-commands.js'

const SEED = 20_261_201

let written: string[] = []
let savedOutput: string | undefined
beforeEach(() => {
  written = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk))
    return true
  })
  // Without GITHUB_OUTPUT, core sets an output with the older command, as the gate does.
  savedOutput = process.env.GITHUB_OUTPUT
  delete process.env.GITHUB_OUTPUT
})
afterEach(() => {
  jest.restoreAllMocks()
  if (savedOutput !== undefined) process.env.GITHUB_OUTPUT = savedOutput
})

/** What `write` puts on stdout. */
function stdoutOf(write: () => void): string {
  written = []
  write()
  return written.join('')
}

/** Each call of the gate's writer, beside @actions/core's for the same text and title. */
const pairs = (text: string, title: string) =>
  [
    ['info', () => commands.info(text), () => core.info(text)],
    ['debug', () => commands.debug(text), () => core.debug(text)],
    ['add-mask', () => commands.addMask(text), () => core.setSecret(text)],
    ['warning', () => commands.warning(text), () => core.warning(text)],
    ['error', () => commands.error(text), () => core.error(text)],
    [
      'titled warning',
      () => commands.warning(text, { title }),
      () => core.warning(text, { title })
    ],
    ['titled error', () => commands.error(text, { title }), () => core.error(text, { title })],
    ['set-output', () => commands.setOutputCommand(title, text), () => core.setOutput(title, text)]
  ] as const

const HOSTILE = [
  'plain words',
  '',
  '100% done',
  'line one\nline two\r\nline three\r',
  '::error::not a command of ours',
  '%0A%25 already escaped',
  'a: b, c: d',
  'ünïcödé ✅ 🚀'
]

describe('workflow commands, as @actions/core writes them', () => {
  it.each(HOSTILE.flatMap((text) => HOSTILE.map((title) => [text, title])))(
    'writes %j (title %j) as core does',
    (text, title) => {
      for (const [name, ours, cores] of pairs(text, title)) {
        expect({ name, line: stdoutOf(ours) }).toEqual({ name, line: stdoutOf(cores) })
      }
    }
  )

  it('writes any text and title as core does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (text, title) => {
        for (const [name, ours, cores] of pairs(text, title)) {
          expect({ name, line: stdoutOf(ours) }).toEqual({ name, line: stdoutOf(cores) })
        }
      }),
      { seed: SEED, numRuns: 300 }
    )
  })

  // The forms themselves, for a reader: what the runner parses.
  it.each([
    [() => commands.debug('50%\r\nnext'), `::debug::50%25%0D%0Anext${EOL}`],
    [
      () => commands.error('failed', { title: 'Step: a, b' }),
      `::error title=Step%3A a%2C b::failed${EOL}`
    ],
    [() => commands.error('failed', { title: '' }), `::error ::failed${EOL}`],
    [() => commands.addMask('s3cret'), `::add-mask::s3cret${EOL}`],
    [() => commands.info('::warning::x'), `::warning::x${EOL}`]
  ])('writes the command the runner reads (%#)', (write, line) => {
    expect(stdoutOf(write)).toBe(line)
  })
})
