// The one HTTP helper: a request with one deadline over connect, headers and body, on
// @actions/http-client (so runner proxies apply), redirects never followed, bodies read safely.

import type { IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import { ACTION_NAME, ACTION_VERSION, MAX_BODY_BYTES, MIN_RETRY_AFTER_MS } from './constants.js'

export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`

export interface RawResponse {
  status: number
  body: string
  contentType: string
  retryAfter?: string
  correlationId?: string
  location?: string
}

export interface Request {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
  timeoutMs: number
}

/** Sends one request; rejects on a network error, a dropped connection or the deadline. */
export async function send(request: Request): Promise<RawResponse> {
  let message: IncomingMessage | undefined
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      message?.destroy()
      reject(new Error(`no complete answer within ${Math.round(request.timeoutMs / 1000)} s`))
    }, request.timeoutMs)
  })
  // A client per request, so that its socket timeout (the only handle http-client gives on a
  // request that never answers) matches this request's deadline and frees the connection.
  const http = new HttpClient(USER_AGENT, [], {
    allowRedirects: false,
    allowRetries: false,
    keepAlive: false,
    socketTimeout: request.timeoutMs
  })
  const exchange = (async (): Promise<RawResponse> => {
    const response =
      request.method === 'GET'
        ? await http.get(request.url, request.headers)
        : await http.post(request.url, request.body ?? '', request.headers)
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

/** 408, 429 and server errors, but 501 and 505, which say the request itself is wrong. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505)
}

/** Retry-After in seconds or as an HTTP date; at least a second so that nothing spins. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  const trimmed = value?.trim() ?? ''
  let ms = Number.NaN
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000
  // Only an HTTP date (which ends in GMT): Date.parse would read "1.5" or "-1" as a date too.
  else if (/ GMT$/.test(trimmed)) ms = Date.parse(trimmed) - now
  return Number.isNaN(ms) ? undefined : Math.max(MIN_RETRY_AFTER_MS, ms)
}

/** Node's own network errors carry a code (ECONNRESET, ECONNREFUSED…): say they are that. */
export function reasonOf(error: unknown): string {
  // Duck-typed rather than instanceof: errors from another realm (a test runner's) are errors too.
  const { message, code } = (typeof error === 'object' && error !== null ? error : {}) as {
    message?: unknown
    code?: unknown
  }
  if (typeof message !== 'string') return String(error)
  return typeof code === 'string' ? `network error ${code}: ${message}` : message
}

/** Every occurrence of a secret in a text, replaced. */
export function hide(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***')
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
