// The gate's rules as a pure function: given one snapshot and what we wait for, pass, fail or wait.

import { isErrorLevel, messageText, type Snapshot, type Step } from './cpp/snapshot.js'
import { isFailingStepStatus, spellingKey, type Status } from './status.js'

export type WaitFor =
  { kind: 'completion' } | { kind: 'preview' } | { kind: 'step'; stepId: string }

export type FailureResult = 'failed' | 'blocked' | 'canceled'

export type Verdict =
  | { kind: 'pass'; message: string; warning?: string }
  | { kind: 'fail'; result: FailureResult; failedStep?: Step; message: string }
  | { kind: 'wait' }
  /** `wait-for` names a step that the operation does not have. */
  | { kind: 'invalid'; message: string }

const PUBLISHER_SIGNOFF = 'publishersignoff'

export function verdict(snapshot: Snapshot, waitFor: WaitFor): Verdict {
  return failure(snapshot) ?? success(snapshot, waitFor)
}

function failure(snapshot: Snapshot): Verdict | undefined {
  const failedStep = snapshot.steps.find((step) => isFailingStepStatus(step.status))
  const operationFailed = isFailingStepStatus(snapshot.status)
  if (failedStep) {
    return {
      kind: 'fail',
      result: failureResult(failedStep.status),
      failedStep,
      message: `${failedStep.name} ${failurePhrase(failedStep.status)}${reasons(failedStep)}`
    }
  }
  if (operationFailed) {
    return {
      kind: 'fail',
      result: failureResult(snapshot.status),
      message: `The operation ${failurePhrase(snapshot.status)}${reasons(snapshot)}`
    }
  }
  return undefined
}

function success(snapshot: Snapshot, waitFor: WaitFor): Verdict {
  const succeeded = snapshot.status === 'succeeded'
  switch (waitFor.kind) {
    case 'completion':
      return succeeded ? { kind: 'pass', message: 'The operation succeeded.' } : { kind: 'wait' }
    case 'preview': {
      const signoff = findStep(snapshot, PUBLISHER_SIGNOFF)
      if (signoff?.status === 'waiting' || signoff?.status === 'succeeded') {
        return {
          kind: 'pass',
          message: `The preview is ready for go-live: ${signoff.name} is ${describeStatus(signoff.status, signoff.rawStatus)}.`
        }
      }
      if (snapshot.status === 'waiting') {
        return {
          kind: 'pass',
          message: `The preview is ready for go-live: the operation is ${describeStatus(snapshot.status, snapshot.rawStatus)}.`
        }
      }
      return succeeded ? { kind: 'pass', message: 'The operation succeeded.' } : { kind: 'wait' }
    }
    case 'step': {
      const target = findStep(snapshot, spellingKey(waitFor.stepId))
      if (target?.status === 'succeeded') {
        return { kind: 'pass', message: `Step ${target.name} succeeded.` }
      }
      if (succeeded) {
        return {
          kind: 'pass',
          message: 'The operation succeeded.',
          warning: target
            ? `The operation succeeded, but step ${target.name} was reported ${describeStatus(target.status, target.rawStatus)}, not succeeded.`
            : `The operation succeeded, but no response listed the step "${waitFor.stepId}".`
        }
      }
      if (!target && snapshot.steps.length > 0) {
        return {
          kind: 'invalid',
          message: `wait-for: the operation has no step "${waitFor.stepId}". Its steps are: ${snapshot.steps.map(stepLabel).join(', ')}. Use one of these ids, "preview" or "completion".`
        }
      }
      return { kind: 'wait' }
    }
  }
}

/** Steps are matched by id or by name, ignoring case, spaces, dashes and underscores. */
function findStep(snapshot: Snapshot, key: string): Step | undefined {
  return snapshot.steps.find(
    (step) => spellingKey(step.id) === key || spellingKey(step.name) === key
  )
}

/** "failed", "is blocked", "was rejected", "was canceled". */
function failurePhrase(status: Status): string {
  if (status === 'blocked') return 'is blocked'
  if (status === 'failed') return 'failed'
  return `was ${status}`
}

function failureResult(status: Status): FailureResult {
  if (status === 'blocked') return 'blocked'
  if (status === 'canceled') return 'canceled'
  return 'failed'
}

/** `blocked`, or `unknown ("Foo")` for spellings we do not know. */
export function describeStatus(status: Status, rawStatus: string): string {
  if (status === 'unknown') return rawStatus === '' ? 'without a status' : `"${rawStatus}"`
  return status === 'notStarted' ? 'not started' : status
}

function stepLabel(step: Step): string {
  return step.id === '' || step.id === step.name ? step.name : `${step.id} (${step.name})`
}

/** Error-level messages, or all of them when none is an error. */
function reasons(source: Pick<Snapshot, 'messages'>): string {
  const errors = source.messages.filter(isErrorLevel)
  const chosen = errors.length > 0 ? errors : source.messages
  return chosen.length === 0 ? '.' : `: ${chosen.map(messageText).join(' ')}`
}
