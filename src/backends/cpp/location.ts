// Where to poll: the offer status, an operation id, or the Location / Operation-Location value that
// publish, go-live and cancel return. Never a URL on another origin than base-url.

import { isHttpUrl } from '../../text.js'

export interface Target {
  /** `latest`: `url` is the offer's submissions list, to pick the operation from. */
  kind: 'operation' | 'offer' | 'latest'
  url: string
  /** The operation id as the user will recognise it (a GUID or `pub$offer$2$preview`); empty for an offer. */
  operationId: string
}

export type TargetParse = { ok: true; target: Target } | { ok: false; expected: string }

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** A non-migrated operation id: publisher$offer$version$slot. */
const DOLLAR_ID = /^[^$/?#\s]+\$[^$/?#\s]+\$\d+\$[a-z]+$/i
const OPERATION_PATHS = [
  /^\/api\/publishers\/[^/]+\/offers\/[^/]+\/operations\/([^/]+)\/?$/,
  /^\/api\/operations\/([^/]+)\/?$/
]

export function resolveTarget(
  origin: string,
  publisherId: string,
  offerId: string,
  operation: string,
  apiVersion: string
): TargetParse {
  // A lone UTF-16 surrogate cannot be put in a URL (and cannot come from a runner's UTF-8 inputs).
  if (![origin, publisherId, offerId, operation].every((text) => text.isWellFormed())) {
    return { ok: false, expected: 'text without lone UTF-16 surrogates' }
  }
  const offerPath = `/api/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}`
  const query = `api-version=${encodeURIComponent(apiVersion)}`
  if (operation === '') {
    return ok('offer', `${origin}${offerPath}/status?${query}`, '')
  }
  if (operation.toLowerCase() === 'latest') {
    return ok('latest', `${origin}${offerPath}/submissions/?${query}`, '')
  }
  // A path or URL first: the ids below never start with "/" or a scheme.
  if (operation.startsWith('/') || isHttpUrl(operation)) {
    return fromLocation(origin, operation, query, publisherId, offerId)
  }
  if (GUID.test(operation)) {
    return ok('operation', `${origin}${offerPath}/operations/${operation}?${query}`, operation)
  }
  if (DOLLAR_ID.test(operation)) {
    // Gating on another offer's operation would pass or fail the wrong release.
    const [publisher, offer] = operation.split('$')
    if (!namesOffer(publisher, offer, publisherId, offerId)) {
      return {
        ok: false,
        expected: `an operation of publisher-id "${publisherId}" and offer-id "${offerId}", not of "${publisher}" / "${offer}"`
      }
    }
    const path = operation.split('$').map(encodeURIComponent).join('$')
    return ok('operation', `${origin}/api/operations/${path}?${query}`, operation)
  }
  return {
    ok: false,
    expected:
      'an operation GUID, or the Location / Operation-Location header value of a publish, go-live or cancel call (/api/publishers/.../operations/<id>?api-version=... or /api/operations/<publisher>$<offer>$2$preview?...)'
  }
}

function fromLocation(
  origin: string,
  location: string,
  query: string,
  publisherId: string,
  offerId: string
): TargetParse {
  let url: URL
  try {
    url = new URL(location, origin)
  } catch {
    return { ok: false, expected: 'a valid URL or path' }
  }
  if (url.origin !== origin) {
    return {
      ok: false,
      expected: `a URL on base-url's origin ${origin}, not ${url.origin}: the token is only ever sent to base-url`
    }
  }
  let match: RegExpExecArray | null = null
  for (const pattern of OPERATION_PATHS) {
    match = pattern.exec(url.pathname)
    if (match) break
  }
  if (!match) {
    return {
      ok: false,
      expected:
        'an operation path such as /api/publishers/<publisher>/offers/<offer>/operations/<id> or /api/operations/<publisher>$<offer>$2$preview'
    }
  }
  // Gating on another offer's operation would pass or fail the wrong release.
  const named = namedOffer(url.pathname)
  if (named && !namesOffer(named[0], named[1], publisherId, offerId)) {
    return {
      ok: false,
      expected: `an operation of publisher-id "${publisherId}" and offer-id "${offerId}", not of "${named[0]}" / "${named[1]}"`
    }
  }
  // The query is kept as given (CPP ids contain `$`); api-version is added only when missing.
  const search = url.search
  const hasVersion = new URLSearchParams(search).has('api-version')
  const fullQuery = hasVersion ? search : `${search === '' ? '?' : `${search}&`}${query}`
  return ok('operation', `${url.origin}${url.pathname}${fullQuery}`, decode(match[1]))
}

/** The publisher and offer a Location path names, in either form. */
function namedOffer(pathname: string): [string, string] | undefined {
  const migrated = /^\/api\/publishers\/([^/]+)\/offers\/([^/]+)\//.exec(pathname)
  if (migrated) return [decode(migrated[1]), decode(migrated[2])]
  const dollar = /^\/api\/operations\/([^/$]+)\$([^/$]+)\$/.exec(pathname)
  return dollar ? [decode(dollar[1]), decode(dollar[2])] : undefined
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/**
 * Whether an id from the API looks like an operation id of this offer (a GUID, or the
 * publisher$offer$version$slot form naming it): what else an answer holds never reaches a URL, an
 * output or the summary.
 */
export function isOperationIdOf(id: string, publisherId: string, offerId: string): boolean {
  if (GUID.test(id)) return true
  if (!DOLLAR_ID.test(id) || !id.isWellFormed()) return false
  const [publisher, offer] = id.split('$')
  return namesOffer(publisher, offer, publisherId, offerId)
}

/**
 * Whether a $-form id or an operation path names this publisher and offer. The 2018 form puts the
 * offer's GUID where the offer id goes; the gate cannot tell whose GUID it is, so it accepts one.
 */
function namesOffer(
  publisher: string,
  offer: string,
  publisherId: string,
  offerId: string
): boolean {
  return sameId(publisher, publisherId) && (sameId(offer, offerId) || GUID.test(offer))
}

/** The URL that starts an operation of the offer: its publish or its go-live. */
export function startUrl(
  origin: string,
  publisherId: string,
  offerId: string,
  action: 'publish' | 'golive',
  apiVersion: string
): string {
  return `${origin}/api/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}/${action}?api-version=${encodeURIComponent(apiVersion)}`
}

/** The URL of one operation of the offer, by id. */
export function operationUrl(listUrl: string, id: string): string {
  const url = new URL(listUrl)
  return `${url.origin}${url.pathname.replace(/\/submissions\/?$/, '')}/operations/${encodeURIComponent(id)}${url.search}`
}

function ok(kind: Target['kind'], url: string, operationId: string): TargetParse {
  return { ok: true, target: { kind, url, operationId } }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * For `api: auto`: whether operation-id can only be a CPP operation, a Location / Operation-Location
 * value (a path, or a URL on any origin) or a publisher$offer$version$slot id.
 */
export function isOperationAddress(operation: string): boolean {
  if (DOLLAR_ID.test(operation)) return true
  if (!operation.startsWith('/') && !isHttpUrl(operation)) return false
  try {
    const { pathname } = new URL(operation, 'https://cloudpartner.azure.com')
    return OPERATION_PATHS.some((pattern) => pattern.test(pathname))
  } catch {
    return false
  }
}
