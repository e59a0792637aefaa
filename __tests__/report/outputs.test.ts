import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { MAX_STEPS, OUTPUTS_MAX_BYTES } from '../../src/constants.js'
import { normalize } from '../../src/backends/cpp/normalize.js'
import type { Snapshot, Step } from '../../src/model/snapshot.js'
import { buildOutputs, type Outputs } from '../../src/report/outputs.js'
import { rawOperation, rawSteps } from '../fixtures/cpp.js'
import { message, report, snapshot, step } from '../fixtures/report.js'

const FIXED = [
  'result',
  'status',
  'raw-status',
  'operation-id',
  'submission-type',
  'failed-step',
  'message',
  'steps',
  'preview-links',
  'live-links',
  'elapsed-seconds',
  'started',
  'waited-for',
  'polls',
  'requests',
  'check-run-id',
  'check-run-url',
  'product-id',
  'submission-id',
  'errors'
]

interface StepOutput {
  id: string
  name: string
  status: string
  rawStatus: string
  progress: number | null
  estimatedTimeFrame: string | null
  messages: Array<{ level: string; text: string; timestamp: string | null }>
}

function totalBytes(outputs: Outputs): number {
  return Object.entries(outputs).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value),
    0
  )
}

function stepsOutput(outputs: Outputs): StepOutput[] {
  return JSON.parse(outputs.steps) as StepOutput[]
}

function at(second: number): string {
  return new Date(Date.UTC(2024, 0, 1) + second * 1000).toISOString()
}

