import { describe, expect, it, jest } from '@jest/globals'
import {
  MAX_FIELD_CHARS,
  MAX_LINKS,
  MAX_MESSAGE_TEXT_CHARS,
  MAX_STEPS
} from '../../../src/constants.js'
import { normalize, UnexpectedBodyError } from '../../../src/backends/cpp/normalize.js'
import type { Snapshot, Step } from '../../../src/model/snapshot.js'
import { rawOperation, rawSteps } from '../../fixtures/cpp.js'

/** The first (only) step of an operation made of one raw step. */
async function oneStep(raw: unknown): Promise<Step> {
  const { steps } = await normalize({ status: 'running', steps: [raw] })
  expect(steps).toHaveLength(1)
  return steps[0]
}

async function thrown(body: unknown): Promise<Error> {
  try {
    await normalize(body)
  } catch (error) {
    if (error instanceof Error) return error
    throw new Error(`normalize threw a non-Error: ${String(error)}`, { cause: error })
  }
  throw new Error(`normalize accepted ${JSON.stringify(body)}`)
}

describe('normalize body shapes', () => {
  it('gives the same snapshot for an object and a one-element array', async () => {
    const body = rawOperation('running', rawSteps({ displaycertify: { status: 'inProgress' } }))

    const fromObject = await normalize(body)

    expect(await normalize([body])).toEqual(fromObject)
    expect(fromObject.status).toBe('running')
    expect(fromObject.steps).toHaveLength(6)
  })

  it('reads the first element of a longer array', async () => {
    expect((await normalize([{ status: 'failed' }, { status: 'running' }])).status).toBe('failed')
  })

  it.each([
    ['an empty array', [], /array/],
    ['null', null, /null/],
    ['a number', 42, /number/],
    ['a string', 'running', /string/],
    ['a boolean', true, /boolean/],
    ['nothing', undefined, /nothing/],
    ['an array of null', [null], /array.*null/],
    ['an array of strings', ['running'], /array.*string/],
    ['an array of arrays', [[{ status: 'running' }]], /array.*array/]
  ])('rejects %s with an UnexpectedBodyError that says what came', async (_name, body, says) => {
    const error = await thrown(body)

    expect(error).toBeInstanceOf(UnexpectedBodyError)
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toMatch(says)
    expect(error.message).toMatch(/not an operation object/)
  })

  it('tolerates an object with none of the expected fields', async () => {
    expect(await normalize({})).toEqual({
      status: 'unknown',
      rawStatus: '',
      steps: [],
      messages: [],
      previewLinks: [],
      liveLinks: []
    })
  })

  it('ignores unknown fields', async () => {
    const snapshot = await normalize({
      status: 'running',
      cancellationRequestState: 'canCancel',
      notificationEmails: 'a@example.com',
      publishingVersion: 2,
      surprise: { nested: [1, 2, 3] }
    })

    expect(snapshot).toEqual({
      status: 'running',
      rawStatus: 'running',
      steps: [],
      messages: [],
      previewLinks: [],
      liveLinks: []
    })
  })

  it('tolerates steps, messages and links that are not arrays', async () => {
    const snapshot = await normalize({
      status: 'running',
      steps: { id: 'live' },
      messages: 'oops',
      previewLinks: 7,
      liveLinks: null
    })

    expect(snapshot.steps).toEqual([])
    expect(snapshot.messages).toEqual([])
    expect(snapshot.previewLinks).toEqual([])
    expect(snapshot.liveLinks).toEqual([])
  })

  it('skips step entries that are not objects', async () => {
    const { steps } = await normalize({
      status: 'running',
      steps: [null, 'live', 3, [], { id: 'live', status: 'running' }]
    })

    expect(steps.map((step) => step.id)).toEqual(['live'])
  })

  it('keeps submissionType when present and leaves it out when not', async () => {
    expect((await normalize({ status: 'running', submissionType: 'GoLive' })).submissionType).toBe(
      'GoLive'
    )
    expect(await normalize({ status: 'running' })).not.toHaveProperty('submissionType')
  })

  it('reads submissionState when status is missing, as list items carry it', async () => {
    const snapshot = await normalize({ submissionState: 'canceled', submissionType: 'publish' })

    expect(snapshot.status).toBe('canceled')
    expect(snapshot.rawStatus).toBe('canceled')
  })
})

