// scripts/release.ts: what may be released (the tag, package.json, the lockfile, CHANGELOG.md and
// the tags that exist), the notes it takes from CHANGELOG.md, whether the major tag moves, and the
// pre-flight and the release workflow's check run in a real git repository.
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  changelogSection,
  checkRelease,
  parseTag,
  standing,
  type Files
} from '../scripts/release.ts'

const ROOT = new URL('../', import.meta.url)
const SCRIPT = fileURLToPath(new URL('scripts/release.ts', ROOT))

const changelog = (heading: string, body = '### Fixed\n\n- The thing.\n'): string =>
  [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '- Work in progress.',
    '',
    heading,
    '',
    body,
    '## [1.1.0] - 2026-01-02',
    '',
    '- Older.',
    '',
    '[1.2.0]: https://example.com/compare/v1.1.0...v1.2.0',
    ''
  ].join('\n')

const files = (version = '1.2.0', heading = '## [1.2.0] - 2026-12-01'): Files => ({
  packageJson: JSON.stringify({ name: 'marketplace-publish-gate', version }),
  packageLock: JSON.stringify({ version, packages: { '': { version } } }),
  changelog: changelog(heading)
})

describe('parseTag', () => {
  it.each(['v1.2.3', 'v0.1.0', 'v10.20.30'])('takes %s', (tag) => {
    expect(parseTag(tag)).toMatchObject({ tag, version: tag.slice(1) })
  })

  it('names the major tag', () => {
    expect(parseTag('v12.0.3')).toEqual({
      tag: 'v12.0.3',
      version: '12.0.3',
      major: 'v12',
      parts: [12, 0, 3]
    })
  })

  it.each(['1.2.3', 'v1.2', 'v1', 'v01.2.3', 'v1.02.3', 'v1.2.3-rc.1', 'v1.2.3+build', 'V1.2.3'])(
    'refuses %s',
    (tag) => {
      expect(parseTag(tag)).toBeUndefined()
    }
  )
})

describe('changelogSection', () => {
  it('takes the dated section up to the next heading, without link references', () => {
    expect(changelogSection(changelog('## [1.2.0] - 2026-12-01'), '1.2.0')).toEqual({
      ok: true,
      date: '2026-12-01',
      notes: '### Fixed\n\n- The thing.\n'
    })
  })

  it('takes the last section to the end of the file, leaving out link references', () => {
    expect(changelogSection(changelog('## [1.2.0] - 2026-12-01'), '1.1.0')).toEqual({
      ok: true,
      date: '2026-01-02',
      notes: '- Older.\n'
    })
  })

  it.each([
    ['no section', '## [1.3.0] - 2026-12-01', /has no "## \[1\.2\.0\] - YYYY-MM-DD" section/],
    ['no date', '## [1.2.0]', /has no release date: write the day it is tagged/],
    ['the placeholder date', '## [1.2.0] - YYYY-MM-DD', /has no release date/],
    ['a date that does not exist', '## [1.2.0] - 2026-02-30', /2026-02-30 is not a date/]
  ])('refuses %s', (_case, heading, problem) => {
    const section = changelogSection(changelog(heading), '1.2.0')
    expect(section).toEqual({ ok: false, problem: expect.stringMatching(problem) })
  })

  it('refuses a section without entries', () => {
    const section = changelogSection(
      changelog('## [1.2.0] - 2026-12-01', 'Nothing yet.\n'),
      '1.2.0'
    )
    expect(section).toEqual({ ok: false, problem: expect.stringMatching(/has no entries/) })
  })

  it('does not take 1.2.0 for 1.2.0.1 or 11.2.0', () => {
    const text = changelog('## [11.2.0] - 2026-12-01')
    expect(changelogSection(text, '1.2.0').ok).toBe(false)
  })
})

describe('standing', () => {
  const tags = ['v1', 'v1.0.0', 'v1.1.0', 'v2', 'v2.0.0', 'v2.1.0-rc.1', 'latest']
  it.each([
    ['v1.2.0', { newestInMajor: true, newest: false, previousInMajor: 'v1.1.0' }],
    ['v2.0.1', { newestInMajor: true, newest: true, previousInMajor: 'v2.0.0' }],
    ['v1.0.1', { newestInMajor: false, newest: false, previousInMajor: 'v1.1.0' }],
    ['v3.0.0', { newestInMajor: true, newest: true, previousInMajor: undefined }],
    // Its own tag, once pushed, does not count against it.
    ['v2.0.0', { newestInMajor: true, newest: true, previousInMajor: undefined }]
  ])('places %s among v1.0.0, v1.1.0 and v2.0.0', (tag, expected) => {
    expect(standing(parseTag(tag)!, tags)).toEqual(expected)
  })

  it('makes the first release the newest of all', () => {
    expect(standing(parseTag('v1.0.0')!, [])).toEqual({
      newestInMajor: true,
      newest: true,
      previousInMajor: undefined
    })
  })
})

