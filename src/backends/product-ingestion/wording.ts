// How the gate words the Product Ingestion API's HTTP answers that retrying will not fix: what
// happened, why it probably happened, and what to change. (5xx, 408, 429 and network errors are
// retried by the shared client: real clients saw 5xx on the status call often.)

import {
  theApiSaid,
  withCorrelation,
  type HttpFailure,
  type HttpWording
} from '../../net/wording.js'

import { DEFAULT_SCHEMA_VERSION, DEFAULT_VERSION } from './versions.js'

export const GRAPH = 'https://graph.microsoft.com'
const TITLE = 'The Product Ingestion API'

export const productIngestionWording: HttpWording = {
  fatal(failure: HttpFailure): string {
    const { status } = failure
    const said = theApiSaid(failure.detail)
    const jobId = jobOf(failure.url)
    let message: string
    if (status === 400 && isPublish(failure.url) && namesBodySchema(failure.detail)) {
      message = `${TITLE} refused the body of the publish (HTTP 400): it names a request schema.${said} The gate posts the configure and submission schemas at version ${DEFAULT_SCHEMA_VERSION} unless schema-version says otherwise: set schema-version to a version the API accepts.`
    } else if (status === 400 && /deprecated|could not be accessed/i.test(failure.detail)) {
      const version = versionOf(failure.url)
      const advice =
        version === DEFAULT_VERSION
          ? `The gate's default ${DEFAULT_VERSION} is refused too: set api-version to a newer version the API serves.`
          : `Set api-version to a version the API serves: ${DEFAULT_VERSION}, the one current clients use, is the default (leave api-version empty for it).`
      message = `${TITLE} refused the schema version the gate asked for (HTTP 400${version === undefined ? '' : `, $version=${version}`}).${said} ${advice}`
    } else if (status === 400) {
      message = `${TITLE} rejected the request (HTTP 400).${said} Check offer-id, operation-id and api-version.`
    } else if (status === 401) {
      message = `${TITLE} refused the token (HTTP 401): it is missing or expired, or not issued for ${GRAPH} (Microsoft Graph). A token for https://cloudpartner.azure.com, the CPP API's, is the likely mistake.${said}`
    } else if (status === 403) {
      message = `${TITLE} denied access (HTTP 403).${said} The Azure AD application must be added to the Partner Center account (Account settings → User management → Azure AD applications, the Users page) with the Manager role.`
    } else if (status === 404 && jobId !== undefined) {
      message = `${TITLE} has no configure job ${jobId} (HTTP 404).${said} Check operation-id: job ids belong to one tenant, so a job started with another Partner Center account's application is not found with this one's token.`
    } else if (status === 404) {
      message = `${TITLE} found nothing at this address (HTTP 404).${said} Check offer-id and base-url.`
    } else if (status >= 300 && status < 400) {
      message = `${TITLE} answered with a redirect (HTTP ${status}${failure.location ? ` to ${failure.location}` : ''}), which the gate does not follow so that the token stays on base-url. Check base-url.`
    } else {
      message = `${TITLE} answered HTTP ${status}.${said}`
    }
    return withCorrelation(message, failure.correlationId)
  }
}

/**
 * A refusal about the request's own schema (a body schema URI, or a property a newer submission
 * schema requires), as opposed to the `$version` asked for.
 */
function namesBodySchema(detail: string): boolean {
  return /\/schema\/(?:configure|submission)\/|required properties/i.test(detail)
}

/** POST /configure: the only call with a body. */
function isPublish(url: string | undefined): boolean {
  return url !== undefined && /\/configure\/?$/.test(new URL(url).pathname)
}

/** Said after a 401 when even a token the gate just got from Azure AD was refused. */
export const PRODUCT_INGESTION_FRESH_TOKEN_REFUSED = `A freshly issued token for ${GRAPH} was refused too: check that tenant-id is the Partner Center account's tenant and that the application is added to that account.`

/** The job a /configure/{jobId}/status address names. */
function jobOf(url: string | undefined): string | undefined {
  const path = url === undefined ? '' : new URL(url).pathname
  const match = /\/configure\/([^/]+)\/status\/?$/.exec(path)
  return match ? decodeURIComponent(match[1]) : undefined
}

function versionOf(url: string | undefined): string | undefined {
  return url === undefined ? undefined : (new URL(url).searchParams.get('$version') ?? undefined)
}
