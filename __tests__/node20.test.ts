// CONTRIBUTING.md ("Set up") says which packages make `npm ci` on Node 20 print EBADENGINE
// warnings, and why they are harmless. Those are the packages in the lockfile whose `engines.node`
// admits no Node 20 at all: this keeps its list equal to that set, so a new one is noticed.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'

const ROOT = new URL('../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8')

/** A version as one comparable number; minor and patch stay under 1000 in any real range. */
const at = (major: number, minor = 0, patch = 0): number => major * 1e6 + minor * 1e3 + patch

/** [from, to): the versions a comparator admits. */
type Interval = [number, number]

const EVERY: Interval = [0, Infinity]

/** One comparator of an npm range (>=20.19.0, ^22.13.0, ~1.2, 18, 6.x, *) as an interval. */
function comparator(text: string): Interval {
  if (text === '*' || text === 'x' || text === '') return EVERY
  const match = /^(>=|<=|>|<|=|\^|~)?v?(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?$/.exec(text)
  if (match === null) throw new Error(`cannot read the engines comparator "${text}"`)
  const [, op = '', majorText, minorText, patchText] = match
  const major = Number(majorText)
  const wild = (part: string | undefined): boolean => part === undefined || /[x*]/.test(part)
  const minor = wild(minorText) ? undefined : Number(minorText)
  const patch = wild(patchText) ? undefined : Number(patchText)
  const low = at(major, minor ?? 0, patch ?? 0)
  // The first version past what the written parts pin: 20 → 21.0.0, 20.19 → 20.20.0.
  const pastPinned =
    minor === undefined ? at(major + 1) : patch === undefined ? at(major, minor + 1) : low + 1
  switch (op) {
    case '>=':
      return [low, Infinity]
    case '>':
      return [pastPinned, Infinity]
    case '<':
      return [0, low]
    case '<=':
      return [0, pastPinned]
    case '^':
      return [low, major > 0 ? at(major + 1) : pastPinned]
    case '~':
      return [low, minor === undefined ? at(major + 1) : at(major, minor + 1)]
    default:
      return [low, pastPinned]
  }
}

/** Whether an npm range admits some version in [from, to). */
function admits(range: string, [from, to]: Interval): boolean {
  return range.split('||').some((branch) => {
    const parts = branch
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
    let [low, high] = [from, to]
    for (const part of parts) {
      const [partLow, partHigh] = comparator(part)
      low = Math.max(low, partLow)
      high = Math.min(high, partHigh)
    }
    return low < high
  })
}

const NODE_20: Interval = [at(20), at(21)]

/** The packages of the lockfile whose engines.node admits no Node 20: "" is the project itself. */
function refusingNode20(): string[] {
  const lock = JSON.parse(read('package-lock.json')) as {
    packages: Record<string, { engines?: { node?: string } | string[] }>
  }
  const names = new Set<string>()
  for (const [path, entry] of Object.entries(lock.packages)) {
    const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node
    if (range === undefined || admits(range, NODE_20)) continue
    names.add(path.replace(/^.*node_modules\//, ''))
  }
  return [...names].sort()
}

/** What CONTRIBUTING.md's Node 20 note lists: the backticked names of its "Node 22 or newer" clause. */
function noteList(readme: string): { project: boolean; packages: string[] } {
  const note = readme.split(/\n\n/).find((paragraph) => paragraph.includes('EBADENGINE'))
  if (note === undefined) throw new Error('CONTRIBUTING.md has no paragraph about EBADENGINE')
  const clause = /Node 22 or newer:([^;]*);/.exec(note.replace(/\s+/g, ' '))?.[1]
  if (clause === undefined) throw new Error('the note has no "Node 22 or newer: …;" list')
  const listed = clause.replace(/\([^)]*\)/g, '')
  return {
    project: /this project itself/.test(listed),
    packages: [...listed.matchAll(/`([^`]+)`/g)].map((match) => match[1]).sort()
  }
}

describe('an npm engines range', () => {
  it.each([
    ['>=22', false],
    ['>=22.20.0', false],
    ['>=24', false],
    ['^20.19.0 || ^22.13.0 || >=24', true],
    ['18 || 20 || >=22', true],
    ['20 || >=22', true],
    ['^18.14.0 || ^20.0.0 || ^22.0.0 || >=24.0.0', true],
    ['>= 18', true],
    ['*', true],
    ['6.* || 8.* || >= 10.*', true],
    ['>=16 || 14 >=14.17', true],
    ['^12.22.0 || ^14.17.0 || >=16.0.0', true],
    ['^8.16.0 || ^10.6.0 || >=11.0.0', true],
    ['>=0.6.11 <=0.7.0 || >=0.7.3', true],
    ['^18 || ^22', false],
    ['<20', false],
    ['~21.1', false],
    ['>20 <22', false]
  ])('%s admits Node 20: %s', (range, expected) => {
    expect(admits(range, NODE_20)).toBe(expected)
  })

  it('is refused when it cannot be read', () => {
    expect(() => admits('node20', NODE_20)).toThrow(/cannot read the engines comparator "node20"/)
  })
})

describe('CONTRIBUTING.md’s note on npm ci under Node 20', () => {
  it('names exactly the packages of the lockfile that ask for a newer Node', () => {
    const refusing = refusingNode20()
    const listed = noteList(read('CONTRIBUTING.md'))
    expect(listed.project).toBe(refusing.includes(''))
    expect(listed.packages).toEqual(refusing.filter((name) => name !== ''))
  })

  it('would notice a package added to the lockfile, or one left out of the note', () => {
    const readme = read('CONTRIBUTING.md')
    const fewer = readme.replace('`nock` and\n`@mswjs/interceptors`', '`@mswjs/interceptors`')
    expect(fewer).not.toBe(readme)
    expect(noteList(fewer).packages).not.toContain('nock')
    expect(noteList(readme).packages).toContain('nock')
  })
})
