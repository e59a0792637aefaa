import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import nock from 'nock'
import {
  azureAdToken,
  oidcClaims,
  type AzureAdDeps,
  type AzureAdSignIn
} from '../../src/auth/azure-ad.js'
import { AuthError, type TokenSource } from '../../src/net/token-source.js'
import { RENEW_BEFORE_EXPIRY_MS } from '../../src/constants.js'
import { budget } from '../../src/net/budget.js'

const CPP_SCOPE = 'https://cloudpartner.azure.com/.default'
/** The API the tokens are for, as the CPP backend describes it. */
const FOR_CPP = {
  scope: CPP_SCOPE,
  apiTitle: 'the CPP API',
  refusedHint: 'A freshly issued token was refused too.'
}
/** A minute for each sign-in, as a poll would give it. */
const within = () => budget(new AbortController().signal, 60_000)

const AUTHORITY = 'https://login.microsoftonline.com'
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT_ID = '0b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9'
const TOKEN_PATH = `/${TENANT}/oauth2/v2.0/token`
/** Distinctive enough that finding it anywhere in a log line or message can only mean a leak. */
const SECRET = 'cl13nt~SECRET-NEVER-PRINTED-Q8wXz'
const AUDIENCE = 'api://AzureADTokenExchange'
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
const START = Date.parse('2025-03-01T08:00:00Z')
const MINUTE = 60_000

const CLAIMS = {
  sub: 'repo:contoso/marketplace-offers:environment:production',
  aud: AUDIENCE,
  iss: 'https://token.actions.githubusercontent.com'
}

type Kind = AzureAdSignIn['kind']

function signIn(kind: Kind, overrides: { tenantId?: string; authorityHost?: string } = {}) {
  const common = {
    tenantId: overrides.tenantId ?? TENANT,
    clientId: CLIENT_ID,
    authorityHost: overrides.authorityHost ?? AUTHORITY
  }
  const value: AzureAdSignIn =
    kind === 'secret'
      ? { kind, ...common, clientSecret: SECRET }
      : { kind, ...common, audience: AUDIENCE }
  return value
}

function base64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString(
    'base64url'
  )
}

/** A GitHub-OIDC-shaped JWT: header.payload.signature, the signature made up. */
function jwt(payload: unknown, signature = 'c2lnbmF0dXJl'): string {
  return `${base64url({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${base64url(payload)}.${signature}`
}

// --- what a test saw: every secret handed out, every line logged, every message thrown --------

/** Every secret value of the current test: the client secret, ID tokens, access tokens. */
let secrets: string[]
/** Every log line and every error message of the current test. */
let texts: string[]
let unmatched: string[]

function onNoMatch(request: Request): void {
  unmatched.push(`${request.method} ${request.url}`)
}

beforeEach(() => {
  secrets = [SECRET]
  texts = []
  unmatched = []
  nock.emitter.on('no match', onNoMatch)
})

afterEach(() => {
  nock.emitter.removeListener('no match', onNoMatch)
  // Nothing may leave the test: every host is served by nock, loopback included.
  expect(unmatched).toEqual([])
  for (const text of texts) {
    for (const secret of secrets) expect(text).not.toContain(secret)
  }
})

interface Harness {
  deps: AzureAdDeps
  clock: { ms: number }
  masked: string[]
  info: string[]
  debug: string[]
  audiences: string[]
  idTokens: string[]
}

function harness(overrides: Partial<AzureAdDeps> = {}): Harness {
  const h: Harness = {
    clock: { ms: START },
    masked: [],
    info: [],
    debug: [],
    audiences: [],
    idTokens: [],
    deps: {
      now: () => h.clock.ms,
      mask: (value) => h.masked.push(value),
      getIDToken: (audience) => {
        h.audiences.push(audience)
        const token = jwt(
          { ...CLAIMS, jti: `jti-${h.idTokens.length + 1}` },
          `ID-TOKEN-SIGNATURE-${h.idTokens.length + 1}`
        )
        h.idTokens.push(token)
        secrets.push(token)
        return Promise.resolve(token)
      },
      info: (line) => {
        h.info.push(line)
        texts.push(line)
      },
      debug: (line) => {
        h.debug.push(line)
        texts.push(line)
      },
      ...overrides
    }
  }
  return h
}

