import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import nock from 'nock'
import { githubIdToken, oidcEndpoint } from '../../src/auth/github-oidc.js'
import { AuthError } from '../../src/net/token-source.js'
import { within } from '../fixtures/budget.js'

const SERVICE = 'https://pipelines.actions.githubusercontent.com'
const REQUEST_TOKEN = 'runner-request-token-NEVER-SHOWN'
const endpoint = { url: `${SERVICE}/oidc/token?api-version=2.0`, requestToken: REQUEST_TOKEN }

async function refusal(promise: Promise<unknown>): Promise<AuthError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AuthError) return error
    throw error
  }
  throw new Error('expected an AuthError')
}

describe('oidcEndpoint', () => {
  it('reads the runner’s two variables, and nothing when either is missing', () => {
    expect(
      oidcEndpoint({
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't'
      })
    ).toEqual({ url: 'https://x', requestToken: 't' })
    expect(oidcEndpoint({ ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x' })).toBeUndefined()
    expect(oidcEndpoint({ ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' })).toBeUndefined()
  })
})

describe('githubIdToken', () => {
  it('asks for a token for the audience with the request token, and returns its value', async () => {
    const scope = nock(SERVICE)
      .get('/oidc/token')
      .query({ 'api-version': '2.0', audience: 'api://AzureADTokenExchange' })
      .matchHeader('authorization', `Bearer ${REQUEST_TOKEN}`)
      .reply(200, { value: 'id.token.jwt' })
    await expect(githubIdToken(endpoint, 'api://AzureADTokenExchange', within())).resolves.toBe(
      'id.token.jwt'
    )
    scope.done()
  })

  it('says to add `permissions: id-token: write` when the job may not ask, without asking', async () => {
    const error = await refusal(githubIdToken(undefined, 'api://AzureADTokenExchange', within()))
    expect(error.transient).toBe(false)
    expect(error.message).toContain('`permissions: id-token: write`')
  })

  it.each([401, 403])(
    'stops on HTTP %d with the same advice: asking again will not change it',
    async (status) => {
      nock(SERVICE).get('/oidc/token').query(true).reply(status, { message: 'Forbidden' })
      const error = await refusal(githubIdToken(endpoint, 'aud', within()))
      expect(error.transient).toBe(false)
      expect(error.message).toBe(
        `Could not get a GitHub OIDC token: HTTP ${status}: {"message":"Forbidden"}. GitHub gave no OIDC token: add \`permissions: id-token: write\` to the workflow or the job, or sign in with client-secret instead.`
      )
    }
  )

  it.each<[string, number, string]>([
    ['a server error', 503, 'Service Unavailable'],
    ['an answer without a value', 200, '{"count":1}'],
    ['an answer that is not JSON', 200, '<html>oops</html>']
  ])('retries %s as a transient failure', async (_name, status, body) => {
    nock(SERVICE).get('/oidc/token').query(true).reply(status, body)
    const error = await refusal(githubIdToken(endpoint, 'aud', within()))
    expect(error.transient).toBe(true)
    expect(error.message).toMatch(new RegExp(`^Could not get a GitHub OIDC token: HTTP ${status}`))
  })

  it('never repeats the request token when the service echoes it', async () => {
    nock(SERVICE)
      .get('/oidc/token')
      .query(true)
      .reply(500, `bad request from Bearer ${REQUEST_TOKEN}`)
    const error = await refusal(githubIdToken(endpoint, 'aud', within()))
    expect(error.message).not.toContain(REQUEST_TOKEN)
    expect(error.message).toContain('Bearer ***')
  })

  it('gives up when its budget ends on a service that never answers', async () => {
    const server = createServer(() => undefined)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    try {
      const { port } = server.address() as AddressInfo
      const stalled = { url: `http://127.0.0.1:${port}/oidc`, requestToken: REQUEST_TOKEN }
      const error = await refusal(githubIdToken(stalled, 'aud', within(100)))
      expect(error.transient).toBe(true)
      expect(error.message).toBe(
        'Could not get a GitHub OIDC token: no complete answer within 0.1s'
      )
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})
