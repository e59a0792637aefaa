// package.json is the one place the version is kept: the gate reads it from there (the bundle
// inlines it), the lockfile follows it, and no source file spells it again.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { ACTION_NAME, ACTION_VERSION } from '../src/constants.js'
import { USER_AGENT } from '../src/net/http.js'

const ROOT = new URL('../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8')
const pkg = JSON.parse(read('package.json')) as { name: string; version: string }

/** Whether a text holds the version in a string literal ('1.2.3', "v1.2.3", 'gate/1.2.3'). */
function spells(text: string, version: string): boolean {
  return new RegExp(`['"\`/@]v?${version.replace(/\./g, '\\.')}['"\`]`).test(text)
}

/** Source files (not tests, not the bundle) that spell the version. */
function filesSpelling(version: string): string[] {
  const dir = new URL('src/', ROOT)
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => spells(readFileSync(new URL(file, dir), 'utf8'), version))
}

describe('version', () => {
  it('is read from package.json and sent in the User-Agent', () => {
    expect(ACTION_VERSION).toBe(pkg.version)
    expect(ACTION_NAME).toBe(pkg.name)
    expect(USER_AGENT).toBe(`marketplace-publish-gate/${pkg.version}`)
  })

  it('is the one package-lock.json records (npm version changes both)', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      version: string
      packages: Record<string, { version?: string }>
    }
    expect({ lock: lock.version, root: lock.packages['']?.version }).toEqual({
      lock: pkg.version,
      root: pkg.version
    })
  })

  it('is spelt nowhere under src/', () => {
    expect(filesSpelling(pkg.version)).toEqual([])
  })

  it('would see a version written into a source file the way the old constant was', () => {
    expect(spells("export const ACTION_VERSION = '1.2.3'", '1.2.3')).toBe(true)
    expect(spells('const agent = `gate/v1.2.3`', '1.2.3')).toBe(true)
    expect(spells("import packageJson from '../package.json' with { type: 'json' }", '1.2.3')).toBe(
      false
    )
    expect(spells("const other = '1.2.30'", '1.2.3')).toBe(false)
  })
})
