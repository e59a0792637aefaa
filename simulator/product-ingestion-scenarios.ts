// The Product Ingestion simulator's named scenarios: how a product's configure jobs end, how the
// API spells things for it (its documentation varies like this), and which faults it injects.
// Durations are simulated seconds; `--speed` compresses them, as for CPP.

export const PI_SCENARIOS = [
  'preview-success',
  'certification-failed',
  'cancelled',
  'live-success',
  'flaky',
  'deprecated-version',
  'product-not-found'
] as const

export type PiScenarioName = (typeof PI_SCENARIOS)[number]

export function isPiScenario(name: string): name is PiScenarioName {
  return (PI_SCENARIOS as readonly string[]).includes(name)
}

/** How one scenario's answers spell the job and its submissions. */
export interface PiSpellings {
  notStarted: string
  running: string
  completed: string
  pending: string
  /** What a running job's result says: `pending`, or `Running` as one private-offer table has it. */
  runningResult: string
  succeeded: string
  failed: string
  /** The job's word for cancelled, and the submission's. */
  jobCancelled: string
  submissionCancelled: string
  /** `jobId` in the samples, `jobID` in the 2023 page's. */
  jobIdKey: 'jobId' | 'jobID'
  /** `0001-01-01T00:00:00` or `0001-01-01`. */
  sentinel: string
}

export interface PiScenario {
  name: PiScenarioName
  /** Simulated seconds a job waits before it runs, then runs: certification for a preview. */
  queued: number
  preview: number
  live: number
  /** How a job of this product ends; `cancelled` at `cancelAt` of its run. */
  ends: 'succeeded' | 'failed' | 'cancelled'
  cancelAt: number
  spellings: PiSpellings
  /** The status as a one-element array, and the submissions as a bare array. */
  arrayStatus: boolean
  bareSubmissions: boolean
  /** A preview ready for go-live before any job of the run: a live publish can start at once. */
  readyPreview: boolean
  /** Faults on GET status: 500, a 503 HTML page, a dropped connection. */
  flaky: boolean
  /** GET status answers that the schema version is deprecated, whatever $version is sent. */
  deprecated: boolean
  /** GET /product?externalId answers an empty list. */
  notFound: boolean
}

const CAMEL: PiSpellings = {
  notStarted: 'notStarted',
  running: 'running',
  completed: 'completed',
  pending: 'pending',
  runningResult: 'pending',
  succeeded: 'succeeded',
  failed: 'failed',
  jobCancelled: 'cancelled',
  submissionCancelled: 'canceled',
  jobIdKey: 'jobId',
  sentinel: '0001-01-01T00:00:00'
}

const PASCAL: PiSpellings = {
  ...CAMEL,
  notStarted: 'NotStarted',
  running: 'Running',
  completed: 'Completed',
  pending: 'Pending',
  runningResult: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  jobIdKey: 'jobID'
}

/** A preview publish as long as a real certification can take, in simulated seconds: 3 hours. */
const BASE: Omit<PiScenario, 'name'> = {
  queued: 60,
  preview: 3 * 3600,
  live: 3600,
  ends: 'succeeded',
  cancelAt: 0.4,
  spellings: CAMEL,
  arrayStatus: false,
  bareSubmissions: false,
  readyPreview: false,
  flaky: false,
  deprecated: false,
  notFound: false
}

export function piScenario(name: PiScenarioName): PiScenario {
  const base: PiScenario = { name, ...BASE }
  switch (name) {
    case 'preview-success':
      return base
    case 'certification-failed':
      return { ...base, ends: 'failed', spellings: PASCAL }
    case 'cancelled':
      return { ...base, ends: 'cancelled', bareSubmissions: true }
    case 'live-success':
      return {
        ...base,
        readyPreview: true,
        arrayStatus: true,
        spellings: { ...CAMEL, sentinel: '0001-01-01' }
      }
    case 'flaky':
      return { ...base, flaky: true }
    case 'deprecated-version':
      return { ...base, deprecated: true }
    case 'product-not-found':
      return { ...base, notFound: true }
  }
}

export const CERTIFICATION_FAILURE =
  'Issues were found during certification: the SaaS landing page did not answer the test purchase.'
