// What `wait-for: preview`, `live` and `auto` mean for the Product Ingestion API, read from the
// normalized steps: `preview` and `live` carry their submission's durable id as their reference.
// With a job watched, only the job's own submission has a reference (normalize.ts), and nothing
// is ready before the job succeeded.

import type { ReadyRules } from '../../gate/verdict.js'
import { findStep } from '../../gate/verdict.js'
import { describeStatus } from '../../model/describe.js'
import type { Snapshot, Step } from '../../model/snapshot.js'

/**
 * The preview submission is completed/succeeded: ready for go-live. After a go-live one
 * submission stands for both targets, so the wording says whether its go-live is done or going.
 */
function preview(snapshot: Snapshot): string | undefined {
  const found = succeeded(snapshot, 'preview')
  if (found === undefined) {
    // Some lists show the submission only under live once it is live: it was a preview first.
    const isLive = live(snapshot)
    return isLive === undefined
      ? undefined
      : `The preview submission ${findStep(snapshot, 'live')?.reference ?? ''} is live.`
  }
  const liveStep = findStep(snapshot, 'live')
  if (liveStep?.reference !== found.reference) {
    return `The preview is ready for go-live: submission ${found.reference} is completed (succeeded).`
  }
  return liveStep.status === 'succeeded'
    ? `The preview submission ${found.reference} is live.`
    : `The preview submission ${found.reference} is ready; its go-live is ${describeStatus(liveStep.status, liveStep.rawStatus)}.`
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
 * `wait-for: auto`: what was published is done. With a job, the snapshot's status is its
 * submission's once the job succeeded (normalize.ts), so auto holds when that is succeeded; a job
 * that named no submission (a draft-only configure) is done when it succeeded. Without a job, the
 * submissions are done when all is live, or when the preview is ready and no go-live is going.
 */
function auto(snapshot: Snapshot): string | undefined {
  if (findStep(snapshot, 'job') === undefined) {
    // A go-live in progress is what was published last: the preview alone is not done then.
    const liveStep = findStep(snapshot, 'live')
    const goingLive = liveStep?.status === 'running' || liveStep?.status === 'notStarted'
    return (
      live(snapshot) ?? (goingLive && liveStep.rawStatus !== '' ? undefined : preview(snapshot))
    )
  }
  if (snapshot.status !== 'succeeded') return undefined
  return (
    live(snapshot) ??
    preview(snapshot) ??
    'The configure job succeeded; it published no submission (a draft-only configure).'
  )
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
