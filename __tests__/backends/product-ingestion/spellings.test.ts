import { describe, expect, it } from '@jest/globals'
import { stateOf } from '../../../src/backends/product-ingestion/spellings.js'
import type { Status } from '../../../src/model/status.js'

describe('Product Ingestion spellings: jobStatus/jobResult and status/result', () => {
  it.each<[string, string, Status, string]>([
    // The samples' camelCase.
    ['notStarted', 'pending', 'notStarted', 'notStarted/pending'],
    ['running', 'pending', 'running', 'running/pending'],
    ['completed', 'succeeded', 'succeeded', 'completed/succeeded'],
    ['completed', 'failed', 'failed', 'completed/failed'],
    ['completed', 'cancelled', 'canceled', 'completed/cancelled'],
    ['completed', 'canceled', 'canceled', 'completed/canceled'],
    // The private-offer tables' PascalCase, and other cases and separators.
    ['NotStarted', 'Pending', 'notStarted', 'NotStarted/Pending'],
    ['Running', 'Pending', 'running', 'Running/Pending'],
    ['Completed', 'Succeeded', 'succeeded', 'Completed/Succeeded'],
    ['Completed', 'Failed', 'failed', 'Completed/Failed'],
    ['COMPLETED', 'CANCELLED', 'canceled', 'COMPLETED/CANCELLED'],
    ['not started', 'pending', 'notStarted', 'not started/pending'],
    ['not_started', '', 'notStarted', 'not_started'],
    // `Running` listed as a result means the result is not in yet.
    ['running', 'Running', 'running', 'running/Running'],
    ['completed', 'Running', 'running', 'completed/Running'],
    // Completed without a result yet: still going.
    ['completed', 'pending', 'running', 'completed/pending'],
    ['completed', '', 'running', 'completed'],
    // No progress at all: the result decides.
    ['', 'succeeded', 'succeeded', 'succeeded'],
    ['', 'failed', 'failed', 'failed'],
    ['', 'pending', 'running', 'pending']
  ])('reads %j / %j as %s (raw %j)', (progress, result, status, rawStatus) => {
    expect(stateOf(progress, result)).toEqual({ status, rawStatus })
  })

  it.each<[string, string, string]>([
    ['paused', 'pending', 'paused'],
    ['completed', 'partiallySucceeded', 'partiallySucceeded'],
    ['running', 'unkown', 'unkown'],
    ['', '', '']
  ])(
    'keeps %j / %j as unknown, with the unknown value alone as its raw status',
    (progress, result, raw) => {
      expect(stateOf(progress, result)).toEqual({ status: 'unknown', rawStatus: raw })
    }
  )
})
