// What to poll and where: the offer (an external id to resolve, or a durable product id), the
// configure job (its id, or its status address on base-url), and the addresses of the calls the
// gate makes. Never a URL outside base-url.

import { hasControlCharacter, isHttpUrl } from '../../text.js'

export type Offer =
  | { kind: 'external'; externalId: string }
  /** `product/<guid>`: nothing to resolve. */
  | { kind: 'durable'; productId: string }

/** A configure job to watch, or (operation-id empty or `latest`) the product's submissions. */
export type Target = { kind: 'job'; jobId: string } | { kind: 'submissions' }

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string }

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Partner Center's offer id rules, as the API's own schema states them (3 to 50 characters). */
const EXTERNAL_ID = /^[a-z0-9][a-z0-9_-]{2,49}$/i
const DURABLE_PRODUCT = /^product\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i
const STATUS_PATH = /^\/configure\/([^/]+)\/status\/?$/

/**
 * Ids the API hands back are used (in a URL, an output, the summary) only in their documented
 * form: anything else in an answer is not an id of this API.
 */
export function isProductId(id: string): boolean {
  return DURABLE_PRODUCT.test(id)
}

/** `submission/<productGuid>/<number>`; the number can pass 2^53 and stays a string. */
export function isSubmissionId(id: string): boolean {
  return /^submission\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/\d{1,30}$/i.test(
    id
  )
}

export function readOffer(value: string): Parsed<Offer> {
  // A bare GUID is the product's id as Partner Center's address bar shows it
  // (…/offers/<guid>/overview): the durable id, never an offer id to look up.
  const durable = DURABLE_PRODUCT.exec(value) ?? (GUID.test(value) ? [value, value] : null)
  if (durable) {
    return { ok: true, value: { kind: 'durable', productId: `product/${durable[1]}` } }
  }
  if (EXTERNAL_ID.test(value)) return { ok: true, value: { kind: 'external', externalId: value } }
  return {
    ok: false,
    expected:
      'the offer id as typed in Partner Center (3 to 50 letters, digits, - or _), or the product id Partner Center shows in its address bar (a GUID, or product/<guid>)'
  }
}

/**
 * operation-id: empty or `latest` (the submissions), a job GUID, or the job's status address,
 * relative to base-url (`/configure/<id>/status`, or with base-url's path in front) or absolute on
 * base-url. The address only names the job: `$version` is always api-version's.
 */
export function readTarget(baseUrl: string, operation: string): Parsed<Target> {
  if (operation === '' || /^latest$/i.test(operation)) {
    return { ok: true, value: { kind: 'submissions' } }
  }
  if (GUID.test(operation)) return { ok: true, value: { kind: 'job', jobId: operation } }
  const expected =
    "a configure job id (the GUID in the jobId of POST /configure's answer), its status address /configure/<jobId>/status (relative, or absolute on base-url), latest, or empty to watch the product's submissions"
  if (!operation.isWellFormed() || hasControlCharacter(operation)) return { ok: false, expected }
  if (!operation.startsWith('/') && !isHttpUrl(operation)) {
    return { ok: false, expected }
  }
  const base = new URL(baseUrl)
  const basePath = base.pathname.replace(/\/+$/, '')
  let url: URL
  try {
    // A relative address is relative to base-url, whether or not it repeats base-url's path.
    const relative = operation.startsWith('/') && !startsWithPath(operation, basePath)
    url = new URL(relative ? `${basePath}${operation}` : operation, base.origin)
  } catch {
    return { ok: false, expected: 'a valid URL or path' }
  }
  if (url.origin !== base.origin || !startsWithPath(url.pathname, basePath)) {
    return {
      ok: false,
      expected: `an address on base-url ${baseUrl}, not on ${url.origin}${url.pathname}: the token is only ever sent to base-url`
    }
  }
  const match = STATUS_PATH.exec(url.pathname.slice(basePath.length))
  const jobId = match ? decode(match[1]) : ''
  if (!GUID.test(jobId)) return { ok: false, expected }
  return { ok: true, value: { kind: 'job', jobId } }
}

function startsWithPath(path: string, prefix: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`)
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

const version = (apiVersion: string): string => `$version=${encodeURIComponent(apiVersion)}`

/** POST /configure: a publish (a submission resource) starts a configure job. */
export function configureUrl(baseUrl: string, apiVersion: string): string {
  return `${baseUrl}/configure?${version(apiVersion)}`
}

export function jobStatusUrl(baseUrl: string, jobId: string, apiVersion: string): string {
  return `${baseUrl}/configure/${encodeURIComponent(jobId)}/status?${version(apiVersion)}`
}

/** The job's detail: the resources it created or updated (answered once the job is complete). */
export function jobDetailUrl(baseUrl: string, jobId: string, apiVersion: string): string {
  return `${baseUrl}/configure/${encodeURIComponent(jobId)}?${version(apiVersion)}`
}

export function productLookupUrl(baseUrl: string, externalId: string, apiVersion: string): string {
  return `${baseUrl}/product?externalId=${encodeURIComponent(externalId)}&${version(apiVersion)}`
}

/** The product's active submissions; the path takes the bare GUID of `product/<guid>`. */
export function submissionsUrl(baseUrl: string, productId: string, apiVersion: string): string {
  const guid = productId.replace(/^product\//i, '')
  return `${baseUrl}/submission/${encodeURIComponent(guid)}?${version(apiVersion)}`
}

/** The offer's page in Partner Center, from its product or submission id. */
export function partnerCenterLink(id: string): string | undefined {
  const guid =
    /^(?:product|submission)\/([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})(?:\/|$)/i.exec(id)?.[1]
  return guid === undefined
    ? undefined
    : `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${guid}/overview`
}

/**
 * For `api: auto`: whether operation-id can only be a configure job's status address
 * (`…/configure/<jobId>/status`, relative or absolute): what base-url it must be on is checked later.
 */
export function isJobAddress(operation: string): boolean {
  if (!operation.startsWith('/') && !isHttpUrl(operation)) return false
  try {
    const { pathname } = new URL(operation, 'https://graph.microsoft.com')
    return /\/configure\/[^/]+\/status\/?$/.test(pathname)
  } catch {
    return false
  }
}
