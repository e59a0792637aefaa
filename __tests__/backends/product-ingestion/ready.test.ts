// The verdict rules with api: product-ingestion, on normalized snapshots built from raw bodies:
// wait-for completion, preview, live, and the step ids job, preview and live.

import { describe, expect, it } from '@jest/globals'
import { productIngestionBackend } from '../../../src/backends/product-ingestion/index.js'
import { snapshotOf } from '../../../src/backends/product-ingestion/normalize.js'
import {
  parseJob,
  parseSubmissions,
  type Published
} from '../../../src/backends/product-ingestion/parse.js'
import { readConfig } from '../../../src/config.js'
import { verdict, type Verdict, type WaitFor } from '../../../src/gate/verdict.js'
import type { Snapshot } from '../../../src/model/snapshot.js'
import type { Status } from '../../../src/model/status.js'
import { snapshot, step } from '../../fixtures/report.js'
import {
  certificationTree,
  PRODUCT,
  rawJob,
  rawSubmission,
  SUBMISSION_1,
  SUBMISSION_2
} from '../../fixtures/product-ingestion.js'

type Pair = [string, string]
/** A submission's status and result, and its id when it is not the default one. */
type Side = Pair | [string, string, string]

/**
 * A snapshot from a job's status/result (none: no job) and the preview's and live's; with a job,
 * what it published (as its detail names it), or that it published nothing (draft-only).
 */
function shown(
  job: Pair | undefined,
  preview: Side | undefined,
  live: Side | undefined,
  errors: unknown[] = [],
  published: Published | 'draft-only' | undefined = undefined
): Snapshot {
  const submissions = parseSubmissions([
    ...(preview
      ? [rawSubmission('preview', preview[2] ?? SUBMISSION_2, preview[0], preview[1])]
      : []),
    ...(live ? [rawSubmission('live', live[2] ?? SUBMISSION_1, live[0], live[1])] : [])
  ])
  return snapshotOf({
    productId: PRODUCT,
    submissions,
    ...(job ? { job: parseJob(rawJob(job[0], job[1], { errors })) } : {}),
    ...(published === 'draft-only'
      ? { draftOnly: true }
      : published === undefined
        ? {}
        : { published })
  })
}

/** The job published SUBMISSION_2 to preview; or took it live. */
const TO_PREVIEW: Published = { id: SUBMISSION_2, target: 'preview' }
const TO_LIVE: Published = { id: SUBMISSION_2, target: 'live' }

/** wait-for as config reads it for this backend. */
function waitFor(value: string): WaitFor {
  return readConfig(
    (name) =>
      ({ api: 'product-ingestion', 'offer-id': 'contoso-saas', token: 't', 'wait-for': value })[
        name
      ] ?? '',
    productIngestionBackend
  ).waitFor
}

function decide(snapshot: Snapshot, value: string): Verdict {
  return verdict(snapshot, waitFor(value), productIngestionBackend.readyRules)
}

const RUNNING: Pair = ['running', 'pending']
const SUCCEEDED: Pair = ['completed', 'succeeded']
const FAILED: Pair = ['completed', 'failed']
const CANCELLED: Pair = ['completed', 'cancelled']
/** The preview that went live: the same submission on both targets. */
const SAME: Side = ['completed', 'succeeded', SUBMISSION_2]

describe('wait-for is read for this backend', () => {
  it.each([
    ['completion', { kind: 'completion' }],
    ['preview', { kind: 'ready', rule: 'preview' }],
    ['Live', { kind: 'ready', rule: 'live' }],
    ['job', { kind: 'step', stepId: 'job' }]
  ])('reads %j', (value, expected) => {
    expect(waitFor(value)).toEqual(expected)
  })
})

