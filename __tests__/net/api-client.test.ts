import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import {
  createServer as createNetServer,
  type AddressInfo,
  type Server as NetServer,
  type Socket
} from 'node:net'
import nock from 'nock'
import { staticToken } from '../../src/net/token-source.js'
import { ApiClient, type ClientOptions } from '../../src/net/api-client.js'
import type { FetchResult } from '../../src/model/outcome.js'
import { cppWording } from '../../src/backends/cpp/wording.js'
import { within } from '../fixtures/budget.js'
import { USER_AGENT } from '../../src/net/http.js'
import { Secrets } from '../../src/report/redact.js'
import {
  ACTION_NAME,
  ACTION_VERSION,
  ERROR_EXCERPT_CHARS,
  MAX_BODY_BYTES,
  MAX_CORRELATION_ID_CHARS,
  MIN_RETRY_AFTER_MS
} from '../../src/constants.js'
import { fatal, transient } from '../fixtures/results.js'

const ORIGIN = 'https://cloudpartner.azure.com'
const PATH =
  '/api/publishers/contoso/offers/contoso-offer/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const QUERY = { 'api-version': '2017-10-31' }
const URL_ = `${ORIGIN}${PATH}?api-version=2017-10-31`
/** Distinctive enough that finding it anywhere in a message can only mean a leak. */
const TOKEN = 'eyJ0eXAi.TOKEN-SHOULD-NEVER-LEAK-7f3c9d.sig'
const TIMEOUT_MS = 2_000
const CORRELATION = '3f1e2d4c-aaaa-bbbb-cccc-0123456789ab'
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

interface Run {
  result: FetchResult<unknown>
  debug: string[]
}

/** One GET through a fresh client; every result and debug line is checked for the token. */
async function get(
  url = URL_,
  timeoutMs = TIMEOUT_MS,
  options: Partial<ClientOptions> = {}
): Promise<Run> {
  const debug: string[] = []
  const client = new ApiClient({
    wording: cppWording,
    tokens: staticToken(TOKEN, 'https://cloudpartner.azure.com'),
    debug: (line) => debug.push(line),
    ...options
  })
  const result = await client.getJson(url, within(timeoutMs))
  expect(JSON.stringify(result)).not.toContain(TOKEN)
  for (const line of debug) expect(line).not.toContain(TOKEN)
  return { result, debug }
}

function cpp() {
  return nock(ORIGIN).get(PATH).query(QUERY)
}

/** The text a result carries for the user: the reason or the message. */
function textOf(result: FetchResult<unknown>): string {
  if (result.kind === 'transient') return result.reason
  if (result.kind === 'fatal') return result.message
  throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
}

describe('ApiClient request', () => {
  it('sends the bearer token, Accept: application/json and the gate User-Agent', async () => {
    const escapedVersion = ACTION_VERSION.replace(/\./g, '\\.')
    const scope = nock(ORIGIN, {
      reqheaders: {
        authorization: `Bearer ${TOKEN}`,
        accept: 'application/json',
        // http-client may append " actions_orchestration_id/…" on a runner.
        'user-agent': new RegExp(`^marketplace-publish-gate/${escapedVersion}( |$)`)
      }
    })
      .get(PATH)
      .query(QUERY)
      .reply(200, { status: 'running' })

    const { result } = await get()

    expect(result).toEqual({ kind: 'ok', value: { status: 'running' } })
    scope.done()
  })

  it('builds its User-Agent from the action name and version', () => {
    expect(USER_AGENT).toBe(`${ACTION_NAME}/${ACTION_VERSION}`)
  })

  it('asks the token source for the token on every request', async () => {
    let calls = 0
    const tokens = {
      description: 'a counting source',
      token: () => {
        calls++
        return Promise.resolve(`${TOKEN}-${calls}`)
      },
      invalidate: () => false,
      unauthorizedHint: ''
    }
    const scope = nock(ORIGIN)
      .get(PATH)
      .query(QUERY)
      .matchHeader('authorization', `Bearer ${TOKEN}-1`)
      .reply(200, {})
      .get(PATH)
      .query(QUERY)
      .matchHeader('authorization', `Bearer ${TOKEN}-2`)
      .reply(200, {})
    const client = new ApiClient({
      wording: cppWording,
      tokens
    })

    expect((await client.getJson(URL_, within(TIMEOUT_MS))).kind).toBe('ok')
    expect((await client.getJson(URL_, within(TIMEOUT_MS))).kind).toBe('ok')
    expect(calls).toBe(2)
    scope.done()
  })
})

