// `start`, for every backend: look for a publish of the offer already running and act on it as
// `if-running` says (wait for it to end, attach to it, or fail), post this run's publish at most
// once, and say in the log and the summary which publish the verdict is about. A backend brings
// the look-up, the POST and the "has it ended" question (start-steps.ts); the rules about what
// may be posted again live here, once.

import { START_LOOKS_AFTER_LOST_POST } from '../constants.js'
import { formatTime } from '../model/describe.js'
import { capital } from '../text.js'
import type { FetchResult, Start } from '../model/outcome.js'
import type { Budget } from '../net/budget.js'
import type { IfRunning, Next, Running, StartSteps } from './start-steps.js'

type State =
  | { kind: 'look' }
  | { kind: 'waiting'; running: Running }
  /** Posted; its answer lost or naming nothing: looking for what it started. */
  | { kind: 'finding'; looks: number; why: 'lost' | 'unnamed'; at: number }

export class Starter {
  private readonly steps: StartSteps
  private readonly ifRunning: IfRunning
  private readonly info: (line: string) => void
  private readonly wall: () => number
  private state: State = { kind: 'look' }
  private posts = 0
  /** One more POST (two in all): after the look-up if the last was not processed; once the
   *  publish a conflict named has ended (after-running, then after-wait); else never. */
  private again: 'never' | 'after-look' | 'after-running' | 'after-wait' = 'never'
  /** Look-ups since a conflict that found no publish running. */
  private conflictLooks = 0
  private current: Start | undefined
  /** A request of this run refused by its job's failure: said in every later note. */
  private refusal: string | undefined

  constructor(
    steps: StartSteps,
    ifRunning: IfRunning,
    info: (line: string) => void,
    wall: () => number
  ) {
    this.steps = steps
    this.ifRunning = ifRunning
    this.info = info
    this.wall = wall
  }

  /** What `start` did, for the outputs and the summary. */
  get start(): Start | undefined {
    return this.current
  }

  private get what(): string {
    return this.steps.kind === 'preview' ? 'a publish to preview' : 'a go-live'
  }

  /** One step of starting, within the poll's budget: what to watch now, or a failure. */
  async next(budget: Budget): Promise<FetchResult<Next>> {
    const { state } = this
    if (state.kind === 'waiting') {
      const ended = await this.steps.ended(state.running, budget)
      if (ended.kind !== 'ok') return ended
      if (!ended.value) return { kind: 'ok', value: state }
      this.info(`${capital(state.running.label)} has ended: starting ${this.what} of this run.`)
      this.state = { kind: 'look' }
      // A refusal as a conflict allowed one more POST once that publish ended: it has.
      if (this.again === 'after-running') this.again = 'after-wait'
    }
    if (this.state.kind === 'finding') {
      const appeared = await this.steps.find(budget)
      if (appeared.kind !== 'ok') return appeared
      return this.finding(this.state, appeared.value)
    }
    const found = await this.steps.look(budget)
    if (found.kind !== 'ok') return found
    const seen = found.value
    if (seen.kind === 'blocked') return { kind: 'fatal', message: seen.message }
    if (seen.kind === 'running' && this.again === 'after-look') {
      // The last request was said not to be processed (429, 503), and a publish runs now: it may
      // be that request's, so it is attached to, whatever if-running says.
      this.again = 'never'
      this.note({
        started: false,
        note: `A publish was already running: watching it instead of starting another. ${capital(seen.running.label)} may be the one this run's request started (its answer said it was not processed).`,
        waitedFor: seen.running.id
      })
      return { kind: 'ok', value: { kind: 'attach', running: seen.running } }
    }
    if (seen.kind === 'running') return this.onRunning(seen.running)
    if (seen.kind === 'nothing') {
      this.note({ started: false, note: seen.note })
      return { kind: 'ok', value: { kind: 'nothing' } }
    }
    if (this.posts === 0 || this.again === 'after-look' || this.again === 'after-wait') {
      return this.post(budget)
    }
    // Refused as a conflict, and the publish it conflicted with is not listed: the list may lag
    // (look again), or that publish ended already (then one more POST, as after waiting for it).
    this.conflictLooks++
    if (this.conflictLooks < START_LOOKS_AFTER_LOST_POST - 1) {
      return {
        kind: 'transient',
        reason: 'the API said another publish is in progress, but none is listed yet'
      }
    }
    if (this.again === 'after-running') {
      this.info(
        `No publish of ${this.steps.offer} is in progress any more: sending ${this.what} of this run once more.`
      )
      return this.post(budget)
    }
    return {
      kind: 'fatal',
      message: `start: ${this.what} of ${this.steps.offer} was refused as in conflict with another publish, and after ${this.conflictLooks} look-ups none is listed. Nothing more was posted: run the workflow again once Partner Center shows no publish in progress.`
    }
  }

