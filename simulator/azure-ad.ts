// The simulator's Azure AD and GitHub OIDC: a token endpoint that issues short-lived tokens for
// client credentials (secret or federated assertion), each for one audience (the CPP API or
// Microsoft Graph, by the scope asked for), and a fake GitHub OIDC issuer.

import { randomUUID } from 'node:crypto'

export const DEFAULT_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
export const DEFAULT_CLIENT_ID = '0c2d5e1a-4f6b-4d8e-9a3b-7c1e2f3a4b5c'
export const DEFAULT_CLIENT_SECRET = 'sim-client-secret'
export const DEFAULT_OIDC_REQUEST_TOKEN = 'sim-oidc-request-token'
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
export const DEFAULT_SUBJECT = 'repo:contoso/marketplace-offer:ref:refs/heads/main'
const EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange'
/** The APIs a token can be issued for, by the scope that asks for it. */
export type Audience = 'cpp' | 'graph'
const SCOPES: Readonly<Record<string, Audience>> = {
  'https://cloudpartner.azure.com/.default': 'cpp',
  'https://graph.microsoft.com/.default': 'graph'
}

export interface Client {
  secret?: string
  /** The subject of the federated credential, e.g. repo:org/repo:ref:refs/heads/main. */
  subject?: string
  publishers: string[]
}

export interface AzureAdOptions {
  tenant: string
  clients: Record<string, Client>
  tokenLifetimeSec: number
  oidcRequestToken: string
  /** The subject the fake GitHub issuer puts in its tokens. */
  oidcSubject: string
  now: () => number
}

export interface Answer {
  status: number
  body: unknown
}

export class AzureAd {
  private readonly options: AzureAdOptions
  private readonly issued = new Map<
    string,
    { audience: Audience; publishers: string[]; expiresAt: number }
  >()
  tokensIssued = 0

  constructor(options: AzureAdOptions) {
    this.options = options
  }

  /** Whom an issued token is for and the publishers it may act for; 'expired' once it lapsed. */
  check(token: string): { audience: Audience; publishers: string[] } | 'expired' | undefined {
    const issued = this.issued.get(token)
    if (!issued) return undefined
    if (this.options.now() >= issued.expiresAt) return 'expired'
    return { audience: issued.audience, publishers: issued.publishers }
  }

  /** POST /{tenant}/oauth2/v2.0/token with a form body. */
  token(tenant: string, form: URLSearchParams): Answer {
    const { options } = this
    if (tenant !== options.tenant) {
      return aadError(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID.`
      )
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return aadError(
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.'
      )
    }
    const clientId = form.get('client_id') ?? ''
    const client = Object.hasOwn(options.clients, clientId) ? options.clients[clientId] : undefined
    if (!client) {
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`
      )
    }
    const scope = form.get('scope') ?? ''
    const audience = Object.hasOwn(SCOPES, scope) ? SCOPES[scope] : undefined
    if (audience === undefined) {
      return aadError(
        400,
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid.`
      )
    }
    const assertion = form.get('client_assertion')
    if (assertion !== null) {
      const claims = decode(assertion)
      if (
        form.get('client_assertion_type') !==
          'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' ||
        !claims
      ) {
        return aadError(400, 'invalid_client', 50027, 'JWT token is invalid or malformed.')
      }
      if (typeof claims.exp !== 'number' || claims.exp * 1000 <= options.now()) {
        return aadError(
          400,
          'invalid_client',
          700024,
          'Client assertion is not within its valid time range.'
        )
      }
      if (
        claims.iss !== GITHUB_ISSUER ||
        claims.aud !== EXCHANGE_AUDIENCE ||
        claims.sub !== client.subject
      ) {
        return aadError(
          400,
          'invalid_client',
          700213,
          `No matching federated identity record found for presented assertion subject '${String(claims.sub)}'.`
        )
      }
    } else if (form.get('client_secret') !== client.secret || client.secret === undefined) {
      return aadError(
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.'
      )
    }
    const accessToken = `sim-at-${randomUUID()}`
    this.issued.set(accessToken, {
      audience,
      publishers: client.publishers,
      expiresAt: options.now() + options.tokenLifetimeSec * 1000
    })
    this.tokensIssued++
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: options.tokenLifetimeSec,
        ext_expires_in: options.tokenLifetimeSec,
        access_token: accessToken
      }
    }
  }

  /** GET /oidc/token?audience=…: what GitHub answers at ACTIONS_ID_TOKEN_REQUEST_URL. */
  idToken(authorization: string | undefined, audience: string): Answer {
    if (authorization !== `Bearer ${this.options.oidcRequestToken}`) {
      return { status: 401, body: { message: 'Bad credentials' } }
    }
    const iat = Math.floor(this.options.now() / 1000)
    const payload = {
      iss: GITHUB_ISSUER,
      sub: this.options.oidcSubject,
      aud: audience || 'https://github.com/contoso',
      iat,
      nbf: iat,
      exp: iat + 300,
      jti: randomUUID()
    }
    const part = (value: unknown): string =>
      Buffer.from(JSON.stringify(value)).toString('base64url')
    return {
      status: 200,
      body: {
        count: 1,
        value: `${part({ alg: 'RS256', typ: 'JWT', kid: 'sim' })}.${part(payload)}.${Buffer.from('sim-signature').toString('base64url')}`
      }
    }
  }
}

function decode(jwt: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(
      Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')
    )
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function aadError(status: number, error: string, code: number, text: string): Answer {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      trace_id: randomUUID(),
      correlation_id: randomUUID()
    }
  }
}
