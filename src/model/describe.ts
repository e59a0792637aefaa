// src/model/: the shared vocabulary every backend maps onto: the snapshot, the status vocabulary,
// how a poll and a run end, and how they are worded (this file).
//
// How the gate words a status, a step and its reasons: shared by the verdict, the poll loop's
// timeout and interruption messages, and every reporter, so they read alike.

import { type Message, type Snapshot, type Step, type Unread } from './snapshot.js'
import type { Status } from './status.js'
import { MAX_MESSAGES_PER_LIST, MAX_STEPS_READ } from '../constants.js'

/** `blocked`, `not started`, or `"Foo"` for a spelling we do not know. */
export function describeStatus(status: Status, rawStatus: string): string {
  if (status === 'unknown') return rawStatus === '' ? 'without a status' : `"${rawStatus}"`
  return status === 'notStarted' ? 'not started' : status
}

/** "failed", "is blocked", "was rejected", "was canceled". */
export function failurePhrase(status: Status): string {
  if (status === 'blocked') return 'is blocked'
  if (status === 'failed') return 'failed'
  return `was ${describeStatus(status, status)}`
}

/** Message levels from the most severe; any other level ranks after them. */
const SEVERITY = ['error', 'warning', 'information'] as const

function severity(message: Message): number {
  const rank = SEVERITY.findIndex((level) => message.level.startsWith(level.slice(0, 4)))
  return rank === -1 ? SEVERITY.length : rank
}

/**
 * The messages a verdict quotes: those of the most severe level present (errors, else warnings,
 * else information, else the rest), in the order listed.
 */
export function reasons(messages: Message[]): Message[] {
  if (messages.length === 0) return []
  const worst = Math.min(...messages.map(severity))
  return messages.filter((message) => severity(message) === worst)
}

/**
 * What a verdict says and the messages it quotes: `lead` ("Certification is blocked") followed
 * by the messages, or by a full stop when there are none. Reporters that can show links render
 * the messages' parts; plain text (see quoteText) puts each link's address after its words.
 */
export interface Quote {
  lead: string
  messages: Message[]
}

/** A message as plain text, each link's address in brackets after its words. */
export function plainText(message: Message): string {
  return message.parts
    .map((part) =>
      part.href === undefined || part.href === part.text.trim()
        ? part.text
        : `${part.text} (${part.href})`
    )
    .join('')
}

export function quoteText(quote: Quote): string {
  return quote.messages.length === 0
    ? `${quote.lead}.`
    : `${quote.lead}: ${quote.messages.map(plainText).join(' ')}`
}

/** "Certification is blocked: No image…" */
export function failureQuote(subject: string, status: Status, messages: Message[]): Quote {
  return { lead: `${subject} ${failurePhrase(status)}`, messages: reasons(messages) }
}

/**
 * Why a failing step fails the gate: its cause when the backend found one ("Certification failed:
 * …"), else its name and the messages of its most severe level.
 */
export function stepFailureQuote(step: Step): Quote {
  return step.cause
    ? {
        lead: `${step.cause.subject} ${failurePhrase(step.status)}`,
        messages: [{ level: 'error', parts: [{ text: step.cause.text }] }]
      }
    : failureQuote(step.name, step.status, step.messages)
}

/** `displaycertify (Certification)`, or the name alone when the id adds nothing. */
export function stepLabel(step: Step): string {
  return step.id === '' || step.id === step.name ? step.name : `${step.id} (${step.name})`
}

/** The step the operation is at: the first running one, else the first waiting one. */
export function currentStep(snapshot: Snapshot): Step | undefined {
  return (
    snapshot.steps.find((step) => step.status === 'running') ??
    snapshot.steps.find((step) => step.status === 'waiting')
  )
}

/** "Last status: running; step Certification running at 40%." */
export function lastSeen(snapshot: Snapshot | undefined): string {
  if (snapshot === undefined) return 'No status was received.'
  const status = `Last status: ${describeStatus(snapshot.status, snapshot.rawStatus)}`
  const current = currentStep(snapshot)
  if (current === undefined) return `${status}.`
  const progress = current.progress === undefined ? '' : ` at ${current.progress}%`
  return `${status}; step ${current.name} ${describeStatus(current.status, current.rawStatus)}${progress}.`
}

/** What the API sent beyond what the gate reads, counted. */
export function unreadNote(unread: Unread): string {
  const parts = [
    unread.steps === 0 ? '' : `${count(unread.steps, 'more step')}`,
    unread.messages === 0 ? '' : `${count(unread.messages, 'more message')}`
  ].filter(Boolean)
  return `The API sent ${parts.join(' and ')} than the gate reads (at most ${MAX_STEPS_READ} steps and ${MAX_MESSAGES_PER_LIST} messages a list): those were not read.`
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
}

/** Cuts text to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** A moment as people read it: to the second, in UTC, and saying so ("2026-11-30 15:40:12 UTC"). */
export function formatTime(ms: number): string {
  const date = new Date(ms)
  return Number.isNaN(date.getTime())
    ? ''
    : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}
