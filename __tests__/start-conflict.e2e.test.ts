// `start` on Product Ingestion against the simulator, through dist/index.js: the conflict told by
// the job (the POST is accepted, and its configure job fails with only "An In Progress submission
// already exists" because another publish got in first), and a lost answer whose publish is
// queued but not listed yet. Each test counts the requests that started a publish.

import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_GRAPH_TOKEN, PI_PREFIX } from '../simulator/product-ingestion.ts'
import { startSimulator, type Simulator } from '../simulator/server.ts'
import { expectTokenHidden, runBundle } from './fixtures/bundle.js'

jest.setTimeout(60_000)

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const closers: Array<() => Promise<void>> = []
afterAll(async () => {
  await Promise.all(closers.map((close) => close()))
})

/** At 2000× a preview publish (a minute queued, three hours certified) takes about 5 s. */
async function simulator(speed = 2_000): Promise<Simulator> {
  const api = await startSimulator({ speed })
  closers.push(() => api.close())
  return api
}

async function pi(api: Simulator, offer: string, inputs: Record<string, string>) {
  const run = await runBundle({
    api: 'product-ingestion',
    'offer-id': offer,
    token: DEFAULT_GRAPH_TOKEN,
    'base-url': `${api.url}${PI_PREFIX}`,
    'poll-interval': '1s',
    timeout: '40s',
    start: 'preview',
    ...inputs
  })
  expectTokenHidden(run, DEFAULT_GRAPH_TOKEN)
  expect(run.summary).toContain(`Publish gate: ${offer}: ${run.outputs.result}`)
  return run
}

/** The job the log says was refused by its failure. */
function refusedJob(stdout: string): string {
  return /its job (\S+) failed because another publish is in progress/.exec(stdout)?.[1] ?? ''
}

describe('start with the Product Ingestion API: a conflict told by the job', () => {
  it.concurrent(
    'if-running: wait: two POSTs (the refused one, and one after the running publish ended), operation-id the second job, succeeded',
    async () => {
      const api = await simulator()
      api.nextStart('job-conflict')
      const run = await pi(api, 'preview-success', {})
      // The publish that got in first was started inside the simulator, not by a request.
      expect(api.startRequests()).toBe(2)
      expect(run.code).toBe(0)
      expect(run.outputs.result).toBe('succeeded')
      expect(run.outputs.started).toBe('true')
      const refused = refusedJob(run.stdout)
      expect(refused).toMatch(GUID)
      expect(run.outputs['operation-id']).toMatch(GUID)
      expect(run.outputs['operation-id']).not.toBe(refused)
      expect(run.stdout).toMatch(
        /Another publish of product\/\S+ is in progress: submission \S+ to preview \(/
      )
      expect(run.stdout).toMatch(/has ended: starting a publish to preview of this run\./)
      // The refused job is told as a refusal, not as this run's publish failing.
      expect(run.summary).toContain(
        `An earlier request of this run was refused: its job ${refused} failed because another publish was in progress (An In Progress submission already exists); it published nothing.`
      )
      expect(run.summary).not.toMatch(/❌/)
    }
  )

  it.concurrent(
    'if-running: fail: one POST, then an error naming the publish in progress',
    async () => {
      const api = await simulator()
      api.nextStart('job-conflict')
      const run = await pi(api, 'preview-success', { 'if-running': 'fail' })
      expect(api.startRequests()).toBe(1)
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('error')
      expect(run.outputs.started).toBe('false')
      expect(run.outputs.message).toMatch(
        /start: another publish of product\/\S+ is in progress: submission \S+ to preview \(/
      )
      expect(refusedJob(run.stdout)).toMatch(GUID)
    }
  )
})

describe('start with the Product Ingestion API: a lost answer, its publish not listed yet', () => {
  it.concurrent(
    'the connection reset after the POST was taken, the list lagging two reads: one POST, attached as this run’s, started true',
    async () => {
      // At 500× the publish takes about 22 s: still running when the third look-up finds it.
      const api = await simulator(500)
      api.nextStart('lost-answer')
      const run = await pi(api, 'listed-late', {})
      expect(api.startRequests()).toBe(1)
      expect(run.outputs.started).toBe('true')
      expect(run.outputs.result).toBe('succeeded')
      expect(run.outputs['waited-for']).toMatch(/^submission\//)
      expect(run.stdout).toContain('it is never sent again in this run')
      expect(run.stdout.match(/is not listed yet/g)).toHaveLength(2)
      expect(run.stdout).toContain('(its answer was lost): found submission')
    }
  )
})
