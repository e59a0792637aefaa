// Where a run's report leaves the process: outputs, the verdict with its annotations, and the job
// summary, each guarded so that one failing cannot stop the others.

import { appendFile } from 'node:fs/promises'
import * as core from '@actions/core'
import { stepAnnotations } from './annotations.js'
import { buildOutputs } from './outputs.js'
import type { Report } from './report.js'
import { renderSummary } from './summary.js'

/**
 * Outputs, the verdict and its annotations, and the summary, each guarded so that one failing
 * cannot stop the others. A failing step's annotation carries the failure (titled with the step),
 * so the verdict is not annotated a second time then.
 */
export async function publishReport(report: Report, summary: boolean): Promise<void> {
  const { outcome } = report
  await guarded('set the outputs', () => {
    for (const [name, value] of Object.entries(buildOutputs(report))) core.setOutput(name, value)
  })
  const annotations = stepAnnotations(outcome.snapshot)
  if (outcome.result === 'succeeded') core.info(`✅ ${outcome.message}`)
  else if (outcome.result === 'pending') core.info(`⏳ ${outcome.message}`)
  else {
    // The exit code is the verdict, so the gate sets it rather than leave it to core.setFailed: a
    // stubbed core (@github/local-action's) records the failure without failing the process.
    process.exitCode = 1
    if (annotations.length === 0) core.setFailed(outcome.message)
    else {
      core.info(`❌ ${outcome.message}`)
      for (const annotation of annotations)
        core.error(annotation.message, { title: annotation.title })
    }
  }
  if (!summary) return
  const summaryFile = process.env.GITHUB_STEP_SUMMARY
  if (!summaryFile) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.')
    return
  }
  // Appended directly rather than through core.summary, which remembers the first file it saw
  // for the life of the process; the rendering is already one finished HTML document.
  await guarded('write the job summary', () => appendFile(summaryFile, renderSummary(report)))
}

async function guarded(what: string, action: () => unknown): Promise<void> {
  try {
    await action()
  } catch (error) {
    core.warning(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
