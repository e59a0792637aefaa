// The bundle's stand-in for undici (src/net/undici-on-demand.ts): the real one, loaded when first
// needed, and every name the bundled packages take from undici provided.

import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import * as onDemand from '../../src/net/undici-on-demand.js'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))

/**
 * Every name a bundled file (other than undici's own) takes from `undici`, by file: read from the
 * source maps' sources, so that a dependency update that starts using another name is caught.
 */
function namesTakenFromUndici(): Map<string, Set<string>> {
  const taken = new Map<string, Set<string>>()
  for (const file of readdirSync(DIST).filter((name) => name.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(`${DIST}${file}`, 'utf8')) as {
      sources: string[]
      sourcesContent: string[]
    }
    map.sources.forEach((source, i) => {
      if (source.includes('/node_modules/undici/')) return
      const code = map.sourcesContent[i]
      const names = new Set<string>()
      for (const [, list] of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]undici['"]/g)) {
        for (const name of list.split(',')) names.add(name.trim().split(/\s+as\s+/)[0])
      }
      for (const [, binding] of code.matchAll(/(\w+)\s*=\s*require\(\s*['"]undici['"]\s*\)/g)) {
        for (const [, name] of code.matchAll(new RegExp(`\\b${binding}\\.(\\w+)`, 'g'))) {
          names.add(name)
        }
      }
      // Anything else (a default or namespace import, a require passed along) cannot be checked.
      const other = code
        .replace(/import\s*\{[^}]*\}\s*from\s*['"]undici['"]/g, '')
        .replace(/\w+\s*=\s*require\(\s*['"]undici['"]\s*\)/g, '')
      expect({ source, other: /['"]undici['"]/.test(other) }).toEqual({ source, other: false })
      if (names.size > 0) taken.set(source, names)
    })
  }
  return taken
}

describe('undici on demand', () => {
  // First: nothing in this file has loaded undici yet.
  it('refuses to make a ProxyAgent before undici is loaded, saying what to do', () => {
    expect(() => new onDemand.ProxyAgent('http://127.0.0.1:9')).toThrow(
      'undici is loaded on demand: await loadUndici() before a ProxyAgent is made.'
    )
  })

  it('makes undici’s own ProxyAgent once it is loaded', async () => {
    const { ProxyAgent } = await import('undici/index.js')
    await onDemand.loadUndici()
    const agent = new onDemand.ProxyAgent('http://127.0.0.1:9')
    expect(agent).toBeInstanceOf(ProxyAgent)
    await agent.close()
  })

  it('fetches with undici, loading it itself', async () => {
    const server = createServer((_request, response) => response.end('from loopback'))
    server.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const response = await onDemand.fetch(`http://127.0.0.1:${port}/`)
      expect(await response.text()).toBe('from loopback')
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })

  it('provides every name the bundled packages take from undici', () => {
    const taken = namesTakenFromUndici()
    // @actions/http-client (ours and @actions/github's copy) and @actions/github itself.
    expect(taken.size).toBeGreaterThanOrEqual(3)
    for (const [source, names] of taken) {
      for (const name of names) {
        expect({ source, name, provided: name in onDemand }).toEqual({
          source,
          name,
          provided: true
        })
      }
    }
  })
})
