import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5646:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  px: () => (/* binding */ ACTION_NAME),
  Yt: () => (/* binding */ ACTION_VERSION),
  NA: () => (/* binding */ BACKOFF_CAP_MS),
  c4: () => (/* binding */ BACKOFF_JITTER),
  oX: () => (/* binding */ CHECK_RUN_FINAL_MAX_MS),
  Hw: () => (/* binding */ CHECK_RUN_FINAL_MS),
  u8: () => (/* binding */ CHECK_RUN_MAX_BYTES),
  _i: () => (/* binding */ CHECK_RUN_UPDATE_MS),
  Pq: () => (/* binding */ DRAIN_MIN_MS),
  lw: () => (/* binding */ ERROR_EXCERPT_CHARS),
  ZP: () => (/* binding */ EXIT_GRACE_MS),
  Z5: () => (/* binding */ FINAL_REQUEST_MIN_MS),
  m: () => (/* binding */ HEARTBEAT_MS),
  FD: () => (/* binding */ HOSTED_JOB_LIMIT_MS),
  YK: () => (/* binding */ MAX_BODY_BYTES),
  F8: () => (/* binding */ MAX_CORRELATION_ID_CHARS),
  iV: () => (/* binding */ MAX_ERROR_DEPTH),
  IQ: () => (/* binding */ MAX_ERROR_MESSAGE_CHARS),
  ez: () => (/* binding */ MAX_ERROR_NODES),
  AP: () => (/* binding */ MAX_FIELD_CHARS),
  KX: () => (/* binding */ MAX_JSON_DEPTH),
  jW: () => (/* binding */ MAX_JSON_ITEMS),
  H6: () => (/* binding */ MAX_JSON_VALUES),
  ir: () => (/* binding */ MAX_LABEL_CHARS),
  vk: () => (/* binding */ MAX_LINKS),
  mm: () => (/* binding */ MAX_LINK_CHARS),
  HD: () => (/* binding */ MAX_LIST_ITEMS),
  i: () => (/* binding */ MAX_LOG_LINES_PER_POLL),
  j_: () => (/* binding */ MAX_MESSAGES_PER_LIST),
  hP: () => (/* binding */ MAX_MESSAGE_CHARS),
  jM: () => (/* binding */ MAX_MESSAGE_TEXT_CHARS),
  As: () => (/* binding */ MAX_NATIVE_JSON_CHARS),
  rh: () => (/* binding */ MAX_STEPS),
  Eq: () => (/* binding */ MAX_STEPS_READ),
  NE: () => (/* binding */ MAX_STEP_ANNOTATIONS),
  _o: () => (/* binding */ MAX_TIMER_MS),
  rE: () => (/* binding */ MAX_WARNINGS),
  WW: () => (/* binding */ MIN_POLL_INTERVAL_MS),
  oD: () => (/* binding */ MIN_RETRY_AFTER_MS),
  Sn: () => (/* binding */ MIN_SECRET_CHARS),
  wc: () => (/* binding */ OUTAGE_WARNING_MS),
  A3: () => (/* binding */ OUTPUTS_MAX_BYTES),
  d5: () => (/* binding */ PRODUCT_INGESTION_MIN_POLL_INTERVAL_MS),
  rc: () => (/* binding */ RENEW_BEFORE_EXPIRY_MS),
  j2: () => (/* binding */ REQUEST_TIMEOUT_MS),
  xD: () => (/* binding */ START_LOOKS_AFTER_LOST_POST),
  Wn: () => (/* binding */ START_OWN_NOT_FOUND_MS),
  eR: () => (/* binding */ SUMMARY_MAX_BYTES)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = /*#__PURE__*/JSON.parse('{"UU":"marketplace-publish-gate","rE":"0.1.0"}');
;// CONCATENATED MODULE: ./src/constants.ts
// Every tuning number of the gate, with the reason for its value.
// package.json is the one place the name and version are kept (`npm version` changes it and the
// lockfile); the bundle inlines the two fields it reads here.

/** Sent in the User-Agent, with the version. */
const ACTION_NAME = package_namespaceObject.UU;
const ACTION_VERSION = package_namespaceObject.rE;
/** One request may take this long in all (connect, headers, body); the issue fixes it at 60 s. */
const REQUEST_TIMEOUT_MS = 60_000;
/**
 * A poll at the deadline still gets this long, so that a timeout is declared on a fresh answer
 * rather than on a request cut off after a few milliseconds; it is all the deadline is overrun by.
 */
const FINAL_REQUEST_MIN_MS = 2_000;
/** wait-for and check-name are names, not text: longer ones are a mistake (or an attack on the log). */
const MAX_LABEL_CHARS = 100;
/** Polling faster than once a second only burns API quota. */
const MIN_POLL_INTERVAL_MS = 1_000;
/**
 * The Product Ingestion API asks clients not to poll a job more than once a minute (its
 * private-offer pages, "Poll for job status"); only a loopback base-url (a simulator) may go faster.
 */
