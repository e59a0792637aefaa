// The Cloud Partner Portal API backend: offers integrated before the move to Partner Center.

import { describeStatus } from '../../model/describe.js'
import type { Snapshot } from '../../model/snapshot.js'
import { findStep } from '../../gate/verdict.js'
import type { Backend, ReadInput, ReportProblem, CommonSettings, Watch } from '../backend.js'
import { isOperationIdOf, resolveTarget } from './location.js'
import { CppWatcher } from './watcher.js'
import { cppWording, CPP_FRESH_TOKEN_REFUSED } from './wording.js'

const RESOURCE = 'https://cloudpartner.azure.com'

export const cppBackend: Backend = {
  api: 'cpp',
  title: 'the CPP API',
  defaults: { baseUrl: RESOURCE, apiVersion: '2017-10-31' },
  baseUrlPath: false,
  scope: `${RESOURCE}/.default`,
  resource: RESOURCE,
  freshTokenRefused: CPP_FRESH_TOKEN_REFUSED,
  wording: cppWording,
  readyRules: { preview: previewReady },
  offerLabel: (input) => `${input('publisher-id')} / ${input('offer-id')}`,
  readWatch
}

function readWatch(input: ReadInput, problem: ReportProblem, common: CommonSettings): Watch {
  const required = (name: string, expected: string): string => {
    const value = input(name)
    if (value === '') problem(name, value, expected)
    else if (/\p{Cc}/u.test(value)) problem(name, value, `${expected}, without control characters`)
    // "." and ".." would climb out of their path segment, whatever the encoding.
    else if (value === '.' || value === '..') problem(name, value, expected)
    return value
  }
  const publisherId = required('publisher-id', 'the publisher id, e.g. contoso')
  const offerId = required('offer-id', 'the offer id')
  // Checked with stand-ins for missing ids, so that one run reports every problem.
  const operation = input('operation-id')
  const parsed = resolveTarget(common.origin, publisherId, offerId, operation, common.apiVersion)
  if (!parsed.ok) problem('operation-id', operation, parsed.expected)
  const target = parsed.ok ? parsed.target : { kind: 'offer' as const, url: '', operationId: '' }
  const offer = `${publisherId}/${offerId}`
  return {
    description: {
      offer: `the offer status of ${offer}`,
      latest: `the latest operation of ${offer}`,
      operation: `operation ${target.operationId} of ${offer}`
    }[target.kind],
    subject: target.kind === 'offer' ? 'Offer' : 'Operation',
    operationId: target.operationId,
    watcher: (deps) =>
      new CppWatcher(target, deps, (id) => isOperationIdOf(id, publisherId, offerId))
  }
}

/**
 * The preview is ready for go-live when Publisher signoff waits (or has passed), or the operation
 * itself waits for the publisher; an operation that succeeded is past that point too.
 */
function previewReady(snapshot: Snapshot): string | undefined {
  const signoff = findStep(snapshot, 'publishersignoff')
  if (signoff?.status === 'waiting' || signoff?.status === 'succeeded') {
    return `The preview is ready for go-live: ${signoff.name} is ${describeStatus(signoff.status, signoff.rawStatus)}.`
  }
  if (snapshot.status === 'waiting') {
    return `The preview is ready for go-live: the operation is ${describeStatus(snapshot.status, snapshot.rawStatus)}.`
  }
  return snapshot.status === 'succeeded' ? 'The operation succeeded.' : undefined
}
