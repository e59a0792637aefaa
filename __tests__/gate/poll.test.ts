import { describe, expect, it } from '@jest/globals'
import type { FetchResult } from '../../src/model/outcome.js'
import type { Snapshot } from '../../src/model/snapshot.js'
import { lastSeen } from '../../src/model/describe.js'
import { backoff, poll, type PollDeps, type PollSettings } from '../../src/gate/poll.js'
import { snapshot, step } from '../fixtures/report.js'

type Answer = FetchResult<Snapshot>

const running = (progress = 10): Answer => ({
  kind: 'ok',
  value: snapshot('running', [
    step('displaycertify', 'running', { name: 'Certification', progress })
  ])
})
const ok = (value: Snapshot): Answer => ({ kind: 'ok', value })
const transient = (reason = 'HTTP 503', retryAfterMs?: number): Answer => ({
  kind: 'transient',
  reason,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs })
})

/** A virtual clock: sleeping moves it, so hours of polling take milliseconds. */
function harness(answers: Answer[], settings: Partial<PollSettings> = {}) {
  let clock = 0
  const sleeps: number[] = []
  const timeouts: number[] = []
  const retries: Array<[string, number, number]> = []
  const warnings: string[] = []
  const seen: Snapshot[] = []
  const controller = new AbortController()
  const full: PollSettings = {
    waitFor: { kind: 'completion' },
    rules: {},
    deadline: 3_600_000,
    timeoutMs: 3_600_000,
    intervalMs: 60_000,
    maxConsecutiveErrors: 5,
    once: false,
    ...settings
  }
  const deps: PollDeps = {
    fetch: (budget) => {
      timeouts.push(budget.ms)
      const answer = answers.length > 1 ? answers.shift() : answers[0]
      if (answer === undefined) throw new Error('no answer scripted')
      return Promise.resolve(answer)
    },
    clock: {
      now: () => clock,
      wall: () => clock,
      sleep: (ms) => {
        sleeps.push(ms)
        clock += ms
        return Promise.resolve()
      }
    },
    random: () => 0.5,
    signal: controller.signal,
    requests: () => timeouts.length,
    onSnapshot: (value) => seen.push(value),
    onRetry: (reason, failures, delayMs) => retries.push([reason, failures, delayMs]),
    warn: (line) => warnings.push(line)
  }
  return {
    run: () => poll(full, deps),
    deps,
    sleeps,
    timeouts,
    retries,
    warnings,
    seen,
    controller,
    clock: () => clock
  }
}

