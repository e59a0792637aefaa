// The one boundary where CPP JSON becomes a typed Snapshot: object or one-element array, missing
// fields tolerated, every spelling normalized, HTML turned into text.

import { MAX_FIELD_CHARS, MAX_LINK_CHARS, MAX_LINKS, MAX_MESSAGE_TEXT_CHARS } from '../constants.js'
import { normalizeStatus } from '../status.js'
import { hasMarkup, htmlToParts, isWebLink } from './html-text.js'
import type { Message, MessagePart, Snapshot, Step } from './snapshot.js'

type Json = Record<string, unknown>

/** A body that parsed as JSON but is not an operation or offer status. */
export class UnexpectedBodyError extends Error {}

/** Whether any message of the body carries markup, so that normalize() needs the HTML parser. */
export function needsHtmlParser(body: unknown): boolean {
  const operation = Array.isArray(body) ? (body as unknown[])[0] : body
  if (!isObject(operation)) return false
  const sources = [operation, ...list(operation.steps).filter(isObject)]
  return sources.some((source) =>
    list(source.messages).some((item) =>
      [item, ...(isObject(item) ? [item.messageHtml, item.message, item.text] : [])].some(
        (text) => typeof text === 'string' && hasMarkup(text)
      )
    )
  )
}

export function normalize(body: unknown): Snapshot {
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
  return {
    status: normalizeStatus(rawStatus),
    rawStatus,
    ...(submissionType === undefined ? {} : { submissionType }),
    steps: list(operation.steps).flatMap(step),
    messages: messages(operation.messages),
    previewLinks: links(operation.previewLinks),
    liveLinks: links(operation.liveLinks)
  }
}

function step(value: unknown, index: number): Step[] {
  if (!isObject(value)) return []
  const id = text(value.id) ?? ''
  const rawStatus = text(value.status) ?? ''
  const progress = percentage(value.progressPercentage ?? value.processPercentage)
  const estimatedTimeFrame = text(value.estimatedTimeFrame)
  return [
    {
      id,
      name: text(value.stepName) ?? text(value.description) ?? (id || `step ${index + 1}`),
      status: normalizeStatus(rawStatus),
      rawStatus,
      ...(progress === undefined ? {} : { progress }),
      ...(estimatedTimeFrame === undefined ? {} : { estimatedTimeFrame }),
      messages: messages(value.messages)
    }
  ]
}

/** Message items are `{messageHtml, level, timestamp}`; one doc table calls them strings. */
function messages(value: unknown): Message[] {
  return list(value).flatMap((item): Message[] => {
    if (typeof item === 'string') return message(item, undefined, undefined)
    if (!isObject(item)) return []
    const html = raw(item.messageHtml) ?? raw(item.message) ?? raw(item.text) ?? ''
    return message(html, text(item.level), text(item.timestamp))
  })
}

function message(html: string, level: string | undefined, timestamp: string | undefined) {
  const parts = capParts(htmlToParts(html.slice(0, MAX_MESSAGE_TEXT_CHARS * 2)))
  if (parts.length === 0) return []
  return [
    {
      level: (level ?? 'information').toLowerCase(),
      parts,
      ...(timestamp === undefined ? {} : { timestamp })
    }
  ]
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
  const string = (typeof value === 'number' ? String(value) : raw(value))
    ?.replace(/\p{Cc}+/gu, ' ')
    .trim()
  if (string === undefined || string === '') return undefined
  return string.length > MAX_FIELD_CHARS ? `${string.slice(0, MAX_FIELD_CHARS)}…` : string
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : []
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}
