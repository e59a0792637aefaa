import { describe, expect, it } from '@jest/globals'
import { resolveTarget, type Target, type TargetParse } from '../../../src/backends/cpp/location.js'

const ORIGIN = 'https://cloudpartner.azure.com'
const API = '2017-10-31'
const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const OPERATIONS = `${ORIGIN}/api/publishers/contoso/offers/contoso-offer/operations`

function resolve(
  operation: string,
  origin = ORIGIN,
  publisher = 'contoso',
  offer = 'contoso-offer'
) {
  return resolveTarget(origin, publisher, offer, operation, API)
}

function target(parse: TargetParse): Target {
  if (!parse.ok) throw new Error(`expected a target, got the rejection "${parse.expected}"`)
  return parse.target
}

function rejection(parse: TargetParse): string {
  if (parse.ok) throw new Error(`expected a rejection, got ${JSON.stringify(parse.target)}`)
  return parse.expected
}

describe('resolveTarget without an operation', () => {
  it('polls the offer status when the operation is empty', () => {
    expect(target(resolve(''))).toEqual({
      kind: 'offer',
      url: `${ORIGIN}/api/publishers/contoso/offers/contoso-offer/status?api-version=2017-10-31`,
      operationId: ''
    })
  })

  it.each([
    ['a space', 'con toso', 'my offer', '/api/publishers/con%20toso/offers/my%20offer/status'],
    ['a slash', 'contoso/evil', 'a/b', '/api/publishers/contoso%2Fevil/offers/a%2Fb/status'],
    ['a question mark and hash', 'p?x=1', 'o#f', '/api/publishers/p%3Fx%3D1/offers/o%23f/status'],
    [
      'non-ASCII letters',
      'contosö',
      'angebot',
      '/api/publishers/contos%C3%B6/offers/angebot/status'
    ]
  ])('encodes ids with %s as single path segments', (_name, publisher, offer, path) => {
    const { url } = target(resolve('', ORIGIN, publisher, offer))

    expect(url).toBe(`${ORIGIN}${path}?api-version=2017-10-31`)
  })

  it('puts the api-version it is given into the query, encoded', () => {
    const { url } = target(resolveTarget(ORIGIN, 'p', 'o', '', '2016-08-01-preview&x=1'))

    expect(url).toBe(
      `${ORIGIN}/api/publishers/p/offers/o/status?api-version=2016-08-01-preview%26x%3D1`
    )
  })
})

describe('resolveTarget with an operation id', () => {
  it.each([
    ['lower case', GUID],
    ['upper case', GUID.toUpperCase()],
    ['the documented zero-group template', '408a4835-0000-1000-0000-000000000000']
  ])('builds the operations URL from a GUID in %s', (_name, guid) => {
    expect(target(resolve(guid))).toEqual({
      kind: 'operation',
      url: `${OPERATIONS}/${guid}?api-version=2017-10-31`,
      operationId: guid
    })
  })

  it('encodes the ids in the operations URL of a GUID', () => {
    const { url } = target(resolve(GUID, ORIGIN, 'con toso', 'a/b'))

    expect(url).toBe(
      `${ORIGIN}/api/publishers/con%20toso/offers/a%2Fb/operations/${GUID}?api-version=2017-10-31`
    )
  })

  it('accepts a bare non-migrated id pub$offer$2$preview', () => {
    expect(target(resolve('contoso$contoso-offer$2$preview'))).toEqual({
      kind: 'operation',
      url: `${ORIGIN}/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31`,
      operationId: 'contoso$contoso-offer$2$preview'
    })
  })

  it('accepts the 2018 id form with an offer GUID in it', () => {
    const id = `contoso$${GUID}$2$preview`

    expect(target(resolve(id)).url).toBe(`${ORIGIN}/api/operations/${id}?api-version=2017-10-31`)
  })
})

describe('resolveTarget: an operation of another offer, bare or as a path', () => {
  it.each([
    ['bare', 'fabrikam$other-offer$2$preview'],
    ['as a path', '/api/operations/fabrikam$other-offer$2$preview?api-version=2017-10-31'],
    ['bare, same publisher', 'contoso$other-offer$2$preview'],
    ['as a path, same publisher', '/api/operations/contoso$other-offer$2$preview']
  ])('refuses it %s: %s', (_form, id) => {
    const parsed = resolve(id)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.expected).toMatch(
        /^an operation of publisher-id "contoso" and offer-id "contoso-offer", not of "(fabrikam|contoso)" \/ "other-offer"$/
      )
    }
  })
})

