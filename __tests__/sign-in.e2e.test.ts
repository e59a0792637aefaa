// Waits longer than several token lifetimes against the simulator, signed in with a client secret
// and with GitHub OIDC (the simulator's fake issuer stands in for GitHub): the gate renews its
// tokens, and no 401 reaches the user.

import { afterEach, describe, expect, it } from '@jest/globals'
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_OIDC_REQUEST_TOKEN,
  DEFAULT_TENANT
} from '../simulator/azure-ad.ts'
import { API_VERSION, DEFAULT_TOKEN, startSimulator, type Simulator } from '../simulator/server.ts'
import { expectTokenHidden, runBundle } from './fixtures/bundle.js'

/** Tokens live 3 s; the publish reaches sign-off after 10 s: more than three lifetimes. */
const TOKEN_LIFETIME_SEC = 3
const SPEED = 1_320

let simulator: Simulator | undefined
/** The simulator's request log: a 401 would show here even when the gate recovers from it. */
let answered: string[] = []
afterEach(async () => {
  await simulator?.close()
  simulator = undefined
  answered = []
})

const log = (line: string): void => {
  answered.push(line)
}

async function publish(api: Simulator): Promise<string> {
  const response = await fetch(
    `${api.url}/api/publishers/contoso/offers/publish-success/publish?api-version=${API_VERSION}`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` }
    }
  )
  return response.headers.get('location') ?? ''
}

function gate(api: Simulator, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runBundle(
    {
      'publisher-id': 'contoso',
      'offer-id': 'publish-success',
      'base-url': api.url,
      'authority-host': api.url,
      'tenant-id': DEFAULT_TENANT,
      'client-id': DEFAULT_CLIENT_ID,
      'wait-for': 'preview',
      'poll-interval': '1s',
      timeout: '1m',
      ...inputs
    },
    undefined,
    env
  )
}

describe('signed in to Azure AD, the gate outlives its tokens', () => {
  it('with a client secret', async () => {
    simulator = await startSimulator({ speed: SPEED, tokenLifetimeSec: TOKEN_LIFETIME_SEC, log })
    const location = await publish(simulator)
    const started = Date.now()
    const run = await gate(simulator, {
      'operation-id': location,
      'client-secret': DEFAULT_CLIENT_SECRET
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('succeeded')
    expect(Date.now() - started).toBeGreaterThan(3 * TOKEN_LIFETIME_SEC * 1000)
    expect(simulator.tokensIssued()).toBeGreaterThanOrEqual(4)
    expect(run.stdout).toContain(
      `Signed in to Azure AD as application ${DEFAULT_CLIENT_ID} with a client secret`
    )
    // Renewed before expiry: CPP never had to refuse a token.
    expect(answered.filter((line) => line.includes(' → 401'))).toEqual([])
    expect(
      answered.filter((line) => line.includes('/api/publishers/')).length
    ).toBeGreaterThanOrEqual(10)
    expectTokenHidden(run, DEFAULT_CLIENT_SECRET)
    // Every access token the simulator issued was masked, and shows nowhere else.
    const accessTokens = [...run.stdout.matchAll(/^::add-mask::(sim-at-[^\n]+)$/gm)].map(
      (match) => match[1]
    )
    expect(accessTokens.length).toBe(simulator.tokensIssued())
    for (const token of accessTokens) {
      expectTokenHidden(
        { ...run, stdout: run.stdout.split(`::add-mask::${token}`).join('') },
        token
      )
    }
  }, 60_000)

  it('with GitHub OIDC, asking GitHub for a fresh ID token for every sign-in', async () => {
    simulator = await startSimulator({ speed: SPEED, tokenLifetimeSec: TOKEN_LIFETIME_SEC, log })
    const location = await publish(simulator)
    const run = await gate(
      simulator,
      { 'operation-id': location },
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${simulator.url}/oidc/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: DEFAULT_OIDC_REQUEST_TOKEN
      }
    )
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('succeeded')
    expect(simulator.tokensIssued()).toBeGreaterThanOrEqual(4)
    expect(run.stdout).toContain(
      `Signed in to Azure AD as application ${DEFAULT_CLIENT_ID} with GitHub OIDC`
    )
    // Renewed before expiry: CPP never had to refuse a token.
    expect(answered.filter((line) => line.includes(' → 401'))).toEqual([])
    expect(
      answered.filter((line) => line.includes('/api/publishers/')).length
    ).toBeGreaterThanOrEqual(10)
    // Every ID token was masked before use, and none shows anywhere else.
    const masked = [...run.stdout.matchAll(/^::add-mask::(ey[^\n]+)$/gm)].map((match) => match[1])
    expect(masked.length).toBeGreaterThanOrEqual(4)
    for (const idToken of masked)
      expectTokenHidden(
        { ...run, stdout: run.stdout.split(`::add-mask::${idToken}`).join('') },
        idToken
      )
  }, 60_000)

  it('names the AADSTS error and how to fix it when the secret is wrong', async () => {
    simulator = await startSimulator({ speed: SPEED })
    await publish(simulator)
    const run = await gate(simulator, { 'client-secret': 'not-the-secret' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'error', polls: '1' })
    expect(run.outputs.message).toBe(
      "Azure AD refused to sign in (invalid_client, AADSTS7000215): client-secret is wrong: use the secret's Value (shown once, when it is created), not its Secret ID."
    )
    expectTokenHidden(run, 'not-the-secret')
  }, 30_000)

  it('prints the OIDC claims to put in the federated credential when none matches', async () => {
    simulator = await startSimulator({
      speed: SPEED,
      oidcSubject: 'repo:contoso/marketplace-offer:pull_request'
    })
    await publish(simulator)
    const run = await gate(
      simulator,
      {},
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${simulator.url}/oidc/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: DEFAULT_OIDC_REQUEST_TOKEN
      }
    )
    expect(run.code).toBe(1)
    expect(run.outputs.message).toContain('AADSTS700213')
    expect(run.outputs.message).toContain(
      'subject "repo:contoso/marketplace-offer:pull_request", audience "api://AzureADTokenExchange", issuer "https://token.actions.githubusercontent.com"'
    )
  }, 30_000)
})
