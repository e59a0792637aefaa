import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import { azureAdToken } from '../../src/auth/azure-ad.js'
import { AuthError, staticToken, type TokenSource } from '../../src/net/token-source.js'
import { ApiClient } from '../../src/net/api-client.js'
import type { FetchResult } from '../../src/model/outcome.js'
import { cppWording } from '../../src/backends/cpp/wording.js'
import { within } from '../fixtures/budget.js'
import { CPP_AUDIENCE } from '../fixtures/cpp.js'
import { run } from '../../src/main.js'
import { rawOperation } from '../fixtures/cpp.js'
import {
  captureStdout,
  restoreAfterRun,
  runnerFiles,
  type RunnerFiles,
  virtualClock
} from '../fixtures/runner.js'
import { fatal, transient } from '../fixtures/results.js'

const ORIGIN = 'https://cloudpartner.azure.com'
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const PATH = `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}`
const URL_ = `${ORIGIN}${PATH}?api-version=2017-10-31`
const TIMEOUT_MS = 2_000

const AUTHORITY = 'https://login.microsoftonline.com'
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT_ID = '0b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9'
const TOKEN_PATH = `/${TENANT}/oauth2/v2.0/token`
const SECRET = 'cl13nt~SECRET-NEVER-PRINTED-Q8wXz'
const AUDIENCE = 'api://AzureADTokenExchange'

const TOKEN_A = 'TOKEN-A-never-printed-1111'
const TOKEN_B = 'TOKEN-B-never-printed-2222'

let unmatched: string[]

function onNoMatch(request: Request): void {
  unmatched.push(`${request.method} ${request.url}`)
}

beforeEach(() => {
  unmatched = []
  nock.emitter.on('no match', onNoMatch)
})

afterEach(() => {
  nock.emitter.removeListener('no match', onNoMatch)
  // Every host is served by nock: nothing may reach the network, loopback included.
  expect(unmatched).toEqual([])
})

/** A token source that hands out the given tokens in turn and counts what the client asks. */
function queuedSource(tokens: string[], hint = 'HINT: check the publisher account.') {
  const calls = { token: 0, invalidate: 0 }
  const source: TokenSource = {
    description: 'a queued source',
    unauthorizedHint: hint,
    token: () => {
      const token = tokens[Math.min(calls.token, tokens.length - 1)]
      calls.token++
      return Promise.resolve(token)
    },
    invalidate: () => {
      calls.invalidate++
      return true
    }
  }
  return { source, calls }
}

/** CPP answering `status` to a request carrying `token`, counting the requests it served. */
function cppAnswers(answers: Array<[token: string, status: number]>) {
  const served: string[] = []
  let scope = nock(ORIGIN)
  for (const [token, status] of answers) {
    scope = scope
      .get(PATH)
      .query({ 'api-version': '2017-10-31' })
      .matchHeader('authorization', `Bearer ${token}`)
      .reply(() => {
        served.push(token)
        return status === 200
          ? [200, rawOperation('running')]
          : [status, { error: { code: 'Unauthorized', message: 'token refused' } }]
      })
  }
  return { scope, served }
}

function client(tokens: TokenSource, debug: string[] = []): ApiClient {
  return new ApiClient({ tokens, wording: cppWording, debug: (line) => debug.push(line) })
}

/** An Azure AD token source on a nock'd token endpoint that issues the given tokens in turn. */
function azureAd(tokens: string[]) {
  const forms: URLSearchParams[] = []
  const scope = nock(AUTHORITY)
    .post(TOKEN_PATH)
    .times(tokens.length)
    .reply(async (request: Request) => {
      forms.push(new URLSearchParams(await request.text()))
      return [
        200,
        { token_type: 'Bearer', expires_in: 3600, access_token: tokens[forms.length - 1] }
      ]
    })
  const masked: string[] = []
  const source = azureAdToken(
    {
      kind: 'secret',
      tenantId: TENANT,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      authorityHost: AUTHORITY
    },
    CPP_AUDIENCE,
    {
      now: () => Date.parse('2025-03-01T08:00:00Z'),
      mask: (value) => masked.push(value),
      getIDToken: () => Promise.reject(new Error('not used in client-secret mode')),
      info: () => undefined,
      debug: () => undefined
    }
  )
  return { source, scope, forms, masked }
}