function source(kind: Kind, h: Harness, overrides: Parameters<typeof signIn>[1] = {}) {
  const tokens = azureAdToken(signIn(kind, overrides), FOR_CPP, h.deps)
  texts.push(tokens.description, tokens.unauthorizedHint)
  return tokens
}

interface TokenRequest {
  form: URLSearchParams
  contentType: string | null
  accept: string | null
  /** The injected clock when the request arrived. */
  at: number
  /** The access token it was answered with. */
  token: string
}

/** The token endpoint answering `times` sign-ins, each with a new access token. */
function tokenEndpoint(
  h: Harness,
  options: { times?: number; expiresIn?: unknown; path?: string; origin?: string } = {}
) {
  const requests: TokenRequest[] = []
  const scope = nock(options.origin ?? AUTHORITY)
    .post(options.path ?? TOKEN_PATH)
    .times(options.times ?? 1)
    .reply(async (request: Request) => {
      const token = `ACCESS-TOKEN-${requests.length + 1}-never-printed`
      secrets.push(token)
      requests.push({
        form: new URLSearchParams(await request.text()),
        contentType: request.headers.get('content-type'),
        accept: request.headers.get('accept'),
        at: h.clock.ms,
        token
      })
      const body: Record<string, unknown> = { token_type: 'Bearer', access_token: token }
      if (options.expiresIn !== undefined) body.expires_in = options.expiresIn
      return [200, body]
    })
  return { scope, requests }
}

/** The AuthError a sign-in fails with; its message is checked for secrets. */
async function failure(tokens: TokenSource): Promise<AuthError> {
  const error = await tokens.token(within()).then(
    () => undefined,
    (reason: unknown) => reason
  )
  if (!(error instanceof AuthError)) {
    throw new Error(`expected an AuthError, got ${String(error)}`)
  }
  texts.push(error.message)
  return error
}

/** An Azure AD error body as the token endpoint sends it. */
function aadError(error: string, code: number, text: string) {
  return {
    error,
    error_description: `AADSTS${code}: ${text}\r\nTrace ID: 4f7a1c2e-0000-4000-8000-000000000001\r\nCorrelation ID: 9b1d2c3e-0000-4000-8000-000000000002\r\nTimestamp: 2025-03-01 08:00:00Z`,
    error_codes: [code],
    timestamp: '2025-03-01 08:00:00Z',
    trace_id: '4f7a1c2e-0000-4000-8000-000000000001',
    correlation_id: '9b1d2c3e-0000-4000-8000-000000000002'
  }
}

function tokenError(status: number, body: string | Record<string, unknown>) {
  return nock(AUTHORITY).post(TOKEN_PATH).reply(status, body)
}

// --- the request ------------------------------------------------------------------------------

