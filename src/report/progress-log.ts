// The run's log: an info line only when something changes (operation status, a step's status, the
// running step's percentage), a heartbeat when nothing has for a while, one warning per unknown
// spelling, and a warning at most every OUTAGE_WARNING_MS of an outage ridden out.

import {
  HEARTBEAT_MS,
  MAX_LOG_LINES_PER_POLL,
  MAX_WARNINGS,
  OUTAGE_WARNING_MS
} from '../constants.js'
import type { Retry } from '../gate/poll.js'
import type { Snapshot } from '../model/snapshot.js'
import { describeStatus, lastSeen, unreadNote } from '../model/describe.js'
import { formatDuration } from '../duration.js'

export interface LogSink {
  /** One or more lines, joined by line breaks: what one answer changed goes out in one write. */
  info: (lines: string) => void
  warning: (line: string) => void
}

export class ProgressLog {
  private operation: string | undefined
  /** Each step's last state, for the steps of the last answer only: it never outgrows one answer. */
  private steps = new Map<string, string>()
  private readonly unknownSpellings = new Set<string>()
  /** The last note on what an answer held beyond what is read, said once until it changes. */
  private unread: string | undefined
  private lastLineAt: number
  /** The last answer, for what an outage warning says was seen before it. */
  private last: Snapshot | undefined
  /** How long the outage going on had lasted at its last warning; undefined before one. */
  private outageWarnedAt: number | undefined
  private readonly sink: LogSink
  private readonly now: () => number

  private readonly subject: string
  private readonly apiTitle: string

  /** `subject` is what is watched ("Operation" or "Offer"), `apiTitle` who answers ("the CPP API"). */
  constructor(sink: LogSink, now: () => number, subject = 'Operation', apiTitle = 'the API') {
    this.subject = subject
    this.apiTitle = apiTitle
    this.sink = sink
    this.now = now
    this.lastLineAt = now()
  }

  onSnapshot(snapshot: Snapshot): void {
    this.last = snapshot
    const lines: string[] = []
    const operation = describeStatus(snapshot.status, snapshot.rawStatus)
    if (operation !== this.operation) {
      lines.push(
        this.operation === undefined
          ? `${this.subject} status: ${operation}`
          : `${this.subject} status: ${this.operation} → ${operation}`
      )
      this.operation = operation
    }
    const seen = new Map<string, string>()
    snapshot.steps.forEach((step, index) => {
      const key = `${index}:${step.id}`
      const progress =
        step.status === 'running' && step.progress !== undefined ? ` ${step.progress}%` : ''
      const state = `${describeStatus(step.status, step.rawStatus)}${progress}`
      const before = this.steps.get(key)
      if (state !== before && !(before === undefined && step.status === 'notStarted')) {
        // The estimate is said once, when the step starts running, not on every percentage.
        const starts = step.status === 'running' && !before?.startsWith('running')
        const eta =
          step.estimatedTimeFrame && starts ? ` (estimated ${step.estimatedTimeFrame})` : ''
        lines.push(`Step ${step.name}: ${before === undefined ? '' : `${before} → `}${state}${eta}`)
      }
      seen.set(key, state)
    })
    this.steps = seen
    for (const raw of [snapshot, ...snapshot.steps]
      .filter((item) => item.status === 'unknown')
      .map((item) => item.rawStatus)) {
      // Remembered up to the run's warning limit: a server inventing a spelling a poll costs no
      // memory beyond it (the Log writes no more warnings anyway).
      if (!this.unknownSpellings.has(raw) && this.unknownSpellings.size <= MAX_WARNINGS) {
        this.unknownSpellings.add(raw)
        this.sink.warning(
          raw === ''
            ? `${capitalized(this.apiTitle)} answered without a status: the gate keeps polling and reports it as unknown.`
            : `Unknown status "${raw}" from ${this.apiTitle}: the gate keeps polling and reports it as unknown. Please open an issue with this spelling.`
        )
      }
    }
    // What was not read is said even when the changes are cut: it explains the cut.
    const note = snapshot.unread === undefined ? undefined : unreadNote(snapshot.unread)
    const room = MAX_LOG_LINES_PER_POLL - (note !== undefined && note !== this.unread ? 1 : 0)
    if (lines.length > room) {
      const more = lines.length - (room - 1)
      lines.splice(
        room - 1,
        more,
        `… and ${more} more changes in this answer (the steps output and the summary have them all).`
      )
    }
    if (note !== undefined && note !== this.unread) lines.push(note)
    this.unread = note
    if (lines.length > 0) this.say(lines)
    else if (this.now() - this.lastLineAt >= HEARTBEAT_MS)
      this.say([`Still waiting. ${lastSeen(snapshot)}`])
  }

  /** `limit` is max-consecutive-errors. */
  onRetry(retry: Retry, limit: number): void {
    const { reason, counted, outageMs } = retry
    const next = `Retrying in ${formatDuration(retry.delayMs)}.`
    if (outageMs === undefined) {
      this.say([
        `Request failed (${counted ?? retry.failures} in a row; the gate gives up at ${limit}): ${reason}. ${next}`
      ])
      return
    }
    // The first failure after an answer starts the outage.
    const unavailable = `${capitalized(this.apiTitle)} ${retry.failures === 1 ? 'is unavailable' : `has been unavailable for ${formatDuration(outageMs)}`}`
    if (counted !== undefined) {
      // An answer that is not the API's: it counts, outage or not.
      this.say([
        `Request failed (${counted} since the last good answer that ${counted === 1 ? 'was' : 'were'} not the API's; the gate gives up at ${limit}): ${reason}. ${next}`
      ])
    } else if (outageMs >= (this.outageWarnedAt ?? 0) + OUTAGE_WARNING_MS) {
      this.outageWarnedAt = outageMs
      this.sink.warning(
        `${unavailable} (${reason}); the gate keeps polling until its timeout. ${lastSeen(this.last)} ${next}`
      )
      this.lastLineAt = this.now()
    } else {
      this.say([
        `Request failed: ${reason}. ${unavailable}; the gate keeps polling until its timeout. ${next}`
      ])
    }
  }

  /** The first answer after an outage. */
  onRecovered(outageMs: number): void {
    this.outageWarnedAt = undefined
    this.say([
      `${capitalized(this.apiTitle)} answered again: the outage is over after ${formatDuration(outageMs)}.`
    ])
  }

  private say(lines: string[]): void {
    this.sink.info(lines.join('\n'))
    this.lastLineAt = this.now()
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
