// The bundle's stand-in for undici (src/net/undici-on-demand.ts): the real one, loaded when first
// needed, and every name the bundled packages take from undici provided.

import { describe, expect, it, jest } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import * as onDemand from '../../src/net/undici-on-demand.js'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))

/**
 * The names a module's code takes from `undici`, and whether it also uses undici in a way this
 * cannot read (a default or namespace import, a require kept whole or indexed, a subpath, which the
 * "paths" entry would not catch): then the check below fails rather than miss a name.
 */
function undiciUses(source: string): { names: string[]; unreadable: boolean } {
  let code = source
  const names = new Set<string>()
  const named = /import\s*\{([^}]*)\}\s*from\s*['"]undici['"]/g
  for (const [, list] of code.matchAll(named)) {
    for (const name of list.split(',')) names.add(name.trim().split(/\s+as\s+/)[0])
  }
  code = code.replace(named, '')
  let unreadable = false
  const required = /(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*['"]undici['"]\s*\)/g
  for (const [declaration, binding] of [...code.matchAll(required)]) {
    code = code.replace(declaration, '')
    // binding.Name, or const { Name } = binding; any other use of the binding is unreadable.
    const member = new RegExp(`\\b${binding}\\.(\\w+)`, 'g')
    const destructured = new RegExp(`\\{([^}]*)\\}\\s*=\\s*${binding}\\b`, 'g')
    for (const [, name] of code.matchAll(member)) names.add(name)
    for (const [, list] of code.matchAll(destructured)) {
      for (const name of list.split(',')) names.add(name.trim().split(/\s*:\s*/)[0])
    }
    code = code.replace(member, '').replace(destructured, '')
    unreadable ||= new RegExp(`\\b${binding}\\b`).test(code)
  }
  unreadable ||= /['"`]undici(\/[^'"`]*)?['"`]/.test(code)
  names.delete('')
  return { names: [...names].sort(), unreadable }
}

/** What every bundled module (undici's own and the stand-in aside) takes from undici, by source. */
function bundledUses(): Array<{ source: string; names: string[]; unreadable: boolean }> {
  const uses = []
  for (const file of readdirSync(DIST).filter((name) => name.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(`${DIST}${file}`, 'utf8')) as {
      sources: string[]
      sourcesContent: string[]
    }
    for (const [i, source] of map.sources.entries()) {
      if (source.includes('/node_modules/undici/') || source.endsWith('undici-on-demand.ts'))
        continue
      const use = undiciUses(map.sourcesContent[i])
      if (use.names.length > 0 || use.unreadable) uses.push({ source, ...use })
    }
  }
  return uses
}

describe('reading what a module takes from undici', () => {
  it.each([
    ["import { fetch, ProxyAgent as PA } from 'undici'", ['ProxyAgent', 'fetch']],
    ['const u = require("undici"); new u.ProxyAgent(); u.fetch(x)', ['ProxyAgent', 'fetch']],
    ['const u = require("undici"); const { Agent, fetch: f } = u', ['Agent', 'fetch']]
  ])('%s', (code, names) => {
    expect(undiciUses(code)).toEqual({ names, unreadable: false })
  })

  it.each([
    "import undici from 'undici'",
    "import * as undici from 'undici'",
    'const u = require("undici"); use(u)',
    'const u = require("undici"); u["Agent"]',
    'const u = require(`undici`)',
    'const m = __importStar(require("undici"))',
    "import { Agent } from 'undici/lib/dispatcher/agent.js'"
  ])('cannot read %s, and says so', (code) => {
    expect(undiciUses(code).unreadable).toBe(true)
  })
})

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
      // A copy of the module of its own, on which loadUndici() has not been called.
      let fresh: typeof onDemand | undefined
      await jest.isolateModulesAsync(async () => {
        fresh = await import('../../src/net/undici-on-demand.js')
      })
      expect(fresh).not.toBe(onDemand)
      const response = await fresh?.fetch(`http://127.0.0.1:${port}/`)
      expect(await response?.text()).toBe('from loopback')
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })

  it('provides every name the bundled packages take from undici', () => {
    const uses = bundledUses()
    // @actions/http-client (ours and @actions/github's copy) and @actions/github itself.
    expect(uses.length).toBeGreaterThanOrEqual(3)
    for (const { source, names, unreadable } of uses) {
      expect({ source, unreadable }).toEqual({ source, unreadable: false })
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
