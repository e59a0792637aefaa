// Composes one run: inputs → config → backend → poll → reporters. The report is written on every
// path (success, failure, timeout, error, signals), and before the check run is completed.

import type { TokenSource } from './net/token-source.js'
import { staticToken } from './net/token-source.js'
import type { Backend, Watcher } from './backends/backend.js'
import { loadBackend } from './backends/registry.js'
import { azureAdToken } from './auth/azure-ad.js'
import { githubIdToken, oidcEndpoint } from './auth/github-oidc.js'
import { bareToken } from './auth/sign-in-inputs.js'
import { readApi, readConfig, type Config } from './config.js'
import { runnerInput, withDefaults } from './inputs.js'
import {
  CHECK_RUN_FINAL_MAX_MS,
  CHECK_RUN_FINAL_MS,
  HOSTED_JOB_LIMIT_MS,
  MAX_MESSAGE_CHARS,
  REQUEST_TIMEOUT_MS
} from './constants.js'
import { formatDuration } from './duration.js'
import { monotonicMs, systemClock, type Clock } from './gate/clock.js'
import { poll } from './gate/poll.js'
import type { Outcome } from './model/outcome.js'
import { aboutThisRun } from './backends/start-steps.js'
import type { Snapshot } from './model/snapshot.js'
import { ApiClient } from './net/api-client.js'
import type { CheckRun } from './report/check-run.js'
import { openCheckRun } from './report/open-check-run.js'
import { ProgressLog } from './report/progress-log.js'
import { Log } from './report/log.js'
import { publishReport } from './report/publish.js'
import { redactReport, Secrets } from './report/redact.js'
import type { Report } from './report/report.js'
import { clip } from './model/describe.js'

export interface RunOptions {
  /** Aborts the wait and every request; index.ts wires SIGINT and SIGTERM to it. */
  signal?: AbortSignal
  /** The one clock of the run: the poll loop, token renewal, the check run and the log use it. */
  clock?: Clock
  /** For the backoff's jitter. */
  random?: () => number
}

export async function run(options: RunOptions = {}): Promise<Outcome> {
  const clock = options.clock ?? systemClock
  const signal = options.signal ?? new AbortController().signal
  const startedAt = clock.now()
  const read = runnerInput
  const log = new Log(new Secrets())
  // Masked, as they are sent, before anything else can print them, and redacted from everything
  // the gate writes; so is every token issued later.
  for (const secret of [bareToken(read('token')), read('client-secret'), read('github-token')]) {
    log.mask(secret)
  }
  // The runner's own request token for ID tokens: hidden from what the gate writes, and not
  // printed in a mask command either (the runner knows it).
  log.secrets.add(process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '')

  let backend: Backend | undefined
  let config: Config | undefined
  let client: ApiClient | undefined
  let watcher: Watcher | undefined
  let checkRun: Promise<CheckRun | undefined> = Promise.resolve(undefined)
  let opened: CheckRun | undefined
  let outcome: Outcome
  try {
    const api = readApi(read)
    backend = await loadBackend(api.api)
    // The first line of the log: which API, and why (api auto told it from the inputs).
    log.info(`Using ${backend.title} (${api.why}).`)
    config = readConfig(read, backend, {
      idTokenAvailable: Boolean(
        process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      ),
      ...(process.env.GITHUB_EVENT_NAME === undefined
        ? {}
        : { event: process.env.GITHUB_EVENT_NAME })
    })
    const deadline = startedAt + config.timeoutMs
    const tokens = tokenSource(config, backend, clock, log)
    client = new ApiClient({
      tokens,
      wording: backend.wording,
      redact: log.redact,
      now: () => clock.wall(),
      debug: log.debug
    })
    watcher = config.watch.watcher({ client, info: log.info, wall: () => clock.wall() })
    // The check run is set up beside the first poll, not before it: a slow Checks API must not
    // eat the wait. Snapshots seen before it is ready reach it once it is.
    let latest: Snapshot | undefined
    if (config.checkRun) {
      checkRun = openCheckRun(
        config,
        backend,
        log,
        clock,
        signal,
        Math.min(REQUEST_TIMEOUT_MS, deadline - clock.now())
      ).then(
        (run) => {
          opened = run
          if (latest !== undefined) run?.progress(latest)
          return run
        },
        (error: unknown) => {
          log.warning(
            `Could not set up the check run: ${error instanceof Error ? error.message : String(error)} (the gate's own verdict stands).`
          )
          return undefined
        }
      )
    }
    outcome = await gate(
      config,
      backend,
      { client, watcher, signedInWith: tokens.description, log },
      {
        deadline,
        clock,
        signal,
        random: options.random ?? Math.random,
        onSnapshot: (snapshot) => {
          latest = snapshot
          opened?.progress(snapshot)
        }
      }
    )
  } catch (error) {
    outcome = {
      result: 'error',
      message: error instanceof Error ? error.message : String(error),
      polls: 0,
      requests: client?.requests ?? 0
    }
  }
  outcome = aboutThisRun(outcome, watcher?.start)
  // One paragraph, not a dump, wherever it is shown; cut after the secrets are hidden, so that no
  // cut can keep part of one.
  outcome = { ...outcome, message: clip(log.redact(outcome.message), MAX_MESSAGE_CHARS) }
  // After a signal or at the deadline only a short budget is left for the check run; after an
  // early verdict its final update may take longer, but never runs far past the deadline.
  const left = startedAt + (config?.timeoutMs ?? 0) - clock.now()
  const finalMs = signal.aborted
    ? CHECK_RUN_FINAL_MS
    : Math.min(CHECK_RUN_FINAL_MAX_MS, Math.max(CHECK_RUN_FINAL_MS, left))
  const stoppedAt = monotonicMs()
  // A check run still being set up (its own budget ends that) may take part of this time, so that
  // check-run-id and check-run-url can be set.
  const run =
    opened ??
    (await within(checkRun, finalMs, () =>
      log.warning(
        `Could not create the check run "${config?.checkRun?.name ?? ''}": GitHub did not answer within ${formatDuration(finalMs)} of the end of the wait, so it was given up (the gate's own verdict stands).`
      )
    ))
  const finished: Report = redactReport(
    {
      offerLabel: backend?.offerLabel(withDefaults(read)) ?? withDefaults(read)('offer-id'),
      operationId: watcher?.operationId ?? '',
      ...(config === undefined ? {} : { subject: config.watch.subject }),
      ...(watcher?.start === undefined ? {} : { start: watcher.start }),
      outcome,
      elapsedMs: clock.now() - startedAt,
      ...(run?.reference ? { checkRun: run.reference } : {})
    },
    log.secrets
  )
  // Outputs and the summary first: whatever the check run does, they are written.
  await publishReport(finished, config?.summary ?? true, log)
  await run?.finish(finished, Math.max(0, finalMs - (monotonicMs() - stoppedAt)))
  return outcome
}

