// action.yml is what the runner reads: it must be valid for GitHub's own parser, run the committed
// bundle on Node 24, and agree with the README's Inputs and Outputs tables.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  convertActionTemplate,
  parseAction,
  type ActionTemplate
} from '@actions/workflow-parser/actions/index'
import { NoOperationTraceWriter } from '@actions/workflow-parser'

const ACTION_YML = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** The Marketplace takes a description shorter than this. */
const MARKETPLACE_DESCRIPTION_CHARS = 125

interface Checked {
  /** GitHub's parser's errors, then this project's rules. */
  errors: string[]
  template?: ActionTemplate
}

/** Parses an action.yml with GitHub's parser and applies this project's rules on top. */
function checkAction(content: string): Checked {
  const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter())
  const errors = parsed.context.errors.getErrors().map((error) => error.message)
  if (errors.length > 0 || parsed.value === undefined) {
    return { errors: errors.length > 0 ? errors : ['action.yml parsed to nothing'] }
  }
  const template = convertActionTemplate(parsed.context, parsed.value)
  // The converter reports some problems only now.
  errors.push(...parsed.context.errors.getErrors().map((error) => error.message))
  // What the GitHub Marketplace needs to list the action (its publish form refuses the rest).
  if (!template.name?.trim()) errors.push('name is empty: the Marketplace lists the action by it')
  const description = template.description?.trim() ?? ''
  if (description === '' || description.length >= MARKETPLACE_DESCRIPTION_CHARS) {
    errors.push(
      `description has ${description.length} characters: the Marketplace takes 1 to ${MARKETPLACE_DESCRIPTION_CHARS - 1}`
    )
  }
  if (!template.branding?.icon || !template.branding.color) {
    errors.push('branding needs an icon and a color: the Marketplace shows them as its badge')
  }
  const runs = template.runs as { using?: string; main?: string } | undefined
  if (runs?.using !== 'node24') {
    errors.push(`runs.using is ${String(runs?.using)}: expected node24, the action's runtime`)
  }
  if (runs?.main !== 'dist/index.js') {
    errors.push(`runs.main is ${String(runs?.main)}: expected dist/index.js, the committed bundle`)
  }
  for (const input of template.inputs ?? []) {
    if (!input.description?.trim()) errors.push(`input ${input.id} has no description`)
    if (input.required !== true && input.default === undefined) {
      errors.push(`input ${input.id} is not required and has no default`)
    }
  }
  for (const output of template.outputs ?? []) {
    if (!output.description?.trim()) errors.push(`output ${output.id} has no description`)
  }
  return { errors, template }
}

/** The body of a `## Heading` section, up to the next `## `. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n')
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`)
  if (start < 0) throw new Error(`README has no "## ${heading}" section`)
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '))
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n')
}

/** Every Markdown table in a text, as rows of trimmed cells (header first, separator left out). */
function tables(markdown: string): string[][][] {
  const found: string[][][] = []
  let current: string[][] | undefined
  for (const line of markdown.split('\n')) {
    if (!line.trimStart().startsWith('|')) {
      current = undefined
      continue
    }
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim())
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) continue
    if (current === undefined) {
      current = []
      found.push(current)
    }
    current.push(cells)
  }
  return found
}

function backticked(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1])
}

/** The README's Inputs table: name → what its default column says. */
function readmeInputs(markdown = README): Map<string, string> {
  const [table] = tables(section(markdown, 'Inputs'))
  expect(table?.[0]?.[0]).toBe('input')
  const inputs = new Map<string, string>()
  for (const [name, defaultCell] of table.slice(1)) {
    const names = backticked(name)
    expect(names).toHaveLength(1)
    inputs.set(names[0], defaultCell)
  }
  return inputs
}

/** Output names the README's Outputs section lists, from every table column headed output(s). */
function readmeOutputs(markdown = README): string[] {
  const names: string[] = []
  for (const table of tables(section(markdown, 'Outputs'))) {
    const column = table[0].findIndex((cell) => cell === 'output' || cell === 'outputs')
    if (column < 0) continue
    for (const row of table.slice(1)) names.push(...backticked(row[column] ?? ''))
  }
  return names
}

function scalarText(value: { toString(): string } | undefined): string | undefined {
  return value === undefined ? undefined : value.toString()
}

const checked = checkAction(ACTION_YML)

