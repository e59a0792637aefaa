// Secrets in the forms the first round of hardening left open, and the budgets a hostile answer
// must stay within, through dist/index.js run as a runner runs it: a sign-in endpoint that echoes
// the request form as base64 (or the client secret split by an invisible character or <br>, or
// percent-encoded twice); 10 MB answers dense with encodings around a 2,000-character token; and
// outputs that would pass GitHub's limit (an error tree of lone surrogates). Each test fails on a
// build without the defence (GATE_BUNDLE=<an older dist/index.js> npm run test:e2e -- hostile-secrets).

import { afterEach, describe, expect, it } from '@jest/globals'
import { LONG_TOKEN } from '../bench/hostile-body.ts'
import { OUTPUTS_MAX_BYTES } from '../src/constants.js'
import { runBundle, type BundleRun } from './fixtures/bundle.js'
import { cppRoute } from './fixtures/hostile-cpp.js'
import { productIngestionRoute } from './fixtures/hostile-product-ingestion.js'
import { decodeCommandData, formEncodedOf, secretTraces } from './fixtures/hostile.js'
import { json, serveScript, type ScriptServer, type Seen } from './fixtures/script-server.js'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT_ID = '0b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9'
/** As Azure AD makes them: 40 characters with ~, ., - and _. */
const CLIENT_SECRET = 'Qx8~Fz.Lk_3Rw-9pT2vY~mN7cB.4hJ6sD1gK0aE'
const GITHUB_TOKEN = 'ghs_hostileSecretsGitHubToken01'
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const GUID = '3f2e1d0c-9b8a-4765-8432-10fedcba9876'
const PRODUCT = 'product/7d3c2b1a-0f9e-4d8c-b7a6-958473625140'

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function serve(
  script: Parameters<typeof serveScript>[0],
  route = cppRoute
): Promise<ScriptServer> {
  const server = await serveScript(script, route)
  closers.push(server.close)
  return server
}

function gate(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  backstopMs = 30_000
): Promise<BundleRun> {
  return runBundle(
    inputs,
    (child) => {
      const backstop = setTimeout(() => child.kill('SIGKILL'), backstopMs)
      child.once('exit', () => clearTimeout(backstop))
      return Promise.resolve()
    },
    env
  )
}

/** Every place a secret must not show: the log as the runner reads it, stderr, outputs, summary, check run. */
function traces(run: BundleRun, checkRun: Seen[], secret: string): string[] {
  const log = run.stdout
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  const sinks: Array<[string, string]> = [
    ['stdout', log],
    ['stdout, decoded as the runner does', decodeCommandData(log)],
    ['stderr', run.stderr],
    ...Object.entries(run.outputs).map(([name, value]): [string, string] => [
      `output ${name}`,
      value
    ]),
    ['summary', run.summary],
    ...checkRun.map((request, i): [string, string] => [`Checks API request ${i + 1}`, request.body])
  ]
  return sinks.flatMap(([sink, text]) =>
    secretTraces(text, secret).map((form) => `${sink}: ${form}`)
  )
}

/** Splits the text in two with `by`. */
const split = (text: string, by: string): string =>
  `${text.slice(0, text.length / 2)}${by}${text.slice(text.length / 2)}`

/** The form's fields as sent, the client secret first: the message quotes 300 characters. */
const secretFirst = (form: string): string =>
  form
    .split('&')
    .sort((a, b) => Number(b.startsWith('client_secret=')) - Number(a.startsWith('client_secret=')))
    .join('&')

describe('a sign-in endpoint that echoes the client secret', () => {
  it.each<[string, (form: string) => string]>([
    ['the request form as base64', (form) => Buffer.from(form).toString('base64')],
    ['the request form as base64url', (form) => Buffer.from(form).toString('base64url')],
    [
      'the request form as base64, a <br> every 16 characters (the message keeps one line)',
      (form) =>
        (
          Buffer.from(form)
            .toString('base64')
            .match(/.{1,16}/g) ?? []
        ).join('<br>')
    ],
    ['the secret split by &#8203;', () => split(CLIENT_SECRET, '&#8203;')],
    ['the secret split by U+2060', () => split(CLIENT_SECRET, '\u2060')],
    ['the secret split by a soft hyphen', () => split(CLIENT_SECRET, '&shy;')],
    ['the secret split by <br>', () => split(CLIENT_SECRET, '<br>')],
    [
      'the secret form-encoded, then percent-encoded again',
      () => encodeURIComponent(formEncodedOf(CLIENT_SECRET).replaceAll('~', '%7E'))
    ]
  ])(
    '%s: in no output, summary, log line, stderr or check run',
    async (_what, echo) => {
      const api = await serve({
        'azure-ad': [
          (request) =>
            json(
              {
                error: 'invalid_request',
                error_description: `AADSTS90014: The request body must be a valid form, got ${echo(secretFirst(request.body))}`
              },
              401
            )
        ]
      })
      const run = await gate(
        {
          'publisher-id': 'contoso',
          'offer-id': 'contoso-offer',
          'operation-id': GUID,
          'base-url': api.origin,
          'authority-host': api.origin,
          'tenant-id': TENANT,
          'client-id': CLIENT_ID,
          'client-secret': CLIENT_SECRET,
          'check-name': 'Publish gate',
          'github-token': GITHUB_TOKEN
        },
        { GITHUB_API_URL: api.origin, GITHUB_REPOSITORY: 'contoso/offer', GITHUB_SHA: SHA }
      )
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.message).toContain(
        'AADSTS90014: The request body must be a valid form, got '
      )
      expect(api.of('azure-ad')[0].body).toContain('client_secret=')
      expect(api.of('github').length).toBeGreaterThan(0)
      expect(traces(run, api.of('github'), CLIENT_SECRET)).toEqual([])
    },
    40_000
  )
})

