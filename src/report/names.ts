// The one place that names per-step outputs: step-<id>-status, step-<id>-progress.

import type { Step } from '../model/snapshot.js'

/** `Publisher Signoff` → `publisher-signoff`: lower case, runs outside a-z0-9 become one dash. */
export function outputSlug(text: string): string {
  const dashed = text.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  // Each run is one dash by now: at most one at either end.
  const start = dashed.startsWith('-') ? 1 : 0
  const end = dashed.length > start && dashed.endsWith('-') ? dashed.length - 1 : dashed.length
  return dashed.slice(start, end)
}

/**
 * One unique slug per step, in order: its id (its name if it has none); a slug already taken gets
 * -2, -3…; a step whose id and name have no letters or digits is named by its position.
 */
export function stepSlugs(steps: Step[]): string[] {
  const taken = new Set<string>()
  return steps.map((step, index) => {
    const base = outputSlug(step.id === '' ? step.name : step.id) || `${index + 1}`
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
    taken.add(slug)
    return slug
  })
}