describe('ApiClient renews the token once on a 401', () => {
  it('invalidates the token and retries once with a new one when CPP answers 401', async () => {
    const { source, calls } = queuedSource([TOKEN_A, TOKEN_B])
    const cpp = cppAnswers([
      [TOKEN_A, 401],
      [TOKEN_B, 200]
    ])
    const debug: string[] = []

    const result = await client(source, debug).getJson(URL_, within(TIMEOUT_MS))

    expect(result).toEqual({ kind: 'ok', value: rawOperation('running') })
    expect(cpp.served).toEqual([TOKEN_A, TOKEN_B])
    expect(calls).toEqual({ token: 2, invalidate: 1 })
    expect(debug).toContain('The API refused the token (HTTP 401): renewing it once.')
    for (const line of debug) {
      expect(line).not.toContain(TOKEN_A)
      expect(line).not.toContain(TOKEN_B)
    }
    cpp.scope.done()
  })

  it('signs in to Azure AD again after a 401 although the first token has not expired', async () => {
    const azure = azureAd([TOKEN_A, TOKEN_B])
    const cpp = cppAnswers([
      [TOKEN_A, 401],
      [TOKEN_B, 200]
    ])

    const result = await client(azure.source).getJson(URL_, within(TIMEOUT_MS))

    expect(result.kind).toBe('ok')
    expect(cpp.served).toEqual([TOKEN_A, TOKEN_B])
    expect(azure.forms).toHaveLength(2)
    expect(azure.masked).toEqual([TOKEN_A, TOKEN_B])
    azure.scope.done()
    cpp.scope.done()
  })

  it('stops on a second 401, with a message that ends with the source hint', async () => {
    const hint = 'HINT: check the publisher account.'
    const { source, calls } = queuedSource([TOKEN_A, TOKEN_B], hint)
    const cpp = cppAnswers([
      [TOKEN_A, 401],
      [TOKEN_B, 401]
    ])

    const { message } = fatal(await client(source).getJson(URL_, within(TIMEOUT_MS)))

    expect(message).toContain('HTTP 401')
    expect(message.endsWith(hint)).toBe(true)
    expect(cpp.served).toEqual([TOKEN_A, TOKEN_B])
    expect(calls).toEqual({ token: 2, invalidate: 1 })
    expect(message).not.toContain(TOKEN_A)
    expect(message).not.toContain(TOKEN_B)
    cpp.scope.done()
  })

  it('stops on a second 401 with a freshly issued Azure AD token and says to check the publisher account', async () => {
    const azure = azureAd([TOKEN_A, TOKEN_B])
    const cpp = cppAnswers([
      [TOKEN_A, 401],
      [TOKEN_B, 401]
    ])

    const { message } = fatal(await client(azure.source).getJson(URL_, within(TIMEOUT_MS)))

    expect(message.endsWith(azure.source.unauthorizedHint)).toBe(true)
    expect(azure.source.unauthorizedHint).toMatch(/publisher account/)
    expect(cpp.served).toEqual([TOKEN_A, TOKEN_B])
    expect(azure.forms).toHaveLength(2)
    azure.scope.done()
    cpp.scope.done()
  })

  it('stops with the sign-in error when renewing after a 401 fails for good', async () => {
    let calls = 0
    const source: TokenSource = {
      description: 'a source whose secret expires',
      unauthorizedHint: 'HINT',
      token: () =>
        ++calls === 1
          ? Promise.resolve(TOKEN_A)
          : Promise.reject(new AuthError('client-secret has expired', false)),
      invalidate: () => true
    }
    const cpp = cppAnswers([[TOKEN_A, 401]])

    const result = await client(source).getJson(URL_, within(TIMEOUT_MS))

    expect(result).toEqual({ kind: 'fatal', message: 'client-secret has expired' })
    expect(cpp.served).toEqual([TOKEN_A])
    cpp.scope.done()
  })

  it('does not renew the token on a 403', async () => {
    const { source, calls } = queuedSource([TOKEN_A, TOKEN_B])
    const cpp = cppAnswers([
      [TOKEN_A, 403],
      [TOKEN_B, 200]
    ])

    fatal(await client(source).getJson(URL_, within(TIMEOUT_MS)))

    expect(cpp.served).toEqual([TOKEN_A])
    expect(calls).toEqual({ token: 1, invalidate: 0 })
  })
})

