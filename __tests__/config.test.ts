import { afterEach, describe, expect, it } from '@jest/globals'
import { cppBackend } from '../src/backends/cpp/index.js'
import { InputError, readApi, readConfig as readConfigOf, type ReadOptions } from '../src/config.js'
import { INPUT_DEFAULTS, runnerInput } from '../src/inputs.js'

/** The shared inputs, read for the CPP backend (the default api). */
const readConfig = (read: (name: string) => string, options?: ReadOptions) =>
  readConfigOf(read, cppBackend, options)

const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
const TOKEN = 'eyJ0eXAi.secret-token-value.sig'

function read(inputs: Record<string, string>): (name: string) => string {
  const all: Record<string, string> = {
    'publisher-id': 'contoso',
    'offer-id': 'contoso-offer',
    token: TOKEN,
    ...inputs
  }
  return (name) => all[name] ?? ''
}

function problems(inputs: Record<string, string>): string[] {
  try {
    readConfig(read(inputs))
  } catch (error) {
    if (error instanceof InputError) return error.problems
    throw error
  }
  throw new Error('expected an InputError')
}

describe('runnerInput', () => {
  const set: string[] = []
  afterEach(() => {
    for (const name of set.splice(0)) delete process.env[name]
  })
  const env = (name: string, value: string): void => {
    set.push(name)
    process.env[name] = value
  }

  it('reads INPUT_ and the name in capitals, spaces as underscores and dashes kept, trimmed', () => {
    env('INPUT_OFFER-ID', '  contoso-offer \n')
    env('INPUT_CHECK_NAME', 'Marketplace')
    env('INPUT_BASE-URL', '')
    expect(runnerInput('offer-id')).toBe('contoso-offer')
    expect(runnerInput('Check name')).toBe('Marketplace')
    expect(runnerInput('base-url')).toBe('')
    expect(runnerInput('never-set')).toBe('')
  })
})

