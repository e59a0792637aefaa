import { describe, expect, it, jest } from '@jest/globals'
import { messageText, type Message, type Snapshot } from '../../src/model/snapshot.js'
import { clip } from '../../src/model/describe.js'
import { bytes, fitByLeavingOutOldest, latest, withoutOldest } from '../../src/report/trim.js'
import { message, snapshot, step } from '../fixtures/report.js'

/** Texts of every message left in the snapshot, operation messages first, then step by step. */
function texts(trimmed: Snapshot): string[] {
  return [trimmed.messages, ...trimmed.steps.map((s) => s.messages)].flat().map(messageText)
}

function at(minute: number): string {
  return new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString()
}

/**
 * Operation messages and two steps' messages, interleaved in time, with undated ones and a tie.
 * Oldest first: undated-op, undated-b (undated, in API order), then op-1 (00:01), a-2 (00:02),
 * tie-op / tie-a / tie-b (00:03, in API order), b-4 (00:04), a-5 (00:05).
 */
function mixed(): Snapshot {
  return snapshot(
    'running',
    [
      step('a', 'running', {
        messages: [
          message('a-5', 'information', at(5)),
          message('tie-a', 'information', at(3)),
          message('a-2', 'information', at(2))
        ]
      }),
      step('b', 'notStarted', {
        messages: [
          message('b-4', 'information', at(4)),
          message('undated-b'),
          message('tie-b', 'information', at(3))
        ]
      })
    ],
    {
      messages: [
        message('tie-op', 'information', at(3)),
        message('undated-op'),
        message('op-1', 'information', at(1))
      ]
    }
  )
}

const OLDEST_FIRST = [
  'undated-op',
  'undated-b',
  'op-1',
  'a-2',
  'tie-op',
  'tie-a',
  'tie-b',
  'b-4',
  'a-5'
]

describe('withoutOldest', () => {
  it.each(OLDEST_FIRST.map((_, count) => [count]))(
    'leaving out %i messages removes exactly the oldest ones across operation and steps',
    (count) => {
      const left = texts(withoutOldest(mixed(), count))
      expect(left).toHaveLength(OLDEST_FIRST.length - count)
      expect(new Set(left)).toEqual(new Set(OLDEST_FIRST.slice(count)))
    }
  )

  it('counts undated messages as the oldest, in API order', () => {
    expect(texts(withoutOldest(mixed(), 1))).not.toContain('undated-op')
    expect(texts(withoutOldest(mixed(), 1))).toContain('undated-b')
    expect(texts(withoutOldest(mixed(), 2))).toContain('op-1')
  })

  it('counts an unparseable timestamp as undated', () => {
    const trimmed = withoutOldest(
      snapshot('running', [], {
        messages: [
          message('dated', 'information', at(1)),
          message('garbled', 'error', 'not a date')
        ]
      }),
      1
    )
    expect(texts(trimmed)).toEqual(['dated'])
  })

  it('breaks timestamp ties by API order: operation messages, then steps in order', () => {
    const before = OLDEST_FIRST.indexOf('tie-op')
    expect(texts(withoutOldest(mixed(), before + 1))).toEqual(
      expect.arrayContaining(['tie-a', 'tie-b'])
    )
    expect(texts(withoutOldest(mixed(), before + 1))).not.toContain('tie-op')
    expect(texts(withoutOldest(mixed(), before + 2))).not.toContain('tie-a')
    expect(texts(withoutOldest(mixed(), before + 2))).toContain('tie-b')
  })

  it('keeps the remaining messages in their place and order', () => {
    const trimmed = withoutOldest(mixed(), 3)
    expect(trimmed.messages.map(messageText)).toEqual(['tie-op'])
    expect(trimmed.steps.map((s) => s.messages.map(messageText))).toEqual([
      ['a-5', 'tie-a', 'a-2'],
      ['b-4', 'tie-b']
    ])
  })

  it('keeps everything but the messages: steps, statuses, links', () => {
    const original = mixed()
    const trimmed = withoutOldest(original, OLDEST_FIRST.length)
    expect(texts(trimmed)).toEqual([])
    expect(trimmed.steps.map((s) => [s.id, s.status])).toEqual([
      ['a', 'running'],
      ['b', 'notStarted']
    ])
    expect({ ...trimmed, steps: [], messages: [] }).toEqual({
      ...original,
      steps: [],
      messages: []
    })
  })

  it.each([[0], [-1]])('leaves the snapshot as it is when asked to leave out %i', (count) => {
    const original = mixed()
    expect(withoutOldest(original, count)).toEqual(original)
  })

  it('leaves out everything, and no more, when asked for more than there are', () => {
    expect(texts(withoutOldest(mixed(), 1000))).toEqual([])
  })

  it('does not change the snapshot it was given', () => {
    const original = mixed()
    const copy = structuredClone(original)
    withoutOldest(original, 5)
    expect(original).toEqual(copy)
  })
})