describe('checkRelease', () => {
  it('passes when the tag, package.json, the lockfile and CHANGELOG.md agree', () => {
    const checked = checkRelease('v1.2.0', files(), ['v1.1.0'])
    expect(checked.problems).toEqual([])
    expect(checked.notes).toBe('### Fixed\n\n- The thing.\n')
    expect(checked.standing).toMatchObject({ newestInMajor: true, newest: true })
  })

  it('names every file that disagrees, with what to run', () => {
    const mismatched = {
      ...files(),
      packageJson: JSON.stringify({ version: '1.1.0' }),
      packageLock: JSON.stringify({ version: '1.1.0', packages: { '': { version: '1.1.0' } } })
    }
    expect(checkRelease('v1.2.0', mismatched, []).problems).toEqual([
      'package.json says version 1.1.0, not 1.2.0: run npm version 1.2.0 --no-git-tag-version, then npm run bundle',
      'package-lock.json says version 1.1.0, not 1.2.0: npm version changes both files'
    ])
  })

  it('sees a lockfile whose root package was left behind', () => {
    const stale = {
      ...files(),
      packageLock: JSON.stringify({ version: '1.2.0', packages: { '': { version: '1.1.0' } } })
    }
    expect(checkRelease('v1.2.0', stale, []).problems).toEqual([
      expect.stringMatching(/^package-lock\.json says/)
    ])
  })

  it('refuses a malformed tag before anything else', () => {
    expect(checkRelease('1.2.0', files(), []).problems).toEqual([
      expect.stringMatching(/"1\.2\.0" is not a release tag: write vMAJOR\.MINOR\.PATCH/)
    ])
  })

  it('refuses a version lower than a release of its minor version, unless republishing it', () => {
    expect(checkRelease('v1.2.0', files(), ['v1.2.1']).problems).toEqual([
      'v1.2.0 is lower than v1.2.1, already released: pick a higher version'
    ])
    expect(checkRelease('v1.2.0', files(), ['v1.2.1'], true).problems).toEqual([])
  })

  it('lets a fix to an older minor version through, without moving the major tag', () => {
    const checked = checkRelease('v1.2.0', files(), ['v1.3.0'])
    expect(checked.problems).toEqual([])
    expect(checked.standing).toMatchObject({ newestInMajor: false, previousInMajor: 'v1.3.0' })
  })
})

