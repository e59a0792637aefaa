export const id = 920;
export const ids = [920];
export const modules = {

/***/ 145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ staticToken),
/* harmony export */   l: () => (/* binding */ AuthError)
/* harmony export */ });
// Where the bearer token for the marketplace API comes from: the `token` input as given, or Azure
// AD tokens the gate gets and renews itself (src/auth/azure-ad.ts). The API client only asks for
// a token, within the budget of the poll that needs it.
/** A sign-in failure; `transient` ones (network, 429, 5xx) are retried like any other request. */
class AuthError extends Error {
    transient;
    /** A transient failure's Retry-After, honoured like the API's. */
    retryAfterMs;
    constructor(message, transient, retryAfterMs) {
        super(message);
        this.transient = transient;
        this.retryAfterMs = retryAfterMs;
    }
}
/** The `token` input, for the API whose tokens are issued for `resource`. */
function staticToken(token, resource) {
    return {
        description: 'the token input',
        token: () => Promise.resolve(token),
        invalidate: () => false,
        unauthorizedHint: `The token input is used as given: get a new one for ${resource} (az account get-access-token --resource ${resource}). Azure AD tokens expire after 60 to 90 minutes; for longer waits sign in with client-id and tenant-id (GitHub OIDC, needs permissions: id-token: write) or with a client secret, and the gate renews its own tokens.`
    };
}


/***/ }),

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
// Parses the durations users write in `timeout` and `poll-interval`: 90s, 45m, 2h, 1h30m, 2d.
const UNIT_MS = {
    d: 86_400_000,
    h: 3_600_000,
    m: 60_000,
    s: 1_000
};
const DURATION = /^(?:\d+\s*[dhms]\s*)+$/i;
const PART = /(\d+)\s*([dhms])/gi;
function parseDuration(text) {
    const value = text.trim();
    if (/^\d+(\.\d+)?$/.test(value)) {
        return {
            ok: false,
            expected: `a unit: write ${value}s, ${value}m or ${value}h`
        };
    }
    if (!DURATION.test(value)) {
        return { ok: false, expected: 'a duration with units, such as 90s, 45m, 2h, 1h30m or 2d' };
    }
    let ms = 0;
    for (const [, amount, unit] of value.matchAll(PART)) {
        ms += Number(amount) * UNIT_MS[unit.toLowerCase()];
    }
    if (!Number.isSafeInteger(ms))
        return { ok: false, expected: 'a duration shorter than that' };
    if (ms <= 0)
        return { ok: false, expected: 'a duration greater than zero' };
    return { ok: true, ms };
}
/** The inverse, for messages: 5400000 → "1h30m", 1500 → "1.5s". */
function formatDuration(ms) {
    if (ms < 60_000) {
        const seconds = Math.round(ms / 100) / 10;
        return `${seconds}s`;
    }
    let rest = Math.round(ms / 1000);
    let text = '';
    for (const [unit, size] of [
        ['d', 86_400],
        ['h', 3_600],
        ['m', 60],
        ['s', 1]
    ]) {
        const amount = Math.floor(rest / size);
        rest -= amount * size;
        if (amount > 0)
            text += `${amount}${unit}`;
    }
    return text;
}


/***/ }),

/***/ 5950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ findStep),
/* harmony export */   W: () => (/* binding */ verdict)
/* harmony export */ });
/* harmony import */ var _model_describe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1872);
/* harmony import */ var _model_status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8203);
// The gate's rules as a pure function: given one snapshot and what we wait for, pass, fail or wait.
// What "ready" means (the preview ready for go-live…) is the backend's, passed in as named rules.


function verdict(snapshot, waitFor, rules) {
    return failure(snapshot) ?? success(snapshot, waitFor, rules);
}
/**
 * The first failing step (in the order listed) names the failure; the result is `blocked` for a
 * blocked step, `canceled` for a canceled operation or step, `failed` otherwise.
 */
function failure(snapshot) {
    const failedStep = snapshot.steps.find((step) => (0,_model_status_js__WEBPACK_IMPORTED_MODULE_0__/* .isFailingStepStatus */ .TQ)(step.status));
    if (!failedStep && !(0,_model_status_js__WEBPACK_IMPORTED_MODULE_0__/* .isFailingStepStatus */ .TQ)(snapshot.status))
        return undefined;
    const result = failedStep?.status === 'blocked' || (!failedStep && snapshot.status === 'blocked')
        ? 'blocked'
        : failedStep?.status === 'canceled' || snapshot.status === 'canceled'
            ? 'canceled'
            : 'failed';
    if (failedStep) {
        return {
            kind: 'fail',
            result,
            failedStep,
            message: (0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .stepFailureSentence */ .yl)(failedStep)
        };
    }
    return {
        kind: 'fail',
        result,
        message: (0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .failureSentence */ .Qz)('The operation', snapshot.status, snapshot.messages)
    };
}
function success(snapshot, waitFor, rules) {
    const succeeded = snapshot.status === 'succeeded';
    switch (waitFor.kind) {
        case 'completion':
            return succeeded ? { kind: 'pass', message: 'The operation succeeded.' } : { kind: 'wait' };
        case 'ready': {
            const message = Object.hasOwn(rules, waitFor.rule) ? rules[waitFor.rule](snapshot) : undefined;
            return message === undefined ? { kind: 'wait' } : { kind: 'pass', message };
        }
        case 'step': {
            const target = findStep(snapshot, (0,_model_status_js__WEBPACK_IMPORTED_MODULE_0__/* .spellingKey */ .iB)(waitFor.stepId));
            // A step id the operation does not list is a mistake in wait-for, even once it succeeded.
            if (!target && snapshot.steps.length > 0) {
                const named = [...Object.keys(rules), 'completion'].map((name) => `"${name}"`);
                const last = named.pop() ?? '';
                return {
                    kind: 'invalid',
                    message: `wait-for: the operation has no step "${waitFor.stepId}". Its steps are: ${snapshot.steps.map(_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .stepLabel */ .vO).join(', ')}. Use one of these ids, ${named.length === 0 ? last : `${named.join(', ')} or ${last}`}.`
                };
            }
            if (target?.status === 'succeeded') {
                return { kind: 'pass', message: `Step ${target.name} succeeded.` };
            }
            if (!succeeded)
                return { kind: 'wait' };
            return {
                kind: 'pass',
                message: 'The operation succeeded.',
                warning: target
                    ? `The operation succeeded, but step ${target.name} was reported ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .describeStatus */ .Wn)(target.status, target.rawStatus)}, not succeeded.`
                    : `The operation succeeded, but no response listed the step "${waitFor.stepId}".`
            };
        }
    }
}
/** Steps are matched by id or by name, ignoring case, spaces, dashes and underscores. */
function findStep(snapshot, key) {
    return snapshot.steps.find((step) => (0,_model_status_js__WEBPACK_IMPORTED_MODULE_0__/* .spellingKey */ .iB)(step.id) === key || (0,_model_status_js__WEBPACK_IMPORTED_MODULE_0__/* .spellingKey */ .iB)(step.name) === key);
}


/***/ }),