describe('ApiClient 2xx answers', () => {
  it('returns a JSON object body as ok with the parsed value', async () => {
    const body = { status: 'running', steps: [{ id: 'displaycertify', status: 'inProgress' }] }
    const scope = cpp().reply(200, body, { 'Content-Type': 'application/json; charset=utf-8' })

    const { result } = await get()

    expect(result).toEqual({ kind: 'ok', value: body })
    scope.done()
  })

  it('hides a secret encoded twice (HTML entities inside JSON escapes) before anything decodes it', async () => {
    const secrets = new Secrets()
    secrets.add(TOKEN)
    // In the raw body each character is \u0026#NN; : JSON-decoded, &#NN; ; HTML-decoded, the token.
    const twice = [...TOKEN].map((char) => `\\u0026#${char.charCodeAt(0)};`).join('')
    const scope = cpp().reply(200, `{"messages":[{"messageHtml":"<p>echo: ${twice}</p>"}]}`)
    const { result } = await get(URL_, TIMEOUT_MS, { redact: (text) => secrets.redact(text) })
    if (result.kind !== 'ok') throw new Error('expected ok')
    const html = (result.value as { messages: Array<{ messageHtml: string }> }).messages[0]
      .messageHtml
    expect(html).toBe('<p>echo: ***</p>')
    scope.done()
  })

  it('returns the documented one-element array body as ok, unchanged', async () => {
    const body = [{ status: 'running', steps: [] }]
    const scope = cpp().reply(200, body)

    expect((await get()).result).toEqual({ kind: 'ok', value: body })
    scope.done()
  })

  it('accepts JSON whatever the Content-Type says', async () => {
    const scope = cpp().reply(200, '{"status":"completed"}', { 'Content-Type': 'text/plain' })

    expect((await get()).result).toEqual({ kind: 'ok', value: { status: 'completed' } })
    scope.done()
  })

  it.each([
    [
      'an HTML page',
      200,
      '<html><body><h1>Sign in</h1></body></html>',
      { 'Content-Type': 'text/html' },
      /HTTP 200 with a body that is not JSON: .*Sign in/
    ],
    ['an empty body', 200, '', {}, /HTTP 200 with a body that is not JSON \(empty\)/],
    ['a blank body', 200, '  \n ', {}, /not JSON \(empty\)/],
    ['truncated JSON', 200, '{"status":"runn', {}, /not JSON: \{"status":"runn/],
    ['a 204 without a body', 204, '', {}, /HTTP 204 with a body that is not JSON/]
  ])('treats a 2xx with %s as transient', async (_name, status, body, headers, reason) => {
    const scope = cpp().reply(status, body, headers)

    const result = transient((await get()).result)

    expect(result.reason).toMatch(reason)
    expect(result.retryAfterMs).toBeUndefined()
    // An answer came, but not the API's: it counts toward max-consecutive-errors, even mid-wait.
    expect(result.shape).toBe(true)
    scope.done()
  })
})

describe('ApiClient POST accepted', () => {
  it.each([
    ['a text body', 'Accepted'],
    ['a JSON body cut off', '{"jobId":"b2a3c4d5-6e7f'],
    ['an HTML page', '<html><body>Accepted</body></html>']
  ])('takes a 202 with %s as an acceptance whose body is unreadable', async (_name, body) => {
    const scope = nock(ORIGIN).post(PATH).query(QUERY).reply(202, body, { Location: '/op/1' })
    const client = new ApiClient({
      wording: cppWording,
      tokens: staticToken(TOKEN, 'https://cloudpartner.azure.com')
    })

    const result = await client.request('POST', URL_, {}, within(TIMEOUT_MS))

    expect(result).toEqual({
      kind: 'ok',
      value: { body: undefined, status: 202, location: '/op/1' }
    })
    scope.done()
  })
})

describe('ApiClient transient failures', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i as transient', async (status) => {
    const scope = cpp().reply(status, '')

    const result = transient((await get()).result)

    expect(result.reason).toBe(`HTTP ${status}`)
    expect(result).not.toHaveProperty('retryAfterMs')
    // The API is unavailable: an outage, ridden out after the first answer.
    expect(result).not.toHaveProperty('shape')
    scope.done()
  })

  it.each([507, 508, 511, 520, 599])(
    'retries any other 5xx such as %i as transient',
    async (status) => {
      const scope = cpp().reply(status, '')

      expect(transient((await get()).result).reason).toBe(`HTTP ${status}`)
      scope.done()
    }
  )

  it.each([501, 505])('stops on HTTP %i, which retrying cannot fix', async (status) => {
    const scope = cpp().reply(status, { error: { code: 'NotImplemented', message: 'nope' } })

    const { message } = fatal((await get()).result)

    expect(message).toContain(`HTTP ${status}`)
    expect(message).toContain('NotImplemented: nope')
    scope.done()
  })

  it.each([
    ['a plain message', 'socket hang up', /socket hang up/],
    [
      'ECONNRESET',
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      /read ECONNRESET/
    ],
    [
      'ECONNREFUSED',
      Object.assign(new Error('connect ECONNREFUSED 1.2.3.4:443'), { code: 'ECONNREFUSED' }),
      /ECONNREFUSED/
    ],
    [
      'ENOTFOUND',
      Object.assign(new Error('getaddrinfo ENOTFOUND cloudpartner.azure.com'), {
        code: 'ENOTFOUND'
      }),
      /ENOTFOUND/
    ]
  ])('retries a network error (%s) as transient', async (_name, error, reason) => {
    const scope = cpp().replyWithError(error)

    const { result, debug } = await get()

    expect(transient(result).reason).toMatch(reason)
    expect(result).not.toHaveProperty('shape')
    expect(debug).toHaveLength(1)
    expect(debug[0]).toMatch(new RegExp(`^GET ${escape(URL_)} failed after \\d+ ms: `))
    expect(debug[0]).toMatch(reason)
    scope.done()
  })

  it('retries a refused connection to a closed loopback port as transient', async () => {
    const server = await serve(() => undefined)
    await closeServer(server.server)

    const result = transient((await get(`${server.origin}${PATH}`)).result)

    expect(result.reason).toMatch(/ECONNREFUSED/)
  })
})