describe('azureAdToken token request', () => {
  it('signs in with a client secret: exactly client_id, scope, grant_type and client_secret, form-encoded', async () => {
    const h = harness()
    const endpoint = tokenEndpoint(h, { expiresIn: 3600 })

    const token = await source('secret', h).token(within())

    expect(token).toBe(endpoint.requests[0].token)
    expect(endpoint.requests).toHaveLength(1)
    const [request] = endpoint.requests
    expect(Object.fromEntries(request.form)).toEqual({
      client_id: CLIENT_ID,
      scope: 'https://cloudpartner.azure.com/.default',
      grant_type: 'client_credentials',
      client_secret: SECRET
    })
    expect(request.contentType).toBe('application/x-www-form-urlencoded')
    expect(request.accept).toBe('application/json')
    expect(h.audiences).toEqual([])
    endpoint.scope.done()
  })

  it('signs in with GitHub OIDC: the ID token for the audience goes as a jwt-bearer client_assertion, and no secret', async () => {
    const h = harness()
    const endpoint = tokenEndpoint(h, { expiresIn: 3600 })

    const token = await source('oidc', h).token(within())

    expect(token).toBe(endpoint.requests[0].token)
    expect(h.audiences).toEqual([AUDIENCE])
    expect(Object.fromEntries(endpoint.requests[0].form)).toEqual({
      client_id: CLIENT_ID,
      scope: 'https://cloudpartner.azure.com/.default',
      grant_type: 'client_credentials',
      client_assertion_type: JWT_BEARER,
      client_assertion: h.idTokens[0]
    })
    expect(endpoint.requests[0].contentType).toBe('application/x-www-form-urlencoded')
    endpoint.scope.done()
  })

  it.each<[string, { tenantId?: string; authorityHost?: string }, string, string]>([
    ['a tenant GUID', {}, AUTHORITY, `/${TENANT}/oauth2/v2.0/token`],
    [
      'a tenant domain',
      { tenantId: 'contoso.onmicrosoft.com' },
      AUTHORITY,
      '/contoso.onmicrosoft.com/oauth2/v2.0/token'
    ],
    [
      'another authority host',
      { authorityHost: 'https://login.microsoftonline.us' },
      'https://login.microsoftonline.us',
      `/${TENANT}/oauth2/v2.0/token`
    ]
  ])(
    'posts to {authority-host}/{tenant}/oauth2/v2.0/token for %s',
    async (_name, at, origin, path) => {
      const h = harness()
      const endpoint = tokenEndpoint(h, { origin, path })

      await source('secret', h, at).token(within())

      expect(endpoint.requests).toHaveLength(1)
      expect(h.debug).toContain(`POST ${origin}${path} → HTTP 200`)
      endpoint.scope.done()
    }
  )

  it('names the application and the way it signs in, and never the secret', () => {
    const h = harness()

    expect(source('secret', h).description).toBe(
      `Azure AD as application ${CLIENT_ID} with a client secret`
    )
    expect(source('oidc', h).description).toBe(
      `Azure AD as application ${CLIENT_ID} with GitHub OIDC`
    )
    expect(h.audiences).toEqual([])
  })
})

// --- caching and renewal --------------------------------------------------------------------

