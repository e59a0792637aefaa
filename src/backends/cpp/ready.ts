// What `wait-for: preview` and `wait-for: auto` mean for the CPP API: the preview is ready for
// go-live when Publisher signoff waits; a go-live is done when it completes.

import { findStep } from '../../gate/verdict.js'
import { describeStatus } from '../../model/describe.js'
import type { Snapshot } from '../../model/snapshot.js'

/**
 * `wait-for: auto`: a go-live is done when it completes; anything else (a publish, the offer
 * status) when the preview is ready for go-live, or the operation completed. A publish never
 * completes on its own: it waits at Publisher signoff until someone goes live.
 */
export function auto(snapshot: Snapshot): string | undefined {
  if (isGoLive(snapshot.submissionType)) {
    return snapshot.status === 'succeeded' ? 'The go-live succeeded: the offer is live.' : undefined
  }
  return previewReady(snapshot)
}

export function isGoLive(submissionType: string | undefined): boolean {
  return /^go-?live$/i.test(submissionType ?? '')
}

/**
 * The preview is ready for go-live when Publisher signoff waits (or has passed), or the operation
 * itself waits for the publisher; an operation that succeeded is past that point too.
 */
export function previewReady(snapshot: Snapshot): string | undefined {
  const signoff = findStep(snapshot, 'publishersignoff')
  if (signoff?.status === 'waiting' || signoff?.status === 'succeeded') {
    return `The preview is ready for go-live: ${signoff.name} is ${describeStatus(signoff.status, signoff.rawStatus)}.`
  }
  if (snapshot.status === 'waiting') {
    return `The preview is ready for go-live: the operation is ${describeStatus(snapshot.status, snapshot.rawStatus)}.`
  }
  return snapshot.status === 'succeeded' ? 'The operation succeeded.' : undefined
}