describe('ApiClient Retry-After', () => {
  it('retries a 503 and honours Retry-After in seconds', async () => {
    const scope = cpp().reply(503, '', { 'Retry-After': '120' })

    const result = transient((await get()).result)

    expect(result.retryAfterMs).toBe(120_000)
    scope.done()
  })

  it('honours Retry-After on a 429 too', async () => {
    const scope = cpp().reply(429, { error: { code: 'TooManyRequests' } }, { 'Retry-After': '7' })

    const result = transient((await get()).result)

    expect(result.retryAfterMs).toBe(7_000)
    expect(result.reason).toBe('HTTP 429: TooManyRequests')
    scope.done()
  })

  it('honours Retry-After as an HTTP date, measured from the injected clock', async () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')
    const scope = cpp().reply(503, '', { 'Retry-After': 'Wed, 21 Oct 2015 07:29:30 GMT' })

    const result = transient((await get(URL_, TIMEOUT_MS, { now: () => now })).result)

    expect(result.retryAfterMs).toBe(90_000)
    scope.done()
  })

  it.each([
    ['0', '0'],
    ['an HTTP date in the past', 'Wed, 21 Oct 2015 07:00:00 GMT'],
    ['an HTTP date equal to now', 'Wed, 21 Oct 2015 07:28:00 GMT']
  ])('waits at least a second for Retry-After %s', async (_name, value) => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')
    const scope = cpp().reply(503, '', { 'Retry-After': value })

    const result = transient((await get(URL_, TIMEOUT_MS, { now: () => now })).result)

    expect(result.retryAfterMs).toBe(MIN_RETRY_AFTER_MS)
    expect(MIN_RETRY_AFTER_MS).toBeGreaterThanOrEqual(1000)
    scope.done()
  })

  it.each(['soon', 'NaN', 'in a minute', '1e3', '0x10', '12abc'])(
    'ignores an invalid Retry-After %j',
    async (value) => {
      const scope = cpp().reply(503, '', { 'Retry-After': value })

      const result = transient((await get()).result)

      expect(result).not.toHaveProperty('retryAfterMs')
      scope.done()
    }
  )

  // V8's Date.parse reads these as dates in 2001; they are neither delay-seconds nor an HTTP date.
  it.each(['1.5', '-1', 'abc 1', ' 5 minutes'])(
    'ignores Retry-After %j, which only a lenient date parser accepts',
    async (value) => {
      const scope = cpp().reply(503, '', { 'Retry-After': value })

      const result = transient((await get()).result)

      expect(result).not.toHaveProperty('retryAfterMs')
      scope.done()
    }
  )

  it('ignores Retry-After on a fatal answer', async () => {
    const scope = cpp().reply(400, '', { 'Retry-After': '30' })

    const result = fatal((await get()).result)

    expect(result).not.toHaveProperty('retryAfterMs')
    scope.done()
  })
})