/***/ 3920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
// EXTERNAL MODULE: ./src/auth/token-source.ts
var token_source = __webpack_require__(145);
;// CONCATENATED MODULE: ./src/backends/backend.ts
// What a backend is, and the registry of them. A backend is one folder under src/backends/ that
// brings everything one marketplace API needs: its inputs, token scope, status spellings, wording
// for HTTP answers, labels, its ready rules and a watcher that turns one poll into one Snapshot.
// Nothing shared imports from a backend; main.ts reaches one only through this file.
/** Each backend is loaded only when `api` names it: every one is a chunk of its own in dist/. */
const REGISTRY = {
    cpp: async () => (await __webpack_require__.e(/* import() */ 425).then(__webpack_require__.bind(__webpack_require__, 1425))).cppBackend,
    'product-ingestion': async () => (await __webpack_require__.e(/* import() */ 446).then(__webpack_require__.bind(__webpack_require__, 7446))).productIngestionBackend
};
const APIS = Object.keys(REGISTRY);
function isApi(name) {
    return Object.hasOwn(REGISTRY, name);
}
function loadBackend(api) {
    return REGISTRY[api]();
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/duration.ts
var src_duration = __webpack_require__(7607);
;// CONCATENATED MODULE: ./src/config.ts
// Inputs become one validated Config here; no code below reads an input. The shared inputs are
// read here and the API's own by its backend. Every problem is reported together, before any
// request.



class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? `Invalid input: ${problems[0]}`
            : `Invalid inputs:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
        this.problems = problems;
    }
}
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-[a-z0-9]+)?$/i;
/**
 * action.yml's defaults, applied here too so that a run outside a runner behaves the same. The
 * defaults of base-url and api-version depend on `api`: they come from the backend.
 */
const INPUT_DEFAULTS = {
    api: 'cpp',
    'operation-id': '',
    token: '',
    'wait-for': 'completion',
    timeout: '60m',
    'poll-interval': '60s',
    'max-consecutive-errors': '5',
    // Empty in action.yml: the default depends on `api` (the backend's defaults).
    'api-version': '',
    'base-url': '',
    summary: 'true',
    'tenant-id': '',
    'client-id': '',
    'client-secret': '',
    audience: 'api://AzureADTokenExchange',
    'authority-host': 'https://login.microsoftonline.com',
    mode: 'wait',
    'check-name': '',
    // action.yml's default is ${{ github.token }}, which only a runner can fill in.
    'github-token': '',
    sha: ''
};
/** Every input with its default applied. */
function withDefaults(read) {
    return (name) => read(name) || (INPUT_DEFAULTS[name] ?? '');
}
/** The `api` input; an unknown one is an input error that lists the APIs there are. */
function readApi(read) {
    const value = withDefaults(read)('api');
    const api = value.toLowerCase();
    if (!isApi(api)) {
        throw new InputError([
            `api is "${value.length > 100 ? `${value.slice(0, 99)}…` : value}": expected ${APIS.join(' or ')}.`
        ]);
    }
    return api;
}
function readConfig(read, backend, options = {}) {
    const input = withDefaults(read);
    const problems = [];
    const problem = (name, value, expected) => {
        const shown = value.length > 100 ? `${value.slice(0, 99)}…` : value;
        problems.push(`${name} ${value === '' ? 'is empty' : `is "${shown}"`}: expected ${expected}.`);
    };
    const auth = readSignIn(input, problem, problems, backend, options.idTokenAvailable ?? false);
    const duration = (name, minimumMs) => {
        const value = input(name);
        const parsed = (0,src_duration/* parseDuration */.E)(value);
        if (!parsed.ok)
            problem(name, value, parsed.expected);
        else if (parsed.ms < minimumMs)
            problem(name, value, `at least ${(0,src_duration/* formatDuration */.a)(minimumMs)}`);
        return parsed.ok ? parsed.ms : 0;
    };
    const timeoutMs = duration('timeout', 1);
    const pollIntervalMs = duration('poll-interval', constants/* MIN_POLL_INTERVAL_MS */.WW);
    const errorsText = input('max-consecutive-errors');
    const maxConsecutiveErrors = Number(errorsText);
    if (!/^\d+$/.test(errorsText) || maxConsecutiveErrors < 1) {
        problem('max-consecutive-errors', errorsText, 'a whole number of at least 1');
    }
    const apiVersion = read('api-version') || backend.defaults.apiVersion;
    if (!API_VERSION.test(apiVersion)) {
        problem('api-version', apiVersion, `a date such as ${backend.defaults.apiVersion}`);
    }
    const baseUrl = read('base-url') || backend.defaults.baseUrl;
    const base = readBase(baseUrl, backend.defaults.baseUrl, backend.baseUrlPath, (expected) => problem('base-url', baseUrl, expected));
    const authorityHost = readBase(input('authority-host'), INPUT_DEFAULTS['authority-host'], false, (expected) => problem('authority-host', input('authority-host'), expected))?.origin;
    const summaryText = input('summary');
    const summary = /^(true|false)$/i.test(summaryText) ? summaryText.toLowerCase() === 'true' : true;
    if (!/^(true|false)$/i.test(summaryText))
        problem('summary', summaryText, 'true or false');
    const waitFor = readWaitFor(input('wait-for'), backend);
    const checkRun = readCheckRun(input, problem);
    const modeText = input('mode').toLowerCase();
    if (modeText !== 'wait' && modeText !== 'check') {
        problem('mode', input('mode'), 'wait (poll until a verdict) or check (poll once, for scheduled workflows)');
    }
    // The backend's own inputs are checked even when shared ones are wrong, so that one run reports
    // them all: against base-url's default when base-url itself is wrong.
    const checked = base ?? {
        origin: new URL(backend.defaults.baseUrl).origin,
        url: backend.defaults.baseUrl
    };
    const watch = backend.readWatch(input, problem, {
        origin: checked.origin,
        baseUrl: checked.url,
        loopback: isLoopback(new URL(checked.origin).hostname),
        apiVersion: API_VERSION.test(apiVersion) ? apiVersion : backend.defaults.apiVersion,
        pollIntervalMs
    });
    if (problems.length > 0)
        throw new InputError(problems);
    return {
        api: backend.api,
        watch,
        auth: auth.kind === 'static'
            ? auth
            : { ...auth, authorityHost: authorityHost ?? INPUT_DEFAULTS['authority-host'] },
        waitFor,
        timeoutMs,
        pollIntervalMs,
        maxConsecutiveErrors,
        mode: modeText === 'check' ? 'check' : 'wait',
        checkRun,
        summary
    };
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * One way to sign in, in this order: the token as given; client credentials with client-secret;
 * client credentials with a GitHub OIDC token. Anything else names what is missing.
 */
function readSignIn(input, problem, problems, backend, idTokenAvailable) {
    const token = bareToken(input('token'));
    const tenantId = input('tenant-id');
    const clientId = input('client-id');
    const clientSecret = input('client-secret');
    const audience = input('audience');
    const authorityHost = '';
    if (token !== '') {
        if (/[\s\p{Cc}]/u.test(token)) {
            problems.push('token contains white space or control characters: expected the bare access token.');
        }
        return { kind: 'static', token };
    }
    if (clientId === '' || tenantId === '') {
        const missing = [clientId === '' ? 'client-id' : '', tenantId === '' ? 'tenant-id' : ''].filter(Boolean);
        const given = clientId !== '' || tenantId !== '' || clientSecret !== '';
        const tokenHelp = `an Azure AD access token for ${backend.resource}, e.g. from "az account get-access-token --resource ${backend.resource}"`;
        problems.push(given
            ? `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing: to sign in to Azure AD give both client-id and tenant-id (with client-secret, or without it to use GitHub OIDC), or give token.`
            : `token is empty: expected ${tokenHelp}, or client-id and tenant-id to sign in to Azure AD with GitHub OIDC (add client-secret to sign in with a secret).`);
        return { kind: 'static', token: '' };
    }
    if (!GUID.test(clientId))
        problem('client-id', clientId, "the application (client) ID, a GUID from the app registration's overview");
    if (!GUID.test(tenantId) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(tenantId)) {
        problem('tenant-id', tenantId, 'the directory (tenant) ID, a GUID, or a domain such as contoso.onmicrosoft.com');
    }
    if (clientSecret !== '')
        return { kind: 'secret', tenantId, clientId, clientSecret, authorityHost };
    if (!idTokenAvailable) {
        problems.push('GitHub OIDC sign-in (client-id and tenant-id without client-secret) needs `permissions: id-token: write` in the workflow or the job: GitHub gave this job no OIDC token.');
    }
    return { kind: 'oidc', tenantId, clientId, audience, authorityHost };
}
function readCheckRun(input, problem) {
    const name = input('check-name');
    if (name === '')
        return undefined;
    const token = input('github-token');
    const sha = input('sha');
    if (token === '')
        problem('github-token', '', 'a token that may write checks (the default, ${{ github.token }}, with permissions: checks: write)');
    if (sha !== '' && !/^[0-9a-f]{40}$/i.test(sha))
        problem('sha', sha, 'a full 40-character commit SHA');
    return { name, token, sha };
}
/** The token as it is sent: users often paste it with its "Bearer " prefix. */
function bareToken(value) {
    return value.replace(/^bearer\s+/i, '');
}
/** `completion`, one of the backend's named conditions (any case), or a step id. */
function readWaitFor(value, backend) {
    if (/^completion$/i.test(value))
        return { kind: 'completion' };
    const rule = Object.keys(backend.readyRules).find((name) => name.toLowerCase() === value.toLowerCase());
    return rule === undefined ? { kind: 'step', stepId: value } : { kind: 'ready', rule };
}
/**
 * https anywhere; http only for loopback hosts, where nothing leaves the machine. An origin, or
 * with `path` an origin and a path (Graph serves an API under one): `url` is then both, without
 * a trailing slash.
 */
function readBase(value, example, path, fail) {
    const expected = `an https:// ${path ? 'URL' : 'origin'} such as ${example} (http:// only for 127.0.0.0/8, localhost or [::1])`;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        fail(expected);
        return undefined;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
        fail(expected);
        return undefined;
    }
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
        fail(path
            ? 'a URL without credentials, query or fragment'
            : 'an origin only (scheme, host and port), without credentials, path or query');
        return undefined;
    }
    if (!path && url.pathname !== '/') {
        fail('an origin only (scheme, host and port), without credentials, path or query');
        return undefined;
    }
    return { origin: url.origin, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
/** Whether a URL's hostname is on this machine. */
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

;// CONCATENATED MODULE: ./src/gate/clock.ts
// The one clock of a run: monotonic time for deadlines and intervals, wall time for timestamps and
// token expiry, and the sleep between polls. run() injects it everywhere, so a test can drive the
// poll loop, token renewal, the check-run throttle and the progress log with one virtual clock.

const systemClock = {
    now: () => performance.now(),
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
        const end = performance.now() + ms;
        let timer;
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const wait = () => {
            const left = end - performance.now();
            if (left <= 0)
                return done();
            timer = setTimeout(wait, Math.min(left, constants/* MAX_TIMER_MS */._o));
        };
        signal.addEventListener('abort', done, { once: true });
        wait();
    });
}

