// A token endpoint (or a proxy before it) that echoes the request must not make the gate quote the
// client secret or the GitHub ID token: error text reaches outputs, the summary and check runs.

import { describe, expect, it } from '@jest/globals'
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { azureAdToken, type AzureAdDeps } from '../../src/auth/azure-ad.js'
import { AuthError } from '../../src/net/token-source.js'
import { within } from '../fixtures/budget.js'
import { CPP_AUDIENCE } from '../fixtures/cpp.js'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT_ID = '0b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9'
const AUDIENCE = 'api://AzureADTokenExchange'
const ID_TOKEN =
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmNvbnRvc28vb2ZmZXI6cmVmOnJlZnMvaGVhZHMvbWFpbiJ9.c2ln+/='

const deps: AzureAdDeps = {
  now: () => Date.UTC(2026, 0, 1),
  mask: () => undefined,
  getIDToken: () => Promise.resolve(ID_TOKEN),
  info: () => undefined,
  debug: () => undefined
}

async function failure(promise: Promise<string>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason
  )
  if (!(error instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(error)}`)
  return error
}

describe('azureAdToken never quotes what it sent', () => {
  it.each(['secret', 'oidc'] as const)(
    'hides the %s form fields when the token endpoint echoes the request',
    async (kind) => {
      // A real server on loopback: it answers 400 with the form it was sent, as a buggy proxy might.
      let sent = ''
      const server = createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on('data', (chunk: Buffer) => chunks.push(chunk))
        req.on('end', () => {
          sent = Buffer.concat(chunks).toString('utf8')
          const form = new URLSearchParams(sent)
          const values = [form.get('client_secret'), form.get('client_assertion')].filter(
            (v): v is string => v !== null
          )
          res.writeHead(400, { 'content-type': 'text/plain' })
          res.end(
            `Bad request: ${sent} | ${values.join(' ')} | ${values.map(encodeURIComponent).join(' ')}`
          )
        })
      })
      server.listen(0, '127.0.0.1')
      await once(server, 'listening')
      const authorityHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const secret = 'p@ss w/rd+&=SECRET'
      try {
        const tokens =
          kind === 'secret'
            ? azureAdToken(
                {
                  kind,
                  tenantId: TENANT,
                  clientId: CLIENT_ID,
                  clientSecret: secret,
                  authorityHost
                },
                CPP_AUDIENCE,
                deps
              )
            : azureAdToken(
                { kind, tenantId: TENANT, clientId: CLIENT_ID, audience: AUDIENCE, authorityHost },
                CPP_AUDIENCE,
                deps
              )
        const error = await failure(tokens.token(within()))
        const fields = new URLSearchParams(sent)
        const values = [fields.get('client_secret'), fields.get('client_assertion')].filter(
          (v): v is string => v !== null
        )
        expect(values).toHaveLength(1)
        for (const value of values) {
          for (const shown of [
            value,
            encodeURIComponent(value),
            new URLSearchParams({ s: value }).toString().slice(2)
          ]) {
            expect(error.message).not.toContain(shown)
          }
        }
        expect(error.message).toContain('***')
      } finally {
        server.close()
      }
    }
  )
})
