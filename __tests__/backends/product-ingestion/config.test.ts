// The inputs with api: product-ingestion, read by the shared config and the backend's readWatch:
// every problem named, before any request.

import { describe, expect, it } from '@jest/globals'
import { productIngestionBackend } from '../../../src/backends/product-ingestion/index.js'
import {
  jobStatusUrl,
  productLookupUrl,
  readOffer,
  submissionsUrl
} from '../../../src/backends/product-ingestion/location.js'
import { InputError, readApi, readConfig, type Config } from '../../../src/config.js'
import nock from 'nock'
import { staticToken } from '../../../src/net/token-source.js'
import { ApiClient } from '../../../src/net/api-client.js'
import { within } from '../../fixtures/budget.js'
import { JOB_ID, PRODUCT, PRODUCT_GUID } from '../../fixtures/product-ingestion.js'

const TOKEN = 'eyJ0eXAi.graph-token.sig'
const BASE = 'https://graph.microsoft.com/rp/product-ingestion'

function read(inputs: Record<string, string>): (name: string) => string {
  const all: Record<string, string> = {
    api: 'product-ingestion',
    'offer-id': 'contoso-saas',
    token: TOKEN,
    ...inputs
  }
  return (name) => all[name] ?? ''
}

function config(inputs: Record<string, string> = {}): Config {
  return readConfig(read(inputs), productIngestionBackend)
}

function problems(inputs: Record<string, string>): string[] {
  try {
    config(inputs)
  } catch (error) {
    if (error instanceof InputError) return error.problems
    throw error
  }
  throw new Error('expected an InputError')
}