// EXTERNAL MODULE: ./src/model/describe.ts
var describe = __webpack_require__(1872);
// EXTERNAL MODULE: ./src/net/budget.ts
var budget = __webpack_require__(8766);
// EXTERNAL MODULE: ./src/gate/verdict.ts
var verdict = __webpack_require__(5950);
;// CONCATENATED MODULE: ./src/gate/poll.ts
// The poll loop: the only place with time in it. It polls, asks `verdict`, and waits (interval,
// Retry-After or backoff) until a verdict, the deadline, the error budget or a signal ends it.
// Every poll gets a Budget that ends at the deadline at the latest, so no request outlives it.





async function poll(settings, deps) {
    const { clock } = deps;
    let polls = 0;
    let failures = 0;
    let snapshot;
    let lastFailure;
    const end = (result, message, extra = {}) => ({
        result,
        message,
        ...(snapshot === undefined ? {} : { snapshot }),
        polls,
        requests: deps.requests(),
        ...extra
    });
    const interrupted = () => end('interrupted', `Interrupted while waiting (the workflow was cancelled or the step timed out). ${(0,describe/* lastSeen */.YO)(snapshot)}`);
    for (;;) {
        if (deps.signal.aborted)
            return interrupted();
        const remaining = settings.deadline - clock.now();
        polls++;
        const fetched = await untilAborted(deps.fetch((0,budget/* budget */.g)(deps.signal, Math.min(constants/* REQUEST_TIMEOUT_MS */.j2, remaining))), deps.signal);
        if (fetched === undefined)
            return interrupted();
        let delayMs = settings.intervalMs;
        if (fetched.kind === 'fatal')
            return end('error', fetched.message);
        if (fetched.kind === 'transient') {
            failures++;
            lastFailure = fetched.reason;
            if (failures >= settings.maxConsecutiveErrors) {
                return end('error', `Gave up after ${failures} consecutive failed request${failures === 1 ? '' : 's'} (max-consecutive-errors). The last one: ${fetched.reason}`);
            }
            delayMs = fetched.retryAfterMs ?? backoff(failures, settings.intervalMs, deps.random);
        }
        else {
            failures = 0;
            lastFailure = undefined;
            snapshot = fetched.value;
            deps.onSnapshot(snapshot);
            const found = (0,verdict/* verdict */.W)(snapshot, settings.waitFor, settings.rules);
            if (found.kind === 'pass') {
                if (found.warning)
                    deps.warn(found.warning);
                return end('succeeded', found.message);
            }
            if (found.kind === 'fail') {
                return end(found.result, found.message, found.failedStep ? { failedStep: found.failedStep } : {});
            }
            if (found.kind === 'invalid')
                return end('error', found.message);
            if (settings.once)
                return end('pending', `The operation is still going. ${(0,describe/* lastSeen */.YO)(snapshot)}`);
        }
        // The last poll goes out early enough to be answered by the deadline: a timeout is declared on
        // an answer at most FINAL_REQUEST_MIN_MS old, and no request runs past the deadline.
        const left = settings.deadline - clock.now();
        if (left <= constants/* FINAL_REQUEST_MIN_MS */.Z5) {
            const failing = lastFailure === undefined ? '' : ` The last request failed: ${lastFailure}`;
            return end('timed-out', `Timed out after ${(0,src_duration/* formatDuration */.a)(settings.timeoutMs)}. ${(0,describe/* lastSeen */.YO)(snapshot)}${failing}`);
        }
        const waitMs = Math.min(delayMs, left - constants/* FINAL_REQUEST_MIN_MS */.Z5);
        if (fetched.kind === 'transient')
            deps.onRetry(fetched.reason, failures, waitMs);
        await clock.sleep(waitMs, deps.signal);
    }
}
/** Exponential from the poll interval, capped, with jitter so that gates do not poll in lockstep. */
function backoff(failures, intervalMs, random) {
    const cap = Math.max(constants/* BACKOFF_CAP_MS */.NA, intervalMs);
    // Capped before it is computed: 2^failures overflows to Infinity after about a thousand.
    const base = failures > 40 ? cap : Math.min(cap, intervalMs * 2 ** (failures - 1));
    return Math.round(base * (1 - constants/* BACKOFF_JITTER */.c4 + 2 * constants/* BACKOFF_JITTER */.c4 * random()));
}
/** Resolves with the promise's value, or with undefined as soon as the signal aborts. */
function untilAborted(promise, signal) {
    if (signal.aborted)
        return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
        const onAbort = () => resolve(undefined);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
}

// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(9663);
// EXTERNAL MODULE: ./src/net/wording.ts
var wording = __webpack_require__(6543);
;// CONCATENATED MODULE: ./src/net/api-client.ts
// The authenticated side of HTTP for every backend: one request with a bearer token, classified as
// a body, a transient failure (retry) or a fatal one (stop), in the backend's words. A 401 gets
// one fresh token and one more try. Counts every request it sends, for the `requests` output.



class ApiClient {
    tokens;
    wording;
    now;
    debug;
    sent = 0;
    constructor(options) {
        this.tokens = options.tokens;
        this.wording = options.wording;
        this.now = options.now ?? Date.now;
        this.debug = options.debug ?? (() => undefined);
    }
    /** Requests sent so far, failed ones included. */
    get requests() {
        return this.sent;
    }
    async getJson(url, budget) {
        const answer = await this.request('GET', url, undefined, budget);
        return answer.kind === 'ok' ? { kind: 'ok', value: answer.value.body } : answer;
    }
    /** One request; a 401 renews the token once and tries again. */
    async request(method, url, body, budget) {
        const first = await this.attempt(method, url, body, budget);
        if (first.status !== 401)
            return first.result;
        // A token can be refused before its stated expiry: renew once; a second 401 is for real.
        if (!this.tokens.invalidate())
            return first.result;
        this.debug('The API refused the token (HTTP 401): renewing it once.');
        return (await this.attempt(method, url, body, budget)).result;
    }
    async attempt(method, url, body, budget) {
        let token;
        try {
            token = await this.tokens.token(budget);
        }
        catch (error) {
            const message = (0,http/* reasonOf */.A3)(error);
            if (!(error instanceof token_source/* AuthError */.l))
                return { result: { kind: 'transient', reason: message } };
            if (!error.transient)
                return { result: { kind: 'fatal', message } };
            const delay = error.retryAfterMs;
            return {
                result: {
                    kind: 'transient',
                    reason: message,
                    ...(delay === undefined ? {} : { retryAfterMs: delay })
                }
            };
        }
        const started = this.now();
        let response;
        this.sent++;
        try {
            response = await (0,http/* send */.tN)({
                method,
                url,
                headers: {
                    Authorization: `Bearer ${token}`,
                    Accept: 'application/json',
                    ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
                },
                ...(body === undefined ? {} : { body: JSON.stringify(body) })
            }, budget);
        }
        catch (error) {
            const reason = (0,http/* reasonOf */.A3)(error);
            this.debug(`${method} ${url} failed after ${this.now() - started} ms: ${reason}`);
            return { result: { kind: 'transient', reason } };
        }
        // A server that echoes the request's headers must not make us repeat the token anywhere.
        response.body = (0,http/* hide */.jD)(response.body, token);
        for (const name of ['location', 'operationLocation', 'correlationId']) {
            const value = response[name];
            if (value !== undefined)
                response[name] = (0,http/* hide */.jD)(value, token);
        }
        const { status, correlationId } = response;
        this.debug(`${method} ${url} → HTTP ${status} in ${this.now() - started} ms${correlationId ? ` (x-ms-correlation-request-id: ${correlationId})` : ''}`);
        return { status, result: await this.classify(response, method, url) };
    }
    async classify(response, method, url) {
        const { status, body } = response;
        if (status >= 200 && status < 300) {
            try {
                return {
                    kind: 'ok',
                    value: {
                        // A POST that starts an operation may answer 202 with its address in a header only.
                        body: method === 'POST' && body.trim() === '' ? undefined : JSON.parse(body),
                        status,
                        ...(response.location === undefined ? {} : { location: response.location }),
                        ...(response.operationLocation === undefined
                            ? {}
                            : { operationLocation: response.operationLocation })
                    }
                };
            }
            catch {
                const { detail } = await (0,wording/* httpFailure */.tG)(response);
                return {
                    kind: 'transient',
                    reason: (0,wording/* withCorrelation */.$s)(`HTTP ${status} with a body that is not JSON${detail === '' ? ' (empty)' : `: ${detail}`}`, response.correlationId)
                };
            }
        }
        const failure = { ...(await (0,wording/* httpFailure */.tG)(response)), url };
        if ((0,http/* isTransientStatus */.Dm)(status)) {
            const delay = (0,http/* retryAfterMs */.Vs)(response.retryAfter, this.now());
            return {
                kind: 'transient',
                reason: (0,wording/* transientHttpReason */.BS)(failure),
                ...(delay === undefined ? {} : { retryAfterMs: delay })
            };
        }
        const message = this.wording.fatal(failure);
        return {
            kind: 'fatal',
            message: status === 401 ? `${message} ${this.tokens.unauthorizedHint}` : message
        };
    }
}

