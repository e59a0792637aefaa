// The one HTTP helper: a request bounded by its Budget over connect, headers and body, through the
// runner's proxy (@actions/http-client's agent), redirects never followed, bodies read safely, and
// the socket destroyed when the request is abandoned.

import * as http from 'node:http'
import * as https from 'node:https'
import type { IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { ACTION_NAME, ACTION_VERSION, MAX_BODY_BYTES, MIN_RETRY_AFTER_MS } from '../constants.js'
import { abortReason, type Budget } from './budget.js'

export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`

/**
 * The headers by which Microsoft support finds a request in its logs: the CPP API's (Azure
 * Resource Manager's), then Microsoft Graph's, which hosts the Product Ingestion API.
 */
export const CORRELATION_HEADERS = [
  'x-ms-correlation-request-id',
  'request-id',
  'client-request-id'
] as const

/** The value of each correlation header an answer carried, as sent. */
export type CorrelationIds = Partial<Record<(typeof CORRELATION_HEADERS)[number], string>>

export interface RawResponse {
  status: number
  body: string
  contentType: string
  retryAfter?: string
  correlationId?: CorrelationIds
  location?: string
  operationLocation?: string
}

export interface Request {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
}

/** Sends one request; rejects on a network error, a dropped connection, or when the budget ends. */
export async function send(request: Request, budget: Budget): Promise<RawResponse> {
  const url = new URL(request.url)
  const agent = agentFor(url, budget)
  const transport = url.protocol === 'https:' ? https : http
  const headers: Record<string, string> = { ...request.headers, 'User-Agent': USER_AGENT }
  if (request.body !== undefined)
    headers['Content-Length'] = String(Buffer.byteLength(request.body))
  return new Promise<RawResponse>((resolve, reject) => {
    const fail = (error: unknown): void =>
      reject(
        budget.signal.aborted
          ? new Error(abortReason(budget))
          : error instanceof Error
            ? error
            : new Error(String(error))
      )
    const outgoing = transport.request(
      {
        // An IPv6 literal comes bracketed from URL and must go to the socket without brackets.
        host: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers,
        agent,
        // Aborting destroys the request and its socket, whatever stage it is in.
        signal: budget.signal
      },
      (message) => {
        readBody(message).then(
          (body) =>
            resolve({
              status: message.statusCode ?? 0,
              body,
              contentType: header(message, 'content-type') ?? '',
              retryAfter: header(message, 'retry-after'),
              correlationId: correlationIds(message),
              location: header(message, 'location'),
              operationLocation: header(message, 'operation-location')
            }),
          fail
        )
      }
    )
    outgoing.on('error', fail)
    // As bytes: Node writes the headers in front of a string body in the body's encoding, so a
    // Latin-1 header value (a token with é) would go out as UTF-8 on a POST and as Latin-1 on a GET.
    outgoing.end(request.body === undefined ? undefined : Buffer.from(request.body, 'utf8'))
  })
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

function correlationIds(message: IncomingMessage): CorrelationIds | undefined {
  const ids: CorrelationIds = {}
  for (const name of CORRELATION_HEADERS) {
    const value = header(message, name)
    if (value !== undefined) ids[name] = value
  }
  return Object.keys(ids).length === 0 ? undefined : ids
}

/** A dropped connection rejects, and an oversized body is cut off. */
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

/**
 * The agent the runner's proxy settings (https_proxy, http_proxy, no_proxy) choose, as
 * @actions/http-client chooses it: its tunnelling agent when a proxy applies, and otherwise a plain
 * one; never a kept-alive socket, since polls are a minute apart.
 */
export function agentFor(url: URL, budget: Budget): http.Agent {
  if (budget.signal.aborted) throw new Error(abortReason(budget))
  if (!getProxyUrl(url)?.hostname) {
    return url.protocol === 'https:'
      ? new https.Agent({ keepAlive: false })
      : new http.Agent({ keepAlive: false })
  }
  return new HttpClient(USER_AGENT, [], { keepAlive: false }).getAgent(url.href)
}