describe('api: product-ingestion', () => {
  it.each(['product-ingestion', 'Product-Ingestion'])('is read from api %j', (api) => {
    expect(readApi(read({ api }))).toEqual({
      api: 'product-ingestion',
      why: 'api: product-ingestion'
    })
  })

  it('needs no publisher-id, and watches the job given', () => {
    expect(config({ 'operation-id': JOB_ID })).toMatchObject({
      api: 'product-ingestion',
      watch: {
        description: `configure job ${JOB_ID} of offer contoso-saas`,
        subject: 'Publish',
        operationId: JOB_ID
      },
      auth: { kind: 'static', token: TOKEN },
      pollIntervalMs: 60_000
    })
  })

  it.each(['', 'latest', 'Latest'])('watches the submissions with operation-id %j', (operation) => {
    expect(config({ 'operation-id': operation }).watch).toMatchObject({
      description: 'the submissions of offer contoso-saas',
      subject: 'Product',
      operationId: ''
    })
  })

  it.each([
    ['a job GUID', JOB_ID.toUpperCase(), JOB_ID.toUpperCase()],
    ['the relative status address', `/configure/${JOB_ID}/status`, JOB_ID],
    [
      'the relative address with its $version',
      `/configure/${JOB_ID}/status?$version=2022-07-01`,
      JOB_ID
    ],
    [
      'the address with base-url’s path',
      `/rp/product-ingestion/configure/${JOB_ID}/status`,
      JOB_ID
    ],
    [
      'the absolute address on base-url',
      `${BASE}/configure/${JOB_ID}/status?$version=2022-07-01`,
      JOB_ID
    ],
    ['the absolute address with a trailing slash', `${BASE}/configure/${JOB_ID}/status/`, JOB_ID]
  ])('reads operation-id as %s', (_name, operation, jobId) => {
    expect(config({ 'operation-id': operation }).watch.operationId).toBe(jobId)
  })

  it.each([
    ['a word', 'abc'],
    ['a job id that is not a GUID', '/configure/12345/status'],
    ['the details address', `/configure/${JOB_ID}`],
    ['the cancel address', `/configure/${JOB_ID}/cancel`],
    ['a CPP operation', `/api/publishers/contoso/offers/o/operations/${JOB_ID}`]
  ])('rejects %s as operation-id', (_name, operation) => {
    expect(problems({ 'operation-id': operation })).toEqual([
      `operation-id is "${operation}": expected a configure job id (the GUID in the jobId of POST /configure's answer), its status address /configure/<jobId>/status (relative, or absolute on base-url), latest, or empty to watch the product's submissions.`
    ])
  })

  it.each([
    `https://evil.example/rp/product-ingestion/configure/${JOB_ID}/status`,
    `https://graph.microsoft.com/v1.0/configure/${JOB_ID}/status`,
    `/rp/product-ingestion/../../v1.0/configure/${JOB_ID}/status`
  ])('rejects the address %s, which is not on base-url, before any request', (operation) => {
    const [problem] = problems({ 'operation-id': operation })
    expect(problem).toMatch(
      /^operation-id is ".*": expected an address on base-url https:\/\/graph\.microsoft\.com\/rp\/product-ingestion, not on /
    )
    expect(problem).toContain('the token is only ever sent to base-url')
  })

  it.each([
    'contoso-saas',
    'contoso_saas_2',
    'abc',
    'a'.repeat(50),
    PRODUCT,
    PRODUCT.toUpperCase()
  ])('accepts the offer id %s', (offer) => {
    expect(() => config({ 'offer-id': offer })).not.toThrow()
  })

  it.each(['', 'ab', 'a'.repeat(51), 'contoso saas', 'contoso/saas', 'product/abc', '-contoso'])(
    'rejects the offer id %j',
    (offer) => {
      const [problem] = problems({ 'offer-id': offer })
      expect(problem).toMatch(
        /^offer-id (is empty|is ".*"): expected the offer id as typed in Partner Center \(3 to 50 letters, digits, - or _\), or the product id Partner Center shows in its address bar \(a GUID, or product\/<guid>\)\.$/
      )
    }
  )

  it.each([PRODUCT_GUID, PRODUCT_GUID.toUpperCase()])(
    'takes a bare product GUID %s (as Partner Center’s address bar shows it) for the durable id, with no look-up',
    (guid) => {
      expect(readOffer(guid)).toEqual({
        ok: true,
        value: { kind: 'durable', productId: `product/${guid}` }
      })
    }
  )

  it.each(['2022-03-01-preview7', '2023-07-15'])('accepts schema-version %s', (version) => {
    expect(() => config({ 'schema-version': version })).not.toThrow()
  })

  it.each(['preview7', '2022-03-01-beta', 'https://schema.mp.microsoft.com/schema/configure/x'])(
    'rejects schema-version %j, naming the input and the default',
    (version) => {
      expect(problems({ 'schema-version': version })).toEqual([
        `schema-version is "${version}": expected a schema version such as 2022-03-01-preview2 (the default when empty), for the bodies start posts.`
      ])
    }
  )

  it.each(['59s', '30s', '1s'])(
    'rejects poll-interval %s on Graph, quoting the once-a-minute rule',
    (interval) => {
      expect(problems({ 'poll-interval': interval })).toEqual([
        `poll-interval is "${interval}": expected at least 1m: the Product Ingestion API asks clients not to poll a job more than once a minute.`
      ])
    }
  )

  it('rejects a fast poll-interval on any base-url that is not loopback', () => {
    expect(
      problems({ 'poll-interval': '5s', 'base-url': 'https://pi.example/rp/product-ingestion' })
    ).toEqual([expect.stringMatching(/^poll-interval is "5s": expected at least 1m/)])
  })

  it.each(['60s', '1m', '5m'])('accepts poll-interval %s', (interval) => {
    expect(() => config({ 'poll-interval': interval })).not.toThrow()
  })

  it('lets a loopback base-url (a simulator) be polled every second', () => {
    expect(
      config({ 'poll-interval': '1s', 'base-url': 'http://127.0.0.1:8080/rp/product-ingestion' })
        .pollIntervalMs
    ).toBe(1_000)
  })

  it('reports a poll-interval under the shared minimum once', () => {
    expect(
      problems({ 'poll-interval': '0.5s' }).filter((p) => p.startsWith('poll-interval'))
    ).toHaveLength(1)
  })

  it.each([
    ['https://graph.microsoft.com/rp/product-ingestion', BASE],
    ['https://graph.microsoft.com/rp/product-ingestion/', BASE],
    ['http://127.0.0.1:8080/rp/product-ingestion', 'http://127.0.0.1:8080/rp/product-ingestion'],
    ['http://localhost:9000', 'http://localhost:9000']
  ])('takes base-url %s with its path', (baseUrl, expected) => {
    const { watch } = config({
      'base-url': baseUrl,
      'operation-id': `${expected}/configure/${JOB_ID}/status`
    })
    expect(watch.operationId).toBe(JOB_ID)
  })

  it.each([
    [
      'http://graph.microsoft.com/rp/product-ingestion',
      'an https:// URL such as https://graph.microsoft.com/rp/product-ingestion (http:// only for 127.0.0.0/8, localhost or [::1])'
    ],
    [
      'https://graph.microsoft.com/rp/product-ingestion?x=1',
      'a URL without credentials, query or fragment'
    ],
    ['https://user:pw@graph.microsoft.com/rp', 'a URL without credentials, query or fragment']
  ])('rejects base-url %s', (baseUrl, expected) => {
    expect(problems({ 'base-url': baseUrl, 'poll-interval': '60s' })).toEqual([
      `base-url is "${baseUrl}": expected ${expected}.`
    ])
  })

  it('asks for a token for Microsoft Graph', () => {
    expect(problems({ token: '' })).toEqual([
      'token is empty: expected an Azure AD access token for https://graph.microsoft.com, e.g. from "az account get-access-token --resource https://graph.microsoft.com", or client-id and tenant-id to sign in to Azure AD with GitHub OIDC (add client-secret to sign in with a secret).'
    ])
  })

  it('reports every problem in one message', () => {
    expect(
      problems({
        'offer-id': 'x',
        'operation-id': 'nope',
        'poll-interval': '10s',
        'api-version': 'v2'
      }).map((problem) => problem.split(' ')[0])
    ).toEqual(['api-version', 'offer-id', 'operation-id', 'poll-interval'])
  })
})