;// CONCATENATED MODULE: ./src/report/progress-log.ts
// The run's log: an info line only when something changes (operation status, a step's status, the
// running step's percentage), a heartbeat when nothing has for a while, one warning per unknown
// spelling.



class ProgressLog {
    operation;
    steps = new Map();
    unknownSpellings = new Set();
    lastLineAt;
    sink;
    now;
    subject;
    apiTitle;
    /** `subject` is what is watched ("Operation" or "Offer"), `apiTitle` who answers ("the CPP API"). */
    constructor(sink, now, subject = 'Operation', apiTitle = 'the API') {
        this.subject = subject;
        this.apiTitle = apiTitle;
        this.sink = sink;
        this.now = now;
        this.lastLineAt = now();
    }
    onSnapshot(snapshot) {
        const lines = [];
        const operation = (0,describe/* describeStatus */.Wn)(snapshot.status, snapshot.rawStatus);
        if (operation !== this.operation) {
            lines.push(this.operation === undefined
                ? `${this.subject} status: ${operation}`
                : `${this.subject} status: ${this.operation} → ${operation}`);
            this.operation = operation;
        }
        snapshot.steps.forEach((step, index) => {
            const key = `${index}:${step.id}`;
            const progress = step.status === 'running' && step.progress !== undefined ? ` ${step.progress}%` : '';
            const state = `${(0,describe/* describeStatus */.Wn)(step.status, step.rawStatus)}${progress}`;
            const before = this.steps.get(key);
            if (state !== before && !(before === undefined && step.status === 'notStarted')) {
                const eta = step.estimatedTimeFrame && step.status === 'running'
                    ? ` (estimated ${step.estimatedTimeFrame})`
                    : '';
                lines.push(`Step ${step.name}: ${before === undefined ? '' : `${before} → `}${state}${eta}`);
            }
            this.steps.set(key, state);
        });
        for (const raw of [snapshot, ...snapshot.steps]
            .filter((item) => item.status === 'unknown')
            .map((item) => item.rawStatus)) {
            if (!this.unknownSpellings.has(raw)) {
                this.unknownSpellings.add(raw);
                this.sink.warning(raw === ''
                    ? `${capitalized(this.apiTitle)} answered without a status: the gate keeps polling and reports it as unknown.`
                    : `Unknown status "${raw}" from ${this.apiTitle}: the gate keeps polling and reports it as unknown. Please open an issue with this spelling.`);
            }
        }
        if (lines.length > 0)
            this.say(lines);
        else if (this.now() - this.lastLineAt >= constants/* HEARTBEAT_MS */.m)
            this.say([`Still waiting. ${(0,describe/* lastSeen */.YO)(snapshot)}`]);
    }
    onRetry(reason, failures, limit, delayMs) {
        this.say([
            `Request failed (${failures} in a row; the gate gives up at ${limit}): ${reason}. Retrying in ${(0,src_duration/* formatDuration */.a)(delayMs)}.`
        ]);
    }
    say(lines) {
        for (const line of lines)
            this.sink.info(line);
        this.lastLineAt = this.now();
    }
}
function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/report/annotations.ts
var report_annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/model/snapshot.ts
var model_snapshot = __webpack_require__(709);
;// CONCATENATED MODULE: ./src/report/names.ts
// The one place that names per-step outputs: step-<id>-status, step-<id>-progress.
/** `Publisher Signoff` → `publisher-signoff`: lower case, runs outside a-z0-9 become one dash. */
function outputSlug(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
/**
 * One unique slug per step, in order: its id (its name if it has none); a slug already taken gets
 * -2, -3…; a step whose id and name have no letters or digits is named by its position.
 */
function stepSlugs(steps) {
    const taken = new Set();
    return steps.map((step, index) => {
        const base = outputSlug(step.id === '' ? step.name : step.id) || `${index + 1}`;
        let slug = base;
        for (let n = 2; taken.has(slug); n++)
            slug = `${base}-${n}`;
        taken.add(slug);
        return slug;
    });
}

// EXTERNAL MODULE: ./src/report/trim.ts
var trim = __webpack_require__(7456);
;// CONCATENATED MODULE: ./src/report/outputs.ts
// Every output of the action, computed from the report; all of them together stay under GitHub's
// per-job output limit.




function buildOutputs(report) {
    const { outcome } = report;
    const snapshot = outcome.snapshot;
    const fixed = {
        result: outcome.result,
        status: snapshot?.status ?? '',
        'raw-status': snapshot?.rawStatus ?? '',
        'operation-id': report.operationId,
        'submission-type': snapshot?.submissionType ?? '',
        'failed-step': outcome.failedStep ? outcome.failedStep.id || outcome.failedStep.name : '',
        message: outcome.message,
        'preview-links': JSON.stringify(snapshot?.previewLinks ?? []),
        'live-links': JSON.stringify(snapshot?.liveLinks ?? []),
        'elapsed-seconds': String(Math.round(report.elapsedMs / 1000)),
        polls: String(outcome.polls),
        requests: String(outcome.requests),
        'check-run-id': report.checkRun ? String(report.checkRun.id) : '',
        'check-run-url': report.checkRun?.url ?? '',
        ...factOutputs(snapshot),
        // Empty when the API has no error tree (CPP), `[]` when it has one without errors.
        errors: snapshot?.errors === undefined ? '' : JSON.stringify(snapshot.errors.map(errorJson))
    };
    if (outcome.snapshot === undefined)
        return { ...fixed, steps: '[]' };
    const { snapshot: shown } = (0,trim/* capSteps */.w_)(outcome.snapshot);
    const perStep = {};
    stepSlugs(shown.steps).forEach((slug, index) => {
        const step = shown.steps[index];
        perStep[`step-${slug}-status`] = step.status;
        perStep[`step-${slug}-progress`] = step.progress === undefined ? '' : String(step.progress);
    });
    const overhead = Object.entries({ ...fixed, ...perStep }).reduce((sum, [name, value]) => sum + (0,trim/* bytes */.ee)(name) + (0,trim/* bytes */.ee)(value), (0,trim/* bytes */.ee)('steps'));
    const fitted = (0,trim/* fitByLeavingOutOldest */.EK)(shown, constants/* OUTPUTS_MAX_BYTES */.A3 - overhead, stepsJson);
    // Unreachable with normalize's caps; the per-step outputs still carry every status then.
    return { ...fixed, steps: fitted.fits ? fitted.text : '[]', ...perStep };
}
/** Facts named like an output set it (see OUTPUT_FACTS); each is empty when the API gave none. */
function factOutputs(snapshot) {
    return Object.fromEntries(model_snapshot/* OUTPUT_FACTS */.YX.map((name) => [
        name,
        snapshot?.facts?.find((fact) => fact.name === name)?.value ?? ''
    ]));
}
function errorJson(node) {
    return {
        code: node.code,
        message: node.message,
        resourceId: node.resourceId ?? null,
        details: node.details.map(errorJson)
    };
}
/** The `steps` output: one object per step, messages as plain text. */
function stepsJson(snapshot) {
    return JSON.stringify(snapshot.steps.map((step) => ({
        id: step.id,
        name: step.name,
        status: step.status,
        rawStatus: step.rawStatus,
        progress: step.progress ?? null,
        estimatedTimeFrame: step.estimatedTimeFrame ?? null,
        ...(step.reference === undefined ? {} : { reference: step.reference }),
        messages: step.messages.map((message) => ({
            level: message.level,
            text: (0,model_snapshot/* messageText */.Lo)(message),
            timestamp: message.timestamp ?? null
        }))
    })));
}

// EXTERNAL MODULE: ./src/report/summary.ts
var report_summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/report/publish.ts
// Where a run's report leaves the process: outputs, the verdict with its annotations, and the job
// summary, each guarded so that one failing cannot stop the others.





/**
 * Outputs, the verdict and its annotations, and the summary, each guarded so that one failing
 * cannot stop the others. A failing step's annotation carries the failure (titled with the step),
 * so the verdict is not annotated a second time then.
 */
async function publishReport(report, summary) {
    const { outcome } = report;
    await guarded('set the outputs', () => {
        for (const [name, value] of Object.entries(buildOutputs(report)))
            core/* setOutput */.uH(name, value);
    });
    const annotations = (0,report_annotations/* stepAnnotations */.x)(outcome.snapshot);
    if (outcome.result === 'succeeded')
        core/* info */.pq(`✅ ${outcome.message}`);
    else if (outcome.result === 'pending')
        core/* info */.pq(`⏳ ${outcome.message}`);
    else if (annotations.length === 0)
        core/* setFailed */.C1(outcome.message);
    else {
        process.exitCode = 1;
        core/* info */.pq(`❌ ${outcome.message}`);
        for (const annotation of annotations)
            core/* error */.z3(annotation.message, { title: annotation.title });
    }
    if (!summary)
        return;
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (!summaryFile) {
        core/* debug */.Yz('GITHUB_STEP_SUMMARY is not set: no job summary written.');
        return;
    }
    // Appended directly rather than through core.summary, which remembers the first file it saw
    // for the life of the process; the rendering is already one finished HTML document.
    await guarded('write the job summary', () => (0,promises_.appendFile)(summaryFile, (0,report_summary/* renderSummary */.B)(report)));
}
async function guarded(what, action) {
    try {
        await action();
    }
    catch (error) {
        core/* warning */.$e(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/main.ts
// Composes one run: inputs → config → backend → poll → reporters. The report is written on every
// path (success, failure, timeout, error, signals), and before the check run is completed.












async function run(options = {}) {
    const clock = options.clock ?? systemClock;
    const signal = options.signal ?? new AbortController().signal;
    const startedAt = clock.now();
    const read = (name) => core/* getInput */.V4(name);
    // Masked, as they are sent, before anything else can print them.
    for (const secret of [bareToken(read('token')), read('client-secret'), read('github-token')]) {
        if (secret !== '')
            core/* setSecret */.Pq(secret);
    }
    let backend;
    let config;
    let client;
    let watcher;
    let checkRun;
    let outcome;
    try {
        backend = await loadBackend(readApi(read));
        config = readConfig(read, backend, {
            idTokenAvailable: Boolean(process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        });
        const deadline = startedAt + config.timeoutMs;
        const tokens = await tokenSource(config, backend, clock);
        client = new ApiClient({
            tokens,
            wording: backend.wording,
            now: () => clock.wall(),
            debug: core/* debug */.Yz
        });
        watcher = config.watch.watcher({ client, info: core/* info */.pq });
        checkRun =
            config.checkRun &&
                (await openCheckRun(config, backend, clock, signal, Math.min(constants/* REQUEST_TIMEOUT_MS */.j2, deadline - clock.now())));
        const progress = checkRun;
        outcome = await gate(config, backend, { client, watcher, signedInWith: tokens.description }, {
            deadline,
            clock,
            signal,
            random: options.random ?? Math.random,
            onSnapshot: (snapshot) => progress?.progress(snapshot)
        });
    }
    catch (error) {
        outcome = {
            result: 'error',
            message: error instanceof Error ? error.message : String(error),
            polls: 0,
            requests: client?.requests ?? 0
        };
    }
    // One paragraph, not a dump, wherever it is shown.
    outcome = { ...outcome, message: (0,trim/* clip */.$Q)(outcome.message, constants/* MAX_MESSAGE_CHARS */.hP) };
    const finished = {
        offerLabel: backend?.offerLabel(withDefaults(read)) ?? withDefaults(read)('offer-id'),
        operationId: watcher?.operationId ?? '',
        outcome,
        elapsedMs: clock.now() - startedAt,
        ...(checkRun?.reference ? { checkRun: checkRun.reference } : {})
    };
    // Outputs and the summary first: whatever the check run does, they are written.
    await publishReport(finished, config?.summary ?? true);
    if (checkRun && config) {
        // After a signal or at the deadline only a short budget is left; after an early verdict the
        // final update may take longer, but never runs far past the deadline.
        const left = startedAt + config.timeoutMs - clock.now();
        const ms = signal.aborted
            ? constants/* CHECK_RUN_FINAL_MS */.Hw
            : Math.min(constants/* CHECK_RUN_FINAL_MAX_MS */.oX, Math.max(constants/* CHECK_RUN_FINAL_MS */.Hw, left));
        await checkRun.finish(finished, ms);
    }
    return outcome;
}
/** The token input as given, or Azure AD sign-in (loaded only when used: plain runs start faster). */
async function tokenSource(config, backend, clock) {
    if (config.auth.kind === 'static')
        return (0,token_source/* staticToken */.i)(config.auth.token, backend.resource);
    const [{ azureAdToken }, { githubIdToken, oidcEndpoint }] = await Promise.all([
        __webpack_require__.e(/* import() */ 267).then(__webpack_require__.bind(__webpack_require__, 4267)),
        __webpack_require__.e(/* import() */ 377).then(__webpack_require__.bind(__webpack_require__, 4377))
    ]);
    const endpoint = oidcEndpoint(process.env);
    return azureAdToken(config.auth, { scope: backend.scope, apiTitle: backend.title, refusedHint: backend.freshTokenRefused }, {
        now: () => clock.wall(),
        mask: core/* setSecret */.Pq,
        getIDToken: (audience, budget) => githubIdToken(endpoint, audience, budget),
        info: core/* info */.pq,
        debug: core/* debug */.Yz
    });
}
async function gate(config, backend, { client, watcher, signedInWith }, { deadline, clock, signal, random, onSnapshot }) {
    const log = new ProgressLog({ info: core/* info */.pq, warning: core/* warning */.$e }, () => clock.now(), config.watch.subject, backend.title);
    const waitFor = {
        completion: 'completion',
        ready: config.waitFor.kind === 'ready' ? config.waitFor.rule : '',
        step: config.waitFor.kind === 'step' ? `step ${config.waitFor.stepId}` : ''
    }[config.waitFor.kind];
    core/* info */.pq(`Watching ${config.watch.description} until ${waitFor}; ${config.mode === 'check' ? 'checking once' : `timeout ${(0,src_duration/* formatDuration */.a)(config.timeoutMs)}, polling every ${(0,src_duration/* formatDuration */.a)(config.pollIntervalMs)}`}; signed in with ${signedInWith}.`);
    if (process.env.RUNNER_ENVIRONMENT === 'github-hosted' &&
        config.timeoutMs > constants/* HOSTED_JOB_LIMIT_MS */.FD) {
        core/* warning */.$e(`timeout is ${(0,src_duration/* formatDuration */.a)(config.timeoutMs)}, but GitHub-hosted jobs are stopped after 6h: the job will end before the gate does. Use a self-hosted runner, or wait in several runs.`);
    }
    return poll({
        waitFor: config.waitFor,
        rules: backend.readyRules,
        deadline,
        timeoutMs: config.timeoutMs,
        intervalMs: config.pollIntervalMs,
        maxConsecutiveErrors: config.maxConsecutiveErrors,
        once: config.mode === 'check'
    }, {
        fetch: (budget) => watcher.poll(budget),
        clock,
        random,
        signal,
        requests: () => client.requests,
        onSnapshot: (snapshot) => {
            log.onSnapshot(snapshot);
            onSnapshot(snapshot);
        },
        onRetry: (reason, failures, delayMs) => log.onRetry(reason, failures, config.maxConsecutiveErrors, delayMs),
        warn: core/* warning */.$e
    });
}
/**
 * The check run, with @actions/github loaded only now: plain runs do not pay for it. The commit is
 * the pull request's head for pull_request events (GITHUB_SHA is then a merge commit).
 */
async function openCheckRun(config, backend, clock, signal, ms) {
    if (!config.checkRun)
        return undefined;
    const [github, { CheckRun }] = await Promise.all([
        __webpack_require__.e(/* import() */ 542).then(__webpack_require__.bind(__webpack_require__, 542)),
        __webpack_require__.e(/* import() */ 158).then(__webpack_require__.bind(__webpack_require__, 2158))
    ]);
    const { context } = github;
    const head = context.payload.pull_request
        ?.head?.sha;
    const sha = config.checkRun.sha || (typeof head === 'string' ? head : context.sha);
    return CheckRun.open(github, {
        ...config.checkRun,
        sha,
        reuse: config.mode === 'check',
        apiTitle: backend.title,
        clock,
        signal,
        warn: core/* warning */.$e,
        info: core/* info */.pq
    }, ms);
}


/***/ }),

/***/ 1872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ot: () => (/* binding */ reasons),
/* harmony export */   Qz: () => (/* binding */ failureSentence),
/* harmony export */   Wn: () => (/* binding */ describeStatus),
/* harmony export */   YO: () => (/* binding */ lastSeen),
/* harmony export */   vO: () => (/* binding */ stepLabel),
/* harmony export */   yl: () => (/* binding */ stepFailureSentence)
/* harmony export */ });
/* unused harmony export failurePhrase */
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(709);
// How the gate words a status, a step and its reasons: shared by the verdict, the poll loop's
// timeout and interruption messages, and every reporter, so they read alike.

/** `blocked`, `not started`, or `"Foo"` for a spelling we do not know. */
function describeStatus(status, rawStatus) {
    if (status === 'unknown')
        return rawStatus === '' ? 'without a status' : `"${rawStatus}"`;
    return status === 'notStarted' ? 'not started' : status;
}
/** "failed", "is blocked", "was rejected", "was canceled". */
function failurePhrase(status) {
    if (status === 'blocked')
        return 'is blocked';
    if (status === 'failed')
        return 'failed';
    return `was ${describeStatus(status, status)}`;
}
/** A step's error-level messages, or all of them when none is an error. */
function reasons(messages) {
    const errors = messages.filter(_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .isErrorLevel */ .pc);
    return errors.length > 0 ? errors : messages;
}
/** "Certification is blocked: No image…" */
function failureSentence(subject, status, messages) {
    const chosen = reasons(messages);
    return `${subject} ${failurePhrase(status)}${chosen.length === 0 ? '.' : `: ${chosen.map(_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .messageText */ .Lo).join(' ')}`}`;
}
/**
 * Why a failing step fails the gate: its cause when the backend found one ("Certification failed:
 * …"), else its name and reasons.
 */
function stepFailureSentence(step) {
    return step.cause
        ? `${step.cause.subject} ${failurePhrase(step.status)}: ${step.cause.text}`
        : failureSentence(step.name, step.status, step.messages);
}
/** `displaycertify (Certification)`, or the name alone when the id adds nothing. */
function stepLabel(step) {
    return step.id === '' || step.id === step.name ? step.name : `${step.id} (${step.name})`;
}
/** "Last status: running; step Certification running at 40%." */
function lastSeen(snapshot) {
    if (snapshot === undefined)
        return 'No status was received.';
    const status = `Last status: ${describeStatus(snapshot.status, snapshot.rawStatus)}`;
    const current = snapshot.steps.find((step) => step.status === 'running') ??
        snapshot.steps.find((step) => step.status === 'waiting');
    if (current === undefined)
        return `${status}.`;
    const progress = current.progress === undefined ? '' : ` at ${current.progress}%`;
    return `${status}; step ${current.name} ${describeStatus(current.status, current.rawStatus)}${progress}.`;
}


/***/ }),

