// Where a run's report leaves the process: outputs, the verdict with its annotations, and the job
// summary, each guarded so that one failing cannot stop the others. Every byte is redacted here
// (after the report's text was), and the log lines go through the Log's guard.

import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'
import { stepAnnotations } from './annotations.js'
import type { Log } from './log.js'
import { buildOutputs } from './outputs.js'
import type { Report } from './report.js'
import { renderSummary } from './summary.js'
import { setOutputCommand } from './workflow-commands.js'

/** Outputs, the verdict and its annotations, and the summary. */
export async function publishReport(report: Report, summary: boolean, log: Log): Promise<void> {
  const { outcome } = report
  await guarded(log, 'set the outputs', () =>
    setOutputs(
      Object.entries(buildOutputs(report)).map(([name, value]) => [name, log.redact(value)])
    )
  )
  const annotations = stepAnnotations(outcome.snapshot)
  if (outcome.result === 'succeeded') log.info(`✅ ${outcome.message}`)
  else if (outcome.result === 'pending') log.info(`⏳ ${outcome.message}`)
  else {
    // The exit code is the verdict, set here: there is no core.setFailed to leave it to.
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
  const summaryFile = process.env.GITHUB_STEP_SUMMARY
  if (!summaryFile) {
    log.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.')
    return
  }
  // Appended directly rather than through core.summary, which remembers the first file it saw
  // for the life of the process; the rendering is already one finished HTML document.
  await guarded(log, 'write the job summary', () =>
    appendFileSync(summaryFile, log.redact(renderSummary(report)))
  )
}

/**
 * Every output in one write to $GITHUB_OUTPUT, each in the form core.setOutput writes (a heredoc
 * with a random delimiter): all or none of them reach the runner, at the cost of one write rather
 * than one per output. Without the file, the older command, as core falls back to it.
 */
function setOutputs(outputs: Array<[string, string]>): void {
  const file = process.env.GITHUB_OUTPUT
  if (!file) {
    for (const [name, value] of outputs) setOutputCommand(name, value)
    return
  }
  const text = outputs.map(([name, value]) => {
    const delimiter = `ghadelimiter_${randomUUID()}`
    if (name.includes(delimiter) || value.includes(delimiter)) {
      throw new Error(`the output ${name} holds its own delimiter`)
    }
    return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`
  })
  appendFileSync(file, text.join(''), 'utf8')
}

async function guarded(log: Log, what: string, action: () => unknown): Promise<void> {
  try {
    await action()
  } catch (error) {
    log.warning(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
