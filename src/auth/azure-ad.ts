// src/auth/: where the marketplace API's tokens come from: Azure AD sign-in (this file), the
// runner's GitHub OIDC tokens for it, and the sign-in inputs. The scope is the backend's.
//
// Signs in to Azure AD with client credentials, by client secret or by a GitHub OIDC token, and
// renews the access token before it expires: a certification wait outlives any one token.

import { RENEW_BEFORE_EXPIRY_MS, REQUEST_TIMEOUT_MS } from '../constants.js'
import { formatDuration } from '../duration.js'
import { budget as within, type Budget } from '../net/budget.js'
import {
  hide,
  isTransientStatus,
  reasonOf,
  retryAfterMs,
  send,
  type RawResponse
} from '../net/http.js'
import { parseJson } from '../net/json.js'
import { excerpt } from '../net/wording.js'
import { AuthError, type TokenSource } from '../net/token-source.js'

export type AzureAdSignIn =
  | {
      kind: 'secret'
      tenantId: string
      clientId: string
      clientSecret: string
      authorityHost: string
    }
  | { kind: 'oidc'; tenantId: string; clientId: string; audience: string; authorityHost: string }

/** What the API the tokens are for asks of them. */
export interface TokenAudience {
  /** The scope asked for, e.g. https://cloudpartner.azure.com/.default. */
  scope: string
  /** The API, for messages: "the Cloud Partner Portal API". */
  apiTitle: string
  /** Said when even a freshly issued token is refused (401). */
  refusedHint: string
}

export interface AzureAdDeps {
  /** Wall-clock milliseconds: expires_in is wall time. */
  now: () => number
  /** Hides a value in the log (an `::add-mask::` command) and in everything the gate writes. */
  mask: (secret: string) => void
  /** A fresh GitHub OIDC token for the audience, within the budget (src/auth/github-oidc.ts). */
  getIDToken: (audience: string, budget: Budget) => Promise<string>
  info: (line: string) => void
  debug: (line: string) => void
  /**
   * Hides every secret of the run, in any encoding, from an error answer before it is excerpted:
   * no cut can keep part of one.
   */
  redact?: (text: string) => string
}

interface Cached {
  token: string
  renewAt: number
}

export function azureAdToken(
  signIn: AzureAdSignIn,
  audience: TokenAudience,
  deps: AzureAdDeps
): TokenSource {
  const method = signIn.kind === 'secret' ? 'a client secret' : 'GitHub OIDC'
  let cached: Cached | undefined
  let signedIn = false
  return {
    description: `Azure AD as application ${signIn.clientId} with ${method}`,
    unauthorizedHint: audience.refusedHint,
    invalidate: () => {
      cached = undefined
      return true
    },
    token: async (budget) => {
      if (cached && deps.now() < cached.renewAt) return cached.token
      const { token, lifetimeMs } = await requestToken(signIn, audience, deps, budget)
      const margin = Math.min(RENEW_BEFORE_EXPIRY_MS, lifetimeMs / 2)
      cached = { token, renewAt: deps.now() + lifetimeMs - margin }
      const line = `Signed in to Azure AD as application ${signIn.clientId} with ${method}: the token is valid for ${formatDuration(lifetimeMs)} and is renewed ${formatDuration(margin)} before it expires.`
      if (signedIn) deps.debug(line)
      else deps.info(line)
      signedIn = true
      return token
    }
  }
}

async function requestToken(
  signIn: AzureAdSignIn,
  audience: TokenAudience,
  deps: AzureAdDeps,
  budget: Budget
): Promise<{ token: string; lifetimeMs: number }> {
  // Never longer than one request may take, and never past the poll's own budget.
  const request = within(budget.signal, Math.min(budget.ms, REQUEST_TIMEOUT_MS))
  try {
    return await signInWithin(signIn, audience, deps, request)
  } finally {
    request.release()
  }
}

