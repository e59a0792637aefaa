import { describe, expect, it } from '@jest/globals'
import { Parser } from 'htmlparser2'
import { MAX_MESSAGE_CHARS, SUMMARY_MAX_BYTES } from '../../src/constants.js'
import { normalize } from '../../src/backends/cpp/normalize.js'
import type { ErrorNode, Message, Snapshot, Step } from '../../src/model/snapshot.js'
import type { Result } from '../../src/model/outcome.js'
import type { Report } from '../../src/report/report.js'
import { renderSummary } from '../../src/report/summary.js'
import type { Status } from '../../src/model/status.js'
import { verdict } from '../../src/gate/verdict.js'
import { rawOperation, rawSteps } from '../fixtures/cpp.js'
import { message, report, snapshot, step } from '../fixtures/report.js'

// ---- A small DOM, so that assertions are about what a browser would show, not about spelling.

interface Element {
  name: string
  attribs: Record<string, string>
  children: Array<Element | string>
}

function parse(html: string): Element {
  const root: Element = { name: '#root', attribs: {}, children: [] }
  const open: Element[] = [root]
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const element: Element = { name, attribs, children: [] }
        open[open.length - 1].children.push(element)
        open.push(element)
      },
      ontext(text) {
        open[open.length - 1].children.push(text)
      },
      onclosetag() {
        if (open.length > 1) open.pop()
      }
    },
    { decodeEntities: true }
  )
  parser.end(html)
  return root
}

function all(element: Element, name?: string): Element[] {
  return element.children.flatMap((child) =>
    typeof child === 'string'
      ? []
      : [...(name === undefined || child.name === name ? [child] : []), ...all(child, name)]
  )
}

/** What a reader sees, a non-breaking space read as a space (see 'keeps icon and status…'). */
function text(element: Element): string {
  return element.children
    .map((child) => (typeof child === 'string' ? child : text(child)))
    .join('')
    .replace(/\u00a0/g, ' ')
}

/** The cells of each table row that has <td> cells, as text. */
function rows(root: Element): string[][] {
  return all(root, 'tr')
    .map((row) => all(row, 'td').map(text))
    .filter((cells) => cells.length === 5)
}

/** Footer rows: header cell text → value cell element. */
function footer(root: Element): Map<string, Element> {
  const entries = all(root, 'tr').flatMap((row): Array<[string, Element]> => {
    const [th] = all(row, 'th')
    const [td] = all(row, 'td')
    return th && td && all(row, 'td').length === 1 ? [[text(th), td]] : []
  })
  return new Map(entries)
}

function leftOutNotice(root: Element): number | undefined {
  const notice = all(root, 'p')
    .map(text)
    .find((line) => /left out/.test(line))
  if (notice === undefined) return undefined
  return Number(/(\d+)/.exec(notice)?.[1])
}

const ALLOWED_TAGS = new Set([
  'h2',
  'p',
  'table',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'ul',
  'li',
  'strong',
  'em',
  'a',
  'code',
  'br'
])

