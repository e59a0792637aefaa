import { describe, expect, it } from '@jest/globals'
import type { Snapshot, Step } from '../../src/model/snapshot.js'
import type { Status } from '../../src/model/status.js'
import { describeStatus } from '../../src/model/describe.js'
import { verdict, type WaitFor } from '../../src/gate/verdict.js'
import { message, snapshot, step } from '../fixtures/report.js'

const completion: WaitFor = { kind: 'completion' }
const certify: WaitFor = { kind: 'step', stepId: 'displaycertify' }

const publishSteps = (signoff: Status, extra: Partial<Step> = {}): Step[] => [
  step('displaycertify', 'succeeded', { name: 'Certification' }),
  step('publisher-signoff', signoff, { name: 'Publisher signoff', ...extra }),
  step('live', 'notStarted', { name: 'Live' })
]

describe('verdict: failure wins at once', () => {
  it.each<[Status, string]>([
    ['failed', 'failed'],
    ['blocked', 'blocked'],
    ['rejected', 'failed'],
    ['canceled', 'canceled']
  ])('fails when a step is %s, with result %s', (status, result) => {
    const failing = step('displaycertify', status, { name: 'Certification' })
    const found = verdict(snapshot('running', [failing]), completion, {})
    expect(found).toMatchObject({ kind: 'fail', result, failedStep: failing })
  })

  it.each<[Status, string]>([
    ['failed', 'failed'],
    ['canceled', 'canceled'],
    ['blocked', 'blocked'],
    ['rejected', 'failed']
  ])('fails when the operation is %s, with result %s', (status, result) => {
    const found = verdict(snapshot(status, [step('displaycertify', 'running')]), completion, {})
    expect(found).toMatchObject({ kind: 'fail', result })
    expect(found).not.toHaveProperty('failedStep')
  })

  it.each<WaitFor>([completion, { kind: 'ready', rule: 'always' }, certify])(
    'fails even when %o would otherwise pass',
    (waitFor) => {
      const steps = [...publishSteps('waiting'), step('displayprovision', 'blocked')]
      const always = { always: () => 'Ready.' }
      expect(verdict(snapshot('succeeded', steps), waitFor, always)).toMatchObject({
        kind: 'fail',
        result: 'blocked'
      })
    }
  )

  it('names the first failing step in the order listed', () => {
    const steps = [
      step('displaycertify', 'running'),
      step('displayprovision', 'rejected', { name: 'Provisioning' }),
      step('displaypackage', 'blocked', { name: 'Packaging' })
    ]
    const found = verdict(snapshot('running', steps), completion, {})
    expect(found).toMatchObject({
      kind: 'fail',
      result: 'failed',
      failedStep: { id: 'displayprovision' }
    })
  })

  it.each<[Status, Status, string]>([
    ['failed', 'blocked', 'blocked'],
    ['canceled', 'blocked', 'blocked'],
    ['canceled', 'failed', 'canceled'],
    ['failed', 'canceled', 'canceled'],
    ['failed', 'rejected', 'failed'],
    ['running', 'failed', 'failed']
  ])(
    'with the operation %s and the first failing step %s, the result is %s',
    (operation, failing, result) => {
      const found = verdict(snapshot(operation, [step('displaycertify', failing)]), completion, {})
      expect(found).toMatchObject({ kind: 'fail', result, failedStep: { id: 'displaycertify' } })
    }
  )

  it('sees a failing step however far down the list it is', () => {
    const steps = Array.from({ length: 150 }, (_, i) =>
      step(`s${i}`, i === 140 ? 'blocked' : 'running')
    )
    expect(verdict(snapshot('running', steps), completion, {})).toMatchObject({
      result: 'blocked',
      failedStep: { id: 's140' }
    })
  })

  it("quotes a step's error-level messages, not its information ones", () => {
    const blocked = step('displaycertify', 'blocked', {
      name: 'Certification',
      messages: [
        message('Certification started.'),
        message('No virtual machine image was found for the plan.', 'error'),
        message('Second error.', 'error')
      ]
    })
    const found = verdict(snapshot('running', [blocked]), completion, {})
    expect(found).toMatchObject({
      message:
        'Certification is blocked: No virtual machine image was found for the plan. Second error.'
    })
  })

  it('quotes the messages of the one level present, and only name and status when there are none', () => {
    const withInfo = step('c', 'failed', {
      name: 'Certification',
      messages: [message('Look here.')]
    })
    expect(verdict(snapshot('running', [withInfo]), completion, {})).toMatchObject({
      message: 'Certification failed: Look here.'
    })
    const bare = step('c', 'canceled', { name: 'Certification' })
    expect(verdict(snapshot('running', [bare]), completion, {})).toMatchObject({
      message: 'Certification was canceled.'
    })
  })

  it.each<[string, string[][], string]>([
    [
      'an error before a newer information message (a canceled step)',
      [
        ['Provisioning started.', 'information'],
        ['Provisioning was canceled by the publisher.', 'error'],
        ['Cleanup done.', 'information']
      ],
      'Provisioning was canceled: Provisioning was canceled by the publisher.'
    ],
    [
      'a warning before information',
      [
        ['Provisioning started.', 'information'],
        ['Quota reached for the region.', 'warning']
      ],
      'Provisioning was canceled: Quota reached for the region.'
    ],
    [
      'information before a level the gate does not know',
      [
        ['Odd.', 'verbose'],
        ['Provisioning stopped.', 'informational']
      ],
      'Provisioning was canceled: Provisioning stopped.'
    ]
  ])('quotes the most severe level present: %s', (_what, messages, expected) => {
    const canceled = step('displayprovision', 'canceled', {
      name: 'Provisioning',
      messages: messages.map(([text, level]) => message(text, level))
    })
    expect(verdict(snapshot('canceled', [canceled]), completion, {})).toMatchObject({
      message: expected
    })
  })

  it('puts the address of a quoted link after its words, and keeps the link in the quote', () => {
    const linked = {
      level: 'error',
      parts: [
        { text: 'See ' },
        { text: 'technical configuration', href: 'https://partner.microsoft.com/tc' },
        { text: '.' }
      ]
    }
    const blocked = step('displaycertify', 'blocked', { name: 'Certification', messages: [linked] })
    expect(verdict(snapshot('running', [blocked]), completion, {})).toMatchObject({
      message:
        'Certification is blocked: See technical configuration (https://partner.microsoft.com/tc).',
      quote: { lead: 'Certification is blocked', messages: [linked] }
    })
  })

  it("quotes the operation's own messages when the operation itself failed", () => {
    const found = verdict(
      snapshot('failed', [], { messages: [message('Offer validation failed.', 'error')] }),
      completion,
      {}
    )
    expect(found).toMatchObject({ message: 'The operation failed: Offer validation failed.' })
  })
})