describe('ApiClient with the token input', () => {
  it('stops at the first 401: one request, saying the token is used as given and how to renew or federate', async () => {
    const cpp = cppAnswers([
      [TOKEN_A, 401],
      [TOKEN_A, 200]
    ])
    const debug: string[] = []

    const { message } = fatal(
      await client(staticToken(TOKEN_A, 'https://cloudpartner.azure.com'), debug).getJson(
        URL_,
        within(TIMEOUT_MS)
      )
    )

    expect(cpp.served).toEqual([TOKEN_A])
    expect(message).toContain('HTTP 401')
    expect(message).toContain('expired')
    expect(message).toContain('The token input is used as given')
    expect(message).toContain(
      'az account get-access-token --resource https://cloudpartner.azure.com'
    )
    expect(message).toContain('GitHub OIDC')
    expect(message).toContain('id-token: write')
    expect(message).toContain('client secret')
    expect(
      message.endsWith(staticToken(TOKEN_A, 'https://cloudpartner.azure.com').unauthorizedHint)
    ).toBe(true)
    expect(message).not.toContain(TOKEN_A)
    expect(debug).not.toContain('CPP refused the token (HTTP 401): renewing it once.')
  })
})

describe('ApiClient with a failing token source', () => {
  it.each<[string, Error, FetchResult<unknown>]>([
    [
      'a fatal AuthError',
      new AuthError('Azure AD refused to sign in (invalid_client, AADSTS7000215): wrong', false),
      {
        kind: 'fatal',
        message: 'Azure AD refused to sign in (invalid_client, AADSTS7000215): wrong'
      }
    ],
    [
      'a transient AuthError',
      new AuthError('Azure AD sign-in failed: HTTP 503', true),
      // Nothing was sent: a publish may be posted again after it.
      { kind: 'transient', reason: 'Azure AD sign-in failed: HTTP 503', unsent: true }
    ],
    [
      'any other error',
      new Error('something odd'),
      { kind: 'transient', reason: 'something odd', unsent: true }
    ]
  ])('turns %s into that result without asking CPP', async (_name, error, expected) => {
    const source: TokenSource = {
      description: 'a failing source',
      unauthorizedHint: 'HINT',
      token: () => Promise.reject(error),
      invalidate: () => true
    }
    const cpp = cppAnswers([[TOKEN_A, 200]])

    const result = await client(source).getJson(URL_, within(TIMEOUT_MS))

    expect(result).toEqual(expected)
    expect(cpp.served).toEqual([])
  })

  it('gives the poll loop a transient result when Azure AD is busy, and succeeds on the next poll', async () => {
    const busy = nock(AUTHORITY).post(TOKEN_PATH).reply(503, '')
    const azure = azureAd([TOKEN_A])
    const cpp = cppAnswers([[TOKEN_A, 200]])
    const gate = client(azure.source)

    expect(transient(await gate.getJson(URL_, within(TIMEOUT_MS))).reason).toBe(
      'Azure AD sign-in failed: HTTP 503'
    )
    expect((await gate.getJson(URL_, within(TIMEOUT_MS))).kind).toBe('ok')
    expect(cpp.served).toEqual([TOKEN_A])
    busy.done()
    azure.scope.done()
  })
})

// --- end to end through run() -----------------------------------------------------------------

const ACCESS = 'eyJ0eXAi.ACCESS-TOKEN-NEVER-PRINTED-5e1a.sig'
const OIDC_ORIGIN = 'https://pipelines.actions.example'
const REQUEST_TOKEN = 'REQUEST-TOKEN-NEVER-PRINTED-77ab'
const ID_TOKEN = [
  Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url'),
  Buffer.from(
    JSON.stringify({
      sub: 'repo:contoso/marketplace-offers:environment:production',
      aud: AUDIENCE,
      iss: 'https://token.actions.githubusercontent.com'
    })
  ).toString('base64url'),
  'ID-TOKEN-SIGNATURE-NEVER-PRINTED'
].join('.')

