// The CPP side of HTTP: one authenticated GET, classified as a body, a transient failure (retry)
// or a fatal one (stop). A 401 gets one fresh token and one more try.

import { AuthError, type TokenSource } from '../auth/token-source.js'
import { errorDetail, fatalHttpMessage, transientHttpReason, withCorrelation } from '../errors.js'
import { hide, isTransientStatus, reasonOf, retryAfterMs, send, type RawResponse } from '../http.js'
import { loadHtmlParser } from './html-text.js'

export type FetchResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'transient'; reason: string; retryAfterMs?: number }
  | { kind: 'fatal'; message: string }

export interface ClientOptions {
  tokens: TokenSource
  /** Wall-clock time, for Retry-After dates. */
  now?: () => number
  debug?: (line: string) => void
}

export class CppClient {
  private readonly tokens: TokenSource
  private readonly now: () => number
  private readonly debug: (line: string) => void

  constructor(options: ClientOptions) {
    this.tokens = options.tokens
    this.now = options.now ?? Date.now
    this.debug = options.debug ?? (() => undefined)
  }

  async getJson(url: string, timeoutMs: number): Promise<FetchResult<unknown>> {
    const first = await this.attempt(url, timeoutMs)
    if (first.status !== 401) return first.result
    // A token can be refused before its stated expiry: renew once; a second 401 is for real.
    if (!this.tokens.invalidate()) return first.result
    this.debug('CPP refused the token (HTTP 401): renewing it once.')
    return (await this.attempt(url, timeoutMs)).result
  }

  private async attempt(
    url: string,
    timeoutMs: number
  ): Promise<{ status?: number; result: FetchResult<unknown> }> {
    let token: string
    try {
      token = await this.tokens.token()
    } catch (error) {
      const message = reasonOf(error)
      if (!(error instanceof AuthError)) return { result: { kind: 'transient', reason: message } }
      if (!error.transient) return { result: { kind: 'fatal', message } }
      const delay = error.retryAfterMs
      return {
        result: {
          kind: 'transient',
          reason: message,
          ...(delay === undefined ? {} : { retryAfterMs: delay })
        }
      }
    }
    const started = this.now()
    let response: RawResponse
    try {
      response = await send({
        method: 'GET',
        url,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        timeoutMs
      })
    } catch (error) {
      const reason = reasonOf(error)
      this.debug(`GET ${url} failed after ${this.now() - started} ms: ${reason}`)
      return { result: { kind: 'transient', reason } }
    }
    // A server that echoes the request's headers must not make us repeat the token anywhere.
    response.body = hide(response.body, token)
    response.location = response.location === undefined ? undefined : hide(response.location, token)
    // An error page is reduced to its words by the HTML parser, loaded only for such pages.
    if (/html/i.test(response.contentType) || /^\s*</.test(response.body)) await loadHtmlParser()
    const { status, correlationId } = response
    this.debug(
      `GET ${url} → HTTP ${status} in ${this.now() - started} ms${correlationId ? ` (x-ms-correlation-request-id: ${correlationId})` : ''}`
    )
    return { status, result: this.classify(response) }
  }

  private classify(response: RawResponse): FetchResult<unknown> {
    const { status, body } = response
    if (status >= 200 && status < 300) {
      try {
        return { kind: 'ok', value: JSON.parse(body) as unknown }
      } catch {
        const detail = errorDetail(response)
        return {
          kind: 'transient',
          reason: withCorrelation(
            `HTTP ${status} with a body that is not JSON${detail === '' ? ' (empty)' : `: ${detail}`}`,
            response.correlationId
          )
        }
      }
    }
    if (isTransientStatus(status)) {
      const delay = retryAfterMs(response.retryAfter, this.now())
      return {
        kind: 'transient',
        reason: transientHttpReason(response),
        ...(delay === undefined ? {} : { retryAfterMs: delay })
      }
    }
    const message = fatalHttpMessage(response)
    return {
      kind: 'fatal',
      message: status === 401 ? `${message} ${this.tokens.unauthorizedHint}` : message
    }
  }
}