/***/ 709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lo: () => (/* binding */ messageText),
/* harmony export */   YX: () => (/* binding */ OUTPUT_FACTS),
/* harmony export */   pc: () => (/* binding */ isErrorLevel)
/* harmony export */ });
// The normalized operation: what every module after a backend's `normalize` works with, whatever
// the API. Text is plain (markup already turned into parts); statuses are the shared vocabulary.
/** The facts that are outputs of the action as well, under the same name; empty when absent. */
const OUTPUT_FACTS = ['product-id', 'submission-id'];
function messageText(message) {
    return message.parts.map((part) => part.text).join('');
}
function isErrorLevel(message) {
    return message.level === 'error';
}


/***/ }),

/***/ 8203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TQ: () => (/* binding */ isFailingStepStatus),
/* harmony export */   iB: () => (/* binding */ spellingKey),
/* harmony export */   zO: () => (/* binding */ statusFrom)
/* harmony export */ });
// The one status vocabulary for operations, offers and steps. Each backend maps its own API's
// spellings onto it (src/backends/<api>/spellings.ts); nothing after normalization sees a spelling.
/** How spellings and step ids are compared: case-insensitive, with spaces, `_` and `-` removed. */
function spellingKey(raw) {
    return raw.toLowerCase().replace(/[\s_-]+/g, '');
}
/** A spelling looked up in a backend's table by its spellingKey; `unknown` when it is not there. */
function statusFrom(table, raw) {
    const key = spellingKey(raw);
    return Object.hasOwn(table, key) ? table[key] : 'unknown';
}
/** Statuses of a step that end the gate with a failure at once. */
function isFailingStepStatus(status) {
    return (status === 'failed' || status === 'blocked' || status === 'rejected' || status === 'canceled');
}


