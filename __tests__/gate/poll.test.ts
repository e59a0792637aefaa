import { describe, expect, it } from '@jest/globals'
import type { FetchResult } from '../../src/model/outcome.js'
import type { Snapshot } from '../../src/model/snapshot.js'
import { lastSeen } from '../../src/model/describe.js'
import { backoff, poll, type PollDeps, type PollSettings, type Retry } from '../../src/gate/poll.js'
import { snapshot, step } from '../fixtures/report.js'
import { OUTAGE_WARNING_MS } from '../../src/constants.js'
import { formatDuration } from '../../src/duration.js'
import { ProgressLog } from '../../src/report/progress-log.js'

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
  const retried: Retry[] = []
  const recovered: number[] = []
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
    strictInterval: false,
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
    onRetry: (retry) => {
      retried.push(retry)
      retries.push([retry.reason, retry.failures, retry.delayMs])
    },
    onRecovered: (outageMs) => recovered.push(outageMs),
    warn: (line) => warnings.push(line)
  }
  return {
    run: () => poll(full, deps),
    deps,
    sleeps,
    timeouts,
    retries,
    retried,
    recovered,
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

const shapeless = (reason = 'HTTP 200 with a body that is not JSON: <html>'): Answer => ({
  kind: 'transient',
  reason,
  shape: true
})

describe('poll: outages after the first answer', () => {
  it('rides out 35 minutes of 503s with max-consecutive-errors 2, then passes', async () => {
    const h = harness(
      [
        running(),
        ...Array.from({ length: 6 }, () => transient('HTTP 503')),
        ok(snapshot('succeeded'))
      ],
      { maxConsecutiveErrors: 2 }
    )
    const outcome = await h.run()
    expect(outcome).toMatchObject({ result: 'succeeded', polls: 8 })
    // The capped backoff goes on: 1, 2, 4, 8 minutes, then the 10-minute cap.
    expect(h.sleeps).toEqual([60_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000])
    // From the first failed poll (at 1 min) to the answer (at 36 min).
    expect(h.recovered).toEqual([2_100_000])
    expect(outcome.outages).toEqual({
      count: 1,
      totalMs: 2_100_000,
      longestMs: 2_100_000,
      ongoing: false
    })
    expect(h.retried.map((retry) => retry.outageMs)).toEqual([
      0, 60_000, 180_000, 420_000, 900_000, 1_500_000
    ])
    // Not one of them counted toward the limit.
    expect(h.retried.every((retry) => retry.counted === undefined)).toBe(true)
  })

  it('before the first answer still gives up at max-consecutive-errors, whatever failed', async () => {
    const h = harness([transient('ECONNREFUSED'), transient('HTTP 503'), running()], {
      maxConsecutiveErrors: 2
    })
    const outcome = await h.run()
    expect(outcome).toMatchObject({ result: 'error', polls: 2 })
    expect(outcome.message).toBe(
      'Gave up after 2 consecutive failed requests (max-consecutive-errors). The last one: HTTP 503'
    )
    expect(outcome.outages).toBeUndefined()
    expect(h.retried).toEqual([
      { reason: 'ECONNREFUSED', failures: 1, counted: 1, delayMs: 60_000 }
    ])
  })

  it('counts answers that are not the API’s toward the limit after the first answer, an outage between them or not', async () => {
    const h = harness([running(), shapeless('one'), transient('HTTP 503'), shapeless('two')], {
      maxConsecutiveErrors: 2
    })
    const outcome = await h.run()
    expect(outcome).toMatchObject({ result: 'error', polls: 4 })
    expect(outcome.message).toBe(
      "Gave up after 2 answers since the last good one that were not the API's (max-consecutive-errors): a proxy or another server may be answering for it. The last one: two"
    )
    expect(outcome.outages).toEqual({
      count: 1,
      totalMs: 180_000,
      longestMs: 180_000,
      ongoing: true
    })
    expect(h.retried.map((retry) => retry.counted)).toEqual([1, undefined])
  })

  it('starts the count of answers that are not the API’s again after a good answer', async () => {
    const h = harness([running(), shapeless(), running(), shapeless(), ok(snapshot('succeeded'))], {
      maxConsecutiveErrors: 2
    })
    await expect(h.run()).resolves.toMatchObject({ result: 'succeeded', polls: 5 })
  })

  it('sums several outages, and names the longest', async () => {
    const h = harness([
      running(),
      transient(),
      running(),
      transient(),
      transient(),
      ok(snapshot('succeeded'))
    ])
    const outcome = await h.run()
    // 60 s (one backoff of 60 s), then 180 s (60 s and 120 s).
    expect(h.recovered).toEqual([60_000, 180_000])
    expect(outcome.outages).toEqual({
      count: 2,
      totalMs: 240_000,
      longestMs: 180_000,
      ongoing: false
    })
  })

  it('says nothing of outages when every poll was answered', async () => {
    const outcome = await harness([running(), ok(snapshot('succeeded'))]).run()
    expect(outcome.outages).toBeUndefined()
  })

  it('times out during an outage saying how long the API has been unavailable', async () => {
    const h = harness([running(40), transient('HTTP 503: Service Unavailable')], {
      maxConsecutiveErrors: 1
    })
    const outcome = await h.run()
    expect(outcome.result).toBe('timed-out')
    // The outage began with the poll at 1 min; the last poll went out 2 s before the deadline.
    expect(outcome.message).toBe(
      'Timed out after 1h. The API was unavailable for the last 58m58s. Last status: running; step Certification running at 40%. The last request failed: HTTP 503: Service Unavailable'
    )
    expect(outcome.outages).toEqual({
      count: 1,
      totalMs: 3_538_000,
      longestMs: 3_538_000,
      ongoing: true
    })
  })

  it('warns at most once per ten minutes of an outage through the progress log, and says when it is over', async () => {
    const lines: Array<[number, 'info' | 'warning', string]> = []
    const h = harness(
      [
        running(),
        ...Array.from({ length: 40 }, () => transient('HTTP 503')),
        ok(snapshot('succeeded'))
      ],
      { deadline: 24 * 3_600_000, timeoutMs: 24 * 3_600_000, maxConsecutiveErrors: 2 }
    )
    const progress = new ProgressLog(
      {
        info: (text) => lines.push([h.clock(), 'info', text]),
        warning: (text) => lines.push([h.clock(), 'warning', text])
      },
      h.clock,
      'Operation',
      'the CPP API'
    )
    // Jitter at both ends: waits of 7.5 and 12.5 minutes at the cap.
    let flip = 0
    h.deps.random = () => (flip++ % 2 === 0 ? 0 : 0.999_999)
    h.deps.onSnapshot = (value) => progress.onSnapshot(value)
    h.deps.onRetry = (retry) => progress.onRetry(retry, 2)
    h.deps.onRecovered = (ms) => progress.onRecovered(ms)
    const outcome = await h.run()
    expect(outcome.result).toBe('succeeded')
    const outageMs = outcome.outages?.totalMs ?? 0
    expect(outageMs).toBeGreaterThan(6 * 3_600_000)
    const warnings = lines.filter(([, kind]) => kind === 'warning')
    expect(warnings.length).toBeGreaterThan(0)
    expect(warnings.length).toBeLessThanOrEqual(Math.floor(outageMs / OUTAGE_WARNING_MS))
    warnings.slice(1).forEach(([at], i) => {
      expect(at - warnings[i][0]).toBeGreaterThanOrEqual(OUTAGE_WARNING_MS)
    })
    expect(warnings[0][2]).toMatch(
      /^The CPP API has been unavailable for 1\dm[\ds]* \(HTTP 503\); the gate keeps polling until its timeout\. Last status: running; step Certification running at 10%\. Retrying in /
    )
    // Every other retry is an info line.
    expect(
      lines.filter(
        ([, kind, text]) => kind === 'info' && text.startsWith('Request failed: HTTP 503.')
      )
    ).toHaveLength(40 - warnings.length)
    expect(lines.at(-2)?.[2]).toBe(
      `The CPP API answered again: the outage is over after ${formatDuration(outageMs)}.`
    )
  })
})

describe('poll: a strict interval (the API asks for no faster polling)', () => {
  it('declares the timeout on the last answer instead of polling early before the deadline', async () => {
    const h = harness([running(40)], {
      deadline: 150_000,
      timeoutMs: 150_000,
      strictInterval: true
    })
    const outcome = await h.run()
    // Polls at 0, 60 s and 120 s; a full interval more would end past the deadline.
    expect(h.sleeps).toEqual([60_000, 60_000])
    expect(outcome).toMatchObject({ result: 'timed-out', polls: 3 })
    expect(outcome.message).toBe(
      'Timed out after 2m30s. Last status: running; step Certification running at 40%.'
    )
  })

  it('still polls a last time when a full interval ends early enough', async () => {
    const h = harness([running(40)], {
      deadline: 122_000,
      timeoutMs: 122_000,
      strictInterval: true
    })
    await expect(h.run()).resolves.toMatchObject({ result: 'timed-out', polls: 3 })
    expect(h.sleeps).toEqual([60_000, 60_000])
  })

  it('never retries sooner than the interval, whatever the jitter or Retry-After', async () => {
    const h = harness(
      [running(), transient('HTTP 503'), transient('HTTP 429', 5_000), ok(snapshot('succeeded'))],
      { strictInterval: true }
    )
    h.deps.random = () => 0
    await h.run()
    expect(h.sleeps).toEqual([60_000, 60_000, 60_000])
  })

  it('without it, retries with the jitter and Retry-After as they come', async () => {
    const h = harness([
      running(),
      transient('HTTP 503'),
      transient('HTTP 429', 5_000),
      ok(snapshot('succeeded'))
    ])
    h.deps.random = () => 0
    await h.run()
    expect(h.sleeps).toEqual([60_000, 45_000, 5_000])
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
