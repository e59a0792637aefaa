// What the user reads when the API says no: what happened, why it probably happened, what to change.

import { ERROR_EXCERPT_CHARS } from './constants.js'
import { htmlToParts } from './cpp/html-text.js'
import type { RawResponse } from './http.js'

/** What the messages need of a response. */
export type HttpFailure = Pick<
  RawResponse,
  'status' | 'body' | 'contentType' | 'correlationId' | 'location'
>

/** The message for a response that retrying will not fix. */
export function fatalHttpMessage(failure: HttpFailure): string {
  const { status } = failure
  const detail = errorDetail(failure)
  const withDetail =
    detail === '' ? '' : ` The API said: ${/[.!?…]$/.test(detail) ? detail : `${detail}.`}`
  let message: string
  if (status === 400) {
    message = `The CPP API rejected the request (HTTP 400).${withDetail} Check api-version (2017-10-31 is the documented one) and the ids.`
  } else if (status === 401) {
    message = `The CPP API refused the token (HTTP 401): it is missing, expired, or not issued for https://cloudpartner.azure.com.${withDetail}`
  } else if (status === 403) {
    message = `The CPP API denied access (HTTP 403).${withDetail} The service principal is probably not added to the publisher account, or was added with the app registration's object id instead of the enterprise application's (service principal's) object id; also check publisher-id.`
  } else if (status === 404) {
    message = `The CPP API found nothing at this address (HTTP 404).${withDetail} Check publisher-id, offer-id and operation-id.`
  } else if (status >= 300 && status < 400) {
    message = `The CPP API answered with a redirect (HTTP ${status}${failure.location ? ` to ${failure.location}` : ''}), which the gate does not follow so that the token stays on base-url. Check base-url.`
  } else {
    message = `The CPP API answered HTTP ${status}.${withDetail}`
  }
  return withCorrelation(message, failure.correlationId)
}

/** A short reason for a failure that will be retried. */
export function transientHttpReason(failure: HttpFailure): string {
  const detail = errorDetail(failure)
  return withCorrelation(
    `HTTP ${failure.status}${detail === '' ? '' : `: ${detail}`}`,
    failure.correlationId
  )
}

export function withCorrelation(message: string, correlationId: string | undefined): string {
  return correlationId ? `${message} (x-ms-correlation-request-id: ${correlationId})` : message
}

/** `{error:{code,message}}` when the body has it, else a trimmed excerpt of whatever came back. */
export function errorDetail(failure: Pick<HttpFailure, 'body' | 'contentType'>): string {
  const body = failure.body.trim()
  if (body === '') return ''
  try {
    const parsed: unknown = JSON.parse(body)
    const error = field(parsed, 'error')
    const code = field(error, 'code')
    const message = field(error, 'message')
    if (typeof code === 'string' || typeof message === 'string') {
      return excerpt([code, message].filter((part) => typeof part === 'string').join(': '))
    }
    if (typeof error === 'string') return excerpt(error)
    return excerpt(JSON.stringify(parsed))
  } catch {
    const isHtml = /html/i.test(failure.contentType) || /^<(!doctype|html)/i.test(body)
    return excerpt(
      isHtml
        ? htmlToParts(body)
            .map((part) => part.text)
            .join(' ')
        : body
    )
  }
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
