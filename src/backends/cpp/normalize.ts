// The one boundary where CPP JSON becomes a typed Snapshot: object or one-element array, missing
// fields tolerated, every spelling normalized, HTML turned into text.

import {
  MAX_FIELD_CHARS,
  MAX_LINK_CHARS,
  MAX_LINKS,
  MAX_MESSAGE_TEXT_CHARS,
  MAX_MESSAGES_PER_LIST,
  MAX_STEPS_READ
} from '../../constants.js'
import type { FetchResult } from '../../model/outcome.js'
import type { Message, MessagePart, Snapshot, Step, Unread } from '../../model/snapshot.js'
import { htmlToParts, isWebLink } from '../../net/html-text.js'
import { itemsSent } from '../../net/json.js'
import { describe, isObject } from '../fields.js'
import { cppStatus } from './spellings.js'
import { controlsAsSpaces } from '../../text.js'

/** A body that parsed as JSON but is not an operation or offer status. */
export class UnexpectedBodyError extends Error {}

export async function normalize(body: unknown): Promise<Snapshot> {
  const operation = Array.isArray(body) ? (body as unknown[])[0] : body
  if (!isObject(operation)) {
    throw new UnexpectedBodyError(
      Array.isArray(body)
        ? `an array whose first element is ${describe(operation)}, not an operation object`
        : `${describe(body)}, not an operation object`
    )
  }
  const rawStatus = text(operation.status) ?? text(operation.submissionState) ?? ''
  const submissionType = text(operation.submissionType)
  // Bounded work whatever the answer holds: what is left unread is counted and shown.
  const unread = { steps: 0, messages: 0 }
  const allSteps = list(operation.steps)
  unread.steps = Math.max(0, itemsSent(allSteps) - MAX_STEPS_READ)
  const steps: Step[] = []
  for (const [index, value] of allSteps.slice(0, MAX_STEPS_READ).entries()) {
    const found = await step(value, index, unread)
    if (found !== undefined) steps.push(found)
  }
  const operationMessages = await messages(operation.messages, unread)
  return {
    status: cppStatus(rawStatus),
    rawStatus,
    ...(submissionType === undefined ? {} : { submissionType }),
    steps,
    messages: operationMessages,
    previewLinks: links(operation.previewLinks),
    liveLinks: links(operation.liveLinks),
    ...(unread.steps + unread.messages === 0 ? {} : { unread })
  }
}

async function step(value: unknown, index: number, unread: Unread): Promise<Step | undefined> {
  if (!isObject(value)) return undefined
  const id = text(value.id) ?? ''
  const rawStatus = text(value.status) ?? ''
  const progress = percentage(value.progressPercentage ?? value.processPercentage)
  const estimatedTimeFrame = text(value.estimatedTimeFrame)
  return {
    id,
    name: text(value.stepName) ?? text(value.description) ?? (id || `step ${index + 1}`),
    status: cppStatus(rawStatus),
    rawStatus,
    ...(progress === undefined ? {} : { progress }),
    ...(estimatedTimeFrame === undefined ? {} : { estimatedTimeFrame }),
    messages: await messages(value.messages, unread)
  }
}

/** Message items are `{messageHtml, level, timestamp}`; one doc table calls them strings. */
async function messages(value: unknown, unread: Unread): Promise<Message[]> {
  const found: Message[] = []
  const items = list(value)
  unread.messages += Math.max(0, itemsSent(items) - MAX_MESSAGES_PER_LIST)
  for (const item of items.slice(0, MAX_MESSAGES_PER_LIST)) {
    const each =
      typeof item === 'string'
        ? await message(item, undefined, undefined)
        : isObject(item)
          ? await message(
              raw(item.messageHtml) ?? raw(item.message) ?? raw(item.text) ?? '',
              text(item.level),
              text(item.timestamp)
            )
          : undefined
    if (each !== undefined) found.push(each)
  }
  return found
}

async function message(
  html: string,
  level: string | undefined,
  timestamp: string | undefined
): Promise<Message | undefined> {
  const parts = capParts(await htmlToParts(html.slice(0, MAX_MESSAGE_TEXT_CHARS * 2)))
  if (parts.length === 0) return undefined
  return {
    level: (level ?? 'information').toLowerCase(),
    parts,
    ...(timestamp === undefined ? {} : { timestamp })
  }
}

function capParts(parts: MessagePart[]): MessagePart[] {
  let room = MAX_MESSAGE_TEXT_CHARS
  const out: MessagePart[] = []
  for (const part of parts) {
    if (room <= 0) break
    out.push(part.text.length > room ? { ...part, text: `${part.text.slice(0, room)}…` } : part)
    room -= part.text.length
  }
  return out
}

/** Links may come as strings or as objects carrying a URL; only http(s) URLs are kept. */
function links(value: unknown): string[] {
  return list(value)
    .map((item) =>
      isObject(item)
        ? (raw(item.uri) ?? raw(item.url) ?? raw(item.href) ?? raw(item.link))
        : raw(item)
    )
    .filter(
      (href): href is string =>
        href !== undefined && href.length <= MAX_LINK_CHARS && isWebLink(href)
    )
    .slice(0, MAX_LINKS)
}

function percentage(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof number !== 'number' || !Number.isFinite(number)) return undefined
  return Math.min(100, Math.max(0, Math.round(number)))
}

function raw(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined
}

/**
 * A short free-text field (status, id, name, time frame): one line without control characters,
 * capped; numbers are accepted.
 */
function text(value: unknown): string | undefined {
  const given = typeof value === 'number' ? String(value) : raw(value)
  const string = given === undefined ? undefined : controlsAsSpaces(given).trim()
  if (string === undefined || string === '') return undefined
  return string.length > MAX_FIELD_CHARS ? `${string.slice(0, MAX_FIELD_CHARS)}…` : string
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : []
}

/** A body that is JSON but not an operation is retried: a proxy or a deploy may have answered. */
export async function snapshotOf(fetched: FetchResult<unknown>): Promise<FetchResult<Snapshot>> {
  if (fetched.kind !== 'ok') return fetched
  try {
    return { kind: 'ok', value: await normalize(fetched.value) }
  } catch (error) {
    if (!(error instanceof UnexpectedBodyError)) throw error
    return { kind: 'transient', reason: `the API answered with ${error.message}`, shape: true }
  }
}
