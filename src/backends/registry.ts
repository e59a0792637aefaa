// Which backends there are: the only file that names them. Adding an API is a folder under
// src/backends/ and one line here.

import type { Backend } from './backend.js'
import { cppBackend } from './cpp/index.js'

/**
 * The default backend comes with the gate itself; every other one is loaded only when `api`
 * names it, a chunk of its own in dist/.
 */
const REGISTRY = {
  cpp: () => Promise.resolve(cppBackend),
  'product-ingestion': async () =>
    (await import('./product-ingestion/index.js')).productIngestionBackend
} satisfies Record<string, () => Promise<Backend>>

export type Api = keyof typeof REGISTRY
export const APIS = Object.keys(REGISTRY) as Api[]

export function isApi(name: string): name is Api {
  return Object.hasOwn(REGISTRY, name)
}

export function loadBackend(api: Api): Promise<Backend> {
  return REGISTRY[api]()
}
