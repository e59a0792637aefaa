// Sets up the run's check run with @actions/github, on the commit the workflow is about.

import * as github from '@actions/github'
import { defaults } from '@actions/github/lib/utils'
import type { Backend } from '../backends/backend.js'
import type { Config } from '../config.js'
import type { Clock } from '../gate/clock.js'
import type { Fetch } from '../net/github-fetch.js'
import { CheckRun } from './check-run.js'
import type { Log } from './log.js'

/**
 * The check run, on the pull request's head for pull_request events (GITHUB_SHA is then a merge
 * commit).
 */
export async function openCheckRun(
  config: Config,
  backend: Backend,
  log: Log,
  clock: Clock,
  signal: AbortSignal,
  ms: number
): Promise<CheckRun | undefined> {
  if (!config.checkRun) return undefined
  const { context } = github
  const head: unknown = (context.payload.pull_request as { head?: { sha?: unknown } } | undefined)
    ?.head?.sha
  const sha = config.checkRun.sha || (typeof head === 'string' ? head : context.sha)
  return CheckRun.open(
    github,
    {
      ...config.checkRun,
      sha,
      reuse: config.mode === 'check',
      apiTitle: backend.title,
      clock,
      signal,
      warn: log.warning,
      info: log.info,
      debug: log.debug,
      redact: log.redact,
      // The fetch @actions/github would send with: the runner's proxy applies to it.
      fetch: (defaults.request?.fetch as Fetch | undefined) ?? fetch
    },
    ms
  )
}
