// The outages of one wait: runs of failed polls after the gate's first answer, which the poll loop
// rides out until the timeout. Kept for the log (how long so far) and the summary (how many, how
// long in all). An outage lasts from the first failed poll being sent to the next answer.

import type { Outages } from '../model/outcome.js'

export class OutageRecord {
  private startedAt: number | undefined
  private ended = 0
  private totalMs = 0
  private longestMs = 0

  /** A poll sent at `sentAt` failed: the outage began then, or goes on. How long it has lasted. */
  failed(sentAt: number, now: number): number {
    this.startedAt ??= sentAt
    return now - this.startedAt
  }

  /** An answer came: how long the outage it ends lasted, or undefined when there was none. */
  answered(now: number): number | undefined {
    const lasted = this.lasting(now)
    if (lasted === undefined) return undefined
    this.startedAt = undefined
    this.ended++
    this.totalMs += lasted
    this.longestMs = Math.max(this.longestMs, lasted)
    return lasted
  }

  /** How long the outage going on has lasted; undefined when the last poll was answered. */
  lasting(now: number): number | undefined {
    return this.startedAt === undefined ? undefined : now - this.startedAt
  }

  /** All of them, the one going on included; undefined when there was none. */
  summary(now: number): Outages | undefined {
    const ongoing = this.lasting(now)
    const count = this.ended + (ongoing === undefined ? 0 : 1)
    if (count === 0) return undefined
    return {
      count,
      totalMs: this.totalMs + (ongoing ?? 0),
      longestMs: Math.max(this.longestMs, ongoing ?? 0),
      ongoing: ongoing !== undefined
    }
  }
}
