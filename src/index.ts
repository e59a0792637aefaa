// Entry point of the bundle: runs the gate, turns SIGINT/SIGTERM (workflow cancelled, step
// timeout-minutes) into an orderly stop that still writes outputs and the summary, and exits.

import { run } from './main.js'

const stop = new AbortController()
const onSignal = (): void => stop.abort()
process.once('SIGINT', onSignal)
process.once('SIGTERM', onSignal)

await run({ signal: stop.signal })
// Exit now rather than when a request cut off at its deadline finally lets go of its socket.
process.exit()
