// `npm run actionlint` (scripts/actionlint.ts): which workflows it lints, and that it reports a
// problem at its place in the file the workflow comes from.
import { describe, expect, it } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { lint, lintable } from '../scripts/actionlint.ts'
import { yamlBlocks } from '../scripts/workflow-sources.ts'

const ROOT = new URL('../', import.meta.url)

const workflow = (extra: string): string =>
  [
    'name: Sample',
    'on: push',
    'permissions: {}',
    'jobs:',
    '  gate:',
    '    runs-on: ubuntu-latest',
    extra,
    '    steps:',
    '      - run: echo "${{ github.event_name }}"',
    ''
  ]
    .filter((line) => line !== '')
    .join('\n') + '\n'

describe('actionlint', () => {
  it('lints every workflow file and every whole workflow in the README', () => {
    const { sources, skipped } = lintable(ROOT)
    const names = sources.map((source) => source.name)
    for (const file of readdirSync(new URL('.github/workflows/', ROOT))) {
      expect(names).toContain(`.github/workflows/${file}`)
    }
    expect(names.filter((name) => name.startsWith('README.md:')).length).toBeGreaterThan(0)
    expect(skipped).toEqual([])
  })

  it('passes a correct workflow', async () => {
    const [block] = yamlBlocks('x.md', '```yaml\n' + workflow('') + '```\n')
    expect(await lint(block)).toEqual([])
  })

  it('reports a job that needs a missing job at its line and column in the Markdown file', async () => {
    const markdown =
      'Intro\n\n1. A list item:\n\n   ```yaml\n' +
      workflow('    needs: build')
        .split('\n')
        .map((line) => (line ? `   ${line}` : line))
        .join('\n') +
      '   ```\n'
    const [block] = yamlBlocks('guide.md', markdown)
    const findings = await lint(block)
    // "  gate:" is line 5 of the block, which starts after the fence on line 5 of the file.
    expect(findings).toEqual([
      {
        where: 'guide.md:10:6',
        message: 'job "gate" needs job "build" which does not exist in this workflow',
        kind: 'job-needs'
      }
    ])
    expect(markdown.split('\n')[9]).toBe('     gate:')
  })

  it('reports an unknown property of a context', async () => {
    const [block] = yamlBlocks(
      'x.md',
      '```yaml\n' + workflow('').replace('event_name', 'evnt') + '```\n'
    )
    expect((await lint(block)).map((finding) => finding.kind)).toEqual(['expression'])
  })
})
