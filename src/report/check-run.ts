// Keeps the gate's verdict visible on the commit as a check run, after the waiting job has ended:
// created (or, in check mode, found) in progress, updated when the state changes at most once a
// minute, and completed with the verdict. Every call carries a deadline: a Checks API that stalls
// costs a warning, never the gate's own verdict.

import { CHECK_RUN_MAX_BYTES, CHECK_RUN_UPDATE_MS, REQUEST_TIMEOUT_MS } from '../constants.js'
import { lastSeen } from '../model/describe.js'
import type { Snapshot } from '../model/snapshot.js'
import { budget, type HeldBudget } from '../net/budget.js'
import { guardedFetch } from '../net/github-fetch.js'
import { stepAnnotations } from './annotations.js'
import type { CheckRunRef, Report } from './report.js'
import {
  CONCLUSION,
  finalTitle,
  pageUrl,
  progressTitle,
  workflowPath,
  warnFailure,
  type CheckRunSettings,
  type CheckRunUpdate
} from './check-run-text.js'
import { renderSummary } from './summary.js'

type GitHub = typeof import('@actions/github')
type Octokit = ReturnType<GitHub['getOctokit']>

export class CheckRun {
  private readonly octokit: Octokit
  private readonly repo: { owner: string; repo: string }
  private readonly settings: CheckRunSettings
  /** The GitHub server (GITHUB_SERVER_URL), on whose origin a check run's page is. */
  private readonly server: string
  private ref: CheckRunRef | undefined
  private lastTitle = ''
  private lastUpdate = Number.NEGATIVE_INFINITY
  /** Completed by an earlier scheduled run: it is reported, never changed or made again. */
  private closed = false
  /** Updates go out one after another, and a failed one never stops the gate. */
  private queue: Promise<void> = Promise.resolve()
  private broken = false

  private constructor(github: GitHub, settings: CheckRunSettings) {
    // Octokit writes its messages to the console (stderr, where the runner reads commands too)
    // unless it is given a log: they go to the debug log, redacted and inert, or nowhere.
    const log = {
      debug: () => undefined,
      info: () => undefined,
      warn: (text: string) => settings.debug(`GitHub API: ${text}`),
      error: (text: string) => settings.debug(`GitHub API: ${text}`)
    }
    this.octokit = github.getOctokit(settings.token, {
      log,
      request: { fetch: guardedFetch(settings.fetch), log }
    })
    this.repo = github.context.repo
    this.server = github.context.serverUrl
    this.settings = settings
  }

  /**
   * The check run for this commit, or undefined (with a warning saying why) when it cannot be made
   * within `ms`.
   */
  static async open(
    github: GitHub,
    settings: CheckRunSettings,
    ms: number
  ): Promise<CheckRun | undefined> {
    let run: CheckRun | undefined
    const given = budget(settings.signal, ms)
    const { signal } = given
    try {
      run = new CheckRun(github, settings)
      const found = settings.reuse ? await run.findExisting(signal) : undefined
      run.ref = found ? { id: found.id, url: found.url } : await run.create(signal)
      run.closed = found?.completed === true
      settings.info(
        `Check run "${settings.name}" on ${settings.sha.slice(0, 7)}${run.closed ? ` was already completed (${found?.conclusion ?? 'no conclusion'}), so it is left as it is` : ''}: ${run.ref.url}`
      )
      return run
    } catch (error) {
      warnFailure(settings, 'create the check run', error, signal, ms)
      return undefined
    } finally {
      given.release()
    }
  }

  get reference(): CheckRunRef | undefined {
    return this.ref
  }

  /** A new state (title) reaches the check run at most once a minute. */
  progress(snapshot: Snapshot): void {
    if (this.closed) return
    const title = progressTitle(snapshot)
    const now = this.settings.clock.now()
    if (title === this.lastTitle || now - this.lastUpdate < CHECK_RUN_UPDATE_MS) return
    this.lastTitle = title
    this.lastUpdate = now
    this.enqueue(
      'update the check run',
      budget(this.settings.signal, REQUEST_TIMEOUT_MS),
      (signal) =>
        this.update(
          { status: 'in_progress', output: { title, summary: lastSeen(snapshot) } },
          signal
        )
    )
  }