describe('run() with Azure AD sign-in', () => {
  let files: RunnerFiles
  let stdout: string[]

  function setup(inputs: Record<string, string>): void {
    files = runnerFiles({
      'publisher-id': 'contoso',
      'offer-id': 'contoso-offer',
      'operation-id': GUID,
      token: '',
      'tenant-id': TENANT,
      'client-id': CLIENT_ID,
      'poll-interval': '1s',
      ...inputs
    })
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    Object.assign(process.env, files.env)
  }

  /** Runs the gate with a virtual clock, so polls cost no real time. */
  async function gate() {
    return run({ clock: virtualClock() })
  }

  /** The token endpoint: one sign-in answered with ACCESS, its form kept. */
  function tokenEndpoint() {
    const forms: URLSearchParams[] = []
    /** Per sign-in: whether its client_assertion, if any, was masked before it was sent. */
    const assertionMasked: boolean[] = []
    const scope = nock(AUTHORITY)
      .post(TOKEN_PATH)
      .reply(async (request: Request) => {
        const form = new URLSearchParams(await request.text())
        forms.push(form)
        const assertion = form.get('client_assertion')
        if (assertion !== null) {
          assertionMasked.push(stdout.join('').includes(`::add-mask::${assertion}\n`))
        }
        return [200, { token_type: 'Bearer', expires_in: 3600, access_token: ACCESS }]
      })
    return { scope, forms, assertionMasked }
  }

  /** CPP: the operation has succeeded; notes whether ACCESS was masked when it arrived. */
  function operation() {
    const maskedFirst: boolean[] = []
    const scope = nock(ORIGIN)
      .get(PATH)
      .query({ 'api-version': '2017-10-31' })
      .matchHeader('authorization', `Bearer ${ACCESS}`)
      .reply(() => {
        maskedFirst.push(stdout.join('').includes(`::add-mask::${ACCESS}\n`))
        return [200, rawOperation('succeeded')]
      })
    return { scope, maskedFirst }
  }

  /** stdout without the ::add-mask:: commands: what must never show a secret. */
  function unmasked(): string {
    return stdout
      .join('')
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')
  }

  beforeEach(() => {
    stdout = captureStdout()
  })

  afterEach(restoreAfterRun)

  it('signs in with the client secret, masks it first and the access token on arrival, and prints neither', async () => {
    setup({ 'client-secret': SECRET })
    const endpoint = tokenEndpoint()
    const cpp = operation()

    const outcome = await gate()

    expect(outcome.result).toBe('succeeded')
    endpoint.scope.done()
    cpp.scope.done()
    expect(Object.fromEntries(endpoint.forms[0])).toEqual({
      client_id: CLIENT_ID,
      scope: 'https://cloudpartner.azure.com/.default',
      grant_type: 'client_credentials',
      client_secret: SECRET
    })
    const log = stdout.join('')
    expect(log.split('\n')[0]).toBe(`::add-mask::${SECRET}`)
    // The access token's first appearance anywhere is its mask, before CPP ever saw it.
    expect(log.indexOf(ACCESS)).toBe(log.indexOf(`::add-mask::${ACCESS}\n`) + '::add-mask::'.length)
    expect(cpp.maskedFirst).toEqual([true])
    expect(log).toContain(
      `signed in with Azure AD as application ${CLIENT_ID} with a client secret.`
    )
    expect(log).toContain(
      `Signed in to Azure AD as application ${CLIENT_ID} with a client secret: the token is valid for 1h`
    )
    for (const secret of [SECRET, ACCESS]) {
      expect(unmasked()).not.toContain(secret)
      expect(JSON.stringify(files.outputs())).not.toContain(secret)
      expect(files.summary()).not.toContain(secret)
    }
    expect(files.outputs().result).toBe('succeeded')
    expect(files.summary()).toContain('✅ Publish gate')
  })

  it('signs in with GitHub OIDC: the ID token goes as client_assertion and is only ever printed to be masked', async () => {
    setup({})
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `${OIDC_ORIGIN}/idtoken/run-1?api-version=2.0`
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = REQUEST_TOKEN
    const github = nock(OIDC_ORIGIN)
      .get('/idtoken/run-1')
      .query({ 'api-version': '2.0', audience: AUDIENCE })
      .matchHeader('authorization', `Bearer ${REQUEST_TOKEN}`)
      .reply(200, { value: ID_TOKEN })
    const endpoint = tokenEndpoint()
    const cpp = operation()

    const outcome = await gate()

    expect(outcome.result).toBe('succeeded')
    github.done()
    endpoint.scope.done()
    cpp.scope.done()
    expect(Object.fromEntries(endpoint.forms[0])).toEqual({
      client_id: CLIENT_ID,
      scope: 'https://cloudpartner.azure.com/.default',
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: ID_TOKEN
    })
    expect(endpoint.assertionMasked).toEqual([true])
    const log = stdout.join('')
    expect(log).toContain(`::add-mask::${ID_TOKEN}\n`)
    expect(log.indexOf(ID_TOKEN)).toBe(
      log.indexOf(`::add-mask::${ID_TOKEN}\n`) + '::add-mask::'.length
    )
    expect(log.indexOf(ACCESS)).toBe(log.indexOf(`::add-mask::${ACCESS}\n`) + '::add-mask::'.length)
    expect(cpp.maskedFirst).toEqual([true])
    expect(log).toContain(`signed in with Azure AD as application ${CLIENT_ID} with GitHub OIDC.`)
    for (const secret of [ID_TOKEN, 'ID-TOKEN-SIGNATURE-NEVER-PRINTED', ACCESS, REQUEST_TOKEN]) {
      expect(unmasked()).not.toContain(secret)
      expect(JSON.stringify(files.outputs())).not.toContain(secret)
      expect(files.summary()).not.toContain(secret)
    }
    expect(log).not.toContain(REQUEST_TOKEN)
  })

  it('renews the token and writes heartbeats on the one virtual clock of run(): 3 hours in no time', async () => {
    setup({ 'client-secret': SECRET, 'poll-interval': '1m', timeout: '3h' })
    const clock = virtualClock(Date.parse('2025-03-01T08:00:00Z'))
    const signIns: number[] = []
    const tokens = nock(AUTHORITY)
      .post(TOKEN_PATH)
      .times(4)
      .reply(() => {
        signIns.push((clock.wall() - Date.parse('2025-03-01T08:00:00Z')) / 60_000)
        return [200, { token_type: 'Bearer', expires_in: 3600, access_token: ACCESS }]
      })
    // The operation runs, unchanged, for the whole 3 hours: a poll a minute, and a last one 2 s
    // before the deadline.
    const cpp = nock(ORIGIN).get(PATH).query(true).times(181).reply(200, rawOperation('running'))

    const outcome = await run({ clock })

    expect(outcome.result).toBe('timed-out')
    tokens.done()
    cpp.done()
    // A 60-minute token is renewed 5 minutes before it expires, by the gate's own clock.
    expect(signIns).toEqual([0, 55, 110, 165])
    // Nothing changes, so the log says it is alive every 10 minutes and no more.
    const heartbeats = stdout.join('').match(/^Still waiting\. /gm) ?? []
    expect(heartbeats).toHaveLength(17)
  })

  it('fails before any request in OIDC mode when the job may not ask GitHub for an ID token', async () => {
    setup({})
    const endpoint = tokenEndpoint()
    const cpp = operation()

    const outcome = await gate()

    expect(outcome).toMatchObject({ result: 'error', polls: 0 })
    expect(outcome.message).toContain('`permissions: id-token: write`')
    expect(files.outputs().result).toBe('error')
    expect(files.outputs().message).toContain('permissions: id-token: write')
    expect(process.exitCode).toBe(1)
    expect(endpoint.scope.isDone()).toBe(false)
    expect(cpp.scope.isDone()).toBe(false)
    expect(endpoint.forms).toEqual([])
  })
})
