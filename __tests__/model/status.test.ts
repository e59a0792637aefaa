import { describe, expect, it } from '@jest/globals'
import {
  isFailingStepStatus,
  isFinished,
  spellingKey,
  statusFrom,
  type Status
} from '../../src/model/status.js'

describe('statusFrom', () => {
  const table: Record<string, Status> = { inprogress: 'running', done: 'succeeded' }

  it.each([
    ['InProgress', 'running'],
    ['in progress', 'running'],
    ['in_progress', 'running'],
    [' In-Progress ', 'running'],
    ['DONE', 'succeeded']
  ])('finds %j whatever its case, spaces, dashes and underscores', (raw, expected) => {
    expect(statusFrom(table, raw)).toBe(expected)
  })

  it.each(['', 'paused', 'constructor', '__proto__', 'toString'])(
    'answers unknown for %j, a spelling not in the table',
    (raw) => {
      expect(statusFrom(table, raw)).toBe('unknown')
    }
  )
})

describe('spellingKey', () => {
  it('lower-cases and drops spaces, dashes and underscores', () => {
    expect(spellingKey(' Publisher-Sign_off \t')).toBe('publishersignoff')
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

describe('isFinished', () => {
  it.each<[Status, boolean]>([
    ['succeeded', true],
    ['failed', true],
    ['rejected', true],
    ['canceled', true],
    ['blocked', false],
    ['notStarted', false],
    ['running', false],
    ['waiting', false],
    ['unknown', false]
  ])('%s: nothing more happens after it: %s', (status, finished) => {
    expect(isFinished(status)).toBe(finished)
  })
})
