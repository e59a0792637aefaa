import { describe, expect, it } from '@jest/globals'
import { cppStatus } from '../../../src/backends/cpp/spellings.js'
import type { Status } from '../../../src/model/status.js'

describe('cppStatus: every spelling the CPP API and its documentation use', () => {
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
    expect(cppStatus(raw)).toBe(expected)
  })

  it.each(['', 'paused', 'unkown', 'toString', 'constructor', '__proto__', 'runningish'])(
    'maps "%s" to unknown',
    (raw) => {
      expect(cppStatus(raw)).toBe('unknown')
    }
  )

  it('compares without case, spaces, underscores and dashes', () => {
    expect(cppStatus(' Waiting_For-Publisher Review ')).toBe('waiting')
  })
})
