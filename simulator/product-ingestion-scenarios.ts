// The Product Ingestion simulator's named scenarios: how a product's configure jobs and the
// submissions they make run and end, how the API spells things for it (its documentation varies
// like this), and which faults it injects. Nobody documents whether a publish's configure job spans
// certification, so the scenarios tell both stories. Durations are simulated seconds; `--speed`
// compresses them, as for CPP.

export const PI_SCENARIOS = [
  'preview-success',
  'job-ends-first',
  'submission-failed',
  'job-lags',
  'certification-failed',
  'certification-failed-pascal',
  'cancelled',
  'live-success',
  'live-failed',
  'detail-missing',
  'listed-late',
  'outage',
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
  /** One line on the story the scenario tells, for the help of the simulator and the demo. */
  story: string
  /** Simulated seconds a job waits before it runs, then its submission runs: certification for a preview. */
  queued: number
  preview: number
  live: number
  /**
   * How long the job runs: `'submission'` while its submission does (plus `jobLag`), or this
   * many seconds, after which it completes `succeeded` and the submission runs on alone.
   */
  jobRuns: 'submission' | number
  /** Seconds a job that spans its submission keeps saying running after the submission completed. */
  jobLag: number
  /** How a preview ends, and how a go-live does; `cancelled` at `cancelAt` of its run. */
  ends: 'succeeded' | 'failed' | 'cancelled'
  liveEnds: 'succeeded' | 'failed'
  cancelAt: number
  spellings: PiSpellings
  /** The status as a one-element array, and the submissions as a bare array. */
  arrayStatus: boolean
  bareSubmissions: boolean
  /** A preview ready for go-live before any job of the run: a live publish can start at once. */
  readyPreview: boolean
  /** GET configure/{jobId} (the detail of a completed job) answers 404, as if not served. */
  noDetail: boolean
  /**
   * A job's submission is left out of this many reads of the submissions list after the job was
   * accepted: a queued publish that is not listed yet (the API knows it and refuses another).
   */
  unlistedReads: number
  /** Seconds after a job's start from which every request about its product fails, and for how long. */
  outage?: { from: number; lasts: number }
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
const BASE: Omit<PiScenario, 'name' | 'story'> = {
  queued: 60,
  preview: 3 * 3600,
  live: 3600,
  jobRuns: 'submission',
  jobLag: 0,
  ends: 'succeeded',
  liveEnds: 'succeeded',
  cancelAt: 0.4,
  spellings: CAMEL,
  arrayStatus: false,
  bareSubmissions: false,
  readyPreview: false,
  noDetail: false,
  unlistedReads: 0,
  flaky: false,
  deprecated: false,
  notFound: false
}

/** A job that completes after two minutes of running, before certification does. */
const JOB_ENDS_FIRST = { jobRuns: 120 } as const

export function piScenario(name: PiScenarioName): PiScenario {
  const base = (story: string): PiScenario => ({ name, story, ...BASE })
  switch (name) {
    case 'preview-success':
      return base('the job runs until its preview submission is certified (3 h), both succeed')
    case 'job-ends-first':
      return {
        ...base('the job succeeds after 2 min; its preview submission runs on 3 h, then succeeds'),
        ...JOB_ENDS_FIRST
      }
    case 'submission-failed':
      return {
        ...base('the job succeeds after 2 min; its preview submission fails 3 h later, no reason'),
        ...JOB_ENDS_FIRST,
        ends: 'failed'
      }
    case 'job-lags':
      return {
        ...base('the preview succeeds after 3 h, the job still says running for 10 min more'),
        jobLag: 600
      }
    case 'certification-failed':
      return {
        ...base(
          'the job and its preview fail after 3 h: the nested invalidState Certification tree'
        ),
        ends: 'failed'
      }
    case 'certification-failed-pascal':
      return {
        ...base('certification-failed, spelt Completed/Failed, Running as a result, jobID'),
        ends: 'failed',
        spellings: PASCAL
      }
    case 'cancelled':
      return {
        ...base('the job is cancelled, its submission canceled; the list is a bare array'),
        ends: 'cancelled',
        bareSubmissions: true
      }
    case 'live-success':
      return {
        ...base(
          'a preview is ready for go-live; the go-live succeeds (status as a 1-element array)'
        ),
        readyPreview: true,
        arrayStatus: true,
        spellings: { ...CAMEL, sentinel: '0001-01-01' }
      }
    case 'live-failed':
      return {
        ...base(
          'a preview is ready for go-live; the go-live job and live submission fail after 1 h'
        ),
        readyPreview: true,
        liveEnds: 'failed'
      }
    case 'detail-missing':
      return {
        ...base('job-ends-first, but GET configure/{jobId} answers 404'),
        ...JOB_ENDS_FIRST,
        noDetail: true
      }
    case 'listed-late':
      return {
        ...base(
          'preview-success, but a new submission is missing from the next two reads of the list'
        ),
        unlistedReads: 2
      }
    case 'outage':
      return {
        ...base(
          'preview-success, but from 30 min in, for 20 min, every request gets 503 or a drop'
        ),
        outage: { from: 30 * 60, lasts: 20 * 60 }
      }
    case 'flaky':
      return {
        ...base('500s, 503 HTML pages and dropped connections on the status call'),
        flaky: true
      }
    case 'deprecated-version':
      return {
        ...base('the status call answers 400 "… is a deprecated schema" whatever $version says'),
        deprecated: true
      }
    case 'product-not-found':
      return { ...base('the look-up of the offer id answers an empty list'), notFound: true }
  }
}

export const CERTIFICATION_FAILURE =
  'Issues were found during certification: the SaaS landing page did not answer the test purchase.'

/** Why a go-live failed in live-failed: the service says no more than this. */
export const GO_LIVE_FAILURE = 'The submission could not be published to live.'