  /**
   * This run's own job or operation failed with only conflict errors: nothing was published, so
   * it is a refusal, and the if-running rule applies on the next poll (one more POST may follow).
   */
  refusedByJob(id: string, detail: string): void {
    this.state = { kind: 'look' }
    this.again = this.posts < 2 ? 'after-running' : 'never'
    this.conflictLooks = 0
    this.note({
      started: false,
      note: `${capital(this.what)} of ${this.steps.offer} was refused: its job ${id} failed because another publish is in progress (${detail}). Looking for that publish.`
    })
    // What follows (waiting, this run's own publish) is said with it: the failed job was a
    // refusal, not this run's publish failing.
    this.refusal = `An earlier request of this run was refused: its job ${id} failed because another publish was in progress (${detail}); it published nothing.`
  }

  private async post(budget: Budget): Promise<FetchResult<Next>> {
    this.posts++
    this.again = 'never'
    const at = this.wall()
    // Said before the answer (not logged): if the run ends while the request is in flight, the
    // summary and the message say that a publish request was sent and may have started.
    this.note(
      {
        started: false,
        note: `A request for ${this.what} of ${this.steps.offer} was sent at ${formatTime(at)} and its answer had not come: the publish may have started. Look in Partner Center before starting another.`,
        notStarted: `A request for ${this.what} was sent at ${formatTime(at)} and may have started a publish: look in Partner Center before starting another.`
      },
      false
    )
    const posted = await this.steps.post(budget)
    switch (posted.kind) {
      case 'accepted':
        this.state = { kind: 'look' }
        this.note({
          started: true,
          note: `Started ${this.what} of ${this.steps.offer} at ${formatTime(at)}: ${posted.label}.`
        })
        return { kind: 'ok', value: { kind: 'own', id: posted.id } }
      case 'unnamed':
      case 'lost':
        this.state = { kind: 'finding', looks: 0, why: posted.kind, at }
        this.info(
          posted.kind === 'lost'
            ? `The answer to ${this.what} sent at ${formatTime(at)} was lost (${posted.reason}): it is never sent again in this run; looking for the publish it may have started.`
            : `The API accepted ${this.what} (HTTP ${posted.status}) but its answer names nothing to watch: looking for the publish it started.`
        )
        return {
          kind: 'transient',
          reason: `looking for the publish requested at ${formatTime(at)}`
        }
      case 'not-processed':
        this.again = this.posts < 2 ? 'after-look' : 'never'
        this.note({
          started: false,
          note: `${capital(this.what)} sent at ${formatTime(at)} was not processed (${posted.reason}).`
        })
        if (this.again === 'never') {
          return {
            kind: 'fatal',
            message: `start: ${this.what} of ${this.steps.offer} was not processed twice (${posted.reason}): nothing was started. Run the workflow again later.`
          }
        }
        return {
          kind: 'transient',
          reason: posted.reason,
          ...(posted.retryAfterMs === undefined ? {} : { retryAfterMs: posted.retryAfterMs })
        }
      case 'conflict':
        this.again = this.posts < 2 ? 'after-running' : 'never'
        this.conflictLooks = 0
        this.note({
          started: false,
          note: `${capital(this.what)} of ${this.steps.offer} was refused: another publish is in progress (${posted.detail}).`,
          notStarted: `This run's ${this.steps.kind === 'preview' ? 'publish' : 'go-live'} was not started: the API said another publish is in progress (${posted.detail}).`
        })
        // The publish the API says is running is looked for on the next poll (the list may lag).
        return {
          kind: 'transient',
          reason: `the API says a publish is in progress (${posted.detail})`
        }
      case 'final':
        if (posted.result.kind !== 'ok') {
          // An HTTP refusal (401, 403, another 4xx) started nothing, and the message must not say
          // that it may have; an acceptance the gate cannot follow (no status) keeps that note.
          if (posted.result.kind === 'fatal' && posted.result.status !== undefined) {
            this.note({
              started: false,
              note: `The API refused ${this.what} of ${this.steps.offer} (HTTP ${posted.result.status}): nothing was started.`
            })
          }
          return posted.result
        }
        this.note({
          started: false,
          note: `The API refused ${this.what} of ${this.steps.offer}: nothing was started. Its errors are below.`
        })
        return { kind: 'ok', value: { kind: 'refused', snapshot: posted.result.value } }
    }
  }