  /**
   * Completes the run with the verdict (a pending check leaves it in progress with the latest
   * state), within `ms` of its own, whatever is still queued: the run's signal may have fired
   * already, and the outputs and the summary are written by then. What does not finish in time is
   * given up with a warning.
   */
  async finish(report: Report, ms: number): Promise<void> {
    if (this.closed) return
    // Its own time: the run's signal may have fired already.
    const given = budget(new AbortController().signal, ms)
    const { result } = report.outcome
    const summary = renderSummary(report, CHECK_RUN_MAX_BYTES)
    const title =
      result === 'pending' && report.outcome.snapshot
        ? progressTitle(report.outcome.snapshot)
        : finalTitle(report)
    if (result === 'pending') {
      this.enqueue('update the check run', given, (signal) =>
        this.update({ status: 'in_progress', output: { title, summary } }, signal)
      )
    } else {
      const path = workflowPath()
      const annotations = stepAnnotations(report.outcome.snapshot).map((annotation) => ({
        path,
        start_line: 1,
        end_line: 1,
        annotation_level: 'failure' as const,
        title: annotation.title,
        message: annotation.message
      }))
      this.enqueue('complete the check run', given, (signal) =>
        this.update(
          {
            status: 'completed',
            conclusion: CONCLUSION[result],
            completed_at: new Date(this.settings.clock.wall()).toISOString(),
            output: { title, summary, annotations }
          },
          signal
        )
      )
    }
    // The queue's calls carry their signals; this bound holds whatever is still in flight.
    const settled = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), Math.max(0, ms))
      void this.queue.then(() => {
        clearTimeout(timer)
        resolve(true)
      })
    })
    if (!settled && !this.broken) {
      this.broken = true
      warnFailure(this.settings, 'complete the check run', undefined, given.signal, ms)
    }
    given.release()
  }

  /**
   * The latest run of this name on the commit: one left in progress is carried on, and one already
   * completed means the schedule outlived the wait, so no second run is made.
   */
  private async findExisting(
    signal: AbortSignal
  ): Promise<(CheckRunRef & { completed: boolean; conclusion?: string }) | undefined> {
    const { data } = await this.octokit.rest.checks.listForRef({
      ...this.repo,
      ref: this.settings.sha,
      check_name: this.settings.name,
      filter: 'latest',
      request: { signal }
    })
    const found = data.check_runs[0]
    if (!found) return undefined
    return {
      ...this.checkRunRef(found),
      completed: found.status === 'completed',
      ...(found.conclusion ? { conclusion: found.conclusion } : {})
    }
  }

  private async create(signal: AbortSignal): Promise<CheckRunRef> {
    const { data } = await this.octokit.rest.checks.create({
      ...this.repo,
      name: this.settings.name,
      head_sha: this.settings.sha,
      status: 'in_progress',
      started_at: new Date(this.settings.clock.wall()).toISOString(),
      output: {
        title: `Waiting for ${this.settings.apiTitle}`,
        summary: 'The publish gate has started.'
      },
      request: { signal }
    })
    return this.checkRunRef(data)
  }

  /**
   * The run's id and page from GitHub's answer, which is read like any answer from the network:
   * an id that is not a positive integer fails the call, and a page that is not an https:// URL
   * on the GitHub server's origin (or is longer than a link may be) is left out.
   */
  private checkRunRef(data: { id: unknown; html_url?: unknown }): CheckRunRef {
    const { id } = data
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
      throw new Error('GitHub answered without a check run id')
    }
    return { id, url: pageUrl(data.html_url, this.server) }
  }

  private async update(fields: CheckRunUpdate, signal: AbortSignal): Promise<void> {
    if (!this.ref) return
    const { redact } = this.settings
    // Every text GitHub is sent: no secret of the run, in any form.
    const { output } = fields
    await this.octokit.rest.checks.update({
      ...this.repo,
      check_run_id: this.ref.id,
      ...fields,
      output: {
        title: redact(output.title),
        summary: redact(output.summary),
        ...(output.annotations === undefined
          ? {}
          : {
              annotations: output.annotations.map((annotation) => ({
                ...annotation,
                title: redact(annotation.title),
                message: redact(annotation.message)
              }))
            })
      },
      request: { signal }
    })
  }

  /** One call after another, each within its budget, released when the call is done. */
  private enqueue(
    what: string,
    given: HeldBudget,
    action: (signal: AbortSignal) => Promise<void>
  ): void {
    this.queue = this.queue.then(async () => {
      if (this.broken) return given.release()
      try {
        // Its time may have run out while an earlier call held the queue.
        given.signal.throwIfAborted()
        await action(given.signal)
      } catch (error) {
        this.fail(what, error, given.signal, given.ms)
      } finally {
        given.release()
      }
    })
  }

  /** A check run that cannot be written is reported once; the gate's own verdict is unaffected. */
  private fail(what: string, error: unknown, signal: AbortSignal, ms: number): void {
    this.broken = true
    warnFailure(this.settings, what, error, signal, ms)
  }
}