describe('azureAdToken caching and renewal', () => {
  it('reuses the token within its lifetime: two calls, one request', async () => {
    const h = harness()
    const endpoint = tokenEndpoint(h, { expiresIn: 3600 })
    const tokens = source('oidc', h)

    const first = await tokens.token(within())
    h.clock.ms += 30 * MINUTE
    const second = await tokens.token(within())

    expect(second).toBe(first)
    expect(endpoint.requests).toHaveLength(1)
    expect(h.audiences).toEqual([AUDIENCE])
    endpoint.scope.done()
  })

  it.each<Kind>(['secret', 'oidc'])(
    'renews a one-hour %s token at 55, 110 and 165 minutes over a 3-hour wait polled every minute',
    async (kind) => {
      const h = harness()
      const endpoint = tokenEndpoint(h, { expiresIn: 3600, times: 4 })
      const tokens = source(kind, h)

      for (let minute = 0; minute <= 180; minute++) {
        h.clock.ms = START + minute * MINUTE
        const token = await tokens.token(within())
        // Every poll goes out with the newest token, with at least 5 minutes of life left.
        const issued = endpoint.requests[endpoint.requests.length - 1]
        expect(token).toBe(issued.token)
        expect(issued.at + 3600_000 - h.clock.ms).toBeGreaterThanOrEqual(RENEW_BEFORE_EXPIRY_MS)
      }

      expect(endpoint.requests.map((request) => (request.at - START) / MINUTE)).toEqual([
        0, 55, 110, 165
      ])
      expect(RENEW_BEFORE_EXPIRY_MS).toBe(5 * MINUTE)
      if (kind === 'oidc') {
        // A fresh GitHub ID token for every sign-in, each sent once.
        expect(h.audiences).toEqual([AUDIENCE, AUDIENCE, AUDIENCE, AUDIENCE])
        expect(new Set(h.idTokens).size).toBe(4)
        expect(endpoint.requests.map((request) => request.form.get('client_assertion'))).toEqual(
          h.idTokens
        )
      } else {
        expect(h.audiences).toEqual([])
      }
      endpoint.scope.done()
    }
  )

  it('renews a 20-second token after half its life, 10 seconds', async () => {
    const h = harness()
    const endpoint = tokenEndpoint(h, { expiresIn: 20, times: 2 })
    const tokens = source('secret', h)

    const first = await tokens.token(within())
    h.clock.ms = START + 9_999
    expect(await tokens.token(within())).toBe(first)
    expect(endpoint.requests).toHaveLength(1)

    h.clock.ms = START + 10_000
    const second = await tokens.token(within())

    expect(second).not.toBe(first)
    expect(endpoint.requests.map((request) => request.at - START)).toEqual([0, 10_000])
    expect(h.info).toEqual([
      `Signed in to Azure AD as application ${CLIENT_ID} with a client secret: the token is valid for 20s and is renewed 10s before it expires.`
    ])
    endpoint.scope.done()
  })

  it.each<[string, unknown]>([
    ['a number', 3600],
    ['a string', '3600']
  ])('reads expires_in given as %s', async (_name, expiresIn) => {
    const h = harness()
    const endpoint = tokenEndpoint(h, { expiresIn, times: 2 })
    const tokens = source('secret', h)

    const first = await tokens.token(within())
    h.clock.ms = START + 55 * MINUTE - 1
    expect(await tokens.token(within())).toBe(first)
    h.clock.ms = START + 55 * MINUTE

    expect(await tokens.token(within())).not.toBe(first)
    expect(endpoint.requests.map((request) => (request.at - START) / MINUTE)).toEqual([0, 55])
    expect(h.info[0]).toContain('the token is valid for 1h and is renewed 5m before it expires')
    endpoint.scope.done()
  })

  it('invalidate() drops the cached token: the next call signs in again with a fresh ID token', async () => {
    const h = harness()
    const endpoint = tokenEndpoint(h, { expiresIn: 3600, times: 2 })
    const tokens = source('oidc', h)

    const first = await tokens.token(within())
    expect(tokens.invalidate()).toBe(true)
    const second = await tokens.token(within())

    expect(second).not.toBe(first)
    expect(endpoint.requests).toHaveLength(2)
    expect(h.audiences).toEqual([AUDIENCE, AUDIENCE])
    expect(endpoint.requests[1].form.get('client_assertion')).toBe(h.idTokens[1])
    expect(h.idTokens[1]).not.toBe(h.idTokens[0])
    endpoint.scope.done()
  })

  it('tries again on the next call after a failed sign-in', async () => {
    const h = harness()
    const failed = tokenError(503, '')
    const tokens = source('secret', h)

    expect((await failure(tokens)).transient).toBe(true)
    const endpoint = tokenEndpoint(h, { expiresIn: 3600 })

    expect(await tokens.token(within())).toBe(endpoint.requests[0].token)
    failed.done()
    endpoint.scope.done()
  })
})

// --- masking and logging ----------------------------------------------------------------------

