// The shared half of what the user reads when an API says no: the API's own words, excerpted, and
// the correlation ids for a support case (the one place that cleans and words them). Each backend words its HTTP answers itself
// (src/backends/<api>/wording.ts) from an HttpFailure.

import { ERROR_EXCERPT_CHARS, MAX_CORRELATION_ID_CHARS } from '../constants.js'
import { controlsAsSpaces } from '../text.js'
import { htmlToParts } from './html-text.js'
import { CORRELATION_HEADERS, type CorrelationIds, type RawResponse } from './http.js'
import { parseJson } from './json.js'

/** What a backend's wording gets of a response that failed. */
export interface HttpFailure {
  status: number
  /** The address asked, so that a backend can word an answer per endpoint; absent when unknown. */
  url?: string
  /** The API's own words: `code: message` from a JSON error body, else an excerpt of the body. */
  detail: string
  /** The correlation headers the answer carried, for withCorrelation. */
  correlationId?: CorrelationIds
  location?: string
}

/** A backend's words for HTTP answers that retrying will not fix. */
export interface HttpWording {
  /** The whole message for a fatal answer (any status but 2xx and the transient ones). */
  fatal(failure: HttpFailure): string
}

export async function httpFailure(response: RawResponse): Promise<HttpFailure> {
  return {
    status: response.status,
    detail: await errorDetail(response),
    ...(response.correlationId === undefined ? {} : { correlationId: response.correlationId }),
    ...(response.location === undefined ? {} : { location: response.location })
  }
}

/** " The API said: …." with the detail, or nothing without one. */
export function theApiSaid(detail: string): string {
  return detail === '' ? '' : ` The API said: ${/[.!?…]$/.test(detail) ? detail : `${detail}.`}`
}

/** A short reason for a failure that will be retried. */
export function transientHttpReason(failure: HttpFailure): string {
  return withCorrelation(
    `HTTP ${failure.status}${failure.detail === '' ? '' : `: ${failure.detail}`}`,
    failure.correlationId
  )
}

/** The message, then the correlation ids the answer carried, if any, in parentheses. */
export function withCorrelation(message: string, ids: CorrelationIds | undefined): string {
  const text = correlationText(ids)
  return text === '' ? message : `${message} (${text})`
}

/** `x-ms-correlation-request-id: …, request-id: …, client-request-id: …`, naming those present. */
export function correlationText(ids: CorrelationIds | undefined): string {
  if (ids === undefined) return ''
  return CORRELATION_HEADERS.filter((name) => ids[name])
    .map((name) => `${name}: ${ids[name]}`)
    .join(', ')
}

/**
 * Correlation ids as the server sent them, made safe to quote: the run's secrets hidden first (so
 * that no cut keeps part of one), control characters as spaces (a newline could start a workflow
 * command), and each capped. An id with nothing left is dropped.
 */
export function inertCorrelationIds(
  ids: CorrelationIds | undefined,
  redact: (text: string) => string
): CorrelationIds | undefined {
  if (ids === undefined) return undefined
  const inert: CorrelationIds = {}
  for (const name of CORRELATION_HEADERS) {
    const value = ids[name]
    const text = value === undefined ? '' : controlsAsSpaces(redact(value)).trim()
    if (text !== '') inert[name] = capped(text)
  }
  return Object.keys(inert).length === 0 ? undefined : inert
}

/** Cut at MAX_CORRELATION_ID_CHARS, never between the two halves of a surrogate pair. */
function capped(text: string): string {
  if (text.length <= MAX_CORRELATION_ID_CHARS) return text
  let end = MAX_CORRELATION_ID_CHARS
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}

/** `{error:{code,message}}` when the body has it, else a trimmed excerpt of whatever came back. */
export async function errorDetail(
  response: Pick<RawResponse, 'body' | 'contentType'>
): Promise<string> {
  const body = response.body.trim()
  if (body === '') return ''
  let parsed: unknown
  try {
    parsed = parseJson(body)
  } catch {
    const isHtml = /html/i.test(response.contentType) || /^<(!doctype|html)/i.test(body)
    if (!isHtml) return excerpt(body)
    return excerpt((await htmlToParts(body)).map((part) => part.text).join(' '))
  }
  const error = field(parsed, 'error')
  const code = field(error, 'code')
  const message = field(error, 'message')
  if (typeof code === 'string' || typeof message === 'string') {
    return excerpt([code, message].filter((part) => typeof part === 'string').join(': '))
  }
  if (typeof error === 'string') return excerpt(error)
  return excerpt(JSON.stringify(parsed))
}

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > ERROR_EXCERPT_CHARS ? `${flat.slice(0, ERROR_EXCERPT_CHARS)}…` : flat
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined
}