describe('normalize statuses', () => {
  it.each([
    ['not started', 'notStarted'],
    ['NotStarted', 'notStarted'],
    ['running', 'running'],
    ['InProgress', 'running'],
    ['Completed', 'succeeded'],
    ['complete', 'succeeded'],
    ['SUCCEEDED', 'succeeded'],
    ['WaitingForPublisherReview', 'waiting'],
    ['failed', 'failed'],
    ['Cancelled', 'canceled'],
    ['Frobnicating', 'unknown']
  ])('normalizes operation status %j to %s and keeps the raw spelling', async (raw, status) => {
    const snapshot = await normalize({ status: raw })

    expect(snapshot.status).toBe(status)
    expect(snapshot.rawStatus).toBe(raw)
  })

  it.each([
    ['notStarted', 'notStarted'],
    ['inProgress', 'running'],
    ['waitingForPublisherReview', 'waiting'],
    ['Blocked', 'blocked'],
    ['Rejected', 'rejected'],
    ['complete', 'succeeded'],
    ['Canceled', 'canceled'],
    ['something new', 'unknown']
  ])('normalizes step status %j to %s and keeps the raw spelling', async (raw, status) => {
    const step = await oneStep({ id: 'displaycertify', status: raw })

    expect(step.status).toBe(status)
    expect(step.rawStatus).toBe(raw)
  })

  it('trims white space around a status before keeping it', async () => {
    const snapshot = await normalize({ status: '  Running \n' })

    expect(snapshot.status).toBe('running')
    expect(snapshot.rawStatus).toBe('Running')
  })

  it('treats a missing or non-text status as unknown with an empty raw status', async () => {
    for (const status of [undefined, null, '', '   ', {}, true]) {
      const snapshot = await normalize({ status })
      expect(snapshot.status).toBe('unknown')
      expect(snapshot.rawStatus).toBe('')
    }
    const step = await oneStep({ id: 'live' })
    expect(step.status).toBe('unknown')
    expect(step.rawStatus).toBe('')
  })
})

describe('normalize steps', () => {
  it('tolerates a step with only an id', async () => {
    expect(await oneStep({ id: 'live' })).toEqual({
      id: 'live',
      name: 'live',
      status: 'unknown',
      rawStatus: '',
      messages: []
    })
  })

  it('names a step without stepName by its id', async () => {
    expect((await oneStep({ id: 'publisher-signoff', status: 'running' })).name).toBe(
      'publisher-signoff'
    )
  })

  it('names a step with neither stepName nor id by its position', async () => {
    const { steps } = await normalize({
      status: 'running',
      steps: [{ id: 'a', status: 'complete' }, { stepName: 'Second' }, { status: 'running' }]
    })

    expect(steps.map((step) => [step.id, step.name])).toEqual([
      ['a', 'a'],
      ['', 'Second'],
      ['', 'step 3']
    ])
  })

  it('accepts a numeric id as text', async () => {
    expect(await oneStep({ id: 7, status: 'running' })).toMatchObject({ id: '7', name: '7' })
  })

  it.each([
    ['progressPercentage', { progressPercentage: 40 }, 40],
    ['processPercentage (the doc typo)', { processPercentage: 55 }, 55],
    [
      'progressPercentage over processPercentage',
      { progressPercentage: 10, processPercentage: 90 },
      10
    ],
    ['a numeric string', { progressPercentage: '70' }, 70],
    ['a padded numeric string', { progressPercentage: ' 25 ' }, 25],
    ['zero', { progressPercentage: 0 }, 0],
    ['a value above 100, clamped', { progressPercentage: 150 }, 100],
    ['a negative value, clamped', { progressPercentage: -5 }, 0],
    ['a string above 100, clamped', { processPercentage: '250' }, 100],
    ['a fraction, rounded', { progressPercentage: 33.6 }, 34]
  ])('reads progress from %s', async (_name, fields, progress) => {
    expect((await oneStep({ id: 'displaycertify', status: 'running', ...fields })).progress).toBe(
      progress
    )
  })

  it.each([
    ['missing', {}],
    ['null', { progressPercentage: null }],
    ['a word', { progressPercentage: 'half' }],
    ['an empty string', { progressPercentage: '' }],
    ['a blank string', { processPercentage: '  ' }],
    ['an object', { progressPercentage: { value: 5 } }],
    ['a boolean', { progressPercentage: true }]
  ])('leaves progress out when it is %s', async (_name, fields) => {
    expect(
      await oneStep({ id: 'displaycertify', status: 'running', ...fields })
    ).not.toHaveProperty('progress')
  })

  it('keeps estimatedTimeFrame when present and leaves it out when not', async () => {
    expect(
      (await oneStep({ id: 'live', estimatedTimeFrame: '~2-5 days' })).estimatedTimeFrame
    ).toBe('~2-5 days')
    expect(await oneStep({ id: 'live' })).not.toHaveProperty('estimatedTimeFrame')
    expect(await oneStep({ id: 'live', estimatedTimeFrame: '' })).not.toHaveProperty(
      'estimatedTimeFrame'
    )
  })

  it('keeps every step, in order, however many: the verdict must see them all', async () => {
    const raw = Array.from({ length: MAX_STEPS + 50 }, (_, i) => ({
      id: `s${i}`,
      status: 'running'
    }))

    const { steps } = await normalize({ status: 'running', steps: raw })

    expect(steps).toHaveLength(MAX_STEPS + 50)
    expect(steps[0].id).toBe('s0')
    expect(steps.at(-1)?.id).toBe(`s${MAX_STEPS + 49}`)
  })
})

