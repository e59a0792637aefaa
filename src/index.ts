// Entry point of the bundle. The signal handlers go in first, before the rest of the gate is even
// loaded, so that SIGINT or SIGTERM (workflow cancelled, step timeout-minutes) at any moment ends
// in an orderly stop that still writes outputs and the summary. Then it runs the gate, lets
// stdout and stderr drain to the runner, and exits.

import { DRAIN_MIN_MS, EXIT_GRACE_MS } from './constants.js'
import { monotonicMs } from './gate/clock.js'

const stop = new AbortController()
let stoppedAt: number | undefined
const onSignal = (): void => {
  stoppedAt ??= monotonicMs()
  stop.abort()
}
process.once('SIGINT', onSignal)
process.once('SIGTERM', onSignal)

const { run } = await import('./main.js')
await run({ signal: stop.signal })
// What was written must reach the runner: process.exit() drops output still queued for a slow
// pipe. The wait is bounded, so a wedged reader cannot hold the job; after a signal it fits in
// what is left of the grace period.
const drainMs =
  stoppedAt === undefined
    ? EXIT_GRACE_MS
    : Math.max(DRAIN_MIN_MS, stoppedAt + EXIT_GRACE_MS - 200 - monotonicMs())
await Promise.all([drained(process.stdout, drainMs), drained(process.stderr, drainMs)])
// Exit now rather than when a request cut off at its deadline finally lets go of its socket.
process.exit()

function drained(stream: NodeJS.WriteStream, ms: number): Promise<void> {
  return new Promise((resolve) => {
    // Whatever is still queued, not only a queue past the high-water mark ('drain' is emitted
    // only after that): an empty write's callback runs once everything before it is written.
    if (stream.writableLength === 0) return resolve()
    const timer = setTimeout(resolve, ms)
    stream.write('', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}
