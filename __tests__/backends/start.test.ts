// The start rules shared by every backend, against scripted look-ups and POST answers: at most one
// publish request a run (two only when the first was not processed or was refused as a conflict),
// if-running's three answers, and the waiting snapshot that no rule passes or fails on.

import { describe, expect, it } from '@jest/globals'
import { cppBackend } from '../../src/backends/cpp/index.js'
import { productIngestionBackend } from '../../src/backends/product-ingestion/index.js'
import { Starter } from '../../src/backends/start.js'
import { aboutThisRun, type Next } from '../../src/backends/start-steps.js'
import type { Outcome } from '../../src/model/outcome.js'
import { waitingSnapshot } from '../../src/backends/start-steps.js'
import {
  type Found,
  type IfRunning,
  type Posted,
  type Running,
  type StartSteps
} from '../../src/backends/start-steps.js'
import { verdict } from '../../src/gate/verdict.js'
import type { FetchResult } from '../../src/model/outcome.js'
import { within } from '../fixtures/budget.js'

const OTHER: Running = { id: 'op-other', label: 'operation op-other (Publish, running)' }
const OURS: Running = { id: 'op-ours', label: 'operation op-ours (Publish, running)' }

/** Steps that answer from scripts, counting the POSTs. */
function scripted(looks: Found[], posts: Posted[], ended: boolean[] = []) {
  let posted = 0
  const steps: StartSteps = {
    kind: 'preview',
    offer: 'contoso/offer',
    look: () =>
      Promise.resolve({ kind: 'ok', value: looks.length > 1 ? looks.shift()! : looks[0] }),
    // After a lost answer: the same script, a publish running being what appeared.
    find: () => {
      const seen = looks.length > 1 ? looks.shift()! : looks[0]
      return Promise.resolve({
        kind: 'ok',
        value: seen.kind === 'running' ? seen.running : undefined
      })
    },
    post: () => {
      posted++
      return Promise.resolve(posts.shift() ?? { kind: 'accepted', id: 'op-ours', label: 'x' })
    },
    ended: () => Promise.resolve({ kind: 'ok', value: ended.shift() ?? true })
  }
  return { steps, posts: () => posted }
}

function starter(steps: StartSteps, ifRunning: IfRunning = 'wait') {
  const lines: string[] = []
  return {
    starter: new Starter(
      steps,
      ifRunning,
      (line) => lines.push(line),
      () => Date.UTC(2026, 0, 1)
    ),
    lines
  }
}

async function step(run: Starter): Promise<FetchResult<Next>> {
  return run.next(within())
}

const NONE: Found = { kind: 'none' }
const RUNNING = (running: Running): Found => ({ kind: 'running', running })

describe('one publish request a run', () => {
  it('posts once when nothing runs, and watches its own', async () => {
    const { steps, posts } = scripted([NONE], [])
    const { starter: run } = starter(steps)
    expect(await step(run)).toEqual({ kind: 'ok', value: { kind: 'own', id: 'op-ours' } })
    expect(posts()).toBe(1)
    expect(run.start).toMatchObject({ started: true })
  })

  it.each<[string, Posted]>([
    ['a reset or 500 (fate unknown)', { kind: 'lost', reason: 'network error ECONNRESET' }],
    ['a 2xx that names nothing', { kind: 'unnamed', status: 202 }]
  ])(
    'never posts again after %s: what appears is this run’s, started true',
    async (_name, answer) => {
      // The list lags: nothing on the first two look-ups after the POST, then the publish.
      const { steps, posts } = scripted([NONE, NONE, NONE, RUNNING(OURS)], [answer])
      const { starter: run } = starter(steps, 'fail')
      expect((await step(run)).kind).toBe('transient')
      expect((await step(run)).kind).toBe('transient')
      expect((await step(run)).kind).toBe('transient')
      expect(await step(run)).toEqual({
        kind: 'ok',
        value: { kind: 'attach', running: OURS }
      })
      expect(posts()).toBe(1)
      expect(run.start).toMatchObject({ started: true, waitedFor: 'op-ours' })
    }
  )

  it('stops with an error, naming when the request was sent, when nothing appears after a lost answer', async () => {
    const { steps, posts } = scripted([NONE], [{ kind: 'lost', reason: 'HTTP 502' }])
    const { starter: run } = starter(steps)
    const results = [await step(run), await step(run), await step(run), await step(run)]
    expect(results.map((each) => each.kind)).toEqual([
      'transient',
      'transient',
      'transient',
      'fatal'
    ])
    const last = results[3]
    expect(last.kind === 'fatal' ? last.message : '').toContain(
      'a request for a publish to preview was sent at 2026-01-01 00:00:00 UTC and its answer was lost'
    )
    expect(posts()).toBe(1)
  })

  it('posts once more after an answer that says it was not processed, after the look-up', async () => {
    const { steps, posts } = scripted(
      [NONE],
      [
        { kind: 'not-processed', reason: 'HTTP 503' },
        { kind: 'accepted', id: 'op-2', label: '' }
      ]
    )
    const { starter: run } = starter(steps)
    expect((await step(run)).kind).toBe('transient')
    expect(await step(run)).toMatchObject({ kind: 'ok', value: { kind: 'own', id: 'op-2' } })
    expect(posts()).toBe(2)
  })

  it('never posts a third time', async () => {
    const refused: Posted = { kind: 'not-processed', reason: 'HTTP 429' }
    const { steps, posts } = scripted([NONE], [refused, refused, refused])
    const { starter: run } = starter(steps)
    expect((await step(run)).kind).toBe('transient')
    expect((await step(run)).kind).toBe('fatal')
    expect(posts()).toBe(2)
  })

  it('attaches to a publish found after a "not processed" answer, whatever if-running says', async () => {
    const { steps, posts } = scripted(
      [NONE, RUNNING(OURS)],
      [{ kind: 'not-processed', reason: 'HTTP 503' }]
    )
    const { starter: run } = starter(steps, 'fail')
    expect((await step(run)).kind).toBe('transient')
    expect(await step(run)).toEqual({ kind: 'ok', value: { kind: 'attach', running: OURS } })
    expect(posts()).toBe(1)
  })

  it('does not post on a look-up that cannot be read', async () => {
    const { steps, posts } = scripted([{ kind: 'blocked', message: 'cannot read one' }], [])
    const { starter: run } = starter(steps)
    expect(await step(run)).toEqual({ kind: 'fatal', message: 'cannot read one' })
    expect(posts()).toBe(0)
  })
})