/***/ }),

/***/ 8766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ abortReason),
/* harmony export */   g: () => (/* binding */ budget)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
// A request's share of the gate's deadline: one AbortSignal that fires when the time given is up
// or the run is stopped (SIGINT, SIGTERM). Every outgoing request carries one, so nothing waits
// past the gate's deadline and a signal ends every wait at once.


/** `ms` from now, and never past `parent` (the run's own signal). */
function budget(parent, ms) {
    const bounded = Math.max(0, Math.min(Math.floor(ms), _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TIMER_MS */ ._o));
    return { signal: AbortSignal.any([parent, AbortSignal.timeout(bounded)]), ms: bounded };
}
/** Why a budget's signal fired, as the end of a sentence. */
function abortReason(budget) {
    const reason = budget.signal.reason;
    const timedOut = typeof reason === 'object' &&
        reason !== null &&
        reason.name === 'TimeoutError';
    return timedOut
        ? `no complete answer within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(budget.ms)}`
        : 'the gate was stopped before an answer came';
}


/***/ }),

/***/ 408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l_: () => (/* binding */ isWebLink),
/* harmony export */   tK: () => (/* binding */ htmlToParts)
/* harmony export */ });
/* unused harmony export hasMarkup */
// Turns HTML from an API (CPP's `messageHtml`, error pages) into text runs with htmlparser2: tags
// dropped, entities decoded, line breaks kept for block elements, and only http(s) links kept as
// links. Most text is plain sentences, so the parser (a third of the bundle's own weight) is loaded
// here, the first time markup is met.
let htmlparser2;
/** Markup or an entity: what only a parser can read. */
function hasMarkup(text) {
    return /[<&]/.test(text);
}
const BLOCK_TAGS = new Set([
    'br',
    'p',
    'div',
    'li',
    'tr',
    'ul',
    'ol',
    'table',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'pre',
    'blockquote',
    'hr'
]);
/** Never shown by a browser; htmlparser2 reads the last three as raw text, tags and all. */
const HIDDEN_TAGS = new Set([
    'script',
    'style',
    'head',
    'title',
    'template',
    'iframe',
    'noembed',
    'noframes'
]);
function isWebLink(href) {
    try {
        const url = new URL(href);
        return url.protocol === 'https:' || url.protocol === 'http:';
    }
    catch {
        return false;
    }
}
/** The text of `html` as parts; the parser is loaded on the first text that has markup. */
async function htmlToParts(html) {
    if (!hasMarkup(html))
        return collapse([{ text: html.replace(/\s+/g, ' ') }]);
    htmlparser2 ??= await __webpack_require__.e(/* import() */ 921).then(__webpack_require__.bind(__webpack_require__, 7921));
    return parse(htmlparser2, html);
}
function parse({ Parser }, html) {
    const runs = [];
    let hidden = 0;
    const links = [];
    const parser = new Parser({
        onopentag(name, attributes) {
            if (HIDDEN_TAGS.has(name))
                hidden++;
            if (BLOCK_TAGS.has(name))
                runs.push({ text: '\n' });
            if (name === 'a') {
                const href = attributes.href?.trim();
                links.push(href !== undefined && isWebLink(href) ? href : undefined);
            }
        },
        ontext(text) {
            if (hidden > 0)
                return;
            const href = links.findLast((link) => link !== undefined);
            // As in a browser, white space in the source (line breaks included) is one space.
            runs.push(href === undefined
                ? { text: text.replace(/\s+/g, ' ') }
                : { text: text.replace(/\s+/g, ' '), href });
        },
        onclosetag(name) {
            if (HIDDEN_TAGS.has(name))
                hidden = Math.max(0, hidden - 1);
            if (BLOCK_TAGS.has(name))
                runs.push({ text: '\n' });
            if (name === 'a')
                links.pop();
        }
    }, { decodeEntities: true });
    parser.end(html);
    return collapse(runs);
}
/**
 * Joins the runs into parts: white space between words collapses to one space (a line break when
 * a block tag was among it), none is kept at the ends, and neighbours with the same link merge.
 */
function collapse(runs) {
    const parts = [];
    let gap = '';
    const append = (text, href) => {
        const last = parts.at(-1);
        if (last !== undefined && last.href === href)
            last.text += text;
        else
            parts.push(href === undefined ? { text } : { text, href });
    };
    for (const run of runs) {
        for (const token of run.text.match(/\s+|\S+/g) ?? []) {
            if (/^\s/.test(token)) {
                gap = gap === '\n' || token.includes('\n') ? '\n' : ' ';
                continue;
            }
            if (gap !== '' && parts.length > 0) {
                // The gap belongs inside a link only when the link goes on after it.
                append(gap, parts.at(-1)?.href === run.href ? run.href : undefined);
            }
            gap = '';
            append(token, run.href);
        }
    }
    return parts;
}


/***/ }),

/***/ 9663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ reasonOf),
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   jD: () => (/* binding */ hide),
/* harmony export */   tN: () => (/* binding */ send)
/* harmony export */ });
/* unused harmony export USER_AGENT */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4942);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7242);
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8766);
// The one HTTP helper: a request bounded by its Budget over connect, headers and body, through the
// runner's proxy (@actions/http-client's agent), redirects never followed, bodies read safely, and
// the socket destroyed when the request is abandoned.





