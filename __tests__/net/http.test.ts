// The agent of a request to the marketplace API follows the runner's proxy settings as
// @actions/http-client reads them (https_proxy, http_proxy, no_proxy; loopback never proxied):
// through its tunnelling agent when a proxy applies, which is then loaded, and directly otherwise.

import { afterEach, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import * as https from 'node:https'
import type { AddressInfo } from 'node:net'
import { once } from 'node:events'
import nock from 'nock'
import { agentFor, send } from '../../src/net/http.js'
import { within } from '../fixtures/budget.js'
import { startConnectProxy } from '../fixtures/connect-proxy.js'

const PROXY_VARIABLES = [
  'https_proxy',
  'HTTPS_PROXY',
  'http_proxy',
  'HTTP_PROXY',
  'no_proxy',
  'NO_PROXY'
]
const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]))
function proxyEnv(values: Record<string, string>): void {
  for (const name of PROXY_VARIABLES) delete process.env[name]
  Object.assign(process.env, values)
}
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

/** Whether an agent keeps sockets open between requests (Node's Agent says so at run time). */
const keepsAlive = (agent: http.Agent): unknown =>
  (agent as http.Agent & { keepAlive?: boolean }).keepAlive

/** http-client's tunnelling agents carry the proxy they go through. */
const proxyOf = (agent: http.Agent): unknown =>
  (agent as http.Agent & { proxyOptions?: { host: string; port: string } }).proxyOptions

describe('agentFor', () => {
  it('connects directly, with no kept-alive socket, when no proxy is set', () => {
    proxyEnv({})
    const secure = agentFor(new URL('https://graph.microsoft.com/rp/x'), within())
    expect(secure).toBeInstanceOf(https.Agent)
    expect(proxyOf(secure)).toBeUndefined()
    expect(keepsAlive(secure)).toBe(false)
    const plain = agentFor(new URL('http://127.0.0.1:8080/x'), within())
    expect(plain).toBeInstanceOf(http.Agent)
    expect(plain).not.toBeInstanceOf(https.Agent)
    expect(keepsAlive(plain)).toBe(false)
  })

  it('goes through https_proxy for an https address', () => {
    proxyEnv({ https_proxy: 'http://proxy.corp.test:3128' })
    const agent = agentFor(new URL('https://graph.microsoft.com/rp/x'), within())
    expect(proxyOf(agent)).toMatchObject({ host: 'proxy.corp.test', port: '3128' })
  })

  it.each([
    ['an address no_proxy names', 'https://graph.microsoft.com/rp/x', 'graph.microsoft.com'],
    ['loopback', 'https://127.0.0.1:8443/x', '']
  ])('connects directly to %s, proxy or not', (_case, address, noProxy) => {
    proxyEnv({ https_proxy: 'http://proxy.corp.test:3128', no_proxy: noProxy })
    expect(proxyOf(agentFor(new URL(address), within()))).toBeUndefined()
  })

  it('gives no agent to a request whose budget has run out', () => {
    proxyEnv({})
    const stopped = new AbortController()
    stopped.abort()
    expect(() =>
      agentFor(new URL('https://graph.microsoft.com/'), within(1_000, stopped.signal))
    ).toThrow()
  })
})

// The whole way: a request to a host that is not loopback goes to the proxy as CONNECT, and the
// proxy tunnels it to a server on loopback that answers.
it('sends a request through the runner’s proxy', async () => {
  const upstream = http.createServer((request, response) => {
    response.setHeader('Content-Type', 'application/json')
    response.end(JSON.stringify({ path: request.url, host: request.headers.host }))
  })
  upstream.listen(0, '127.0.0.1')
  await once(upstream, 'listening')
  const proxy = await startConnectProxy(() => (upstream.address() as AddressInfo).port)
  // The host is never looked up: only the proxy, on loopback, is connected to.
  nock.enableNetConnect((host) => /^(127\.0\.0\.1|marketplace\.test)(:\d+)?$/.test(host))
  try {
    proxyEnv({ http_proxy: proxy.url })
    // Never a look-up of the name: the request would go direct without the proxy's agent.
    expect(proxyOf(agentFor(new URL('http://marketplace.test/'), within()))).toBeDefined()
    const response = await send(
      { method: 'GET', url: 'http://marketplace.test/api/operations/1', headers: {} },
      within(10_000)
    )
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({
      path: '/api/operations/1',
      host: expect.stringMatching(/^marketplace\.test(:80)?$/)
    })
    expect(proxy.tunnels).toEqual(['marketplace.test:80'])
  } finally {
    nock.enableNetConnect((host) => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(host))
    proxy.close()
    upstream.closeAllConnections()
    upstream.close()
  }
})

// Node sends the headers of a request whose body is a string in the body's encoding (UTF-8), and
// those of a request without one in Latin-1: a token beyond ASCII would reach the server as two
// different values, and a server echoing the POST's would echo a form of it no redactor knows.
describe('send', () => {
  it.each([
    ['GET', undefined],
    ['POST', '{"résumé":"é"}']
  ] as const)('sends a Latin-1 header value as Latin-1 bytes on a %s', async (method, body) => {
    const seen: Array<{ authorization: string; body: string }> = []
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        seen.push({
          authorization: request.headers.authorization ?? '',
          body: Buffer.concat(chunks).toString('utf8')
        })
        response.end('{}')
      })
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    try {
      const { port } = server.address() as AddressInfo
      const response = await send(
        {
          method,
          url: `http://127.0.0.1:${port}/configure`,
          headers: { Authorization: 'Bearer st4tic/Tok+en&"é=x' },
          ...(body === undefined ? {} : { body })
        },
        within(10_000)
      )
      expect(response.status).toBe(200)
      expect(seen).toEqual([{ authorization: 'Bearer st4tic/Tok+en&"é=x', body: body ?? '' }])
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})