describe('ApiClient fatal failures', () => {
  it('stops on a 400 and shows the error code and message of the body', async () => {
    const scope = cpp().reply(400, {
      error: { code: 'InvalidApiVersion', message: 'The api-version 2099-01-01 is not supported.' }
    })

    const { message } = fatal((await get()).result)

    expect(message).toContain('HTTP 400')
    expect(message).toContain('InvalidApiVersion: The api-version 2099-01-01 is not supported.')
    expect(message).toMatch(/api-version/)
    scope.done()
  })

  it('stops on a 401 and says the token is missing, expired or for the wrong resource', async () => {
    const scope = cpp().reply(401, '')

    const { message } = fatal((await get()).result)

    expect(message).toContain('HTTP 401')
    expect(message).toMatch(/missing/)
    expect(message).toMatch(/expired/)
    expect(message).toContain('https://cloudpartner.azure.com')
    expect(message).toMatch(/token/)
    scope.done()
  })

  it('stops on a 403 and points at the service principal not added to the publisher account', async () => {
    const scope = cpp().reply(403, { error: { code: 'Forbidden', message: 'Access denied' } })

    const { message } = fatal((await get()).result)

    expect(message).toContain('HTTP 403')
    expect(message).toMatch(/service principal/)
    expect(message).toMatch(/publisher account/)
    expect(message).toMatch(/object id/)
    expect(message).toContain('Forbidden: Access denied')
    scope.done()
  })

  it('stops on a 404 and names publisher-id, offer-id and operation-id', async () => {
    const scope = cpp().reply(404, { error: { code: 'NotFound', message: 'Offer not found' } })

    const { message } = fatal((await get()).result)

    expect(message).toContain('HTTP 404')
    expect(message).toContain('publisher-id')
    expect(message).toContain('offer-id')
    expect(message).toContain('operation-id')
    expect(message).toContain('NotFound: Offer not found')
    scope.done()
  })

  it.each([
    [409, 'Conflict', 'Another operation is running'],
    [412, 'PreconditionFailed', 'ETag mismatch'],
    [422, 'EntityFailedValidation', 'The offer failed validation'],
    [418, 'Teapot', 'I am a teapot']
  ])('stops on HTTP %i and quotes the API error', async (status, code, text) => {
    const scope = cpp().reply(status, { error: { code, message: text } })

    const { message } = fatal((await get()).result)

    expect(message).toContain(`HTTP ${status}`)
    expect(message).toContain(`${code}: ${text}`)
    scope.done()
  })

  it.each([301, 302, 303, 307, 308])(
    'does not follow a %i redirect and asks to check base-url',
    async (status) => {
      let requests = 0
      const scope = cpp().reply(() => {
        requests++
        return [status, '', { Location: 'https://evil.example/collect' }]
      })
      const elsewhere = nock('https://evil.example').get(/.*/).reply(200, {})
      const unmatched: string[] = []
      const onNoMatch = (request: { url?: string }): void => {
        unmatched.push(String(request.url))
      }
      nock.emitter.on('no match', onNoMatch)

      try {
        const { message } = fatal((await get()).result)

        expect(message).toContain(`HTTP ${status}`)
        expect(message).toContain('base-url')
        expect(message).toContain('https://evil.example/collect')
        expect(requests).toBe(1)
        expect(unmatched).toEqual([])
        expect(elsewhere.isDone()).toBe(false)
        scope.done()
      } finally {
        nock.emitter.removeListener('no match', onNoMatch)
      }
    }
  )
})

