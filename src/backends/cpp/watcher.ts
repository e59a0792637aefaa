// One CPP poll: the operation (or offer status) as a Snapshot. With `operation-id: latest` the
// first poll finds the operation in the offer's submissions list, within the same budget. With
// `start`, the polls first go through the shared start rules (../start.ts, with ./start.ts's
// look-up and POST) until there is an operation to watch: this run's, or one already running.

import type { FetchResult, Start } from '../../model/outcome.js'
import type { Snapshot } from '../../model/snapshot.js'
import type { Budget } from '../../net/budget.js'
import { START_OWN_NOT_FOUND_MS } from '../../constants.js'
import type { Watcher, WatcherDeps } from '../backend.js'
import { Starter } from '../start.js'
import { waitingSnapshot } from '../start-steps.js'
import { type IfRunning } from '../start-steps.js'
import { findLatestOperation, type IsOperationId } from './latest.js'
import { operationUrl, type Target } from './location.js'
import { snapshotOf } from './normalize.js'
import { CppStartSteps, type StartPlan } from './start.js'

export type { StartPlan } from './start.js'
export { snapshotOf } from './normalize.js'

export class CppWatcher implements Watcher {
  private readonly target: Target
  private readonly deps: WatcherDeps
  private readonly isId: IsOperationId
  private readonly starter: Starter | undefined
  private readonly steps: CppStartSteps | undefined
  private url: string
  private id: string
  /** When this run's own operation was started (wall clock): a 404 just after is the API lagging. */
  private ownSince: number | undefined

  constructor(
    target: Target,
    deps: WatcherDeps,
    isId: IsOperationId,
    plan?: StartPlan,
    ifRunning: IfRunning = 'wait'
  ) {
    this.target = target
    this.deps = deps
    this.isId = isId
    this.url = target.kind === 'latest' ? '' : target.url
    this.id = target.operationId
    if (plan !== undefined) {
      this.steps = new CppStartSteps(plan, target.url, deps.client, isId)
      this.starter = new Starter(this.steps, ifRunning, deps.info, () => this.wall())
    }
  }

  get operationId(): string {
    return this.id
  }

  get start(): Start | undefined {
    return this.starter?.start
  }

  async poll(budget: Budget): Promise<FetchResult<Snapshot>> {
    const { client } = this.deps
    if (this.url === '' && this.starter !== undefined) {
      const next = await this.starter.next(budget)
      if (next.kind !== 'ok') return next
      const step = next.value
      switch (step.kind) {
        case 'waiting':
          return { kind: 'ok', value: waitingSnapshot(step.running) }
        case 'refused':
          return { kind: 'ok', value: step.snapshot }
        case 'own':
          this.url = this.steps?.located?.url ?? operationUrl(this.target.url, step.id)
          this.id = step.id
          this.ownSince = this.wall()
          break
        case 'attach':
          this.url = operationUrl(this.target.url, step.running.id)
          this.id = step.running.id
          break
        case 'nothing':
          return { kind: 'fatal', message: 'start: nothing to publish.' }
      }
    } else if (this.url === '') {
      // operation-id: latest, found on the first poll; its failures are retried like any poll's.
      const found = await findLatestOperation(
        (url, within) => client.getJson(url, within),
        this.target.url,
        budget,
        this.isId
      )
      if (found.kind !== 'ok') return found
      this.url = found.value.url
      this.id = found.value.id
      this.deps.info(`Watching operation ${found.value.id}: ${found.value.why}.`)
    }
    const read = await client.getJson(this.url, budget)
    // A just-started operation may not be known to the API for its first minute.
    if (
      read.kind === 'fatal' &&
      read.status === 404 &&
      this.ownSince !== undefined &&
      this.wall() - this.ownSince < START_OWN_NOT_FOUND_MS
    ) {
      return { kind: 'transient', reason: `the operation ${this.id} just started is not found yet` }
    }
    return snapshotOf(read)
  }

  private wall(): number {
    return this.deps.wall?.() ?? Date.now()
  }
}
