// Every tuning number of the gate, with the reason for its value.

// package.json is the one place the name and version are kept (`npm version` changes it and the
// lockfile); the bundle inlines the two fields it reads here.
import packageJson from '../package.json' with { type: 'json' }

/** Sent in the User-Agent, with the version. */
export const ACTION_NAME: string = packageJson.name
export const ACTION_VERSION: string = packageJson.version

/** One request may take this long in all (connect, headers, body); the issue fixes it at 60 s. */
export const REQUEST_TIMEOUT_MS = 60_000
/**
 * A poll at the deadline still gets this long, so that a timeout is declared on a fresh answer
 * rather than on a request cut off after a few milliseconds; it is all the deadline is overrun by.
 */
export const FINAL_REQUEST_MIN_MS = 2_000

/** wait-for and check-name are names, not text: longer ones are a mistake (or an attack on the log). */
export const MAX_LABEL_CHARS = 100

/** Polling faster than once a second only burns API quota. */
export const MIN_POLL_INTERVAL_MS = 1_000
/**
 * The Product Ingestion API asks clients not to poll a job more than once a minute (its
 * private-offer pages, "Poll for job status"); only a loopback base-url (a simulator) may go faster.
 */
export const PRODUCT_INGESTION_MIN_POLL_INTERVAL_MS = 60_000
/**
 * Retries back off from the poll interval, doubling per consecutive failure, up to this cap (or
 * the interval itself when that is longer): a gate that waits hours gains nothing by retrying an
 * unhealthy API faster than it normally polls, and a long outage should not burn the error budget
 * in seconds.
 */
export const BACKOFF_CAP_MS = 10 * 60_000
/** ±25 % jitter keeps many gates started by one release from polling in lockstep. */
export const BACKOFF_JITTER = 0.25
/** A Retry-After of 0 still waits this long, so a misbehaving server cannot make us spin. */
export const MIN_RETRY_AFTER_MS = 1_000

/** Without any change, one info line this often shows the gate is alive. */
export const HEARTBEAT_MS = 10 * 60_000
/**
 * An outage after the first answer (ridden out until the timeout) is warned about once it has
 * lasted this long, and again at most this often while it goes on; its other retries are info
 * lines. A warning is an annotation on the run and a run writes at most MAX_WARNINGS: a blip or a
 * throttled request must not spend them, and a day-long outage must not bury the verdict. Ten
 * minutes is also the backoff cap, so a long outage warns about once per retry or less.
 */
export const OUTAGE_WARNING_MS = 10 * 60_000

/**
 * Warnings (each one an annotation on the run) a run writes at most: a server answering with
 * thousands of odd spellings must not bury the verdict.
 */
export const MAX_WARNINGS = 20
/** Lines the progress log writes for one answer at most; the rest are counted in one more line. */
export const MAX_LOG_LINES_PER_POLL = 20

/** GitHub shows at most 10 error annotations per step. */
export const MAX_STEP_ANNOTATIONS = 10

/**
 * GitHub drops a step summary above 1 MiB whole; stay under it with room for the runner's own
 * framing.
 */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 16 * 1024
/**
 * GitHub allows 1 MB of outputs per job, shared with every other step of that job: take at most
 * 3/4 of it.
 */
export const OUTPUTS_MAX_BYTES = 768 * 1024
/** The `message` output and the failure annotation are one readable paragraph, not a dump. */
export const MAX_MESSAGE_CHARS = 4_000

/**
 * A real operation has six steps. Normalization reads at most MAX_STEPS_READ of them (what the
 * verdict sees), so that a hostile answer of a million steps costs no more than a real one; outputs
 * and the summary show at most MAX_STEPS, so that no answer can push them past their size limits.
 */
export const MAX_STEPS_READ = 200
export const MAX_STEPS = 100
/**
 * Messages read from one list (the operation's, or one step's): real ones hold a handful. With
 * MAX_STEPS_READ this bounds the work per answer, whatever the body holds.
 */
export const MAX_MESSAGES_PER_LIST = 200
/** Items read from a list of operations (`operation-id: latest`); an offer has a few. */
export const MAX_LIST_ITEMS = 1_000
/**
 * Links and short fields (ids, names, statuses, time frames) are capped so that no API answer can
 * push the outputs past their limit: real ones are a few dozen characters.
 */
