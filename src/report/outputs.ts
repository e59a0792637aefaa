// Every output of the action, computed from the report; all of them together stay under GitHub's
// per-job output limit: the lists that do not fit (links, the error tree) share what the others
// leave, then the steps take the rest, each cut to whole items, so that every output stays valid
// JSON.

import { OUTPUTS_MAX_BYTES } from '../constants.js'
import { messageText, OUTPUT_FACTS, type ErrorNode, type Snapshot } from '../model/snapshot.js'
import type { Report } from './report.js'
import { stepSlugs } from './names.js'
import { bytes, capSteps, fitByLeavingOutOldest } from './trim.js'

export type Outputs = Record<string, string>

export function buildOutputs(report: Report): Outputs {
  const { outcome } = report
  const snapshot = outcome.snapshot
  const shown = snapshot === undefined ? undefined : capSteps(snapshot).snapshot
  const lists: Record<ListOutput, Shrinkable> = {
    'preview-links': linksOutput(snapshot?.previewLinks ?? []),
    'live-links': linksOutput(snapshot?.liveLinks ?? []),
    // Empty when the API has no error tree (CPP), `[]` when it has one without errors.
    errors:
      snapshot?.errors === undefined ? { whole: '', fit: () => '' } : errorsOutput(snapshot.errors),
    steps: shown === undefined ? { whole: '[]', fit: () => '[]' } : stepsOutput(shown)
  }
  const fixed: Outputs = {
    result: outcome.result,
    status: snapshot?.status ?? '',
    'raw-status': snapshot?.rawStatus ?? '',
    'operation-id': report.operationId,
    'submission-type': snapshot?.submissionType ?? '',
    'failed-step': outcome.failedStep ? outcome.failedStep.id || outcome.failedStep.name : '',
    message: outcome.message,
    'elapsed-seconds': String(Math.round(report.elapsedMs / 1000)),
    started: String(report.start?.started === true),
    'waited-for': report.start?.waitedFor ?? '',
    polls: String(outcome.polls),
    requests: String(outcome.requests),
    'check-run-id': report.checkRun ? String(report.checkRun.id) : '',
    'check-run-url': report.checkRun?.url ?? '',
    ...factOutputs(snapshot)
  }
  const perStep: Outputs = {}
  if (shown !== undefined) {
    stepSlugs(shown.steps).forEach((slug, index) => {
      const step = shown.steps[index]
      perStep[`step-${slug}-status`] = step.status
      perStep[`step-${slug}-progress`] = step.progress === undefined ? '' : String(step.progress)
    })
  }
  // A lone surrogate would be written as U+FFFD anyway: replaced first, it is counted as written.
  const plain = Object.fromEntries(
    Object.entries({ ...fixed, ...perStep }).map(([name, value]) => [name, value.toWellFormed()])
  )
  const room =
    OUTPUTS_MAX_BYTES -
    Object.entries(plain).reduce((sum, [name, value]) => sum + bytes(name) + bytes(value), 0) -
    Object.keys(lists).reduce((sum, name) => sum + bytes(name), 0)
  // The steps' messages repeat what the error tree and the message say: they take what is left.
  const { steps, ...first } = lists
  const fitted = share(first, room)
  const used = Object.values<string>(fitted).reduce((sum, value) => sum + bytes(value), 0)
  const stepsValue = bytes(steps.whole) <= room - used ? steps.whole : steps.fit(room - used)
  const { message, ...rest } = plain
  return {
    ...pick(rest, Object.keys(fixed)),
    message,
    'preview-links': fitted['preview-links'],
    'live-links': fitted['live-links'],
    errors: fitted.errors,
    steps: stepsValue,
    ...pick(rest, Object.keys(perStep))
  }
}

type ListOutput = 'preview-links' | 'live-links' | 'errors' | 'steps'

/** An output that may be cut: its value whole, and the longest that fits in `max` bytes. */
interface Shrinkable {
  whole: string
  fit: (max: number) => string
}

/**
 * Each list whole when all fit in `room` bytes; otherwise the smallest are kept whole while each
 * is within an equal share of what is left, and the others are cut to their share.
 */
