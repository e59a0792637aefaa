// A GitHub OIDC token for Azure AD's federated credentials, asked of the runner's token service.
// Our own client rather than core.getIDToken: this one takes the request's deadline and the run's
// AbortSignal, and core's has neither (it retries by itself for as long as it likes).

import type { Budget } from '../net/budget.js'
import { reasonOf, send } from '../net/http.js'
import { parseJson } from '../net/json.js'
import { excerpt } from '../net/wording.js'
import { AuthError } from '../net/token-source.js'

/** The runner's side: ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
export interface OidcEndpoint {
  url: string
  requestToken: string
}

export function oidcEndpoint(env: NodeJS.ProcessEnv): OidcEndpoint | undefined {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''
  return url === '' || requestToken === '' ? undefined : { url, requestToken }
}

const NO_PERMISSION =
  'GitHub gave no OIDC token: add `permissions: id-token: write` to the workflow or the job, or sign in with client-secret instead.'

export async function githubIdToken(
  endpoint: OidcEndpoint | undefined,
  audience: string,
  budget: Budget
): Promise<string> {
  if (endpoint === undefined) throw new AuthError(NO_PERMISSION, false)
  const url = new URL(endpoint.url)
  url.searchParams.set('audience', audience)
  let status: number
  let body: string
  try {
    ;({ status, body } = await send(
      {
        method: 'GET',
        url: url.toString(),
        headers: { Authorization: `Bearer ${endpoint.requestToken}`, Accept: 'application/json' }
      },
      budget
    ))
  } catch (error) {
    throw new AuthError(`Could not get a GitHub OIDC token: ${reasonOf(error)}`, true)
  }
  // The request token is a secret of the runner's: an endpoint that echoes it must not have it shown.
  body = body.split(endpoint.requestToken).join('***')
  let value: unknown
  try {
    value = (parseJson(body) as { value?: unknown } | null)?.value
  } catch {
    value = undefined
  }
  if (status === 200 && typeof value === 'string' && value !== '') return value
  const detail = excerpt(body)
  const reason = `Could not get a GitHub OIDC token: HTTP ${status}${detail === '' ? '' : `: ${detail}`}`
  // 401 and 403 will not change by asking again: the job's token may not ask for ID tokens.
  if (status === 401 || status === 403) throw new AuthError(`${reason}. ${NO_PERMISSION}`, false)
  throw new AuthError(reason, true)
}