const PRODUCT_INGESTION_MIN_POLL_INTERVAL_MS = 60_000;
/**
 * Retries back off from the poll interval, doubling per consecutive failure, up to this cap (or
 * the interval itself when that is longer): a gate that waits hours gains nothing by retrying an
 * unhealthy API faster than it normally polls, and a long outage should not burn the error budget
 * in seconds.
 */
const BACKOFF_CAP_MS = 10 * 60_000;
/** ±25 % jitter keeps many gates started by one release from polling in lockstep. */
const BACKOFF_JITTER = 0.25;
/** A Retry-After of 0 still waits this long, so a misbehaving server cannot make us spin. */
const MIN_RETRY_AFTER_MS = 1_000;
/** Without any change, one info line this often shows the gate is alive. */
const HEARTBEAT_MS = 10 * 60_000;
/**
 * An outage after the first answer (ridden out until the timeout) is warned about once it has
 * lasted this long, and again at most this often while it goes on; its other retries are info
 * lines. A warning is an annotation on the run and a run writes at most MAX_WARNINGS: a blip or a
 * throttled request must not spend them, and a day-long outage must not bury the verdict. Ten
 * minutes is also the backoff cap, so a long outage warns about once per retry or less.
 */
const OUTAGE_WARNING_MS = 10 * 60_000;
/**
 * Warnings (each one an annotation on the run) a run writes at most: a server answering with
 * thousands of odd spellings must not bury the verdict.
 */
const MAX_WARNINGS = 20;
/** Lines the progress log writes for one answer at most; the rest are counted in one more line. */
const MAX_LOG_LINES_PER_POLL = 20;
/** GitHub shows at most 10 error annotations per step. */
const MAX_STEP_ANNOTATIONS = 10;
/**
 * GitHub drops a step summary above 1 MiB whole; stay under it with room for the runner's own
 * framing.
 */
const SUMMARY_MAX_BYTES = 1024 * 1024 - 16 * 1024;
/**
 * GitHub allows 1 MB of outputs per job, shared with every other step of that job: take at most
 * 3/4 of it.
 */
const OUTPUTS_MAX_BYTES = 768 * 1024;
/** The `message` output and the failure annotation are one readable paragraph, not a dump. */
const MAX_MESSAGE_CHARS = 4_000;
/**
 * A real operation has six steps. Normalization reads at most MAX_STEPS_READ of them (what the
 * verdict sees), so that a hostile answer of a million steps costs no more than a real one; outputs
 * and the summary show at most MAX_STEPS, so that no answer can push them past their size limits.
 */
const MAX_STEPS_READ = 200;
const MAX_STEPS = 100;
/**
 * Messages read from one list (the operation's, or one step's): real ones hold a handful. With
 * MAX_STEPS_READ this bounds the work per answer, whatever the body holds.
 */
const MAX_MESSAGES_PER_LIST = 200;
/** Items read from a list of operations (`operation-id: latest`); an offer has a few. */
const MAX_LIST_ITEMS = 1_000;
/**
 * Links and short fields (ids, names, statuses, time frames) are capped so that no API answer can
 * push the outputs past their limit: real ones are a few dozen characters.
 */
const MAX_LINKS = 50;
const MAX_LINK_CHARS = 2_000;
const MAX_FIELD_CHARS = 200;
/**
 * A correlation header quoted in messages (x-ms-correlation-request-id, request-id,
 * client-request-id): Microsoft's are GUIDs, 36 characters; a longer one is cut.
 */
const MAX_CORRELATION_ID_CHARS = 100;
/** One message's text; CPP messages are a sentence or two. */
const MAX_MESSAGE_TEXT_CHARS = 20_000;
/**
 * An API's error tree (a configure job's `errors`) is kept to this many errors, this deep, each
 * message this long: real trees are three levels of one error each, and the tree is repeated in
 * the `errors` output, the summary and the job step's messages, all within their size limits.
 */
const MAX_ERROR_NODES = 100;
const MAX_ERROR_DEPTH = 10;
const MAX_ERROR_MESSAGE_CHARS = 2_000;
/** Error bodies are quoted in messages up to this length. */
const ERROR_EXCERPT_CHARS = 300;
/**
 * JSON from the network is built only this far (src/net/json.ts): items of one array or object,
 * values in all, and levels of nesting. A real answer has a few hundred values a few levels deep;
 * with these, a 10 MB body of any shape costs a fraction of a second and a few tens of MB.
 */
const MAX_JSON_ITEMS = 1_000;
const MAX_JSON_VALUES = 100_000;
const MAX_JSON_DEPTH = 32;
/**
 * A body up to this size whose commas and brackets show it cannot reach a limit above is read by
 * JSON.parse (src/net/json.ts); a real answer is a few kB.
 */
const MAX_NATIVE_JSON_CHARS = 64 * 1024;
/** A body larger than this is not an operation; reading stops there. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** GitHub-hosted jobs are stopped after 6 hours. */
const HOSTED_JOB_LIMIT_MS = 6 * 60 * 60_000;
/**
 * An Azure AD token is renewed this long before it expires (or at half its life when it lives
 * less than twice that), so a poll never goes out with a token about to lapse.
 */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;
