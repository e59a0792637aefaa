// The only place that speaks HTTP to CPP: one GET, classified as a body, a transient failure
// (retry) or a fatal one (stop), with Retry-After read and the token kept on base-url.

import type { IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import type { TokenSource } from '../auth/token-source.js'
import { ACTION_NAME, ACTION_VERSION, MAX_BODY_BYTES, MIN_RETRY_AFTER_MS } from '../constants.js'
import {
  errorDetail,
  fatalHttpMessage,
  transientHttpReason,
  withCorrelation,
  type HttpFailure
} from '../errors.js'

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

/**
 * Retried: 408, 429 and server errors, but the two 5xx that say the request itself is wrong
 * (501 Not Implemented, 505 HTTP Version Not Supported), which no retry can fix.
 */
function isTransient(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505)
}

export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`

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
    let token: string
    try {
      token = await this.tokens.token()
    } catch (error) {
      return { kind: 'transient', reason: reasonOf(error) }
    }
    return redact(await this.get(url, token, timeoutMs), token)
  }

  private async get(url: string, token: string, timeoutMs: number): Promise<FetchResult<unknown>> {
    const started = this.now()
    let response: RawResponse
    try {
      response = await this.request(
        url,
        { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        timeoutMs
      )
    } catch (error) {
      const reason = reasonOf(error)
      this.debug(`GET ${url} failed after ${this.now() - started} ms: ${reason}`)
      return { kind: 'transient', reason }
    }
    // A server that echoes the request's headers must not make us repeat the token anywhere.
    response.body = response.body.split(token).join('***')
    const { status, correlationId } = response
    this.debug(
      `GET ${url} → HTTP ${status} in ${this.now() - started} ms${correlationId ? ` (x-ms-correlation-request-id: ${correlationId})` : ''}`
    )
    return this.classify(response)
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
    if (isTransient(status)) {
      const retryAfterMs = this.retryAfter(response.retryAfter)
      return {
        kind: 'transient',
        reason: transientHttpReason(response),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs })
      }
    }
    return { kind: 'fatal', message: fatalHttpMessage(response) }
  }

  /** Retry-After in seconds or as an HTTP date; at least a second so we never spin. */
  private retryAfter(value: string | undefined): number | undefined {
    if (value === undefined || value.trim() === '') return undefined
    const trimmed = value.trim()
    let ms = Number.NaN
    if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000
    // Only an HTTP date (which ends in GMT): Date.parse would read "1.5" or "-1" as a date too.
    else if (/ GMT$/.test(trimmed)) ms = Date.parse(trimmed) - this.now()
    return Number.isNaN(ms) ? undefined : Math.max(MIN_RETRY_AFTER_MS, ms)
  }

  /** One GET with an overall deadline: connect, headers and body together. */
  private async request(
    url: string,
    headers: Record<string, string>,
    timeoutMs: number
  ): Promise<RawResponse> {
    let message: IncomingMessage | undefined
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        message?.destroy()
        reject(new Error(`no complete answer within ${Math.round(timeoutMs / 1000)} s`))
      }, timeoutMs)
    })
    // A client per request, so that its socket timeout (the only handle http-client gives on a
    // request that never answers) matches this request's deadline and frees the connection.
    const http = new HttpClient(USER_AGENT, [], {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: false,
      socketTimeout: timeoutMs
    })
    const exchange = (async (): Promise<RawResponse> => {
      const response = await http.get(url, headers)
      message = response.message
      const body = await readBody(response.message)
      return {
        status: response.message.statusCode ?? 0,
        body,
        contentType: header(response.message, 'content-type') ?? '',
        retryAfter: header(response.message, 'retry-after'),
        correlationId: header(response.message, 'x-ms-correlation-request-id'),
        location: header(response.message, 'location')
      }
    })()
    try {
      return await Promise.race([exchange, timeout])
    } finally {
      clearTimeout(timer)
    }
  }
}

interface RawResponse extends HttpFailure {
  retryAfter?: string
}

/** Node's own network errors carry a code (ECONNRESET, ECONNREFUSED…): say they are that. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as NodeJS.ErrnoException).code
  return typeof code === 'string' ? `network error ${code}: ${error.message}` : error.message
}

/** A server that echoes the request's headers must not make us repeat the token. */
function redact(result: FetchResult<unknown>, token: string): FetchResult<unknown> {
  if (token === '' || result.kind === 'ok') return result
  const hide = (text: string): string => text.split(token).join('***')
  return result.kind === 'fatal'
    ? { ...result, message: hide(result.message) }
    : { ...result, reason: hide(result.reason) }
}

function header(message: IncomingMessage, name: string): string | undefined {
  const value = message.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * http-client's readBody() never settles when the connection drops mid-body, so bodies are read
 * here: a dropped connection rejects, and an oversized body is cut off.
 */
function readBody(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    message.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        message.destroy()
        reject(new Error(`the response body is larger than ${MAX_BODY_BYTES} bytes`))
      } else chunks.push(chunk)
    })
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    message.on('error', reject)
    message.on('close', () => {
      if (!message.complete)
        reject(new Error('the connection closed before the response was complete'))
    })
  })
}
