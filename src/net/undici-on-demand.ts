// What the bundle has in place of `undici` (tsconfig.json "paths", which ncc applies to every
// import, the packages' included). @actions/http-client imports undici for a proxy dispatcher and
// @actions/github for its fetch, so every start-up used to evaluate it (about 35 ms on the bench's
// machine, more than the gate's own work), although only the check run uses it. Here it is a chunk
// of its own, loaded when the check run is set up or fetch is first called.

const load = () => import('undici/index.js')
type Undici = Awaited<ReturnType<typeof load>>

let undici: Undici | undefined

/** Loads undici; needed before a ProxyAgent can be made (fetch loads it by itself). */
export async function loadUndici(): Promise<Undici> {
  undici ??= await load()
  return undici
}

/** undici's ProxyAgent, which can be made once undici is loaded. */
export type ProxyAgent = InstanceType<Undici['ProxyAgent']>
export const ProxyAgent = class {
  constructor(...args: ConstructorParameters<Undici['ProxyAgent']>) {
    if (undici === undefined)
      throw new Error('undici is loaded on demand: await loadUndici() before a ProxyAgent is made.')
    // A constructor may hand back another object: the caller gets undici's own ProxyAgent.
    return new undici.ProxyAgent(...args)
  }
} as unknown as Undici['ProxyAgent']

export const fetch: Undici['fetch'] = async (...args) => (await loadUndici()).fetch(...args)
