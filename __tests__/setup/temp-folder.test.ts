import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { leftoversMessage, setUpTempFolder, tearDownTempFolder } from './temp-folder.ts'

describe('the test run’s temp folder', () => {
  it('is a fresh folder that TMPDIR points at, and TMPDIR is put back afterwards', () => {
    const env: NodeJS.ProcessEnv = { TMPDIR: '/some/where' }
    const dir = setUpTempFolder(env)
    expect(env.TMPDIR).toBe(dir)
    expect(dir.startsWith(join(tmpdir(), 'gate-tests-'))).toBe(true)
    expect(tearDownTempFolder(env)).toEqual([])
    expect(existsSync(dir)).toBe(false)
    expect(env).toEqual({ TMPDIR: '/some/where' })
  })

  it('reports what the tests left in it, and removes it all the same', () => {
    const env: NodeJS.ProcessEnv = {}
    const dir = setUpTempFolder(env)
    mkdirSync(join(dir, 'gate-abc123'))
    writeFileSync(join(dir, 'gate-abc123', 'summary'), 'x')
    writeFileSync(join(dir, 'stray.txt'), 'x')
    expect(tearDownTempFolder(env)).toEqual(['gate-abc123', 'stray.txt'])
    expect(existsSync(dir)).toBe(false)
    expect(env).toEqual({})
  })

  it('is not checked when this process did not set it up', () => {
    expect(tearDownTempFolder({ TMPDIR: '/tmp' })).toBeUndefined()
  })

  it('names the leftovers in one line', () => {
    expect(leftoversMessage(['gate-abc123'])).toMatch(
      /^The tests left 1 entry in the temp folder: gate-abc123\. /
    )
    const many = Array.from({ length: 25 }, (_, index) => `gate-${index}`)
    expect(leftoversMessage(many)).toMatch(/left 25 entries .*gate-19, …\./)
  })
})