describe('the addresses asked', () => {
  it.each([BASE, `${BASE}/`, `${BASE}//`])(
    'are under base-url %s, with one slash between the parts',
    async (baseUrl) => {
      const { watch } = config({ 'base-url': baseUrl, 'offer-id': PRODUCT, 'operation-id': JOB_ID })
      const client = new ApiClient({
        tokens: staticToken(TOKEN, productIngestionBackend.resource),
        wording: productIngestionBackend.wording
      })
      const scope = nock('https://graph.microsoft.com')
        .get(`/rp/product-ingestion/configure/${JOB_ID}/status`)
        .query({ $version: '2022-07-01' })
        .reply(200, { jobStatus: 'running', jobResult: 'pending' })
        .get(`/rp/product-ingestion/submission/${PRODUCT_GUID}`)
        .query({ $version: '2022-07-01' })
        .reply(200, { value: [] })
      const result = await watch.watcher({ client, info: () => undefined }).poll(within())
      expect(result.kind).toBe('ok')
      scope.done()
    }
  )

  it('sends $version, the external id encoded, and the bare product GUID', () => {
    expect(jobStatusUrl(BASE, JOB_ID, '2022-07-01')).toBe(
      `${BASE}/configure/${JOB_ID}/status?$version=2022-07-01`
    )
    expect(productLookupUrl(BASE, 'contoso saas&x', '2022-07-01')).toBe(
      `${BASE}/product?externalId=contoso%20saas%26x&$version=2022-07-01`
    )
    expect(submissionsUrl(BASE, PRODUCT, '2022-03-01-preview2')).toBe(
      `${BASE}/submission/${PRODUCT_GUID}?$version=2022-03-01-preview2`
    )
  })
})
