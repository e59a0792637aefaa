// The fetch Octokit (the check run) sends with, under the rules of the gate's own HTTP helper: a
// redirect is never followed (a 307 would take the check run's body, and Octokit its token, to
// wherever the Location names), and no answer is read past MAX_BODY_BYTES. It wraps the fetch
// @actions/github would use, so the runner's proxy still applies.

import { MAX_BODY_BYTES } from '../constants.js'

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>

/** Answers with no body, which a Response may not be given one for. */
const NULL_BODY = new Set([101, 103, 204, 205, 304])

export function guardedFetch(fetch: Fetch): Fetch {
  return async (url, init) => {
    const response = await fetch(url, { ...init, redirect: 'manual' })
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel()
      throw new Error(`GitHub answered HTTP ${response.status}, a redirect, which is not followed`)
    }
    const body = NULL_BODY.has(response.status) ? null : await capped(response)
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers
    })
  }
}

/** The body's bytes; a body larger than MAX_BODY_BYTES is given up as soon as it is. */
async function capped(response: Response): Promise<Uint8Array> {
  const tooLarge = (): Error =>
    new Error(`GitHub's answer is larger than ${MAX_BODY_BYTES} bytes; it was not read`)
  if (Number(response.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    await response.body?.cancel()
    throw tooLarge()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  if (response.body === null) return new Uint8Array(0)
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