describe('wait-for: completion with a job', () => {
  it('passes when the job succeeded and so did the submission it published', () => {
    expect(decide(shown(SUCCEEDED, SUCCEEDED, SUCCEEDED, [], TO_PREVIEW), 'completion')).toEqual({
      kind: 'pass',
      message: 'The operation succeeded.'
    })
  })

  it('passes when the job succeeded and published nothing (a draft-only configure)', () => {
    expect(
      decide(shown(SUCCEEDED, FAILED, SUCCEEDED, [], 'draft-only'), 'completion')
    ).toMatchObject({ kind: 'pass' })
  })

  it('keeps waiting when the job succeeded but its submission is not known yet', () => {
    expect(decide(shown(SUCCEEDED, SUCCEEDED, SUCCEEDED), 'completion')).toEqual({ kind: 'wait' })
  })

  it.each([
    ['failed', FAILED, 'failed', 'Configure job failed.'],
    ['cancelled', CANCELLED, 'canceled', 'Configure job was canceled.'],
    ['canceled', ['Completed', 'Canceled'] as Pair, 'canceled', 'Configure job was canceled.']
  ])('fails when the job is completed/%s', (_name, job, result, message) => {
    expect(decide(shown(job, RUNNING, SUCCEEDED), 'completion')).toMatchObject({
      kind: 'fail',
      result,
      failedStep: { id: 'job' },
      message
    })
  })

  it('fails on a certification failure with the innermost message', () => {
    expect(
      decide(shown(FAILED, FAILED, SUCCEEDED, certificationTree()), 'completion')
    ).toMatchObject({
      kind: 'fail',
      result: 'failed',
      message:
        'Certification failed: Issues were found during certification: the SaaS landing page does not respond.'
    })
  })

  it.each<Pair>([
    ['notStarted', 'pending'],
    ['running', 'pending'],
    ['Running', 'Running'],
    ['completed', 'pending'],
    ['paused', 'pending']
  ])('keeps waiting while the job is %s/%s', (status, result) => {
    expect(decide(shown([status, result], RUNNING, SUCCEEDED), 'completion')).toEqual({
      kind: 'wait'
    })
  })

  it('is not failed by a submission of an earlier publish while the job runs', () => {
    expect(decide(shown(RUNNING, FAILED, FAILED), 'completion')).toEqual({ kind: 'wait' })
  })
})

describe('wait-for: completion without a job', () => {
  it.each([
    ['every submission succeeded', SUCCEEDED, SUCCEEDED],
    ['the preview succeeded and nothing is live', SUCCEEDED, undefined]
  ])('passes when %s', (_name, preview, live) => {
    expect(decide(shown(undefined, preview, live), 'completion')).toMatchObject({ kind: 'pass' })
  })

  it.each([
    ['the preview runs', RUNNING, SUCCEEDED],
    ['the live submission runs', SUCCEEDED, RUNNING],
    ['there is no submission', undefined, undefined]
  ])('keeps waiting while %s', (_name, preview, live) => {
    expect(decide(shown(undefined, preview, live), 'completion')).toEqual({ kind: 'wait' })
  })

  it.each([
    ['the preview failed', FAILED, SUCCEEDED, 'failed', 'preview'],
    ['the live submission failed', SUCCEEDED, FAILED, 'failed', 'live'],
    ['a submission was cancelled', CANCELLED, SUCCEEDED, 'canceled', 'preview']
  ])('fails when %s', (_name, preview, live, result, stepId) => {
    expect(decide(shown(undefined, preview, live), 'completion')).toMatchObject({
      kind: 'fail',
      result,
      failedStep: { id: stepId }
    })
  })
})

