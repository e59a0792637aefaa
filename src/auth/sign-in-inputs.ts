// The sign-in inputs, checked before any request: the `token` input as given, or client-id and
// tenant-id for Azure AD with a client secret or with GitHub OIDC. Secrets are never quoted.

import { hasControlCharacter } from '../text.js'
import type { AzureAdSignIn } from './azure-ad.js'

/** How the gate signs in: the token as given, or Azure AD. */
export type SignIn = { kind: 'static'; token: string } | AzureAdSignIn

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * One way to sign in, in this order: the token as given; client credentials with client-secret;
 * client credentials with a GitHub OIDC token. Anything else names what is missing.
 */
export function readSignIn(
  input: (name: string) => string,
  problem: (name: string, value: string, expected: string) => void,
  problems: string[],
  resource: string,
  idTokenAvailable: boolean
): SignIn {
  const token = bareToken(input('token'))
  const tenantId = input('tenant-id')
  const clientId = input('client-id')
  const clientSecret = input('client-secret')
  const audience = input('audience')
  const authorityHost = ''
  if (token !== '') {
    if (/\s/.test(token) || hasControlCharacter(token)) {
      problems.push(
        'token contains white space or control characters: expected the bare access token.'
      )
    } else if (!isHeaderSafe(token)) {
      problems.push(
        'token contains characters an HTTP header cannot carry (beyond Latin-1): expected the bare access token, as "az account get-access-token" prints it.'
      )
    }
    return { kind: 'static', token }
  }
  if (clientId === '' || tenantId === '') {
    const missing = [clientId === '' ? 'client-id' : '', tenantId === '' ? 'tenant-id' : ''].filter(
      Boolean
    )
    const given = clientId !== '' || tenantId !== '' || clientSecret !== ''
    const tokenHelp = `an Azure AD access token for ${resource}, e.g. from "az account get-access-token --resource ${resource}"`
    problems.push(
      given
        ? `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing: to sign in to Azure AD give both client-id and tenant-id (with client-secret, or without it to use GitHub OIDC), or give token.`
        : `token is empty: expected ${tokenHelp}, or client-id and tenant-id to sign in to Azure AD with GitHub OIDC (add client-secret to sign in with a secret).`
    )
    return { kind: 'static', token: '' }
  }
  if (!GUID.test(clientId))
    problem(
      'client-id',
      clientId,
      "the application (client) ID, a GUID from the app registration's overview"
    )
  if (!GUID.test(tenantId) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(tenantId)) {
    problem(
      'tenant-id',
      tenantId,
      'the directory (tenant) ID, a GUID, or a domain such as contoso.onmicrosoft.com'
    )
  }
  if (clientSecret !== '') {
    // Never quoted: the value is a secret.
    if (hasControlCharacter(clientSecret)) {
      problems.push(
        "client-secret contains control characters: expected the secret's Value, as Azure shows it."
      )
    }
    return { kind: 'secret', tenantId, clientId, clientSecret, authorityHost }
  }
  if (!idTokenAvailable) {
    problems.push(
      'GitHub OIDC sign-in (client-id and tenant-id without client-secret) needs `permissions: id-token: write` in the workflow or the job: GitHub gave this job no OIDC token.'
    )
  }
  return { kind: 'oidc', tenantId, clientId, audience, authorityHost }
}

/** What an HTTP header value can carry: Latin-1 only (Node refuses anything else with ERR_INVALID_CHAR). */
export function isHeaderSafe(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return false
  return true
}

/** The token as it is sent: users often paste it with its "Bearer " prefix. */
export function bareToken(value: string): string {
  // "bearer", any case, then white space (what trimStart removes is what \s matches).
  if (value.slice(0, 6).toLowerCase() !== 'bearer') return value
  const rest = value.slice(6).trimStart()
  return rest.length < value.length - 6 ? rest : value
}
