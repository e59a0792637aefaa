import { describe, expect, it } from '@jest/globals'
import { abortReason, budget } from '../../src/net/budget.js'

describe('budget', () => {
  it('ends when its time is up, and says so', async () => {
    const given = budget(new AbortController().signal, 20)
    await new Promise((resolve) => given.signal.addEventListener('abort', resolve, { once: true }))
    expect(abortReason(given)).toBe('no complete answer within 0s')
  })

  it('ends at once with the run, and says the gate was stopped', () => {
    const run = new AbortController()
    const given = budget(run.signal, 60_000)
    expect(given.signal.aborted).toBe(false)
    run.abort()
    expect(given.signal.aborted).toBe(true)
    expect(abortReason(given)).toBe('the gate was stopped before an answer came')
  })

  it.each([
    [-5, 0],
    [1.7, 1],
    [2 ** 40, 2 ** 31 - 1]
  ])('bounds %d ms to %d, a delay a timer can hold', (ms, expected) => {
    expect(budget(new AbortController().signal, ms).ms).toBe(expected)
  })
})