/** The promise's value, or undefined (after `late`) when it takes longer than `ms` of real time. */
function within<T>(promise: Promise<T>, ms: number, late: () => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      late()
      resolve(undefined)
    }, ms)
    void promise.then((value) => {
      clearTimeout(timer)
      resolve(value)
    })
  })
}

/** The token input as given, or Azure AD sign-in. */
function tokenSource(config: Config, backend: Backend, clock: Clock, log: Log): TokenSource {
  if (config.auth.kind === 'static') {
    return staticToken(config.auth.token, backend.resource)
  }
  const endpoint = oidcEndpoint(process.env)
  return azureAdToken(
    config.auth,
    { scope: backend.scope, apiTitle: backend.title, refusedHint: backend.freshTokenRefused },
    {
      now: () => clock.wall(),
      mask: log.mask,
      getIDToken: (audience, budget) => githubIdToken(endpoint, audience, budget),
      info: log.info,
      debug: log.debug,
      redact: log.redact
    }
  )
}

/** What one run polls with. */
interface Watching {
  client: ApiClient
  watcher: Watcher
  /** How the gate signs in, for the first log line. */
  signedInWith: string
  log: Log
}

/** The run's time and stops. */
interface Timing {
  deadline: number
  clock: Clock
  signal: AbortSignal
  random: () => number
  onSnapshot: (snapshot: Snapshot) => void
}

async function gate(
  config: Config,
  backend: Backend,
  { client, watcher, signedInWith, log }: Watching,
  { deadline, clock, signal, random, onSnapshot }: Timing
): Promise<Outcome> {
  const progress = new ProgressLog(
    { info: log.info, warning: log.warning },
    () => clock.now(),
    config.watch.subject,
    backend.title
  )
  const waitFor = {
    completion: 'completion',
    ready:
      config.waitFor.kind === 'ready'
        ? config.waitFor.rule === 'auto'
          ? config.watch.autoMeans
          : config.waitFor.rule
        : '',
    step: config.waitFor.kind === 'step' ? `step ${config.waitFor.stepId}` : ''
  }[config.waitFor.kind]
  log.info(
    `Watching ${config.watch.description} until ${waitFor}; ${config.mode === 'check' ? 'checking once' : `timeout ${formatDuration(config.timeoutMs)}, polling every ${formatDuration(config.pollIntervalMs)}`}; signed in with ${signedInWith}.`
  )
  if (
    process.env.RUNNER_ENVIRONMENT === 'github-hosted' &&
    config.timeoutMs > HOSTED_JOB_LIMIT_MS
  ) {
    log.warning(
      `timeout is ${formatDuration(config.timeoutMs)}, but GitHub-hosted jobs are stopped after 6h: the job will end before the gate does. Use a self-hosted runner, or wait in several runs.`
    )
  }
  return poll(
    {
      waitFor: config.waitFor,
      rules: backend.readyRules,
      deadline,
      timeoutMs: config.timeoutMs,
      intervalMs: config.pollIntervalMs,
      maxConsecutiveErrors: config.maxConsecutiveErrors,
      once: config.mode === 'check',
      strictInterval: backend.strictInterval
    },
    {
      fetch: (budget) => watcher.poll(budget),
      clock,
      random,
      signal,
      requests: () => client.requests,
      onSnapshot: (snapshot) => {
        progress.onSnapshot(snapshot)
        onSnapshot(snapshot)
      },
      onRetry: (retry) => progress.onRetry(retry, config.maxConsecutiveErrors),
      onRecovered: (outageMs) => progress.onRecovered(outageMs),
      warn: log.warning
    }
  )
}
