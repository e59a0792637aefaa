// The fetch Octokit sends with: no redirect followed, no answer read past MAX_BODY_BYTES, and what
// is within both handed on as it came.

import { describe, expect, it } from '@jest/globals'
import { MAX_BODY_BYTES } from '../../src/constants.js'
import { guardedFetch } from '../../src/net/github-fetch.js'

/** A fetch that answers `response` and remembers what it was asked. */
function answering(response: () => Response): {
  fetch: (url: string, init?: RequestInit) => Promise<Response>
  asked: RequestInit[]
} {
  const asked: RequestInit[] = []
  return {
    asked,
    fetch: (_url, init) => {
      asked.push(init ?? {})
      return Promise.resolve(response())
    }
  }
}

describe('guardedFetch', () => {
  it('asks for redirects not to be followed, and refuses one', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const { fetch, asked } = answering(
        () => new Response(null, { status, headers: { location: 'https://evil.example/x' } })
      )
      await expect(
        guardedFetch(fetch)('https://api.github.com/x', { method: 'POST' })
      ).rejects.toThrow(`GitHub answered HTTP ${status}, a redirect, which is not followed`)
      expect(asked[0]).toMatchObject({ method: 'POST', redirect: 'manual' })
    }
  })

  it('hands on an answer within the limit as it came', async () => {
    const { fetch } = answering(
      () =>
        new Response('{"id":1}', {
          status: 201,
          statusText: 'Created',
          headers: { 'content-type': 'application/json', deprecation: 'true' }
        })
    )
    const response = await guardedFetch(fetch)('https://api.github.com/x')
    expect(response.status).toBe(201)
    expect(response.headers.get('deprecation')).toBe('true')
    expect(await response.json()).toEqual({ id: 1 })
  })

  it.each([
    ['said by its Content-Length', { 'content-length': String(MAX_BODY_BYTES + 1) }],
    ['streamed without one', {}]
  ])('refuses an answer larger than the limit, %s', async (_what, headers) => {
    const chunk = new Uint8Array(1024 * 1024)
    const { fetch } = answering(() => {
      let sent = 0
      const body = new ReadableStream<Uint8Array>({
        pull: (controller) => {
          sent += chunk.length
          if (sent > MAX_BODY_BYTES + chunk.length) controller.close()
          else controller.enqueue(chunk)
        }
      })
      return new Response(body, { status: 200, headers })
    })
    await expect(guardedFetch(fetch)('https://api.github.com/x')).rejects.toThrow(
      `larger than ${MAX_BODY_BYTES} bytes`
    )
  })

  it('answers 204 with no body', async () => {
    const { fetch } = answering(() => new Response(null, { status: 204 }))
    expect((await guardedFetch(fetch)('https://api.github.com/x')).status).toBe(204)
  })
})