describe('normalize field lengths', () => {
  const long = `${'x'.repeat(MAX_FIELD_CHARS)}TAIL${'y'.repeat(1_000)}`
  const capped = `${'x'.repeat(MAX_FIELD_CHARS)}…`

  it(`caps the operation status at MAX_FIELD_CHARS (${MAX_FIELD_CHARS}) with an ellipsis`, async () => {
    const snapshot = await normalize({ status: long })

    expect(snapshot.rawStatus).toBe(capped)
    expect(snapshot.status).toBe('unknown')
  })

  it('caps submissionType', async () => {
    expect((await normalize({ submissionType: long })).submissionType).toBe(capped)
  })

  it.each(['id', 'stepName', 'status', 'estimatedTimeFrame'])('caps a step %s', async (field) => {
    const step = await oneStep({ id: 'live', stepName: 'Live', [field]: long })
    const value = {
      id: step.id,
      stepName: step.name,
      status: step.rawStatus,
      estimatedTimeFrame: step.estimatedTimeFrame
    }[field]

    expect(value).toBe(capped)
  })

  it('leaves a field of exactly MAX_FIELD_CHARS alone', async () => {
    const exact = 'z'.repeat(MAX_FIELD_CHARS)

    expect((await oneStep({ id: exact })).id).toBe(exact)
  })

  it(`caps a message's text at MAX_MESSAGE_TEXT_CHARS (${MAX_MESSAGE_TEXT_CHARS}) with an ellipsis`, async () => {
    const { messages } = await normalize({
      status: 'failed',
      messages: [
        { messageHtml: `<p>${'w'.repeat(MAX_MESSAGE_TEXT_CHARS + 500)}</p>`, level: 'error' }
      ]
    })

    const text = messages[0].parts.map((part) => part.text).join('')
    expect(text).toBe(`${'w'.repeat(MAX_MESSAGE_TEXT_CHARS)}…`)
  })

  it('caps the text of a message across several parts', async () => {
    const half = 'h'.repeat(MAX_MESSAGE_TEXT_CHARS / 2 + 10)
    const { messages } = await normalize({
      messages: [`${half}<a href="https://example.com/a">${half}</a>${half}`]
    })

    const { parts } = messages[0]
    expect(parts).toHaveLength(2)
    expect(parts[0]).toEqual({ text: half })
    expect(parts[1].href).toBe('https://example.com/a')
    expect(parts[1].text.endsWith('…')).toBe(true)
    expect(parts.map((part) => part.text).join('')).toHaveLength(MAX_MESSAGE_TEXT_CHARS + 1)
  })
})

