// Which backends there are: the only file that names them. Adding an API is a folder under
// src/backends/ and one line here.

import type { Backend, ReadInput } from './backend.js'
import { cppBackend } from './cpp/index.js'
import { isOperationAddress } from './cpp/location.js'
import { isJobAddress, isProductId } from './product-ingestion/location.js'

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

/**
 * For `api: auto`: the inputs only one API takes, each said as the first log line says it. The
 * address checks are light (the Product Ingestion backend itself stays a chunk of its own).
 */
const SIGNS: Record<Api, (input: ReadInput) => string[]> = {
  cpp: (input) => [
    input('publisher-id') === '' ? '' : 'publisher-id is set',
    isOperationAddress(input('operation-id')) ? 'operation-id is a CPP operation address' : ''
  ],
  'product-ingestion': (input) => [
    isProductId(input('offer-id')) ? 'offer-id is a product id (product/<guid>)' : '',
    isJobAddress(input('operation-id')) ? "operation-id is a configure job's status address" : ''
  ]
}

/**
 * With no sign at all, `api: auto` means the Product Ingestion API: every offer not integrated
 * with the Cloud Partner Portal before the move to Partner Center is published through it.
 */
export const AUTO_DEFAULT = {
  api: 'product-ingestion',
  why: 'publisher-id is empty and operation-id is not a CPP operation address'
} as const satisfies { api: Api; why: string }

/** The APIs the inputs point at under `api: auto`, each with what in them points there. */
export function apiSigns(input: ReadInput): Array<{ api: Api; signs: string[] }> {
  return APIS.map((api) => ({ api, signs: SIGNS[api](input).filter(Boolean) })).filter(
    (found) => found.signs.length > 0
  )
}