function expectSafe(html: string): void {
  const root = parse(html)
  for (const element of all(root)) {
    expect(ALLOWED_TAGS).toContain(element.name)
    for (const attribute of Object.keys(element.attribs)) expect(attribute).not.toMatch(/^on/i)
    if (element.name === 'a') expect(element.attribs.href).toMatch(/^https?:\/\//)
  }
  expect(html).not.toMatch(/<(script|img|iframe|svg|style)/i)
}

// ---- Reports

function at(second: number): string {
  return new Date(Date.UTC(2024, 0, 1) + second * 1000).toISOString()
}

const certification: Step = step('displaycertify', 'failed', {
  name: 'Certification',
  rawStatus: 'Failed',
  progress: 60,
  estimatedTimeFrame: '< 5 day',
  messages: [
    message('Newest finding.', 'error', at(30)),
    message('Started certification.', 'information', at(10)),
    message('Middle finding.', 'warning', at(20))
  ]
})

const failedRun: Snapshot = snapshot(
  'failed',
  [
    step('displaydummycertify', 'succeeded', {
      name: 'Validate pre-requisites',
      progress: 100,
      estimatedTimeFrame: '< 15 min'
    }),
    certification,
    step('publisher-signoff', 'notStarted', {
      name: 'Publisher signoff',
      estimatedTimeFrame: '< 1 hour'
    })
  ],
  {
    rawStatus: 'Failed',
    submissionType: 'Publish',
    messages: [message('Operation accepted.', 'information', at(1))],
    previewLinks: ['https://preview.example.com/offer'],
    liveLinks: ['https://live.example.com/offer']
  }
)

const failedReport = report({
  result: 'failed',
  message: 'Certification failed: Newest finding.',
  snapshot: failedRun,
  failedStep: certification,
  polls: 12,
  requests: 13
})

describe('renderSummary', () => {
  describe('content', () => {
    const root = parse(renderSummary(failedReport))

    it('heads the summary with the publisher, the offer and the result', () => {
      const [heading] = all(root, 'h2')
      expect(text(heading)).toContain('contoso / contoso-vm')
      expect(text(heading)).toContain('failed')
    })

    it('states the verdict message', () => {
      expect(all(root, 'p').map(text)).toContain('Certification failed: Newest finding.')
    })

    it('shows the operation status', () => {
      expect(all(root, 'p').map(text)).toContain(
        '❌ The operation has failed at the API; the gate stopped because Certification failed.'
      )
    })

    it('lists every step in a table: name, status with icon, progress, estimated time, latest message', () => {
      expect(rows(root)).toEqual([
        ['Validate pre-requisites' + 'displaydummycertify', '✅ succeeded', '100%', '< 15 min', ''],
        ['Certification' + 'displaycertify', '❌ failed', '60%', '< 5 day', 'Newest finding.'],
        ['Publisher signoff' + 'publisher-signoff', '⚪ not started', '', '< 1 hour', '']
      ])
    })

    it('shows each step’s messages in a collapsible block titled with the step', () => {
      const blocks = all(root, 'details')
      const certificationBlock = blocks.find((block) =>
        text(all(block, 'summary')[0]).includes('Certification')
      )
      expect(certificationBlock).toBeDefined()
      const items = all(certificationBlock as Element, 'li').map(text)
      // Timestamps as people read them: to the second, in UTC, and saying so.
      expect(items).toEqual([
        'error · 2024-01-01 00:00:30 UTC: Newest finding.',
        'information · 2024-01-01 00:00:10 UTC: Started certification.',
        'warning · 2024-01-01 00:00:20 UTC: Middle finding.'
      ])
    })

    it('shows the operation-level messages too', () => {
      const block = all(root, 'details').find((details) =>
        text(details).includes('Operation accepted.')
      )
      expect(block).toBeDefined()
      expect(text(all(block as Element, 'summary')[0])).toMatch(/operation/i)
    })

    it('adds no block for a step without messages', () => {
      const titles = all(root, 'summary').map(text)
      expect(titles.some((title) => title.includes('Publisher signoff'))).toBe(false)
      expect(titles.some((title) => title.includes('Validate pre-requisites'))).toBe(false)
    })

    it('ends with the operation id, submission type, links, elapsed time, polls and requests', () => {
      const rowsByName = footer(root)
      expect(text(rowsByName.get('Operation') as Element)).toBe('op-1234')
      expect(text(rowsByName.get('Submission type') as Element)).toBe('Publish')
      expect(
        all(rowsByName.get('Preview links') as Element, 'a').map((a) => a.attribs.href)
      ).toEqual(['https://preview.example.com/offer'])
      expect(all(rowsByName.get('Live links') as Element, 'a').map((a) => a.attribs.href)).toEqual([
        'https://live.example.com/offer'
      ])
      expect(text(rowsByName.get('Elapsed') as Element)).toBe('2m5s')
      expect(text(rowsByName.get('Polls') as Element)).toBe('12')
      expect(text(rowsByName.get('Requests') as Element)).toBe('13')
    })

    it('says nothing about left-out messages when all fit', () => {
      expect(leftOutNotice(root)).toBeUndefined()
    })
  })

  it.each<[Status, string, string]>([
    ['notStarted', 'NotStarted', 'not started'],
    ['running', 'InProgress', 'running'],
    ['waiting', 'WaitingForPublisherReview', 'waiting'],
    ['succeeded', 'Succeeded', 'succeeded'],
    ['failed', 'Failed', 'failed'],
    ['blocked', 'Blocked', 'blocked'],
    ['rejected', 'Rejected', 'rejected'],
    ['canceled', 'Cancelled', 'canceled'],
    ['unknown', 'Frobnicating', '"Frobnicating"']
  ])('shows a %s step as an icon and %j', (status, rawStatus, shown) => {
    const root = parse(
      renderSummary(report({ snapshot: snapshot('running', [step('s', status, { rawStatus })]) }))
    )
    const [[, cell]] = rows(root)
    expect(cell).toMatch(new RegExp(`^\\p{Extended_Pictographic}\\S*\\s${shown}$`, 'u'))
  })

  it.each<Result>([
    'succeeded',
    'failed',
    'blocked',
    'canceled',
    'timed-out',
    'error',
    'interrupted'
  ])('heads a %s run with an icon and the result', (result) => {
    const root = parse(renderSummary(report({ result })))
    expect(text(all(root, 'h2')[0])).toMatch(
      new RegExp(`^\\p{Extended_Pictographic}.*: ${result}$`, 'u')
    )
  })

  it('keeps icon and status on one line in the table, however narrow the column', () => {
    const html = renderSummary(report({ snapshot: snapshot('running', [step('a', 'notStarted')]) }))
    expect(html).toContain('<td>⚪&nbsp;not&nbsp;started</td>')
  })

  describe('outages', () => {
    const paragraphs = (ended: Parameters<typeof report>[0]): string[] =>
      all(parse(renderSummary(report(ended))), 'p').map(text)

    it('says how long the API was unavailable during a wait the gate rode out', () => {
      const shown = paragraphs({
        result: 'succeeded',
        outages: { count: 1, totalMs: 1_200_000, longestMs: 1_200_000, ongoing: false }
      })
      expect(shown).toContain(
        '📡 The API was unavailable for 20m during the wait (1 outage); the gate rode it out.'
      )
    })

    it('names the longest of several, and one still going when the gate stopped', () => {
      const shown = paragraphs({
        result: 'timed-out',
        outages: { count: 3, totalMs: 5_400_000, longestMs: 3_000_000, ongoing: true }
      })
      expect(shown).toContain(
        '📡 The API was unavailable for 1h30m during the wait (3 outages, the longest 50m); it was still unavailable when the gate stopped.'
      )
    })

    it('says nothing of outages when there was none', () => {
      expect(paragraphs({ result: 'succeeded' }).join(' ')).not.toContain('unavailable')
    })
  })

  it('says so when the operation lists no steps', () => {
    const root = parse(
      renderSummary(report({ snapshot: snapshot('running', [], { rawStatus: 'InProgress' }) }))
    )
    expect(all(root, 'p').map(text).join('\n')).toMatch(
      /still running at the API; the gate passed\.\nThe API listed no steps\./
    )
    expect(rows(root)).toEqual([])
  })

  it('names the offer status instead of an operation when there is no operation id', () => {
    const root = parse(renderSummary(report({ snapshot: failedRun }, { operationId: '' })))
    expect(text(footer(root).get('Operation') as Element)).toMatch(/offer status/)
  })

  describe('the fix, one click away', () => {
    const link = 'https://partner.microsoft.com/dashboard/offer/technical-configuration'
    const blockedStep = step('displaycertify', 'blocked', {
      name: 'Certification',
      messages: [
        message('Certification started.', 'information', '2026-11-30T10:00:00.123Z'),
        {
          level: 'error',
          timestamp: '2026-11-30T10:05:00.456Z',
          parts: [
            { text: 'No image was found for plan gen2. See ' },
            { text: 'technical configuration', href: link },
            { text: '.' }
          ]
        },
        message('Certification is waiting for a fix.', 'information', '2026-11-30T10:06:00Z')
      ]
    })
    const blocked = snapshot('running', [blockedStep])
    const found = verdict(blocked, { kind: 'completion' }, {})
    if (found.kind !== 'fail') throw new Error('expected a failing verdict')
    const root = parse(
      renderSummary(
        report({
          result: found.result,
          message: found.message,
          quote: found.quote,
          failedStep: blockedStep,
          snapshot: blocked
        })
      )
    )
    const paragraphs = all(root, 'p')

    it('links the quoted message in the verdict paragraph', () => {
      const verdictParagraph = paragraphs.find((p) => text(p).startsWith('Certification is'))
      expect(verdictParagraph && text(verdictParagraph)).toBe(
        'Certification is blocked: No image was found for plan gen2. See technical configuration.'
      )
      const anchors = all(verdictParagraph as Element, 'a')
      expect(anchors.map((a) => [a.attribs.href, text(a)])).toEqual([
        [link, 'technical configuration']
      ])
    })

    it("shows the verdict's message, with its link, in the failing step's cell rather than the newest one", () => {
      const [row] = all(root, 'tr').filter((each) => all(each, 'td').length === 5)
      const cell = all(row, 'td')[4]
      expect(text(cell)).toBe('No image was found for plan gen2. See technical configuration.')
      expect(all(cell, 'a').map((a) => a.attribs.href)).toEqual([link])
    })

    it('says what the operation does at the API and what the gate decided, apart', () => {
      expect(paragraphs.map(text)).toContain(
        '🔄 The operation is still running at the API; the gate stopped because Certification is blocked.'
      )
    })
  })

  it.each<[Result, Snapshot['status'], string]>([
    ['succeeded', 'succeeded', '✅ The operation has succeeded at the API; the gate passed.'],
    [
      'succeeded',
      'waiting',
      '⏸️ The operation is waiting at the API (Publisher signoff: waiting); the gate passed.'
    ],
    [
      'timed-out',
      'running',
      '🔄 The operation is still running at the API; the gate stopped waiting at its timeout.'
    ],
    [
      'interrupted',
      'waiting',
      '⏸️ The operation is waiting at the API (Publisher signoff: waiting); the gate was interrupted before its verdict.'
    ],
    [
      'pending',
      'running',
      '🔄 The operation is still running at the API; the gate looked once (mode: check) and leaves it running.'
    ],
    ['canceled', 'canceled', '🚫 The operation was canceled at the API; the gate failed with it.']
  ])('status line for %s with the operation %s', (result, status, expected) => {
    const steps = [
      step('displaycertify', 'succeeded', { name: 'Certification' }),
      step('publishersignoff', status === 'waiting' ? 'waiting' : 'notStarted', {
        name: 'Publisher signoff'
      })
    ]
    const root = parse(renderSummary(report({ result, snapshot: snapshot(status, steps) })))
    expect(all(root, 'p').map(text)).toContain(expected)
  })

  it('names what is watched as the backend does', () => {
    const root = parse(
      renderSummary(
        report(
          { result: 'timed-out', snapshot: snapshot('running', []) },
          { subject: 'Configure job' }
        )
      )
    )
    expect(all(root, 'p').map(text).join('\n')).toContain(
      'The configure job is still running at the API; the gate stopped waiting at its timeout.'
    )
  })

  /** The verdict paragraph of a failure quoting these parts. */
  function verdictOf(parts: Message['parts']): Element {
    const failing = step('c', 'failed', { name: 'C', messages: [{ level: 'error', parts }] })
    const found = verdict(snapshot('failed', [failing]), { kind: 'completion' }, {})
    if (found.kind !== 'fail') throw new Error('expected a failing verdict')
    const root = parse(
      renderSummary(
        report({
          result: 'failed',
          message: found.message,
          quote: found.quote,
          failedStep: failing
        })
      )
    )
    const paragraph = all(root, 'p').find((p) => text(p).startsWith('C failed'))
    if (paragraph === undefined) throw new Error('no verdict paragraph')
    return paragraph
  }

  it('keeps a long quoted message within the verdict’s length, links and all', () => {
    const long = 'x'.repeat(MAX_MESSAGE_CHARS * 2)
    const shown = text(verdictOf([{ text: 'See ' }, { text: long, href: 'https://example.com/r' }]))
    // The link's address counts with its words: the HTML carries both.
    expect(shown.length + 'https://example.com/r'.length).toBe(MAX_MESSAGE_CHARS)
    expect(shown.endsWith('x…')).toBe(true)
  })

  it('keeps a quote that fits exactly whole, and cuts one character more', () => {
    const room = MAX_MESSAGE_CHARS - 'C failed: '.length
    const exact = verdictOf([{ text: 'a'.repeat(room - 10) }, { text: 'b'.repeat(10) }])
    expect(text(exact)).toBe(`C failed: ${'a'.repeat(room - 10)}${'b'.repeat(10)}`)
    const over = verdictOf([{ text: 'a'.repeat(room - 10) }, { text: 'b'.repeat(11) }])
    expect(text(over)).toBe(`C failed: ${'a'.repeat(room - 10)}${'b'.repeat(9)}…`)
  })

  it('drops the link of a cut part whose address no longer fits, keeping its words', () => {
    const room = MAX_MESSAGE_CHARS - 'C failed: '.length
    const href = `https://example.com/${'p'.repeat(100)}`
    const paragraph = verdictOf([{ text: 'a'.repeat(room - 50) }, { text: 'see it', href }])
    expect(all(paragraph, 'a')).toEqual([])
    // Its words fit, but the link does not: the cut is marked.
    expect(text(paragraph)).toBe(`C failed: ${'a'.repeat(room - 50)}see it…`)
  })

  it('never links what is not an http(s) address, in the verdict or the step’s cell', () => {
    const html = renderSummary(
      report({
        result: 'failed',
        message: 'C failed: x',
        quote: {
          lead: 'C failed',
          messages: [{ level: 'error', parts: [{ text: 'x', href: 'javascript:alert(1)' }] }]
        },
        failedStep: step('c', 'failed'),
        snapshot: snapshot('failed', [
          step('c', 'failed', {
            messages: [{ level: 'error', parts: [{ text: 'x', href: 'javascript:alert(1)' }] }]
          })
        ])
      })
    )
    expect(all(parse(html), 'a')).toEqual([])
    expect(html).not.toContain('javascript:')
  })

  it('stays under its limit when every message of a failing step links a huge address', async () => {
    const huge = `https://x.example/${'y'.repeat(39_000)}`
    const last = await normalize(
      rawOperation(
        'failed',
        rawSteps({
          displaycertify: {
            status: 'failed',
            messages: Array.from({ length: 200 }, (_, i) => ({
              level: 'Error',
              messageHtml: `<p>Problem ${i}: <a href="${huge}">x</a></p>`
            }))
          }
        })
      )
    )
    const found = verdict(last, { kind: 'completion' }, {})
    if (found.kind !== 'fail') throw new Error('expected a failing verdict')
    const html = renderSummary(
      report({
        result: 'failed',
        message: found.message,
        quote: found.quote,
        ...(found.failedStep ? { failedStep: found.failedStep } : {}),
        snapshot: last
      })
    )
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(html).not.toContain(huge)
  })

  it('never writes a blank line, which would end the summary’s HTML block', () => {
    const html = renderSummary(
      report({
        result: 'failed',
        message: 'C failed: a\n\nb',
        quote: {
          lead: 'C\n\nfailed',
          messages: [{ level: 'error', parts: [{ text: 'a\r\n\r\n![x](https://e.example/x)' }] }]
        },
        snapshot: snapshot('failed', [
          step('c\n\nd', 'unknown', {
            rawStatus: 'odd\r\rstatus',
            estimatedTimeFrame: '5\r\n\r\ndays',
            messages: [message('m\n\nn', 'error\r\r', '2026\n\n')]
          })
        ])
      })
    )
    expect(html).not.toMatch(/\n[ \t]*\n/)
    expect(html).not.toContain('\r')
  })

  it.each([
    ['an ISO time with Z', '2026-11-30T15:40:12.345Z', '2026-11-30 15:40:12 UTC'],
    ['an ISO time with an offset', '2026-11-30T16:40:12+01:00', '2026-11-30 15:40:12 UTC'],
    [
      'an ISO time without an offset (local to whom?)',
      '2026-11-30T15:40:12',
      '2026-11-30T15:40:12'
    ],
    ['text that only looks like a date to a loose parser', 'Build 7', 'Build 7']
  ])('shows %s as %s', (_what, timestamp, shown) => {
    const root = parse(
      renderSummary(
        report({
          snapshot: snapshot('running', [
            step('c', 'running', { messages: [message('m', 'information', timestamp)] })
          ])
        })
      )
    )
    expect(all(root, 'li').map(text)).toEqual([`information · ${shown}: m`])
  })

  it('lets a status spelling the gate does not know wrap in its cell', () => {
    const html = renderSummary(
      report({
        snapshot: snapshot('running', [step('a', 'unknown', { rawStatus: 'Some Odd State' })])
      })
    )
    expect(html).toContain('<td>❔&nbsp;&quot;Some Odd State&quot;</td>')
  })

  describe('without a snapshot', () => {
    const html = renderSummary(
      report(
        { result: 'error', message: 'Input timeout: expected a duration.', polls: 0, requests: 0 },
        { elapsedMs: 0 }
      )
    )
    const root = parse(html)

    it('still has the heading, the verdict and the footer', () => {
      expect(text(all(root, 'h2')[0])).toContain('contoso / contoso-vm')
      expect(text(all(root, 'h2')[0])).toContain('error')
      expect(all(root, 'p').map(text)).toContain('Input timeout: expected a duration.')
      expect(text(footer(root).get('Operation') as Element)).toBe('op-1234')
      expect(text(footer(root).get('Polls') as Element)).toBe('0')
    })

    it('has no steps table and no message blocks', () => {
      expect(rows(root)).toEqual([])
      expect(all(root, 'details')).toEqual([])
      expectSafe(html)
    })
  })

  describe('escaping', () => {
    const PAYLOAD = `<script>alert("x")</script><img src=x onerror='alert(1)'> & "quotes"`

    /** Messages of one step; the step itself is sane. */
    const withMessage = (item: Message): Report =>
      report({ snapshot: snapshot('running', [step('s', 'running', { messages: [item] })]) })

    it.each<[string, Report]>([
      ['the offer', report({}, { offerLabel: PAYLOAD })],
      ['the operation id', report({ snapshot: failedRun }, { operationId: PAYLOAD })],
      ['the verdict message', report({ message: PAYLOAD })],
      ['the submission type', report({ snapshot: { ...failedRun, submissionType: PAYLOAD } })],
      [
        'the operation status spelling',
        report({ snapshot: snapshot('unknown', [], { rawStatus: PAYLOAD }) })
      ],
      [
        'a step name',
        report({ snapshot: snapshot('running', [step('s', 'running', { name: PAYLOAD })]) })
      ],
      [
        'a step id',
        report({ snapshot: snapshot('running', [step(PAYLOAD, 'running', { name: 'Step' })]) })
      ],
      [
        'a step status spelling',
        report({ snapshot: snapshot('running', [step('s', 'unknown', { rawStatus: PAYLOAD })]) })
      ],
      [
        'an estimated time frame',
        report({
          snapshot: snapshot('running', [step('s', 'running', { estimatedTimeFrame: PAYLOAD })])
        })
      ],
      ['a step message', withMessage(message(PAYLOAD, 'error', at(1)))],
      ['a message level', withMessage(message('text', PAYLOAD, at(1)))],
      ['a message timestamp', withMessage(message('text', 'error', PAYLOAD))],
      [
        'the text of a link',
        withMessage({ level: 'error', parts: [{ text: PAYLOAD, href: 'https://example.com/' }] })
      ],
      [
        'an operation message',
        report({
          snapshot: snapshot('running', [], { messages: [message(PAYLOAD, 'warning', at(1))] })
        })
      ]
    ])('shows %s as text, never as HTML', (_, withPayload) => {
      const html = renderSummary(withPayload)
      expectSafe(html)
      expect(text(parse(html))).toContain(PAYLOAD)
      // Quotes and ampersands are escaped too, not only angle brackets.
      for (const raw of ['"x"', "'alert(1)'", '"quotes"', ' & ']) expect(html).not.toContain(raw)
    })

    it.each<[string, (href: string) => Report]>([
      [
        'a message link',
        (href) =>
          report({
            snapshot: snapshot('running', [], {
              messages: [{ level: 'error', parts: [{ text: 'link', href }] }]
            })
          })
      ],
      [
        'a preview link',
        (href) => report({ snapshot: snapshot('running', [], { previewLinks: [href] }) })
      ],
      [
        'a live link',
        (href) => report({ snapshot: snapshot('running', [], { liveLinks: [href] }) })
      ]
    ])('keeps quotes in %s from breaking out of its href', (_, withHref) => {
      const href = `https://example.com/?a="><script>alert(1)</script>&b=' onmouseover='alert(2)`
      const html = renderSummary(withHref(href))
      expectSafe(html)
      const anchors = all(parse(html), 'a')
      expect(anchors).toHaveLength(1)
      expect(anchors[0].attribs).toEqual({ href })
    })

    it.each([
      ['\\n', 'a\nb\nc'],
      ['\\r', 'a\rb\rc'],
      ['\\r\\n', 'a\r\nb\r\nc']
    ])('keeps each line break written %s as a <br>', (_, body) => {
      const root = parse(renderSummary(withMessage(message(body, 'error', at(1)))))
      const [item] = all(all(root, 'details')[0], 'li')
      expect(all(item, 'br')).toHaveLength(2)
      expect(text(item)).toContain(': abc')
    })

    it('shows message text containing "<" literally, keeping its line breaks', () => {
      const root = parse(renderSummary(withMessage(message('a < b\nb > c', 'error', at(1)))))
      const [item] = all(all(root, 'details')[0], 'li')
      expect(text(item)).toContain('a < bb > c')
      expect(all(item, 'br')).toHaveLength(1)
    })

    it('links only the http(s) links of a message from the API, and shows none of its markup', async () => {
      const last = await normalize(
        rawOperation(
          'failed',
          rawSteps({
            displaycertify: {
              status: 'failed',
              messages: [
                {
                  level: 'Error',
                  timestamp: at(1),
                  messageHtml:
                    '<p>See <a href="https://partner.microsoft.com/report?id=1&amp;x=2">the report</a>, ' +
                    '<a href="javascript:alert(1)">this</a> and <a href="data:text/html,x">that</a>.</p>' +
                    '<script>alert(2)</script><img src=x onerror="alert(3)"><b onclick="alert(4)">bold</b>'
                }
              ]
            }
          })
        )
      )
      const html = renderSummary(report({ result: 'failed', snapshot: last }))
      expectSafe(html)
      const anchors = all(parse(html), 'a')
      // In the step's table cell and in its messages block: nowhere else, and no other link.
      expect(anchors.map((a) => [a.attribs.href, text(a)])).toEqual([
        ['https://partner.microsoft.com/report?id=1&x=2', 'the report'],
        ['https://partner.microsoft.com/report?id=1&x=2', 'the report']
      ])
      expect(text(parse(html))).toContain('See the report, this and that.')
      expect(html).not.toContain('javascript:')
      expect(html).not.toContain('data:text')
    })
  })

  describe('size', () => {
    /** `steps` x `perStep` messages of ~`length` bytes, numbered #00000# oldest to newest, interleaved across steps. */
    function flood(steps: number, perStep: number, length: number): Snapshot {
      return snapshot(
        'running',
        Array.from({ length: steps }, (_, s) =>
          step(`step-${s}`, 'running', {
            name: `Step ${s}`,
            progress: s,
            messages: Array.from({ length: perStep }, (_, m) => {
              const n = m * steps + s
              return message(
                `#${String(n).padStart(6, '0')}# ${'x'.repeat(length)}`,
                'information',
                at(n)
              )
            })
          })
        )
      )
    }

    /** Numbers of the messages shown in the message blocks. */
    function shown(root: Element): number[] {
      return all(root, 'li').map((item) => Number(/#(\d{6})#/.exec(text(item))?.[1]))
    }

    it(`stays under ${SUMMARY_MAX_BYTES} bytes with 20 steps of many messages, leaving out the oldest`, () => {
      const total = 20 * 150
      const html = renderSummary(report({ snapshot: flood(20, 150, 400) }))
      expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)

      const root = parse(html)
      const numbers = shown(root)
      const leftOut = total - numbers.length
      expect(leftOut).toBeGreaterThan(0)
      expect(leftOutNotice(root)).toBe(leftOut)
      // The newest are shown and the oldest are not: exactly the `leftOut` oldest are missing.
      expect(numbers).toContain(total - 1)
      expect(numbers).not.toContain(0)
      expect(new Set(numbers)).toEqual(
        new Set(Array.from({ length: numbers.length }, (_, i) => leftOut + i))
      )
      // And no more are left out than needed: one more message (~470 bytes) would not fit.
      expect(Buffer.byteLength(html) + 500).toBeGreaterThan(SUMMARY_MAX_BYTES)
      // Every step is still in the table.
      expect(rows(root)).toHaveLength(20)
    })

    it('stays under the limit with a few huge messages, keeping the newest', () => {
      const huge = snapshot('failed', [
        step('displaycertify', 'failed', {
          name: 'Certification',
          messages: Array.from({ length: 5 }, (_, i) =>
            message(`#${String(i).padStart(6, '0')}# ${'é'.repeat(150_000)}`, 'error', at(i))
          )
        })
      ])
      const html = renderSummary(report({ result: 'failed', snapshot: huge }))
      expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
      const root = parse(html)
      const numbers = shown(root)
      expect(numbers).toContain(4)
      expect(numbers).not.toContain(0)
      expect(leftOutNotice(root)).toBe(5 - numbers.length)
    })

    it('says "1 older message" when only one is left out', () => {
      // Two messages; only one fits.
      const two = snapshot('running', [
        step('s', 'running', {
          messages: [
            message(`old ${'o'.repeat(600_000)}`, 'information', at(1)),
            message(`new ${'n'.repeat(600_000)}`, 'information', at(2))
          ]
        })
      ])
      const root = parse(renderSummary(report({ snapshot: two })))
      expect(leftOutNotice(root)).toBe(1)
      expect(all(root, 'p').map(text).join('\n')).toMatch(/\b1 older message\b/)
    })

    it('stays under the limit when the failing step has thousands of error messages', () => {
      const errors = snapshot('failed', [
        step('displaycertify', 'failed', {
          name: 'Certification',
          messages: Array.from({ length: 3000 }, (_, i) =>
            message(`Policy ${i} failed: ${'x'.repeat(400)}`, 'error', at(i))
          )
        })
      ])
      // The verdict message the poll loop would report for this snapshot.
      const found = verdict(errors, { kind: 'completion' }, {})
      expect(found.kind).toBe('fail')
      const verdictMessage = found.kind === 'fail' ? found.message : ''
      const html = renderSummary(
        report({ result: 'failed', message: verdictMessage, snapshot: errors })
      )
      expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    })

    it('stays under the limit whatever links the API returns', async () => {
      const last = await normalize(
        rawOperation('inProgress', rawSteps(), {
          previewLinks: Array.from(
            { length: 5 },
            (_, i) => `https://example.com/${i}/${'a'.repeat(300_000)}`
          )
        })
      )
      const html = renderSummary(report({ snapshot: last }))
      expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    })
  })
})

describe('renderSummary for an API with an error tree, facts and notes', () => {
  const tree: ErrorNode[] = [
    {
      code: 'internalServerError',
      message: 'Operation failed',
      resourceId: 'submission/9a8b/1152921515689847471',
      details: [
        {
          code: 'invalidState',
          message: 'Certification',
          details: [
            {
              code: 'invalidState',
              message: 'Issues found: <script>alert(1)</script>',
              details: []
            }
          ]
        }
      ]
    },
    { code: '', message: 'A bare message', details: [] }
  ]
  const withTree = snapshot(
    'failed',
    [
      step('job', 'failed', { name: 'Configure job' }),
      step('preview', 'failed', {
        name: 'Preview',
        reference: 'submission/9a8b/1152921515689847471'
      })
    ],
    {
      errors: tree,
      facts: [
        { name: 'product-id', label: 'Product', value: 'product/9a8b' },
        { name: 'job-start', label: 'Job started', value: '2025-03-01T08:00:00Z' }
      ],
      notes: ["The certification report is e-mailed to the account's seller contact."]
    }
  )
  const html = renderSummary(report({ result: 'failed', snapshot: withTree }))
  const root = parse(html)

  it('shows the error tree as a nested list with codes and resource ids', () => {
    const outer = all(root, 'ul').find((list) => text(list).startsWith('internalServerError'))
    expect(outer).toBeDefined()
    const items = (outer?.children ?? []).filter(
      (child): child is Element => typeof child !== 'string'
    )
    expect(items.map((item) => item.name)).toEqual(['li', 'li'])
    const [first, second] = items
    expect(all(first, 'code').map(text)).toEqual([
      'internalServerError',
      'submission/9a8b/1152921515689847471',
      'invalidState',
      'invalidState'
    ])
    // Each level is a list inside its parent's item.
    const nested = all(first, 'ul')
    expect(nested).toHaveLength(2)
    expect(text(all(nested[1], 'li')[0])).toBe(
      'invalidState: Issues found: <script>alert(1)</script>'
    )
    expect(text(second)).toBe('A bare message')
    expectSafe(html)
  })

  it('lists the facts in the footer and the notes under the verdict', () => {
    const rows = footer(root)
    expect(text(rows.get('Product') as Element)).toBe('product/9a8b')
    expect(text(rows.get('Job started') as Element)).toBe('2025-03-01T08:00:00Z')
    expect(all(root, 'p').map(text)).toContain(
      "ℹ️ The certification report is e-mailed to the account's seller contact."
    )
  })

  it('shows what a step stands for under its name', () => {
    const [, previewRow] = all(root, 'tr').filter((row) => all(row, 'td').length === 5)
    expect(all(all(previewRow, 'td')[0], 'code').map(text)).toEqual([
      'preview',
      'submission/9a8b/1152921515689847471'
    ])
  })

  it('adds nothing of the kind for a snapshot without them', () => {
    const plain = renderSummary(report({ snapshot: snapshot('running', [step('a', 'running')]) }))
    expect(plain).not.toContain('Errors')
    expect(plain).not.toContain('ℹ️')
  })

  it('stays under the limits with the largest error tree the gate keeps', () => {
    const huge: ErrorNode[] = Array.from({ length: 100 }, (_, i) => ({
      code: `c${i}`,
      message: '<&>"'.repeat(500),
      resourceId: `submission/${'9'.repeat(150)}`,
      details: []
    }))
    const big = snapshot('failed', [step('job', 'failed', { name: 'Configure job' })], {
      errors: huge
    })
    for (const limit of [SUMMARY_MAX_BYTES, 60_000]) {
      const rendered = renderSummary(report({ result: 'failed', snapshot: big }), limit)
      expect(Buffer.byteLength(rendered)).toBeLessThanOrEqual(limit)
      expect(rendered).toContain('Publish gate')
    }
  })
})