describe('ApiClient error bodies', () => {
  it('shows code and message of an {error:{code,message}} body', async () => {
    const scope = cpp().reply(503, {
      error: { code: 'ServiceUnavailable', message: 'Try again later' }
    })

    expect(transient((await get()).result).reason).toBe(
      'HTTP 503: ServiceUnavailable: Try again later'
    )
    scope.done()
  })

  it('shows the message alone when the error has no code', async () => {
    const scope = cpp().reply(409, { error: { message: 'Only one operation may run' } })

    const { message } = fatal((await get()).result)

    expect(message).toContain('The API said: Only one operation may run')
    scope.done()
  })

  it('shows an error that is a plain string', async () => {
    const scope = cpp().reply(409, { error: 'Offer is locked' })

    expect(fatal((await get()).result).message).toContain('The API said: Offer is locked')
    scope.done()
  })

  it.each([
    [503, 'transient'],
    [409, 'fatal']
  ])(
    'quotes a non-standard JSON body such as {"Variant":…} on HTTP %i (%s)',
    async (status, kind) => {
      const scope = cpp().reply(status, { Variant: { serviceName: 'x', error: 'Retry is OK' } })

      const { result } = await get()

      expect(result.kind).toBe(kind)
      const text = textOf(result)
      expect(text).toContain('Retry is OK')
      expect(text).toContain('serviceName')
      scope.done()
    }
  )

  it.each([
    ['with an HTML Content-Type', { 'Content-Type': 'text/html; charset=utf-8' }, ''],
    ['without a Content-Type', {}, '<!DOCTYPE html>']
  ])('quotes the text of an HTML error page %s, without tags', async (_name, headers, prefix) => {
    const page =
      `${prefix}<html><head><title>502 Bad Gateway</title><style>body { color: red }</style>` +
      '<script>var secret = 1</script></head><body><h1>Service   Unavailable</h1>' +
      '<p>The gateway did <b>not</b> get an answer &amp; gave up.</p></body></html>'
    const scope = cpp().reply(502, page, headers)

    const { reason } = transient((await get()).result)

    expect(reason).toMatch(/^HTTP 502: /)
    expect(reason).toContain('Service Unavailable')
    expect(reason).toContain('The gateway did not get an answer & gave up.')
    expect(reason).not.toMatch(/<\/?[a-z!]/i)
    expect(reason).not.toContain('color: red')
    expect(reason).not.toContain('secret')
    scope.done()
  })

  it('adds nothing from an empty error body', async () => {
    const scope = cpp().reply(409, '')

    const { message } = fatal((await get()).result)

    expect(message).toBe('The CPP API answered HTTP 409.')
    scope.done()
  })

  it('trims a very long plain-text body to an excerpt of about 300 characters', async () => {
    const body = `${'a'.repeat(ERROR_EXCERPT_CHARS)}${'b'.repeat(5_000)}`
    const scope = cpp().reply(500, body, { 'Content-Type': 'text/plain' })

    const { reason } = transient((await get()).result)

    expect(ERROR_EXCERPT_CHARS).toBe(300)
    expect(reason).toBe(`HTTP 500: ${'a'.repeat(ERROR_EXCERPT_CHARS)}…`)
    scope.done()
  })

  it('trims a very long HTML body to an excerpt of about 300 characters', async () => {
    const body = `<html><body>${'<p>word word word</p>'.repeat(1_000)}</body></html>`
    const scope = cpp().reply(500, body, { 'Content-Type': 'text/html' })

    const { reason } = transient((await get()).result)

    expect(reason.endsWith('…')).toBe(true)
    expect(reason.length).toBeLessThanOrEqual('HTTP 500: '.length + ERROR_EXCERPT_CHARS + 1)
    expect(reason).not.toContain('<')
    scope.done()
  })

  it('flattens line breaks of a plain-text body into one line', async () => {
    const scope = cpp().reply(500, 'first line\r\n\r\n  second line\n', {
      'Content-Type': 'text/plain'
    })

    expect(transient((await get()).result).reason).toBe('HTTP 500: first line second line')
    scope.done()
  })

  it('trims a very long error.message of a JSON body to an excerpt as well', async () => {
    const scope = cpp().reply(409, {
      error: { code: 'Conflict', message: `${'m'.repeat(ERROR_EXCERPT_CHARS)}${'z'.repeat(2_000)}` }
    })

    const { message } = fatal((await get()).result)

    expect(message).toContain('Conflict')
    expect(message).toContain('…')
    // The fixed wording of a 409 is short; the quoted detail must not add more than an excerpt.
    expect(message.length).toBeLessThan(100 + ERROR_EXCERPT_CHARS + 1)
    scope.done()
  })
})