describe('readConfig', () => {
  it("applies action.yml's defaults to inputs left empty", () => {
    const config = readConfig(read({}))
    expect(config).toEqual({
      api: 'cpp',
      watch: {
        description: 'the offer status of contoso/contoso-offer',
        subject: 'Offer',
        operationId: '',
        autoMeans:
          'the preview is ready for go-live or the offer is live (wait-for auto, for the offer status)',
        watcher: expect.any(Function)
      },
      auth: { kind: 'static', token: TOKEN },
      waitFor: { kind: 'ready', rule: 'auto' },
      timeoutMs: 3_600_000,
      pollIntervalMs: 60_000,
      maxConsecutiveErrors: 5,
      mode: 'wait',
      summary: true
    })
  })

  it('reads every input', () => {
    const config = readConfig(
      read({
        'operation-id': GUID,
        'wait-for': 'Preview',
        timeout: '2h',
        'poll-interval': '30s',
        'max-consecutive-errors': '3',
        'api-version': '2017-10-31',
        'base-url': 'http://127.0.0.1:8080',
        summary: 'False'
      })
    )
    expect(config).toMatchObject({
      watch: { operationId: GUID, description: `operation ${GUID} of contoso/contoso-offer` },
      waitFor: { kind: 'ready', rule: 'preview' },
      timeoutMs: 7_200_000,
      pollIntervalMs: 30_000,
      maxConsecutiveErrors: 3,
      summary: false
    })
  })

  it("reads operation-id latest as the offer's submissions list, and mode check", () => {
    expect(readConfig(read({ 'operation-id': 'Latest', mode: 'CHECK' }))).toMatchObject({
      watch: { description: 'the latest operation of contoso/contoso-offer', operationId: '' },
      mode: 'check'
    })
  })

  it('rejects a mode other than wait or check', () => {
    expect(problems({ mode: 'once' })).toEqual([
      'mode is "once": expected wait (poll until a verdict) or check (poll once, for scheduled workflows).'
    ])
  })

  it('treats any other wait-for as a step id', () => {
    expect(readConfig(read({ 'wait-for': 'displaycertify' })).waitFor).toEqual({
      kind: 'step',
      stepId: 'displaycertify'
    })
  })

  it.each([`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `BEARER \t ${TOKEN}`])(
    'accepts a token pasted with its "Bearer " prefix (%j)',
    (token) => {
      expect(readConfig(read({ token })).auth).toEqual({ kind: 'static', token: TOKEN })
    }
  )

  it('takes "Bearer" for a prefix only when white space follows it', () => {
    expect(readConfig(read({ token: `Bearer${TOKEN}` })).auth).toEqual({
      kind: 'static',
      token: `Bearer${TOKEN}`
    })
  })

  it('keeps its defaults in step with action.yml', async () => {
    const { readFileSync } = await import('node:fs')
    const yml = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) {
      const block = new RegExp(
        `\\n  ${name}:\\n(?:    .*\\n|      .*\\n)*?    default: (.*)\\n`
      ).exec(yml)
      const declared = block?.[1].replace(/^'(.*)'$/, '$1')
      // An expression only a runner can fill in (${{ github.token }}) has no default outside one.
      expect([name, declared?.startsWith('${{') ? '' : declared]).toEqual([name, value])
    }
  })

  it.each<[Record<string, string>, string]>([
    [{ 'publisher-id': '' }, 'publisher-id is empty: expected the publisher id, e.g. contoso.'],
    [{ 'offer-id': '' }, 'offer-id is empty: expected the offer id.'],
    [
      { 'offer-id': 'a\nb' },
      'offer-id is "a\nb": expected the offer id, without control characters.'
    ],
    [{ 'publisher-id': '..' }, 'publisher-id is "..": expected the publisher id, e.g. contoso.'],
    [{ 'offer-id': '.' }, 'offer-id is ".": expected the offer id.'],
    [{ timeout: '90' }, 'timeout is "90": expected a unit: write 90s, 90m or 90h.'],
    [{ timeout: '0s' }, 'timeout is "0s": expected a duration greater than zero.'],
    [
      { 'poll-interval': 'often' },
      'poll-interval is "often": expected a duration with units, such as 90s, 45m, 2h, 1h30m or 2d.'
    ],
    [
      { 'max-consecutive-errors': '0' },
      'max-consecutive-errors is "0": expected a whole number of at least 1.'
    ],
    [
      { 'max-consecutive-errors': '-2' },
      'max-consecutive-errors is "-2": expected a whole number of at least 1.'
    ],
    [
      { 'max-consecutive-errors': '2.5' },
      'max-consecutive-errors is "2.5": expected a whole number of at least 1.'
    ],
    [
      { 'api-version': '2017-10-31&x=1' },
      'api-version is "2017-10-31&x=1": expected a date such as 2017-10-31.'
    ],
    [{ summary: 'yes' }, 'summary is "yes": expected true or false.']
  ])('reports %o as: %s', (inputs, expected) => {
    expect(problems(inputs)).toEqual([expected])
  })

  it.each([
    'http://cloudpartner.azure.com',
    'http://10.0.0.5:8080',
    'ftp://127.0.0.1',
    'cloudpartner.azure.com'
  ])('rejects the base-url %s: https only, http for loopback', (baseUrl) => {
    expect(problems({ 'base-url': baseUrl })).toEqual([
      `base-url is "${baseUrl}": expected an https:// origin such as https://cloudpartner.azure.com (http:// only for 127.0.0.0/8, localhost or [::1]).`
    ])
  })

  it.each([
    'http://127.0.0.1:9',
    'http://127.8.9.10',
    'http://localhost:3000',
    'http://[::1]:8080',
    'https://cpp.example'
  ])('accepts the base-url %s', (baseUrl) => {
    expect(() => readConfig(read({ 'base-url': baseUrl }))).not.toThrow()
  })

  it.each([
    'https://cloudpartner.azure.com/api',
    'https://user:pw@cloudpartner.azure.com',
    'https://cloudpartner.azure.com/?x=1'
  ])('rejects the base-url %s that is more than an origin', (baseUrl) => {
    expect(problems({ 'base-url': baseUrl })[0]).toContain('an origin only')
  })

  it('rejects an operation URL on another host before any request', () => {
    const [problem] = problems({
      'operation-id': `https://evil.example/api/publishers/contoso/offers/o/operations/${GUID}`
    })
    expect(problem).toMatch(
      /^operation-id is "https:\/\/evil\.example\/.*": expected a URL on base-url's origin/
    )
  })

  it('rejects a malformed operation id', () => {
    expect(problems({ 'operation-id': '1234' })[0]).toMatch(
      /^operation-id is "1234": expected an operation GUID/
    )
  })

  it('asks for a token without ever showing one', () => {
    expect(problems({ token: '' })).toEqual([
      'token is empty: expected an Azure AD access token for https://cloudpartner.azure.com, e.g. from "az account get-access-token --resource https://cloudpartner.azure.com", or client-id and tenant-id to sign in to Azure AD with GitHub OIDC (add client-secret to sign in with a secret).'
    ])
    const [problem] = problems({ token: 'abc def-secret' })
    expect(problem).toBe(
      'token contains white space or control characters: expected the bare access token.'
    )
    expect(problem).not.toContain('def-secret')
  })

  it('checks operation-id even when the other inputs are wrong, so one run reports them all', () => {
    const found = problems({
      'publisher-id': '',
      'base-url': 'http://example.com',
      'operation-id': `https://evil.example/api/publishers/x/offers/y/operations/${GUID}`
    })
    // The shared inputs first, then the API's own.
    expect(found.map((problem) => problem.split(' ')[0])).toEqual([
      'base-url',
      'publisher-id',
      'operation-id'
    ])
  })

  it('refuses a Location of another offer', () => {
    expect(
      problems({ 'operation-id': `/api/publishers/contoso/offers/other/operations/${GUID}` })[0]
    ).toContain(
      'expected an operation of publisher-id "contoso" and offer-id "contoso-offer", not of "contoso" / "other"'
    )
  })

  it('shortens a long value it quotes', () => {
    expect(problems({ timeout: 'x'.repeat(5000) })[0]).toBe(
      `timeout is "${'x'.repeat(99)}…": expected a duration with units, such as 90s, 45m, 2h, 1h30m or 2d.`
    )
  })

  describe('sign-in', () => {
    const CLIENT = '11111111-2222-3333-4444-555555555555'
    const TENANT = '66666666-7777-8888-9999-000000000000'
    const signIn = (inputs: Record<string, string>, idTokenAvailable = false) =>
      readConfig(read({ token: '', ...inputs }), { idTokenAvailable }).auth

    it('uses the token as given when there is one, whatever else is set', () => {
      expect(signIn({ token: TOKEN, 'client-id': CLIENT, 'tenant-id': TENANT })).toEqual({
        kind: 'static',
        token: TOKEN
      })
    })

    it('signs in with the client secret when client-id, tenant-id and client-secret are set', () => {
      expect(
        signIn({ 'client-id': CLIENT, 'tenant-id': TENANT, 'client-secret': 's3cret' })
      ).toEqual({
        kind: 'secret',
        clientId: CLIENT,
        tenantId: TENANT,
        clientSecret: 's3cret',
        authorityHost: 'https://login.microsoftonline.com'
      })
    })

    it('signs in with GitHub OIDC when there is no secret, with the audience and authority given', () => {
      expect(
        signIn(
          {
            'client-id': CLIENT,
            'tenant-id': 'contoso.onmicrosoft.com',
            audience: 'api://Custom',
            'authority-host': 'http://127.0.0.1:9000'
          },
          true
        )
      ).toEqual({
        kind: 'oidc',
        clientId: CLIENT,
        tenantId: 'contoso.onmicrosoft.com',
        audience: 'api://Custom',
        authorityHost: 'http://127.0.0.1:9000'
      })
    })

    it('asks for permissions: id-token: write when GitHub gives the job no OIDC token', () => {
      expect(problems({ token: '', 'client-id': CLIENT, 'tenant-id': TENANT })).toEqual([
        'GitHub OIDC sign-in (client-id and tenant-id without client-secret) needs `permissions: id-token: write` in the workflow or the job: GitHub gave this job no OIDC token.'
      ])
    })

    it.each([
      [{ 'client-id': CLIENT }, 'tenant-id is missing'],
      [{ 'tenant-id': TENANT }, 'client-id is missing'],
      [{ 'client-secret': 'x' }, 'client-id and tenant-id are missing'],
      [{ 'tenant-id': TENANT, 'client-secret': 'x' }, 'client-id is missing']
    ])('names what is missing for %o', (inputs, missing) => {
      const [problem] = problems({ token: '', ...inputs })
      expect(
        problem.startsWith(`${missing}: to sign in to Azure AD give both client-id and tenant-id`)
      ).toBe(true)
      expect(problem).not.toContain('"x"')
    })

    it.each([
      [
        { 'client-id': 'my-app', 'tenant-id': TENANT },
        'client-id is "my-app": expected the application (client) ID'
      ],
      [
        { 'client-id': CLIENT, 'tenant-id': 'not a tenant' },
        'tenant-id is "not a tenant": expected the directory (tenant) ID'
      ],
      [
        {
          'client-id': CLIENT,
          'tenant-id': TENANT,
          'client-secret': 'x',
          'authority-host': 'http://login.example'
        },
        'authority-host is "http://login.example": expected an https:// origin'
      ]
    ])('rejects %o', (inputs, expected) => {
      expect(problems({ token: '', ...inputs })[0]).toContain(expected)
    })
  })

  it('reports every problem in one message, naming each input', () => {
    let error: unknown
    try {
      readConfig(
        read({ 'publisher-id': '', timeout: '5', 'base-url': 'http://example.com', token: '' })
      )
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InputError)
    const text = (error as Error).message
    expect(text.split('\n')[0]).toBe('Invalid inputs:')
    for (const name of ['publisher-id', 'timeout', 'base-url', 'token'])
      expect(text).toContain(`  - ${name} `)
  })

  it.each(['CPP', 'cpp'])('reads api %j as the CPP API, whatever the other inputs say', (api) => {
    expect(readApi(read({ api, 'publisher-id': '', 'offer-id': `product/${GUID}` }))).toEqual({
      api: 'cpp',
      why: 'api: cpp'
    })
  })

  it('rejects an unknown api, listing the APIs there are', () => {
    expect(() => readApi(read({ api: 'partner-center' }))).toThrow(
      /^Invalid input: api is "partner-center": expected auto, cpp or product-ingestion\.$/
    )
  })

  describe('api auto (the default)', () => {
    const CPP_PATH = `/api/publishers/contoso/offers/contoso-offer/operations/${GUID}?api-version=2017-10-31`

    it.each<[string, Record<string, string>, string]>([
      ['a publisher-id', {}, 'publisher-id is set'],
      ['a publisher-id (api auto spelled out)', { api: 'Auto' }, 'publisher-id is set'],
      [
        'a CPP operation path',
        { 'publisher-id': '', 'operation-id': CPP_PATH },
        'operation-id is a CPP operation address'
      ],
      [
        'a CPP operation URL',
        { 'publisher-id': '', 'operation-id': `https://cloudpartner.azure.com${CPP_PATH}` },
        'operation-id is a CPP operation address'
      ],
      [
        'a non-migrated CPP operation id',
        { 'publisher-id': '', 'operation-id': 'contoso$contoso-offer$2$preview' },
        'operation-id is a CPP operation address'
      ],
      [
        'a publisher-id and a CPP operation address',
        { 'operation-id': '/api/operations/contoso$contoso-offer$2$preview' },
        'publisher-id is set and operation-id is a CPP operation address'
      ]
    ])('chooses the CPP API for %s', (_, inputs, why) => {
      expect(readApi(read(inputs))).toEqual({ api: 'cpp', why: `api auto: ${why}` })
    })

    it.each<[string, Record<string, string>, string]>([
      [
        'no publisher-id',
        { 'publisher-id': '' },
        'publisher-id is empty and operation-id is not a CPP operation address'
      ],
      [
        'no publisher-id and a job id',
        { 'publisher-id': '', 'operation-id': GUID },
        'publisher-id is empty and operation-id is not a CPP operation address'
      ],
      [
        'a product id',
        { 'publisher-id': '', 'offer-id': `product/${GUID}` },
        'offer-id is a product id (product/<guid>)'
      ],
      [
        "a configure job's status address",
        { 'publisher-id': '', 'operation-id': `/configure/${GUID}/status` },
        "operation-id is a configure job's status address"
      ]
    ])('chooses the Product Ingestion API for %s', (_, inputs, why) => {
      expect(readApi(read(inputs))).toEqual({ api: 'product-ingestion', why: `api auto: ${why}` })
    })

    it.each<[string, Record<string, string>, string]>([
      [
        'a publisher-id with a product id',
        { 'offer-id': `product/${GUID}` },
        'publisher-id is set (only api cpp takes that), while offer-id is a product id (product/<guid>) (only api product-ingestion takes that)'
      ],
      [
        "a CPP operation address with a configure job's offer",
        {
          'publisher-id': '',
          'offer-id': `product/${GUID}`,
          'operation-id': CPP_PATH
        },
        'operation-id is a CPP operation address (only api cpp takes that), while offer-id is a product id (product/<guid>) (only api product-ingestion takes that)'
      ],
      [
        "a publisher-id with a configure job's status address",
        {
          'operation-id': `https://graph.microsoft.com/rp/product-ingestion/configure/${GUID}/status`
        },
        "publisher-id is set (only api cpp takes that), while operation-id is a configure job's status address (only api product-ingestion takes that)"
      ]
    ])('refuses %s, saying which inputs point where and what to set', (_, inputs, said) => {
      expect(() => readApi(read(inputs))).toThrow(
        new InputError([
          `api is auto, but the inputs fit no one API: ${said}. Set api to cpp or product-ingestion, the API the offer is published with, and give only its inputs.`
        ])
      )
    })
  })

  describe('inputs that would reach a header, the log or a check run', () => {
    it.each(['tøken-with-latin-1-é-is-fine'])('accepts a Latin-1 token such as %s', (token) => {
      expect(readConfig(read({ token })).auth).toEqual({ kind: 'static', token })
    })

    it('accepts a token of Latin-1, which an HTTP header can carry', () => {
      expect(readConfig(read({ token: 'token-ÿ-é' })).auth).toEqual({
        kind: 'static',
        token: 'token-ÿ-é'
      })
    })

    it.each(['token-with-€', 'token-😀', 'токен', 'token-\u0100'])(
      'refuses a token an HTTP header cannot carry (%s), naming the input and never the value',
      (token) => {
        const [problem] = problems({ token })
        expect(problem).toMatch(/^token contains characters an HTTP header cannot carry/)
        expect(problem).not.toContain(token)
      }
    )

    it.each([
      ['ghs_with space', 'white space'],
      ['ghs_€uro', 'beyond Latin-1']
    ])('refuses a github-token %j that a header cannot carry, never quoting it', (token, why) => {
      const [problem] = problems({ 'check-name': 'Gate', 'github-token': token })
      expect(problem).toContain(why)
      expect(problem).not.toContain(token)
    })

    it('refuses a client-secret with control characters, never quoting it', () => {
      const found = problems({
        token: '',
        'client-id': '11111111-2222-3333-4444-555555555555',
        'tenant-id': '66666666-7777-8888-9999-000000000000',
        'client-secret': 'abc\u0007secret'
      })
      expect(found).toEqual([
        "client-secret contains control characters: expected the secret's Value, as Azure shows it."
      ])
    })

    it.each([
      ['wait-for', 'preview\n::error::injected'],
      ['wait-for', 'live\u2028::warning::x'],
      ['check-name', 'Gate\r\n::add-mask::x']
    ])('refuses %s with a line break: %j', (name, value) => {
      const [problem] = problems({ 'check-name': 'Gate', 'github-token': 'ghs_x', [name]: value })
      expect(problem).toMatch(
        new RegExp(`^${name} is ".*": expected .*, on one line without control characters\\.$`, 's')
      )
    })

    it.each(['wait-for', 'check-name'])('refuses a %s longer than 100 characters', (name) => {
      const [problem] = problems({
        'check-name': 'Gate',
        'github-token': 'ghs_x',
        [name]: 'x'.repeat(101)
      })
      expect(problem).toContain('at most 100 characters')
    })

    it.each(['http://[::1]:8080', 'https://[2001:db8::1]'])(
      'accepts an IPv6 base-url %s',
      (baseUrl) => {
        expect(() => readConfig(read({ 'base-url': baseUrl }))).not.toThrow()
      }
    )
  })

  it('says "Invalid input" for a single problem', () => {
    expect(() => readConfig(read({ summary: 'maybe' }))).toThrow(
      /^Invalid input: summary is "maybe"/
    )
  })
})
