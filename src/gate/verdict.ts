// The gate's rules as a pure function: given one snapshot and what we wait for, pass, fail or wait.
// What "ready" means (the preview ready for go-live…) is the backend's, passed in as named rules.

import {
  describeStatus,
  failureQuote,
  quoteText,
  stepFailureQuote,
  stepLabel,
  type Quote
} from '../model/describe.js'
import type { Snapshot, Step } from '../model/snapshot.js'
import { isFailingStepStatus, spellingKey } from '../model/status.js'

export type WaitFor =
  | { kind: 'completion' }
  /** One of the backend's named conditions, e.g. `preview`. */
  | { kind: 'ready'; rule: string }
  | { kind: 'step'; stepId: string }

/** A named condition: the pass message once it holds, undefined while it does not. */
export type ReadyRule = (snapshot: Snapshot) => string | undefined
export type ReadyRules = Readonly<Record<string, ReadyRule>>

export type FailureResult = 'failed' | 'blocked' | 'canceled'

export type Verdict =
  | { kind: 'pass'; message: string; warning?: string }
  /** `message` is `quote` as plain text. */
  | { kind: 'fail'; result: FailureResult; failedStep?: Step; message: string; quote: Quote }
  | { kind: 'wait' }
  /** `wait-for` names a step that the operation does not have. */
  | { kind: 'invalid'; message: string }

export function verdict(snapshot: Snapshot, waitFor: WaitFor, rules: ReadyRules): Verdict {
  return failure(snapshot) ?? success(snapshot, waitFor, rules)
}

/**
 * The first failing step (in the order listed) names the failure; the result is `blocked` for a
 * blocked step, `canceled` for a canceled operation or step, `failed` otherwise.
 */
function failure(snapshot: Snapshot): Verdict | undefined {
  const failedStep = snapshot.steps.find((step) => isFailingStepStatus(step.status))
  if (!failedStep && !isFailingStepStatus(snapshot.status)) return undefined
  const result: FailureResult =
    failedStep?.status === 'blocked' || (!failedStep && snapshot.status === 'blocked')
      ? 'blocked'
      : failedStep?.status === 'canceled' || snapshot.status === 'canceled'
        ? 'canceled'
        : 'failed'
  if (failedStep) {
    const quote = stepFailureQuote(failedStep)
    return { kind: 'fail', result, failedStep, message: quoteText(quote), quote }
  }
  const quote = failureQuote('The operation', snapshot.status, snapshot.messages)
  return { kind: 'fail', result, message: quoteText(quote), quote }
}

function success(snapshot: Snapshot, waitFor: WaitFor, rules: ReadyRules): Verdict {
  const succeeded = snapshot.status === 'succeeded'
  switch (waitFor.kind) {
    case 'completion':
      return succeeded ? { kind: 'pass', message: 'The operation succeeded.' } : { kind: 'wait' }
    case 'ready': {
      const message = Object.hasOwn(rules, waitFor.rule) ? rules[waitFor.rule](snapshot) : undefined
      return message === undefined ? { kind: 'wait' } : { kind: 'pass', message }
    }
    case 'step': {
      const target = findStep(snapshot, spellingKey(waitFor.stepId))
      // A step id the operation does not list is a mistake in wait-for, even once it succeeded.
      if (!target && snapshot.steps.length > 0) {
        const named = [...Object.keys(rules), 'completion'].map((name) => `"${name}"`)
        const last = named.pop() ?? ''
        return {
          kind: 'invalid',
          message: `wait-for: the operation has no step "${waitFor.stepId}". Its steps are: ${snapshot.steps.map(stepLabel).join(', ')}. Use one of these ids, ${named.length === 0 ? last : `${named.join(', ')} or ${last}`}.`
        }
      }
      if (target?.status === 'succeeded') {
        return { kind: 'pass', message: `Step ${target.name} succeeded.` }
      }
      if (!succeeded) return { kind: 'wait' }
      return {
        kind: 'pass',
        message: 'The operation succeeded.',
        warning: target
          ? `The operation succeeded, but step ${target.name} was reported ${describeStatus(target.status, target.rawStatus)}, not succeeded.`
          : `The operation succeeded, but no response listed the step "${waitFor.stepId}".`
      }
    }
  }
}

/** Steps are matched by id or by name, ignoring case, spaces, dashes and underscores. */
export function findStep(snapshot: Snapshot, key: string): Step | undefined {
  return snapshot.steps.find(
    (step) => spellingKey(step.id) === key || spellingKey(step.name) === key
  )
}
