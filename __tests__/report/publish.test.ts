// Outputs leave in one write to GITHUB_OUTPUT, in exactly the form @actions/core's setOutput
// writes (checked against core's own file-command writer, not against a parser of ours).

import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js'
import { Log } from '../../src/report/log.js'
import { publishReport } from '../../src/report/publish.js'
import { buildOutputs } from '../../src/report/outputs.js'
import { Secrets } from '../../src/report/redact.js'
import { report, snapshot, step } from '../fixtures/report.js'

let dir: string
let output: string
const saved = { ...process.env }
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gate-'))
  output = join(dir, 'output')
  writeFileSync(output, '')
  process.env.GITHUB_OUTPUT = output
  delete process.env.GITHUB_STEP_SUMMARY
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => {
  process.env = { ...saved }
  process.exitCode = undefined
  jest.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

/** Core's form with the delimiter each entry carries replaced, so that random ids compare. */
function normalized(text: string): string {
  return text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_ID')
}

describe('publishReport outputs', () => {
  it('writes every output as core.setOutput would, in one file, in order', async () => {
    const finished = report({
      result: 'failed',
      message: 'Certification failed: line one\nline two',
      snapshot: snapshot('failed', [step('displaycertify', 'failed', { name: 'Certification' })])
    })
    await publishReport(finished, false, new Log(new Secrets()))
    const expected = Object.entries(buildOutputs(finished))
      .map(([name, value]) => `${prepareKeyValueMessage(name, value)}\n`)
      .join('')
    const written = readFileSync(output, 'utf8')
    expect(normalized(written)).toBe(normalized(expected))
    // Every entry has a delimiter of its own.
    const delimiters = written.match(/^[^<\n]+<<(ghadelimiter_[0-9a-f-]{36})$/gm) ?? []
    expect(new Set(delimiters).size).toBe(Object.keys(buildOutputs(finished)).length)
  })
})
