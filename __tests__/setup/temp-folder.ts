// The test run's own temp folder: globalSetup makes a fresh, empty folder and points TMPDIR at it
// (os.tmpdir() of the workers and of the children they start), and globalTeardown fails the run if
// anything is left in it. Other processes on the machine writing to /tmp cannot disturb the count,
// and a test that forgets to clean up is named by what it left.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Where the temp folder the run started with is remembered, to be restored at the end. */
const OUTER = 'GATE_TESTS_OUTER_TMPDIR'
/** The folder made for this run, so that teardown checks that one and no other. */
const OWN = 'GATE_TESTS_TMPDIR'

export function setUpTempFolder(env: NodeJS.ProcessEnv = process.env): string {
  const outer = tmpdir()
  const dir = mkdtempSync(join(outer, 'gate-tests-'))
  env[OUTER] = env.TMPDIR ?? ''
  env[OWN] = dir
  env.TMPDIR = dir
  return dir
}

/**
 * Removes the run's temp folder and puts TMPDIR back. Returns what the tests left in it (empty
 * when they cleaned up), or undefined when setUpTempFolder did not run in this process.
 */
export function tearDownTempFolder(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const dir = env[OWN]
  if (dir === undefined) return undefined
  const left = readdirSync(dir).sort()
  rmSync(dir, { recursive: true, force: true })
  if (env[OUTER]) env.TMPDIR = env[OUTER]
  else delete env.TMPDIR
  delete env[OUTER]
  delete env[OWN]
  return left
}

/** What the run says when tests left something behind. */
export function leftoversMessage(left: string[]): string {
  const shown = left.slice(0, 20).join(', ') + (left.length > 20 ? ', …' : '')
  return (
    `The tests left ${left.length} ${left.length === 1 ? 'entry' : 'entries'} in the temp ` +
    `folder: ${shown}. Each test removes what it creates there (see __tests__/fixtures/runner.ts).`
  )
}
