// The demo's default timeout: long enough for the chosen scenario to reach publisher sign-off (or
// stop earlier), or for its go-live to end, at the chosen speed, with room for a slow machine, and
// never under 2 minutes.
import type { StartKind } from '../src/backends/backend.ts'
import { formatDuration } from '../src/duration.ts'
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
  const simulated = step === 'live' ? msToLive(name, speed) : msToSignoff(name, speed)
  const ms = Math.ceil((simulated * MARGIN + SLACK_MS) / 1000) * 1000
  return formatDuration(Math.max(MIN_TIMEOUT_MS, ms))
}