describe('azureAdToken masking and logging', () => {
  it('masks every ID token before it is sent and every access token before it is returned', async () => {
    const h = harness()
    const maskedWhenSent: boolean[] = []
    const scope = nock(AUTHORITY)
      .post(TOKEN_PATH)
      .times(3)
      .reply(async (request: Request) => {
        const assertion = new URLSearchParams(await request.text()).get('client_assertion') ?? ''
        maskedWhenSent.push(h.masked.includes(assertion))
        const token = `ACCESS-TOKEN-masked-${maskedWhenSent.length}`
        secrets.push(token)
        return [200, { access_token: token, expires_in: 3600 }]
      })
    const tokens = source('oidc', h)

    const returned: string[] = []
    for (let i = 0; i < 3; i++) {
      const token = await tokens.token(within())
      expect(h.masked).toContain(token)
      returned.push(token)
      h.clock.ms += 55 * MINUTE
    }

    expect(maskedWhenSent).toEqual([true, true, true])
    expect(h.masked).toEqual([
      h.idTokens[0],
      returned[0],
      h.idTokens[1],
      returned[1],
      h.idTokens[2],
      returned[2]
    ])
    scope.done()
  })

  it('masks every access token of a client-secret sign-in (the secret is masked by run())', async () => {
    const h = harness()
    const endpoint = tokenEndpoint(h, { expiresIn: 3600, times: 2 })
    const tokens = source('secret', h)

    await tokens.token(within())
    tokens.invalidate()
    await tokens.token(within())

    expect(h.masked).toEqual(endpoint.requests.map((request) => request.token))
    endpoint.scope.done()
  })

  it('logs the first sign-in with info() and every later one with debug(), never a token or the secret', async () => {
    const h = harness()
    const endpoint = tokenEndpoint(h, { expiresIn: 3600, times: 3 })
    const tokens = source('secret', h)

    await tokens.token(within())
    h.clock.ms += 55 * MINUTE
    await tokens.token(within())
    tokens.invalidate()
    await tokens.token(within())

    const line = `Signed in to Azure AD as application ${CLIENT_ID} with a client secret: the token is valid for 1h and is renewed 5m before it expires.`
    expect(h.info).toEqual([line])
    expect(h.debug).toEqual([
      `POST ${AUTHORITY}${TOKEN_PATH} → HTTP 200`,
      `POST ${AUTHORITY}${TOKEN_PATH} → HTTP 200`,
      line,
      `POST ${AUTHORITY}${TOKEN_PATH} → HTTP 200`,
      line
    ])
    const logged = [...h.info, ...h.debug].join('\n')
    expect(logged).not.toContain(SECRET)
    for (const request of endpoint.requests) expect(logged).not.toContain(request.token)
    endpoint.scope.done()
  })

  it('never logs the GitHub ID token or an access token in OIDC mode', async () => {
    const h = harness()
    const endpoint = tokenEndpoint(h, { expiresIn: 3600, times: 2 })
    const tokens = source('oidc', h)

    await tokens.token(within())
    tokens.invalidate()
    await tokens.token(within())

    expect(h.info).toEqual([
      `Signed in to Azure AD as application ${CLIENT_ID} with GitHub OIDC: the token is valid for 1h and is renewed 5m before it expires.`
    ])
    const logged = [...h.info, ...h.debug].join('\n')
    for (const idToken of h.idTokens) {
      expect(logged).not.toContain(idToken)
      expect(logged).not.toContain(idToken.split('.')[2])
    }
    for (const request of endpoint.requests) expect(logged).not.toContain(request.token)
    endpoint.scope.done()
  })
})

// --- Azure AD errors --------------------------------------------------------------------------

