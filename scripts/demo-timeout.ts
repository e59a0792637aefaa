// The demo's default timeout: long enough for the chosen scenario to reach publisher sign-off (or
// stop earlier), or for its go-live to end (on Product Ingestion: for its job and submission to
// end), at the chosen speed, with room for a slow machine, and never under 2 minutes.
import type { StartKind } from '../src/backends/backend.ts'
import { formatDuration } from '../src/duration.ts'
import { piScenario, type PiScenarioName } from '../simulator/product-ingestion-scenarios.ts'
import { scenario, type ScenarioName } from '../simulator/scenarios.ts'

/** The shortest default: what the demo always had, enough for every scenario at 1000x but slow. */
const MIN_TIMEOUT_MS = 2 * 60_000
/** Room on top of the simulated time: starting the bundle, the polls, a loaded machine. */
const MARGIN = 1.5
const SLACK_MS = 30_000

/** Real milliseconds until the scenario's publish reaches publisher sign-off at this speed. */
export function msToSignoff(name: ScenarioName, speed: number): number {
  const [validation, certification, provisioning, packaging] = scenario(name).durations
  return ((validation + certification + provisioning + packaging) / speed) * 1000
}

/** Real milliseconds a go-live of the scenario's offer takes at this speed. */
export function msToLive(name: ScenarioName, speed: number): number {
  return (scenario(name).durations[4] / speed) * 1000
}

/**
 * The timeout input the demo gives the gate when --timeout is not given, e.g. "3m48s": for a
 * publish to preview (the default), or for a go-live (`live`), which starts at sign-off.
 */
export function demoTimeout(
  name: ScenarioName,
  speed: number,
  step: StartKind = 'preview'
): string {
  return withRoom(step === 'live' ? msToLive(name, speed) : msToSignoff(name, speed))
}

/**
 * Real milliseconds until a Product Ingestion scenario's publish (or go-live) is over at this
 * speed: its job and its submission both, whichever ends last.
 */
export function piMsToEnd(
  name: PiScenarioName,
  speed: number,
  step: StartKind = 'preview'
): number {
  const s = piScenario(name)
  const submission = step === 'live' ? s.live : s.preview
  const job = s.jobRuns === 'submission' ? submission + s.jobLag : s.jobRuns
  return ((s.queued + Math.max(submission, job)) / speed) * 1000
}

/** The timeout input the demo gives the gate on the Product Ingestion simulator. */
export function piDemoTimeout(
  name: PiScenarioName,
  speed: number,
  step: StartKind = 'preview'
): string {
  return withRoom(piMsToEnd(name, speed, step))
}

function withRoom(simulatedMs: number): string {
  const ms = Math.ceil((simulatedMs * MARGIN + SLACK_MS) / 1000) * 1000
  return formatDuration(Math.max(MIN_TIMEOUT_MS, ms))
}
