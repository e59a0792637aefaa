// The check run's settings, and what it says apart from the summary: its titles, its conclusion,
// the links and workflow file it may point to, and the warning when GitHub refuses or stalls.

import { MAX_LINK_CHARS } from '../constants.js'
import { formatDuration } from '../duration.js'
import type { Clock } from '../gate/clock.js'
import { describeStatus } from '../model/describe.js'
import type { Result } from '../model/outcome.js'
import type { Snapshot } from '../model/snapshot.js'
import type { Report } from './report.js'

export interface CheckRunSettings {
  name: string
  token: string
  sha: string
  /** `check` mode finds the run earlier scheduled runs left in progress instead of making another. */
  reuse: boolean
  /** The API watched, for the first title: "the CPP API". */
  apiTitle: string
  clock: Clock
  /** The run's own signal: SIGINT and SIGTERM end a call in flight. */
  signal: AbortSignal
  warn: (line: string) => void
  info: (line: string) => void
  /** Octokit's own messages (a deprecation notice from a response header): the debug log. */
  debug: (line: string) => void
  /** Every secret of the run hidden from what is sent to GitHub. */
  redact: (text: string) => string
  /** The fetch @actions/github sends with (through the runner's proxy), which the gate guards. */
  fetch: (url: string, init?: RequestInit) => Promise<Response>
}

export const CONCLUSION: Record<
  Exclude<Result, 'pending'>,
  'success' | 'failure' | 'timed_out' | 'cancelled'
> = {
  succeeded: 'success',
  failed: 'failure',
  blocked: 'failure',
  error: 'failure',
  'timed-out': 'timed_out',
  canceled: 'cancelled',
  interrupted: 'cancelled'
}

/** What an update of the check run sends. */
export interface CheckRunUpdate {
  status: 'in_progress' | 'completed'
  conclusion?: 'success' | 'failure' | 'timed_out' | 'cancelled'
  completed_at?: string
  output: {
    title: string
    summary: string
    annotations?: Array<{
      path: string
      start_line: number
      end_line: number
      annotation_level: 'failure'
      title: string
      message: string
    }>
  }
}

/**
 * "Certification 40%" ("Configure job: running" when the API gives no percentage: a title that
 * said 0% for days would be wrong), or the operation's status when no step runs.
 */
export function progressTitle(snapshot: Snapshot): string {
  const step =
    snapshot.steps.find((each) => each.status === 'running') ??
    snapshot.steps.find((each) => each.status === 'waiting')
  if (!step) return `Operation ${describeStatus(snapshot.status, snapshot.rawStatus)}`
  if (step.status === 'waiting' || step.progress === undefined) {
    return `${step.name}: ${describeStatus(step.status, step.rawStatus)}`
  }
  return `${step.name} ${step.progress}%`
}

export function finalTitle(report: Report): string {
  const { result, failedStep } = report.outcome
  if (failedStep)
    return `${failedStep.name}: ${describeStatus(failedStep.status, failedStep.rawStatus)}`
  return {
    succeeded: 'Passed',
    failed: 'Failed',
    blocked: 'Blocked',
    canceled: 'Canceled',
    'timed-out': 'Timed out',
    error: 'Error',
    interrupted: 'Interrupted',
    pending: 'In progress'
  }[result]
}

/** The URL when it is an https:// page on the server's origin, else empty. */
export function pageUrl(value: unknown, server: string): string {
  if (typeof value !== 'string' || value.length > MAX_LINK_CHARS) return ''
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && url.origin === new URL(server).origin ? url.href : ''
  } catch {
    return ''
  }
}

/** Check-run annotations need a file: the workflow's, when the runner says which it is. */
export function workflowPath(): string {
  const ref = process.env.GITHUB_WORKFLOW_REF ?? ''
  return /^[^/]+\/[^/]+\/(.+?)@/.exec(ref)?.[1] ?? '.github'
}

export function warnFailure(
  settings: CheckRunSettings,
  what: string,
  error: unknown,
  signal: AbortSignal,
  ms: number
): void {
  if (signal.aborted || error === undefined) {
    const stopped = settings.signal.aborted && signal.aborted && !isTimeout(signal.reason)
    settings.warn(
      `Could not ${what} "${settings.name}": ${stopped ? 'the gate was stopped first' : `GitHub did not answer within ${formatDuration(ms)}`}, so it was given up (the gate's own verdict stands).`
    )
    return
  }
  const status = (error as { status?: unknown } | undefined)?.status
  const reason = error instanceof Error ? error.message : JSON.stringify(error)
  settings.warn(
    status === 403 || status === 404
      ? `Could not ${what} "${settings.name}" (HTTP ${String(status)}): the token may not write checks. Add \`permissions: checks: write\` to the job (the gate's own verdict stands). ${reason}`
      : `Could not ${what} "${settings.name}": ${reason} (the gate's own verdict stands).`
  )
}

function isTimeout(reason: unknown): boolean {
  return (
    typeof reason === 'object' &&
    reason !== null &&
    (reason as { name?: unknown }).name === 'TimeoutError'
  )
}