describe('azureAdToken AADSTS errors', () => {
  const FEDERATION = [
    `subject "${CLAIMS.sub}"`,
    `audience "${CLAIMS.aud}"`,
    `issuer "${CLAIMS.iss}"`,
    'Federated credentials'
  ]

  it.each<[number, string, Kind, string, string[], boolean]>([
    [
      90002,
      'invalid_request',
      'secret',
      `Tenant '${TENANT}' not found.`,
      [`tenant-id "${TENANT}" was not found`, 'Directory (tenant) ID'],
      false
    ],
    [
      700016,
      'unauthorized_client',
      'oidc',
      `Application with identifier '${CLIENT_ID}' was not found in the directory 'Contoso'.`,
      [`there is no application ${CLIENT_ID} in tenant ${TENANT}`, 'check client-id and tenant-id'],
      false
    ],
    [
      7000215,
      'invalid_client',
      'secret',
      'Invalid client secret provided.',
      ['client-secret is wrong', "secret's Value", 'not its Secret ID'],
      false
    ],
    [
      7000222,
      'invalid_client',
      'secret',
      `The provided client secret keys for app '${CLIENT_ID}' are expired.`,
      ['client-secret has expired', 'create a new one', 'Certificates & secrets'],
      false
    ],
    [
      7000112,
      'unauthorized_client',
      'secret',
      `Application '${CLIENT_ID}'(gate) is disabled.`,
      [`application ${CLIENT_ID} is disabled in tenant ${TENANT}`],
      false
    ],
    [
      70011,
      'invalid_scope',
      'secret',
      "The provided value for the input parameter 'scope' is not valid.",
      [`the scope ${CPP_SCOPE} was refused`],
      false
    ],
    [
      700024,
      'invalid_client',
      'oidc',
      'Client assertion is not within its valid time range.',
      ['GitHub OIDC token expired', 'runner clock', 'fresh one'],
      true
    ],
    [
      70021,
      'invalid_request',
      'oidc',
      'No matching federated identity record found for presented assertion.',
      FEDERATION,
      false
    ],
    [
      700213,
      'invalid_client',
      'oidc',
      'No matching federated identity record found for presented assertion subject.',
      FEDERATION,
      false
    ],
    [
      700211,
      'invalid_client',
      'oidc',
      'No matching federated identity record found for presented assertion issuer.',
      [`no federated credential of the app trusts the issuer ${CLAIMS.iss}`, ...FEDERATION],
      false
    ]
  ])(
    'explains AADSTS%i (%s, %s sign-in) with its fix',
    async (code, error, kind, description, fixes, transient) => {
      const h = harness()
      const scope = tokenError(400, aadError(error, code, description))

      const thrown = await failure(source(kind, h))

      expect(thrown.transient).toBe(transient)
      expect(thrown.message).toMatch(
        new RegExp(`^Azure AD refused to sign in \\(${error}, AADSTS${code}\\): `)
      )
      for (const fix of fixes) expect(thrown.message).toContain(fix)
      expect(thrown.message).not.toContain('Trace ID')
      for (const idToken of h.idTokens) expect(thrown.message).not.toContain(idToken)
      expect(h.info).toEqual([])
      scope.done()
    }
  )

  it('prints the claims of the ID token that was actually sent, decoded from its payload', async () => {
    const claims = {
      sub: 'repo:contoso/other:ref:refs/heads/main',
      aud: ['api://AzureADTokenExchange', 'api://second'],
      iss: 'https://token.actions.githubusercontent.com/contoso'
    }
    const idToken = jwt(claims, 'HAND-MADE-SIGNATURE')
    secrets.push(idToken)
    const h = harness({ getIDToken: () => Promise.resolve(idToken) })
    const scope = tokenError(
      400,
      aadError('invalid_client', 700213, 'No matching federated identity record found.')
    )

    const { message } = await failure(source('oidc', h))

    expect(message).toContain(
      `subject "${claims.sub}", audience "api://AzureADTokenExchange, api://second", issuer "${claims.iss}"`
    )
    expect(message).not.toContain(idToken.split('.')[1])
    expect(message).not.toContain('HAND-MADE-SIGNATURE')
    scope.done()
  })

  it('finds the AADSTS code in error_codes when the description does not name it', async () => {
    const h = harness()
    const scope = tokenError(400, {
      error: 'invalid_client',
      error_description: 'Invalid client secret provided.',
      error_codes: [7000215]
    })

    const thrown = await failure(source('secret', h))

    expect(thrown.message).toMatch(/^Azure AD refused to sign in \(invalid_client, AADSTS7000215\)/)
    expect(thrown.message).toContain("secret's Value")
    expect(thrown.transient).toBe(false)
    scope.done()
  })

  it('shows the error and the first line of the description for an AADSTS code it has no fix for', async () => {
    const h = harness()
    const scope = tokenError(
      401,
      aadError('invalid_request', 50034, 'The user account does not exist in the directory.')
    )

    const thrown = await failure(source('secret', h))

    expect(thrown.message).toBe(
      'Azure AD refused to sign in (invalid_request, AADSTS50034): AADSTS50034: The user account does not exist in the directory.'
    )
    expect(thrown.transient).toBe(false)
    scope.done()
  })

  it('quotes Azure AD for a federated-credential code in client-secret mode, where there is no ID token', async () => {
    const h = harness()
    const scope = tokenError(
      400,
      aadError('invalid_client', 700213, 'No matching federated identity record found.')
    )

    const thrown = await failure(source('secret', h))

    expect(thrown.message).toBe(
      'Azure AD refused to sign in (invalid_client, AADSTS700213): AADSTS700213: No matching federated identity record found.'
    )
    expect(thrown.transient).toBe(false)
    scope.done()
  })

  it.each<[string, Record<string, unknown>]>([
    ['no error_codes', { error: 'invalid_request', error_description: 'Bad request body.' }],
    [
      'an empty error_codes',
      { error: 'invalid_request', error_description: 'Bad request body.', error_codes: [] }
    ]
  ])('names no AADSTS code when Azure AD sends %s', async (_name, body) => {
    const h = harness()
    const scope = tokenError(400, body)

    const thrown = await failure(source('secret', h))

    expect(thrown.message).toBe('Azure AD refused to sign in (invalid_request): Bad request body.')
    expect(thrown.message).not.toContain('AADSTS')
    scope.done()
  })
})