describe('wait-for: preview', () => {
  it('passes when the preview submission succeeded and is not live yet', () => {
    expect(decide(shown(undefined, SUCCEEDED, SUCCEEDED), 'preview')).toEqual({
      kind: 'pass',
      message: `The preview is ready for go-live: submission ${SUBMISSION_2} is completed (succeeded).`
    })
  })

  it('passes, saying so, when the preview is live', () => {
    expect(decide(shown(undefined, SAME, SAME), 'preview')).toEqual({
      kind: 'pass',
      message: `The preview submission ${SUBMISSION_2} is live.`
    })
  })

  it('passes during a go-live, saying the go-live is running, not that it is live', () => {
    expect(decide(shown(undefined, SAME, ['running', 'pending', SUBMISSION_2]), 'preview')).toEqual(
      {
        kind: 'pass',
        message: `The preview submission ${SUBMISSION_2} is ready; its go-live is running.`
      }
    )
  })

  it.each([
    ['the preview runs', undefined, RUNNING],
    ['there is no submission at all', undefined, undefined],
    ['the job runs, even with a preview that succeeded earlier', RUNNING, SUCCEEDED]
  ])('keeps waiting while %s', (_name, job, preview) => {
    expect(decide(shown(job, preview, preview && SUCCEEDED), 'preview')).toEqual({ kind: 'wait' })
  })

  it('passes when the offer is live and lists no newer preview', () => {
    expect(decide(shown(undefined, undefined, SUCCEEDED), 'preview')).toEqual({
      kind: 'pass',
      message: `The preview submission ${SUBMISSION_1} is live.`
    })
  })

  it('passes with a job once the job and its preview succeeded', () => {
    expect(decide(shown(SUCCEEDED, SUCCEEDED, SUCCEEDED, [], TO_PREVIEW), 'preview')).toMatchObject(
      { kind: 'pass' }
    )
  })

  it('fails when the preview failed, without a job', () => {
    expect(decide(shown(undefined, FAILED, SUCCEEDED), 'preview')).toMatchObject({
      kind: 'fail',
      failedStep: { id: 'preview' }
    })
  })
})

describe('wait-for: live', () => {
  it('passes when the live submission succeeded and carries the preview’s id', () => {
    expect(decide(shown(undefined, SAME, SAME), 'live')).toEqual({
      kind: 'pass',
      message: `The offer is live: submission ${SUBMISSION_2} is completed (succeeded) on live.`
    })
  })

  it('passes when the live submission succeeded and there is no preview entry', () => {
    expect(decide(shown(undefined, undefined, SUCCEEDED), 'live')).toMatchObject({ kind: 'pass' })
  })

  it('keeps waiting while a newer preview is not live, even when the ids differ only past 2^53', () => {
    // SUBMISSION_1 and SUBMISSION_2 are the same number as a double: compared as text they differ.
    expect(decide(shown(undefined, SUCCEEDED, SUCCEEDED), 'live')).toEqual({ kind: 'wait' })
  })

  it.each([
    ['the live submission runs', undefined, ['running', 'pending', SUBMISSION_2]],
    ['the go-live job runs', RUNNING, SAME]
  ] as Array<[string, Pair | undefined, Side]>)('keeps waiting while %s', (_name, job, live) => {
    expect(decide(shown(job, SAME, live), 'live')).toEqual({ kind: 'wait' })
  })

  it('passes with a job once the go-live job succeeded and live is the preview', () => {
    expect(decide(shown(SUCCEEDED, SAME, SAME, [], TO_LIVE), 'live')).toMatchObject({
      kind: 'pass'
    })
  })

  it('keeps waiting after a preview job succeeded, until the preview goes live', () => {
    expect(decide(shown(SUCCEEDED, SUCCEEDED, SUCCEEDED, [], TO_PREVIEW), 'live')).toEqual({
      kind: 'wait'
    })
  })

  it('passes after a preview job once that preview went live', () => {
    expect(decide(shown(SUCCEEDED, SAME, SAME, [], TO_PREVIEW), 'live')).toMatchObject({
      kind: 'pass'
    })
  })
})