const USER_AGENT = `${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .ACTION_NAME */ .px}/${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .ACTION_VERSION */ .Yt}`;
/** Sends one request; rejects on a network error, a dropped connection, or when the budget ends. */
function send(request, budget) {
    if (budget.signal.aborted)
        return Promise.reject(new Error((0,_budget_js__WEBPACK_IMPORTED_MODULE_3__/* .abortReason */ .J)(budget)));
    const url = new URL(request.url);
    // The proxy settings of the runner (https_proxy, no_proxy) choose the agent.
    const agent = new _actions_http_client__WEBPACK_IMPORTED_MODULE_2__/* .HttpClient */ .Qq(USER_AGENT, [], { keepAlive: false }).getAgent(request.url);
    const transport = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__ : node_http__WEBPACK_IMPORTED_MODULE_0__;
    const headers = { ...request.headers, 'User-Agent': USER_AGENT };
    if (request.body !== undefined)
        headers['Content-Length'] = String(Buffer.byteLength(request.body));
    return new Promise((resolve, reject) => {
        const fail = (error) => reject(budget.signal.aborted
            ? new Error((0,_budget_js__WEBPACK_IMPORTED_MODULE_3__/* .abortReason */ .J)(budget))
            : error instanceof Error
                ? error
                : new Error(String(error)));
        const outgoing = transport.request({
            // An IPv6 literal comes bracketed from URL and must go to the socket without brackets.
            host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
            port: url.port === '' ? undefined : Number(url.port),
            path: `${url.pathname}${url.search}`,
            method: request.method,
            headers,
            agent,
            // Aborting destroys the request and its socket, whatever stage it is in.
            signal: budget.signal
        }, (message) => {
            readBody(message).then((body) => resolve({
                status: message.statusCode ?? 0,
                body,
                contentType: header(message, 'content-type') ?? '',
                retryAfter: header(message, 'retry-after'),
                correlationId: header(message, 'x-ms-correlation-request-id'),
                location: header(message, 'location'),
                operationLocation: header(message, 'operation-location')
            }), fail);
        });
        outgoing.on('error', fail);
        outgoing.end(request.body);
    });
}
/** 408, 429 and server errors, but 501 and 505, which say the request itself is wrong. */
function isTransientStatus(status) {
    return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}
/** Retry-After in seconds or as an HTTP date; at least a second so that nothing spins. */
function retryAfterMs(value, now) {
    const trimmed = value?.trim() ?? '';
    let ms = Number.NaN;
    if (/^\d+$/.test(trimmed))
        ms = Number(trimmed) * 1000;
    // Only an HTTP date (which ends in GMT): Date.parse would read "1.5" or "-1" as a date too.
    else if (/ GMT$/.test(trimmed))
        ms = Date.parse(trimmed) - now;
    return Number.isNaN(ms) ? undefined : Math.max(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .MIN_RETRY_AFTER_MS */ .oD, ms);
}
/** Node's own network errors carry a code (ECONNRESET, ECONNREFUSED…): say they are that. */
function reasonOf(error) {
    // Duck-typed rather than instanceof: errors from another realm (a test runner's) are errors too.
    const { message, code } = (typeof error === 'object' && error !== null ? error : {});
    if (typeof message !== 'string')
        return String(error);
    return typeof code === 'string' ? `network error ${code}: ${message}` : message;
}
/** Every occurrence of a secret in a text, replaced. */
function hide(text, secret) {
    return secret === '' ? text : text.split(secret).join('***');
}
function header(message, name) {
    const value = message.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** A dropped connection rejects, and an oversized body is cut off. */
function readBody(message) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_BODY_BYTES */ .YK) {
                message.destroy();
                reject(new Error(`the response body is larger than ${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_BODY_BYTES */ .YK} bytes`));
            }
            else
                chunks.push(chunk);
        });
        message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        message.on('error', reject);
        message.on('close', () => {
            if (!message.complete)
                reject(new Error('the connection closed before the response was complete'));
        });
    });
}


/***/ }),

/***/ 6543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $s: () => (/* binding */ withCorrelation),
/* harmony export */   BS: () => (/* binding */ transientHttpReason),
/* harmony export */   Jq: () => (/* binding */ theApiSaid),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   tG: () => (/* binding */ httpFailure)
/* harmony export */ });
/* unused harmony export errorDetail */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _html_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(408);
// The shared half of what the user reads when an API says no: the API's own words, excerpted, and
// the correlation id for a support case. Each backend words its HTTP answers itself
// (src/backends/<api>/wording.ts) from an HttpFailure.


async function httpFailure(response) {
    return {
        status: response.status,
        detail: await errorDetail(response),
        ...(response.correlationId === undefined ? {} : { correlationId: response.correlationId }),
        ...(response.location === undefined ? {} : { location: response.location })
    };
}
/** " The API said: …." with the detail, or nothing without one. */
function theApiSaid(detail) {
    return detail === '' ? '' : ` The API said: ${/[.!?…]$/.test(detail) ? detail : `${detail}.`}`;
}
/** A short reason for a failure that will be retried. */
function transientHttpReason(failure) {
    return withCorrelation(`HTTP ${failure.status}${failure.detail === '' ? '' : `: ${failure.detail}`}`, failure.correlationId);
}
function withCorrelation(message, correlationId) {
    return correlationId ? `${message} (x-ms-correlation-request-id: ${correlationId})` : message;
}
/** `{error:{code,message}}` when the body has it, else a trimmed excerpt of whatever came back. */
async function errorDetail(response) {
    const body = response.body.trim();
    if (body === '')
        return '';
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        const isHtml = /html/i.test(response.contentType) || /^<(!doctype|html)/i.test(body);
        if (!isHtml)
            return excerpt(body);
        return excerpt((await (0,_html_text_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlToParts */ .tK)(body)).map((part) => part.text).join(' '));
    }
    const error = field(parsed, 'error');
    const code = field(error, 'code');
    const message = field(error, 'message');
    if (typeof code === 'string' || typeof message === 'string') {
        return excerpt([code, message].filter((part) => typeof part === 'string').join(': '));
    }
    if (typeof error === 'string')
        return excerpt(error);
    return excerpt(JSON.stringify(parsed));
}
function excerpt(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .ERROR_EXCERPT_CHARS */ .lw ? `${flat.slice(0, _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .ERROR_EXCERPT_CHARS */ .lw)}…` : flat;
}
function field(value, name) {
    return typeof value === 'object' && value !== null
        ? value[name]
        : undefined;
}


/***/ }),

/***/ 856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ stepAnnotations)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _model_snapshot_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(709);
/* harmony import */ var _model_describe_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1872);
/* harmony import */ var _model_status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8203);
/* harmony import */ var _trim_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7456);
// One titled error annotation per failing step, at most as many as GitHub shows.





function stepAnnotations(snapshot) {
    if (snapshot === undefined)
        return [];
    return snapshot.steps
        .filter((step) => (0,_model_status_js__WEBPACK_IMPORTED_MODULE_0__/* .isFailingStepStatus */ .TQ)(step.status))
        .slice(0, _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_STEP_ANNOTATIONS */ .NE)
        .map((step) => {
        const chosen = (0,_model_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .reasons */ .Ot)(step.messages);
        return {
            title: `${step.name}: ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStatus */ .Wn)(step.status, step.rawStatus)}`,
            message: chosen.length === 0
                ? `${step.name} is ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStatus */ .Wn)(step.status, step.rawStatus)}; the API gave no message.`
                : (0,_trim_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(chosen.map(_model_snapshot_js__WEBPACK_IMPORTED_MODULE_4__/* .messageText */ .Lo).join('\n'), _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_MESSAGE_CHARS */ .hP)
        };
    });
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ renderSummary)
/* harmony export */ });
/* unused harmony export escape */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _model_snapshot_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(709);
/* harmony import */ var _model_describe_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1872);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _trim_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7456);
// The job summary, as HTML (what core.summary writes): one small function per section, every text
// from the API escaped, and the whole kept under GitHub's 1 MiB step-summary limit.