describe('if-running', () => {
  it('fail: fails at once, nothing posted, naming the publish and the other choices', async () => {
    const { steps, posts } = scripted([RUNNING(OTHER)], [])
    const result = await step(starter(steps, 'fail').starter)
    expect(result.kind).toBe('fatal')
    const message = result.kind === 'fatal' ? result.message : ''
    expect(message).toContain(OTHER.label)
    expect(message).toContain('if-running: wait')
    expect(message).toContain('if-running: attach')
    expect(posts()).toBe(0)
  })

  it('attach: watches the publish in progress, started false', async () => {
    const { steps, posts } = scripted([RUNNING(OTHER)], [])
    const { starter: run } = starter(steps, 'attach')
    expect(await step(run)).toEqual({ kind: 'ok', value: { kind: 'attach', running: OTHER } })
    expect(run.start).toMatchObject({ started: false, waitedFor: 'op-other' })
    expect(posts()).toBe(0)
  })

  it('wait: waits while it runs, then posts once and watches its own', async () => {
    const { steps, posts } = scripted([RUNNING(OTHER), NONE], [], [false, false, true])
    const { starter: run, lines } = starter(steps, 'wait')
    for (let i = 0; i < 3; i++) {
      expect(await step(run)).toEqual({ kind: 'ok', value: { kind: 'waiting', running: OTHER } })
      expect(run.start?.notStarted).toBe(
        `This run's publish was not started: ${OTHER.label} was still in progress.`
      )
    }
    expect(posts()).toBe(0)
    expect(await step(run)).toMatchObject({ kind: 'ok', value: { kind: 'own' } })
    expect(posts()).toBe(1)
    expect(run.start).toMatchObject({ started: true })
    expect(run.start?.notStarted).toBeUndefined()
    expect(lines).toContain(
      'Operation op-other (Publish, running) has ended: starting a publish to preview of this run.'
    )
  })

  it('a conflict told by the POST: the rule applies to the publish found, one more POST once it ended', async () => {
    const { steps, posts } = scripted(
      [NONE, RUNNING(OTHER), NONE],
      [{ kind: 'conflict', detail: 'in progress' }],
      [true]
    )
    const { starter: run } = starter(steps, 'wait')
    expect((await step(run)).kind).toBe('transient')
    expect(await step(run)).toMatchObject({ kind: 'ok', value: { kind: 'waiting' } })
    expect(await step(run)).toMatchObject({ kind: 'ok', value: { kind: 'own' } })
    expect(posts()).toBe(2)
  })

  it('after waiting out the publish it conflicted with, a new one running is another publish, not this run’s', async () => {
    const { steps, posts } = scripted(
      [NONE, RUNNING(OTHER), RUNNING(OURS)],
      [{ kind: 'conflict', detail: 'in progress' }],
      [true]
    )
    const { starter: run } = starter(steps, 'fail')
    expect((await step(run)).kind).toBe('transient')
    // if-running: fail applies to the publish it conflicted with.
    expect((await step(run)).kind).toBe('fatal')
    expect(posts()).toBe(1)
    const waiting = scripted(
      [NONE, RUNNING(OTHER), RUNNING(OURS)],
      [{ kind: 'conflict', detail: 'in progress' }],
      [true]
    )
    const { starter: patient } = starter(waiting.steps, 'wait')
    expect((await step(patient)).kind).toBe('transient')
    expect(await step(patient)).toMatchObject({ kind: 'ok', value: { kind: 'waiting' } })
    // OTHER ended; OURS is a third publish in progress: waited for, never attached as this run's.
    expect(await step(patient)).toMatchObject({
      kind: 'ok',
      value: { kind: 'waiting', running: OURS }
    })
    expect(patient.start?.started).toBe(false)
    expect(waiting.posts()).toBe(1)
  })

  it('a conflict with no publish listed on the next look-ups: that one ended, one more POST', async () => {
    const { steps, posts } = scripted([NONE], [{ kind: 'conflict', detail: 'in progress' }])
    const { starter: run } = starter(steps)
    expect((await step(run)).kind).toBe('transient')
    expect((await step(run)).kind).toBe('transient')
    expect(await step(run)).toMatchObject({ kind: 'ok', value: { kind: 'own' } })
    expect(posts()).toBe(2)
  })

  it('a second conflict is the last word: no third POST, an error', async () => {
    const conflict: Posted = { kind: 'conflict', detail: 'in progress' }
    const { steps, posts } = scripted([NONE], [conflict, conflict])
    const { starter: run } = starter(steps)
    const kinds: string[] = []
    for (let i = 0; i < 5; i++) kinds.push((await step(run)).kind)
    expect(kinds).toEqual(['transient', 'transient', 'transient', 'transient', 'fatal'])
    expect(posts()).toBe(2)
  })

  it('with if-running: wait, a publish in progress after the requests were refused for good is an error at once', async () => {
    const conflict: Posted = { kind: 'conflict', detail: 'in progress' }
    const { steps, posts } = scripted([NONE, NONE, NONE, RUNNING(OTHER)], [conflict, conflict])
    const { starter: run } = starter(steps, 'wait')
    const results = [await step(run), await step(run), await step(run), await step(run)]
    expect(results.map((each) => each.kind)).toEqual([
      'transient',
      'transient',
      'transient',
      'fatal'
    ])
    expect(posts()).toBe(2)
  })

  it('a conflict told by this run’s job: back to the rule, one more POST after the publish ended', async () => {
    const { steps, posts } = scripted([NONE, RUNNING(OTHER), NONE], [], [true])
    const { starter: run } = starter(steps, 'wait')
    expect(await step(run)).toMatchObject({ kind: 'ok', value: { kind: 'own' } })
    run.refusedByJob('job-1', 'An In Progress submission already exists')
    expect(run.start).toMatchObject({ started: false })
    expect(await step(run)).toMatchObject({ kind: 'ok', value: { kind: 'waiting' } })
    expect(await step(run)).toMatchObject({ kind: 'ok', value: { kind: 'own' } })
    expect(posts()).toBe(2)
    // The refused job is still told, as a refusal, beside this run's own publish.
    expect(run.start?.started).toBe(true)
    expect(run.start?.note).toMatch(/^Started a publish to preview of /)
    expect(run.start?.note).toContain(
      'An earlier request of this run was refused: its job job-1 failed because another publish was in progress (An In Progress submission already exists); it published nothing.'
    )
  })
})

