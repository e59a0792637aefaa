// Every workflow a reader may copy (the YAML blocks in README.md and docs/*.md) and every workflow
// this repository runs (.github/workflows/) must be valid YAML, valid for GitHub's workflow parser
// when it is a whole workflow, and call this action only with the inputs action.yml declares.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseDocument, type Document } from 'yaml'
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow
} from '@actions/workflow-parser'
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index'
import {
  isWholeWorkflow,
  markdownSources,
  workflowFiles,
  yamlBlocks,
  type YamlSource
} from '../scripts/workflow-sources.ts'

const ROOT = new URL('../', import.meta.url)

interface ActionMetadata {
  inputs: Set<string>
  required: Set<string>
  outputs: Set<string>
}

function actionMetadata(): ActionMetadata {
  const content = readFileSync(new URL('action.yml', ROOT), 'utf8')
  const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter())
  if (parsed.value === undefined) throw new Error('action.yml does not parse')
  const template = convertActionTemplate(parsed.context, parsed.value)
  const inputs = template.inputs ?? []
  return {
    inputs: new Set(inputs.map((input) => input.id)),
    required: new Set(inputs.filter((input) => input.required === true).map((input) => input.id)),
    outputs: new Set((template.outputs ?? []).map((output) => output.id))
  }
}

/** GitHub's workflow parser's errors, the schema's and the converter's (jobs, needs, steps). */
async function workflowErrors(source: Pick<YamlSource, 'name' | 'text'>): Promise<string[]> {
  const parsed = parseWorkflow(
    { name: source.name, content: source.text },
    new NoOperationTraceWriter()
  )
  if (parsed.value !== undefined && parsed.context.errors.getErrors().length === 0) {
    await convertWorkflowTemplate(parsed.context, parsed.value)
  }
  return parsed.context.errors.getErrors().map((error) => error.message)
}

function yamlErrors(document: Document): string[] {
  return document.errors.map((error) => error.message)
}

/** This action, by path in this repository or by name from anywhere. */
function usesThisAction(uses: unknown): boolean {
  return (
    typeof uses === 'string' &&
    (/^\.\/?$/.test(uses.trim()) || /(^|\/)marketplace-publish-gate@\S+$/.test(uses.trim()))
  )
}

interface StepGroup {
  /** "job publish", or "steps" for a block that is only steps. */
  where: string
  steps: unknown[]
  /** The text step output references are looked for in. */
  text: string
}

/** The steps of a whole workflow (per job), of a steps list, or of one step. */
function stepGroups(document: Document): StepGroup[] {
  const root: unknown = document.toJS()
  // Output references are looked for in every string value, wherever it is.
  const text = (value: unknown): string => JSON.stringify(value) ?? ''
  if (Array.isArray(root)) return [{ where: 'steps', steps: root, text: text(root) }]
  if (root === null || typeof root !== 'object') return []
  const record = root as Record<string, unknown>
  if (record.jobs !== null && typeof record.jobs === 'object') {
    const groups: StepGroup[] = []
    for (const [id, job] of Object.entries(record.jobs as Record<string, unknown>)) {
      const steps = (job as { steps?: unknown } | null)?.steps
      if (Array.isArray(steps)) groups.push({ where: `job ${id}`, steps, text: text(job) })
    }
    return groups
  }
  if (Array.isArray(record.steps)) {
    return [{ where: 'steps', steps: record.steps, text: text(root) }]
  }
  if ('uses' in record) return [{ where: 'step', steps: [record], text: text(root) }]
  return []
}

/** What is wrong with how a YAML text calls this action; empty when nothing is. */
function checkUses(text: string, action: ActionMetadata): string[] {
  const document = parseDocument(text)
  if (document.errors.length > 0) return yamlErrors(document)
  const problems: string[] = []
  for (const group of stepGroups(document)) {
    const gateIds: string[] = []
    group.steps.forEach((step, index) => {
      if (step === null || typeof step !== 'object') return
      const { uses, id, with: given } = step as { uses?: unknown; id?: unknown; with?: unknown }
      if (!usesThisAction(uses)) return
      const where = `${group.where}, step ${typeof id === 'string' ? id : index + 1}`
      if (typeof id === 'string') gateIds.push(id)
      if (
        given !== undefined &&
        given !== null &&
        (typeof given !== 'object' || Array.isArray(given))
      ) {
        problems.push(`${where}: with is not a mapping`)
        return
      }
      const names = Object.keys(given ?? {})
      for (const name of names) {
        if (!action.inputs.has(name)) problems.push(`${where}: unknown input ${name}`)
      }
      for (const name of action.required) {
        if (!names.includes(name)) problems.push(`${where}: missing required input ${name}`)
      }
    })
    // steps.<id>.outputs.<name> of this action's steps must name an output it sets.
    for (const id of gateIds) {
      const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      const reference = new RegExp(
        `steps\\.${escaped}\\.outputs(?:\\.([A-Za-z0-9_-]+)|\\[\\s*'([^']+)'\\s*\\])`,
        'g'
      )
      for (const match of group.text.matchAll(reference)) {
        const name = match[1] ?? match[2]
        if (!action.outputs.has(name) && !/^step-[a-z0-9-]+-(status|progress)$/.test(name)) {
          problems.push(
            `${group.where}: steps.${id}.outputs.${name} is not an output of the action`
          )
        }
      }
    }
  }
  return problems
}

