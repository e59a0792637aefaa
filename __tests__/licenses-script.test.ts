// scripts/licenses.ts: the packages in dist/ are told from its source maps, each ships its license
// text in dist/licenses.txt, and the check fails on a package without one, on a license off the
// allow-list, and on a licenses.txt that is not the bundle's.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  bundledFolders,
  bundledPackages,
  checkLicenses,
  isAllowed,
  licensesText,
  writeLicenses
} from '../scripts/licenses.ts'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const MIT = 'MIT License\n\nCopyright (c) Someone\n\nPermission is hereby granted…\n'

let root: string | undefined
afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true })
  root = undefined
})

/** A project whose dist/ bundles these package folders (each file: its path, then its text). */
function project(files: Record<string, string>, sources: string[]): string {
  root = mkdtempSync(join(tmpdir(), 'licenses-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  mkdirSync(join(root, 'dist'), { recursive: true })
  // As ncc names sources: relative to a folder inside the project.
  writeFileSync(
    join(root, 'dist', 'index.js.map'),
    JSON.stringify({ version: 3, sources: ['.././src/index.ts', ...sources], mappings: '' })
  )
  return root
}

const manifest = (name: string, version: string, license: string): string =>
  JSON.stringify({ name, version, license })

describe('the bundled packages', () => {
  it('are every package folder the source maps name, nested and scoped ones too', () => {
    const dir = project({}, [
      '.././node_modules/a/lib/index.js',
      '.././node_modules/a/lib/other.js',
      '.././node_modules/@scope/b/index.js',
      '.././node_modules/@scope/b/node_modules/c/index.js',
      '../external node-commonjs "fs"',
      'webpack://x/webpack/runtime/compat'
    ])
    expect(bundledFolders(join(dir, 'dist'), dir)).toEqual([
      'node_modules/@scope/b',
      'node_modules/@scope/b/node_modules/c',
      'node_modules/a'
    ])
  })

  it('are, in this repository, more than what ncc --license listed, each with its license', () => {
    const packages = bundledPackages(join(ROOT, 'dist'), ROOT)
    const names = packages.map((pkg) => pkg.name)
    // The BSD, ISC and Apache-2.0 packages ncc left out.
    expect(names).toEqual(
      expect.arrayContaining([
        'domhandler',
        'entities',
        'universal-user-agent',
        'before-after-hook'
      ])
    )
    expect(checkLicenses(join(ROOT, 'dist'), ROOT)).toEqual([])
  })
})

describe('the check', () => {
  const files = {
    'node_modules/a/package.json': manifest('a', '1.0.0', 'MIT'),
    'node_modules/a/LICENSE': MIT,
    'node_modules/b/package.json': manifest('b', '2.0.0', '(MIT OR Apache-2.0)'),
    'node_modules/b/LICENSE-MIT': MIT
  }
  const sources = ['.././node_modules/a/index.js', '.././node_modules/b/index.js']

  it('passes when every package ships its allowed license in licenses.txt', () => {
    const dir = project(files, sources)
    writeLicenses(join(dir, 'dist'), dir)
    expect(checkLicenses(join(dir, 'dist'), dir)).toEqual([])
    const text = readFileSync(join(dir, 'dist', 'licenses.txt'), 'utf8')
    expect(text).toContain('a@1.0.0\nMIT\n\nMIT License')
    expect(text).toContain('b@2.0.0\n(MIT OR Apache-2.0)\n\nMIT License')
  })

  it('fails on a bundled package without a license file', () => {
    const dir = project(
      { ...files, 'node_modules/c/package.json': manifest('c', '3.0.0', 'MIT') },
      [...sources, '.././node_modules/c/index.js']
    )
    writeLicenses(join(dir, 'dist'), dir)
    expect(checkLicenses(join(dir, 'dist'), dir)).toEqual([
      'c@3.0.0 (node_modules/c) has no license file (LICENSE, LICENCE or COPYING) to ship'
    ])
  })

  it.each(['GPL-3.0-only', 'MIT AND GPL-2.0', ''])(
    'fails on a license off the allow-list: %j',
    (license) => {
      const dir = project(
        {
          ...files,
          'node_modules/c/package.json': manifest('c', '3.0.0', license),
          'node_modules/c/COPYING': 'Some license text.\n'
        },
        [...sources, '.././node_modules/c/index.js']
      )
      writeLicenses(join(dir, 'dist'), dir)
      expect(checkLicenses(join(dir, 'dist'), dir)).toEqual([
        expect.stringMatching(
          /^c@3\.0\.0 \(node_modules\/c\) is licensed .*: allowed are MIT, ISC, /
        )
      ])
    }
  )

  it('fails when licenses.txt misses a package the bundle holds, and says to rebuild', () => {
    const dir = project(files, sources)
    writeFileSync(
      join(dir, 'dist', 'licenses.txt'),
      licensesText(bundledPackages(join(dir, 'dist'), dir).slice(0, 1))
    )
    expect(checkLicenses(join(dir, 'dist'), dir)).toEqual([
      'dist/licenses.txt is not the licenses of the bundle (it misses b@2.0.0): run npm run bundle'
    ])
  })

  it('exits non-zero from the command line, naming the package', () => {
    const dir = project(
      { ...files, 'node_modules/c/package.json': manifest('c', '3.0.0', 'MIT') },
      [...sources, '.././node_modules/c/index.js']
    )
    writeLicenses(join(dir, 'dist'), dir)
    const run = spawnSync(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        join(ROOT, 'scripts/licenses.ts'),
        join(dir, 'dist'),
        dir
      ],
      { encoding: 'utf8' }
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('c@3.0.0 (node_modules/c) has no license file')
  })

  it.each<[string, boolean]>([
    ['MIT', true],
    ['BlueOak-1.0.0', true],
    ['(MIT OR GPL-3.0)', true],
    ['(ISC AND BSD-3-Clause)', true],
    ['GPL-3.0', false],
    ['SEE LICENSE IN LICENSE.txt', false]
  ])('reads the SPDX expression %j as allowed: %s', (expression, allowed) => {
    expect(isAllowed(expression)).toBe(allowed)
  })
})
