// Orchestrates one run: inputs → config → poll → report. The report is written on every path:
// success, failure, timeout, error and signals.

import * as core from '@actions/core'
import { staticToken } from './auth/token-source.js'
import { HOSTED_JOB_LIMIT_MS, MAX_MESSAGE_CHARS } from './constants.js'
import { bareToken, readConfig, type Config } from './config.js'
import { CppClient, type FetchResult } from './cpp/client.js'
import { findLatest } from './cpp/latest.js'
import type { CheckRun } from './github/check-run.js'
import { loadHtmlParser } from './cpp/html-text.js'
import { needsHtmlParser, normalize, UnexpectedBodyError } from './cpp/normalize.js'
import type { Snapshot } from './cpp/snapshot.js'
import { formatDuration } from './duration.js'
import { poll, type Outcome } from './poll.js'
import { ProgressLog } from './report/progress-log.js'
import { publishReport } from './report/publish.js'
import type { Report } from './report/report.js'
import { clip } from './report/trim.js'

export interface RunOptions {
  /** Aborts the wait; index.ts wires SIGINT and SIGTERM to it. */
  signal?: AbortSignal
  /** Monotonic milliseconds. */
  now?: () => number
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

export async function run(options: RunOptions = {}): Promise<Outcome> {
  const now = options.now ?? (() => performance.now())
  const startedAt = now()
  // Masked, as they are sent, before anything else can print them.
  for (const secret of [
    bareToken(core.getInput('token')),
    core.getInput('client-secret'),
    core.getInput('github-token')
  ]) {
    if (secret !== '') core.setSecret(secret)
  }

  let config: Config | undefined
  let watched: Watched | undefined
  let checkRun: CheckRun | undefined
  let outcome: Outcome
  try {
    config = readConfig((name) => core.getInput(name), {
      idTokenAvailable: Boolean(
        process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      )
    })
    watched = {
      url: config.target.kind === 'latest' ? '' : config.target.url,
      operationId: config.target.operationId
    }
    checkRun = config.checkRun && (await openCheckRun(config))
    const onSnapshot = checkRun ? (snapshot: Snapshot) => checkRun?.progress(snapshot) : undefined
    outcome = await gate(config, watched, startedAt, now, options, onSnapshot)
  } catch (error) {
    outcome = {
      result: 'error',
      message: error instanceof Error ? error.message : String(error),
      polls: 0
    }
  }
  // One paragraph, not a dump, wherever it is shown.
  outcome = { ...outcome, message: clip(outcome.message, MAX_MESSAGE_CHARS) }
  const finished: Report = {
    publisherId: config?.publisherId ?? core.getInput('publisher-id'),
    offerId: config?.offerId ?? core.getInput('offer-id'),
    operationId: watched?.operationId ?? '',
    outcome,
    elapsedMs: now() - startedAt,
    ...(checkRun?.reference ? { checkRun: checkRun.reference } : {})
  }
  await checkRun?.finish(finished)
  await publishReport(finished, config?.summary ?? true)
  return outcome
}

/** The operation being watched; `latest` fills it in on the first poll. */
interface Watched {
  url: string
  operationId: string
}

async function gate(
  config: Config,
  watched: Watched,
  startedAt: number,
  now: () => number,
  options: RunOptions,
  onSnapshot: ((snapshot: Snapshot) => void) | undefined
): Promise<Outcome> {
  // Azure AD sign-in is loaded only when used, like the check run: plain runs start faster.
  const tokens =
    config.auth.kind === 'static'
      ? staticToken(config.auth.token)
      : (await import('./auth/azure-ad.js')).azureAdToken(config.auth, {
          now: Date.now,
          mask: core.setSecret,
          getIDToken: (audience) => core.getIDToken(audience),
          info: core.info,
          debug: core.debug
        })
  const client = new CppClient({ tokens, debug: core.debug })
  const log = new ProgressLog(
    { info: core.info, warning: core.warning },
    now,
    config.target.kind === 'offer' ? 'Offer' : 'Operation'
  )
  const watching = {
    offer: 'the offer status',
    latest: 'the latest operation',
    operation: `operation ${config.target.operationId}`
  }[config.target.kind]
  const waitFor =
    config.waitFor.kind === 'step' ? `step ${config.waitFor.stepId}` : config.waitFor.kind
  core.info(
    `Watching ${watching} of ${config.publisherId}/${config.offerId} until ${waitFor}; ${config.mode === 'check' ? 'checking once' : `timeout ${formatDuration(config.timeoutMs)}, polling every ${formatDuration(config.pollIntervalMs)}`}; signed in with ${tokens.description}.`
  )
  if (
    process.env.RUNNER_ENVIRONMENT === 'github-hosted' &&
    config.timeoutMs > HOSTED_JOB_LIMIT_MS
  ) {
    core.warning(
      `timeout is ${formatDuration(config.timeoutMs)}, but GitHub-hosted jobs are stopped after 6h: the job will end before the gate does. Use a self-hosted runner, or wait in several runs.`
    )
  }
  return poll(
    {
      waitFor: config.waitFor,
      deadline: startedAt + config.timeoutMs,
      timeoutMs: config.timeoutMs,
      intervalMs: config.pollIntervalMs,
      maxConsecutiveErrors: config.maxConsecutiveErrors,
      once: config.mode === 'check'
    },
    {
      fetch: async (timeoutMs) => {
        if (watched.url === '') {
          // operation-id: latest, found on the first poll; its failures are retried like any poll's.
          const found = await findLatest(
            (url, ms) => client.getJson(url, ms),
            config.target.url,
            timeoutMs
          )
          if (found.kind !== 'ok') return found
          watched.url = found.value.url
          watched.operationId = found.value.id
          core.info(`Watching operation ${found.value.id}: ${found.value.why}.`)
        }
        return await toSnapshot(await client.getJson(watched.url, timeoutMs))
      },
      sleep: options.sleep ?? sleep,
      now,
      random: Math.random,
      signal: options.signal ?? new AbortController().signal,
      onSnapshot: (snapshot) => {
        log.onSnapshot(snapshot)
        onSnapshot?.(snapshot)
      },
      onRetry: (reason, failures, delayMs) =>
        log.onRetry(reason, failures, config.maxConsecutiveErrors, delayMs),
      warn: core.warning
    }
  )
}

/**
 * The check run, with @actions/github loaded only now: plain runs do not pay for it. The commit is
 * the pull request's head for pull_request events (GITHUB_SHA is then a merge commit).
 */
async function openCheckRun(config: Config): Promise<CheckRun | undefined> {
  if (!config.checkRun) return undefined
  const [github, { CheckRun }] = await Promise.all([
    import('@actions/github'),
    import('./github/check-run.js')
  ])
  const { context } = github
  const head: unknown = (context.payload.pull_request as { head?: { sha?: unknown } } | undefined)
    ?.head?.sha
  const sha = config.checkRun.sha || (typeof head === 'string' ? head : context.sha)
  return CheckRun.open(github, {
    ...config.checkRun,
    sha,
    reuse: config.mode === 'check',
    now: Date.now,
    warn: core.warning,
    info: core.info
  })
}

async function toSnapshot(fetched: FetchResult<unknown>): Promise<FetchResult<Snapshot>> {
  if (fetched.kind !== 'ok') return fetched
  if (needsHtmlParser(fetched.value)) await loadHtmlParser()
  try {
    return { kind: 'ok', value: normalize(fetched.value) }
  } catch (error) {
    if (!(error instanceof UnexpectedBodyError)) throw error
    return { kind: 'transient', reason: `the API answered with ${error.message}` }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
  })
}
