// Plain http:// is for loopback hosts only (base-url, authority-host, and the Product Ingestion
// poll minimum, which only a loopback base-url may go under), through dist/index.js: hosts that
// only look local are refused before any request. The bundle runs with every host name resolved
// to 127.0.0.1 (fixtures/resolve-to-loopback.mjs), so that a build which took them for loopback
// sends its secrets to a trap on this machine, not to the network.

import { afterEach, describe, expect, it } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import { runBundle, type BundleRun } from './fixtures/bundle.js'
import { cppRoute } from './fixtures/hostile-cpp.js'
import { serveScript, type ScriptServer } from './fixtures/script-server.js'

const TOKEN = 'loopback-rule-token-5Hd'
const CLIENT_SECRET = 'loopback-rule-client-secret-7Pw'
const LOOK_LOCAL = [
  '127.attacker.example',
  '127.0.0.1.nip.io',
  'localhost.example',
  '127.1.example'
]
const RESOLVE_TO_LOOPBACK = fileURLToPath(
  new URL('./fixtures/resolve-to-loopback.mjs', import.meta.url)
)

let trap: ScriptServer | undefined
afterEach(async () => {
  await trap?.close()
  trap = undefined
})

async function run(inputs: Record<string, string>): Promise<BundleRun> {
  return runBundle(
    inputs,
    (child) => {
      const backstop = setTimeout(() => child.kill('SIGKILL'), 30_000)
      child.once('exit', () => clearTimeout(backstop))
      return Promise.resolve()
    },
    {},
    ['--import', RESOLVE_TO_LOOPBACK]
  )
}

const port = (server: ScriptServer): string => new URL(server.origin).port

describe.each(LOOK_LOCAL)('%s, which only looks local', (host) => {
  it('is refused as an http:// base-url before any request', async () => {
    trap = await serveScript({}, cppRoute)
    const result = await run({
      'publisher-id': 'contoso',
      'offer-id': 'contoso-offer',
      'operation-id': '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
      token: TOKEN,
      'base-url': `http://${host}:${port(trap)}`
    })
    expect(trap.seen).toEqual([])
    expect(result.outputs).toMatchObject({ result: 'error', requests: '0' })
    expect(result.outputs.message).toContain(`base-url is "http://${host}:${port(trap)}"`)
  }, 40_000)

  it('is refused as an http:// authority-host before the client secret is sent', async () => {
    trap = await serveScript({}, cppRoute)
    const result = await run({
      'publisher-id': 'contoso',
      'offer-id': 'contoso-offer',
      'operation-id': '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
      'base-url': trap.origin,
      'authority-host': `http://${host}:${port(trap)}`,
      'tenant-id': '72f988bf-86f1-41af-91ab-2d7cd011db47',
      'client-id': '0b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
      'client-secret': CLIENT_SECRET
    })
    expect(trap.seen).toEqual([])
    expect(result.outputs).toMatchObject({ result: 'error', requests: '0' })
    expect(result.outputs.message).toContain('authority-host is')
  }, 40_000)

  it('does not lift the Product Ingestion poll minimum as an https:// base-url', async () => {
    trap = await serveScript({}, cppRoute)
    const result = await run({
      api: 'product-ingestion',
      'offer-id': 'contoso-saas',
      'operation-id': '4e5f6a7b-8c9d-4eae-bf01-23456789abcd',
      token: TOKEN,
      'base-url': `https://${host}:${port(trap)}/rp/product-ingestion`,
      'poll-interval': '1s',
      timeout: '3s'
    })
    expect(trap.seen).toEqual([])
    expect(result.outputs).toMatchObject({ result: 'error', requests: '0' })
    expect(result.outputs.message).toContain('poll-interval is "1s": expected at least 1m')
  }, 40_000)
})

it('localhost itself may still be an http:// base-url that polls faster', async () => {
  trap = await serveScript({}, cppRoute)
  const result = await run({
    api: 'product-ingestion',
    'offer-id': 'contoso-saas',
    'operation-id': '4e5f6a7b-8c9d-4eae-bf01-23456789abcd',
    token: TOKEN,
    'base-url': `http://localhost:${port(trap)}/rp/product-ingestion`,
    'poll-interval': '1s',
    mode: 'check'
  })
  expect(result.outputs.message).not.toContain('poll-interval')
  expect(trap.seen.length).toBeGreaterThan(0)
}, 40_000)
