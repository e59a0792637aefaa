// Every output of the action, computed from the report; all of them together stay under GitHub's
// per-job output limit.

import { OUTPUTS_MAX_BYTES } from '../constants.js'
import { messageText, OUTPUT_FACTS, type ErrorNode, type Snapshot } from '../model/snapshot.js'
import type { Report } from './report.js'
import { stepSlugs } from './names.js'
import { bytes, capSteps, fitByLeavingOutOldest } from './trim.js'

export type Outputs = Record<string, string>

export function buildOutputs(report: Report): Outputs {
  const { outcome } = report
  const snapshot = outcome.snapshot
  const fixed: Outputs = {
    result: outcome.result,
    status: snapshot?.status ?? '',
    'raw-status': snapshot?.rawStatus ?? '',
    'operation-id': report.operationId,
    'submission-type': snapshot?.submissionType ?? '',
    'failed-step': outcome.failedStep ? outcome.failedStep.id || outcome.failedStep.name : '',
    message: outcome.message,
    'preview-links': JSON.stringify(snapshot?.previewLinks ?? []),
    'live-links': JSON.stringify(snapshot?.liveLinks ?? []),
    'elapsed-seconds': String(Math.round(report.elapsedMs / 1000)),
    started: String(report.start?.started === true),
    'waited-for': report.start?.waitedFor ?? '',
    polls: String(outcome.polls),
    requests: String(outcome.requests),
    'check-run-id': report.checkRun ? String(report.checkRun.id) : '',
    'check-run-url': report.checkRun?.url ?? '',
    ...factOutputs(snapshot),
    // Empty when the API has no error tree (CPP), `[]` when it has one without errors.
    errors: snapshot?.errors === undefined ? '' : JSON.stringify(snapshot.errors.map(errorJson))
  }
  if (outcome.snapshot === undefined) return { ...fixed, steps: '[]' }
  const { snapshot: shown } = capSteps(outcome.snapshot)

  const perStep: Outputs = {}
  stepSlugs(shown.steps).forEach((slug, index) => {
    const step = shown.steps[index]
    perStep[`step-${slug}-status`] = step.status
    perStep[`step-${slug}-progress`] = step.progress === undefined ? '' : String(step.progress)
  })
  const overhead = Object.entries({ ...fixed, ...perStep }).reduce(
    (sum, [name, value]) => sum + bytes(name) + bytes(value),
    bytes('steps')
  )
  const fitted = fitByLeavingOutOldest(shown, OUTPUTS_MAX_BYTES - overhead, stepsJson)
  // Unreachable with normalize's caps; the per-step outputs still carry every status then.
  return { ...fixed, steps: fitted.fits ? fitted.text : '[]', ...perStep }
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

function errorJson(node: ErrorNode): ErrorJson {
  return {
    code: node.code,
    message: node.message,
    resourceId: node.resourceId ?? null,
    details: node.details.map(errorJson)
  }
}

/** The `steps` output: one object per step, messages as plain text. */
function stepsJson(snapshot: Snapshot): string {
  return JSON.stringify(
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