function share<K extends string>(lists: Record<K, Shrinkable>, room: number): Record<K, string> {
  const names = (Object.keys(lists) as K[]).sort(
    (a, b) => bytes(lists[a].whole) - bytes(lists[b].whole)
  )
  const out = {} as Record<K, string>
  let left = Math.max(0, room)
  names.forEach((name, i) => {
    const each = Math.floor(left / (names.length - i))
    const { whole, fit } = lists[name]
    out[name] = bytes(whole) <= each ? whole : fit(each)
    left -= bytes(out[name])
  })
  return out
}

function pick(outputs: Outputs, names: string[]): Outputs {
  return Object.fromEntries(
    names.filter((name) => name in outputs).map((name) => [name, outputs[name]])
  )
}

/** JSON of values whose strings are well-formed: a lone surrogate is U+FFFD, not a 6-byte escape. */
function json(value: unknown): string {
  return JSON.stringify(value, (_key, each: unknown) =>
    typeof each === 'string' ? each.toWellFormed() : each
  )
}

/** The longest `render(k)` within `max` bytes, for k from `count` down to 0 (found by bisection). */
function longest(count: number, max: number, render: (k: number) => string): string {
  let low = 0
  let high = count
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (bytes(render(middle)) <= max) low = middle
    else high = middle - 1
  }
  return render(low)
}

/** A list of links: the first ones that fit. */
function linksOutput(links: readonly string[]): Shrinkable {
  const render = (k: number): string => json(links.slice(0, k))
  return { whole: render(links.length), fit: (max) => longest(links.length, max, render) }
}

/** The error tree: the errors nearest the top that fit (every kept error's parent is kept). */
function errorsOutput(errors: readonly ErrorNode[]): Shrinkable {
  // Breadth first: keeping the first k of this order keeps a tree.
  const order: ErrorNode[] = [...errors]
  for (let i = 0; i < order.length; i++) order.push(...order[i].details)
  const render = (k: number): string => {
    const kept = new Set(order.slice(0, k))
    const tree = (nodes: readonly ErrorNode[]): ErrorJson[] =>
      nodes.filter((node) => kept.has(node)).map((node) => errorJson(node, tree(node.details)))
    return json(tree(errors))
  }
  return { whole: render(order.length), fit: (max) => longest(order.length, max, render) }
}

/** The steps: with as few of the oldest messages left out as fit, or none at all. */
function stepsOutput(snapshot: Snapshot): Shrinkable {
  return {
    whole: stepsJson(snapshot),
    fit: (max) => {
      const fitted = fitByLeavingOutOldest(snapshot, max, stepsJson)
      // The per-step outputs still carry every status then.
      return fitted.fits ? fitted.text : '[]'
    }
  }
}

/** Facts named like an output set it (see OUTPUT_FACTS); each is empty when the API gave none. */
function factOutputs(snapshot: Snapshot | undefined): Outputs {
  return Object.fromEntries(
    OUTPUT_FACTS.map((name) => [
      name,
      snapshot?.facts?.find((fact) => fact.name === name)?.value ?? ''
    ])
  )
}

/** An error node with every field present, as the `steps` output writes absent ones: null. */
interface ErrorJson {
  code: string
  message: string
  resourceId: string | null
  details: ErrorJson[]
}

function errorJson(node: ErrorNode, details: ErrorJson[]): ErrorJson {
  return { code: node.code, message: node.message, resourceId: node.resourceId ?? null, details }
}

/** The `steps` output: one object per step, messages as plain text. */
function stepsJson(snapshot: Snapshot): string {
  return json(
    snapshot.steps.map((step) => ({
      id: step.id,
      name: step.name,
      status: step.status,
      rawStatus: step.rawStatus,
      progress: step.progress ?? null,
      estimatedTimeFrame: step.estimatedTimeFrame ?? null,
      ...(step.reference === undefined ? {} : { reference: step.reference }),
      messages: step.messages.map((message) => ({
        level: message.level,
        text: messageText(message),
        timestamp: message.timestamp ?? null
      }))
    }))
  )
}
