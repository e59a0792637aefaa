// The simulator's named scenarios: how far a publish gets, how the API spells its statuses, and
// which faults it injects. Durations are simulated seconds; `--speed` compresses them.

export const SCENARIOS = [
  'publish-success',
  'certification-blocked',
  'certification-failed',
  'canceled',
  'slow',
  'flaky',
  'non-migrated'
] as const

export type ScenarioName = (typeof SCENARIOS)[number]

export function isScenario(name: string): name is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(name)
}

/** How one scenario's API spells things; the documentation itself varies like this. */
export interface Spellings {
  notStarted: string
  running: string
  complete: string
  waiting: string
  opRunning: string
  opSucceeded: string
}

export interface Stop {
  /** Index of the step that stops. */
  step: number
  /** Fraction of that step done when it stops. */
  at: number
  stepStatus: string
  operationStatus: string
  message?: { html: string; level: string }
}

export interface Scenario {
  name: ScenarioName
  /** Simulated seconds for validation, certification, provisioning, packaging; then live (go-live). */
  durations: [number, number, number, number, number]
  spellings: Spellings
  /** The documentation's GET operation example is a one-element array; real clients see an object. */
  arrayBody: boolean
  locationForm: 'migrated' | 'non-migrated'
  stop?: Stop
  flaky: boolean
}

/** A publish as the documentation estimates it, in simulated seconds: about 3.7 hours to sign-off. */
const DURATIONS: Scenario['durations'] = [600, 7200, 3600, 1800, 3600]

const DOCS: Spellings = {
  notStarted: 'notStarted',
  running: 'inProgress',
  complete: 'complete',
  waiting: 'waitingForPublisherReview',
  opRunning: 'running',
  opSucceeded: 'succeeded'
}

export const BLOCKED_MESSAGE =
  'No virtual machine image was found for the plan <b>gen2</b>. Add an image to the plan, then publish again. See <a href="https://learn.microsoft.com/partner-center/marketplace-offers/azure-vm-plan-technical-configuration">technical configuration</a>.'

export const CANCELED_MESSAGE =
  'The operation was canceled by the publisher before provisioning ended.'

const FAILED_MESSAGE =
  'Certification failed: the image did not pass the <i>security scan</i> (&quot;SSH root login enabled&quot;). See <a href="https://learn.microsoft.com/partner-center/marketplace-offers/azure-vm-certification-faq">the certification FAQ</a>.'

export function scenario(name: ScenarioName): Scenario {
  const base: Scenario = {
    name,
    durations: DURATIONS,
    spellings: DOCS,
    arrayBody: true,
    locationForm: 'migrated',
    flaky: false
  }
  switch (name) {
    case 'publish-success':
      return base
    case 'certification-blocked':
      return {
        ...base,
        arrayBody: false,
        spellings: {
          ...DOCS,
          notStarted: 'not started',
          running: 'InProgress',
          complete: 'completed'
        },
        stop: {
          step: 1,
          at: 0.4,
          stepStatus: 'blocked',
          operationStatus: 'running',
          message: { html: BLOCKED_MESSAGE, level: 'error' }
        }
      }
    case 'certification-failed':
      return {
        ...base,
        arrayBody: false,
        spellings: { ...DOCS, notStarted: 'NotStarted', running: 'Running', complete: 'Complete' },
        stop: {
          step: 1,
          at: 0.7,
          stepStatus: 'failed',
          operationStatus: 'failed',
          message: { html: FAILED_MESSAGE, level: 'error' }
        }
      }
    case 'canceled':
      return {
        ...base,
        arrayBody: false,
        stop: {
          step: 2,
          at: 0.3,
          stepStatus: 'Canceled',
          operationStatus: 'canceled',
          message: { html: CANCELED_MESSAGE, level: 'error' }
        }
      }
    case 'slow':
      return {
        ...base,
        durations: DURATIONS.map((seconds) => seconds * 10) as Scenario['durations']
      }
    case 'flaky':
      return { ...base, flaky: true }
    case 'non-migrated':
      return { ...base, locationForm: 'non-migrated' }
  }
}