describe('CHANGELOG.md', () => {
  const text = readFileSync(new URL('CHANGELOG.md', ROOT), 'utf8')
  const headings = text.split('\n').filter((line) => line.startsWith('## '))

  it('keeps Unreleased on top for work in progress', () => {
    expect(headings[0]).toBe('## [Unreleased]')
  })

  it('has the 1.0.0 release section ready: entries, and a date once it is tagged', () => {
    expect(headings[1]).toMatch(/^## \[1\.0\.0\] - (YYYY-MM-DD|\d{4}-\d{2}-\d{2})$/)
    const dated = text.replace('## [1.0.0] - YYYY-MM-DD', '## [1.0.0] - 2026-12-01')
    const section = changelogSection(dated, '1.0.0')
    expect(section.ok).toBe(true)
    // Release notes: a line for users, then the entries under their headings.
    if (section.ok) expect(section.notes).toMatch(/^[^\n#]+\n\n### Added\n\n- \*\*/)
  })
})

describe('the script, in a git repository', () => {
  /** The repository, and beside it the GITHUB_OUTPUT file, in a folder of the test's own. */
  let base: string | undefined
  let repo: string | undefined
  afterEach(() => {
    if (base !== undefined) rmSync(base, { recursive: true, force: true })
    base = repo = undefined
  })

  // Git run by a hook exports GIT_DIR and the like, which would point these commands elsewhere.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_'))
  ) as Record<string, string>

  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
      cwd: repo,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    }).trim()

  /** A repository on main with the script, a dist/ check that passes, and version 1.2.0. */
  function makeRepo(heading = '## [1.2.0] - 2026-12-01'): string {
    base = mkdtempSync(join(tmpdir(), 'release-test-'))
    repo = join(base, 'repo')
    mkdirSync(join(repo, 'scripts'), { recursive: true })
    copyFileSync(SCRIPT, join(repo, 'scripts/release.ts'))
    writeFileSync(join(repo, 'scripts/check-dist.sh'), 'echo "dist/ is up to date."\n')
    const { packageJson, packageLock, changelog: text } = files('1.2.0', heading)
    writeFileSync(
      join(repo, 'package.json'),
      JSON.stringify({ ...(JSON.parse(packageJson) as object), type: 'module' })
    )
    writeFileSync(join(repo, 'package-lock.json'), packageLock)
    writeFileSync(join(repo, 'CHANGELOG.md'), text)
    git('init', '--quiet', '--initial-branch=main')
    git('add', '.')
    git('commit', '--quiet', '-m', 'Release 1.2.0')
    return repo
  }

  function script(...args: string[]) {
    const output = join(base ?? '', 'github-output')
    writeFileSync(output, '')
    const run = spawnSync(process.execPath, ['scripts/release.ts', ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...env, GITHUB_OUTPUT: output }
    })
    // name=value lines, as a step writes them to GITHUB_OUTPUT.
    const lines = readFileSync(output, 'utf8').split('\n').filter(Boolean)
    return {
      code: run.status,
      stdout: run.stdout,
      stderr: run.stderr,
      outputs: Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
      )
    }
  }

  it('pre-flight: passes on a clean main, prints the tag and push commands, and tags nothing', () => {
    makeRepo()
    const run = script('v1.2.0')
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    expect(run.stdout).toContain('git tag -a v1.2.0 -m "Release v1.2.0"\n  git push origin v1.2.0')
    expect(git('tag', '--list')).toBe('')
  })

  it('pre-flight: refuses another branch, uncommitted changes and a tag that exists', () => {
    makeRepo()
    git('tag', 'v1.2.0')
    git('switch', '--quiet', '-c', 'topic')
    writeFileSync(join(repo ?? '', 'CHANGELOG.md'), 'changed')
    const run = script('v1.2.0')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/v1\.2\.0 exists already/)
    expect(run.stderr).toMatch(/releases are tagged on main; this is topic/)
    expect(run.stderr).toMatch(/uncommitted changes/)
  })

  it('pre-flight: refuses an undated CHANGELOG section', () => {
    makeRepo('## [1.2.0] - YYYY-MM-DD')
    const run = script('v1.2.0')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/has no release date/)
  })

  it('in the workflow: writes the notes and the outputs for the tagged commit', () => {
    makeRepo()
    git('tag', 'v1.1.0', 'HEAD')
    git('commit', '--quiet', '--allow-empty', '-m', 'next')
    git('tag', '-a', 'v1.2.0', '-m', 'Release v1.2.0')
    const run = script('v1.2.0', '--ci', '--notes', 'notes.md')
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    expect(run.outputs).toEqual({
      tag: 'v1.2.0',
      version: '1.2.0',
      major: 'v1',
      'newest-in-major': 'true',
      newest: 'true'
    })
    expect(readFileSync(join(repo ?? '', 'notes.md'), 'utf8')).toBe('### Fixed\n\n- The thing.\n')
    expect(run.stdout).toContain('v1.2.0 is ready to publish; v1 moves to it.')
  })

  it('in the workflow: refuses a checkout that is not the tagged commit', () => {
    makeRepo()
    git('tag', 'v1.2.0')
    git('commit', '--quiet', '--allow-empty', '-m', 'later')
    const run = script('v1.2.0', '--ci')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/HEAD \([0-9a-f]{12}\) is not the commit v1\.2\.0 tags/)
  })

  it('in the workflow, started by hand: republishes an older release, to move the major tag back', () => {
    makeRepo()
    git('tag', 'v1.2.0')
    git('tag', 'v1.2.1')
    expect(script('v1.2.0', '--ci').code).toBe(1)
    const run = script('v1.2.0', '--ci', '--republish')
    expect(run.code).toBe(0)
    expect(run.outputs['newest-in-major']).toBe('false')
  })
})