export const MAX_LINKS = 50
export const MAX_LINK_CHARS = 2_000
export const MAX_FIELD_CHARS = 200
/**
 * A correlation header quoted in messages (x-ms-correlation-request-id, request-id,
 * client-request-id): Microsoft's are GUIDs, 36 characters; a longer one is cut.
 */
export const MAX_CORRELATION_ID_CHARS = 100
/** One message's text; CPP messages are a sentence or two. */
export const MAX_MESSAGE_TEXT_CHARS = 20_000
/**
 * An API's error tree (a configure job's `errors`) is kept to this many errors, this deep, each
 * message this long: real trees are three levels of one error each, and the tree is repeated in
 * the `errors` output, the summary and the job step's messages, all within their size limits.
 */
export const MAX_ERROR_NODES = 100
export const MAX_ERROR_DEPTH = 10
export const MAX_ERROR_MESSAGE_CHARS = 2_000
/** Error bodies are quoted in messages up to this length. */
export const ERROR_EXCERPT_CHARS = 300
/**
 * JSON from the network is built only this far (src/net/json.ts): items of one array or object,
 * values in all, and levels of nesting. A real answer has a few hundred values a few levels deep;
 * with these, a 10 MB body of any shape costs a fraction of a second and a few tens of MB.
 */
export const MAX_JSON_ITEMS = 1_000
export const MAX_JSON_VALUES = 100_000
export const MAX_JSON_DEPTH = 32
/**
 * A body up to this size whose commas and brackets show it cannot reach a limit above is read by
 * JSON.parse (src/net/json.ts); a real answer is a few kB.
 */
export const MAX_NATIVE_JSON_CHARS = 64 * 1024
/** A body larger than this is not an operation; reading stops there. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024

/** GitHub-hosted jobs are stopped after 6 hours. */
export const HOSTED_JOB_LIMIT_MS = 6 * 60 * 60_000

/**
 * An Azure AD token is renewed this long before it expires (or at half its life when it lives
 * less than twice that), so a poll never goes out with a token about to lapse.
 */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000

/** A check run shows a new state at most this often: enough for a wait of hours, light on the API. */
export const CHECK_RUN_UPDATE_MS = 60_000
/**
 * A check run's output summary holds at most 65,535 characters. The summary is cut in bytes, and a
 * text never has more characters than UTF-8 bytes, so this many bytes always fit.
 */
export const CHECK_RUN_MAX_BYTES = 60_000

/**
 * After the wait ends (verdict, deadline or signal) the gate has this long to write its outputs
 * and summary, complete the check run and exit: a runner sends SIGKILL a few seconds after
 * SIGTERM, and `timeout` is a promise to the user.
 */
export const EXIT_GRACE_MS = 2_000
/**
 * The check run's final update gets this much of the grace (or, after a verdict before the
 * deadline, up to CHECK_RUN_FINAL_MAX_MS while the deadline allows): it is given up with a warning
 * when GitHub does not answer in time.
 */
export const CHECK_RUN_FINAL_MS = 1_200
export const CHECK_RUN_FINAL_MAX_MS = 15_000
/** What is left of the grace for stdout and stderr to drain to a slow reader before exiting. */
export const DRAIN_MIN_MS = 500

/**
 * Shorter values are not redacted from text (the runner still masks them in the log): hiding every
 * "abc" in a message would make it unreadable, and real secrets are far longer.
 */
export const MIN_SECRET_CHARS = 6

/** Node fires any timer longer than 2^31−1 ms after 1 ms; longer waits are taken in pieces. */
export const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Look-ups after a publish request whose answer was lost (or named nothing to watch, or was
 * refused as a conflict with a publish not listed yet) before the gate stops: lists lag behind the
 * request by a poll or two, and one poll apart each, three give them a few minutes.
 */
export const START_LOOKS_AFTER_LOST_POST = 3

/**
 * How long a CPP operation this run just started may answer 404 before that is believed: the API
 * may not know it for its first minute.
 */
export const START_OWN_NOT_FOUND_MS = 60_000