  /** After a lost or unnamed answer: what appeared is this run's; nothing after a few looks is an error. */
  private finding(
    state: Extract<State, { kind: 'finding' }>,
    appeared: Running | undefined
  ): FetchResult<Next> {
    if (appeared !== undefined) {
      this.state = { kind: 'look' }
      this.note({
        started: true,
        note: `Started ${this.what} of ${this.steps.offer} at ${formatTime(state.at)} (${state.why === 'lost' ? 'its answer was lost' : 'its answer named nothing to watch'}): found ${appeared.label}.`,
        waitedFor: appeared.id
      })
      return { kind: 'ok', value: { kind: 'attach', running: appeared } }
    }
    state.looks++
    if (state.looks < START_LOOKS_AFTER_LOST_POST) {
      return {
        kind: 'transient',
        reason: `the publish requested at ${formatTime(state.at)} is not listed yet`
      }
    }
    const why =
      state.why === 'lost'
        ? `a request for ${this.what} was sent at ${formatTime(state.at)} and its answer was lost`
        : `the API accepted ${this.what} at ${formatTime(state.at)}, but its answer named nothing to watch`
    return {
      kind: 'fatal',
      message: `start: ${why}, and after ${state.looks} look-ups no publish of ${this.steps.offer} is listed. It was not sent again. It may still appear: look in Partner Center; a re-run of this workflow will find it if it runs.`
    }
  }

  private onRunning(running: Running): FetchResult<Next> {
    const since = running.since === undefined ? '' : ` (since ${running.since})`
    if (this.ifRunning === 'wait' && this.posts > 0 && this.again === 'never') {
      // Nothing more may be posted: waiting for it would end in nothing.
      return {
        kind: 'fatal',
        message: `start: another publish of ${this.steps.offer} is in progress (${running.label}${since}), and this run's requests were refused already; nothing more is posted. Run the workflow again once it has ended.`
      }
    }
    if (this.ifRunning === 'fail') {
      return {
        kind: 'fatal',
        message: `start: another publish of ${this.steps.offer} is in progress: ${running.label}${since}. Nothing was posted. Set if-running: wait to publish this run's changes once it ends, or if-running: attach to report on that publish instead.`
      }
    }
    if (this.ifRunning === 'attach') {
      this.note({
        started: false,
        note: `A publish was already running: watching it instead of starting another. ${capital(running.label)}${since}, found at ${formatTime(this.wall())}.`,
        waitedFor: running.id
      })
      return { kind: 'ok', value: { kind: 'attach', running } }
    }
    this.state = { kind: 'waiting', running }
    this.note({
      started: false,
      note: `Another publish of ${this.steps.offer} is in progress: ${running.label}${since}. This run's ${this.steps.kind === 'preview' ? 'publish' : 'go-live'} starts when it ends (if-running: wait).`,
      waitedFor: running.id,
      notStarted: `This run's ${this.steps.kind === 'preview' ? 'publish' : 'go-live'} was not started: ${running.label} was still in progress.`
    })
    return { kind: 'ok', value: { kind: 'waiting', running } }
  }

  private note(start: Start, log = true): void {
    this.current = {
      ...(this.current?.link === undefined ? {} : { link: this.current.link }),
      ...start,
      ...(this.refusal === undefined ? {} : { note: `${start.note} ${this.refusal}` })
    }
    if (log) this.info(start.note)
  }

  /** The backend's link to the offer, for the summary. */
  setLink(link: string | undefined): void {
    if (link !== undefined)
      this.current = { ...(this.current ?? { started: false, note: '' }), link }
  }
}