describe('action.yml', () => {
  it('parses with GitHub’s action parser and meets the project’s rules', () => {
    expect(checked.errors).toEqual([])
    expect(checked.template).toBeDefined()
  })

  it('runs the committed bundle on node24', () => {
    expect(checked.template?.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares every input the README lists, and the README lists every input it declares', () => {
    const declared = (checked.template?.inputs ?? []).map((input) => input.id).sort()
    expect(declared.length).toBeGreaterThan(0)
    expect([...readmeInputs().keys()].sort()).toEqual(declared)
  })

  it('has the defaults the README gives', () => {
    for (const [name, readmeDefault] of readmeInputs()) {
      const input = checked.template?.inputs?.find((candidate) => candidate.id === name)
      if (readmeDefault === 'required') {
        expect({ name, required: input?.required }).toEqual({ name, required: true })
        continue
      }
      expect({ name, required: input?.required ?? false }).toEqual({ name, required: false })
      // "empty" (possibly followed by a remark) means '', otherwise the default is in backticks.
      const expected = /^empty\b/.test(readmeDefault) ? '' : backticked(readmeDefault)[0]
      expect({ name, default: scalarText(input?.default) }).toEqual({ name, default: expected })
    }
  })

  it('declares every output the README lists, and the README lists every output it declares', () => {
    const declared = (checked.template?.outputs ?? []).map((output) => output.id).sort()
    const listed = readmeOutputs()
    // step-<id>-status and step-<id>-progress are patterns: the step table lists the concrete ones.
    const concrete = listed.filter((name) => !name.includes('<')).sort()
    expect(listed).toEqual(expect.arrayContaining(['step-<id>-status', 'step-<id>-progress']))
    expect(concrete).toEqual(declared)
  })
})

describe('the README table readers', () => {
  it('see an input row removed from the README', () => {
    const changed = README.replace(/^\| `summary` .*\n/m, '')
    expect(changed).not.toBe(README)
    expect([...readmeInputs(changed).keys()]).not.toContain('summary')
    expect([...readmeInputs().keys()]).toContain('summary')
  })

  it('see an output added to the step table', () => {
    const changed = README.replace(
      /^(\| `live` .*)$/m,
      '$1\n| `extra` | Extra | `step-extra-status`, `step-extra-progress` |'
    )
    expect(readmeOutputs(changed)).toEqual(
      expect.arrayContaining(['step-extra-status', 'step-extra-progress'])
    )
    expect(readmeOutputs()).not.toContain('step-extra-status')
  })
})

describe('the action.yml checker', () => {
  it('reports an unknown top-level key', () => {
    const result = checkAction(`${ACTION_YML}\ncolour: blue\n`)
    expect(result.errors).toEqual([expect.stringMatching(/Unexpected value 'colour'/)])
  })

  it('reports a missing runs section', () => {
    const withoutRuns = ACTION_YML.replace(/^runs:\n(?:[ \t]+.*\n?)+/m, '')
    expect(withoutRuns).not.toMatch(/^runs:/m)
    const result = checkAction(withoutRuns)
    expect(result.errors).toEqual([expect.stringMatching(/Required property is missing: runs/)])
  })

  it('reports a runtime other than node24', () => {
    const node20 = ACTION_YML.replace(/^(\s+using:\s*)node24\s*$/m, '$1node20')
    expect(node20).toMatch(/using: node20/)
    const result = checkAction(node20)
    expect(result.errors).toEqual(["runs.using is node20: expected node24, the action's runtime"])
  })

  it('reports what keeps the action off the Marketplace: a long description, no branding', () => {
    const long = 'Waits. '.repeat(18).trim()
    expect(long.length).toBeGreaterThanOrEqual(125)
    const changed = ACTION_YML.replace(/^description: .*$/m, `description: ${long}`).replace(
      /^branding:\n(?:[ \t]+.*\n)+/m,
      ''
    )
    expect(checkAction(changed).errors).toEqual([
      `description has ${long.length} characters: the Marketplace takes 1 to 124`,
      'branding needs an icon and a color: the Marketplace shows them as its badge'
    ])
  })

  it.each([
    ['icon', 'coffee'],
    ['color', 'pink']
  ])('reports a branding %s the Marketplace does not offer (%s)', (key, value) => {
    const changed = ACTION_YML.replace(new RegExp(`^(  ${key}:) .*$`, 'm'), `$1 ${value}`)
    expect(changed).not.toBe(ACTION_YML)
    expect(checkAction(changed).errors).not.toEqual([])
  })

  it('reports a main other than dist/index.js', () => {
    const result = checkAction(ACTION_YML.replace('main: dist/index.js', 'main: lib/index.js'))
    expect(result.errors).toEqual([
      'runs.main is lib/index.js: expected dist/index.js, the committed bundle'
    ])
  })

  it('reports an optional input without a default and an input without a description', () => {
    const changed = ACTION_YML.replace(
      /^inputs:\n/m,
      'inputs:\n  no-default:\n    description: An optional input.\n    required: false\n' +
        '  no-description:\n    required: true\n'
    )
    const result = checkAction(changed)
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'input no-default is not required and has no default',
        'input no-description has no description'
      ])
    )
  })

  it('reports a misspelt description key, which GitHub’s parser lets through', () => {
    const changed = ACTION_YML.replace(/(offer-id:\n\s+)description:/, '$1descripton:')
    expect(changed).not.toBe(ACTION_YML)
    expect(checkAction(changed).errors).toEqual(['input offer-id has no description'])
  })

  it('reports an output without a description', () => {
    const changed = ACTION_YML.replace(/^outputs:\n/m, 'outputs:\n  bare:\n    description: ""\n')
    expect(checkAction(changed).errors).toEqual(['output bare has no description'])
  })
})
