// No secret of the run comes back out of the gate, whatever a server echoes: dist/index.js, run as
// a runner runs it, against loopback servers that echo the token each request carried (the static
// token, Azure AD access tokens, the client secret and the GitHub OIDC ID token in Azure AD's
// form, the runner's request token at the OIDC service, the GitHub token at the Checks API) in
// every encoding the gate promises to hide (fixtures/hostile.ts secretForms: as is, JSON escapes,
// HTML entities, percent- and form-encoding, base64 of it and of "Bearer <it>"; split by markup),
// through every path of every backend (fixtures/hostile-backends.ts). Searched, directly and
// decoded, in stdout (but for the ::add-mask:: lines the runner consumes), stderr, every output,
// the summary and every body sent to the Checks API.

import { describe, expect, it } from '@jest/globals'
import { playAllFirst, runBundle, type BundleRun } from './fixtures/bundle.js'
import {
  HOSTILE_BACKENDS,
  type EchoScenario,
  type HostileBackend
} from './fixtures/hostile-backends.js'
import {
  bearerOf,
  decodeCommandData,
  echoing,
  formFieldOf,
  secretTraces
} from './fixtures/hostile.js'
import { json, serveScript, type Reply, type Script, type Seen } from './fixtures/script-server.js'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT_ID = '0b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9'
const GITHUB_TOKEN = 'ghs_echoGitHubToken0123456789'
const OIDC_REQUEST_TOKEN = 'oidc/Req+&"é1'

/** Secrets with the characters every encoding treats specially (Latin-1 only: headers carry them). */
const STATIC_TOKEN = 'st4tic/Tok+en&"é=x'
const CLIENT_SECRET = 'cl1ent~Secret/+&"é.'

let issuedCount = 0
/** Azure AD access tokens, each new: they live 2 s, so a run renews them several times. */
const issueAccessToken = (): Reply =>
  json({ access_token: `acc3ss/Tok+${++issuedCount}&"é`, expires_in: 2, token_type: 'Bearer' })
/** GitHub OIDC ID tokens, each new; short, so that every form of one fits in a few answers. */
const issueIdToken = (): Reply => json({ value: `eyJ0.eyJ${++issuedCount}.c2ln` })

/** Azure AD that first echoes, in its error description, every form of a field it was sent. */
const echoingAzureAd = (field: string) =>
  echoing(
    formFieldOf(field),
    (text) =>
      json({ error: 'temporarily_unavailable', error_description: `Echo ${text}` }, 503, {
        'retry-after': '1'
      }),
    () => issueAccessToken()
  )

/** How the gate signs in, and what its sign-in servers echo (in the first scenario of each). */
interface Credential {
  name: string
  inputs: Record<string, string>
  env: (origin: string) => Record<string, string>
  signIn: (echo: boolean) => Script
}

