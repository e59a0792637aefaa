// Keeps the summary and the outputs under GitHub's size limits by leaving out the oldest messages.

import { MAX_STEPS } from '../constants.js'
import type { Message, Snapshot } from '../model/snapshot.js'

/** Every message of the snapshot, oldest first (undated ones count as oldest; ties keep API order). */
function oldestFirst(snapshot: Snapshot): Message[] {
  const all = [snapshot.messages, ...snapshot.steps.map((step) => step.messages)].flat()
  return all
    .map((message, index) => ({ message, index, time: time(message) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.message)
}

/** The snapshot with at most MAX_STEPS steps, and how many were left out. */
export function capSteps(snapshot: Snapshot): { snapshot: Snapshot; hiddenSteps: number } {
  const hiddenSteps = Math.max(0, snapshot.steps.length - MAX_STEPS)
  return {
    snapshot:
      hiddenSteps === 0 ? snapshot : { ...snapshot, steps: snapshot.steps.slice(0, MAX_STEPS) },
    hiddenSteps
  }
}

/** The newest message of a list, or undefined when it is empty. */
export function latest(messages: Message[]): Message | undefined {
  let newest: Message | undefined
  for (const message of messages) {
    if (newest === undefined || time(message) >= time(newest)) newest = message
  }
  return newest
}

export function withoutOldest(
  snapshot: Snapshot,
  count: number,
  order: Message[] = oldestFirst(snapshot)
): Snapshot {
  if (count <= 0) return snapshot
  const dropped = new Set(order.slice(0, count))
  const keep = (messages: Message[]): Message[] =>
    messages.filter((message) => !dropped.has(message))
  return {
    ...snapshot,
    messages: keep(snapshot.messages),
    steps: snapshot.steps.map((step) => ({ ...step, messages: keep(step.messages) }))
  }
}

/**
 * Renders with as few messages left out as makes the result fit in `maxBytes` (found by bisection,
 * so a flood of messages costs a few renders, not one per message). Returns the rendering that
 * leaves out every message when even that does not fit; the caller decides what to do then.
 */
export function fitByLeavingOutOldest(
  snapshot: Snapshot,
  maxBytes: number,
  render: (snapshot: Snapshot, leftOut: number) => string
): { text: string; leftOut: number; fits: boolean } {
  const full = render(snapshot, 0)
  if (bytes(full) <= maxBytes) return { text: full, leftOut: 0, fits: true }
  // Only a rendering that does not fit needs the messages in age order.
  const order = oldestFirst(snapshot)
  const attempt = (leftOut: number): string =>
    render(withoutOldest(snapshot, leftOut, order), leftOut)
  const total = order.length
  const none = attempt(total)
  if (bytes(none) > maxBytes) return { text: none, leftOut: total, fits: false }
  let low = 1
  let high = total
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (bytes(attempt(middle)) <= maxBytes) high = middle
    else low = middle + 1
  }
  return { text: attempt(high), leftOut: high, fits: true }
}

export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function time(message: Message): number {
  const parsed = message.timestamp === undefined ? Number.NaN : Date.parse(message.timestamp)
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed
}
