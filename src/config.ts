// Inputs become one validated Config here; no code below reads an input. The shared inputs are
// read here and the API's own by its backend. Every problem is reported together, before any
// request.

import { isHeaderSafe, readSignIn, type SignIn } from './auth/sign-in-inputs.js'
import type { Backend, ReadInput, StartKind, Watch } from './backends/backend.js'
import { APIS, apiSigns, AUTO_DEFAULT, isApi, type Api } from './backends/registry.js'
import { MIN_POLL_INTERVAL_MS } from './constants.js'
import { formatDuration, parseDuration } from './duration.js'
import { hasControlCharacter } from './text.js'
import { checkLabel, INPUT_DEFAULTS, withDefaults } from './inputs.js'
import { isLoopback, readBase } from './net/base-url.js'
import { IF_RUNNING, type IfRunning } from './backends/start-steps.js'
import type { WaitFor } from './gate/verdict.js'

export interface Config {
  /** The backend's `api` name. */
  api: string
  /** `start`: what this run publishes before it watches; undefined to watch only. */
  start?: StartKind
  /** What to watch, as the backend read it from its inputs. */
  watch: Watch
  auth: SignIn
  waitFor: WaitFor
  timeoutMs: number
  pollIntervalMs: number
  maxConsecutiveErrors: number
  summary: boolean
  /** `check`: poll once and report; `wait`: poll until a verdict. */
  mode: 'wait' | 'check'
  /** The check run to keep on the commit; empty: none. */
  checkRun: { name: string; token: string; sha: string } | undefined
}

export class InputError extends Error {
  readonly problems: string[]

  constructor(problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `Invalid inputs:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`
    )
    this.problems = problems
  }
}

const API_VERSION = /^\d{4}-\d{2}-\d{2}(-[a-z0-9]+)?$/i

export interface ReadOptions {
  /** Whether the job may ask GitHub for an OIDC token (it has `permissions: id-token: write`). */
  idTokenAvailable?: boolean
  /** The event that started the workflow (GITHUB_EVENT_NAME): `start` is refused on a schedule. */
  event?: string
}

/** The API a run uses, and why: for the first log line. */
export interface ApiChoice {
  api: Api
  why: string
}

/**
 * The `api` input. `auto` tells the API from the inputs only one API takes (a publisher-id, a CPP
 * operation address: the CPP API), else the Product Ingestion API; inputs of both are an input
 * error. An unknown api is an input error that lists the APIs there are.
 */
export function readApi(read: ReadInput): ApiChoice {
  const input = withDefaults(read)
  const value = input('api')
  const api = value.toLowerCase()
  if (api !== 'auto') {
    if (!isApi(api)) {
      throw new InputError([
        `api is "${value.length > 100 ? `${value.slice(0, 99)}…` : value}": expected auto, ${APIS.join(' or ')}.`
      ])
    }
    return { api, why: `api: ${api}` }
  }
  const found = apiSigns(input)
  if (found.length > 1) {
    const said = found.map(
      ({ api, signs }) => `${signs.join(' and ')} (only api ${api} takes that)`
    )
    throw new InputError([
      `api is auto, but the inputs fit no one API: ${said.join(', while ')}. Set api to ${found.map((one) => one.api).join(' or ')}, the API the offer is published with, and give only its inputs.`
    ])
  }
  const [one] = found
  return one === undefined
    ? { api: AUTO_DEFAULT.api, why: `api auto: ${AUTO_DEFAULT.why}` }
    : { api: one.api, why: `api auto: ${one.signs.join(' and ')}` }
}

