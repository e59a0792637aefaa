// Where a run's report leaves the process: outputs, the verdict with its annotations, and the job
// summary, each guarded so that one failing cannot stop the others. Every byte is redacted here
// (after the report's text was), and the log lines go through the Log's guard.

import * as core from '@actions/core'
import { stepAnnotations } from './annotations.js'
import type { Log } from './log.js'
import { buildOutputs } from './outputs.js'
import type { Report } from './report.js'
import { renderSummary } from './summary.js'

/** Outputs, the verdict and its annotations, and the summary. */
export async function publishReport(report: Report, summary: boolean, log: Log): Promise<void> {
  const { outcome } = report
  await guarded(log, 'set the outputs', () => {
    for (const [name, value] of Object.entries(buildOutputs(report))) {
      core.setOutput(name, log.redact(value))
    }
  })
  const annotations = stepAnnotations(outcome.snapshot)
  if (outcome.result === 'succeeded') log.info(`✅ ${outcome.message}`)
  else if (outcome.result === 'pending') log.info(`⏳ ${outcome.message}`)
  else {
    // The exit code is the verdict. Not core.setFailed: it would add an untitled error of its
    // own, and @github/local-action's stub of it leaves the process's exit code alone.
    process.exitCode = 1
    // The verdict is said once: as the annotation of the step it names (the first failing one,
    // see verdict.ts), titled with that step, or untitled when no step failed.
    if (annotations.length === 0) log.error(outcome.message)
    annotations.forEach((annotation, index) =>
      log.error(
        index === 0 && outcome.failedStep !== undefined ? outcome.message : annotation.message,
        annotation.title
      )
    )
  }
  if (!summary) return
  if (!process.env.GITHUB_STEP_SUMMARY) {
    log.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.')
    return
  }
  // One finished HTML document, added as it is (to an empty buffer: a failed write keeps its own).
  await guarded(log, 'write the job summary', () =>
    core.summary
      .emptyBuffer()
      .addRaw(log.redact(renderSummary(report)))
      .write()
  )
}

async function guarded(log: Log, what: string, action: () => unknown): Promise<void> {
  try {
    await action()
  } catch (error) {
    log.warning(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