async function signInWithin(
  signIn: AzureAdSignIn,
  audience: TokenAudience,
  deps: AzureAdDeps,
  request: Budget
): Promise<{ token: string; lifetimeMs: number }> {
  // An OIDC token lives about 5 minutes: a fresh one for every sign-in.
  const assertion =
    signIn.kind === 'oidc' ? await idToken(signIn.audience, deps, request) : undefined
  const form = new URLSearchParams({
    client_id: signIn.clientId,
    scope: audience.scope,
    grant_type: 'client_credentials'
  })
  if (signIn.kind === 'secret') form.set('client_secret', signIn.clientSecret)
  else {
    form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
    form.set('client_assertion', assertion ?? '')
  }
  const url = `${signIn.authorityHost}/${encodeURIComponent(signIn.tenantId)}/oauth2/v2.0/token`
  let response: RawResponse
  try {
    response = await send(
      {
        method: 'POST',
        url,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json'
        },
        body: form.toString()
      },
      request
    )
  } catch (error) {
    throw new AuthError(`Azure AD sign-in failed: ${reasonOf(error)}`, true)
  }
  deps.debug(`POST ${url} → HTTP ${response.status}`)
  // A server that echoes the form must not make us quote the secret or the assertion anywhere:
  // error text reaches outputs, the summary and the check run, which no mask covers.
  for (const secret of [signIn.kind === 'secret' ? signIn.clientSecret : '', assertion ?? '']) {
    if (secret === '') continue
    // As sent (form-encoded), percent-encoded, and as given.
    const forms = [
      new URLSearchParams({ s: secret }).toString().slice(2),
      encodeURIComponent(secret),
      secret
    ]
    for (const shown of forms) response.body = hide(response.body, shown)
  }
  let body = parse(response.body)
  const token = typeof body.access_token === 'string' ? body.access_token : ''
  if (response.status === 200 && token !== '') {
    deps.mask(token)
    const seconds = Number(body.expires_in)
    return { token, lifetimeMs: (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000 }
  }
  if (deps.redact !== undefined) {
    response.body = deps.redact(response.body)
    body = parse(response.body)
  }
  if (isTransientStatus(response.status) || response.status === 200) {
    throw new AuthError(
      `Azure AD sign-in failed: HTTP ${response.status}${describe(body, response)}`,
      true,
      retryAfterMs(response.retryAfter, deps.now())
    )
  }
  throw explain(body, response, signIn, audience, assertion)
}

async function idToken(audience: string, deps: AzureAdDeps, budget: Budget): Promise<string> {
  let token: string
  try {
    token = await deps.getIDToken(audience, budget)
  } catch (error) {
    if (error instanceof AuthError) throw error
    throw new AuthError(`Could not get a GitHub OIDC token: ${reasonOf(error)}`, true)
  }
  deps.mask(token)
  return token
}

type Json = Record<string, unknown>

function parse(text: string): Json {
  try {
    const value: unknown = parseJson(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Json)
      : {}
  } catch {
    return {}
  }
}

function describe(body: Json, response: RawResponse): string {
  const detail = typeof body.error_description === 'string' ? body.error_description : response.body
  return detail.trim() === '' ? '' : `: ${excerpt(detail.split(/\r?\n/)[0])}`
}

/** What an AADSTS code means and how to fix it: the common sign-in mistakes. */
function explain(
  body: Json,
  response: RawResponse,
  signIn: AzureAdSignIn,
  audience: TokenAudience,
  assertion: string | undefined
): AuthError {
  const error = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`
  const description = typeof body.error_description === 'string' ? body.error_description : ''
  const first: unknown = Array.isArray(body.error_codes)
    ? (body.error_codes as unknown[])[0]
    : undefined
  const code =
    /AADSTS(\d+)/.exec(description)?.[1] ??
    (typeof first === 'number' || typeof first === 'string' ? String(first) : '')
  const head = `Azure AD refused to sign in (${error}${code === '' ? '' : `, AADSTS${code}`})`
  const claims = assertion === undefined ? undefined : oidcClaims(assertion)
  const fixes: Record<string, string> = {
    '90002': `tenant-id "${signIn.tenantId}" was not found: use the Directory (tenant) ID shown on the app registration's overview.`,
    '700016': `there is no application ${signIn.clientId} in tenant ${signIn.tenantId}: check client-id and tenant-id; the app must be registered in that tenant or consented to it.`,
    '7000215':
      "client-secret is wrong: use the secret's Value (shown once, when it is created), not its Secret ID.",
    '7000222':
      'client-secret has expired: create a new one under Certificates & secrets and update the repository secret.',
    '7000112': `application ${signIn.clientId} is disabled in tenant ${signIn.tenantId}.`,
    '70011': `the scope ${audience.scope} was refused: ${audience.apiTitle} is not available to this application or tenant.`,
    '700024':
      'the GitHub OIDC token expired before Azure AD accepted it (they live about 5 minutes): check the runner clock; the next try uses a fresh one.',
    ...(claims === undefined
      ? {}
      : {
          '70021': federatedFix(claims),
          '700213': federatedFix(claims),
          '700211': `no federated credential of the app trusts the issuer ${claims.iss}. ${federatedFix(claims)}`
        })
  }
  const fix = fixes[code]
  const message = fix === undefined ? `${head}${describe(body, response)}` : `${head}: ${fix}`
  return new AuthError(message, code === '700024')
}

function federatedFix(claims: { sub: string; aud: string; iss: string }): string {
  return `no federated credential of the app matches this workflow's GitHub token (subject "${claims.sub}", audience "${claims.aud}", issuer "${claims.iss}"). Add one under Certificates & secrets → Federated credentials with exactly that issuer, subject and audience.`
}

/** The claims of a GitHub OIDC token that a federated credential must match; none is secret. */
export function oidcClaims(jwt: string): { sub: string; aud: string; iss: string } {
  try {
    const payload = JSON.parse(
      Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')
    ) as Json
    const text = (value: unknown): string =>
      Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '?'
    return { sub: text(payload.sub), aud: text(payload.aud), iss: text(payload.iss) }
  } catch {
    return { sub: '?', aud: '?', iss: '?' }
  }
}