describe('normalize messages', () => {
  it('turns {messageHtml, level, timestamp} into a lower-cased level and plain text parts', async () => {
    const { messages } = await normalize({
      status: 'failed',
      messages: [
        {
          messageHtml:
            '<p>Certification <b>failed</b> &amp; stopped.</p><p>See <a href="https://aka.ms/cpp">the policy</a>.</p>',
          level: 'Error',
          timestamp: '2018-03-28T18:40:29.4713734Z'
        }
      ]
    })

    expect(messages).toEqual([
      {
        level: 'error',
        parts: [
          { text: 'Certification failed & stopped.\nSee ' },
          { text: 'the policy', href: 'https://aka.ms/cpp' },
          { text: '.' }
        ],
        timestamp: '2018-03-28T18:40:29.4713734Z'
      }
    ])
  })

  it('accepts plain string messages, as one doc table describes them', async () => {
    const { messages } = await normalize({
      status: 'running',
      messages: ['Validation &lt;started&gt;']
    })

    expect(messages).toEqual([{ level: 'information', parts: [{ text: 'Validation <started>' }] }])
  })

  it('defaults a missing or empty level to information and leaves a missing timestamp out', async () => {
    const { messages } = await normalize({
      messages: [{ messageHtml: 'one' }, { messageHtml: 'two', level: '' }]
    })

    expect(messages).toEqual([
      { level: 'information', parts: [{ text: 'one' }] },
      { level: 'information', parts: [{ text: 'two' }] }
    ])
  })

  it('keeps an unusual level, lower-cased', async () => {
    expect(
      (await normalize({ messages: [{ messageHtml: 'x', level: 'WARNING' }] })).messages[0].level
    ).toBe('warning')
  })

  it('reads message or text when messageHtml is missing', async () => {
    const { messages } = await normalize({
      messages: [{ message: 'from message' }, { text: 'from text' }]
    })

    expect(messages.map((message) => message.parts[0].text)).toEqual(['from message', 'from text'])
  })

  it.each([
    ['an empty string', ''],
    ['white space', '  \n\t '],
    ['only tags', '<p></p><br/>'],
    ['only a script', '<script>alert(1)</script>'],
    ['an object with empty messageHtml', { messageHtml: '', level: 'error' }],
    ['an object without text', { level: 'error', timestamp: '2018-03-28T18:40:29Z' }],
    ['an object with non-text messageHtml', { messageHtml: 42, level: 'error' }],
    ['null', null],
    ['a number', 42],
    ['an array', ['nested']]
  ])('drops a message that is %s', async (_name, item) => {
    expect((await normalize({ status: 'failed', messages: [item, 'kept'] })).messages).toEqual([
      { level: 'information', parts: [{ text: 'kept' }] }
    ])
  })

  it('normalizes step messages the same way', async () => {
    const step = await oneStep({
      id: 'displaycertify',
      status: 'blocked',
      messages: [
        {
          messageHtml: 'Blocked by <i>policy</i>',
          level: 'Error',
          timestamp: '2020-01-01T00:00:00Z'
        },
        '',
        'plain'
      ]
    })

    expect(step.messages).toEqual([
      { level: 'error', parts: [{ text: 'Blocked by policy' }], timestamp: '2020-01-01T00:00:00Z' },
      { level: 'information', parts: [{ text: 'plain' }] }
    ])
  })
})

describe('normalize links', () => {
  it('accepts links as strings or objects with uri or url, for preview and live', async () => {
    const snapshot = await normalize({
      status: 'succeeded',
      previewLinks: ['https://portal.azure.com/preview', { uri: 'https://example.com/uri' }],
      liveLinks: [{ url: 'http://example.com/url' }, '  https://example.com/padded  ']
    })

    expect(snapshot.previewLinks).toEqual([
      'https://portal.azure.com/preview',
      'https://example.com/uri'
    ])
    expect(snapshot.liveLinks).toEqual(['http://example.com/url', 'https://example.com/padded'])
  })

  it('keeps only http(s) links', async () => {
    const snapshot = await normalize({
      previewLinks: [
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'mailto:a@example.com',
        'ftp://example.com/file',
        'file:///etc/passwd',
        '/relative/path',
        'not a url',
        '',
        42,
        null,
        {},
        { uri: 'javascript:alert(1)' },
        { url: 7 },
        'https://example.com/kept'
      ]
    })

    expect(snapshot.previewLinks).toEqual(['https://example.com/kept'])
  })

  it(`keeps at most MAX_LINKS (${MAX_LINKS}) links, counting only kept ones`, async () => {
    const good = Array.from({ length: MAX_LINKS + 20 }, (_, i) => `https://example.com/${i}`)

    const { liveLinks } = await normalize({ liveLinks: ['javascript:void(0)', ...good] })

    expect(liveLinks).toHaveLength(MAX_LINKS)
    expect(liveLinks[0]).toBe('https://example.com/0')
    expect(liveLinks.at(-1)).toBe(`https://example.com/${MAX_LINKS - 1}`)
  })
})

