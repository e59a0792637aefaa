// Checks a release before it happens: `npm run release-check -- vX.Y.Z`. The tag must be a plain
// vMAJOR.MINOR.PATCH, package.json and package-lock.json must say X.Y.Z, CHANGELOG.md must have a
// dated `## [X.Y.Z] - YYYY-MM-DD` section with entries, and the tag must be new and higher than
// every release of its major version. On a laptop (the pre-flight) it also wants a clean `main` and
// an up-to-date dist/, and then prints the two commands that tag and push; it tags and pushes
// nothing itself, and never moves the major tag: the release workflow does that
// (.github/workflows/release.yml).
//
// In the release workflow (--ci) the tag exists and is checked out; the script writes the
// release notes (--notes FILE) and the workflow's outputs: tag, version, major, and whether this
// is the newest release of its major version (then vMAJOR moves to it) and of all (then the
// GitHub release is marked latest). --republish (the workflow started by hand for an existing
// release, e.g. to point vMAJOR back at it) accepts a tag lower than another of its minor version.
import { execFileSync } from 'node:child_process'
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

export interface Version {
  /** "v1.2.3" */
  tag: string
  /** "1.2.3" */
  version: string
  /** "v1" */
  major: string
  parts: [number, number, number]
}

const NUMBER = '(0|[1-9]\\d*)'
const PLAIN = new RegExp(`^v${NUMBER}\\.${NUMBER}\\.${NUMBER}$`)

/** vMAJOR.MINOR.PATCH without leading zeros, pre-release or build suffix; undefined otherwise. */
export function parseTag(tag: string): Version | undefined {
  const match = PLAIN.exec(tag)
  if (match === null) return undefined
  const parts = [Number(match[1]), Number(match[2]), Number(match[3])] as [number, number, number]
  return { tag, version: tag.slice(1), major: `v${parts[0]}`, parts }
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.parts[i] !== b.parts[i]) return a.parts[i] - b.parts[i]
  return 0
}

export interface Standing {
  /** Higher than every other release of its major version: vMAJOR moves to it. */
  newestInMajor: boolean
  /** Higher than every other release: the GitHub release is marked latest. */
  newest: boolean
  /** The highest release of its major version other than this one, if any. */
  previousInMajor?: string
}

/** Where a version stands among the release tags (other tags, and the version's own, are ignored). */
export function standing(version: Version, tags: string[]): Standing {
  const others = tags
    .map(parseTag)
    .filter((other): other is Version => other !== undefined && other.tag !== version.tag)
  const sameMajor = others.filter((other) => other.parts[0] === version.parts[0])
  const previous = sameMajor.sort(compare).at(-1)
  return {
    newestInMajor: previous === undefined || compare(version, previous) > 0,
    newest: others.every((other) => compare(version, other) > 0),
    previousInMajor: previous?.tag
  }
}

export type Section = { ok: true; date: string; notes: string } | { ok: false; problem: string }

/**
 * The CHANGELOG.md section of a version: its heading `## [X.Y.Z] - YYYY-MM-DD` (a real date) and
 * its entries up to the next `## ` heading, which become the release notes.
 */
export function changelogSection(changelog: string, version: string): Section {
  const lines = changelog.split('\n')
  const escaped = version.replace(/\./g, '\\.')
  const start = lines.findIndex((line) => new RegExp(`^## \\[${escaped}\\]`).test(line))
  if (start < 0) {
    return {
      ok: false,
      problem: `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move the Unreleased entries under one`
    }
  }
  const heading = lines[start]
  const dated = new RegExp(`^## \\[${escaped}\\] - (\\d{4}-\\d{2}-\\d{2})\\s*$`).exec(heading)
  const date = dated?.[1]
  if (date === undefined || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    const today = new Date().toISOString().slice(0, 10)
    return {
      ok: false,
      problem: `CHANGELOG.md's "${heading}" has no release date: write the day it is tagged, e.g. "## [${version}] - ${today}"`
    }
  }
  if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    return { ok: false, problem: `CHANGELOG.md's "${heading}": ${date} is not a date` }
  }
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line))
  // Link references ([1.0.0]: https://…) at the end of the file belong to no section.
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .filter((line) => !/^\[[^\]]+\]:\s/.test(line))
    .join('\n')
    .trim()
  if (!/^\s*[-*] \S/m.test(body)) {
    return { ok: false, problem: `CHANGELOG.md's "${heading}" section has no entries` }
  }
  return { ok: true, date, notes: `${body}\n` }
}

export interface Files {
  packageJson: string
  packageLock: string
  changelog: string
}

export interface Checked {
  problems: string[]
  version?: Version
  notes?: string
  standing?: Standing
}

/**
 * Every problem with releasing `tag` from these files, given the release tags that exist. With
 * `republish`, an existing release is published again, so a higher one may exist.
 */