describe('the rules themselves, on any snapshot', () => {
  // Normalization already shows an earlier publish's submissions as not started while a job
  // runs; the rules do not rely on it.
  const ready = (job: Status) =>
    snapshot('running', [
      step('job', job, { name: 'Configure job' }),
      step('preview', 'succeeded', { name: 'Preview', reference: SUBMISSION_2 }),
      step('live', 'succeeded', { name: 'Live', reference: SUBMISSION_2 })
    ])

  it.each<Status>(['notStarted', 'running', 'unknown'])(
    'hold nothing ready while the job is %s',
    (job) => {
      for (const rule of ['preview', 'live']) {
        expect(productIngestionBackend.readyRules[rule](ready(job))).toBeUndefined()
      }
    }
  )

  it('hold both once the job succeeded', () => {
    expect(productIngestionBackend.readyRules.preview(ready('succeeded'))).toBe(
      `The preview submission ${SUBMISSION_2} is live.`
    )
    expect(productIngestionBackend.readyRules.live(ready('succeeded'))).toBe(
      `The offer is live: submission ${SUBMISSION_2} is completed (succeeded) on live.`
    )
  })
})

describe('wait-for: the step ids', () => {
  it('passes on step job once the job succeeded', () => {
    expect(decide(shown(SUCCEEDED, SUCCEEDED, SUCCEEDED), 'job')).toEqual({
      kind: 'pass',
      message: 'Step Configure job succeeded.'
    })
  })

  it('waits on step job while it runs', () => {
    expect(decide(shown(RUNNING, RUNNING, SUCCEEDED), 'job')).toEqual({ kind: 'wait' })
  })

  it('says which steps there are when wait-for names another', () => {
    expect(decide(shown(RUNNING, RUNNING, SUCCEEDED), 'displaycertify')).toEqual({
      kind: 'invalid',
      message:
        'wait-for: the operation has no step "displaycertify". Its steps are: job (Configure job), preview (Preview), live (Live). Use one of these ids, "auto", "preview", "live" or "completion".'
    })
  })
})