describe('buildOutputs', () => {
  describe('without a snapshot', () => {
    const outputs = buildOutputs(
      report(
        { result: 'error', message: 'Input timeout: expected a duration.', polls: 0, requests: 0 },
        { elapsedMs: 0 }
      )
    )

    it.each(FIXED)('still sets %s', (name) => {
      expect(outputs).toHaveProperty([name])
      expect(typeof outputs[name]).toBe('string')
    })

    it('sets exactly the fixed outputs, with empty steps and links', () => {
      expect(outputs).toEqual({
        result: 'error',
        status: '',
        'raw-status': '',
        'operation-id': 'op-1234',
        'submission-type': '',
        'failed-step': '',
        message: 'Input timeout: expected a duration.',
        steps: '[]',
        'preview-links': '[]',
        'live-links': '[]',
        'elapsed-seconds': '0',
        started: 'false',
        'waited-for': '',
        polls: '0',
        requests: '0',
        'check-run-id': '',
        'check-run-url': '',
        'product-id': '',
        'submission-id': '',
        errors: ''
      })
    })
  })

  describe('with a snapshot', () => {
    const certification: Step = step('displaycertify', 'failed', {
      name: 'Certification',
      rawStatus: 'Failure',
      progress: 60,
      estimatedTimeFrame: '< 5 day',
      messages: [
        message('Started.', 'information', '2024-01-01T00:00:00Z'),
        {
          level: 'error',
          parts: [{ text: 'See ' }, { text: 'the report', href: 'https://example.com/r' }]
        }
      ]
    })
    const last: Snapshot = snapshot(
      'failed',
      [
        step('displaydummycertify', 'succeeded', {
          name: 'Validate pre-requisites',
          progress: 100
        }),
        certification,
        step('publisher-signoff', 'notStarted', {
          name: 'Publisher signoff',
          rawStatus: 'NotStarted'
        })
      ],
      {
        rawStatus: 'Failed',
        submissionType: 'Publish',
        previewLinks: ['https://preview.example.com/a'],
        liveLinks: ['https://live.example.com/a', 'https://live.example.com/b']
      }
    )
    const outputs = buildOutputs(
      report({
        result: 'failed',
        message: 'Certification failed: See the report',
        snapshot: last,
        failedStep: certification,
        polls: 12,
        requests: 14
      })
    )

    it.each([
      ['result', 'failed'],
      ['status', 'failed'],
      ['raw-status', 'Failed'],
      ['operation-id', 'op-1234'],
      ['submission-type', 'Publish'],
      ['failed-step', 'displaycertify'],
      ['message', 'Certification failed: See the report'],
      ['elapsed-seconds', '125'],
      ['polls', '12'],
      ['requests', '14'],
      ['step-displaydummycertify-status', 'succeeded'],
      ['step-displaydummycertify-progress', '100'],
      ['step-displaycertify-status', 'failed'],
      ['step-displaycertify-progress', '60'],
      ['step-publisher-signoff-status', 'notStarted'],
      ['step-publisher-signoff-progress', '']
    ])('sets %s to %j', (name, value) => {
      expect(outputs[name]).toBe(value)
    })

    it('sets the links as JSON arrays', () => {
      expect(JSON.parse(outputs['preview-links'])).toEqual(['https://preview.example.com/a'])
      expect(JSON.parse(outputs['live-links'])).toEqual([
        'https://live.example.com/a',
        'https://live.example.com/b'
      ])
    })

    it('sets steps to one JSON object per step, messages as plain text', () => {
      expect(stepsOutput(outputs)).toEqual([
        {
          id: 'displaydummycertify',
          name: 'Validate pre-requisites',
          status: 'succeeded',
          rawStatus: 'succeeded',
          progress: 100,
          estimatedTimeFrame: null,
          messages: []
        },
        {
          id: 'displaycertify',
          name: 'Certification',
          status: 'failed',
          rawStatus: 'Failure',
          progress: 60,
          estimatedTimeFrame: '< 5 day',
          messages: [
            { level: 'information', text: 'Started.', timestamp: '2024-01-01T00:00:00Z' },
            { level: 'error', text: 'See the report', timestamp: null }
          ]
        },
        {
          id: 'publisher-signoff',
          name: 'Publisher signoff',
          status: 'notStarted',
          rawStatus: 'NotStarted',
          progress: null,
          estimatedTimeFrame: null,
          messages: []
        }
      ])
    })

    it('sets nothing but the fixed outputs and two per step', () => {
      expect(Object.keys(outputs).sort()).toEqual(
        [
          ...FIXED,
          ...['displaydummycertify', 'displaycertify', 'publisher-signoff'].flatMap((id) => [
            `step-${id}-status`,
            `step-${id}-progress`
          ])
        ].sort()
      )
    })
  })

  it('sets the per-step outputs for the documented steps of a real response', async () => {
    const outputs = buildOutputs(
      report({
        result: 'timed-out',
        snapshot: await normalize(
          rawOperation(
            'running',
            rawSteps({ displaycertify: { status: 'inProgress', progressPercentage: 42 } })
          )
        )
      })
    )
    expect(outputs['step-displaycertify-status']).toBe('running')
    expect(outputs['step-displaycertify-progress']).toBe('42')
    expect(outputs['step-publisher-signoff-status']).toBe('notStarted')
    expect(outputs['step-live-progress']).toBe('0')
  })

  it('names a step without an id after its name', () => {
    const outputs = buildOutputs(
      report({
        snapshot: snapshot('running', [
          step('', 'waiting', { name: 'Publisher Signoff', progress: 5 })
        ])
      })
    )
    expect(outputs['step-publisher-signoff-status']).toBe('waiting')
    expect(outputs['step-publisher-signoff-progress']).toBe('5')
  })

  it('gives steps with the same slug distinct outputs', () => {
    const outputs = buildOutputs(
      report({
        snapshot: snapshot('running', [
          step('live', 'succeeded'),
          step('Live', 'running', { progress: 10 }),
          step('', 'failed', { name: 'LIVE' })
        ])
      })
    )
    expect(outputs['step-live-status']).toBe('succeeded')
    expect(outputs['step-live-2-status']).toBe('running')
    expect(outputs['step-live-2-progress']).toBe('10')
    expect(outputs['step-live-3-status']).toBe('failed')
  })

  it('only makes per-step output names of a-z, 0-9 and dashes', () => {
    const ids = ['<script>x</script>', '!!!', '', 'Ünïcödé', 'a b', 'a_b', '😀', '$(whoami)', '..']
    const outputs = buildOutputs(
      report({
        snapshot: snapshot(
          'running',
          ids.map((id) => step(id, 'running', { name: id }))
        )
      })
    )
    const perStep = Object.keys(outputs).filter((name) => !FIXED.includes(name))
    expect(perStep).toHaveLength(ids.length * 2)
    for (const name of perStep) expect(name).toMatch(/^step-[a-z0-9-]+-(status|progress)$/)
  })

  it('names the failed step by its name when it has no id', () => {
    const failed = step('', 'blocked', { name: 'Publisher signoff' })
    const outputs = buildOutputs(
      report({ result: 'blocked', snapshot: snapshot('blocked', [failed]), failedStep: failed })
    )
    expect(outputs['failed-step']).toBe('Publisher signoff')
  })

  it(`gives step outputs for the first ${MAX_STEPS} steps only, however many the API lists`, () => {
    const many = snapshot(
      'running',
      Array.from({ length: MAX_STEPS + 20 }, (_, i) => step(`s${i}`, 'running'))
    )
    const outputs = buildOutputs(report({ snapshot: many }))
    expect(outputs[`step-s${MAX_STEPS - 1}-status`]).toBe('running')
    expect(outputs).not.toHaveProperty(`step-s${MAX_STEPS}-status`)
    expect(JSON.parse(outputs.steps)).toHaveLength(MAX_STEPS)
  })

  it('rounds elapsed time to whole seconds', () => {
    expect(buildOutputs(report({}, { elapsedMs: 59_600 }))['elapsed-seconds']).toBe('60')
    expect(buildOutputs(report({}, { elapsedMs: 400 }))['elapsed-seconds']).toBe('0')
  })

  describe('size', () => {
    /** 20 steps x 150 messages of ~400 bytes: about 1.2 MB of messages, in interleaved time order. */
    function flood(): Snapshot {
      return snapshot(
        'running',
        Array.from({ length: 20 }, (_, s) =>
          step(`step-${s}`, 'running', {
            progress: s,
            messages: Array.from({ length: 150 }, (_, m) => {
              const n = m * 20 + s
              return message(
                `#${String(n).padStart(5, '0')}# ${'x'.repeat(400)}`,
                'information',
                at(n)
              )
            })
          })
        ),
        { messages: [message('#op-old# operation message', 'warning', at(-1))] }
      )
    }

    function shown(outputs: Outputs): Set<number> {
      const numbers = stepsOutput(outputs).flatMap((s) =>
        s.messages.map((m) => Number(/^#(\d+)#/.exec(m.text)?.[1]))
      )
      return new Set(numbers)
    }

    it(`keeps all outputs together under ${OUTPUTS_MAX_BYTES} bytes by leaving out the oldest messages`, () => {
      const outputs = buildOutputs(report({ result: 'timed-out', snapshot: flood() }))
      expect(totalBytes(outputs)).toBeLessThanOrEqual(OUTPUTS_MAX_BYTES)

      const numbers = shown(outputs)
      const total = 20 * 150
      const oldestShown = Math.min(...numbers)
      expect(numbers.has(total - 1)).toBe(true)
      expect(numbers.has(0)).toBe(false)
      expect(oldestShown).toBeGreaterThan(0)
      // Everything newer than the oldest shown is shown: the oldest, and only they, are left out.
      expect(numbers.size).toBe(total - oldestShown)
      // No more are left out than needed: one more message would not have fit.
      expect(totalBytes(outputs) + 450).toBeGreaterThan(OUTPUTS_MAX_BYTES)
    })

    it('keeps every step and per-step output when it leaves out messages', () => {
      const outputs = buildOutputs(report({ result: 'timed-out', snapshot: flood() }))
      expect(stepsOutput(outputs).map((s) => s.id)).toEqual(
        Array.from({ length: 20 }, (_, s) => `step-${s}`)
      )
      for (let s = 0; s < 20; s++) {
        expect(outputs[`step-step-${s}-status`]).toBe('running')
        expect(outputs[`step-step-${s}-progress`]).toBe(String(s))
      }
    })

    it('stays under the limit with a few huge messages', () => {
      const huge = snapshot('failed', [
        step('displaycertify', 'failed', {
          messages: Array.from({ length: 5 }, (_, i) =>
            message(`${i}:${'é'.repeat(199_000)}`, 'error', at(i))
          )
        })
      ])
      const outputs = buildOutputs(report({ result: 'failed', snapshot: huge }))
      expect(totalBytes(outputs)).toBeLessThanOrEqual(OUTPUTS_MAX_BYTES)
      const texts = stepsOutput(outputs)[0].messages.map((m) => m.text[0])
      expect(texts).toContain('4')
      expect(texts).not.toContain('0')
    })

    it.each<[string, Record<string, unknown>]>([
      [
        'very long preview and live links',
        {
          previewLinks: Array.from(
            { length: 5 },
            (_, i) => `https://example.com/${i}/${'a'.repeat(200_000)}`
          ),
          liveLinks: Array.from(
            { length: 5 },
            (_, i) => `https://example.com/${i}/${'b'.repeat(200_000)}`
          )
        }
      ],
      [
        '100 steps whose every field is 500 control characters',
        {
          steps: Array.from({ length: 100 }, () => ({
            id: '\u0001'.repeat(500),
            stepName: '\u0002'.repeat(500),
            status: '\u0003'.repeat(500),
            estimatedTimeFrame: '\u0004'.repeat(500),
            progressPercentage: 50,
            messages: []
          }))
        }
      ]
    ])('stays under the limit whatever the API returns: %s', async (_, fields) => {
      const last = await normalize(rawOperation('inProgress', rawSteps(), fields))
      const outputs = buildOutputs(report({ result: 'timed-out', snapshot: last }))
      expect(totalBytes(outputs)).toBeLessThanOrEqual(OUTPUTS_MAX_BYTES)
    })
  })
})

describe('buildOutputs for an API with facts and an error tree', () => {
  it('sets product-id and submission-id from the facts, and errors as JSON', () => {
    const outputs = buildOutputs(
      report({
        result: 'failed',
        snapshot: snapshot(
          'failed',
          [
            step('job', 'failed'),
            step('preview', 'failed', { reference: 'submission/g/1152921515689847471' })
          ],
          {
            facts: [
              { name: 'product-id', label: 'Product', value: 'product/g' },
              {
                name: 'submission-id',
                label: 'Submission',
                value: 'submission/g/1152921515689847471'
              },
              { name: 'job-start', label: 'Job started', value: '2025-03-01T08:00:00Z' }
            ],
            errors: [
              {
                code: 'internalServerError',
                message: 'Operation failed',
                resourceId: 'submission/g/1152921515689847471',
                details: [{ code: 'invalidState', message: 'Certification', details: [] }]
              }
            ]
          }
        )
      })
    )
    expect(outputs).toMatchObject({
      'product-id': 'product/g',
      'submission-id': 'submission/g/1152921515689847471',
      'step-job-status': 'failed',
      'step-preview-status': 'failed'
    })
    // A fact that is not an output's name is the summary's only.
    expect(outputs).not.toHaveProperty('job-start')
    expect(JSON.parse(outputs.errors)).toEqual([
      {
        code: 'internalServerError',
        message: 'Operation failed',
        resourceId: 'submission/g/1152921515689847471',
        details: [{ code: 'invalidState', message: 'Certification', resourceId: null, details: [] }]
      }
    ])
    expect(stepsOutput(outputs)[1]).toMatchObject({
      id: 'preview',
      reference: 'submission/g/1152921515689847471'
    })
    expect(stepsOutput(outputs)[0]).not.toHaveProperty('reference')
  })

  it('writes errors as [] for a tree without errors, and leaves it empty without a tree', () => {
    expect(buildOutputs(report({ snapshot: snapshot('running', [], { errors: [] }) })).errors).toBe(
      '[]'
    )
    expect(buildOutputs(report({ snapshot: snapshot('running') })).errors).toBe('')
  })

  it('stays under the limit with the largest error tree and leaves the gate keeps', () => {
    const errors = Array.from({ length: 100 }, (_, i) => ({
      code: 'c'.repeat(200),
      message: `${i}${'"\\'.repeat(1_000)}`,
      resourceId: 'r'.repeat(200),
      details: []
    }))
    const leaves = errors.map((node) =>
      message(`${node.code}: ${node.message} (${node.resourceId})`, 'error')
    )
    const outputs = buildOutputs(
      report({
        result: 'failed',
        snapshot: snapshot('failed', [step('job', 'failed', { messages: leaves })], { errors })
      })
    )
    expect(totalBytes(outputs)).toBeLessThanOrEqual(OUTPUTS_MAX_BYTES)
    expect(JSON.parse(outputs.errors)).toHaveLength(100)
  })
})

describe('buildOutputs within the outputs’ budget', () => {
  /** The error tree normalize keeps at most, every message lone surrogates (6 bytes escaped). */
  const surrogateErrors = Array.from({ length: 10 }, (_, i) => ({
    code: `c${i}`,
    message: '\ud800'.repeat(2_000),
    details: Array.from({ length: 9 }, (_, j) => ({
      code: `c${i}.${j}`,
      message: '\udfff'.repeat(2_000),
      details: []
    }))
  }))

  it('writes lone surrogates as U+FFFD, not as escapes, and cuts the error tree to whole errors', () => {
    const outputs = buildOutputs(
      report({
        result: 'failed',
        message: '\ud800'.repeat(4_000),
        snapshot: snapshot('failed', [step('job', 'failed')], {
          errors: surrogateErrors,
          previewLinks: Array.from({ length: 50 }, () => `https://x.example/${'é'.repeat(1_980)}`),
          liveLinks: Array.from({ length: 50 }, () => `https://y.example/${'"'.repeat(1_980)}`)
        })
      })
    )
    expect(totalBytes(outputs)).toBeLessThanOrEqual(OUTPUTS_MAX_BYTES)
    for (const value of Object.values(outputs)) expect(value.isWellFormed()).toBe(true)
    expect(outputs.errors).not.toContain('\\ud800')
    const errors = JSON.parse(outputs.errors) as Array<{ code: string; details: unknown[] }>
    // The errors nearest the top are kept first, each with the path to it.
    expect(errors.length).toBeGreaterThan(0)
    expect(errors[0].code).toBe('c0')
    for (const name of ['preview-links', 'live-links', 'steps']) {
      expect(() => JSON.parse(outputs[name]) as unknown).not.toThrow()
    }
    expect(JSON.parse(outputs['preview-links'])).not.toHaveLength(0)
  })

  it('for any sizes of the lists: every output is valid, and all together within the budget', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 50 }),
        fc.nat({ max: 50 }),
        fc.nat({ max: 10 }),
        fc.constantFrom('a', 'é', '\ud800', '"'),
        (previews, lives, roots, char) => {
          const outputs = buildOutputs(
            report({
              result: 'failed',
              snapshot: snapshot('failed', [step('job', 'failed')], {
                errors: surrogateErrors.slice(0, roots),
                previewLinks: Array.from(
                  { length: previews },
                  () => `https://x/${char.repeat(1_990)}`
                ),
                liveLinks: Array.from({ length: lives }, () => `https://y/${char.repeat(1_990)}`)
              })
            })
          )
          expect(totalBytes(outputs)).toBeLessThanOrEqual(OUTPUTS_MAX_BYTES)
          for (const name of ['preview-links', 'live-links', 'errors', 'steps']) {
            expect(() => JSON.parse(outputs[name]) as unknown).not.toThrow()
          }
        }
      ),
      { seed: 21, numRuns: 60 }
    )
  })
})