describe('ApiClient correlation ids', () => {
  const headers = { 'x-ms-correlation-request-id': CORRELATION }

  it.each([
    ['a fatal message', 404, { error: { code: 'NotFound', message: 'gone' } }],
    ['a transient reason', 503, { error: { code: 'Busy', message: 'later' } }],
    ['a transient reason without a body', 500, ''],
    ['the reason for a 2xx body that is not JSON', 200, '<html>oops</html>']
  ])('names x-ms-correlation-request-id in %s', async (_name, status, body) => {
    const scope = cpp().reply(status, body, headers)

    const { result } = await get()

    expect(textOf(result)).toContain(`x-ms-correlation-request-id: ${CORRELATION}`)
    scope.done()
  })

  it.each([
    [200, { status: 'running' }],
    [404, ''],
    [503, '']
  ])('names x-ms-correlation-request-id in the debug line of an HTTP %i', async (status, body) => {
    const scope = cpp().reply(status, body, headers)

    const { debug } = await get()

    expect(debug).toHaveLength(1)
    expect(debug[0]).toMatch(
      new RegExp(
        `^GET ${escape(URL_)} → HTTP ${status} in \\d+ ms \\(x-ms-correlation-request-id: ${CORRELATION}\\)$`
      )
    )
    scope.done()
  })

  it('leaves the correlation id out when the API sent none', async () => {
    const scope = cpp().reply(404, '')

    const { result, debug } = await get()

    expect(fatal(result).message).not.toContain('correlation')
    expect(debug[0]).toMatch(new RegExp(`^GET ${escape(URL_)} → HTTP 404 in \\d+ ms$`))
    scope.done()
  })

  it.each([
    ['x-ms-correlation-request-id', 'x-ms-correlation-request-id'],
    ['request-id', 'request-id'],
    ['client-request-id', 'client-request-id']
  ])('names %s alone when it is the only one sent', async (name) => {
    const scope = cpp().reply(404, '', { [name]: CORRELATION })

    const { result, debug } = await get()

    expect(fatal(result).message).toMatch(new RegExp(`\\(${name}: ${CORRELATION}\\)$`))
    expect(debug[0]).toMatch(new RegExp(`in \\d+ ms \\(${name}: ${CORRELATION}\\)$`))
    scope.done()
  })

  it("names Microsoft Graph's request-id and client-request-id next to x-ms-correlation-request-id", async () => {
    const scope = cpp().reply(503, '', {
      'client-request-id': 'c1',
      'request-id': 'r1',
      'x-ms-correlation-request-id': 'x1'
    })

    const { result, debug } = await get()

    const ids = '(x-ms-correlation-request-id: x1, request-id: r1, client-request-id: c1)'
    expect(transient(result).reason).toBe(`HTTP 503 ${ids}`)
    expect(debug[0]).toMatch(new RegExp(`in \\d+ ms ${escape(ids)}$`))
    scope.done()
  })

  it.each([['x-ms-correlation-request-id'], ['request-id'], ['client-request-id']])(
    'makes a hostile %s inert and short: no control character, no line of its own',
    async (name) => {
      // What Node's parser lets through: tab and Latin-1's C1 controls (NEL, CSI), 10 kB of it.
      const hostile = `r1\t\u0085::error::pwned\u009b##[error]x ${'A'.repeat(10_000)}`
      const scope = cpp().reply(404, '', { [name]: hostile })

      const { result, debug } = await get()

      const { message } = fatal(result)
      for (const text of [message, debug[0]]) {
        expect(text).not.toMatch(CONTROL)
        expect(text).toContain(`(${name}: r1 ::error::pwned ##[error]x AAA`)
        expect(text).toMatch(/A…\)$/)
      }
      // The fixed wording of a 404 is short: the id adds no more than its cap.
      expect(message.length).toBeLessThan(200 + MAX_CORRELATION_ID_CHARS)
      scope.done()
    }
  )

  it.each([
    ['a newline and a workflow command', 'r1\n::error::pwned'],
    ['100 kB', `r1 ${'A'.repeat(100_000)}`],
    ['both', `r1\n::error::pwned ${'A'.repeat(100_000)}`]
  ])(
    'retries, quoting nothing of it, an answer whose request-id holds %s',
    async (_name, value) => {
      // Node's parser refuses such a header (nock cannot even send it): the answer is a network error.
      const server = await rawServer(
        `HTTP/1.1 404 Not Found\r\nrequest-id: ${value}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`
      )

      const { result, debug } = await get(`${server.origin}${PATH}`)

      const { reason } = transient(result)
      expect(reason).toMatch(/Parse Error: /)
      for (const text of [reason, debug[0]]) {
        expect(text).not.toMatch(CONTROL)
        expect(text).not.toMatch(/pwned|AAA|request-id/)
      }
    }
  )

  it('hides the token in a correlation header before it cuts the header', async () => {
    // Cut first, the id would keep the token's first 20 characters.
    const echoed = `${'x'.repeat(MAX_CORRELATION_ID_CHARS - 20)}${TOKEN}`
    const scope = cpp().reply(404, '', { 'request-id': echoed, 'client-request-id': TOKEN })

    const { result } = await get()

    const { message } = fatal(result)
    expect(message).toContain(
      `(request-id: ${'x'.repeat(MAX_CORRELATION_ID_CHARS - 20)}***, client-request-id: ***)`
    )
    expect(message).not.toContain(TOKEN.slice(0, 8))
    scope.done()
  })

  it('leaves out a correlation header that holds nothing but white space', async () => {
    const scope = cpp().reply(404, '', { 'request-id': '  ', 'client-request-id': 'c1' })

    const { result } = await get()

    expect(fatal(result).message).toMatch(/ \(client-request-id: c1\)$/)
    scope.done()
  })

  it('reports the elapsed time measured with the injected clock', async () => {
    let clock = 1_000
    const scope = cpp().reply(200, {})

    const { debug } = await get(URL_, TIMEOUT_MS, { now: () => (clock += 250) })

    expect(debug[0]).toContain('→ HTTP 200 in 250 ms')
    scope.done()
  })
})

