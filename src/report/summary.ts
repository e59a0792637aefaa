// The job summary, as HTML (what core.summary writes): one small function per section, every text
// from the API escaped, and the whole kept under GitHub's 1 MiB step-summary limit.

import { MAX_MESSAGE_CHARS, SUMMARY_MAX_BYTES } from '../constants.js'
import {
  type ErrorNode,
  type Message,
  type MessagePart,
  type Snapshot,
  type Step,
  type Unread
} from '../model/snapshot.js'
import {
  clip,
  currentStep,
  describeStatus,
  failurePhrase,
  formatTime,
  reasons,
  unreadNote
} from '../model/describe.js'
import { formatDuration } from '../duration.js'
import type { Result } from '../model/outcome.js'
import { isFailingStepStatus, isFinished, type Status } from '../model/status.js'
import { isWebLink } from '../net/html-text.js'
import type { Report } from './report.js'
import { capSteps, fitByLeavingOutOldest, latest } from './trim.js'

const RESULT_ICON: Record<Result, string> = {
  succeeded: '✅',
  failed: '❌',
  blocked: '⛔',
  canceled: '🚫',
  'timed-out': '⏱\uFE0F',
  error: '⚠\uFE0F',
  interrupted: '⏹\uFE0F',
  pending: '⏳'
}

const STATUS_ICON: Record<Status, string> = {
  notStarted: '⚪',
  running: '🔄',
  waiting: '⏸\uFE0F',
  succeeded: '✅',
  failed: '❌',
  blocked: '⛔',
  rejected: '❌',
  canceled: '🚫',
  unknown: '❔'
}

/** The longest text shown in the table's "Latest message" column; the full text is below it. */
const CELL_CHARS = 300

/** The summary, within `maxBytes` UTF-8 bytes (the step-summary limit unless a check run needs less). */
export function renderSummary(report: Report, maxBytes = SUMMARY_MAX_BYTES): string {
  if (report.outcome.snapshot === undefined) return render(report, undefined, 0, 0)
  const { snapshot, hiddenSteps } = capSteps(report.outcome.snapshot)
  const fitted = fitByLeavingOutOldest(snapshot, maxBytes, (trimmed, leftOut) =>
    render(report, trimmed, leftOut, hiddenSteps)
  )
  // Unreachable with normalize's caps on steps and fields, but a summary over the limit is lost
  // whole, so fall back to one without steps rather than risk that.
  return fitted.fits ? fitted.text : render(report, undefined, 0, 0)
}

function render(
  report: Report,
  snapshot: Snapshot | undefined,
  leftOut: number,
  hiddenSteps: number
): string {
  return [
    heading(report),
    // Which publish the verdict is about comes first (this run's, or one it waited for).
    startLine(report),
    verdictLine(report),
    outageLine(report),
    snapshot ? notes(snapshot) : '',
    snapshot ? statusLine(report, snapshot) : '',
    snapshot ? stepsTable(snapshot, report.outcome.failedStep !== undefined) : '',
    snapshot ? errorTree(snapshot) : '',
    snapshot ? operationMessages(snapshot) : '',
    snapshot ? snapshot.steps.map(stepMessages).join('') : '',
    leftOutNotice(leftOut, hiddenSteps, snapshot?.unread),
    footer(report, snapshot)
  ].join('')
}

function heading(report: Report): string {
  const { result } = report.outcome
  return `<h2>${RESULT_ICON[result]} Publish gate: ${escape(report.offerLabel)}: ${result}</h2>\n`
}

/** The verdict; a failure's quoted messages keep their links. */
function verdictLine(report: Report): string {
  const { quote, message } = report.outcome
  if (quote === undefined) return `<p>${escapeText(clip(message, MAX_MESSAGE_CHARS))}</p>\n`
  const lead = escapeText(quote.lead)
  if (quote.messages.length === 0) return `<p>${lead}.</p>\n`
  const room = Math.max(0, MAX_MESSAGE_CHARS - quote.lead.length - 2)
  return `<p>${lead}: ${partsHtml(clipParts(joined(quote.messages), room))}</p>\n`
}

/**
 * What the API says of the thing watched and what the gate decided, side by side, so that the
 * one is not read for the other ("The operation is still running at the API; the gate stopped
 * because Certification is blocked.").
 */
function statusLine(report: Report, snapshot: Snapshot): string {
  const subject = (report.subject ?? 'Operation').toLowerCase()
  const current = currentStep(snapshot)
  const where =
    current === undefined || isFinished(snapshot.status)
      ? ''
      : ` (${current.name}: ${describeStatus(current.status, current.rawStatus)})`
  const at = `The ${subject} ${statePhrase(snapshot.status, snapshot.rawStatus)} at the API${where}`
  return `<p>${STATUS_ICON[snapshot.status]} ${escape(at)}; ${escape(decision(report))}</p>\n`
}

