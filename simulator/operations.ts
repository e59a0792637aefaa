// The simulated operations: their state is computed from the time elapsed since they started, so
// the simulator needs no timers and every answer is consistent with the last.

import type { Scenario } from './scenarios.ts'

const STEPS = [
  [
    'displaydummycertify',
    'Validate pre-requisites',
    'Validation of the offer against the publishing rules',
    '< 15 min'
  ],
  ['displaycertify', 'Certification', 'Certification of the offer and its images', '< 5 day'],
  ['displayprovision', 'Provisioning', 'Provisioning of the offer in the preview slot', '< 1 day'],
  [
    'displaypackage',
    'Packaging and lead generation',
    'Packaging of the offer and set-up of lead destinations',
    '< 1 hour'
  ],
  [
    'publisher-signoff',
    'Publisher signoff',
    'Publisher reviews the preview and goes live',
    '< 1 hour'
  ],
  ['live', 'Live', 'Publishing to the live marketplace', '~2-5 days']
] as const

export type OperationKind = 'Publish' | 'GoLive'

export interface Operation {
  id: string
  publisher: string
  offer: string
  kind: OperationKind
  scenario: Scenario
  /** Real milliseconds when it started. */
  startedAt: number
  /** Simulated seconds after its start at which a cancel arrived, or a go-live took it over. */
  canceledAt?: number
  wentLiveAt?: number
}

export type Phase = 'running' | 'waiting' | 'succeeded' | 'failed' | 'canceled'

interface StepState {
  status: string
  progress: number
  messages: Array<{ messageHtml: string; level: string; timestamp: string }>
}

export interface OperationState {
  phase: Phase
  body: Record<string, unknown>
}

/** The operation as GET operation answers it, `speed` simulated seconds per real second. */
export function operationState(operation: Operation, now: number, speed: number): OperationState {
  const elapsed = ((now - operation.startedAt) / 1000) * speed
  const { spellings, durations, stop } = operation.scenario
  const stamp = (simulated: number): string =>
    new Date(operation.startedAt + (simulated / speed) * 1000).toISOString()
  // Start of each step in simulated seconds; go-live skips to the live step.
  const starts: number[] = []
  let clock = 0
  for (let i = 0; i < 4; i++) {
    starts.push(operation.kind === 'GoLive' ? -1 : clock)
    clock += operation.kind === 'GoLive' ? 0 : durations[i]
  }
  const signoffAt = clock
  const liveEnd = durations[4]

  const steps: StepState[] = []
  let phase: Phase = 'running'
  let halted = false
  const stopAt =
    stop && operation.kind === 'Publish'
      ? starts[stop.step] + durations[stop.step] * stop.at
      : Infinity
  const cancelAt = operation.canceledAt ?? Infinity
  const haltAt = Math.min(stopAt, cancelAt)

  for (let i = 0; i < 4; i++) {
    if (operation.kind === 'GoLive') {
      steps.push({ status: spellings.complete, progress: 100, messages: [] })
      continue
    }
    const start = starts[i]
    const end = start + durations[i]
    const started = message(`${STEPS[i][1]} started.`, 'information', stamp(start))
    if (halted || elapsed < start) {
      steps.push({ status: spellings.notStarted, progress: 0, messages: [] })
    } else if (haltAt <= Math.min(elapsed, end) && haltAt >= start) {
      halted = true
      const progress = Math.floor(((haltAt - start) / durations[i]) * 100)
      if (haltAt === stopAt && stop) {
        phase = stop.operationStatus === 'running' ? 'failed' : (stop.operationStatus as Phase)
        const extra = stop.message
          ? [message(stop.message.html, stop.message.level, stamp(haltAt))]
          : []
        steps.push({ status: stop.stepStatus, progress, messages: [started, ...extra] })
      } else {
        phase = 'canceled'
        steps.push({
          status: 'canceled',
          progress,
          messages: [started, message('Canceled by the publisher.', 'information', stamp(haltAt))]
        })
      }
    } else if (elapsed < end) {
      steps.push({
        status: spellings.running,
        progress: Math.floor(((elapsed - start) / durations[i]) * 100),
        messages: [started]
      })
    } else {
      steps.push({
        status: spellings.complete,
        progress: 100,
        messages: [started, message(`${STEPS[i][1]} completed.`, 'information', stamp(end))]
      })
    }
  }

  // Publisher sign-off and live.
  const signoff: StepState = { status: spellings.notStarted, progress: 0, messages: [] }
  const live: StepState = { status: spellings.notStarted, progress: 0, messages: [] }
  if (!halted && operation.kind === 'Publish' && elapsed >= signoffAt) {
    if (operation.wentLiveAt !== undefined) {
      signoff.status = spellings.complete
      signoff.progress = 100
      phase = 'succeeded'
    } else if (elapsed >= cancelAt) {
      signoff.status = 'canceled'
      phase = 'canceled'
    } else {
      signoff.status = spellings.waiting
      signoff.messages.push(
        message('The preview is ready: review it, then go live.', 'information', stamp(signoffAt))
      )
      phase = 'waiting'
    }
  }
  if (operation.kind === 'GoLive') {
    signoff.status = spellings.complete
    signoff.progress = 100
    if (elapsed >= cancelAt) {
      live.status = 'canceled'
      phase = 'canceled'
    } else if (elapsed < liveEnd) {
      live.status = spellings.running
      live.progress = Math.floor((elapsed / liveEnd) * 100)
    } else {
      live.status = spellings.complete
      live.progress = 100
      live.messages.push(message('The offer is live.', 'information', stamp(liveEnd)))
      phase = 'succeeded'
    }
  }
  steps.push(signoff, live)

  const previewReady = operation.kind === 'GoLive' || (!halted && elapsed >= signoffAt)
  const rawStatus =
    phase === 'succeeded'
      ? spellings.opSucceeded
      : phase === 'running' || phase === 'waiting'
        ? spellings.opRunning
        : halted && stop && haltAt === stopAt
          ? stop.operationStatus
          : phase
  // A blocked certification leaves the operation "running" in the documentation's example.
  const body = {
    id: operation.id,
    submissionType: operation.kind,
    createdDateTime: new Date(operation.startedAt).toISOString(),
    lastActionDateTime: new Date(now).toISOString(),
    status: rawStatus,
    publishingVersion: 2,
    offerVersion: 2,
    cancellationRequestState:
      phase === 'running' || phase === 'waiting' ? 'canCancel' : 'cannotCancel',
    steps: steps.map((step, i) => ({
      estimatedTimeFrame: STEPS[i][3],
      id: STEPS[i][0],
      stepName: STEPS[i][1],
      description: STEPS[i][2],
      status: step.status,
      messages: step.messages,
      progressPercentage: step.progress
    })),
    previewLinks: previewReady
      ? [
          `https://azuremarketplace.microsoft.com/marketplace/apps/${operation.publisher}.${operation.offer}-preview`
        ]
      : [],
    liveLinks:
      phase === 'succeeded' && operation.kind === 'GoLive'
        ? [
            `https://azuremarketplace.microsoft.com/marketplace/apps/${operation.publisher}.${operation.offer}`
          ]
        : [],
    messages: []
  }
  return { phase, body }
}

/** Whether an operation still holds its offer: only one may run at a time. */
export function inProgress(phase: Phase): boolean {
  return phase === 'running' || phase === 'waiting'
}

function message(messageHtml: string, level: string, timestamp: string) {
  return { messageHtml, level, timestamp }
}