/** A check run shows a new state at most this often: enough for a wait of hours, light on the API. */
const CHECK_RUN_UPDATE_MS = 60_000;
/**
 * A check run's output summary holds at most 65,535 characters. The summary is cut in bytes, and a
 * text never has more characters than UTF-8 bytes, so this many bytes always fit.
 */
const CHECK_RUN_MAX_BYTES = 60_000;
/**
 * After the wait ends (verdict, deadline or signal) the gate has this long to write its outputs
 * and summary, complete the check run and exit: a runner sends SIGKILL a few seconds after
 * SIGTERM, and `timeout` is a promise to the user.
 */
const EXIT_GRACE_MS = 2_000;
/**
 * The check run's final update gets this much of the grace (or, after a verdict before the
 * deadline, up to CHECK_RUN_FINAL_MAX_MS while the deadline allows): it is given up with a warning
 * when GitHub does not answer in time.
 */
const CHECK_RUN_FINAL_MS = 1_200;
const CHECK_RUN_FINAL_MAX_MS = 15_000;
/** What is left of the grace for stdout and stderr to drain to a slow reader before exiting. */
const DRAIN_MIN_MS = 500;
/**
 * Shorter values are not redacted from text (the runner still masks them in the log): hiding every
 * "abc" in a message would make it unreadable, and real secrets are far longer.
 */
const MIN_SECRET_CHARS = 6;
/** Node fires any timer longer than 2^31−1 ms after 1 ms; longer waits are taken in pieces. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Look-ups after a publish request whose answer was lost (or named nothing to watch, or was
 * refused as a conflict with a publish not listed yet) before the gate stops: lists lag behind the
 * request by a poll or two, and one poll apart each, three give them a few minutes.
 */
const START_LOOKS_AFTER_LOST_POST = 3;
/**
 * How long a CPP operation this run just started may answer 404 before that is believed: the API
 * may not know it for its first minute.
 */
const START_OWN_NOT_FOUND_MS = 60_000;


/***/ }),

/***/ 8553:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ monotonicMs),
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5646);
// src/gate/: where time and the rules live: the clock (this file), the poll loop, the outages it
// rides out, and the pure verdict.
//
// The one clock of a run: monotonic time for deadlines and intervals, wall time for timestamps and
// token expiry, and the sleep between polls. run() injects it everywhere, so a test can drive the
// poll loop, token renewal, the check-run throttle and the progress log with one virtual clock.

const systemClock = {
    now: () => monotonicMs(),
    wall: () => Date.now(),
    sleep
};
/**
 * Node fires any timer longer than 2^31−1 ms after 1 ms: a long sleep is taken in pieces that fit,
 * so a 25-day interval waits 25 days instead of turning into a request storm.
 */
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal.aborted || !(ms > 0))
            return resolve();
        const end = monotonicMs() + ms;
        let timer;
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const wait = () => {
            const left = end - monotonicMs();
            if (left <= 0)
                return done();
            timer = setTimeout(wait, Math.min(left, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_TIMER_MS */ ._o));
        };
        signal.addEventListener('abort', done, { once: true });
        wait();
    });
}
/** Monotonic milliseconds (process.hrtime: the global performance object loads perf_hooks). */
function monotonicMs() {
    return Number(process.hrtime.bigint()) / 1e6;
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5646);
/* harmony import */ var _gate_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8553);
// Entry point of the bundle. The signal handlers go in first, before the rest of the gate is even
// loaded, so that SIGINT or SIGTERM (workflow cancelled, step timeout-minutes) at any moment ends
// in an orderly stop that still writes outputs and the summary. Then it runs the gate, lets
// stdout and stderr drain to the runner, and exits.


const stop = new AbortController();
let stoppedAt;
const onSignal = () => {
    stoppedAt ??= (0,_gate_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .monotonicMs */ .d)();
    stop.abort();
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);
const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(849), __nccwpck_require__.e(614)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9614));
await run({ signal: stop.signal });
// What was written must reach the runner: process.exit() drops output still queued for a slow
// pipe. The wait is bounded, so a wedged reader cannot hold the job; after a signal it fits in
// what is left of the grace period.
const drainMs = stoppedAt === undefined
    ? _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_GRACE_MS */ .ZP
    : Math.max(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .DRAIN_MIN_MS */ .Pq, stoppedAt + _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_GRACE_MS */ .ZP - 200 - (0,_gate_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .monotonicMs */ .d)());
await Promise.all([drained(process.stdout, drainMs), drained(process.stderr, drainMs)]);
// Exit now rather than when a request cut off at its deadline finally lets go of its socket.
process.exit();
function drained(stream, ms) {
    return new Promise((resolve) => {
        // Whatever is still queued, not only a queue past the high-water mark ('drain' is emitted
        // only after that): an empty write's callback runs once everything before it is written.
        if (stream.writableLength === 0)
            return resolve();
        const timer = setTimeout(resolve, ms);
        stream.write('', () => {
            clearTimeout(timer);
            resolve();
        });
    });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map