function statePhrase(status: Status, rawStatus: string): string {
  switch (status) {
    case 'running':
      return 'is still running'
    case 'waiting':
      return 'is waiting'
    case 'notStarted':
      return 'has not started'
    case 'succeeded':
      return 'has succeeded'
    case 'failed':
      return 'has failed'
    case 'blocked':
      return 'is blocked'
    case 'unknown':
      return rawStatus === '' ? 'has no status' : `has the status "${rawStatus}"`
    default:
      return `was ${status}`
  }
}

function decision(report: Report): string {
  const { result, failedStep } = report.outcome
  switch (result) {
    case 'succeeded':
      return 'the gate passed.'
    case 'failed':
    case 'blocked':
    case 'canceled':
      return failedStep === undefined
        ? 'the gate failed with it.'
        : `the gate stopped because ${failedStep.name} ${failurePhrase(failedStep.status)}.`
    case 'timed-out':
      return 'the gate stopped waiting at its timeout.'
    case 'interrupted':
      return 'the gate was interrupted before its verdict.'
    case 'pending':
      return 'the gate looked once (mode: check) and leaves it running.'
    case 'error':
      return 'the gate stopped on the error above.'
  }
}

/** The outages ridden out after the first answer: how long in all, how many, the longest. */
function outageLine(report: Report): string {
  const { outages } = report.outcome
  if (outages === undefined) return ''
  const { count, totalMs, longestMs, ongoing } = outages
  const how =
    count === 1 ? '1 outage' : `${count} outages, the longest ${formatDuration(longestMs)}`
  const end = ongoing
    ? 'it was still unavailable when the gate stopped.'
    : `the gate rode ${count === 1 ? 'it' : 'them'} out.`
  return `<p>📡 The API was unavailable for ${formatDuration(totalMs)} during the wait (${how}); ${end}</p>\n`
}

/** With `start`: what this run started (or found running), when, with which id. */
function startLine(report: Report): string {
  const { start } = report
  if (start === undefined) return ''
  const link =
    start.link !== undefined && isWebLink(start.link)
      ? ` <a href="${escape(start.link)}">The offer in Partner Center</a>.`
      : ''
  return `<p>${start.started ? '🚀' : '🔗'} ${escapeText(start.note)}${link}</p>\n`
}

/** What the backend wants the reader to know that no status says. */
function notes(snapshot: Snapshot): string {
  return (snapshot.notes ?? []).map((note) => `<p>ℹ\uFE0F ${escapeText(note)}</p>\n`).join('')
}

/**
 * One row a step. The failing step (the first, when the verdict names one) shows the messages the
 * verdict quotes; every other step its newest message. Links stay links.
 */
function stepsTable(snapshot: Snapshot, failing: boolean): string {
  if (snapshot.steps.length === 0) return '<p>The API listed no steps.</p>\n'
  const header =
    '<tr><th>Step</th><th>Status</th><th>Progress</th><th>Estimated time</th><th>Latest message</th></tr>'
  const failed = failing ? snapshot.steps.findIndex((step) => isFailingStepStatus(step.status)) : -1
  const rows = snapshot.steps.map((step, index) => {
    const newest = latest(step.messages)
    const shown = index === failed ? reasons(step.messages) : newest ? [newest] : []
    return (
      `<tr><td>${stepCell(step)}</td><td>${statusCell(step.status, step.rawStatus)}</td>` +
      `<td>${step.progress === undefined ? '' : `${step.progress}%`}</td>` +
      `<td>${escape(step.estimatedTimeFrame ?? '')}</td>` +
      `<td>${partsHtml(clipParts(joined(shown), CELL_CHARS))}</td></tr>`
    )
  })
  return `<table>${header}${rows.join('')}</table>\n`
}

/** The API's error tree as a nested list: each error's code, message and resource id. */
function errorTree(snapshot: Snapshot): string {
  const errors = snapshot.errors ?? []
  if (errors.length === 0) return ''
  return `<p><strong>Errors</strong></p>\n${errorList(errors)}\n`
}

function errorList(nodes: ErrorNode[]): string {
  const items = nodes.map((node) => {
    const code = node.code === '' ? '' : `<code>${escape(node.code)}</code>`
    const message = node.message === '' ? '' : escapeText(node.message)
    const resource =
      node.resourceId === undefined ? '' : ` (<code>${escape(node.resourceId)}</code>)`
    const under = node.details.length === 0 ? '' : errorList(node.details)
    return `<li>${[code, message].filter(Boolean).join(': ')}${resource}${under}</li>`
  })
  return `<ul>${items.join('')}</ul>`
}

function operationMessages(snapshot: Snapshot): string {
  return snapshot.messages.length === 0 ? '' : details('Operation messages', snapshot.messages)
}

function stepMessages(step: Step): string {
  return step.messages.length === 0 ? '' : details(step.name, step.messages)
}

function details(title: string, messages: Message[]): string {
  const count = `${messages.length} message${messages.length === 1 ? '' : 's'}`
  const items = messages.map((message) => `<li>${messageLine(message)}</li>`).join('')
  return `<details><summary>${escape(title)}: ${count}</summary><ul>${items}</ul></details>\n`
}

function messageLine(message: Message): string {
  const meta = [message.level, when(message.timestamp)].filter(Boolean).map(escape)
  return `<strong>${meta.join(' · ')}</strong>: ${partsHtml(message.parts)}`
}