const RESULT_ICON = {
    succeeded: '✅',
    failed: '❌',
    blocked: '⛔',
    canceled: '🚫',
    'timed-out': '⏱️',
    error: '⚠️',
    interrupted: '⏹️',
    pending: '⏳'
};
const STATUS_ICON = {
    notStarted: '⚪',
    running: '🔄',
    waiting: '⏸️',
    succeeded: '✅',
    failed: '❌',
    blocked: '⛔',
    rejected: '❌',
    canceled: '🚫',
    unknown: '❔'
};
/** The longest text shown in the table's "Latest message" column; the full text is below it. */
const CELL_CHARS = 300;
/** The summary, within `maxBytes` UTF-8 bytes (the step-summary limit unless a check run needs less). */
function renderSummary(report, maxBytes = _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .SUMMARY_MAX_BYTES */ .eR) {
    if (report.outcome.snapshot === undefined)
        return render(report, undefined, 0, 0);
    const { snapshot, hiddenSteps } = (0,_trim_js__WEBPACK_IMPORTED_MODULE_2__/* .capSteps */ .w_)(report.outcome.snapshot);
    const fitted = (0,_trim_js__WEBPACK_IMPORTED_MODULE_2__/* .fitByLeavingOutOldest */ .EK)(snapshot, maxBytes, (trimmed, leftOut) => render(report, trimmed, leftOut, hiddenSteps));
    // Unreachable with normalize's caps on steps and fields, but a summary over the limit is lost
    // whole, so fall back to one without steps rather than risk that.
    return fitted.fits ? fitted.text : render(report, undefined, 0, 0);
}
function render(report, snapshot, leftOut, hiddenSteps) {
    return [
        heading(report),
        verdictLine(report),
        snapshot ? notes(snapshot) : '',
        snapshot ? stepsTable(snapshot) : '',
        snapshot ? errorTree(snapshot) : '',
        snapshot ? operationMessages(snapshot) : '',
        snapshot ? snapshot.steps.map(stepMessages).join('') : '',
        leftOutNotice(leftOut, hiddenSteps),
        footer(report, snapshot)
    ].join('');
}
function heading(report) {
    const { result } = report.outcome;
    return `<h2>${RESULT_ICON[result]} Publish gate: ${escape(report.offerLabel)}: ${result}</h2>\n`;
}
function verdictLine(report) {
    return `<p>${escapeText((0,_trim_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(report.outcome.message, _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_MESSAGE_CHARS */ .hP))}</p>\n`;
}
/** What the backend wants the reader to know that no status says. */
function notes(snapshot) {
    return (snapshot.notes ?? []).map((note) => `<p>ℹ️ ${escapeText(note)}</p>\n`).join('');
}
function stepsTable(snapshot) {
    if (snapshot.steps.length === 0) {
        return `<p>Status: ${statusCell(snapshot.status, snapshot.rawStatus)}. The API listed no steps.</p>\n`;
    }
    const header = '<tr><th>Step</th><th>Status</th><th>Progress</th><th>Estimated time</th><th>Latest message</th></tr>';
    const rows = snapshot.steps.map((step) => {
        const newest = (0,_trim_js__WEBPACK_IMPORTED_MODULE_2__/* .latest */ .IW)(step.messages);
        return (`<tr><td>${stepCell(step)}</td><td>${statusCell(step.status, step.rawStatus)}</td>` +
            `<td>${step.progress === undefined ? '' : `${step.progress}%`}</td>` +
            `<td>${escape(step.estimatedTimeFrame ?? '')}</td>` +
            `<td>${newest ? escape((0,_trim_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)((0,_model_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .messageText */ .Lo)(newest), CELL_CHARS)) : ''}</td></tr>`);
    });
    return `<p>Operation status: ${statusCell(snapshot.status, snapshot.rawStatus)}</p>\n<table>${header}${rows.join('')}</table>\n`;
}
/** The API's error tree as a nested list: each error's code, message and resource id. */
function errorTree(snapshot) {
    const errors = snapshot.errors ?? [];
    if (errors.length === 0)
        return '';
    return `<p><strong>Errors</strong></p>\n${errorList(errors)}\n`;
}
function errorList(nodes) {
    const items = nodes.map((node) => {
        const code = node.code === '' ? '' : `<code>${escape(node.code)}</code>`;
        const message = node.message === '' ? '' : escapeText(node.message);
        const resource = node.resourceId === undefined ? '' : ` (<code>${escape(node.resourceId)}</code>)`;
        const under = node.details.length === 0 ? '' : errorList(node.details);
        return `<li>${[code, message].filter(Boolean).join(': ')}${resource}${under}</li>`;
    });
    return `<ul>${items.join('')}</ul>`;
}
function operationMessages(snapshot) {
    return snapshot.messages.length === 0 ? '' : details('Operation messages', snapshot.messages);
}
function stepMessages(step) {
    return step.messages.length === 0 ? '' : details(step.name, step.messages);
}
function details(title, messages) {
    const count = `${messages.length} message${messages.length === 1 ? '' : 's'}`;
    const items = messages.map((message) => `<li>${messageLine(message)}</li>`).join('');
    return `<details><summary>${escape(title)}: ${count}</summary><ul>${items}</ul></details>\n`;
}
function messageLine(message) {
    const meta = [message.level, message.timestamp].filter(Boolean).map((part) => escape(part ?? ''));
    const text = message.parts
        .map((part) => part.href === undefined
        ? escapeText(part.text)
        : `<a href="${escape(part.href)}">${escapeText(part.text)}</a>`)
        .join('');
    return `<strong>${meta.join(' · ')}</strong>: ${text}`;
}
function leftOutNotice(leftOut, hiddenSteps) {
    const notes = [
        leftOut === 0
            ? ''
            : `${leftOut} older message${leftOut === 1 ? ' was' : 's were'} left out to keep this summary under GitHub's 1 MiB limit; the newest are shown.`,
        hiddenSteps === 0
            ? ''
            : `${hiddenSteps} more step${hiddenSteps === 1 ? ' is' : 's are'} not shown.`
    ].filter(Boolean);
    return notes.map((note) => `<p><em>${note}</em></p>\n`).join('');
}
function footer(report, snapshot) {
    const rows = [
        [
            'Operation',
            report.operationId === '' ? 'offer status' : `<code>${escape(report.operationId)}</code>`
        ],
        ['Submission type', escape(snapshot?.submissionType ?? '')],
        ...(snapshot?.facts ?? []).map((fact) => [
            escape(fact.label),
            `<code>${escape(fact.value)}</code>`
        ]),
        ['Preview links', linkList(snapshot?.previewLinks ?? [])],
        ['Live links', linkList(snapshot?.liveLinks ?? [])],
        ['Elapsed', (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(report.elapsedMs)],
        ['Polls', String(report.outcome.polls)],
        ['Requests', String(report.outcome.requests)]
    ];
    const cells = rows
        .filter(([, value]) => value !== '')
        .map(([name, value]) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`);
    return `<table>${cells.join('')}</table>\n`;
}
function linkList(links) {
    return links.map((href) => `<a href="${escape(href)}">${escape(href)}</a>`).join('<br>');
}
/** The step's name, with its id below it when that differs, and what it stands for. */
function stepCell(step) {
    const id = step.id !== '' && step.id !== step.name ? `<br><code>${escape(step.id)}</code>` : '';
    const reference = step.reference === undefined ? '' : `<br><code>${escape(step.reference)}</code>`;
    return `${escape(step.name)}${id}${reference}`;
}
function statusCell(status, rawStatus) {
    return `${STATUS_ICON[status]} ${escape((0,_model_describe_js__WEBPACK_IMPORTED_MODULE_4__/* .describeStatus */ .Wn)(status, rawStatus))}`;
}
/** Message text keeps its line breaks. */
function escapeText(text) {
    return escape(text).replace(/\n/g, '<br>');
}
function escape(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}


/***/ }),

/***/ 7456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   EK: () => (/* binding */ fitByLeavingOutOldest),
/* harmony export */   IW: () => (/* binding */ latest),
/* harmony export */   ee: () => (/* binding */ bytes),
/* harmony export */   w_: () => (/* binding */ capSteps)
/* harmony export */ });
/* unused harmony export withoutOldest */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
// Keeps the summary and the outputs under GitHub's size limits by leaving out the oldest messages.

/** Every message of the snapshot, oldest first (undated ones count as oldest; ties keep API order). */
function oldestFirst(snapshot) {
    const all = [snapshot.messages, ...snapshot.steps.map((step) => step.messages)].flat();
    return all
        .map((message, index) => ({ message, index, time: time(message) }))
        .sort((a, b) => a.time - b.time || a.index - b.index)
        .map((entry) => entry.message);
}
/** The snapshot with at most MAX_STEPS steps, and how many were left out. */
function capSteps(snapshot) {
    const hiddenSteps = Math.max(0, snapshot.steps.length - _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_STEPS */ .rh);
    return {
        snapshot: hiddenSteps === 0 ? snapshot : { ...snapshot, steps: snapshot.steps.slice(0, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_STEPS */ .rh) },
        hiddenSteps
    };
}
/** The newest message of a list, or undefined when it is empty. */
function latest(messages) {
    let newest;
    for (const message of messages) {
        if (newest === undefined || time(message) >= time(newest))
            newest = message;
    }
    return newest;
}
function withoutOldest(snapshot, count, order = oldestFirst(snapshot)) {
    if (count <= 0)
        return snapshot;
    const dropped = new Set(order.slice(0, count));
    const keep = (messages) => messages.filter((message) => !dropped.has(message));
    return {
        ...snapshot,
        messages: keep(snapshot.messages),
        steps: snapshot.steps.map((step) => ({ ...step, messages: keep(step.messages) }))
    };
}
/**
 * Renders with as few messages left out as makes the result fit in `maxBytes` (found by bisection,
 * so a flood of messages costs a few renders, not one per message). Returns the rendering that
 * leaves out every message when even that does not fit; the caller decides what to do then.
 */
function fitByLeavingOutOldest(snapshot, maxBytes, render) {
    const order = oldestFirst(snapshot);
    const attempt = (leftOut) => render(withoutOldest(snapshot, leftOut, order), leftOut);
    const full = attempt(0);
    if (bytes(full) <= maxBytes)
        return { text: full, leftOut: 0, fits: true };
    const total = order.length;
    const none = attempt(total);
    if (bytes(none) > maxBytes)
        return { text: none, leftOut: total, fits: false };
    let low = 1;
    let high = total;
    while (low < high) {
        const middle = Math.floor((low + high) / 2);
        if (bytes(attempt(middle)) <= maxBytes)
            high = middle;
        else
            low = middle + 1;
    }
    return { text: attempt(high), leftOut: high, fits: true };
}
/** Cuts text to `max` characters, marking the cut. */
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
function bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
function time(message) {
    const parsed = message.timestamp === undefined ? Number.NaN : Date.parse(message.timestamp);
    return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
}


/***/ })

};

//# sourceMappingURL=920.index.js.map