describe('ApiClient per-request timeout', () => {
  it('gives up on a reply that takes longer than the timeout, as transient', async () => {
    const scope = cpp().delay(1_500).reply(200, { status: 'running' })
    const started = Date.now()

    const { result, debug } = await get(URL_, 50)

    expect(Date.now() - started).toBeLessThan(1_000)
    expect(transient(result).reason).toMatch(/no complete answer within [\d.]+s$/)
    expect(debug[0]).toMatch(/failed after \d+ ms: no complete answer within/)
    scope.done()
  })

  it('returns promptly on a reply that comes within the timeout', async () => {
    const scope = cpp().delay(20).reply(200, { status: 'running' })

    expect((await get(URL_, 2_000)).result).toEqual({ kind: 'ok', value: { status: 'running' } })
    scope.done()
  })

  it('gives up, as transient, on a body that stops arriving before the timeout', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' })
      res.write('{"status":"run')
    })
    const started = Date.now()

    const { result } = await get(`${server.origin}${PATH}`, 200)

    expect(Date.now() - started).toBeLessThan(2_000)
    expect(transient(result).reason).toMatch(/no complete answer within/)
    expect(await closedWithin(server.sockets, 1_000)).toBe(true)
  })

  it('abandons the connection when no header arrives before the timeout', async () => {
    const server = await serve(() => undefined)
    const started = Date.now()

    const { result } = await get(`${server.origin}${PATH}`, 100)

    expect(Date.now() - started).toBeLessThan(2_000)
    expect(transient(result).reason).toMatch(/no complete answer within/)
    // A request left open after its deadline lingers until http-client's 3-minute socket timeout.
    expect(await closedWithin(server.sockets, 1_000)).toBe(true)
  })

  it('returns transient, without hanging, when the connection drops mid-body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' })
      res.write('{"status":"running","steps":[', () => {
        setTimeout(() => res.socket?.destroy(), 20)
      })
    })
    const started = Date.now()

    const { result } = await get(`${server.origin}${PATH}`, 10_000)

    expect(Date.now() - started).toBeLessThan(5_000)
    expect(transient(result).reason).not.toMatch(/no complete answer/)
    expect(transient(result).reason).toMatch(/abort|clos|reset|hang up|premature/i)
  })

  it('returns transient when the connection drops before any header', async () => {
    const server = await serve((req) => {
      req.socket.destroy()
    })

    const { result } = await get(`${server.origin}${PATH}`, 10_000)

    expect(result.kind).toBe('transient')
  })

  it('stops reading a body larger than MAX_BODY_BYTES, as transient', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const chunk = Buffer.alloc(1024 * 1024, 0x20)
      let sent = 0
      const pump = (): void => {
        while (sent <= MAX_BODY_BYTES && !res.destroyed) {
          sent += chunk.length
          if (!res.write(chunk)) {
            res.once('drain', pump)
            return
          }
        }
        res.end()
      }
      pump()
    })

    const { result } = await get(`${server.origin}${PATH}`, 20_000)

    expect(transient(result).reason).toContain(`larger than ${MAX_BODY_BYTES} bytes`)
  })

  it('reads a complete answer from a real loopback server', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ auth: req.headers.authorization === `Bearer ${TOKEN}` }))
    })

    expect((await get(`${server.origin}${PATH}`)).result).toEqual({
      kind: 'ok',
      value: { auth: true }
    })
  })
})

