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
}

export interface Snapshot {
  status: Status
  rawStatus: string
  submissionType?: string
  steps: Step[]
  messages: Message[]
  previewLinks: string[]
  liveLinks: string[]
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