export function readConfig(read: ReadInput, backend: Backend, options: ReadOptions = {}): Config {
  const input = withDefaults(read)
  const problems: string[] = []
  const problem = (name: string, value: string, expected: string): void => {
    const shown = value.length > 100 ? `${value.slice(0, 99)}…` : value
    problems.push(`${name} ${value === '' ? 'is empty' : `is "${shown}"`}: expected ${expected}.`)
  }

  const auth = readSignIn(
    input,
    problem,
    problems,
    backend.resource,
    options.idTokenAvailable ?? false
  )

  const duration = (name: string, minimumMs: number): number => {
    const value = input(name)
    const parsed = parseDuration(value)
    if (!parsed.ok) problem(name, value, parsed.expected)
    else if (parsed.ms < minimumMs) problem(name, value, `at least ${formatDuration(minimumMs)}`)
    return parsed.ok ? parsed.ms : 0
  }
  const timeoutMs = duration('timeout', 1)
  const pollIntervalMs = duration('poll-interval', MIN_POLL_INTERVAL_MS)

  const errorsText = input('max-consecutive-errors')
  const maxConsecutiveErrors = Number(errorsText)
  if (!/^\d+$/.test(errorsText) || maxConsecutiveErrors < 1) {
    problem('max-consecutive-errors', errorsText, 'a whole number of at least 1')
  }

  const apiVersion = read('api-version') || backend.defaults.apiVersion
  if (!API_VERSION.test(apiVersion)) {
    problem('api-version', apiVersion, `a date such as ${backend.defaults.apiVersion}`)
  }

  const baseUrl = read('base-url') || backend.defaults.baseUrl
  const base = readBase(baseUrl, backend.defaults.baseUrl, backend.baseUrlPath, (expected) =>
    problem('base-url', baseUrl, expected)
  )
  const authorityHost = readBase(
    input('authority-host'),
    INPUT_DEFAULTS['authority-host'],
    false,
    (expected) => problem('authority-host', input('authority-host'), expected)
  )?.origin

  const summaryText = input('summary')
  const summaryWord = summaryText.toLowerCase()
  const summary = summaryWord !== 'false'
  if (summaryWord !== 'true' && summaryWord !== 'false') {
    problem('summary', summaryText, 'true or false')
  }

  const waitFor = readWaitFor(input('wait-for'), backend)
  checkLabel(
    input('wait-for'),
    'wait-for',
    `completion, ${Object.keys(backend.readyRules).join(', ')} or a step id`,
    problem
  )
  const checkRun = readCheckRun(input, problem)
  const modeText = input('mode').toLowerCase()
  if (modeText !== 'wait' && modeText !== 'check') {
    problem(
      'mode',
      input('mode'),
      'wait (poll until a verdict) or check (poll once, for scheduled workflows)'
    )
  }

  const started = readStart(input, options.event, problem)
  const start = started?.kind

  // The backend's own inputs are checked even when shared ones are wrong, so that one run reports
  // them all: against base-url's default when base-url itself is wrong.
  const checked = base ?? {
    origin: new URL(backend.defaults.baseUrl).origin,
    url: backend.defaults.baseUrl
  }
  const watch = backend.readWatch(input, problem, {
    origin: checked.origin,
    baseUrl: checked.url,
    loopback: isLoopback(new URL(checked.origin).hostname),
    apiVersion: API_VERSION.test(apiVersion) ? apiVersion : backend.defaults.apiVersion,
    pollIntervalMs,
    waitFor,
    ...(started === undefined ? {} : { start: started.kind, ifRunning: started.ifRunning })
  })

  if (problems.length > 0) throw new InputError(problems)
  return {
    api: backend.api,
    watch,
    ...(start === undefined ? {} : { start }),
    auth:
      auth.kind === 'static'
        ? auth
        : { ...auth, authorityHost: authorityHost ?? INPUT_DEFAULTS['authority-host'] },
    waitFor,
    timeoutMs,
    pollIntervalMs,
    maxConsecutiveErrors,
    mode: modeText === 'check' ? 'check' : 'wait',
    checkRun,
    summary
  }
}

function readCheckRun(
  input: ReadInput,
  problem: (name: string, value: string, expected: string) => void
): Config['checkRun'] {
  const name = input('check-name')
  if (name === '') return undefined
  checkLabel(name, 'check-name', 'the name of a check run', problem)
  const token = input('github-token')
  const sha = input('sha')
  if (token === '')
    problem(
      'github-token',
      '',
      'a token that may write checks (the default, ${{ github.token }}, with permissions: checks: write)'
    )
  else if (/\s/.test(token) || hasControlCharacter(token) || !isHeaderSafe(token)) {
    // Never quoted: the value is a secret.
    problem(
      'github-token',
      '',
      'a GitHub token: it has white space, control characters or characters beyond Latin-1, which an HTTP header cannot carry'
    )
  }
  if (sha !== '' && !/^[0-9a-f]{40}$/i.test(sha))
    problem('sha', sha, 'a full 40-character commit SHA')
  return { name, token, sha }
}

/**
 * `start`: empty (watch only), `preview` or `live`. It cannot go with an operation-id (what to
 * watch is what it starts) nor with mode check (a scheduled check must never publish).
 */
function readStart(
  input: ReadInput,
  event: string | undefined,
  problem: (name: string, value: string, expected: string) => void
): { kind: StartKind; ifRunning: IfRunning } | undefined {
  const value = input('start')
  const ifRunningText = input('if-running')
  const ifRunning = ifRunningText === '' ? 'wait' : ifRunningText.toLowerCase()
  if (!isIfRunning(ifRunning)) {
    problem(
      'if-running',
      ifRunningText,
      'wait (the default: wait for the publish in progress, then publish), attach (report on the publish in progress instead) or fail'
    )
  }
  if (value === '') {
    if (ifRunningText !== '') {
      problem('if-running', ifRunningText, 'empty without start (it says what start does)')
    }
    return undefined
  }
  const start = value.toLowerCase()
  if (start !== 'preview' && start !== 'live') {
    problem('start', value, 'empty (watch only), preview (publish to preview) or live (go live)')
    return undefined
  }
  if (input('operation-id') !== '') {
    problem(
      'operation-id',
      input('operation-id'),
      `empty with start: ${start} (the gate watches the operation it starts)`
    )
  }
  if (event === 'schedule') {
    problem(
      'start',
      value,
      'empty in a scheduled run (a schedule would publish again at every tick once the last publish ended): publish in a workflow run on a tag or by hand, and check on the schedule'
    )
  }
  return { kind: start, ifRunning: isIfRunning(ifRunning) ? ifRunning : 'wait' }
}

function isIfRunning(value: string): value is IfRunning {
  return (IF_RUNNING as readonly string[]).includes(value)
}

/** `completion`, one of the backend's named conditions (any case), or a step id. */
function readWaitFor(value: string, backend: Backend): WaitFor {
  if (value.toLowerCase() === 'completion') return { kind: 'completion' }
  const rule = Object.keys(backend.readyRules).find(
    (name) => name.toLowerCase() === value.toLowerCase()
  )
  return rule === undefined ? { kind: 'step', stepId: value } : { kind: 'ready', rule }
}
