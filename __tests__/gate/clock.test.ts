import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { systemClock } from '../../src/gate/clock.js'

const DAY = 86_400_000
/** The longest delay Node's setTimeout honours; longer ones fire after 1 ms. */
const MAX_TIMER = 2 ** 31 - 1

describe('systemClock.sleep', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] })
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  /** Whether the sleep has resolved after the fake clock moved `ms`. */
  async function after(sleeping: Promise<void>, ms: number): Promise<boolean> {
    let done = false
    void sleeping.then(() => (done = true))
    await jest.advanceTimersByTimeAsync(ms)
    return done
  }

  it('waits the whole of a sleep longer than a timer can hold (25 days), not 1 ms', async () => {
    const sleeping = systemClock.sleep(25 * DAY, new AbortController().signal)
    expect(await after(sleeping, 1)).toBe(false)
    expect(await after(sleeping, MAX_TIMER)).toBe(false)
    expect(await after(sleeping, 25 * DAY - MAX_TIMER - 2)).toBe(false)
    expect(await after(sleeping, 1)).toBe(true)
  })

  it('ends at once when the signal aborts', async () => {
    const stop = new AbortController()
    const sleeping = systemClock.sleep(DAY, stop.signal)
    expect(await after(sleeping, 1_000)).toBe(false)
    stop.abort()
    expect(await after(sleeping, 0)).toBe(true)
  })

  it('does not wait at all for a signal already aborted, nor for zero or NaN', async () => {
    const stopped = AbortSignal.abort()
    expect(await after(systemClock.sleep(DAY, stopped), 0)).toBe(true)
    expect(await after(systemClock.sleep(0, new AbortController().signal), 0)).toBe(true)
    expect(await after(systemClock.sleep(Number.NaN, new AbortController().signal), 0)).toBe(true)
  })
})

describe('systemClock time', () => {
  it('gives monotonic time for deadlines and epoch time for timestamps', () => {
    const before = Date.now()
    expect(systemClock.wall()).toBeGreaterThanOrEqual(before)
    const first = systemClock.now()
    expect(systemClock.now()).toBeGreaterThanOrEqual(first)
  })
})