describe('ApiClient keeps the token secret', () => {
  it.each<[string, () => nock.Scope]>([
    [
      'an ok answer that echoes it',
      () => cpp().reply(200, { status: 'running', echo: `Bearer ${TOKEN}` })
    ],
    ['a 2xx that is not JSON and echoes it', () => cpp().reply(200, `<html>login ${TOKEN}</html>`)],
    ['a 400', () => cpp().reply(400, { error: { code: 'BadRequest', message: 'bad' } })],
    ['a 401', () => cpp().reply(401, '', { 'WWW-Authenticate': 'Bearer error="invalid_token"' })],
    ['a 403', () => cpp().reply(403, '')],
    ['a 503', () => cpp().reply(503, '', { 'Retry-After': '5' })],
    ['a redirect', () => cpp().reply(302, '', { Location: 'https://evil.example/' })],
    ['a network error', () => cpp().replyWithError('socket hang up')],
    ['a timeout', () => cpp().delay(1_000).reply(200, {})]
  ])('never puts the token in the result or the debug line for %s', async (_name, reply) => {
    const scope = reply()

    const { result, debug } = await get(URL_, 100)

    expect(JSON.stringify(result)).not.toContain(TOKEN)
    expect(JSON.stringify(result)).not.toContain('TOKEN-SHOULD-NEVER-LEAK')
    expect(debug.length).toBeGreaterThan(0)
    for (const line of debug) expect(line).not.toContain('TOKEN-SHOULD-NEVER-LEAK')
    scope.done()
  })

  it('does not repeat the token when an error body echoes the request headers', async () => {
    const scope = cpp().reply(401, {
      error: { code: 'InvalidToken', message: `Rejected Authorization: Bearer ${TOKEN}` }
    })

    const debug: string[] = []
    const client = new ApiClient({
      wording: cppWording,
      tokens: staticToken(TOKEN, 'https://cloudpartner.azure.com'),
      debug: (line) => debug.push(line)
    })
    const result = await client.getJson(URL_, within(TIMEOUT_MS))

    expect(result.kind).toBe('fatal')
    expect(JSON.stringify(result)).not.toContain(TOKEN)
    scope.done()
  })

  it('replaces the token in a good answer, so outputs and the summary cannot carry it', async () => {
    cpp().reply(200, {
      status: 'running',
      messages: [{ messageHtml: `Authorization: Bearer ${TOKEN}`, level: 'error' }]
    })
    const client = new ApiClient({
      wording: cppWording,
      tokens: staticToken(TOKEN, 'https://cloudpartner.azure.com')
    })
    expect(await client.getJson(URL_, within(TIMEOUT_MS))).toEqual({
      kind: 'ok',
      value: {
        status: 'running',
        messages: [{ messageHtml: 'Authorization: Bearer ***', level: 'error' }]
      }
    })
  })
})

// --- helpers ---------------------------------------------------------------------------------

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

interface Loopback {
  origin: string
  server: Server
  sockets: Socket[]
}

const servers: Server[] = []
const rawServers: NetServer[] = []

/** A server that answers every request with these bytes, whatever an HTTP server would allow. */
async function rawServer(answer: string): Promise<{ origin: string }> {
  const server = createNetServer((socket) => {
    // The client drops the connection as soon as it cannot parse the answer.
    socket.on('error', () => undefined)
    socket.once('data', () => socket.end(Buffer.from(answer, 'latin1')))
  })
  rawServers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}` }
}

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void
): Promise<Loopback> {
  const server = createServer(handler)
  const sockets: Socket[] = []
  server.on('connection', (socket) => {
    sockets.push(socket)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, server, sockets }
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer))
  await Promise.all(
    rawServers.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))
  )
})

/** Whether every connection the server saw is closed within `ms`. */
async function closedWithin(sockets: Socket[], ms: number): Promise<boolean> {
  if (sockets.length === 0) return false
  const closes = sockets.map(
    (socket) =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) resolve()
        else socket.once('close', () => resolve())
      })
  )
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([Promise.all(closes).then(() => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}
