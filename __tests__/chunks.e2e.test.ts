// The CPP backend comes with the gate's own chunk; every other one is a chunk of its own
// in dist/, loaded only when `api` names it: a CPP run never loads the Product Ingestion code.
// Checked on the shipped bundle, with a load hook that records every module file the run loads.

import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSimulator } from '../simulator/server.ts'
import { BUNDLE, readyPreviewInputs, runBundle } from './fixtures/bundle.js'
import { startFakeGitHub } from './fixtures/fake-github.js'
import { runnerFiles } from './fixtures/runner.js'

const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
const HOOK = fileURLToPath(new URL('./fixtures/loaded-modules.mjs', import.meta.url))

/** The chunk file whose code holds `marker`; exactly one must. */
function chunkWith(marker: string): string {
  const found = readdirSync(DIST).filter(
    (file) =>
      /^\d+\.index\.js$/.test(file) && readFileSync(join(DIST, file), 'utf8').includes(marker)
  )
  expect(found).toHaveLength(1)
  return found[0]
}

/** Runs the bundle with these inputs and returns the dist/ files it loaded. */
async function loadedBy(inputs: Record<string, string>): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'chunks-'))
  const record = join(folder, 'loaded')
  const files = runnerFiles(inputs)
  try {
    const child = spawn(process.execPath, ['--import', HOOK, join(DIST, 'index.js')], {
      env: { PATH: process.env.PATH ?? '', LOADED_MODULES_FILE: record, ...files.env },
      stdio: 'ignore'
    })
    const [code] = (await once(child, 'exit')) as [number | null]
    // An input error: the run ends right after loading its backend, with no request sent.
    expect(code).toBe(1)
    expect(files.outputs()).toMatchObject({ result: 'error', requests: '0' })
    return readFileSync(record, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:') && url.includes('/dist/'))
      .map((url) => basename(fileURLToPath(url)))
  } finally {
    files.remove()
    rmSync(folder, { recursive: true, force: true })
  }
}

describe('the backends in dist/', () => {
  const productIngestion = chunkWith('class ProductIngestionWatcher')
  const cpp = chunkWith('class CppWatcher')
  const gate = chunkWith('class ApiClient')

  it('keeps CPP in the gate’s chunk and Product Ingestion in its own, neither in index.js', () => {
    expect(cpp).toBe(gate)
    expect(productIngestion).not.toBe(gate)
    const index = readFileSync(join(DIST, 'index.js'), 'utf8')
    expect(index).not.toContain('ProductIngestionWatcher')
    expect(index).not.toContain('CppWatcher')
  })

  // Wrong inputs stop the run right after its backend is loaded, before any request.
  it('loads only the CPP backend for api cpp', async () => {
    const loaded = await loadedBy({ api: 'cpp', 'offer-id': 'contoso-offer', token: 't' })
    expect(loaded).toContain(cpp)
    expect(loaded).not.toContain(productIngestion)
  }, 20_000)

  it('loads the Product Ingestion backend, with the gate, for api product-ingestion', async () => {
    const loaded = await loadedBy({
      api: 'product-ingestion',
      'offer-id': 'x',
      'operation-id': 'not-a-job-id',
      token: 't'
    })
    expect(loaded).toContain(productIngestion)
    expect(loaded).toContain(gate)
  }, 20_000)
})

const UNDICI = 'class ProxyAgent extends DispatcherBase'
const HTTP_CLIENT = 'class HttpClient'

/**
 * A whole run on the simulator, to its verdict; whether a module file it loaded holds undici or
 * @actions/http-client (read from the files themselves, so that it holds for any build the run was
 * given), and the built-in modules it asked for.
 */
async function wholeRun(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'chunks-'))
  const record = join(folder, 'loaded')
  const simulator = await startSimulator({ speed: 1e9 })
  try {
    const run = await runBundle(
      {
        ...(await readyPreviewInputs(simulator)),
        ...inputs
      },
      undefined,
      { LOADED_MODULES_FILE: record, ...env },
      ['--import', HOOK]
    )
    expect(run.outputs.result).toBe('succeeded')
    const urls = readFileSync(record, 'utf8').split('\n')
    const loaded = urls.filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url))
    expect(loaded).toContain(BUNDLE)
    const holding = (marker: string): boolean =>
      loaded.some((file) => readFileSync(file, 'utf8').includes(marker))
    return {
      run,
      undici: holding(UNDICI),
      httpClient: holding(HTTP_CLIENT),
      builtins: new Set(urls.filter((url) => url.startsWith('node:')))
    }
  } finally {
    await simulator.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

// undici (@actions/github's fetch, @actions/http-client's proxy dispatcher) is a chunk of its own
// (src/net/undici-on-demand.ts): evaluated at every start-up it cost more than the gate's own work.
describe('undici in dist/', () => {
  it('is not loaded by a run without a check run', async () => {
    const { undici } = await wholeRun({})
    expect(undici).toBe(false)
  }, 20_000)

  it('is loaded for a check run', async () => {
    const github = await startFakeGitHub('ghs_chunks')
    try {
      const { run, undici } = await wholeRun(
        { 'check-name': 'Marketplace certification', 'github-token': 'ghs_chunks' },
        {
          GITHUB_API_URL: github.url,
          GITHUB_REPOSITORY: 'contoso/offer',
          GITHUB_SHA: 'a'.repeat(40)
        }
      )
      expect(run.outputs['check-run-id']).toBe('1000')
      expect(undici).toBe(true)
    } finally {
      await github.close()
    }
  }, 20_000)
})

// The gate speaks the runner's protocol itself (src/report/workflow-commands.ts) and loads
// @actions/http-client only for a proxy: a plain run asks for none of what @actions/core's module
// graph would bring at start-up.
describe('what a plain run asks for', () => {
  it('neither @actions/http-client nor node:child_process, node:assert or node:util', async () => {
    const { httpClient, builtins } = await wholeRun({})
    expect(httpClient).toBe(false)
    for (const name of ['node:child_process', 'node:assert', 'node:util']) {
      expect(builtins).not.toContain(name)
    }
    // The hook sees what the bundle asks for: it would see these.
    expect(builtins).toContain('node:https')
  }, 20_000)
})