describe('normalize the documented example', () => {
  it('normalizes the one-element array example with six steps fully', async () => {
    const body = [
      rawOperation(
        'running',
        rawSteps({
          displaydummycertify: { status: 'complete', progressPercentage: 100 },
          displaycertify: {
            status: 'inProgress',
            progressPercentage: 40,
            messages: [
              {
                messageHtml: 'Certification <b>started</b>',
                level: 'Information',
                timestamp: '2018-03-28T18:40:29.4713734Z'
              }
            ]
          }
        })
      )
    ]

    const expected: Snapshot = {
      status: 'running',
      rawStatus: 'running',
      submissionType: 'Publish',
      steps: [
        {
          id: 'displaydummycertify',
          name: 'Validate pre-requisites',
          status: 'succeeded',
          rawStatus: 'complete',
          progress: 100,
          estimatedTimeFrame: '< 15 min',
          messages: []
        },
        {
          id: 'displaycertify',
          name: 'Certification',
          status: 'running',
          rawStatus: 'inProgress',
          progress: 40,
          estimatedTimeFrame: '< 5 day',
          messages: [
            {
              level: 'information',
              parts: [{ text: 'Certification started' }],
              timestamp: '2018-03-28T18:40:29.4713734Z'
            }
          ]
        },
        ...(
          [
            ['displayprovision', 'Provisioning', '< 1 day'],
            ['displaypackage', 'Packaging and lead generation', '< 1 hour'],
            ['publisher-signoff', 'Publisher signoff', '< 1 hour'],
            ['live', 'Live', '~2-5 days']
          ] as const
        ).map(([id, name, estimatedTimeFrame]): Step => ({
          id,
          name,
          status: 'notStarted',
          rawStatus: 'notStarted',
          progress: 0,
          estimatedTimeFrame,
          messages: []
        }))
      ],
      messages: [],
      previewLinks: [],
      liveLinks: []
    }
    expect(await normalize(body)).toEqual(expected)
  })

  it('normalizes the documented offer-status example, processPercentage and all', async () => {
    const snapshot = await normalize({
      status: 'succeeded',
      messages: [
        {
          messageHtml: 'Test message',
          level: 'Information',
          timestamp: '2018-04-05T23:40:29.1468497Z'
        }
      ],
      steps: [
        {
          estimatedTimeFrame: '< 1 hour',
          id: 'publisher-signoff',
          stepName: 'Publisher signoff',
          status: 'complete',
          messages: [],
          processPercentage: 0
        }
      ],
      previewLinks: [],
      liveLinks: [],
      notificationEmails: 'jondoe@contoso.com'
    })

    expect(snapshot.status).toBe('succeeded')
    expect(snapshot.messages).toEqual([
      {
        level: 'information',
        parts: [{ text: 'Test message' }],
        timestamp: '2018-04-05T23:40:29.1468497Z'
      }
    ])
    expect(snapshot.steps).toEqual([
      {
        id: 'publisher-signoff',
        name: 'Publisher signoff',
        status: 'succeeded',
        rawStatus: 'complete',
        progress: 0,
        estimatedTimeFrame: '< 1 hour',
        messages: []
      }
    ])
  })
})

describe('the HTML parser', () => {
  it('is loaded where markup is met: every message field with markup is parsed in a fresh module', async () => {
    const markup = (word: string): string => `<b>${word}</b> &amp; <i>more</i>`
    await jest.isolateModulesAsync(async () => {
      const fresh = await import('../../../src/backends/cpp/normalize.js')
      const snapshot = await fresh.normalize({
        status: 'running',
        messages: [{ messageHtml: markup('html') }, markup('string')],
        steps: [
          {
            id: 's',
            messages: [{ message: markup('message') }, { text: markup('text') }]
          }
        ]
      })
      const texts = [...snapshot.messages, ...snapshot.steps[0].messages].map((item) =>
        item.parts.map((part) => part.text).join('')
      )
      expect(texts).toEqual(['html & more', 'string & more', 'message & more', 'text & more'])
    })
  })
})
