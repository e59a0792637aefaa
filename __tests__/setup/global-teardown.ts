// Jest globalTeardown: the run fails when the tests left anything in their temp folder. It sets
// the exit code rather than throwing, so that Jest still writes its report (.ci/run reads it).
import { leftoversMessage, tearDownTempFolder } from './temp-folder.ts'

export default function globalTeardown(): void {
  const left = tearDownTempFolder()
  if (left === undefined || left.length === 0) return
  process.stderr.write(`\n${leftoversMessage(left)}\n`)
  process.exitCode = 1
}