describe('poll', () => {
  it('passes on the first poll when the operation already succeeded', async () => {
    const h = harness([ok(snapshot('succeeded'))])
    await expect(h.run()).resolves.toMatchObject({ result: 'succeeded', polls: 1 })
    expect(h.sleeps).toEqual([])
  })

  it('polls every interval until the verdict, reporting each snapshot', async () => {
    const h = harness([running(10), running(20), ok(snapshot('succeeded'))])
    const outcome = await h.run()
    expect(outcome).toMatchObject({
      result: 'succeeded',
      polls: 3,
      snapshot: { status: 'succeeded' }
    })
    expect(h.sleeps).toEqual([60_000, 60_000])
    expect(h.seen).toHaveLength(3)
  })

  it('fails at once on a blocked step and names it', async () => {
    const blocked = snapshot('running', [
      step('displaycertify', 'blocked', { name: 'Certification' })
    ])
    const outcome = await harness([running(), ok(blocked)]).run()
    expect(outcome).toMatchObject({
      result: 'blocked',
      failedStep: { id: 'displaycertify' },
      polls: 2
    })
    expect(outcome.message).toBe('Certification is blocked.')
  })

  it('ends with an error when wait-for names a step the operation does not have', async () => {
    const outcome = await harness([running()], { waitFor: { kind: 'step', stepId: 'nope' } }).run()
    expect(outcome).toMatchObject({ result: 'error', polls: 1 })
    expect(outcome.message).toContain('wait-for: the operation has no step "nope"')
  })

  it('in check mode ends as pending after one answer that is still going', async () => {
    const h = harness([running(40), ok(snapshot('succeeded'))], { once: true })
    const outcome = await h.run()
    expect(outcome).toMatchObject({ result: 'pending', polls: 1 })
    expect(outcome.message).toBe(
      'The operation is still going. Last status: running; step Certification running at 40%.'
    )
    expect(h.sleeps).toEqual([])
  })

  it('in check mode still retries a transient failure before deciding', async () => {
    const h = harness([transient('HTTP 503'), ok(snapshot('succeeded'))], { once: true })
    await expect(h.run()).resolves.toMatchObject({ result: 'succeeded', polls: 2 })
  })

  it('passes on the warning of a verdict that has one', async () => {
    const h = harness([ok(snapshot('succeeded'))], { waitFor: { kind: 'step', stepId: 'live' } })
    await expect(h.run()).resolves.toMatchObject({ result: 'succeeded' })
    expect(h.warnings).toEqual(['The operation succeeded, but no response listed the step "live".'])
  })

  it('times out at the deadline, naming the last status and the step in progress', async () => {
    const h = harness([running(40)], { deadline: 150_000, timeoutMs: 150_000 })
    const outcome = await h.run()
    expect(outcome.result).toBe('timed-out')
    expect(outcome.message).toBe(
      'Timed out after 2m30s. Last status: running; step Certification running at 40%.'
    )
    // Polls at 0, 60 s, 120 s, and a last one FINAL_REQUEST_MIN_MS before the deadline, whose
    // request may take only what is left: nothing runs past the deadline.
    expect(h.sleeps).toEqual([60_000, 60_000, 28_000])
    expect(h.timeouts.at(-1)).toBe(2_000)
    expect(outcome.polls).toBe(4)
    expect(h.clock()).toBe(148_000)
  })

  it('gives every request 60 s at most, and never more than is left before the deadline', async () => {
    const h = harness([running()], { deadline: 65_000, timeoutMs: 65_000 })
    await h.run()
    // Polls at 0, 60 s (5 s left) and 63 s (2 s left): the last goes out early enough to be
    // answered by the deadline.
    expect(h.timeouts).toEqual([60_000, 5_000, 2_000])
    expect(h.sleeps).toEqual([60_000, 3_000])
  })

  it('retries transient failures with backoff and resets the count after a good answer', async () => {
    const h = harness([
      transient('a'),
      transient('b'),
      running(),
      transient('c'),
      ok(snapshot('succeeded'))
    ])
    const outcome = await h.run()
    expect(outcome).toMatchObject({ result: 'succeeded', polls: 5 })
    // random() = 0.5 means no jitter: interval × 2^(failures-1).
    expect(h.retries).toEqual([
      ['a', 1, 60_000],
      ['b', 2, 120_000],
      ['c', 1, 60_000]
    ])
  })

  it('honours Retry-After over its own backoff', async () => {
    const h = harness([transient('429', 5_000), ok(snapshot('succeeded'))])
    await h.run()
    expect(h.sleeps).toEqual([5_000])
  })

  it('never waits past the deadline, even when Retry-After asks for longer', async () => {
    const h = harness([transient('429', 86_400_000)], { deadline: 120_000, timeoutMs: 120_000 })
    const outcome = await h.run()
    expect(h.sleeps).toEqual([118_000])
    expect(outcome).toMatchObject({ result: 'timed-out', polls: 2 })
    expect(outcome.message).toBe(
      'Timed out after 2m. No status was received. The last request failed: 429'
    )
  })

  it('ends in error with the polls and requests counted when reading an answer throws', async () => {
    const h = harness([running()])
    let calls = 0
    h.deps.fetch = () => {
      calls++
      return calls === 1
        ? Promise.resolve(running())
        : Promise.reject(new URIError('URI malformed'))
    }
    const outcome = await h.run()
    expect(outcome).toMatchObject({ result: 'error', polls: 2 })
    expect(outcome.message).toBe('The gate could not read the answer: URI malformed')
  })

  it('gives up after max-consecutive-errors transient failures with the last one', async () => {
    const h = harness([transient('one'), transient('two'), transient('three: HTTP 503')], {
      maxConsecutiveErrors: 3
    })
    const outcome = await h.run()
    expect(outcome).toMatchObject({ result: 'error', polls: 3 })
    expect(outcome.message).toBe(
      'Gave up after 3 consecutive failed requests (max-consecutive-errors). The last one: three: HTTP 503'
    )
  })

  it('stops at once on a fatal answer, keeping the last snapshot', async () => {
    const outcome = await harness([running(), { kind: 'fatal', message: 'HTTP 401' }]).run()
    expect(outcome).toMatchObject({
      result: 'error',
      message: 'HTTP 401',
      polls: 2,
      snapshot: { status: 'running' }
    })
  })

  it('keeps polling through unknown statuses until the deadline', async () => {
    const odd = ok(snapshot('unknown', [], { rawStatus: 'Paused' }))
    const outcome = await harness([odd], { deadline: 120_000, timeoutMs: 120_000 }).run()
    expect(outcome).toMatchObject({ result: 'timed-out', polls: 3 })
    expect(outcome.message).toContain('Last status: "Paused".')
  })

  it('stops as interrupted while sleeping when the signal aborts', async () => {
    const h = harness([running(55)])
    h.deps.clock.sleep = (_ms, signal) =>
      new Promise((resolve) => {
        signal.addEventListener('abort', () => resolve(), { once: true })
        h.controller.abort()
      })
    const outcome = await h.run()
    expect(outcome).toMatchObject({ result: 'interrupted', polls: 1 })
    expect(outcome.message).toBe(
      'Interrupted while waiting (the workflow was cancelled or the step timed out). Last status: running; step Certification running at 55%.'
    )
  })

  it('stops as interrupted without waiting for a request in flight', async () => {
    const h = harness([running()])
    h.deps.fetch = () => {
      h.controller.abort()
      return new Promise<Answer>(() => undefined)
    }
    // The request was sent, so it counts.
    await expect(h.run()).resolves.toMatchObject({ result: 'interrupted', polls: 1 })
  })

  it('does not poll at all when already interrupted', async () => {
    const h = harness([running()])
    h.controller.abort()
    await expect(h.run()).resolves.toMatchObject({ result: 'interrupted', polls: 0 })
    expect(h.timeouts).toEqual([])
  })
})

describe('backoff', () => {
  it.each<[number, number, number, number]>([
    [1, 60_000, 0.5, 60_000],
    [2, 60_000, 0.5, 120_000],
    [4, 60_000, 0.5, 480_000],
    [5, 60_000, 0.5, 600_000],
    [9, 60_000, 0.5, 600_000],
    [3, 1_000, 0.5, 4_000],
    [3, 3_600_000, 0.5, 3_600_000],
    [1, 60_000, 0, 45_000],
    [1, 60_000, 1, 75_000]
  ])(
    'after %d failures at a %d ms interval with random %d waits %d ms',
    (failures, interval, random, ms) => {
      expect(backoff(failures, interval, () => random)).toBe(ms)
    }
  )
})

describe('lastSeen', () => {
  it('falls back to a step waiting for review, and to the status alone', () => {
    expect(
      lastSeen(
        snapshot('running', [step('publisher-signoff', 'waiting', { name: 'Publisher signoff' })])
      )
    ).toBe('Last status: running; step Publisher signoff waiting.')
    expect(lastSeen(snapshot('notStarted'))).toBe('Last status: not started.')
  })
})