describe('resolveTarget with a Location or Operation-Location value', () => {
  it.each([
    [
      'a migrated relative Location, kept as given',
      `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}?api-version=2017-10-31`,
      `${OPERATIONS}/${GUID}?api-version=2017-10-31`,
      GUID
    ],
    [
      'the zero-group GUID of the overview template',
      '/api/publishers/contoso/offers/contoso-offer/operations/408a4835-0000-1000-0000-000000000000?api-version=2017-10-31',
      `${OPERATIONS}/408a4835-0000-1000-0000-000000000000?api-version=2017-10-31`,
      '408a4835-0000-1000-0000-000000000000'
    ],
    [
      'a non-migrated Location, keeping its $',
      '/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31',
      `${ORIGIN}/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31`,
      'contoso$contoso-offer$2$preview'
    ],
    [
      'a non-migrated Location with the $ percent-encoded',
      '/api/operations/contoso%24contoso-offer%242%24preview?api-version=2017-10-31',
      `${ORIGIN}/api/operations/contoso%24contoso-offer%242%24preview?api-version=2017-10-31`,
      'contoso$contoso-offer$2$preview'
    ],
    [
      'a Location without api-version, which gets ?api-version',
      `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}`,
      `${OPERATIONS}/${GUID}?api-version=2017-10-31`,
      GUID
    ],
    [
      'a Location with another query but no api-version, which gets &api-version',
      '/api/operations/contoso$contoso-offer$2$preview?slot=preview',
      `${ORIGIN}/api/operations/contoso$contoso-offer$2$preview?slot=preview&api-version=2017-10-31`,
      'contoso$contoso-offer$2$preview'
    ],
    [
      'a Location with another api-version, which is kept',
      `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}?api-version=2016-08-01-preview`,
      `${OPERATIONS}/${GUID}?api-version=2016-08-01-preview`,
      GUID
    ],
    [
      'a Location with a trailing slash (as devigned/pub sends)',
      `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}/?api-version=2017-10-31`,
      `${OPERATIONS}/${GUID}/?api-version=2017-10-31`,
      GUID
    ],
    [
      'a non-migrated Location with a trailing slash',
      '/api/operations/contoso$contoso-offer$2$preview/',
      `${ORIGIN}/api/operations/contoso$contoso-offer$2$preview/?api-version=2017-10-31`,
      'contoso$contoso-offer$2$preview'
    ],
    [
      'an absolute 2018 Operation-Location on the same origin without api-version',
      `https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-offer/operations/${GUID}`,
      `${ORIGIN}/api/publishers/contoso/offers/contoso-offer/operations/${GUID}?api-version=2017-10-31`,
      GUID
    ],
    [
      'an absolute URL whose host differs only in case',
      `HTTPS://CloudPartner.Azure.com/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31`,
      `${ORIGIN}/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31`,
      'contoso$contoso-offer$2$preview'
    ],
    [
      'an absolute URL with the default port spelled out',
      `https://cloudpartner.azure.com:443/api/publishers/contoso/offers/contoso-offer/operations/${GUID}`,
      `${OPERATIONS}/${GUID}?api-version=2017-10-31`,
      GUID
    ],
    [
      'a Location with a fragment, which is dropped',
      `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}?api-version=2017-10-31#top`,
      `${OPERATIONS}/${GUID}?api-version=2017-10-31`,
      GUID
    ]
  ])('accepts %s', (_name, location, url, operationId) => {
    expect(target(resolve(location))).toEqual({ kind: 'operation', url, operationId })
  })

  it.each([
    [`/api/publishers/fabrikam/offers/contoso-offer/operations/${GUID}`, 'fabrikam'],
    [`/api/publishers/contoso/offers/other/operations/${GUID}`, 'other'],
    ['/api/operations/contoso$other$2$preview', 'other']
  ])('refuses the Location %s of another publisher or offer', (location, named) => {
    expect(rejection(resolve(location))).toContain(
      'an operation of publisher-id "contoso" and offer-id "contoso-offer"'
    )
    expect(rejection(resolve(location))).toContain(`"${named}"`)
  })

  it('compares the publisher and offer in a Location without case', () => {
    expect(
      target(resolve(`/api/publishers/Contoso/offers/CONTOSO-OFFER/operations/${GUID}`)).operationId
    ).toBe(GUID)
  })

  it('accepts a Location on a loopback http origin that matches base-url', () => {
    const origin = 'http://127.0.0.1:8080'

    expect(
      target(resolve(`${origin}/api/operations/contoso$contoso-offer$2$preview`, origin))
    ).toEqual({
      kind: 'operation',
      url: `${origin}/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31`,
      operationId: 'contoso$contoso-offer$2$preview'
    })
  })

  it('resolves a relative Location against a loopback base-url', () => {
    const origin = 'http://127.0.0.1:8080'

    expect(
      target(resolve(`/api/publishers/contoso/offers/contoso-offer/operations/${GUID}`, origin)).url
    ).toBe(
      `${origin}/api/publishers/contoso/offers/contoso-offer/operations/${GUID}?api-version=2017-10-31`
    )
  })
})

