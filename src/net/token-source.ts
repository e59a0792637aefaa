// Where the bearer token for the marketplace API comes from, as the API client sees it: the
// `token` input as given, or Azure AD tokens the gate gets and renews itself (src/auth/). The
// client only asks for a token, within the budget of the poll that needs it.

import type { Budget } from './budget.js'

export interface TokenSource {
  /** How the gate signs in, for the log; never a secret. */
  readonly description: string
  token(budget: Budget): Promise<string>
  /**
   * Drops the current token after the API refused it (401). Returns false when the source cannot
   * get another one, and then `unauthorizedHint` says what to change.
   */
  invalidate(): boolean
  readonly unauthorizedHint: string
}

/** A sign-in failure; `transient` ones (network, 429, 5xx) are retried like any other request. */
export class AuthError extends Error {
  readonly transient: boolean
  /** A transient failure's Retry-After, honoured like the API's. */
  readonly retryAfterMs: number | undefined

  constructor(message: string, transient: boolean, retryAfterMs?: number) {
    super(message)
    this.transient = transient
    this.retryAfterMs = retryAfterMs
  }
}

/** The `token` input, for the API whose tokens are issued for `resource`. */
export function staticToken(token: string, resource: string): TokenSource {
  return {
    description: 'the token input',
    token: () => Promise.resolve(token),
    invalidate: () => false,
    unauthorizedHint: `The token input is used as given: get a new one for ${resource} (az account get-access-token --resource ${resource}). Azure AD tokens expire after 60 to 90 minutes; for longer waits sign in with client-id and tenant-id (GitHub OIDC, needs permissions: id-token: write) or with a client secret, and the gate renews its own tokens.`
  }
}