describe('the waiting snapshot', () => {
  it.each([
    ['cpp', cppBackend],
    ['product-ingestion', productIngestionBackend]
  ] as const)('passes and fails nothing with %s', (_name, backend) => {
    const shown = waitingSnapshot(OTHER)
    for (const rule of Object.keys(backend.readyRules)) {
      expect(verdict(shown, { kind: 'ready', rule }, backend.readyRules)).toEqual({ kind: 'wait' })
    }
    expect(verdict(shown, { kind: 'completion' }, backend.readyRules)).toEqual({ kind: 'wait' })
  })
})

describe('what a run ends with, when this run’s publish was not started', () => {
  const start = { started: false, note: 'n', notStarted: 'This run’s publish was not started.' }
  const ended = (result: Outcome['result']): Outcome => ({
    result,
    message: 'As the gate says.',
    polls: 1,
    requests: 1
  })

  it.each(['timed-out', 'interrupted'] as const)('says so first when %s', (result) => {
    expect(aboutThisRun(ended(result), start)).toMatchObject({
      result,
      message: 'This run’s publish was not started. As the gate says.'
    })
  })

  it('turns a pending check red: a scheduled check would report on the other publish', () => {
    const checked = aboutThisRun(ended('pending'), start)
    expect(checked.result).toBe('error')
    expect(checked.message).toMatch(/^This run’s publish was not started\. Run this workflow again/)
  })

  it.each([
    ['the publish was started', { ...start, started: true }, 'pending'],
    ['nothing says it was not', { started: false, note: 'n' }, 'pending'],
    ['the result says what happened itself', start, 'error']
  ] as const)('leaves the result as it is when %s', (_name, given, result) => {
    expect(aboutThisRun(ended(result), given)).toEqual(ended(result))
  })
})