// The verdict for every pair of job state and job's submission state, for each wait-for: the
// expected values are written out by hand, from the rules in the README's table.
describe('the verdict over job × submission × wait-for', () => {
  type Expect = 'wait' | 'pass' | `fail:${string}`
  const NOT_LISTED = undefined
  /** [job, the job's submission (undefined: not listed), auto, completion, preview, live] */
  type Row = [string, Pair, Pair | undefined, Expect, Expect, Expect, Expect]

  function check(got: Verdict, want: Expect): void {
    if (want === 'wait' || want === 'pass') {
      expect(got.kind).toBe(want)
      return
    }
    const [, result, stepId] = want.split(':')
    expect(got).toMatchObject({ kind: 'fail', result, failedStep: { id: stepId } })
  }

  // A publish to preview: the job published SUBMISSION_2 to preview; live is last month's.
  it.each<Row>([
    ['succeeded, its preview certifying', SUCCEEDED, RUNNING, 'wait', 'wait', 'wait', 'wait'],
    [
      'succeeded, its preview not listed yet',
      SUCCEEDED,
      NOT_LISTED,
      'wait',
      'wait',
      'wait',
      'wait'
    ],
    ['succeeded, its preview ready', SUCCEEDED, SUCCEEDED, 'pass', 'pass', 'pass', 'wait'],
    [
      'succeeded, its preview failed',
      SUCCEEDED,
      FAILED,
      'fail:failed:preview',
      'fail:failed:preview',
      'fail:failed:preview',
      'fail:failed:preview'
    ],
    [
      'succeeded, its preview canceled',
      SUCCEEDED,
      CANCELLED,
      'fail:canceled:preview',
      'fail:canceled:preview',
      'fail:canceled:preview',
      'fail:canceled:preview'
    ],
    [
      'failed',
      FAILED,
      FAILED,
      'fail:failed:job',
      'fail:failed:job',
      'fail:failed:job',
      'fail:failed:job'
    ],
    [
      'cancelled',
      CANCELLED,
      RUNNING,
      'fail:canceled:job',
      'fail:canceled:job',
      'fail:canceled:job',
      'fail:canceled:job'
    ]
  ])('a preview publish whose job %s', (_name, job, own, auto, completion, preview, live) => {
    const view = (): Snapshot =>
      shown(job, own, SUCCEEDED, [], job === SUCCEEDED ? TO_PREVIEW : undefined)
    check(decide(view(), 'auto'), auto)
    check(decide(view(), 'completion'), completion)
    check(decide(view(), 'preview'), preview)
    check(decide(view(), 'live'), live)
  })

  // A go-live: the job took SUBMISSION_2 (the ready preview) live; the live entry is the job's.
  it.each<Row>([
    ['succeeded, its go-live running', SUCCEEDED, RUNNING, 'wait', 'wait', 'pass', 'wait'],
    [
      'succeeded, its go-live not listed yet',
      SUCCEEDED,
      NOT_LISTED,
      'wait',
      'wait',
      'pass',
      'wait'
    ],
    ['succeeded, live', SUCCEEDED, SUCCEEDED, 'pass', 'pass', 'pass', 'pass'],
    [
      'succeeded, its go-live failed',
      SUCCEEDED,
      FAILED,
      'fail:failed:live',
      'fail:failed:live',
      'fail:failed:live',
      'fail:failed:live'
    ]
  ])('a go-live whose job %s', (_name, job, own, auto, completion, preview, live) => {
    const view = (): Snapshot =>
      shown(job, SAME, own && [own[0], own[1], SUBMISSION_2], [], TO_LIVE)
    check(decide(view(), 'auto'), auto)
    check(decide(view(), 'completion'), completion)
    check(decide(view(), 'preview'), preview)
    check(decide(view(), 'live'), live)
  })

  // While the job runs, or once it succeeded without naming its submission, listed entries are
  // not the job's: whatever they say, nothing passes and nothing fails.
  it.each<[string, Pair, Published | 'draft-only' | undefined, Pair, Expect, Expect, Expect]>([
    ['running, a failed preview listed', RUNNING, undefined, FAILED, 'wait', 'wait', 'wait'],
    ['running, a ready preview listed', RUNNING, undefined, SUCCEEDED, 'wait', 'wait', 'wait'],
    ['succeeded, no submission named yet', SUCCEEDED, undefined, SUCCEEDED, 'wait', 'wait', 'wait'],
    ['succeeded, draft-only', SUCCEEDED, 'draft-only', FAILED, 'pass', 'pass', 'wait']
  ])('a job %s', (_name, job, published, listed, auto, completion, preview) => {
    const view = (): Snapshot => shown(job, listed, FAILED, [], published)
    check(decide(view(), 'auto'), auto)
    check(decide(view(), 'completion'), completion)
    check(decide(view(), 'preview'), preview)
    check(decide(view(), 'live'), 'wait')
  })

  it('says what failed, under a job that succeeded, and where the reasons are', () => {
    const got = decide(shown(SUCCEEDED, FAILED, SUCCEEDED, [], TO_PREVIEW), 'auto')
    expect(got).toMatchObject({ kind: 'fail' })
    const message = got.kind === 'fail' ? got.message : ''
    expect(message).toContain(`Submission ${SUBMISSION_2} to preview ended completed/failed`)
    expect(message).toContain('although its configure job')
    expect(message).toContain("e-mailed to the account's seller contact")
    expect(message).toContain(
      'https://partner.microsoft.com/dashboard/commercial-marketplace/offers/9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d/overview'
    )
  })

  it('passes auto on a draft-only job saying it published nothing', () => {
    expect(decide(shown(SUCCEEDED, undefined, undefined, [], 'draft-only'), 'auto')).toEqual({
      kind: 'pass',
      message: 'The configure job succeeded; it published no submission (a draft-only configure).'
    })
  })

  it('waits on auto, without a job, while a go-live runs after a ready preview', () => {
    expect(decide(shown(undefined, SAME, ['running', 'pending', SUBMISSION_2]), 'auto')).toEqual({
      kind: 'wait'
    })
  })
})
