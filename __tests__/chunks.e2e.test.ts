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
