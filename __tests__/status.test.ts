import { describe, expect, it } from '@jest/globals'
import { isFailingStepStatus, normalizeStatus, spellingKey, type Status } from '../src/status.js'

describe('normalizeStatus', () => {
  it.each<[string, Status]>([
    ['notStarted', 'notStarted'],
    ['not started', 'notStarted'],
    ['NotStarted', 'notStarted'],
    ['not_started', 'notStarted'],
    ['NeverPublished', 'notStarted'],
    ['running', 'running'],
    ['Running', 'running'],
    ['InProgress', 'running'],
    ['inProgress', 'running'],
    ['in-progress', 'running'],
    ['waitingForPublisherReview', 'waiting'],
    ['WaitingForPublisherReview', 'waiting'],
    ['WaitingForApproval', 'waiting'],
    ['waiting for review', 'waiting'],
    ['succeeded', 'succeeded'],
    ['Succeeded', 'succeeded'],
    ['success', 'succeeded'],
    ['complete', 'succeeded'],
    ['Complete', 'succeeded'],
    ['completed', 'succeeded'],
    ['published', 'succeeded'],
    ['failed', 'failed'],
    ['Failed', 'failed'],
    ['failure', 'failed'],
    ['blocked', 'blocked'],
    ['Blocked', 'blocked'],
    ['Rejected', 'rejected'],
    ['canceled', 'canceled'],
    ['Canceled', 'canceled'],
    ['cancelled', 'canceled'],
    ['CANCELLED', 'canceled']
  ])('maps the CPP spelling "%s" to %s', (raw, expected) => {
    expect(normalizeStatus(raw)).toBe(expected)
  })

  it.each(['', 'paused', 'unkown', 'toString', 'constructor', '__proto__', 'runningish'])(
    'maps "%s" to unknown',
    (raw) => {
      expect(normalizeStatus(raw)).toBe('unknown')
    }
  )

  it('compares without case, spaces, underscores and dashes', () => {
    expect(spellingKey(' Waiting_For-Publisher Review ')).toBe('waitingforpublisherreview')
  })
})

describe('isFailingStepStatus', () => {
  it.each<[Status, boolean]>([
    ['failed', true],
    ['blocked', true],
    ['rejected', true],
    ['canceled', true],
    ['notStarted', false],
    ['running', false],
    ['waiting', false],
    ['succeeded', false],
    ['unknown', false]
  ])('%s fails the gate: %s', (status, fails) => {
    expect(isFailingStepStatus(status)).toBe(fails)
  })
})