describe('azureAdToken other token endpoint failures', () => {
  it.each([408, 429, 500, 502, 503, 504])(
    'retries HTTP %i as a transient AuthError',
    async (status) => {
      const h = harness()
      const scope = tokenError(
        status,
        aadError('temporarily_unavailable', 50196, 'The server is busy.')
      )

      const thrown = await failure(source('secret', h))

      expect(thrown.transient).toBe(true)
      expect(thrown.message).toBe(
        `Azure AD sign-in failed: HTTP ${status}: AADSTS50196: The server is busy.`
      )
      scope.done()
    }
  )

  it('retries a 503 without a body as a transient AuthError', async () => {
    const h = harness()
    const scope = tokenError(503, '')

    const thrown = await failure(source('oidc', h))

    expect(thrown.transient).toBe(true)
    expect(thrown.message).toBe('Azure AD sign-in failed: HTTP 503')
    scope.done()
  })

  it.each([
    ['a plain message', new Error('socket hang up'), 'socket hang up'],
    [
      'ECONNRESET',
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      'network error ECONNRESET: read ECONNRESET'
    ],
    [
      'ENOTFOUND',
      Object.assign(new Error('getaddrinfo ENOTFOUND login.microsoftonline.com'), {
        code: 'ENOTFOUND'
      }),
      'network error ENOTFOUND'
    ]
  ])('retries a network error (%s) as a transient AuthError', async (_name, error, reason) => {
    const h = harness()
    const scope = nock(AUTHORITY).post(TOKEN_PATH).replyWithError(error)

    const thrown = await failure(source('secret', h))

    expect(thrown.transient).toBe(true)
    expect(thrown.message).toMatch(/^Azure AD sign-in failed: /)
    expect(thrown.message).toContain(reason)
    scope.done()
  })

  it('stops on a 400 without a JSON body, quoting its first line', async () => {
    const h = harness()
    const scope = tokenError(400, 'Bad Request\nsomething else')

    const thrown = await failure(source('secret', h))

    expect(thrown.transient).toBe(false)
    expect(thrown.message).toBe('Azure AD refused to sign in (HTTP 400): Bad Request')
    scope.done()
  })

  it.each<[string, string | Record<string, unknown>]>([
    ['no access_token', { token_type: 'Bearer', expires_in: 3599 }],
    ['an empty access_token', { token_type: 'Bearer', access_token: '', expires_in: 3599 }],
    ['an access_token that is not a string', { access_token: 42 }],
    ['a body that is not JSON', '<html>maintenance</html>']
  ])('retries a 200 with %s as a transient AuthError', async (_name, body) => {
    const h = harness()
    const scope = tokenError(200, body)

    const thrown = await failure(source('secret', h))

    expect(thrown.transient).toBe(true)
    expect(thrown.message).toMatch(/^Azure AD sign-in failed: HTTP 200/)
    expect(h.masked).toEqual([])
    expect(h.info).toEqual([])
    scope.done()
  })
})

