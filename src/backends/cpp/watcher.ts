// One CPP poll: the operation (or offer status) as a Snapshot. With `operation-id: latest` the
// first poll finds the operation in the offer's submissions list, within the same budget.

import type { FetchResult } from '../../model/outcome.js'
import type { Snapshot } from '../../model/snapshot.js'
import type { Budget } from '../../net/budget.js'
import type { Watcher, WatcherDeps } from '../backend.js'
import { findLatestOperation, type IsOperationId } from './latest.js'
import type { Target } from './location.js'
import { normalize, UnexpectedBodyError } from './normalize.js'

export class CppWatcher implements Watcher {
  private readonly target: Target
  private readonly deps: WatcherDeps
  private readonly isId: IsOperationId
  private url: string
  private id: string

  constructor(target: Target, deps: WatcherDeps, isId: IsOperationId) {
    this.target = target
    this.deps = deps
    this.isId = isId
    this.url = target.kind === 'latest' ? '' : target.url
    this.id = target.operationId
  }

  get operationId(): string {
    return this.id
  }

  async poll(budget: Budget): Promise<FetchResult<Snapshot>> {
    const { client } = this.deps
    if (this.url === '') {
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
    return snapshotOf(await client.getJson(this.url, budget))
  }
}

/** A body that is JSON but not an operation is retried: a proxy or a deploy may have answered. */
export async function snapshotOf(fetched: FetchResult<unknown>): Promise<FetchResult<Snapshot>> {
  if (fetched.kind !== 'ok') return fetched
  try {
    return { kind: 'ok', value: await normalize(fetched.value) }
  } catch (error) {
    if (!(error instanceof UnexpectedBodyError)) throw error
    return { kind: 'transient', reason: `the API answered with ${error.message}` }
  }
}
