// The job summary, as HTML (what core.summary writes): one small function per section, every text
// from the API escaped, and the whole kept under GitHub's 1 MiB step-summary limit.

import { MAX_MESSAGE_CHARS, SUMMARY_MAX_BYTES } from '../constants.js'
import { type ErrorNode, type Snapshot, type Step, type Unread } from '../model/snapshot.js'
import {
  clip,
  currentStep,
  describeStatus,
  failurePhrase,
  reasons,
  unreadNote
} from '../model/describe.js'
import { formatDuration } from '../duration.js'
import type { Result } from '../model/outcome.js'
import { isFailingStepStatus, isFinished, type Status } from '../model/status.js'
import { isWebLink } from '../net/html-text.js'
import { clipParts, details, escape, escapeText, joined, linkList, partsHtml } from './html.js'
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