describe('azureAdToken GitHub OIDC token failures', () => {
  it('stops at once when the OIDC side refuses for good (no permission), without signing in', async () => {
    const refusal = new AuthError(
      'GitHub gave no OIDC token: add `permissions: id-token: write`.',
      false
    )
    const h = harness({ getIDToken: () => Promise.reject(refusal) })
    const scope = tokenError(200, { access_token: 'never-requested', expires_in: 3600 })

    const thrown = await failure(source('oidc', h))

    expect(thrown).toBe(refusal)
    expect(scope.isDone()).toBe(false)
  })

  it('retries any other failure to get an ID token as a transient AuthError', async () => {
    const reason = 'socket hang up'
    const h = harness({ getIDToken: () => Promise.reject(new Error(reason)) })
    const scope = tokenError(200, { access_token: 'never-requested', expires_in: 3600 })

    const thrown = await failure(source('oidc', h))

    expect(thrown.transient).toBe(true)
    expect(thrown.message).toBe(`Could not get a GitHub OIDC token: ${reason}`)
    expect(scope.isDone()).toBe(false)
  })
})

describe('oidcClaims', () => {
  it('reads sub, aud and iss from the payload of a JWT', () => {
    expect(oidcClaims(jwt(CLAIMS))).toEqual(CLAIMS)
  })

  it('joins an audience list', () => {
    expect(oidcClaims(jwt({ ...CLAIMS, aud: ['a', 'b'] })).aud).toBe('a, b')
  })

  it.each<[string, string]>([
    ['an empty string', ''],
    ['no dots at all', 'not-a-jwt'],
    ['an empty payload', 'header..signature'],
    ['a payload that is not base64url JSON', 'header.!!!.signature'],
    ['a payload that is base64url of text', `header.${base64url('plain text')}.signature`],
    ['a payload of JSON null', `header.${base64url('null')}.signature`],
    ['a payload of a JSON number', `header.${base64url('42')}.signature`],
    ['a payload of a JSON string', `header.${base64url('"sub"')}.signature`],
    ['claims that are not strings', jwt({ sub: 1, aud: { x: 1 }, iss: null })],
    ['a payload without the claims', jwt({ jti: 'x' })]
  ])('shows ? for every claim of %s', (_name, token) => {
    expect(oidcClaims(token)).toEqual({ sub: '?', aud: '?', iss: '?' })
  })

  it('keeps the claims it can read from a partial payload', () => {
    expect(oidcClaims(jwt({ sub: CLAIMS.sub }))).toEqual({ sub: CLAIMS.sub, aud: '?', iss: '?' })
  })

  it('prints ? claims in the federated-credential fix when the ID token is malformed', async () => {
    const h = harness({ getIDToken: () => Promise.resolve('MALFORMED-ID-TOKEN') })
    secrets.push('MALFORMED-ID-TOKEN')
    const scope = tokenError(
      400,
      aadError('invalid_request', 70021, 'No matching federated identity record found.')
    )

    const { message } = await failure(source('oidc', h))

    expect(message).toContain('(subject "?", audience "?", issuer "?")')
    scope.done()
  })
})

describe('azureAdToken throttling', () => {
  it.each([
    ['seconds', '7', 7_000],
    ['an HTTP date', new Date(START + 30_000).toUTCString(), 30_000]
  ])(
    'passes on a 429 Retry-After given in %s, as the CPP client does',
    async (_form, header, ms) => {
      const h = harness()
      nock(AUTHORITY)
        .post(TOKEN_PATH)
        .reply(429, aadError('temporarily_unavailable', 50196, 'Throttled.'), {
          'Retry-After': header
        })
      const error = await failure(source('secret', h))
      expect(error.transient).toBe(true)
      expect(error.retryAfterMs).toBe(ms)
    }
  )
})
