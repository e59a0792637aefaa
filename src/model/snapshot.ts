// The normalized operation: what every module after a backend's `normalize` works with, whatever
// the API. Text is plain (markup already turned into parts); statuses are the shared vocabulary.

import type { Status } from './status.js'

/** A run of message text; `href` is set only for http(s) links. */
export interface MessagePart {
  text: string
  href?: string
}

export interface Message {
  /** Lower-cased level: `error`, `warning`, `information`, or whatever the API sent. */
  level: string
  parts: MessagePart[]
  timestamp?: string
}

export interface Step {
  id: string
  name: string
  status: Status
  rawStatus: string
  progress?: number
  estimatedTimeFrame?: string
  messages: Message[]
  /** The API's own id of what the step stands for (a submission's durable id), when it has one. */
  reference?: string
  /**
   * What a failure of this step comes down to, when the API says more precisely than the step's
   * name and messages (a certification failure nested deep in a job's errors): the verdict then
   * reads "<subject> failed: <text>".
   */
  cause?: { subject: string; text: string }
}

/** An error as APIs nest them: a code, a message, the resource it is about, the errors under it. */
export interface ErrorNode {
  code: string
  message: string
  resourceId?: string
  details: ErrorNode[]
}

/**
 * An identifier or a date the API gave about what is watched (a durable product id, a submission
 * id, when a job started). The summary lists every fact; a fact whose name is an output's name
 * (OUTPUT_FACTS) is also set as that output.
 */
export interface Fact {
  name: string
  /** As the summary labels it: "Product". */
  label: string
  value: string
}

/** The facts that are outputs of the action as well, under the same name; empty when absent. */
export const OUTPUT_FACTS = ['product-id', 'submission-id'] as const

export interface Snapshot {
  status: Status
  rawStatus: string
  submissionType?: string
  steps: Step[]
  messages: Message[]
  previewLinks: string[]
  liveLinks: string[]
  /** Identifiers and dates worth keeping (see Fact); none when the API gives none. */
  facts?: Fact[]
  /** The error tree the API returned for the operation (a configure job's `errors`). */
  errors?: ErrorNode[]
  /** Sentences for the reader that no status says (where a report the API lacks can be found). */
  notes?: string[]
  /** What the answer held beyond what normalization reads (MAX_STEPS_READ, MAX_MESSAGES_PER_LIST). */
  unread?: Unread
}

/** Steps and messages an answer held that were not read. */
export interface Unread {
  steps: number
  messages: number
}

export function messageText(message: Message): string {
  return message.parts.map((part) => part.text).join('')
}

export function isErrorLevel(message: Message): boolean {
  return message.level === 'error'
}