export function checkRelease(
  tag: string,
  files: Files,
  tags: string[],
  republish = false
): Checked {
  const version = parseTag(tag)
  if (version === undefined) {
    return {
      problems: [
        `"${tag}" is not a release tag: write vMAJOR.MINOR.PATCH, e.g. v1.2.3 (no leading zeros, no suffix)`
      ]
    }
  }
  const problems: string[] = []
  const pkg = JSON.parse(files.packageJson) as { version?: string }
  if (pkg.version !== version.version) {
    problems.push(
      `package.json says version ${String(pkg.version)}, not ${version.version}: run npm version ${version.version} --no-git-tag-version, then npm run bundle`
    )
  }
  const lock = JSON.parse(files.packageLock) as {
    version?: string
    packages?: Record<string, { version?: string }>
  }
  if (lock.version !== version.version || lock.packages?.['']?.version !== version.version) {
    problems.push(
      `package-lock.json says version ${String(lock.version)}, not ${version.version}: npm version changes both files`
    )
  }
  const section = changelogSection(files.changelog, version.version)
  if (!section.ok) problems.push(section.problem)
  const place = standing(version, tags)
  if (!place.newestInMajor && !republish) {
    // A fix for an older minor version is fine as long as it stays under the major's newest.
    const sameMinor = tags
      .map(parseTag)
      .filter(
        (other): other is Version =>
          other !== undefined &&
          other.tag !== tag &&
          other.parts[0] === version.parts[0] &&
          other.parts[1] === version.parts[1]
      )
    if (sameMinor.some((other) => compare(other, version) > 0)) {
      problems.push(
        `${tag} is lower than ${sameMinor.sort(compare).at(-1)?.tag}, already released: pick a higher version`
      )
    }
  }
  return { problems, version, notes: section.ok ? section.notes : undefined, standing: place }
}

function git(...args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

function fail(problems: string[]): never {
  for (const problem of problems) console.error(`release-check: ${problem}`)
  process.exit(1)
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ci: { type: 'boolean', default: false },
      republish: { type: 'boolean', default: false },
      notes: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help || positionals.length !== 1) {
    console.log(`Usage: npm run release-check -- vX.Y.Z          (pre-flight on a laptop: tags nothing)
       node scripts/release.ts vX.Y.Z --ci [--republish] [--notes FILE]   (in the release workflow)`)
    process.exit(values.help ? 0 : 2)
  }
  const [tag] = positionals
  process.chdir(fileURLToPath(new URL('..', import.meta.url)))
  const files: Files = {
    packageJson: readFileSync('package.json', 'utf8'),
    packageLock: readFileSync('package-lock.json', 'utf8'),
    changelog: readFileSync('CHANGELOG.md', 'utf8')
  }
  const tags = git('tag', '--list', 'v*').split('\n').filter(Boolean)
  const checked = checkRelease(tag, files, tags, values.republish)
  const problems = [...checked.problems]
  const head = git('rev-parse', 'HEAD')

  if (values.ci) {
    // The workflow checked out the tag: it must be the commit released.
    const tagged = tags.includes(tag) ? git('rev-parse', `${tag}^{commit}`) : undefined
    if (tagged !== head) problems.push(`HEAD (${head.slice(0, 12)}) is not the commit ${tag} tags`)
  } else {
    if (tags.includes(tag)) {
      problems.push(`${tag} exists already (at ${git('rev-parse', '--short', `${tag}^{commit}`)})`)
    }
    const branch = git('branch', '--show-current')
    if (branch !== 'main')
      problems.push(`releases are tagged on main; this is ${branch || 'a detached HEAD'}`)
    if (git('status', '--porcelain') !== '') {
      problems.push('the working tree has uncommitted changes: commit or stash them first')
    }
  }
  if (problems.length > 0) fail(problems)

  const { version, notes, standing: place } = checked as Required<Checked>
  if (values.notes !== undefined) writeFileSync(values.notes, notes)
  if (values.ci) {
    const output = process.env.GITHUB_OUTPUT
    if (!output) fail(['--ci needs GITHUB_OUTPUT (the release workflow sets it)'])
    appendFileSync(
      output,
      [
        `tag=${version.tag}`,
        `version=${version.version}`,
        `major=${version.major}`,
        `newest-in-major=${place.newestInMajor}`,
        `newest=${place.newest}`,
        ''
      ].join('\n')
    )
    console.log(
      `${version.tag} is ready to publish; ${
        place.newestInMajor
          ? `${version.major} moves to it`
          : `${version.major} stays at ${place.previousInMajor}, a higher release`
      }.`
    )
  } else {
    // dist/ last: it builds the bundle, the slowest check.
    try {
      execFileSync('bash', ['scripts/check-dist.sh'], { stdio: 'inherit' })
    } catch {
      fail(['dist/ is out of date: run npm run bundle and commit dist/'])
    }
    console.log(`
Every check passed for ${version.tag} at ${head.slice(0, 12)} (${git('log', '-1', '--format=%s')}).
Tag and push it; the release workflow checks it again, runs the tests, publishes the release with
its CHANGELOG.md section and, once approved in the release environment, points ${version.major} at it:

  git tag -a ${version.tag} -m "Release ${version.tag}"
  git push origin ${version.tag}
`)
  }
}