/** A whole workflow, as opposed to a steps list or a single step. */
function isWorkflow(document: Document): boolean {
  return isWholeWorkflow(document.toJS())
}

const action = actionMetadata()
const markdown = markdownSources(ROOT)
const workflows = workflowFiles(ROOT)
const sources = [...markdown, ...workflows]

describe('YAML in the docs and in .github/workflows', () => {
  it('finds the README’s usage workflow and this repository’s CI workflow', () => {
    expect(markdown.length).toBeGreaterThan(0)
    expect(workflows.map((source) => source.name)).toContain('.github/workflows/ci.yml')
    // The checks below only mean something if the gate is used somewhere.
    const callers = sources.filter((source) =>
      stepGroups(parseDocument(source.text)).some((group) =>
        group.steps.some((step) => usesThisAction((step as { uses?: unknown } | null)?.uses))
      )
    )
    const names = callers.map((source) => source.name)
    expect(names).toContain('.github/workflows/ci.yml')
    expect(names.filter((name) => name.startsWith('README.md:'))).not.toEqual([])
  })

  describe.each(sources.map((source) => [source.name, source] as const))('%s', (_name, source) => {
    const document = parseDocument(source.text)

    it('is valid YAML', () => {
      expect(yamlErrors(document)).toEqual([])
    })

    it('is a valid workflow for GitHub’s parser, if it is a whole workflow', async () => {
      if (source.name.startsWith('.github/workflows/')) expect(isWorkflow(document)).toBe(true)
      if (!isWorkflow(document)) return
      expect(await workflowErrors(source)).toEqual([])
    })

    it('calls the action only with declared inputs, all required ones given', () => {
      expect(checkUses(source.text, action)).toEqual([])
    })
  })
})

describe('the checkers', () => {
  const sample = (uses: string, inputs: string): string =>
    [
      'name: Sample',
      'on: push',
      'jobs:',
      '  gate:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v5',
      '        with:',
      '          not-ours: fine',
      `      - uses: ${uses}`,
      '        id: gate',
      '        with:',
      ...inputs.split(',').map((pair) => `          ${pair.trim()}`),
      '      - run: echo "${{ steps.gate.outputs.result }}"',
      ''
    ].join('\n')

  it('pass a correct call', async () => {
    const text = sample('./', 'publisher-id: contoso, offer-id: offer, token: t')
    expect(checkUses(text, action)).toEqual([])
    expect(await workflowErrors({ name: 'sample.yml', text })).toEqual([])
  })

  it('catch an unknown input and a missing required input', () => {
    const text = sample('./', 'publisher-id: contoso, tokn: t')
    expect(checkUses(text, action).sort()).toEqual([
      'job gate, step gate: missing required input offer-id',
      'job gate, step gate: unknown input tokn'
    ])
  })

  it('recognize the action by name from another repository', () => {
    const text = sample('contoso/marketplace-publish-gate@v1', 'publisher-id: contoso')
    expect(checkUses(text, action)).toEqual([
      'job gate, step gate: missing required input offer-id'
    ])
  })

  it('catch a step with no inputs at all, in a block that is only steps', () => {
    const text = '- uses: actions/checkout@v5\n- uses: ./\n'
    // publisher-id is optional in action.yml (api: product-ingestion does not use it).
    expect(checkUses(text, action).sort()).toEqual([
      'steps, step 2: missing required input offer-id'
    ])
  })

  it('catch a reference to an output the action does not set', () => {
    const text = sample('./', 'publisher-id: p, offer-id: o').replace(
      'outputs.result',
      'outputs.verdict'
    )
    expect(checkUses(text, action)).toEqual([
      'job gate: steps.gate.outputs.verdict is not an output of the action'
    ])
  })

  it('catch invalid YAML', () => {
    const document = parseDocument('jobs:\n  a: [1\n')
    expect(yamlErrors(document).length).toBeGreaterThan(0)
  })

  it('catch a workflow GitHub would reject', async () => {
    const text = sample('./', 'publisher-id: p, offer-id: o').replace('runs-on:', 'runs-onn:')
    const errors = await workflowErrors({ name: 'sample.yml', text })
    expect(errors.join('\n')).toMatch(/runs-onn/)
  })

  it('catch a job that needs a job that does not exist', async () => {
    const text = sample('./', 'publisher-id: p, offer-id: o').replace(
      '    runs-on:',
      '    needs: build\n    runs-on:'
    )
    // The schema alone accepts this: only the converter looks at what jobs need.
    const schemaOnly = parseWorkflow(
      { name: 'sample.yml', content: text },
      new NoOperationTraceWriter()
    )
    expect(schemaOnly.context.errors.getErrors()).toEqual([])
    const errors = await workflowErrors({ name: 'sample.yml', text })
    expect(errors).toEqual([expect.stringMatching(/at least one job with no dependencies/)])
  })

  it('find a yaml block inside a list item and refuse an unclosed one', () => {
    const markdown = 'Text\n\n1. Step:\n\n   ```yaml\n   - uses: ./\n   ```\n'
    expect(yamlBlocks('x.md', markdown)).toEqual([
      { name: 'x.md:5', text: '- uses: ./\n', file: 'x.md', lineOffset: 5, columnOffset: 3 }
    ])
    expect(() => yamlBlocks('x.md', '```yaml\na: 1\n')).toThrow(/not closed/)
  })
})