/** An ISO 8601 time with its offset (or Z); anything else is not read as a time. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

/**
 * An API timestamp as people read it ("2026-11-30 15:40:12 UTC") when it is an ISO time with its
 * offset; anything else (no offset, which would be read as the runner's local time, or no date at
 * all) as sent.
 */
function when(timestamp: string | undefined): string {
  if (timestamp === undefined) return ''
  return (ISO_TIME.test(timestamp) && formatTime(Date.parse(timestamp))) || timestamp
}

/** The parts of several messages as one run of text, a space between messages. */
function joined(messages: Message[]): MessagePart[] {
  return messages.flatMap((each, index) =>
    index === 0 ? each.parts : [{ text: ' ' }, ...each.parts]
  )
}

/** Message parts as HTML: text escaped, http(s) links as links. */
function partsHtml(parts: MessagePart[]): string {
  return parts
    .map((part) =>
      part.href === undefined || !isWebLink(part.href)
        ? escapeText(part.text)
        : `<a href="${escape(part.href)}">${escapeText(part.text)}</a>`
    )
    .join('')
}

/**
 * The parts within `max` characters in all, a link's address counted with its words (the HTML
 * carries both): the part that reaches the limit is cut and marked, and loses its link when its
 * address does not fit.
 */
function clipParts(parts: MessagePart[], max: number): MessagePart[] {
  const size = (part: MessagePart): number => part.text.length + (part.href?.length ?? 0)
  if (parts.reduce((sum, part) => sum + size(part), 0) <= max) return parts
  const kept: MessagePart[] = []
  let left = max
  for (const part of parts) {
    if (size(part) < left) {
      kept.push(part)
      left -= size(part)
      continue
    }
    const { href } = part
    const linked = href !== undefined && href.length < left
    const room = linked ? left - href.length : left
    if (room > 0) {
      const text = `${part.text.slice(0, room - 1)}…`
      kept.push(linked ? { text, href } : { text })
    }
    break
  }
  return kept
}

function leftOutNotice(leftOut: number, hiddenSteps: number, unread: Unread | undefined): string {
  const notes = [
    unread === undefined ? '' : unreadNote(unread),
    leftOut === 0
      ? ''
      : `${leftOut} older message${leftOut === 1 ? ' was' : 's were'} left out to keep this summary under GitHub's 1 MiB limit; the newest are shown.`,
    hiddenSteps === 0
      ? ''
      : `${hiddenSteps} more step${hiddenSteps === 1 ? ' is' : 's are'} not shown.`
  ].filter(Boolean)
  return notes.map((note) => `<p><em>${note}</em></p>\n`).join('')
}

function footer(report: Report, snapshot: Snapshot | undefined): string {
  const rows: Array<[string, string]> = [
    [
      'Operation',
      report.operationId === '' ? 'offer status' : `<code>${escape(report.operationId)}</code>`
    ],
    ['Submission type', escape(snapshot?.submissionType ?? '')],
    ...(snapshot?.facts ?? []).map((fact): [string, string] => [
      escape(fact.label),
      `<code>${escape(fact.value)}</code>`
    ]),
    ['Preview links', linkList(snapshot?.previewLinks ?? [])],
    ['Live links', linkList(snapshot?.liveLinks ?? [])],
    ['Elapsed', formatDuration(report.elapsedMs)],
    ['Polls', String(report.outcome.polls)],
    ['Requests', String(report.outcome.requests)]
  ]
  const cells = rows
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`)
  return `<table>${cells.join('')}</table>\n`
}

function linkList(links: string[]): string {
  return links.map((href) => `<a href="${escape(href)}">${escape(href)}</a>`).join('<br>')
}

/** The step's name, with its id below it when that differs, and what it stands for. */
function stepCell(step: Step): string {
  const id = step.id !== '' && step.id !== step.name ? `<br><code>${escape(step.id)}</code>` : ''
  const reference = step.reference === undefined ? '' : `<br><code>${escape(step.reference)}</code>`
  return `${escape(step.name)}${id}${reference}`
}

/** Icon and status on one line, however narrow the column (a spelling the gate does not know may wrap). */
function statusCell(status: Status, rawStatus: string): string {
  const words = escape(describeStatus(status, rawStatus))
  return `${STATUS_ICON[status]}&nbsp;${status === 'unknown' ? words : words.replaceAll(' ', '&nbsp;')}`
}

/** Message text keeps its line breaks, as <br>. */
function escapeText(text: string): string {
  if (!text.includes('\r') && !text.includes('\n')) return escape(text)
  return text
    .split(/\r\n|\r|\n/)
    .map(escape)
    .join('<br>')
}

/**
 * Text as HTML: nothing in it is markup, and no line break survives raw, so that no text can end
 * the summary's HTML block (a blank line would) and have what follows read as Markdown.
 */
export function escape(text: string): string {
  return text.replace(HTML_SPECIAL, (char) => HTML_ESCAPES[char])
}

const HTML_SPECIAL = /[&<>"'\r\n]/g
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\r': '&#13;',
  '\n': '&#10;'
}
