// What `wait-for: preview` and `wait-for: live` mean for the Product Ingestion API, read from the
// normalized steps: `preview` and `live` carry their submission's durable id as their reference.
// With a job watched, nothing is ready before the job succeeded: submissions read earlier may be
// an earlier publish's.

import type { ReadyRules } from '../../gate/verdict.js'
import { findStep } from '../../gate/verdict.js'
import type { Snapshot, Step } from '../../model/snapshot.js'

/**
 * The preview submission is completed/succeeded: ready for go-live (or live already: after a
 * go-live job only the live step is the job's, and it stands for the preview too).
 */
function preview(snapshot: Snapshot): string | undefined {
  const found = succeeded(snapshot, 'preview')
  const liveStep = findStep(snapshot, 'live')
  if (found === undefined) {
    return live(snapshot) === undefined
      ? undefined
      : `The preview submission ${liveStep?.reference ?? ''} is live already.`
  }
  return liveStep?.reference === found.reference
    ? `The preview submission ${found.reference} is live already.`
    : `The preview is ready for go-live: submission ${found.reference} is completed (succeeded).`
}

/**
 * The live submission is completed/succeeded and is the preview's (after a go-live one submission
 * stands for both): a newer preview that is not live yet keeps the gate waiting.
 */
function live(snapshot: Snapshot): string | undefined {
  const found = succeeded(snapshot, 'live')
  if (found === undefined) return undefined
  const newer = findStep(snapshot, 'preview')?.reference
  if (newer !== undefined && newer !== found.reference) return undefined
  return `The offer is live: submission ${found.reference} is completed (succeeded) on live.`
}

/**
 * `wait-for: auto`: what was published is done. A configure job (a preview or a live publish)
 * is done when it succeeded and its submission is (live first: after a go-live the preview stands
 * for both); without a job, the submissions are done when the preview is ready or all is live.
 */
function auto(snapshot: Snapshot): string | undefined {
  const done = live(snapshot) ?? preview(snapshot)
  if (done !== undefined) return done
  return findStep(snapshot, 'job')?.status === 'succeeded'
    ? 'The configure job succeeded.'
    : undefined
}

export const productIngestionReadyRules: ReadyRules = { auto, preview, live }

/** The target's step when its own submission succeeded, and any job watched succeeded too. */
function succeeded(snapshot: Snapshot, target: string): (Step & { reference: string }) | undefined {
  const job = findStep(snapshot, 'job')
  if (job !== undefined && job.status !== 'succeeded') return undefined
  const step = findStep(snapshot, target)
  if (step?.status !== 'succeeded' || step.reference === undefined) return undefined
  return { ...step, reference: step.reference }
}
