// Where a configure job and the submission it makes stand after some simulated seconds: a pure
// function of the product's scenario, so the simulator needs no timers and the stories can differ
// only in their numbers (the job spanning certification, ending first, or lagging behind it).

import type { PiScenario } from './product-ingestion-scenarios.ts'

export type Target = 'preview' | 'live'
export type Outcome = 'succeeded' | 'failed' | 'cancelled'

export interface Phase {
  started: boolean
  over: boolean
  /** How it ends (or will): only meaningful to a reader once `over`. */
  result: Outcome
  /** Simulated seconds after the job's start at which it ends. */
  endsAt: number
}

export interface Timeline {
  job: Phase
  submission: Phase
}

/**
 * The job and its submission, `elapsed` simulated seconds after the job's start; `cancelledAt`
 * is when a cancel request arrived. Both wait `queued` seconds, then the submission runs for its
 * target's duration; the job runs as long (plus `jobLag`), or `jobRuns` seconds and succeeds.
 */
export function timeline(
  scenario: PiScenario,
  target: Target,
  elapsed: number,
  cancelledAt?: number
): Timeline {
  const { queued } = scenario
  const certified = queued + (target === 'live' ? scenario.live : scenario.preview)
  const jobEnds =
    scenario.jobRuns === 'submission' ? certified + scenario.jobLag : queued + scenario.jobRuns
  const scheduledCancel =
    scenario.ends === 'cancelled' ? queued + (jobEnds - queued) * scenario.cancelAt : Infinity
  const cancelAt = Math.min(scheduledCancel, cancelledAt ?? Infinity)
  // A cancel stops the job and the submission with it; the API refuses one once the job is over.
  const cancelled = cancelAt < jobEnds
  const fails = (target === 'live' ? scenario.liveEnds : scenario.ends) === 'failed'
  const submissionResult: Outcome = cancelled ? 'cancelled' : fails ? 'failed' : 'succeeded'
  const phase = (endsAt: number, result: Outcome): Phase => ({
    started: elapsed >= queued || elapsed >= endsAt,
    over: elapsed >= endsAt,
    result,
    endsAt
  })
  return {
    job: phase(
      cancelled ? cancelAt : jobEnds,
      scenario.jobRuns === 'submission' || cancelled ? submissionResult : 'succeeded'
    ),
    submission: phase(cancelled ? cancelAt : certified, submissionResult)
  }
}

/** Whether every request about the product fails now, `elapsed` seconds after a job's start. */
export function inOutage(scenario: PiScenario, elapsed: number): boolean {
  const { outage } = scenario
  return outage !== undefined && elapsed >= outage.from && elapsed < outage.from + outage.lasts
}