/** A body of about 10 MB: a message of `filler`, the token in each form at its start, middle and end. */
function denseBody(filler: string, token: string): string {
  const forms = [
    token,
    Buffer.from(`k${LONG_TOKEN}`).toString('base64'),
    split(LONG_TOKEN, '&#8203;'),
    split(LONG_TOKEN, '<br>')
  ].join(' ')
  const head = '{"status":"running","steps":[],"messages":[{"level":"error","messageHtml":"'
  const tail = '"}]}'
  const room = 10_400_000 - head.length - tail.length - 3 * forms.length
  const half = filler.repeat(Math.floor(room / filler.length / 2))
  return `${head}${forms}${half}${forms}${half}${forms}${tail}`
}

const hex = (char: string): string => char.charCodeAt(0).toString(16).padStart(4, '0')

describe('a 10 MB answer dense with encodings around a 2,000-character token', () => {
  it.each([
    ['entities (&#65;)', '&#65;', [...LONG_TOKEN].map((c) => `&#${c.charCodeAt(0)};`).join('')],
    ['percent-encoding (%41)', '%41', encodeURIComponent(LONG_TOKEN)],
    ['JSON escapes (\\u0041)', '\\u0041', [...LONG_TOKEN].map((c) => `\\u${hex(c)}`).join('')],
    [
      'named entities (&amp;)',
      '&amp;',
      LONG_TOKEN.replaceAll('/', '&sol;').replaceAll('+', '&plus;')
    ],
    ['every encoding mixed', '&#65;%41\\u0041&amp;', encodeURIComponent(LONG_TOKEN)]
  ])(
    '%s: read, reported, and the token in no form anywhere',
    async (_what, filler, token) => {
      const text = denseBody(filler, token)
      expect(text.length).toBeGreaterThan(9_900_000)
      expect(text.length).toBeLessThan(10 * 1024 * 1024)
      const api = await serve({ cpp: [{ text, headers: { 'content-type': 'application/json' } }] })
      const run = await gate(
        {
          'publisher-id': 'contoso',
          'offer-id': 'contoso-offer',
          'operation-id': GUID,
          token: LONG_TOKEN,
          'base-url': api.origin,
          mode: 'check'
        },
        {},
        60_000
      )
      expect(run.signal).toBeNull()
      expect(run.outputs.result).toBe('pending')
      expect(run.summary).toContain('***')
      expect(traces(run, [], LONG_TOKEN)).toEqual([])
    },
    70_000
  )
})

describe('outputs within GitHub’s limit', () => {
  it('an error tree of lone surrogates (1.4 MB as escaped JSON) is cut to fit, as valid JSON', async () => {
    const lone = (n: number): string => '\ud800'.repeat(n)
    const errors = Array.from({ length: 10 }, (_, i) => ({
      code: `${lone(150)}${i}`,
      message: lone(2_000),
      resourceId: lone(150),
      details: Array.from({ length: 9 }, (_, j) => ({
        code: `${lone(150)}${i}.${j}`,
        message: lone(2_000),
        resourceId: lone(150),
        details: []
      }))
    }))
    const job = {
      jobId: '4e5f6a7b-8c9d-4eae-bf01-23456789abcd',
      jobStatus: 'completed',
      jobResult: 'failed',
      jobStart: '2031-03-01T08:00:00Z',
      jobEnd: '2031-03-01T09:00:00Z',
      errors
    }
    const api = await serve(
      {
        product: [json({ value: [{ id: PRODUCT, identity: { externalId: 'contoso-saas' } }] })],
        status: [json(job)],
        configure: [json({ resources: [] })],
        submissions: [json({ value: [] })]
      },
      productIngestionRoute
    )
    const run = await gate({
      api: 'product-ingestion',
      'offer-id': 'contoso-saas',
      'operation-id': '4e5f6a7b-8c9d-4eae-bf01-23456789abcd',
      token: 'pi-outputs-budget-token-1',
      'base-url': `${api.origin}/rp/product-ingestion`,
      'poll-interval': '1s'
    })
    expect([run.outputs.result, run.outputs.message]).toEqual(['failed', expect.any(String)])
    const total = Object.entries(run.outputs).reduce(
      (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value),
      0
    )
    expect(total).toBeLessThanOrEqual(OUTPUTS_MAX_BYTES)
    const written = JSON.parse(run.outputs.errors) as unknown[]
    expect(written.length).toBeGreaterThan(0)
    expect(run.outputs.errors).not.toContain('\\ud800')
    for (const name of ['steps', 'preview-links', 'live-links']) {
      expect(() => JSON.parse(run.outputs[name]) as unknown).not.toThrow()
    }
  }, 40_000)
})