describe('latest', () => {
  it('is undefined for no messages', () => {
    expect(latest([])).toBeUndefined()
  })

  it.each<[string, Message[], string]>([
    [
      'the newest timestamp wherever it is in the list',
      [message('mid', 'info', at(2)), message('new', 'info', at(9)), message('old', 'info', at(1))],
      'new'
    ],
    [
      'a dated message over undated ones',
      [message('dated', 'info', at(1)), message('undated')],
      'dated'
    ],
    ['the last in API order among undated ones', [message('first'), message('second')], 'second'],
    [
      'the last in API order among equal timestamps',
      [
        message('first', 'info', at(3)),
        message('second', 'info', at(3)),
        message('old', 'info', at(1))
      ],
      'second'
    ],
    [
      'a dated message over one with an unparseable timestamp',
      [message('dated', 'info', at(1)), message('garbled', 'info', 'yesterday-ish')],
      'dated'
    ],
    ['the only message', [message('only')], 'only']
  ])('picks %s', (_, messages, expected) => {
    const newest = latest(messages)
    expect(newest && messageText(newest)).toBe(expected)
  })

  it('compares instants, not spellings, across time zones', () => {
    const messages = [
      message('utc', 'info', '2024-01-01T10:00:00Z'),
      message('plus-two', 'info', '2024-01-01T11:00:00+02:00')
    ]
    const newest = latest(messages)
    expect(newest && messageText(newest)).toBe('utc')
  })
})

describe('fitByLeavingOutOldest', () => {
  /** Ten messages, m0 oldest … m9 newest, each 10 bytes of text. */
  function tenMessages(): Snapshot {
    return snapshot('running', [
      step('a', 'running', {
        messages: Array.from({ length: 10 }, (_, i) =>
          message(`m${i}`.padEnd(10, '.'), 'information', at(i))
        )
      })
    ])
  }

  /** A render whose size is `header` bytes plus 10 per message. */
  function renderer(header = 0) {
    return jest.fn(
      (trimmed: Snapshot, leftOut: number) =>
        `${'#'.repeat(header)}${leftOut}|${texts(trimmed).join('')}`
    )
  }

  it('renders everything when it fits', () => {
    const render = renderer()
    const fitted = fitByLeavingOutOldest(tenMessages(), 1000, render)
    expect(fitted).toEqual({ leftOut: 0, fits: true, text: `0|${texts(tenMessages()).join('')}` })
  })

  it.each([
    // maxBytes, messages kept (the render is "<leftOut>|" plus 10 bytes per message)
    [102, 10],
    [101, 9],
    [92, 9],
    [91, 8],
    [52, 5],
    [22, 2],
    [12, 1],
    [11, 0],
    [3, 0]
  ])(
    'within %i bytes keeps the newest %i messages, leaving out as few as it must',
    (maxBytes, kept) => {
      const fitted = fitByLeavingOutOldest(tenMessages(), maxBytes, renderer())
      const leftOut = 10 - kept
      expect(fitted.fits).toBe(true)
      expect(fitted.leftOut).toBe(leftOut)
      expect(bytes(fitted.text)).toBeLessThanOrEqual(maxBytes)
      const shown = fitted.text.slice(fitted.text.indexOf('|') + 1)
      expect(shown).toBe(
        Array.from({ length: kept }, (_, i) => `m${leftOut + i}`.padEnd(10, '.')).join('')
      )
    }
  )

  it('tells the render function how many messages it left out', () => {
    const render = renderer()
    fitByLeavingOutOldest(tenMessages(), 45, render)
    for (const [trimmed, leftOut] of render.mock.calls) {
      const count = trimmed.steps.reduce(
        (sum, each) => sum + each.messages.length,
        trimmed.messages.length
      )
      expect(count).toBe(10 - leftOut)
    }
    expect(render.mock.calls.at(-1)?.[1]).toBe(6)
  })

  it('reports fits: false, with every message left out, when even that is too big', () => {
    const fitted = fitByLeavingOutOldest(tenMessages(), 50, renderer(60))
    expect(fitted.fits).toBe(false)
    expect(fitted.leftOut).toBe(10)
    expect(fitted.text).toBe(`${'#'.repeat(60)}10|`)
  })

  it('counts bytes, not characters', () => {
    const snap = snapshot('running', [
      step('a', 'running', {
        messages: [message('ééééé', 'information', at(1)), message('€€€€€', 'information', at(2))]
      })
    ])
    // "0|" + 10 + 15 bytes = 27; "1|" + 15 = 17.
    const fitted = fitByLeavingOutOldest(
      snap,
      26,
      (trimmed, leftOut) => `${leftOut}|${texts(trimmed).join('')}`
    )
    expect(fitted).toEqual({ text: '1|€€€€€', leftOut: 1, fits: true })
  })

  it('needs only a few renders for a flood of messages', () => {
    const flood = snapshot('running', [
      step('a', 'running', {
        messages: Array.from({ length: 4096 }, (_, i) =>
          message(
            'x'.repeat(10),
            'information',
            new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString()
          )
        )
      })
    ])
    const render = renderer()
    const fitted = fitByLeavingOutOldest(flood, 10 * 100 + 5, render)
    expect(fitted.leftOut).toBe(4096 - 100)
    expect(render.mock.calls.length).toBeLessThanOrEqual(20)
  })
})

describe('clip', () => {
  it.each([
    ['', 5, ''],
    ['short', 10, 'short'],
    ['exactly', 7, 'exactly'],
    ['one too long', 11, 'one too lo…'],
    ['abcdef', 2, 'a…']
  ])('clip(%j, %i) is %j', (text, max, expected) => {
    expect(clip(text, max)).toBe(expected)
  })

  it('never returns more than max characters and marks the cut with an ellipsis', () => {
    const clipped = clip('x'.repeat(10_000), 4_000)
    expect(clipped).toHaveLength(4_000)
    expect(clipped.endsWith('…')).toBe(true)
    expect(clipped.startsWith('x'.repeat(3_999))).toBe(true)
  })
})

describe('bytes', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4]
  ])('%j is %i UTF-8 bytes', (text, expected) => {
    expect(bytes(text)).toBe(expected)
  })
})
