// src/net/: HTTP and what rides on it: the one HTTP helper and its budget, the authenticated API
// client (this file), the token contract, bounded JSON, HTML as text, base URLs, the check run's
// fetch, and the wording of HTTP answers.
//
// The authenticated side of HTTP for every backend: one request with a bearer token, classified as
// a body, a transient failure (retry) or a fatal one (stop), in the backend's words. A 401 gets
// one fresh token and one more try. Counts every request it sends, for the `requests` output.

import { AuthError, type TokenSource } from './token-source.js'
import type { FetchResult } from '../model/outcome.js'
import type { Budget } from './budget.js'
import { parseJson } from './json.js'
import { hide, isTransientStatus, reasonOf, retryAfterMs, send, type RawResponse } from './http.js'
import {
  httpFailure,
  inertCorrelationIds,
  transientHttpReason,
  withCorrelation,
  type HttpWording
} from './wording.js'

export interface ClientOptions {
  tokens: TokenSource
  wording: HttpWording
  /**
   * Hides every secret of the run, in any encoding, from an answer before it is read: nothing cut
   * later (an excerpt, a capped field) can keep part of one. The token sent is always hidden.
   */
  redact?: (text: string) => string
  /** Wall-clock time, for Retry-After dates. */
  now?: () => number
  debug?: (line: string) => void
}

/** A 2xx answer: its JSON body and the headers a backend may need (where a new operation is). */
export interface JsonAnswer {
  body: unknown
  status: number
  location?: string
  operationLocation?: string
}

export class ApiClient {
  private readonly tokens: TokenSource
  private readonly wording: HttpWording
  private readonly redact: (text: string) => string
  private readonly now: () => number
  private readonly debug: (line: string) => void
  private sent = 0

  constructor(options: ClientOptions) {
    this.tokens = options.tokens
    this.wording = options.wording
    this.redact = options.redact ?? ((text) => text)
    this.now = options.now ?? Date.now
    this.debug = options.debug ?? (() => undefined)
  }

  /** Requests sent so far, failed ones included. */
  get requests(): number {
    return this.sent
  }

  async getJson(url: string, budget: Budget): Promise<FetchResult<unknown>> {
    const answer = await this.request('GET', url, undefined, budget)
    return answer.kind === 'ok' ? { kind: 'ok', value: answer.value.body } : answer
  }

  /** One request; a 401 renews the token once and tries again. */
  async request(
    method: 'GET' | 'POST',
    url: string,
    body: unknown,
    budget: Budget
  ): Promise<FetchResult<JsonAnswer>> {
    const first = await this.attempt(method, url, body, budget)
    if (first.status !== 401) return first.result
    // A token can be refused before its stated expiry: renew once; a second 401 is for real.
    if (!this.tokens.invalidate()) return first.result
    this.debug('The API refused the token (HTTP 401): renewing it once.')
    return (await this.attempt(method, url, body, budget)).result
  }

  private async attempt(
    method: 'GET' | 'POST',
    url: string,
    body: unknown,
    budget: Budget
  ): Promise<{ status?: number; result: FetchResult<JsonAnswer> }> {
    let token: string
    try {
      token = await this.tokens.token(budget)
    } catch (error) {
      const message = reasonOf(error)
      if (!(error instanceof AuthError)) {
        return { result: { kind: 'transient', reason: message, unsent: true } }
      }
      if (!error.transient) return { result: { kind: 'fatal', message } }
      const delay = error.retryAfterMs
      return {
        result: {
          kind: 'transient',
          reason: message,
          unsent: true,
          ...(delay === undefined ? {} : { retryAfterMs: delay })
        }
      }
    }
    const started = this.now()
    let response: RawResponse
    this.sent++
    try {
      response = await send(
        {
          method,
          url,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        },
        budget
      )
    } catch (error) {
      const reason = reasonOf(error)
      this.debug(`${method} ${url} failed after ${this.now() - started} ms: ${reason}`)
      return {
        result: { kind: 'transient', reason, ...(neverConnected(error) ? { unsent: true } : {}) }
      }
    }
    // A server that echoes the request's headers must not make us repeat the token anywhere.
    response.body = this.redact(hide(response.body, token))
    for (const name of ['location', 'operationLocation'] as const) {
      const value = response[name]
      if (value !== undefined) response[name] = this.redact(hide(value, token))
    }
    response.correlationId = inertCorrelationIds(response.correlationId, (value) =>
      this.redact(hide(value, token))
    )
    const { status, correlationId } = response
    this.debug(
      withCorrelation(
        `${method} ${url} → HTTP ${status} in ${this.now() - started} ms`,
        correlationId
      )
    )
    return { status, result: await this.classify(response, method, url) }
  }

  private async classify(
    response: RawResponse,
    method: 'GET' | 'POST',
    url: string
  ): Promise<FetchResult<JsonAnswer>> {
    const { status, body } = response
    if (status >= 200 && status < 300) {
      try {
        return {
          kind: 'ok',
          value: {
            // A POST that starts an operation may answer 202 with its address in a header only;
            // and a 2xx to it is an acceptance whatever its body (text, HTML, cut off): the
            // backend reads what it can (a header), and never sends the request again.
            body:
              method === 'POST'
                ? jsonOrUndefined(body, this.redact)
                : hideNested(parseJson(body), this.redact, body),
            status,
            ...(response.location === undefined ? {} : { location: response.location }),
            ...(response.operationLocation === undefined
              ? {}
              : { operationLocation: response.operationLocation })
          }
        }
      } catch {
        const { detail } = await httpFailure(response)
        return {
          kind: 'transient',
          reason: withCorrelation(
            `HTTP ${status} with a body that is not JSON${detail === '' ? ' (empty)' : `: ${detail}`}`,
            response.correlationId
          ),
          shape: true
        }
      }
    }
    const failure = { ...(await httpFailure(response)), url }
    if (isTransientStatus(status)) {
      const delay = retryAfterMs(response.retryAfter, this.now())
      return {
        kind: 'transient',
        reason: transientHttpReason(failure),
        status,
        ...(delay === undefined ? {} : { retryAfterMs: delay })
      }
    }
    const message = this.wording.fatal(failure)
    const json = jsonOrUndefined(body, this.redact)
    return {
      kind: 'fatal',
      message: status === 401 ? `${message} ${this.tokens.unauthorizedHint}` : message,
      status,
      detail: failure.detail,
      ...(json === undefined ? {} : { body: json })
    }
  }
}

/** A connection that was never opened: the request did not leave this machine. */
function neverConnected(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : ''
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
}

/**
 * The parsed answer with its strings redacted once more where they still hold an encoding (an
 * entity or a percent sign): a secret encoded twice (JSON over HTML entities) is whole only after
 * JSON decoding, and must be hidden before anything reads, decodes or cuts those strings. The
 * value is changed in place; JSON read with bounded work keeps this walk bounded too.
 */
export function hideNested(value: unknown, redact: (text: string) => string, raw: string): unknown {
  // Without a JSON escape in the answer, every string is as it was in the text already redacted.
  return raw.includes('\\') ? walk(value, redact) : value
}

function walk(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return /[&%]/.test(value) ? redact(value) : value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = walk(value[i], redact)
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) record[key] = walk(record[key], redact)
  }
  return value
}

/** An error body's JSON, for a backend that reads more of it than its words (an error tree). */
function jsonOrUndefined(text: string, redact: (text: string) => string): unknown {
  try {
    return text.trim() === '' ? undefined : hideNested(parseJson(text), redact, text)
  } catch {
    return undefined
  }
}