describe('verdict: wait-for completion', () => {
  it('passes when the operation succeeded', () => {
    expect(verdict(snapshot('succeeded'), completion, {})).toMatchObject({ kind: 'pass' })
  })

  it.each<Status>(['notStarted', 'running', 'waiting', 'unknown'])(
    'keeps waiting while %s',
    (status) => {
      expect(verdict(snapshot(status, publishSteps('waiting')), completion, {})).toEqual({
        kind: 'wait'
      })
    }
  )
})

describe('verdict: wait-for a named condition of the backend', () => {
  const rules = {
    ready: (shown: Snapshot) => (shown.status === 'waiting' ? 'It is ready.' : undefined)
  }

  it("passes with the rule's own message once the rule holds", () => {
    expect(verdict(snapshot('waiting'), { kind: 'ready', rule: 'ready' }, rules)).toEqual({
      kind: 'pass',
      message: 'It is ready.'
    })
  })

  it('keeps waiting while it does not', () => {
    expect(verdict(snapshot('running'), { kind: 'ready', rule: 'ready' }, rules)).toEqual({
      kind: 'wait'
    })
  })

  it('still fails at once on a failing step, whatever the rule says', () => {
    const found = verdict(
      snapshot('waiting', [step('s', 'blocked')]),
      { kind: 'ready', rule: 'ready' },
      rules
    )
    expect(found).toMatchObject({ kind: 'fail', result: 'blocked' })
  })
})

describe('verdict: wait-for a step id', () => {
  it('passes once that step succeeded', () => {
    const steps = [
      step('displaycertify', 'succeeded', { name: 'Certification' }),
      step('live', 'running')
    ]
    expect(verdict(snapshot('running', steps), certify, {})).toEqual({
      kind: 'pass',
      message: 'Step Certification succeeded.'
    })
  })

  it('matches the step id without case, spaces or dashes', () => {
    const steps = [step('publisher-signoff', 'succeeded')]
    const found = verdict(
      snapshot('running', steps),
      { kind: 'step', stepId: 'Publisher Signoff' },
      {}
    )
    expect(found).toMatchObject({ kind: 'pass' })
  })

  it('keeps waiting while the step runs', () => {
    expect(verdict(snapshot('running', [step('displaycertify', 'running')]), certify, {})).toEqual({
      kind: 'wait'
    })
  })

  it('is an input error when the operation succeeded but never listed the step among its steps', () => {
    const steps = [step('live', 'succeeded')]
    expect(
      verdict(snapshot('succeeded', steps), { kind: 'step', stepId: 'displaycertfy' }, {})
    ).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('Its steps are: live.') as unknown
    })
  })

  it('passes with a warning when the operation succeeded but the step was not reported succeeded', () => {
    const found = verdict(
      snapshot('succeeded', [step('displaycertify', 'notStarted')]),
      certify,
      {}
    )
    expect(found).toMatchObject({ kind: 'pass' })
    if (found.kind === 'pass')
      expect(found.warning).toMatch(/displaycertify was reported not started/)
  })

  it('passes with a warning when the operation succeeded without listing the step', () => {
    const found = verdict(snapshot('succeeded'), certify, {})
    expect(found).toMatchObject({ kind: 'pass' })
    if (found.kind === 'pass')
      expect(found.warning).toContain('no response listed the step "displaycertify"')
  })

  it('is an input error naming the steps that exist when the step is not listed', () => {
    const steps = [
      step('displaydummycertify', 'running', { name: 'Validate' }),
      step('live', 'notStarted')
    ]
    const found = verdict(
      snapshot('running', steps),
      { kind: 'step', stepId: 'certfy' },
      { preview: () => undefined }
    )
    expect(found).toEqual({
      kind: 'invalid',
      message:
        'wait-for: the operation has no step "certfy". Its steps are: displaydummycertify (Validate), live. Use one of these ids, "preview" or "completion".'
    })
  })

  it('keeps waiting while the response lists no steps yet', () => {
    expect(verdict(snapshot('notStarted'), certify, {})).toEqual({ kind: 'wait' })
  })
})

describe('describeStatus', () => {
  it.each<[Status, string, string]>([
    ['notStarted', 'not started', 'not started'],
    ['blocked', 'Blocked', 'blocked'],
    ['unknown', 'Paused', '"Paused"'],
    ['unknown', '', 'without a status']
  ])('describes %s (raw "%s") as %s', (status, raw, text) => {
    expect(describeStatus(status, raw)).toBe(text)
  })
})