describe('resolveTarget rejections', () => {
  const operationPath = `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}?api-version=2017-10-31`

  it.each([
    [
      'an absolute URL on another host',
      `https://evil.example${operationPath}`,
      'https://evil.example'
    ],
    ['a protocol-relative URL', `//evil.example${operationPath}`, 'https://evil.example'],
    ['a backslash trick /\\host', `/\\evil.example${operationPath}`, 'https://evil.example'],
    [
      'http instead of https',
      `http://cloudpartner.azure.com${operationPath}`,
      'http://cloudpartner.azure.com'
    ],
    [
      'a look-alike host',
      `https://cloudpartner.azure.com.evil.example${operationPath}`,
      'https://cloudpartner.azure.com.evil.example'
    ],
    [
      'credentials that hide the real host',
      `https://cloudpartner.azure.com@evil.example${operationPath}`,
      'https://evil.example'
    ],
    [
      'another port',
      `https://cloudpartner.azure.com:8443${operationPath}`,
      'https://cloudpartner.azure.com:8443'
    ]
  ])('rejects %s, since the token only goes to base-url', (_name, location, otherOrigin) => {
    const expected = rejection(resolve(location))

    expect(expected).toContain(ORIGIN)
    expect(expected).toContain(otherOrigin)
    expect(expected).toMatch(/base-url/)
    expect(expected).toMatch(/token/)
  })

  it('rejects a Location on another loopback port than base-url', () => {
    const expected = rejection(
      resolve('http://127.0.0.1:9090/api/operations/a$b$2$preview', 'http://127.0.0.1:8080')
    )

    expect(expected).toContain('http://127.0.0.1:8080')
    expect(expected).toContain('http://127.0.0.1:9090')
  })

  it.each([
    ['an offer path', '/api/publishers/x/offers/y'],
    ['an offer status path', '/api/publishers/x/offers/y/status?api-version=2017-10-31'],
    ['the offer publish path', '/api/publishers/x/offers/y/publish'],
    ['an operations path without an id', '/api/operations/'],
    ['an operations list', '/api/publishers/x/offers/y/operations'],
    ['an id followed by more segments', `/api/publishers/x/offers/y/operations/${GUID}/cancel`],
    ['dot segments that climb out of /api/operations', '/api/operations/../publishers/x/offers/y'],
    ['encoded dot segments', '/api/operations/%2e%2e/publishers/x'],
    ['the root', '/'],
    [
      'an absolute URL on base-url with another path',
      'https://cloudpartner.azure.com/api/publishers/x'
    ]
  ])('rejects %s, asking for an operation path', (_name, location) => {
    const expected = rejection(resolve(location))

    expect(expected).toMatch(/operation path/)
    expect(expected).toContain('/api/publishers/<publisher>/offers/<offer>/operations/<id>')
    expect(expected).toContain('/api/operations/<publisher>$<offer>$2$preview')
  })

  it.each([
    ['prose', 'not an operation'],
    ['a number', '12345'],
    ['a GUID in braces', `{${GUID}}`],
    ['a GUID with a group too short', '56615b67-2185-49fe-80d2-c4ddf77bb2e'],
    ['a GUID with a non-hex letter', '56615b67-2185-49fe-80d2-c4ddf77bb2eg'],
    ['a GUID with surrounding text', `op-${GUID}`],
    ['a $ id with too few parts', 'contoso$contoso-offer'],
    ['a $ id with a non-numeric version', 'contoso$contoso-offer$v2$preview'],
    ['a $ id with an empty part', 'contoso$$2$preview'],
    ['a relative path without a leading slash', `api/publishers/x/offers/y/operations/${GUID}`],
    ['an ftp URL', `ftp://cloudpartner.azure.com${operationPath}`],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a Windows-style path', '\\\\evil.example\\share']
  ])('rejects %s, asking for a GUID or a Location value', (_name, operation) => {
    const expected = rejection(resolve(operation))

    expect(expected).toMatch(/operation GUID/)
    expect(expected).toMatch(/Location/)
    expect(expected).toMatch(/Operation-Location/)
  })

  it.each([
    ['a scheme with no host', 'https://'],
    ['an unclosed IPv6 host', 'https://[::1/api/operations/a$b$2$preview']
  ])('rejects %s as not a valid URL', (_name, operation) => {
    expect(rejection(resolve(operation))).toMatch(/valid URL/)
  })

  it('never yields a URL off base-url for any accepted value', () => {
    const values = [
      '',
      GUID,
      'a$b$2$preview',
      `/api/operations/a$b$2$preview`,
      `${ORIGIN}/api/operations/a$b$2$preview`,
      `//evil.example/api/operations/a$b$2$preview`,
      `/\\evil.example/api/operations/a$b$2$preview`,
      `https://evil.example/api/operations/a$b$2$preview`
    ]
    for (const value of values) {
      const parse = resolve(value)
      if (parse.ok) expect(new URL(parse.target.url).origin).toBe(ORIGIN)
    }
  })
})
