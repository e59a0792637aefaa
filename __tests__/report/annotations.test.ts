import { describe, expect, it } from '@jest/globals'
import type { Step } from '../../src/model/snapshot.js'
import { MAX_STEP_ANNOTATIONS } from '../../src/constants.js'
import { stepAnnotations } from '../../src/report/annotations.js'
import type { Status } from '../../src/model/status.js'
import { message, snapshot, step } from '../fixtures/report.js'

const FAILING: Status[] = ['failed', 'blocked', 'rejected', 'canceled']
const NOT_FAILING: Status[] = ['notStarted', 'running', 'waiting', 'succeeded', 'unknown']

describe('stepAnnotations', () => {
  it('gives none without a snapshot', () => {
    expect(stepAnnotations(undefined)).toEqual([])
  })

  it('gives none when no step fails', () => {
    const steps = NOT_FAILING.map((status) =>
      step(`step-${status}`, status, { messages: [message('boom', 'error')] })
    )
    expect(stepAnnotations(snapshot('running', steps))).toEqual([])
  })

  it('gives none for a failed operation without a failing step', () => {
    expect(
      stepAnnotations(
        snapshot('failed', [step('displaycertify', 'succeeded')], {
          messages: [message('op', 'error')]
        })
      )
    ).toEqual([])
  })

  it.each(FAILING)(
    'gives one annotation for a %s step, titled with its name and status',
    (status) => {
      const annotations = stepAnnotations(
        snapshot('running', [
          step('displaydummycertify', 'succeeded', { name: 'Validate pre-requisites' }),
          step('displaycertify', status, {
            name: 'Certification',
            messages: [message('Your offer has issues.', 'error')]
          }),
          step('live', 'notStarted', { name: 'Live' })
        ])
      )
      expect(annotations).toEqual([
        { title: `Certification: ${status}`, message: 'Your offer has issues.' }
      ])
    }
  )

  it('names the step, not its id, in the title', () => {
    const [annotation] = stepAnnotations(
      snapshot('failed', [step('displaycertify', 'failed', { name: 'Certification' })])
    )
    expect(annotation.title).toContain('Certification')
    expect(annotation.title).not.toContain('displaycertify')
  })

  it('uses only the error-level messages when there are some', () => {
    const [annotation] = stepAnnotations(
      snapshot('failed', [
        step('displaycertify', 'failed', {
          name: 'Certification',
          messages: [
            message('Started certification.', 'information'),
            message('Policy 100.1 failed.', 'error'),
            message('Screenshots are small.', 'warning'),
            message('Policy 100.2 failed.', 'error')
          ]
        })
      ])
    )
    expect(annotation.message.split('\n')).toEqual(['Policy 100.1 failed.', 'Policy 100.2 failed.'])
  })

  it('uses the most severe level present when none is error-level: warnings before information', () => {
    const [annotation] = stepAnnotations(
      snapshot('blocked', [
        step('publisher-signoff', 'blocked', {
          name: 'Publisher signoff',
          messages: [
            message('Waiting on legal.', 'information'),
            message('Contact support.', 'warning')
          ]
        })
      ])
    )
    expect(annotation.message.split('\n')).toEqual(['Contact support.'])
  })

  it('joins the text of a message made of several parts, each link’s address after its words', () => {
    const [annotation] = stepAnnotations(
      snapshot('failed', [
        step('displaycertify', 'failed', {
          messages: [
            {
              level: 'error',
              parts: [
                { text: 'See ' },
                { text: 'the report', href: 'https://example.com/r' },
                { text: '.' }
              ]
            }
          ]
        })
      ])
    )
    expect(annotation.message).toBe('See the report (https://example.com/r).')
  })

  it('still says which step failed when the API gave no message', () => {
    const [annotation] = stepAnnotations(
      snapshot('failed', [step('displaycertify', 'rejected', { name: 'Certification' })])
    )
    expect(annotation.message).toContain('Certification')
    expect(annotation.message).toContain('rejected')
  })

  it('gives one annotation per failing step, in step order', () => {
    const steps: Step[] = [
      step('one', 'failed', { messages: [message('first', 'error')] }),
      step('two', 'succeeded'),
      step('three', 'blocked', { messages: [message('third', 'error')] }),
      step('four', 'running'),
      step('five', 'canceled', { messages: [message('fifth')] })
    ]
    expect(stepAnnotations(snapshot('failed', steps))).toEqual([
      { title: 'one: failed', message: 'first' },
      { title: 'three: blocked', message: 'third' },
      { title: 'five: canceled', message: 'fifth' }
    ])
  })

  it(`gives at most ${MAX_STEP_ANNOTATIONS}, the first ones, even with 15 failing steps`, () => {
    const steps = Array.from({ length: 15 }, (_, i) =>
      step(`step-${i + 1}`, FAILING[i % FAILING.length], {
        messages: [message(`reason ${i + 1}`, 'error')]
      })
    )
    const annotations = stepAnnotations(snapshot('failed', steps))
    expect(MAX_STEP_ANNOTATIONS).toBe(10)
    expect(annotations).toHaveLength(MAX_STEP_ANNOTATIONS)
    expect(annotations.map((a) => a.message)).toEqual(
      Array.from({ length: MAX_STEP_ANNOTATIONS }, (_, i) => `reason ${i + 1}`)
    )
  })
})
