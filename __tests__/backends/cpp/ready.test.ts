import { describe, expect, it } from '@jest/globals'
import { cppBackend } from '../../../src/backends/cpp/index.js'
import { verdict, type WaitFor } from '../../../src/gate/verdict.js'
import type { Step } from '../../../src/model/snapshot.js'
import type { Status } from '../../../src/model/status.js'
import { snapshot, step } from '../../fixtures/report.js'

const preview: WaitFor = { kind: 'ready', rule: 'preview' }

const publishSteps = (signoff: Status, extra: Partial<Step> = {}): Step[] => [
  step('displaycertify', 'succeeded', { name: 'Certification' }),
  step('publisher-signoff', signoff, { name: 'Publisher signoff', ...extra }),
  step('live', 'notStarted', { name: 'Live' })
]

describe('CPP: wait-for preview (the preview is ready for go-live)', () => {
  it.each<Status>(['waiting', 'succeeded'])('passes when publisher-signoff is %s', (status) => {
    const found = verdict(snapshot('running', publishSteps(status)), preview, cppBackend.readyRules)
    expect(found).toMatchObject({ kind: 'pass' })
    if (found.kind === 'pass') expect(found.message).toContain('ready for go-live')
  })

  it.each(['Publisher signoff', 'publisher signoff', 'PUBLISHER-SIGNOFF', 'publisher_signoff'])(
    'finds the sign-off step by its name "%s" when its id differs',
    (name) => {
      const steps = [step('step5', 'waiting', { name })]
      expect(verdict(snapshot('running', steps), preview, cppBackend.readyRules)).toMatchObject({
        kind: 'pass'
      })
    }
  )

  it('passes when the operation status is waiting for review', () => {
    expect(verdict(snapshot('waiting'), preview, cppBackend.readyRules)).toMatchObject({
      kind: 'pass'
    })
  })

  it('passes when the operation succeeded', () => {
    expect(
      verdict(snapshot('succeeded', publishSteps('notStarted')), preview, cppBackend.readyRules)
    ).toMatchObject({
      kind: 'pass'
    })
  })

  it.each<Status>(['notStarted', 'running', 'unknown'])(
    'keeps waiting while publisher-signoff is %s',
    (status) => {
      expect(
        verdict(snapshot('running', publishSteps(status)), preview, cppBackend.readyRules)
      ).toEqual({ kind: 'wait' })
    }
  )
})