const CREDENTIALS: Credential[] = [
  {
    name: 'the static token',
    inputs: { token: STATIC_TOKEN },
    env: () => ({}),
    signIn: () => ({})
  },
  {
    name: 'a client secret and the access tokens it gets',
    inputs: { 'tenant-id': TENANT, 'client-id': CLIENT_ID, 'client-secret': CLIENT_SECRET },
    env: () => ({}),
    signIn: (echo) => ({ 'azure-ad': [echo ? echoingAzureAd('client_secret') : issueAccessToken] })
  },
  {
    name: 'GitHub OIDC: the ID tokens, the request token and the access tokens',
    inputs: { 'tenant-id': TENANT, 'client-id': CLIENT_ID },
    env: (origin) => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: `${origin}/oidc?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: OIDC_REQUEST_TOKEN
    }),
    signIn: (echo) => ({
      oidc: [
        echo
          ? echoing(
              (request: Seen) =>
                String(request.headers.authorization ?? '').replace(/^Bearer /, ''),
              (text) => ({ status: 500, text: `Echo ${text}` }),
              () => issueIdToken()
            )
          : issueIdToken
      ],
      'azure-ad': [echo ? echoingAzureAd('client_assertion') : issueAccessToken]
    })
  }
]

interface Case {
  backend: HostileBackend
  scenario: EchoScenario
  credential: Credential
  /** The first scenario of a backend also has the sign-in servers echo. */
  signInEchoes: boolean
}

interface Ran {
  run: BundleRun
  /** Every secret of the run: the inputs', the runner's request token, and every token issued. */
  secrets: string[]
  /** Bodies of the requests to the Checks API. */
  checkRunBodies: string[]
  /** Requests that carried a secret to the API, so that each scenario is known to echo something. */
  echoedRequests: number
  /**
   * The tokens the API received: each must be a secret of the run as the gate knows it, or what
   * the server echoes would be a form of it that no check here looks for.
   */
  apiTokens: string[]
}

const ALL: Case[] = HOSTILE_BACKENDS.flatMap((backend) =>
  CREDENTIALS.flatMap((credential) =>
    backend.echoes.map((scenario, i) => ({ backend, scenario, credential, signInEchoes: i === 0 }))
  )
)

async function play({ backend, scenario, credential, signInEchoes }: Case): Promise<Ran> {
  const script = { ...credential.signIn(signInEchoes), ...scenario.script() }
  const server = await serveScript(script, backend.route)
  try {
    const inputs = {
      ...backend.inputs(server.origin),
      // The credential's own way of signing in replaces the backend's token.
      token: '',
      ...credential.inputs,
      'max-consecutive-errors': '30',
      // Every form of an ID token, echoed a few at a time by an OIDC service whose 5xx the gate
      // backs off from, takes half a minute before the API is reached.
      timeout: '60s',
      'check-name': 'Publish gate',
      'github-token': GITHUB_TOKEN,
      ...scenario.inputs
    }
    const run = await runBundle(
      inputs,
      async (child) => {
        const backstop = setTimeout(() => child.kill('SIGKILL'), 75_000)
        child.once('exit', () => clearTimeout(backstop))
        return Promise.resolve()
      },
      {
        ...credential.env(server.origin),
        GITHUB_API_URL: server.origin,
        GITHUB_REPOSITORY: 'contoso/offer',
        GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
      }
    )
    const secrets = [
      credential.inputs.token ?? '',
      credential.inputs['client-secret'] ?? '',
      credential.env(server.origin).ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '',
      GITHUB_TOKEN,
      ...server.issued
    ].filter(Boolean)
    return {
      run,
      secrets,
      checkRunBodies: server.of('github').map((request) => request.body),
      echoedRequests: server.seen.filter((request) => request.route !== 'github').length,
      apiTokens: server.seen
        .filter((request) => !['github', 'oidc', 'azure-ad'].includes(request.route))
        .map(bearerOf)
    }
  } finally {
    await server.close()
  }
}

/** Every place a secret must not show, by name. */
function sinks({ run, checkRunBodies }: Ran): Array<[string, string]> {
  const log = run.stdout
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  return [
    ['stdout', log],
    // Command messages are %-escaped: the runner shows them decoded.
    ['stdout, decoded as the runner does', decodeCommandData(log)],
    ['stderr', run.stderr],
    ...Object.entries(run.outputs).map(([name, value]): [string, string] => [
      `output ${name}`,
      value
    ]),
    ['summary', run.summary],
    ...checkRunBodies.map((body, i): [string, string] => [`Checks API request ${i + 1}`, body])
  ]
}

/** Bundles run at once, and a backstop for all of them together (not a promise of the gate). */
const PARALLEL = 4
const RUNS_MS = 180_000

const runs = playAllFirst(ALL, play, PARALLEL, RUNS_MS)

describe.each(HOSTILE_BACKENDS.map((backend) => [backend.name, backend] as const))(
  '%s: secrets echoed in every encoding',
  (_name, backend) => {
    describe.each(CREDENTIALS.map((credential) => [credential.name, credential] as const))(
      'signed in with %s',
      (_credential, credential) => {
        it.each(
          ALL.filter((each) => each.backend === backend && each.credential === credential).map(
            (each) => [each.scenario.name, each] as const
          )
        )(
          '%s',
          async (_scenario, each) => {
            const ran = await runs(each)
            expect(ran.run.signal).toBeNull()
            expect(ran.run.outputs.result).toMatch(/^(failed|error)$/)
            expect(ran.echoedRequests).toBeGreaterThan(0)
            expect(ran.apiTokens.filter((token) => !ran.secrets.includes(token))).toEqual([])
            const found = sinks(ran).flatMap(([sink, text]) =>
              ran.secrets.flatMap((secret) =>
                secretTraces(text, secret).map((form) => `${sink}: ${secret} (${form})`)
              )
            )
            expect(found).toEqual([])
          },
          RUNS_MS
        )
      }
    )
  }
)
