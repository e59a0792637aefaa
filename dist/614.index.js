export const id = 614;
export const ids = [614];
export const modules = {

/***/ 7828:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   ZZ: () => (/* binding */ field),
/* harmony export */   q0: () => (/* binding */ describe)
/* harmony export */ });
// How both normalizers read parsed JSON: objects, fields by name in any case, and what a value
// is when it is not what was expected. (Their text rules differ: each keeps its own.)
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A field by name in any case: the docs spell `jobId` and `jobID`, `externalId` and `externalID`. */
function field(record, name) {
    if (Object.hasOwn(record, name))
        return record[name];
    const lower = name.toLowerCase();
    const key = Object.keys(record).find((each) => each.toLowerCase() === lower);
    return key === undefined ? undefined : record[key];
}
/** What a value is, for a message about an answer of the wrong shape. */
function describe(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return `a ${typeof value}`;
}


/***/ }),

/***/ 6803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cz: () => (/* binding */ jobDetailUrl),
/* harmony export */   FD: () => (/* binding */ submissionsUrl),
/* harmony export */   F_: () => (/* binding */ isProductId),
/* harmony export */   IJ: () => (/* binding */ configureUrl),
/* harmony export */   YB: () => (/* binding */ isSubmissionId),
/* harmony export */   ZR: () => (/* binding */ jobStatusUrl),
/* harmony export */   _E: () => (/* binding */ readTarget),
/* harmony export */   cJ: () => (/* binding */ isJobAddress),
/* harmony export */   cj: () => (/* binding */ partnerCenterLink),
/* harmony export */   fs: () => (/* binding */ productLookupUrl),
/* harmony export */   np: () => (/* binding */ readOffer)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8992);
// What to poll and where: the offer (an external id to resolve, or a durable product id), the
// configure job (its id, or its status address on base-url), and the addresses of the calls the
// gate makes. Never a URL outside base-url.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Partner Center's offer id rules, as the API's own schema states them (3 to 50 characters). */
const EXTERNAL_ID = /^[a-z0-9][a-z0-9_-]{2,49}$/i;
const DURABLE_PRODUCT = /^product\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const STATUS_PATH = /^\/configure\/([^/]+)\/status\/?$/;
/**
 * Ids the API hands back are used (in a URL, an output, the summary) only in their documented
 * form: anything else in an answer is not an id of this API.
 */
function isProductId(id) {
    return DURABLE_PRODUCT.test(id);
}
/** `submission/<productGuid>/<number>`; the number can pass 2^53 and stays a string. */
function isSubmissionId(id) {
    return /^submission\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/\d{1,30}$/i.test(id);
}
function readOffer(value) {
    // A bare GUID is the product's id as Partner Center's address bar shows it
    // (…/offers/<guid>/overview): the durable id, never an offer id to look up.
    const durable = DURABLE_PRODUCT.exec(value) ?? (GUID.test(value) ? [value, value] : null);
    if (durable) {
        return { ok: true, value: { kind: 'durable', productId: `product/${durable[1]}` } };
    }
    if (EXTERNAL_ID.test(value))
        return { ok: true, value: { kind: 'external', externalId: value } };
    return {
        ok: false,
        expected: 'the offer id as typed in Partner Center (3 to 50 letters, digits, - or _), or the product id Partner Center shows in its address bar (a GUID, or product/<guid>)'
    };
}
/**
 * operation-id: empty or `latest` (the submissions), a job GUID, or the job's status address,
 * relative to base-url (`/configure/<id>/status`, or with base-url's path in front) or absolute on
 * base-url. The address only names the job: `$version` is always api-version's.
 */
function readTarget(baseUrl, operation) {
    if (operation === '' || /^latest$/i.test(operation)) {
        return { ok: true, value: { kind: 'submissions' } };
    }
    if (GUID.test(operation))
        return { ok: true, value: { kind: 'job', jobId: operation } };
    const expected = "a configure job id (the GUID in the jobId of POST /configure's answer), its status address /configure/<jobId>/status (relative, or absolute on base-url), latest, or empty to watch the product's submissions";
    if (!operation.isWellFormed() || (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .hasControlCharacter */ .Fd)(operation))
        return { ok: false, expected };
    if (!operation.startsWith('/') && !(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .isHttpUrl */ .q$)(operation)) {
        return { ok: false, expected };
    }
    const base = new URL(baseUrl);
    const basePath = base.pathname.replace(/\/+$/, '');
    let url;
    try {
        // A relative address is relative to base-url, whether or not it repeats base-url's path.
        const relative = operation.startsWith('/') && !startsWithPath(operation, basePath);
        url = new URL(relative ? `${basePath}${operation}` : operation, base.origin);
    }
    catch {
        return { ok: false, expected: 'a valid URL or path' };
    }
    if (url.origin !== base.origin || !startsWithPath(url.pathname, basePath)) {
        return {
            ok: false,
            expected: `an address on base-url ${baseUrl}, not on ${url.origin}${url.pathname}: the token is only ever sent to base-url`
        };
    }
    const match = STATUS_PATH.exec(url.pathname.slice(basePath.length));
    const jobId = match ? decode(match[1]) : '';
    if (!GUID.test(jobId))
        return { ok: false, expected };
    return { ok: true, value: { kind: 'job', jobId } };
}
function startsWithPath(path, prefix) {
    return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}
function decode(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return segment;
    }
}
const version = (apiVersion) => `$version=${encodeURIComponent(apiVersion)}`;
/** POST /configure: a publish (a submission resource) starts a configure job. */
function configureUrl(baseUrl, apiVersion) {
    return `${baseUrl}/configure?${version(apiVersion)}`;
}
function jobStatusUrl(baseUrl, jobId, apiVersion) {
    return `${baseUrl}/configure/${encodeURIComponent(jobId)}/status?${version(apiVersion)}`;
}
/** The job's detail: the resources it created or updated (answered once the job is complete). */
function jobDetailUrl(baseUrl, jobId, apiVersion) {
    return `${baseUrl}/configure/${encodeURIComponent(jobId)}?${version(apiVersion)}`;
}
function productLookupUrl(baseUrl, externalId, apiVersion) {
    return `${baseUrl}/product?externalId=${encodeURIComponent(externalId)}&${version(apiVersion)}`;
}
/** The product's active submissions; the path takes the bare GUID of `product/<guid>`. */
function submissionsUrl(baseUrl, productId, apiVersion) {
    const guid = productId.replace(/^product\//i, '');
    return `${baseUrl}/submission/${encodeURIComponent(guid)}?${version(apiVersion)}`;
}
/** The offer's page in Partner Center, from its product or submission id. */
function partnerCenterLink(id) {
    const guid = /^(?:product|submission)\/([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})(?:\/|$)/i.exec(id)?.[1];
    return guid === undefined
        ? undefined
        : `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${guid}/overview`;
}
/**
 * For `api: auto`: whether operation-id can only be a configure job's status address
 * (`…/configure/<jobId>/status`, relative or absolute): what base-url it must be on is checked later.
 */
function isJobAddress(operation) {
    if (!operation.startsWith('/') && !(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .isHttpUrl */ .q$)(operation))
        return false;
    try {
        const { pathname } = new URL(operation, 'https://graph.microsoft.com');
        return /\/configure\/[^/]+\/status\/?$/.test(pathname);
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 9103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LZ: () => (/* binding */ isSignInRefusal),
/* harmony export */   Q_: () => (/* binding */ IF_RUNNING),
/* harmony export */   ey: () => (/* binding */ waitingSnapshot),
/* harmony export */   iz: () => (/* binding */ failedInTransit),
/* harmony export */   pf: () => (/* binding */ aboutThisRun)
/* harmony export */ });
// What a backend brings to `start` (see start.ts for the rules): a look-up of the publish in
// progress, the POST and how its answer reads, and whether a publish waited for has ended.
const IF_RUNNING = ['wait', 'attach', 'fail'];
/**
 * A POST that failed in transit or with a transient status: not processed when the request never
 * left or the API says it did not take it (429, 503); otherwise its fate is unknown.
 */
function failedInTransit(result) {
    return result.unsent === true || result.status === 429 || result.status === 503
        ? {
            kind: 'not-processed',
            reason: result.reason,
            ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs })
        }
        : { kind: 'lost', reason: result.reason };
}
/** A 401 or 403 to the POST: a sign-in or role error, never a failed publish. */
function isSignInRefusal(result) {
    return result.kind === 'fatal' && (result.status === 401 || result.status === 403);
}
/** The snapshot shown while this run waits for another publish to end: nothing passes or fails on it. */
function waitingSnapshot(running) {
    return {
        // Not `waiting`: to CPP that reads as a preview waiting at Publisher signoff, a pass.
        status: 'notStarted',
        rawStatus: `waiting for ${running.label} to end`,
        steps: [],
        messages: [
            {
                level: 'information',
                parts: [{ text: `Waiting for ${running.label} to end before this run's publish starts.` }]
            }
        ],
        previewLinks: [],
        liveLinks: []
    };
}
/**
 * With start, a result that is not this run's publish's says so first: this run's publish was not
 * started because another one ran, or its request may have started one. A check that found
 * another publish in progress ends red, not pending: a scheduled check that follows the offer
 * would otherwise go green on that publish, and this run's changes were never published.
 */
function aboutThisRun(outcome, start) {
    const notStarted = start?.notStarted;
    const unsure = outcome.result === 'timed-out' ||
        outcome.result === 'interrupted' ||
        outcome.result === 'pending';
    if (notStarted === undefined || start?.started === true || !unsure)
        return outcome;
    if (outcome.result !== 'pending') {
        return { ...outcome, message: `${notStarted} ${outcome.message}` };
    }
    return {
        ...outcome,
        result: 'error',
        message: `${notStarted} Run this workflow again once it has ended (or set if-running: attach to follow that publish instead); a scheduled check would report on that publish, not on this run's changes.`
    };
}


/***/ }),

/***/ 4205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ Starter)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5646);
/* harmony import */ var _model_describe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1872);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8992);
// `start`, for every backend: look for a publish of the offer already running and act on it as
// `if-running` says (wait for it to end, attach to it, or fail), post this run's publish at most
// once, and say in the log and the summary which publish the verdict is about. A backend brings
// the look-up, the POST and the "has it ended" question (start-steps.ts); the rules about what
// may be posted again live here, once.



class Starter {
    steps;
    ifRunning;
    info;
    wall;
    state = { kind: 'look' };
    posts = 0;
    /** One more POST (two in all): after the look-up if the last was not processed; once the
     *  publish a conflict named has ended (after-running, then after-wait); else never. */
    again = 'never';
    /** Look-ups since a conflict that found no publish running. */
    conflictLooks = 0;
    current;
    /** A request of this run refused by its job's failure: said in every later note. */
    refusal;
    constructor(steps, ifRunning, info, wall) {
        this.steps = steps;
        this.ifRunning = ifRunning;
        this.info = info;
        this.wall = wall;
    }
    /** What `start` did, for the outputs and the summary. */
    get start() {
        return this.current;
    }
    get what() {
        return this.steps.kind === 'preview' ? 'a publish to preview' : 'a go-live';
    }
    /** One step of starting, within the poll's budget: what to watch now, or a failure. */
    async next(budget) {
        const { state } = this;
        if (state.kind === 'waiting') {
            const ended = await this.steps.ended(state.running, budget);
            if (ended.kind !== 'ok')
                return ended;
            if (!ended.value)
                return { kind: 'ok', value: state };
            this.info(`${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .capital */ .Nx)(state.running.label)} has ended: starting ${this.what} of this run.`);
            this.state = { kind: 'look' };
            // A refusal as a conflict allowed one more POST once that publish ended: it has.
            if (this.again === 'after-running')
                this.again = 'after-wait';
        }
        if (this.state.kind === 'finding') {
            const appeared = await this.steps.find(budget);
            if (appeared.kind !== 'ok')
                return appeared;
            return this.finding(this.state, appeared.value);
        }
        const found = await this.steps.look(budget);
        if (found.kind !== 'ok')
            return found;
        const seen = found.value;
        if (seen.kind === 'blocked')
            return { kind: 'fatal', message: seen.message };
        if (seen.kind === 'running' && this.again === 'after-look') {
            // The last request was said not to be processed (429, 503), and a publish runs now: it may
            // be that request's, so it is attached to, whatever if-running says.
            this.again = 'never';
            this.note({
                started: false,
                note: `A publish was already running: watching it instead of starting another. ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .capital */ .Nx)(seen.running.label)} may be the one this run's request started (its answer said it was not processed).`,
                waitedFor: seen.running.id
            });
            return { kind: 'ok', value: { kind: 'attach', running: seen.running } };
        }
        if (seen.kind === 'running')
            return this.onRunning(seen.running);
        if (seen.kind === 'nothing') {
            this.note({ started: false, note: seen.note });
            return { kind: 'ok', value: { kind: 'nothing' } };
        }
        if (this.posts === 0 || this.again === 'after-look' || this.again === 'after-wait') {
            return this.post(budget);
        }
        // Refused as a conflict, and the publish it conflicted with is not listed: the list may lag
        // (look again), or that publish ended already (then one more POST, as after waiting for it).
        this.conflictLooks++;
        if (this.conflictLooks < _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .START_LOOKS_AFTER_LOST_POST */ .xD - 1) {
            return {
                kind: 'transient',
                reason: 'the API said another publish is in progress, but none is listed yet'
            };
        }
        if (this.again === 'after-running') {
            this.info(`No publish of ${this.steps.offer} is in progress any more: sending ${this.what} of this run once more.`);
            return this.post(budget);
        }
        return {
            kind: 'fatal',
            message: `start: ${this.what} of ${this.steps.offer} was refused as in conflict with another publish, and after ${this.conflictLooks} look-ups none is listed. Nothing more was posted: run the workflow again once Partner Center shows no publish in progress.`
        };
    }
    /**
     * This run's own job or operation failed with only conflict errors: nothing was published, so
     * it is a refusal, and the if-running rule applies on the next poll (one more POST may follow).
     */
    refusedByJob(id, detail) {
        this.state = { kind: 'look' };
        this.again = this.posts < 2 ? 'after-running' : 'never';
        this.conflictLooks = 0;
        this.note({
            started: false,
            note: `${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .capital */ .Nx)(this.what)} of ${this.steps.offer} was refused: its job ${id} failed because another publish is in progress (${detail}). Looking for that publish.`
        });
        // What follows (waiting, this run's own publish) is said with it: the failed job was a
        // refusal, not this run's publish failing.
        this.refusal = `An earlier request of this run was refused: its job ${id} failed because another publish was in progress (${detail}); it published nothing.`;
    }
    async post(budget) {
        this.posts++;
        this.again = 'never';
        const at = this.wall();
        // Said before the answer (not logged): if the run ends while the request is in flight, the
        // summary and the message say that a publish request was sent and may have started.
        this.note({
            started: false,
            note: `A request for ${this.what} of ${this.steps.offer} was sent at ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(at)} and its answer had not come: the publish may have started. Look in Partner Center before starting another.`,
            notStarted: `A request for ${this.what} was sent at ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(at)} and may have started a publish: look in Partner Center before starting another.`
        }, false);
        const posted = await this.steps.post(budget);
        switch (posted.kind) {
            case 'accepted':
                this.state = { kind: 'look' };
                this.note({
                    started: true,
                    note: `Started ${this.what} of ${this.steps.offer} at ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(at)}: ${posted.label}.`
                });
                return { kind: 'ok', value: { kind: 'own', id: posted.id } };
            case 'unnamed':
            case 'lost':
                this.state = { kind: 'finding', looks: 0, why: posted.kind, at };
                this.info(posted.kind === 'lost'
                    ? `The answer to ${this.what} sent at ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(at)} was lost (${posted.reason}): it is never sent again in this run; looking for the publish it may have started.`
                    : `The API accepted ${this.what} (HTTP ${posted.status}) but its answer names nothing to watch: looking for the publish it started.`);
                return {
                    kind: 'transient',
                    reason: `looking for the publish requested at ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(at)}`
                };
            case 'not-processed':
                this.again = this.posts < 2 ? 'after-look' : 'never';
                this.note({
                    started: false,
                    note: `${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .capital */ .Nx)(this.what)} sent at ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(at)} was not processed (${posted.reason}).`
                });
                if (this.again === 'never') {
                    return {
                        kind: 'fatal',
                        message: `start: ${this.what} of ${this.steps.offer} was not processed twice (${posted.reason}): nothing was started. Run the workflow again later.`
                    };
                }
                return {
                    kind: 'transient',
                    reason: posted.reason,
                    ...(posted.retryAfterMs === undefined ? {} : { retryAfterMs: posted.retryAfterMs })
                };
            case 'conflict':
                this.again = this.posts < 2 ? 'after-running' : 'never';
                this.conflictLooks = 0;
                this.note({
                    started: false,
                    note: `${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .capital */ .Nx)(this.what)} of ${this.steps.offer} was refused: another publish is in progress (${posted.detail}).`,
                    notStarted: `This run's ${this.steps.kind === 'preview' ? 'publish' : 'go-live'} was not started: the API said another publish is in progress (${posted.detail}).`
                });
                // The publish the API says is running is looked for on the next poll (the list may lag).
                return {
                    kind: 'transient',
                    reason: `the API says a publish is in progress (${posted.detail})`
                };
            case 'final':
                if (posted.result.kind !== 'ok') {
                    // An HTTP refusal (401, 403, another 4xx) started nothing, and the message must not say
                    // that it may have; an acceptance the gate cannot follow (no status) keeps that note.
                    if (posted.result.kind === 'fatal' && posted.result.status !== undefined) {
                        this.note({
                            started: false,
                            note: `The API refused ${this.what} of ${this.steps.offer} (HTTP ${posted.result.status}): nothing was started.`
                        });
                    }
                    return posted.result;
                }
                this.note({
                    started: false,
                    note: `The API refused ${this.what} of ${this.steps.offer}: nothing was started. Its errors are below.`
                });
                return { kind: 'ok', value: { kind: 'refused', snapshot: posted.result.value } };
        }
    }
    /** After a lost or unnamed answer: what appeared is this run's; nothing after a few looks is an error. */
    finding(state, appeared) {
        if (appeared !== undefined) {
            this.state = { kind: 'look' };
            this.note({
                started: true,
                note: `Started ${this.what} of ${this.steps.offer} at ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(state.at)} (${state.why === 'lost' ? 'its answer was lost' : 'its answer named nothing to watch'}): found ${appeared.label}.`,
                waitedFor: appeared.id
            });
            return { kind: 'ok', value: { kind: 'attach', running: appeared } };
        }
        state.looks++;
        if (state.looks < _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .START_LOOKS_AFTER_LOST_POST */ .xD) {
            return {
                kind: 'transient',
                reason: `the publish requested at ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(state.at)} is not listed yet`
            };
        }
        const why = state.why === 'lost'
            ? `a request for ${this.what} was sent at ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(state.at)} and its answer was lost`
            : `the API accepted ${this.what} at ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(state.at)}, but its answer named nothing to watch`;
        return {
            kind: 'fatal',
            message: `start: ${why}, and after ${state.looks} look-ups no publish of ${this.steps.offer} is listed. It was not sent again. It may still appear: look in Partner Center; a re-run of this workflow will find it if it runs.`
        };
    }
    onRunning(running) {
        const since = running.since === undefined ? '' : ` (since ${running.since})`;
        if (this.ifRunning === 'wait' && this.posts > 0 && this.again === 'never') {
            // Nothing more may be posted: waiting for it would end in nothing.
            return {
                kind: 'fatal',
                message: `start: another publish of ${this.steps.offer} is in progress (${running.label}${since}), and this run's requests were refused already; nothing more is posted. Run the workflow again once it has ended.`
            };
        }
        if (this.ifRunning === 'fail') {
            return {
                kind: 'fatal',
                message: `start: another publish of ${this.steps.offer} is in progress: ${running.label}${since}. Nothing was posted. Set if-running: wait to publish this run's changes once it ends, or if-running: attach to report on that publish instead.`
            };
        }
        if (this.ifRunning === 'attach') {
            this.note({
                started: false,
                note: `A publish was already running: watching it instead of starting another. ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .capital */ .Nx)(running.label)}${since}, found at ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTime */ .fU)(this.wall())}.`,
                waitedFor: running.id
            });
            return { kind: 'ok', value: { kind: 'attach', running } };
        }
        this.state = { kind: 'waiting', running };
        this.note({
            started: false,
            note: `Another publish of ${this.steps.offer} is in progress: ${running.label}${since}. This run's ${this.steps.kind === 'preview' ? 'publish' : 'go-live'} starts when it ends (if-running: wait).`,
            waitedFor: running.id,
            notStarted: `This run's ${this.steps.kind === 'preview' ? 'publish' : 'go-live'} was not started: ${running.label} was still in progress.`
        });
        return { kind: 'ok', value: { kind: 'waiting', running } };
    }
    note(start, log = true) {
        this.current = {
            ...(this.current?.link === undefined ? {} : { link: this.current.link }),
            ...start,
            ...(this.refusal === undefined ? {} : { note: `${start.note} ${this.refusal}` })
        };
        if (log)
            this.info(start.note);
    }
    /** The backend's link to the offer, for the summary. */
    setLink(link) {
        if (link !== undefined)
            this.current = { ...(this.current ?? { started: false, note: '' }), link };
    }
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
/** One amount and its unit, with any white space after it: read one after another from the start. */
const PART = /(\d+)\s*([dhms])\s*/iy;
function parseDuration(text) {
    const value = text.trim();
    let ms = 0;
    let at = 0;
    while (at < value.length) {
        PART.lastIndex = at;
        const part = PART.exec(value);
        if (part === null)
            break;
        ms += Number(part[1]) * UNIT_MS[part[2].toLowerCase()];
        at = PART.lastIndex;
    }
    if (value === '' || at < value.length) {
        return /^\d+(\.\d+)?$/.test(value)
            ? { ok: false, expected: `a unit: write ${value}s, ${value}m or ${value}h` }
            : { ok: false, expected: 'a duration with units, such as 90s, 45m, 2h, 1h30m or 2d' };
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
/* harmony import */ var _model_describe_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1872);
/* harmony import */ var _model_status_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8203);
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
    const failedStep = snapshot.steps.find((step) => (0,_model_status_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailingStepStatus */ .TQ)(step.status));
    if (!failedStep && !(0,_model_status_js__WEBPACK_IMPORTED_MODULE_1__/* .isFailingStepStatus */ .TQ)(snapshot.status))
        return undefined;
    const result = failedStep?.status === 'blocked' || (!failedStep && snapshot.status === 'blocked')
        ? 'blocked'
        : failedStep?.status === 'canceled' || snapshot.status === 'canceled'
            ? 'canceled'
            : 'failed';
    if (failedStep) {
        const quote = (0,_model_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .stepFailureQuote */ .$f)(failedStep);
        return { kind: 'fail', result, failedStep, message: (0,_model_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteText */ .ol)(quote), quote };
    }
    const quote = (0,_model_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .failureQuote */ .H4)('The operation', snapshot.status, snapshot.messages);
    return { kind: 'fail', result, message: (0,_model_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteText */ .ol)(quote), quote };
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
            const target = findStep(snapshot, (0,_model_status_js__WEBPACK_IMPORTED_MODULE_1__/* .spellingKey */ .iB)(waitFor.stepId));
            // A step id the operation does not list is a mistake in wait-for, even once it succeeded.
            if (!target && snapshot.steps.length > 0) {
                const named = [...Object.keys(rules), 'completion'].map((name) => `"${name}"`);
                const last = named.pop() ?? '';
                return {
                    kind: 'invalid',
                    message: `wait-for: the operation has no step "${waitFor.stepId}". Its steps are: ${snapshot.steps.map(_model_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .stepLabel */ .vO).join(', ')}. Use one of these ids, ${named.length === 0 ? last : `${named.join(', ')} or ${last}`}.`
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
                    ? `The operation succeeded, but step ${target.name} was reported ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_0__/* .describeStatus */ .Wn)(target.status, target.rawStatus)}, not succeeded.`
                    : `The operation succeeded, but no response listed the step "${waitFor.stepId}".`
            };
        }
    }
}
/** Steps are matched by id or by name, ignoring case, spaces, dashes and underscores. */
function findStep(snapshot, key) {
    return snapshot.steps.find((step) => (0,_model_status_js__WEBPACK_IMPORTED_MODULE_1__/* .spellingKey */ .iB)(step.id) === key || (0,_model_status_js__WEBPACK_IMPORTED_MODULE_1__/* .spellingKey */ .iB)(step.name) === key);
}


/***/ }),

/***/ 9614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

;// CONCATENATED MODULE: ./src/net/token-source.ts
// Where the bearer token for the marketplace API comes from, as the API client sees it: the
// `token` input as given, or Azure AD tokens the gate gets and renews itself (src/auth/). The
// client only asks for a token, within the budget of the poll that needs it.
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

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/backends/cpp/location.ts
// Where to poll: the offer status, an operation id, or the Location / Operation-Location value that
// publish, go-live and cancel return. Never a URL on another origin than base-url.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A non-migrated operation id: publisher$offer$version$slot. */
const DOLLAR_ID = /^[^$/?#\s]+\$[^$/?#\s]+\$\d+\$[a-z]+$/i;
const OPERATION_PATHS = [
    /^\/api\/publishers\/[^/]+\/offers\/[^/]+\/operations\/([^/]+)\/?$/,
    /^\/api\/operations\/([^/]+)\/?$/
];
function resolveTarget(origin, publisherId, offerId, operation, apiVersion) {
    // A lone UTF-16 surrogate cannot be put in a URL (and cannot come from a runner's UTF-8 inputs).
    if (![origin, publisherId, offerId, operation].every((text) => text.isWellFormed())) {
        return { ok: false, expected: 'text without lone UTF-16 surrogates' };
    }
    const offerPath = `/api/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}`;
    const query = `api-version=${encodeURIComponent(apiVersion)}`;
    if (operation === '') {
        return ok('offer', `${origin}${offerPath}/status?${query}`, '');
    }
    if (operation.toLowerCase() === 'latest') {
        return ok('latest', `${origin}${offerPath}/submissions/?${query}`, '');
    }
    // A path or URL first: the ids below never start with "/" or a scheme.
    if (operation.startsWith('/') || (0,src_text/* isHttpUrl */.q$)(operation)) {
        return fromLocation(origin, operation, query, publisherId, offerId);
    }
    if (GUID.test(operation)) {
        return ok('operation', `${origin}${offerPath}/operations/${operation}?${query}`, operation);
    }
    if (DOLLAR_ID.test(operation)) {
        // Gating on another offer's operation would pass or fail the wrong release.
        const [publisher, offer] = operation.split('$');
        if (!namesOffer(publisher, offer, publisherId, offerId)) {
            return {
                ok: false,
                expected: `an operation of publisher-id "${publisherId}" and offer-id "${offerId}", not of "${publisher}" / "${offer}"`
            };
        }
        const path = operation.split('$').map(encodeURIComponent).join('$');
        return ok('operation', `${origin}/api/operations/${path}?${query}`, operation);
    }
    return {
        ok: false,
        expected: 'an operation GUID, or the Location / Operation-Location header value of a publish, go-live or cancel call (/api/publishers/.../operations/<id>?api-version=... or /api/operations/<publisher>$<offer>$2$preview?...)'
    };
}
function fromLocation(origin, location, query, publisherId, offerId) {
    let url;
    try {
        url = new URL(location, origin);
    }
    catch {
        return { ok: false, expected: 'a valid URL or path' };
    }
    if (url.origin !== origin) {
        return {
            ok: false,
            expected: `a URL on base-url's origin ${origin}, not ${url.origin}: the token is only ever sent to base-url`
        };
    }
    let match = null;
    for (const pattern of OPERATION_PATHS) {
        match = pattern.exec(url.pathname);
        if (match)
            break;
    }
    if (!match) {
        return {
            ok: false,
            expected: 'an operation path such as /api/publishers/<publisher>/offers/<offer>/operations/<id> or /api/operations/<publisher>$<offer>$2$preview'
        };
    }
    // Gating on another offer's operation would pass or fail the wrong release.
    const named = namedOffer(url.pathname);
    if (named && !namesOffer(named[0], named[1], publisherId, offerId)) {
        return {
            ok: false,
            expected: `an operation of publisher-id "${publisherId}" and offer-id "${offerId}", not of "${named[0]}" / "${named[1]}"`
        };
    }
    // The query is kept as given (CPP ids contain `$`); api-version is added only when missing.
    const search = url.search;
    const hasVersion = new URLSearchParams(search).has('api-version');
    const fullQuery = hasVersion ? search : `${search === '' ? '?' : `${search}&`}${query}`;
    return ok('operation', `${url.origin}${url.pathname}${fullQuery}`, decode(match[1]));
}
/** The publisher and offer a Location path names, in either form. */
function namedOffer(pathname) {
    const migrated = /^\/api\/publishers\/([^/]+)\/offers\/([^/]+)\//.exec(pathname);
    if (migrated)
        return [decode(migrated[1]), decode(migrated[2])];
    const dollar = /^\/api\/operations\/([^/$]+)\$([^/$]+)\$/.exec(pathname);
    return dollar ? [decode(dollar[1]), decode(dollar[2])] : undefined;
}
function sameId(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
/**
 * Whether an id from the API looks like an operation id of this offer (a GUID, or the
 * publisher$offer$version$slot form naming it): what else an answer holds never reaches a URL, an
 * output or the summary.
 */
function isOperationIdOf(id, publisherId, offerId) {
    if (GUID.test(id))
        return true;
    if (!DOLLAR_ID.test(id) || !id.isWellFormed())
        return false;
    const [publisher, offer] = id.split('$');
    return namesOffer(publisher, offer, publisherId, offerId);
}
/**
 * Whether a $-form id or an operation path names this publisher and offer. The 2018 form puts the
 * offer's GUID where the offer id goes; the gate cannot tell whose GUID it is, so it accepts one.
 */
function namesOffer(publisher, offer, publisherId, offerId) {
    return sameId(publisher, publisherId) && (sameId(offer, offerId) || GUID.test(offer));
}
/** The URL that starts an operation of the offer: its publish or its go-live. */
function startUrl(origin, publisherId, offerId, action, apiVersion) {
    return `${origin}/api/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}/${action}?api-version=${encodeURIComponent(apiVersion)}`;
}
/** The URL of one operation of the offer, by id. */
function operationUrl(listUrl, id) {
    const url = new URL(listUrl);
    return `${url.origin}${url.pathname.replace(/\/submissions\/?$/, '')}/operations/${encodeURIComponent(id)}${url.search}`;
}
function ok(kind, url, operationId) {
    return { ok: true, target: { kind, url, operationId } };
}
function decode(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return segment;
    }
}
/**
 * For `api: auto`: whether operation-id can only be a CPP operation, a Location / Operation-Location
 * value (a path, or a URL on any origin) or a publisher$offer$version$slot id.
 */
function isOperationAddress(operation) {
    if (DOLLAR_ID.test(operation))
        return true;
    if (!operation.startsWith('/') && !(0,src_text/* isHttpUrl */.q$)(operation))
        return false;
    try {
        const { pathname } = new URL(operation, 'https://cloudpartner.azure.com');
        return OPERATION_PATHS.some((pattern) => pattern.test(pathname));
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/gate/verdict.ts
var verdict = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/model/describe.ts
var describe = __webpack_require__(1872);
;// CONCATENATED MODULE: ./src/backends/cpp/ready.ts
// What `wait-for: preview` and `wait-for: auto` mean for the CPP API: the preview is ready for
// go-live when Publisher signoff waits; a go-live is done when it completes.


/**
 * `wait-for: auto`: a go-live is done when it completes; anything else (a publish, the offer
 * status) when the preview is ready for go-live, or the operation completed. A publish never
 * completes on its own: it waits at Publisher signoff until someone goes live.
 */
function auto(snapshot) {
    if (isGoLive(snapshot.submissionType)) {
        return snapshot.status === 'succeeded' ? 'The go-live succeeded: the offer is live.' : undefined;
    }
    return previewReady(snapshot);
}
function isGoLive(submissionType) {
    return /^go-?live$/i.test(submissionType ?? '');
}
/**
 * The preview is ready for go-live when Publisher signoff waits (or has passed), or the operation
 * itself waits for the publisher; an operation that succeeded is past that point too.
 */
function previewReady(snapshot) {
    const signoff = (0,verdict/* findStep */.M)(snapshot, 'publishersignoff');
    if (signoff?.status === 'waiting' || signoff?.status === 'succeeded') {
        return `The preview is ready for go-live: ${signoff.name} is ${(0,describe/* describeStatus */.Wn)(signoff.status, signoff.rawStatus)}.`;
    }
    if (snapshot.status === 'waiting') {
        return `The preview is ready for go-live: the operation is ${(0,describe/* describeStatus */.Wn)(snapshot.status, snapshot.rawStatus)}.`;
    }
    return snapshot.status === 'succeeded' ? 'The operation succeeded.' : undefined;
}

// EXTERNAL MODULE: ./src/constants.ts + 1 modules
var constants = __webpack_require__(5646);
// EXTERNAL MODULE: ./src/backends/start.ts
var start = __webpack_require__(4205);
// EXTERNAL MODULE: ./src/backends/start-steps.ts
var start_steps = __webpack_require__(9103);
// EXTERNAL MODULE: ./src/model/status.ts
var model_status = __webpack_require__(8203);
;// CONCATENATED MODULE: ./src/backends/cpp/spellings.ts
// How the CPP API spells statuses: its documentation and its answers use several forms of each.

const SPELLINGS = {
    notstarted: 'notStarted',
    neverpublished: 'notStarted',
    running: 'running',
    inprogress: 'running',
    waitingforpublisherreview: 'waiting',
    waitingforapproval: 'waiting',
    waitingforreview: 'waiting',
    succeeded: 'succeeded',
    success: 'succeeded',
    complete: 'succeeded',
    completed: 'succeeded',
    published: 'succeeded',
    failed: 'failed',
    failure: 'failed',
    blocked: 'blocked',
    rejected: 'rejected',
    canceled: 'canceled',
    cancelled: 'canceled'
};
function cppStatus(raw) {
    return (0,model_status/* statusFrom */.zO)(SPELLINGS, raw);
}

;// CONCATENATED MODULE: ./src/backends/cpp/latest.ts
// `operation-id: latest`: which operation of the offer to watch, from the submissions list. The
// documented `status` filter may or may not be applied by the server, so the list is filtered here
// too, and both spellings of an item's state are read.




/**
 * The running operation (the newest, if several), else the most recently changed one. Only items
 * whose id is an operation id of this offer count: anything else in the list is not an operation
 * to watch, and its id never reaches a URL, an output or the summary.
 */
function pickLatest(body, onlyRunning, isId) {
    const items = listItems(body).filter((entry) => isId(entry.id));
    const running = items.filter((entry) => isInProgress(entry.state));
    if (running.length > 0) {
        const [newest] = running;
        return {
            id: newest.id,
            type: newest.type,
            why: running.length === 1
                ? `it is the offer's running operation (${newest.state})`
                : `it is the most recently changed of ${running.length} running operations (changed ${newest.changedText})`
        };
    }
    if (onlyRunning || items.length === 0)
        return undefined;
    const [newest] = items;
    return {
        id: newest.id,
        type: newest.type,
        why: `no operation is running, and it is the most recently changed one (${newest.state || 'no status'}, changed ${newest.changedText || 'at an unknown time'})`
    };
}
function isInProgress(state) {
    const status = cppStatus(state);
    return status === 'running' || status === 'waiting' || status === 'notStarted';
}
/** The list's entries, newest change first (at most MAX_LIST_ITEMS read). */
function listItems(body) {
    return list(body)
        .slice(0, constants/* MAX_LIST_ITEMS */.HD)
        .flatMap(item)
        .sort((a, b) => b.changed - a.changed);
}
function list(body) {
    if (Array.isArray(body))
        return body;
    const value = typeof body === 'object' && body !== null ? body.value : undefined;
    return Array.isArray(value) ? value : [];
}
function item(value) {
    if (typeof value !== 'object' || value === null)
        return [];
    const record = value;
    const id = typeof record.id === 'string' ? record.id.trim() : '';
    if (id === '')
        return [];
    const state = [record.status, record.submissionState].find((field) => typeof field === 'string');
    const changedText = [record.changedTime, record.lastActionDateTime, record.createdDateTime].find((field) => typeof field === 'string');
    const changed = changedText === undefined ? Number.NaN : Date.parse(changedText);
    // Quoted in the log's "why": short, whatever the server sent.
    return [
        {
            id,
            state: (0,describe/* clip */.$Q)(state ?? '', constants/* MAX_FIELD_CHARS */.AP),
            type: typeof record.submissionType === 'string'
                ? (0,describe/* clip */.$Q)(record.submissionType, constants/* MAX_FIELD_CHARS */.AP)
                : '',
            changed: Number.isNaN(changed) ? Number.NEGATIVE_INFINITY : changed,
            changedText: (0,describe/* clip */.$Q)(changedText ?? '', constants/* MAX_FIELD_CHARS */.AP)
        }
    ];
}
/**
 * Asks for the running operations (the documented filter), and for all of them only when none
 * runs, both within the one poll's budget. No operation at all is fatal: there is nothing to wait
 * for.
 */
async function findLatestOperation(getJson, listUrl, budget, isId) {
    const running = await getJson(`${listUrl}&status=running`, budget);
    if (running.kind !== 'ok')
        return running;
    let found = pickLatest(running.value, true, isId);
    if (found === undefined) {
        const all = await getJson(listUrl, budget);
        if (all.kind !== 'ok')
            return all;
        found = pickLatest(all.value, false, isId);
    }
    if (found === undefined) {
        return {
            kind: 'fatal',
            message: 'operation-id is "latest", but the offer has no operation: publish it first, or check publisher-id and offer-id.'
        };
    }
    return { kind: 'ok', value: { ...found, url: operationUrl(listUrl, found.id) } };
}

// EXTERNAL MODULE: ./src/net/html-text.ts
var html_text = __webpack_require__(408);
// EXTERNAL MODULE: ./src/net/json.ts
var net_json = __webpack_require__(4457);
// EXTERNAL MODULE: ./src/backends/fields.ts
var fields = __webpack_require__(7828);
;// CONCATENATED MODULE: ./src/backends/cpp/normalize.ts
// The one boundary where CPP JSON becomes a typed Snapshot: object or one-element array, missing
// fields tolerated, every spelling normalized, HTML turned into text.






/** A body that parsed as JSON but is not an operation or offer status. */
class UnexpectedBodyError extends Error {
}
async function normalize(body) {
    const operation = Array.isArray(body) ? body[0] : body;
    if (!(0,fields/* isObject */.Gv)(operation)) {
        throw new UnexpectedBodyError(Array.isArray(body)
            ? `an array whose first element is ${(0,fields/* describe */.q0)(operation)}, not an operation object`
            : `${(0,fields/* describe */.q0)(body)}, not an operation object`);
    }
    const rawStatus = normalize_text(operation.status) ?? normalize_text(operation.submissionState) ?? '';
    const submissionType = normalize_text(operation.submissionType);
    // Bounded work whatever the answer holds: what is left unread is counted and shown.
    const unread = { steps: 0, messages: 0 };
    const allSteps = normalize_list(operation.steps);
    unread.steps = Math.max(0, (0,net_json/* itemsSent */.x)(allSteps) - constants/* MAX_STEPS_READ */.Eq);
    const steps = [];
    for (const [index, value] of allSteps.slice(0, constants/* MAX_STEPS_READ */.Eq).entries()) {
        const found = await step(value, index, unread);
        if (found !== undefined)
            steps.push(found);
    }
    const operationMessages = await messages(operation.messages, unread);
    return {
        status: cppStatus(rawStatus),
        rawStatus,
        ...(submissionType === undefined ? {} : { submissionType }),
        steps,
        messages: operationMessages,
        previewLinks: links(operation.previewLinks),
        liveLinks: links(operation.liveLinks),
        ...(unread.steps + unread.messages === 0 ? {} : { unread })
    };
}
async function step(value, index, unread) {
    if (!(0,fields/* isObject */.Gv)(value))
        return undefined;
    const id = normalize_text(value.id) ?? '';
    const rawStatus = normalize_text(value.status) ?? '';
    const progress = percentage(value.progressPercentage ?? value.processPercentage);
    const estimatedTimeFrame = normalize_text(value.estimatedTimeFrame);
    return {
        id,
        name: normalize_text(value.stepName) ?? normalize_text(value.description) ?? (id || `step ${index + 1}`),
        status: cppStatus(rawStatus),
        rawStatus,
        ...(progress === undefined ? {} : { progress }),
        ...(estimatedTimeFrame === undefined ? {} : { estimatedTimeFrame }),
        messages: await messages(value.messages, unread)
    };
}
/** Message items are `{messageHtml, level, timestamp}`; one doc table calls them strings. */
async function messages(value, unread) {
    const found = [];
    const items = normalize_list(value);
    unread.messages += Math.max(0, (0,net_json/* itemsSent */.x)(items) - constants/* MAX_MESSAGES_PER_LIST */.j_);
    for (const item of items.slice(0, constants/* MAX_MESSAGES_PER_LIST */.j_)) {
        const each = typeof item === 'string'
            ? await message(item, undefined, undefined)
            : (0,fields/* isObject */.Gv)(item)
                ? await message(raw(item.messageHtml) ?? raw(item.message) ?? raw(item.text) ?? '', normalize_text(item.level), normalize_text(item.timestamp))
                : undefined;
        if (each !== undefined)
            found.push(each);
    }
    return found;
}
async function message(html, level, timestamp) {
    const parts = capParts(await (0,html_text/* htmlToParts */.tK)(html.slice(0, constants/* MAX_MESSAGE_TEXT_CHARS */.jM * 2)));
    if (parts.length === 0)
        return undefined;
    return {
        level: (level ?? 'information').toLowerCase(),
        parts,
        ...(timestamp === undefined ? {} : { timestamp })
    };
}
function capParts(parts) {
    let room = constants/* MAX_MESSAGE_TEXT_CHARS */.jM;
    const out = [];
    for (const part of parts) {
        if (room <= 0)
            break;
        out.push(part.text.length > room ? { ...part, text: `${part.text.slice(0, room)}…` } : part);
        room -= part.text.length;
    }
    return out;
}
/** Links may come as strings or as objects carrying a URL; only http(s) URLs are kept. */
function links(value) {
    return normalize_list(value)
        .map((item) => (0,fields/* isObject */.Gv)(item)
        ? (raw(item.uri) ?? raw(item.url) ?? raw(item.href) ?? raw(item.link))
        : raw(item))
        .filter((href) => href !== undefined && href.length <= constants/* MAX_LINK_CHARS */.mm && (0,html_text/* isWebLink */.l_)(href))
        .slice(0, constants/* MAX_LINKS */.vk);
}
function percentage(value) {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number))
        return undefined;
    return Math.min(100, Math.max(0, Math.round(number)));
}
function raw(value) {
    return typeof value === 'string' ? value.trim() : undefined;
}
/**
 * A short free-text field (status, id, name, time frame): one line without control characters,
 * capped; numbers are accepted.
 */
function normalize_text(value) {
    const given = typeof value === 'number' ? String(value) : raw(value);
    const string = given === undefined ? undefined : (0,src_text/* controlsAsSpaces */.m)(given).trim();
    if (string === undefined || string === '')
        return undefined;
    return string.length > constants/* MAX_FIELD_CHARS */.AP ? `${string.slice(0, constants/* MAX_FIELD_CHARS */.AP)}…` : string;
}
function normalize_list(value) {
    return Array.isArray(value) ? value : [];
}
/** A body that is JSON but not an operation is retried: a proxy or a deploy may have answered. */
async function snapshotOf(fetched) {
    if (fetched.kind !== 'ok')
        return fetched;
    try {
        return { kind: 'ok', value: await normalize(fetched.value) };
    }
    catch (error) {
        if (!(error instanceof UnexpectedBodyError))
            throw error;
        return { kind: 'transient', reason: `the API answered with ${error.message}`, shape: true };
    }
}

;// CONCATENATED MODULE: ./src/backends/cpp/start.ts
// `start` on the CPP API: the look-up of running operations (anything the `status=running` list
// holds that is not known to be over blocks a publish, and so does an entry the gate cannot read),
// a go-live's precondition (a publish waiting at Publisher signoff), the POST and its Location.








class CppStartSteps {
    kind;
    offer;
    plan;
    listUrl;
    client;
    isId;
    /** The operations in progress at the last look-up: none of them is what a POST started. */
    before = new Set();
    /** The operation the last accepted POST named: its address as the Location gave it. */
    located;
    constructor(plan, listUrl, client, isId) {
        this.plan = plan;
        this.kind = plan.kind;
        this.offer = plan.offer;
        this.listUrl = listUrl;
        this.client = client;
        this.isId = isId;
    }
    async look(budget) {
        const listed = await this.client.getJson(`${this.listUrl}&status=running`, budget);
        if (listed.kind !== 'ok')
            return listed;
        // The filter may not be applied: entries known to be over are not running; any other is.
        const going = listItems(listed.value).filter((each) => !(0,model_status/* isFinished */.$g)(cppStatus(each.state)));
        this.before = new Set(going.map((each) => each.id));
        const unreadable = going.find((each) => !this.isId(each.id));
        if (unreadable !== undefined) {
            return {
                kind: 'ok',
                value: {
                    kind: 'blocked',
                    message: `start: the offer's running operations include one the gate cannot read (its id is not an operation id of ${this.offer}), so it cannot tell whether a publish is in progress. Nothing was posted: look in Partner Center, and run the workflow again once no publish is in progress.`
                }
            };
        }
        // A go-live in progress blocks either kind; a publish blocks until its preview is ready
        // (waiting at Publisher signoff), which a go-live needs and a new publish may follow.
        const goLive = going.find((each) => isGoLive(each.type));
        if (goLive !== undefined)
            return { kind: 'ok', value: found(goLive) };
        let ready;
        for (const [index, publish] of going.entries()) {
            // Each is read: a few at most; past them, one is taken as in progress (fail safe).
            if (index >= MAX_PUBLISHES_READ)
                return { kind: 'ok', value: found(publish) };
            const read = await snapshotOf(await this.client.getJson(operationUrl(this.listUrl, publish.id), budget));
            if (read.kind !== 'ok')
                return read;
            if (previewReady(read.value) === undefined) {
                return {
                    kind: 'ok',
                    value: found(publish, `, its preview not ready yet: ${(0,describe/* lastSeen */.YO)(read.value)}`)
                };
            }
            ready ??= publish;
        }
        if (this.kind === 'live' && ready === undefined) {
            return {
                kind: 'fatal',
                message: `start: live needs a publish of ${this.offer} whose preview is ready for go-live (waiting at Publisher signoff), and no operation of the offer is running. Publish to preview first (start: preview) and wait until it is ready; nothing was posted.`
            };
        }
        return { kind: 'ok', value: { kind: 'none' } };
    }
    /** A running operation of this offer that the last look-up before the POST did not list. */
    async find(budget) {
        const listed = await this.client.getJson(`${this.listUrl}&status=running`, budget);
        if (listed.kind !== 'ok')
            return listed;
        const fresh = listItems(listed.value).find((each) => this.isId(each.id) && !(0,model_status/* isFinished */.$g)(cppStatus(each.state)) && !this.before.has(each.id));
        const appeared = found(fresh);
        return { kind: 'ok', value: appeared.kind === 'running' ? appeared.running : undefined };
    }
    async post(budget) {
        // The publish takes a metadata object (notification e-mails are Partner Center's now); the
        // go-live takes no body.
        const posted = await this.client.request('POST', this.plan.actionUrl, this.kind === 'preview' ? { metadata: {} } : undefined, budget);
        if (posted.kind === 'transient')
            return (0,start_steps/* failedInTransit */.iz)(posted);
        if (posted.kind === 'fatal') {
            if ((0,start_steps/* isSignInRefusal */.LZ)(posted))
                return { kind: 'final', result: posted };
            // 409: another publish won the race since the look-up.
            if (posted.status === 409)
                return { kind: 'conflict', detail: posted.detail || 'HTTP 409' };
            return { kind: 'final', result: posted };
        }
        const location = posted.value.location ?? posted.value.operationLocation ?? '';
        if (location === '')
            return { kind: 'unnamed', status: posted.value.status };
        const located = this.plan.locate(location);
        if (!located.ok || !this.isId(located.id)) {
            return {
                kind: 'final',
                result: {
                    kind: 'fatal',
                    message: `The CPP API accepted the request (HTTP ${posted.value.status}) but its Location names no operation the gate can watch ("${location.slice(0, 200)}"): expected ${located.ok ? 'an operation id of this offer' : located.expected}. It was not sent again: look for the operation in Partner Center before starting another.`
                }
            };
        }
        this.located = { url: located.url, id: located.id };
        return { kind: 'accepted', id: located.id, label: `operation ${located.id}` };
    }
    /** Over: completed, failed or canceled, or (a publish) waiting at Publisher signoff. */
    async ended(running, budget) {
        const read = await snapshotOf(await this.client.getJson(operationUrl(this.listUrl, running.id), budget));
        if (read.kind !== 'ok')
            return read;
        const snapshot = read.value;
        return {
            kind: 'ok',
            value: (0,model_status/* isFinished */.$g)(snapshot.status) ||
                (!isGoLive(snapshot.submissionType) && previewReady(snapshot) !== undefined)
        };
    }
}
/** Running publishes read to tell one waiting at Publisher signoff from one still certified. */
const MAX_PUBLISHES_READ = 3;
function found(item, more = '') {
    if (item === undefined)
        return { kind: 'none' };
    const running = {
        id: item.id,
        label: `operation ${item.id} (${item.type || 'a publish'}, ${item.state || 'no status'}${more})`,
        ...(item.changedText === '' ? {} : { since: item.changedText })
    };
    return { kind: 'running', running };
}

;// CONCATENATED MODULE: ./src/backends/cpp/watcher.ts
// One CPP poll: the operation (or offer status) as a Snapshot. With `operation-id: latest` the
// first poll finds the operation in the offer's submissions list, within the same budget. With
// `start`, the polls first go through the shared start rules (../start.ts, with ./start.ts's
// look-up and POST) until there is an operation to watch: this run's, or one already running.









class CppWatcher {
    target;
    deps;
    isId;
    starter;
    steps;
    url;
    id;
    /** When this run's own operation was started (wall clock): a 404 just after is the API lagging. */
    ownSince;
    constructor(target, deps, isId, plan, ifRunning = 'wait') {
        this.target = target;
        this.deps = deps;
        this.isId = isId;
        this.url = target.kind === 'latest' ? '' : target.url;
        this.id = target.operationId;
        if (plan !== undefined) {
            this.steps = new CppStartSteps(plan, target.url, deps.client, isId);
            this.starter = new start/* Starter */.m(this.steps, ifRunning, deps.info, () => this.wall());
        }
    }
    get operationId() {
        return this.id;
    }
    get start() {
        return this.starter?.start;
    }
    async poll(budget) {
        const { client } = this.deps;
        if (this.url === '' && this.starter !== undefined) {
            const next = await this.starter.next(budget);
            if (next.kind !== 'ok')
                return next;
            const step = next.value;
            switch (step.kind) {
                case 'waiting':
                    return { kind: 'ok', value: (0,start_steps/* waitingSnapshot */.ey)(step.running) };
                case 'refused':
                    return { kind: 'ok', value: step.snapshot };
                case 'own':
                    this.url = this.steps?.located?.url ?? operationUrl(this.target.url, step.id);
                    this.id = step.id;
                    this.ownSince = this.wall();
                    break;
                case 'attach':
                    this.url = operationUrl(this.target.url, step.running.id);
                    this.id = step.running.id;
                    break;
                case 'nothing':
                    return { kind: 'fatal', message: 'start: nothing to publish.' };
            }
        }
        else if (this.url === '') {
            // operation-id: latest, found on the first poll; its failures are retried like any poll's.
            const found = await findLatestOperation((url, within) => client.getJson(url, within), this.target.url, budget, this.isId);
            if (found.kind !== 'ok')
                return found;
            this.url = found.value.url;
            this.id = found.value.id;
            this.deps.info(`Watching operation ${found.value.id}: ${found.value.why}.`);
        }
        const read = await client.getJson(this.url, budget);
        // A just-started operation may not be known to the API for its first minute.
        if (read.kind === 'fatal' &&
            read.status === 404 &&
            this.ownSince !== undefined &&
            this.wall() - this.ownSince < constants/* START_OWN_NOT_FOUND_MS */.Wn) {
            return { kind: 'transient', reason: `the operation ${this.id} just started is not found yet` };
        }
        return snapshotOf(read);
    }
    wall() {
        return this.deps.wall?.() ?? Date.now();
    }
}

// EXTERNAL MODULE: ./src/net/wording.ts
var wording = __webpack_require__(6543);
;// CONCATENATED MODULE: ./src/backends/cpp/wording.ts
// How the gate words the CPP API's HTTP answers: what happened, why it probably happened, and what
// to change.

const cppWording = {
    fatal(failure) {
        const { status } = failure;
        const said = (0,wording/* theApiSaid */.Jq)(failure.detail);
        let message;
        if (status === 400) {
            message = `The CPP API rejected the request (HTTP 400).${said} Check api-version (2017-10-31 is the documented one) and the ids.`;
        }
        else if (status === 401) {
            message = `The CPP API refused the token (HTTP 401): it is missing, expired, or not issued for https://cloudpartner.azure.com.${said}`;
        }
        else if (status === 403) {
            message = `The CPP API denied access (HTTP 403).${said} The service principal is probably not added to the publisher account, or was added with the app registration's object id instead of the enterprise application's (service principal's) object id; also check publisher-id.`;
        }
        else if (status === 404) {
            message = `The CPP API found nothing at this address (HTTP 404).${said} Check publisher-id, offer-id and operation-id.`;
        }
        else if (status >= 300 && status < 400) {
            message = `The CPP API answered with a redirect (HTTP ${status}${failure.location ? ` to ${failure.location}` : ''}), which the gate does not follow so that the token stays on base-url. Check base-url.`;
        }
        else {
            message = `The CPP API answered HTTP ${status}.${said}`;
        }
        return (0,wording/* withCorrelation */.$s)(message, failure.correlationId);
    }
};
/** Said after a 401 when even a token the gate just got from Azure AD was refused. */
const CPP_FRESH_TOKEN_REFUSED = 'A freshly issued token was refused too: check that the service principal is added to the publisher account in Partner Center, with the object id of its enterprise application.';

;// CONCATENATED MODULE: ./src/backends/cpp/index.ts
// src/backends/cpp/: the Cloud Partner Portal API: its inputs, locations, spellings, wording,
// ready rules, normalizer, `start` steps and watcher; this index is its Backend.
//
// The Cloud Partner Portal API backend: offers integrated before the move to Partner Center.





const RESOURCE = 'https://cloudpartner.azure.com';
const cppBackend = {
    api: 'cpp',
    title: 'the CPP API',
    defaults: { baseUrl: RESOURCE, apiVersion: '2017-10-31' },
    baseUrlPath: false,
    strictInterval: false,
    scope: `${RESOURCE}/.default`,
    resource: RESOURCE,
    freshTokenRefused: CPP_FRESH_TOKEN_REFUSED,
    wording: cppWording,
    readyRules: { auto: auto, preview: previewReady },
    offerLabel: (input) => `${input('publisher-id')} / ${input('offer-id')}`,
    readWatch
};
function readWatch(input, problem, common) {
    const required = (name, expected) => {
        const value = input(name);
        if (value === '')
            problem(name, value, expected);
        else if ((0,src_text/* hasControlCharacter */.Fd)(value))
            problem(name, value, `${expected}, without control characters`);
        // "." and ".." would climb out of their path segment, whatever the encoding.
        else if (value === '.' || value === '..')
            problem(name, value, expected);
        return value;
    };
    const publisherId = required('publisher-id', 'the publisher id, e.g. contoso');
    if (input('schema-version') !== '') {
        problem('schema-version', input('schema-version'), 'empty: it is for api product-ingestion');
    }
    const offerId = required('offer-id', 'the offer id');
    // Checked with stand-ins for missing ids, so that one run reports every problem. With start,
    // config.ts refuses an operation-id: the operation is the one started (or found running).
    const { origin, apiVersion, start } = common;
    const operation = start === undefined ? input('operation-id') : 'latest';
    const parsed = resolveTarget(origin, publisherId, offerId, operation, apiVersion);
    if (!parsed.ok)
        problem('operation-id', operation, parsed.expected);
    const target = parsed.ok ? parsed.target : { kind: 'offer', url: '', operationId: '' };
    const offer = `${publisherId}/${offerId}`;
    const plan = start === undefined
        ? undefined
        : {
            kind: start,
            actionUrl: startUrl(origin, publisherId, offerId, start === 'preview' ? 'publish' : 'golive', apiVersion),
            offer,
            locate: (location) => {
                const found = resolveTarget(origin, publisherId, offerId, location, apiVersion);
                return found.ok && found.target.kind === 'operation'
                    ? { ok: true, url: found.target.url, id: found.target.operationId }
                    : {
                        ok: false,
                        expected: found.ok ? 'the path of one operation' : found.expected
                    };
            }
        };
    return {
        description: start === 'preview'
            ? `a publish to preview of ${offer} (started here, unless one is already running)`
            : start === 'live'
                ? `a go-live of ${offer} (started here, unless one is already running)`
                : {
                    offer: `the offer status of ${offer}`,
                    latest: `the latest operation of ${offer}`,
                    operation: `operation ${target.operationId} of ${offer}`
                }[target.kind],
        subject: target.kind === 'offer' ? 'Offer' : 'Operation',
        operationId: target.operationId,
        autoMeans: start === 'preview'
            ? 'its preview is ready for go-live (wait-for auto, for a publish)'
            : start === 'live'
                ? 'it completes (wait-for auto, for a go-live)'
                : target.kind === 'offer'
                    ? 'the preview is ready for go-live or the offer is live (wait-for auto, for the offer status)'
                    : 'its preview is ready for go-live if it is a publish, or it completes if it is a go-live (wait-for auto: its submission type says which)',
        watcher: (deps) => new CppWatcher(target, deps, (id) => isOperationIdOf(id, publisherId, offerId), plan, common.ifRunning)
    };
}

// EXTERNAL MODULE: ./src/backends/product-ingestion/location.ts
var product_ingestion_location = __webpack_require__(6803);
;// CONCATENATED MODULE: ./src/backends/registry.ts
// Which backends there are: the only file that names them. Adding an API is a folder under
// src/backends/ and one line here.



/**
 * The default backend comes with the gate itself; every other one is loaded only when `api`
 * names it, a chunk of its own in dist/.
 */
const REGISTRY = {
    cpp: () => Promise.resolve(cppBackend),
    'product-ingestion': async () => (await __webpack_require__.e(/* import() */ 664).then(__webpack_require__.bind(__webpack_require__, 8664))).productIngestionBackend
};
const APIS = Object.keys(REGISTRY);
function isApi(name) {
    return Object.hasOwn(REGISTRY, name);
}
function loadBackend(api) {
    return REGISTRY[api]();
}
/**
 * For `api: auto`: the inputs only one API takes, each said as the first log line says it. The
 * address checks are light (the Product Ingestion backend itself stays a chunk of its own).
 */
const SIGNS = {
    cpp: (input) => [
        input('publisher-id') === '' ? '' : 'publisher-id is set',
        isOperationAddress(input('operation-id')) ? 'operation-id is a CPP operation address' : ''
    ],
    'product-ingestion': (input) => [
        (0,product_ingestion_location/* isProductId */.F_)(input('offer-id')) ? 'offer-id is a product id (product/<guid>)' : '',
        (0,product_ingestion_location/* isJobAddress */.cJ)(input('operation-id')) ? "operation-id is a configure job's status address" : ''
    ]
};
/**
 * With no sign at all, `api: auto` means the Product Ingestion API: every offer not integrated
 * with the Cloud Partner Portal before the move to Partner Center is published through it.
 */
const AUTO_DEFAULT = {
    api: 'product-ingestion',
    why: 'publisher-id is empty and operation-id is not a CPP operation address'
};
/** The APIs the inputs point at under `api: auto`, each with what in them points there. */
function apiSigns(input) {
    return APIS.map((api) => ({ api, signs: SIGNS[api](input).filter(Boolean) })).filter((found) => found.signs.length > 0);
}

// EXTERNAL MODULE: ./src/duration.ts
var src_duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/net/budget.ts
var net_budget = __webpack_require__(8766);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(9663);
;// CONCATENATED MODULE: ./src/auth/azure-ad.ts
// src/auth/: where the marketplace API's tokens come from: Azure AD sign-in (this file), the
// runner's GitHub OIDC tokens for it, and the sign-in inputs. The scope is the backend's.
//
// Signs in to Azure AD with client credentials, by client secret or by a GitHub OIDC token, and
// renews the access token before it expires: a certification wait outlives any one token.







function azureAdToken(signIn, audience, deps) {
    const method = signIn.kind === 'secret' ? 'a client secret' : 'GitHub OIDC';
    let cached;
    let signedIn = false;
    return {
        description: `Azure AD as application ${signIn.clientId} with ${method}`,
        unauthorizedHint: audience.refusedHint,
        invalidate: () => {
            cached = undefined;
            return true;
        },
        token: async (budget) => {
            if (cached && deps.now() < cached.renewAt)
                return cached.token;
            const { token, lifetimeMs } = await requestToken(signIn, audience, deps, budget);
            const margin = Math.min(constants/* RENEW_BEFORE_EXPIRY_MS */.rc, lifetimeMs / 2);
            cached = { token, renewAt: deps.now() + lifetimeMs - margin };
            const line = `Signed in to Azure AD as application ${signIn.clientId} with ${method}: the token is valid for ${(0,src_duration/* formatDuration */.a)(lifetimeMs)} and is renewed ${(0,src_duration/* formatDuration */.a)(margin)} before it expires.`;
            if (signedIn)
                deps.debug(line);
            else
                deps.info(line);
            signedIn = true;
            return token;
        }
    };
}
async function requestToken(signIn, audience, deps, budget) {
    // Never longer than one request may take, and never past the poll's own budget.
    const request = (0,net_budget/* budget */.g)(budget.signal, Math.min(budget.ms, constants/* REQUEST_TIMEOUT_MS */.j2));
    try {
        return await signInWithin(signIn, audience, deps, request);
    }
    finally {
        request.release();
    }
}
async function signInWithin(signIn, audience, deps, request) {
    // An OIDC token lives about 5 minutes: a fresh one for every sign-in.
    const assertion = signIn.kind === 'oidc' ? await idToken(signIn.audience, deps, request) : undefined;
    const form = new URLSearchParams({
        client_id: signIn.clientId,
        scope: audience.scope,
        grant_type: 'client_credentials'
    });
    if (signIn.kind === 'secret')
        form.set('client_secret', signIn.clientSecret);
    else {
        form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
        form.set('client_assertion', assertion ?? '');
    }
    const url = `${signIn.authorityHost}/${encodeURIComponent(signIn.tenantId)}/oauth2/v2.0/token`;
    let response;
    try {
        response = await (0,http/* send */.tN)({
            method: 'POST',
            url,
            headers: {
                'Content-Type': 'application/x-www-form-urlencoded',
                Accept: 'application/json'
            },
            body: form.toString()
        }, request);
    }
    catch (error) {
        throw new AuthError(`Azure AD sign-in failed: ${(0,http/* reasonOf */.A3)(error)}`, true);
    }
    deps.debug(`POST ${url} → HTTP ${response.status}`);
    // A server that echoes the form must not make us quote the secret or the assertion anywhere:
    // error text reaches outputs, the summary and the check run, which no mask covers.
    for (const secret of [signIn.kind === 'secret' ? signIn.clientSecret : '', assertion ?? '']) {
        if (secret === '')
            continue;
        // As sent (form-encoded), percent-encoded, and as given.
        const forms = [
            new URLSearchParams({ s: secret }).toString().slice(2),
            encodeURIComponent(secret),
            secret
        ];
        for (const shown of forms)
            response.body = (0,http/* hide */.jD)(response.body, shown);
    }
    let body = parse(response.body);
    const token = typeof body.access_token === 'string' ? body.access_token : '';
    if (response.status === 200 && token !== '') {
        deps.mask(token);
        const seconds = Number(body.expires_in);
        return { token, lifetimeMs: (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000 };
    }
    if (deps.redact !== undefined) {
        response.body = deps.redact(response.body);
        body = parse(response.body);
    }
    if ((0,http/* isTransientStatus */.Dm)(response.status) || response.status === 200) {
        throw new AuthError(`Azure AD sign-in failed: HTTP ${response.status}${azure_ad_describe(body, response)}`, true, (0,http/* retryAfterMs */.Vs)(response.retryAfter, deps.now()));
    }
    throw explain(body, response, signIn, audience, assertion);
}
async function idToken(audience, deps, budget) {
    let token;
    try {
        token = await deps.getIDToken(audience, budget);
    }
    catch (error) {
        if (error instanceof AuthError)
            throw error;
        throw new AuthError(`Could not get a GitHub OIDC token: ${(0,http/* reasonOf */.A3)(error)}`, true);
    }
    deps.mask(token);
    return token;
}
function parse(text) {
    try {
        const value = (0,net_json/* parseJson */.q)(text);
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? value
            : {};
    }
    catch {
        return {};
    }
}
function azure_ad_describe(body, response) {
    const detail = typeof body.error_description === 'string' ? body.error_description : response.body;
    return detail.trim() === '' ? '' : `: ${(0,wording/* excerpt */.Kb)(detail.split(/\r?\n/)[0])}`;
}
/** What an AADSTS code means and how to fix it: the common sign-in mistakes. */
function explain(body, response, signIn, audience, assertion) {
    const error = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
    const description = typeof body.error_description === 'string' ? body.error_description : '';
    const first = Array.isArray(body.error_codes)
        ? body.error_codes[0]
        : undefined;
    const code = /AADSTS(\d+)/.exec(description)?.[1] ??
        (typeof first === 'number' || typeof first === 'string' ? String(first) : '');
    const head = `Azure AD refused to sign in (${error}${code === '' ? '' : `, AADSTS${code}`})`;
    const claims = assertion === undefined ? undefined : oidcClaims(assertion);
    const fixes = {
        '90002': `tenant-id "${signIn.tenantId}" was not found: use the Directory (tenant) ID shown on the app registration's overview.`,
        '700016': `there is no application ${signIn.clientId} in tenant ${signIn.tenantId}: check client-id and tenant-id; the app must be registered in that tenant or consented to it.`,
        '7000215': "client-secret is wrong: use the secret's Value (shown once, when it is created), not its Secret ID.",
        '7000222': 'client-secret has expired: create a new one under Certificates & secrets and update the repository secret.',
        '7000112': `application ${signIn.clientId} is disabled in tenant ${signIn.tenantId}.`,
        '70011': `the scope ${audience.scope} was refused: ${audience.apiTitle} is not available to this application or tenant.`,
        '700024': 'the GitHub OIDC token expired before Azure AD accepted it (they live about 5 minutes): check the runner clock; the next try uses a fresh one.',
        ...(claims === undefined
            ? {}
            : {
                '70021': federatedFix(claims),
                '700213': federatedFix(claims),
                '700211': `no federated credential of the app trusts the issuer ${claims.iss}. ${federatedFix(claims)}`
            })
    };
    const fix = fixes[code];
    const message = fix === undefined ? `${head}${azure_ad_describe(body, response)}` : `${head}: ${fix}`;
    return new AuthError(message, code === '700024');
}
function federatedFix(claims) {
    return `no federated credential of the app matches this workflow's GitHub token (subject "${claims.sub}", audience "${claims.aud}", issuer "${claims.iss}"). Add one under Certificates & secrets → Federated credentials with exactly that issuer, subject and audience.`;
}
/** The claims of a GitHub OIDC token that a federated credential must match; none is secret. */
function oidcClaims(jwt) {
    try {
        const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
        const text = (value) => Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '?';
        return { sub: text(payload.sub), aud: text(payload.aud), iss: text(payload.iss) };
    }
    catch {
        return { sub: '?', aud: '?', iss: '?' };
    }
}

;// CONCATENATED MODULE: ./src/auth/github-oidc.ts
// A GitHub OIDC token for Azure AD's federated credentials, asked of the runner's token service.
// Our own client rather than core.getIDToken: this one takes the request's deadline and the run's
// AbortSignal, and core's has neither (it retries by itself for as long as it likes).




function oidcEndpoint(env) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
    return url === '' || requestToken === '' ? undefined : { url, requestToken };
}
const NO_PERMISSION = 'GitHub gave no OIDC token: add `permissions: id-token: write` to the workflow or the job, or sign in with client-secret instead.';
async function githubIdToken(endpoint, audience, budget) {
    if (endpoint === undefined)
        throw new AuthError(NO_PERMISSION, false);
    const url = new URL(endpoint.url);
    url.searchParams.set('audience', audience);
    let status;
    let body;
    try {
        ;
        ({ status, body } = await (0,http/* send */.tN)({
            method: 'GET',
            url: url.toString(),
            headers: { Authorization: `Bearer ${endpoint.requestToken}`, Accept: 'application/json' }
        }, budget));
    }
    catch (error) {
        throw new AuthError(`Could not get a GitHub OIDC token: ${(0,http/* reasonOf */.A3)(error)}`, true);
    }
    // The request token is a secret of the runner's: an endpoint that echoes it must not have it shown.
    body = body.split(endpoint.requestToken).join('***');
    let value;
    try {
        value = (0,net_json/* parseJson */.q)(body)?.value;
    }
    catch {
        value = undefined;
    }
    if (status === 200 && typeof value === 'string' && value !== '')
        return value;
    const detail = (0,wording/* excerpt */.Kb)(body);
    const reason = `Could not get a GitHub OIDC token: HTTP ${status}${detail === '' ? '' : `: ${detail}`}`;
    // 401 and 403 will not change by asking again: the job's token may not ask for ID tokens.
    if (status === 401 || status === 403)
        throw new AuthError(`${reason}. ${NO_PERMISSION}`, false);
    throw new AuthError(reason, true);
}

;// CONCATENATED MODULE: ./src/auth/sign-in-inputs.ts
// The sign-in inputs, checked before any request: the `token` input as given, or client-id and
// tenant-id for Azure AD with a client secret or with GitHub OIDC. Secrets are never quoted.

const sign_in_inputs_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * One way to sign in, in this order: the token as given; client credentials with client-secret;
 * client credentials with a GitHub OIDC token. Anything else names what is missing.
 */
function readSignIn(input, problem, problems, resource, idTokenAvailable) {
    const token = bareToken(input('token'));
    const tenantId = input('tenant-id');
    const clientId = input('client-id');
    const clientSecret = input('client-secret');
    const audience = input('audience');
    const authorityHost = '';
    if (token !== '') {
        if (/\s/.test(token) || (0,src_text/* hasControlCharacter */.Fd)(token)) {
            problems.push('token contains white space or control characters: expected the bare access token.');
        }
        else if (!isHeaderSafe(token)) {
            problems.push('token contains characters an HTTP header cannot carry (beyond Latin-1): expected the bare access token, as "az account get-access-token" prints it.');
        }
        return { kind: 'static', token };
    }
    if (clientId === '' || tenantId === '') {
        const missing = [clientId === '' ? 'client-id' : '', tenantId === '' ? 'tenant-id' : ''].filter(Boolean);
        const given = clientId !== '' || tenantId !== '' || clientSecret !== '';
        const tokenHelp = `an Azure AD access token for ${resource}, e.g. from "az account get-access-token --resource ${resource}"`;
        problems.push(given
            ? `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing: to sign in to Azure AD give both client-id and tenant-id (with client-secret, or without it to use GitHub OIDC), or give token.`
            : `token is empty: expected ${tokenHelp}, or client-id and tenant-id to sign in to Azure AD with GitHub OIDC (add client-secret to sign in with a secret).`);
        return { kind: 'static', token: '' };
    }
    if (!sign_in_inputs_GUID.test(clientId))
        problem('client-id', clientId, "the application (client) ID, a GUID from the app registration's overview");
    if (!sign_in_inputs_GUID.test(tenantId) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(tenantId)) {
        problem('tenant-id', tenantId, 'the directory (tenant) ID, a GUID, or a domain such as contoso.onmicrosoft.com');
    }
    if (clientSecret !== '') {
        // Never quoted: the value is a secret.
        if ((0,src_text/* hasControlCharacter */.Fd)(clientSecret)) {
            problems.push("client-secret contains control characters: expected the secret's Value, as Azure shows it.");
        }
        return { kind: 'secret', tenantId, clientId, clientSecret, authorityHost };
    }
    if (!idTokenAvailable) {
        problems.push('GitHub OIDC sign-in (client-id and tenant-id without client-secret) needs `permissions: id-token: write` in the workflow or the job: GitHub gave this job no OIDC token.');
    }
    return { kind: 'oidc', tenantId, clientId, audience, authorityHost };
}
/** What an HTTP header value can carry: Latin-1 only (Node refuses anything else with ERR_INVALID_CHAR). */
function isHeaderSafe(value) {
    for (let i = 0; i < value.length; i++)
        if (value.charCodeAt(i) > 0xff)
            return false;
    return true;
}
/** The token as it is sent: users often paste it with its "Bearer " prefix. */
function bareToken(value) {
    // "bearer", any case, then white space (what trimStart removes is what \s matches).
    if (value.slice(0, 6).toLowerCase() !== 'bearer')
        return value;
    const rest = value.slice(6).trimStart();
    return rest.length < value.length - 6 ? rest : value;
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
;// CONCATENATED MODULE: ./src/inputs.ts
// How the action's inputs are read: from the runner through @actions/core, with action.yml's
// defaults applied, and the check every short name given as an input passes.



/** An input as the runner passes it (trimmed; unset reads as empty). */
const runnerInput = (name) => core/* getInput */.V4(name);
/**
 * action.yml's defaults, applied here too so that a run outside a runner behaves the same. The
 * defaults of base-url and api-version depend on `api`: they come from the backend.
 */
const INPUT_DEFAULTS = {
    api: 'auto',
    'operation-id': '',
    token: '',
    'wait-for': 'auto',
    start: '',
    'if-running': '',
    timeout: '60m',
    'poll-interval': '60s',
    'max-consecutive-errors': '5',
    // Empty in action.yml: the default depends on `api` (the backend's defaults).
    'api-version': '',
    'schema-version': '',
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
/** A short name from an input: one line, printable, of a sane length. */
function checkLabel(value, name, expected, problem) {
    if ((0,src_text/* hasControlCharacter */.Fd)(value) || value.includes('\u2028') || value.includes('\u2029'))
        problem(name, value, `${expected}, on one line without control characters`);
    else if (value.length > constants/* MAX_LABEL_CHARS */.ir)
        problem(name, value, `${expected}, at most ${constants/* MAX_LABEL_CHARS */.ir} characters`);
}

;// CONCATENATED MODULE: ./src/net/base-url.ts
// Where the gate may send its requests: base-url and authority-host as an https:// origin (or URL
// with a path, for Graph), plain http:// only on this machine.
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
    let end = url.pathname.length;
    while (end > 0 && url.pathname[end - 1] === '/')
        end--;
    return { origin: url.origin, url: `${url.origin}${url.pathname.slice(0, end)}` };
}
/** Whether a URL's hostname is on this machine. */
function isLoopback(hostname) {
    return (hostname === 'localhost' ||
        hostname === '[::1]' ||
        (hostname.startsWith('127.') && /^127(\.\d{1,3}){3}$/.test(hostname)));
}

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
 * The `api` input. `auto` tells the API from the inputs only one API takes (a publisher-id, a CPP
 * operation address: the CPP API), else the Product Ingestion API; inputs of both are an input
 * error. An unknown api is an input error that lists the APIs there are.
 */
function readApi(read) {
    const input = withDefaults(read);
    const value = input('api');
    const api = value.toLowerCase();
    if (api !== 'auto') {
        if (!isApi(api)) {
            throw new InputError([
                `api is "${value.length > 100 ? `${value.slice(0, 99)}…` : value}": expected auto, ${APIS.join(' or ')}.`
            ]);
        }
        return { api, why: `api: ${api}` };
    }
    const found = apiSigns(input);
    if (found.length > 1) {
        const said = found.map(({ api, signs }) => `${signs.join(' and ')} (only api ${api} takes that)`);
        throw new InputError([
            `api is auto, but the inputs fit no one API: ${said.join(', while ')}. Set api to ${found.map((one) => one.api).join(' or ')}, the API the offer is published with, and give only its inputs.`
        ]);
    }
    const [one] = found;
    return one === undefined
        ? { api: AUTO_DEFAULT.api, why: `api auto: ${AUTO_DEFAULT.why}` }
        : { api: one.api, why: `api auto: ${one.signs.join(' and ')}` };
}
function readConfig(read, backend, options = {}) {
    const input = withDefaults(read);
    const problems = [];
    const problem = (name, value, expected) => {
        const shown = value.length > 100 ? `${value.slice(0, 99)}…` : value;
        problems.push(`${name} ${value === '' ? 'is empty' : `is "${shown}"`}: expected ${expected}.`);
    };
    const auth = readSignIn(input, problem, problems, backend.resource, options.idTokenAvailable ?? false);
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
    const summaryWord = summaryText.toLowerCase();
    const summary = summaryWord !== 'false';
    if (summaryWord !== 'true' && summaryWord !== 'false') {
        problem('summary', summaryText, 'true or false');
    }
    const waitFor = readWaitFor(input('wait-for'), backend);
    checkLabel(input('wait-for'), 'wait-for', `completion, ${Object.keys(backend.readyRules).join(', ')} or a step id`, problem);
    const checkRun = readCheckRun(input, problem);
    const modeText = input('mode').toLowerCase();
    if (modeText !== 'wait' && modeText !== 'check') {
        problem('mode', input('mode'), 'wait (poll until a verdict) or check (poll once, for scheduled workflows)');
    }
    const started = readStart(input, options.event, problem);
    const start = started?.kind;
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
        pollIntervalMs,
        waitFor,
        ...(started === undefined ? {} : { start: started.kind, ifRunning: started.ifRunning })
    });
    if (problems.length > 0)
        throw new InputError(problems);
    return {
        api: backend.api,
        watch,
        ...(start === undefined ? {} : { start }),
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
function readCheckRun(input, problem) {
    const name = input('check-name');
    if (name === '')
        return undefined;
    checkLabel(name, 'check-name', 'the name of a check run', problem);
    const token = input('github-token');
    const sha = input('sha');
    if (token === '')
        problem('github-token', '', 'a token that may write checks (the default, ${{ github.token }}, with permissions: checks: write)');
    else if (/\s/.test(token) || (0,src_text/* hasControlCharacter */.Fd)(token) || !isHeaderSafe(token)) {
        // Never quoted: the value is a secret.
        problem('github-token', '', 'a GitHub token: it has white space, control characters or characters beyond Latin-1, which an HTTP header cannot carry');
    }
    if (sha !== '' && !/^[0-9a-f]{40}$/i.test(sha))
        problem('sha', sha, 'a full 40-character commit SHA');
    return { name, token, sha };
}
/**
 * `start`: empty (watch only), `preview` or `live`. It cannot go with an operation-id (what to
 * watch is what it starts) nor with mode check (a scheduled check must never publish).
 */
function readStart(input, event, problem) {
    const value = input('start');
    const ifRunningText = input('if-running');
    const ifRunning = ifRunningText === '' ? 'wait' : ifRunningText.toLowerCase();
    if (!isIfRunning(ifRunning)) {
        problem('if-running', ifRunningText, 'wait (the default: wait for the publish in progress, then publish), attach (report on the publish in progress instead) or fail');
    }
    if (value === '') {
        if (ifRunningText !== '') {
            problem('if-running', ifRunningText, 'empty without start (it says what start does)');
        }
        return undefined;
    }
    const start = value.toLowerCase();
    if (start !== 'preview' && start !== 'live') {
        problem('start', value, 'empty (watch only), preview (publish to preview) or live (go live)');
        return undefined;
    }
    if (input('operation-id') !== '') {
        problem('operation-id', input('operation-id'), `empty with start: ${start} (the gate watches the operation it starts)`);
    }
    if (event === 'schedule') {
        problem('start', value, 'empty in a scheduled run (a schedule would publish again at every tick once the last publish ended): publish in a workflow run on a tag or by hand, and check on the schedule');
    }
    return { kind: start, ifRunning: isIfRunning(ifRunning) ? ifRunning : 'wait' };
}
function isIfRunning(value) {
    return start_steps/* IF_RUNNING */.Q_.includes(value);
}
/** `completion`, one of the backend's named conditions (any case), or a step id. */
function readWaitFor(value, backend) {
    if (value.toLowerCase() === 'completion')
        return { kind: 'completion' };
    const rule = Object.keys(backend.readyRules).find((name) => name.toLowerCase() === value.toLowerCase());
    return rule === undefined ? { kind: 'step', stepId: value } : { kind: 'ready', rule };
}

// EXTERNAL MODULE: ./src/gate/clock.ts
var gate_clock = __webpack_require__(8553);
;// CONCATENATED MODULE: ./src/gate/outages.ts
// The outages of one wait: runs of failed polls after the gate's first answer, which the poll loop
// rides out until the timeout. Kept for the log (how long so far) and the summary (how many, how
// long in all). An outage lasts from the first failed poll being sent to the next answer.
class OutageRecord {
    startedAt;
    ended = 0;
    totalMs = 0;
    longestMs = 0;
    /** A poll sent at `sentAt` failed: the outage began then, or goes on. How long it has lasted. */
    failed(sentAt, now) {
        this.startedAt ??= sentAt;
        return now - this.startedAt;
    }
    /** An answer came: how long the outage it ends lasted, or undefined when there was none. */
    answered(now) {
        const lasted = this.lasting(now);
        if (lasted === undefined)
            return undefined;
        this.startedAt = undefined;
        this.ended++;
        this.totalMs += lasted;
        this.longestMs = Math.max(this.longestMs, lasted);
        return lasted;
    }
    /** How long the outage going on has lasted; undefined when the last poll was answered. */
    lasting(now) {
        return this.startedAt === undefined ? undefined : now - this.startedAt;
    }
    /** All of them, the one going on included; undefined when there was none. */
    summary(now) {
        const ongoing = this.lasting(now);
        const count = this.ended + (ongoing === undefined ? 0 : 1);
        if (count === 0)
            return undefined;
        return {
            count,
            totalMs: this.totalMs + (ongoing ?? 0),
            longestMs: Math.max(this.longestMs, ongoing ?? 0),
            ongoing: ongoing !== undefined
        };
    }
}

;// CONCATENATED MODULE: ./src/gate/poll.ts
// The poll loop: the only place with time in it. It polls, asks `verdict`, and waits (interval,
// Retry-After or backoff) until a verdict, the deadline, the error budget or a signal ends it.
// Every poll gets a Budget that ends at the deadline at the latest, so no request outlives it.
// After the first answer an outage of the API is ridden out until the deadline: the error budget
// is then spent only by answers that are not the API's.







async function poll(settings, deps) {
    const { clock } = deps;
    let polls = 0;
    /** Failed polls in a row, for the backoff. */
    let failures = 0;
    /** Failed polls counted toward max-consecutive-errors since the last answer. */
    let counted = 0;
    let snapshot;
    let lastFailure;
    const outages = new OutageRecord();
    const end = (result, message, extra = {}) => {
        const seen = outages.summary(clock.now());
        return {
            result,
            message,
            ...(snapshot === undefined ? {} : { snapshot }),
            polls,
            requests: deps.requests(),
            ...(seen === undefined ? {} : { outages: seen }),
            ...extra
        };
    };
    const interrupted = () => end('interrupted', `Interrupted while waiting (the workflow was cancelled or the step timed out). ${(0,describe/* lastSeen */.YO)(snapshot)}`);
    for (;;) {
        if (deps.signal.aborted)
            return interrupted();
        const sentAt = clock.now();
        const remaining = settings.deadline - sentAt;
        polls++;
        const given = (0,net_budget/* budget */.g)(deps.signal, Math.min(constants/* REQUEST_TIMEOUT_MS */.j2, remaining));
        let fetched;
        try {
            fetched = await untilAborted(deps.fetch(given), deps.signal);
        }
        catch (error) {
            // A fault of the gate's own, not of the API: stop, with the counts as they are.
            return end('error', `The gate could not read the answer: ${(0,http/* reasonOf */.A3)(error)}`);
        }
        finally {
            given.release();
        }
        if (fetched === undefined)
            return interrupted();
        let delayMs = settings.intervalMs;
        let retry;
        if (fetched.kind === 'fatal')
            return end('error', fetched.message);
        if (fetched.kind === 'transient') {
            failures++;
            lastFailure = fetched.reason;
            const answered = snapshot !== undefined;
            // Before the first answer every failure counts: a wrong base-url, a host that never answers
            // or a proxy in the way fails fast. After it only answers that are not the API's count; an
            // outage (5xx, 408, 429, network, sign-in) is ridden out until the deadline. An outage
            // between such answers does not reset their count, only an answer does: a proxy page that
            // alternates with 503s still ends the wait.
            const counts = !answered || fetched.shape === true;
            if (counts)
                counted++;
            if (counts && counted >= settings.maxConsecutiveErrors) {
                return end('error', answered
                    ? `Gave up after ${counted} answer${counted === 1 ? '' : 's'} since the last good one that ${counted === 1 ? 'was' : 'were'} not the API's (max-consecutive-errors): a proxy or another server may be answering for it. The last one: ${fetched.reason}`
                    : `Gave up after ${counted} consecutive failed request${counted === 1 ? '' : 's'} (max-consecutive-errors). The last one: ${fetched.reason}`);
            }
            delayMs = fetched.retryAfterMs ?? backoff(failures, settings.intervalMs, deps.random);
            retry = {
                reason: fetched.reason,
                failures,
                ...(counts ? { counted } : {}),
                ...(answered ? { outageMs: outages.failed(sentAt, clock.now()) } : {})
            };
        }
        else {
            const over = outages.answered(clock.now());
            if (over !== undefined)
                deps.onRecovered(over);
            failures = 0;
            counted = 0;
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
                return end(found.result, found.message, {
                    quote: found.quote,
                    ...(found.failedStep ? { failedStep: found.failedStep } : {})
                });
            }
            if (found.kind === 'invalid')
                return end('error', found.message);
            if (settings.once)
                return end('pending', `The operation is still going. ${(0,describe/* lastSeen */.YO)(snapshot)}`);
        }
        if (settings.strictInterval)
            delayMs = Math.max(delayMs, settings.intervalMs);
        // The last poll goes out early enough to be answered by the deadline: a timeout is declared on
        // an answer at most FINAL_REQUEST_MIN_MS old, and no request runs past the deadline. With a
        // strict interval there is no early last poll: the timeout is declared on this answer.
        const left = settings.deadline - clock.now();
        if (left <= constants/* FINAL_REQUEST_MIN_MS */.Z5 ||
            (settings.strictInterval && delayMs > left - constants/* FINAL_REQUEST_MIN_MS */.Z5)) {
            const outage = outages.lasting(clock.now());
            const unavailable = outage === undefined
                ? ''
                : ` The API was unavailable for the last ${(0,src_duration/* formatDuration */.a)(outage)}.`;
            const failing = lastFailure === undefined ? '' : ` The last request failed: ${lastFailure}`;
            return end('timed-out', `Timed out after ${(0,src_duration/* formatDuration */.a)(settings.timeoutMs)}.${unavailable} ${(0,describe/* lastSeen */.YO)(snapshot)}${failing}`);
        }
        const waitMs = Math.min(delayMs, left - constants/* FINAL_REQUEST_MIN_MS */.Z5);
        if (retry !== undefined)
            deps.onRetry({ ...retry, delayMs: waitMs });
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

;// CONCATENATED MODULE: ./src/net/api-client.ts
// src/net/: HTTP and what rides on it: the one HTTP helper and its budget, the authenticated API
// client (this file), the token contract, bounded JSON, HTML as text, base URLs, the check run's
// fetch, and the wording of HTTP answers.
//
// The authenticated side of HTTP for every backend: one request with a bearer token, classified as
// a body, a transient failure (retry) or a fatal one (stop), in the backend's words. A 401 gets
// one fresh token and one more try. Counts every request it sends, for the `requests` output.




class ApiClient {
    tokens;
    wording;
    redact;
    now;
    debug;
    sent = 0;
    constructor(options) {
        this.tokens = options.tokens;
        this.wording = options.wording;
        this.redact = options.redact ?? ((text) => text);
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
            if (!(error instanceof AuthError)) {
                return { result: { kind: 'transient', reason: message, unsent: true } };
            }
            if (!error.transient)
                return { result: { kind: 'fatal', message } };
            const delay = error.retryAfterMs;
            return {
                result: {
                    kind: 'transient',
                    reason: message,
                    unsent: true,
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
            return {
                result: { kind: 'transient', reason, ...(neverConnected(error) ? { unsent: true } : {}) }
            };
        }
        // A server that echoes the request's headers must not make us repeat the token anywhere.
        response.body = this.redact((0,http/* hide */.jD)(response.body, token));
        for (const name of ['location', 'operationLocation']) {
            const value = response[name];
            if (value !== undefined)
                response[name] = this.redact((0,http/* hide */.jD)(value, token));
        }
        response.correlationId = (0,wording/* inertCorrelationIds */.FI)(response.correlationId, (value) => this.redact((0,http/* hide */.jD)(value, token)));
        const { status, correlationId } = response;
        this.debug((0,wording/* withCorrelation */.$s)(`${method} ${url} → HTTP ${status} in ${this.now() - started} ms`, correlationId));
        return { status, result: await this.classify(response, method, url) };
    }
    async classify(response, method, url) {
        const { status, body } = response;
        if (status >= 200 && status < 300) {
            try {
                return {
                    kind: 'ok',
                    value: {
                        // A POST that starts an operation may answer 202 with its address in a header only;
                        // and a 2xx to it is an acceptance whatever its body (text, HTML, cut off): the
                        // backend reads what it can (a header), and never sends the request again.
                        body: method === 'POST'
                            ? jsonOrUndefined(body, this.redact)
                            : hideNested((0,net_json/* parseJson */.q)(body), this.redact, body),
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
                    reason: (0,wording/* withCorrelation */.$s)(`HTTP ${status} with a body that is not JSON${detail === '' ? ' (empty)' : `: ${detail}`}`, response.correlationId),
                    shape: true
                };
            }
        }
        const failure = { ...(await (0,wording/* httpFailure */.tG)(response)), url };
        if ((0,http/* isTransientStatus */.Dm)(status)) {
            const delay = (0,http/* retryAfterMs */.Vs)(response.retryAfter, this.now());
            return {
                kind: 'transient',
                reason: (0,wording/* transientHttpReason */.BS)(failure),
                status,
                ...(delay === undefined ? {} : { retryAfterMs: delay })
            };
        }
        const message = this.wording.fatal(failure);
        const json = jsonOrUndefined(body, this.redact);
        return {
            kind: 'fatal',
            message: status === 401 ? `${message} ${this.tokens.unauthorizedHint}` : message,
            status,
            detail: failure.detail,
            ...(json === undefined ? {} : { body: json })
        };
    }
}
/** A connection that was never opened: the request did not leave this machine. */
function neverConnected(error) {
    const code = typeof error === 'object' && error !== null ? error.code : '';
    return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}
/**
 * The parsed answer with its strings redacted once more where they still hold an encoding (an
 * entity or a percent sign): a secret encoded twice (JSON over HTML entities) is whole only after
 * JSON decoding, and must be hidden before anything reads, decodes or cuts those strings. The
 * value is changed in place; JSON read with bounded work keeps this walk bounded too.
 */
function hideNested(value, redact, raw) {
    // Without a JSON escape in the answer, every string is as it was in the text already redacted.
    return raw.includes('\\') ? walk(value, redact) : value;
}
function walk(value, redact) {
    if (typeof value === 'string')
        return /[&%]/.test(value) ? redact(value) : value;
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++)
            value[i] = walk(value[i], redact);
    }
    else if (typeof value === 'object' && value !== null) {
        const record = value;
        for (const key of Object.keys(record))
            record[key] = walk(record[key], redact);
    }
    return value;
}
/** An error body's JSON, for a backend that reads more of it than its words (an error tree). */
function jsonOrUndefined(text, redact) {
    try {
        return text.trim() === '' ? undefined : hideNested((0,net_json/* parseJson */.q)(text), redact, text);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(1351);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/utils.js + 23 modules
var utils = __webpack_require__(1489);
;// CONCATENATED MODULE: ./src/net/github-fetch.ts
// The fetch Octokit (the check run) sends with, under the rules of the gate's own HTTP helper: a
// redirect is never followed (a 307 would take the check run's body, and Octokit its token, to
// wherever the Location names), and no answer is read past MAX_BODY_BYTES. It wraps the fetch
// @actions/github would use, so the runner's proxy still applies.

/** Answers with no body, which a Response may not be given one for. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
function guardedFetch(fetch) {
    return async (url, init) => {
        const response = await fetch(url, { ...init, redirect: 'manual' });
        if (response.status >= 300 && response.status < 400 && response.status !== 304) {
            await response.body?.cancel();
            throw new Error(`GitHub answered HTTP ${response.status}, a redirect, which is not followed`);
        }
        const body = NULL_BODY.has(response.status) ? null : await capped(response);
        return new Response(body, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers
        });
    };
}
/** The body's bytes; a body larger than MAX_BODY_BYTES is given up as soon as it is. */
async function capped(response) {
    const tooLarge = () => new Error(`GitHub's answer is larger than ${constants/* MAX_BODY_BYTES */.YK} bytes; it was not read`);
    if (Number(response.headers.get('content-length') ?? 0) > constants/* MAX_BODY_BYTES */.YK) {
        await response.body?.cancel();
        throw tooLarge();
    }
    const chunks = [];
    let size = 0;
    if (response.body === null)
        return new Uint8Array(0);
    const reader = response.body.getReader();
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > constants/* MAX_BODY_BYTES */.YK) {
            await reader.cancel();
            throw tooLarge();
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks);
}

;// CONCATENATED MODULE: ./src/report/annotations.ts
// src/report/: everything the run leaves behind, and the only places with output: outputs,
// summary, annotations (this file), the progress log, the check run, and the guard and the
// redactor every byte passes; publish.ts and log.ts hand them to @actions/core.
//
// One titled error annotation per failing step, at most as many as GitHub shows: the messages of
// the step's most severe level, each link's address after its words.




function stepAnnotations(snapshot) {
    if (snapshot === undefined)
        return [];
    return snapshot.steps
        .filter((step) => (0,model_status/* isFailingStepStatus */.TQ)(step.status))
        .slice(0, constants/* MAX_STEP_ANNOTATIONS */.NE)
        .map((step) => {
        const chosen = (0,describe/* reasons */.Ot)(step.messages);
        return {
            title: `${step.name}: ${(0,describe/* describeStatus */.Wn)(step.status, step.rawStatus)}`,
            message: chosen.length === 0
                ? `${step.name} is ${(0,describe/* describeStatus */.Wn)(step.status, step.rawStatus)}; the API gave no message.`
                : (0,describe/* clip */.$Q)(chosen.map(describe/* plainText */.wh).join('\n'), constants/* MAX_MESSAGE_CHARS */.hP)
        };
    });
}

;// CONCATENATED MODULE: ./src/report/check-run-text.ts
// The check run's settings, and what it says apart from the summary: its titles, its conclusion,
// the links and workflow file it may point to, and the warning when GitHub refuses or stalls.



const CONCLUSION = {
    succeeded: 'success',
    failed: 'failure',
    blocked: 'failure',
    error: 'failure',
    'timed-out': 'timed_out',
    canceled: 'cancelled',
    interrupted: 'cancelled'
};
/**
 * "Certification 40%" ("Configure job: running" when the API gives no percentage: a title that
 * said 0% for days would be wrong), or the operation's status when no step runs.
 */
function progressTitle(snapshot) {
    const step = snapshot.steps.find((each) => each.status === 'running') ??
        snapshot.steps.find((each) => each.status === 'waiting');
    if (!step)
        return `Operation ${(0,describe/* describeStatus */.Wn)(snapshot.status, snapshot.rawStatus)}`;
    if (step.status === 'waiting' || step.progress === undefined) {
        return `${step.name}: ${(0,describe/* describeStatus */.Wn)(step.status, step.rawStatus)}`;
    }
    return `${step.name} ${step.progress}%`;
}
function finalTitle(report) {
    const { result, failedStep } = report.outcome;
    if (failedStep)
        return `${failedStep.name}: ${(0,describe/* describeStatus */.Wn)(failedStep.status, failedStep.rawStatus)}`;
    return {
        succeeded: 'Passed',
        failed: 'Failed',
        blocked: 'Blocked',
        canceled: 'Canceled',
        'timed-out': 'Timed out',
        error: 'Error',
        interrupted: 'Interrupted',
        pending: 'In progress'
    }[result];
}
/** The URL when it is an https:// page on the server's origin, else empty. */
function pageUrl(value, server) {
    if (typeof value !== 'string' || value.length > constants/* MAX_LINK_CHARS */.mm)
        return '';
    try {
        const url = new URL(value);
        return url.protocol === 'https:' && url.origin === new URL(server).origin ? url.href : '';
    }
    catch {
        return '';
    }
}
/** Check-run annotations need a file: the workflow's, when the runner says which it is. */
function workflowPath() {
    const ref = process.env.GITHUB_WORKFLOW_REF ?? '';
    return /^[^/]+\/[^/]+\/(.+?)@/.exec(ref)?.[1] ?? '.github';
}
function warnFailure(settings, what, error, signal, ms) {
    if (signal.aborted || error === undefined) {
        const stopped = settings.signal.aborted && signal.aborted && !isTimeout(signal.reason);
        settings.warn(`Could not ${what} "${settings.name}": ${stopped ? 'the gate was stopped first' : `GitHub did not answer within ${(0,src_duration/* formatDuration */.a)(ms)}`}, so it was given up (the gate's own verdict stands).`);
        return;
    }
    const status = error?.status;
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    settings.warn(status === 403 || status === 404
        ? `Could not ${what} "${settings.name}" (HTTP ${String(status)}): the token may not write checks. Add \`permissions: checks: write\` to the job (the gate's own verdict stands). ${reason}`
        : `Could not ${what} "${settings.name}": ${reason} (the gate's own verdict stands).`);
}
function isTimeout(reason) {
    return (typeof reason === 'object' &&
        reason !== null &&
        reason.name === 'TimeoutError');
}

;// CONCATENATED MODULE: ./src/report/html.ts
// The job summary's HTML for text from the API: escaped so that nothing in it is markup, message
// parts with their links, cut to fit, and API timestamps as people read them.


function details(title, messages) {
    const count = `${messages.length} message${messages.length === 1 ? '' : 's'}`;
    const items = messages.map((message) => `<li>${messageLine(message)}</li>`).join('');
    return `<details><summary>${html_escape(title)}: ${count}</summary><ul>${items}</ul></details>\n`;
}
function messageLine(message) {
    const meta = [message.level, when(message.timestamp)].filter(Boolean).map(html_escape);
    return `<strong>${meta.join(' · ')}</strong>: ${partsHtml(message.parts)}`;
}
/** An ISO 8601 time with its offset (or Z); anything else is not read as a time. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
/**
 * An API timestamp as people read it ("2026-11-30 15:40:12 UTC") when it is an ISO time with its
 * offset; anything else (no offset, which would be read as the runner's local time, or no date at
 * all) as sent.
 */
function when(timestamp) {
    if (timestamp === undefined)
        return '';
    return (ISO_TIME.test(timestamp) && (0,describe/* formatTime */.fU)(Date.parse(timestamp))) || timestamp;
}
/** The parts of several messages as one run of text, a space between messages. */
function joined(messages) {
    return messages.flatMap((each, index) => index === 0 ? each.parts : [{ text: ' ' }, ...each.parts]);
}
/** Message parts as HTML: text escaped, http(s) links as links. */
function partsHtml(parts) {
    return parts
        .map((part) => part.href === undefined || !(0,html_text/* isWebLink */.l_)(part.href)
        ? escapeText(part.text)
        : `<a href="${html_escape(part.href)}">${escapeText(part.text)}</a>`)
        .join('');
}
/**
 * The parts within `max` characters in all, a link's address counted with its words (the HTML
 * carries both): the part that reaches the limit is cut and marked, and loses its link when its
 * address does not fit.
 */
function clipParts(parts, max) {
    const size = (part) => part.text.length + (part.href?.length ?? 0);
    if (parts.reduce((sum, part) => sum + size(part), 0) <= max)
        return parts;
    const kept = [];
    let left = max;
    for (const part of parts) {
        if (size(part) < left) {
            kept.push(part);
            left -= size(part);
            continue;
        }
        const { href } = part;
        const linked = href !== undefined && href.length < left;
        const room = linked ? left - href.length : left;
        if (room > 0) {
            const text = `${part.text.slice(0, room - 1)}…`;
            kept.push(linked ? { text, href } : { text });
        }
        break;
    }
    return kept;
}
function linkList(links) {
    return links.map((href) => `<a href="${html_escape(href)}">${html_escape(href)}</a>`).join('<br>');
}
/** Message text keeps its line breaks, as <br>. */
function escapeText(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map(html_escape)
        .join('<br>');
}
/**
 * Text as HTML: nothing in it is markup, and no line break survives raw, so that no text can end
 * the summary's HTML block (a blank line would) and have what follows read as Markdown.
 */
function html_escape(text) {
    return text.replace(HTML_SPECIAL, (char) => HTML_ESCAPES[char]);
}
const HTML_SPECIAL = /[&<>"'\r\n]/g;
const HTML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '\r': '&#13;',
    '\n': '&#10;'
};

;// CONCATENATED MODULE: ./src/report/trim.ts
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
    const hiddenSteps = Math.max(0, snapshot.steps.length - constants/* MAX_STEPS */.rh);
    return {
        snapshot: hiddenSteps === 0 ? snapshot : { ...snapshot, steps: snapshot.steps.slice(0, constants/* MAX_STEPS */.rh) },
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
    const full = render(snapshot, 0);
    if (bytes(full) <= maxBytes)
        return { text: full, leftOut: 0, fits: true };
    // Only a rendering that does not fit needs the messages in age order.
    const order = oldestFirst(snapshot);
    const attempt = (leftOut) => render(withoutOldest(snapshot, leftOut, order), leftOut);
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
function bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
function time(message) {
    const parsed = message.timestamp === undefined ? Number.NaN : Date.parse(message.timestamp);
    return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary, as HTML (what core.summary writes): one small function per section, every text
// from the API escaped, and the whole kept under GitHub's 1 MiB step-summary limit.








const RESULT_ICON = {
    succeeded: '✅',
    failed: '❌',
    blocked: '⛔',
    canceled: '🚫',
    'timed-out': '⏱\uFE0F',
    error: '⚠\uFE0F',
    interrupted: '⏹\uFE0F',
    pending: '⏳'
};
const STATUS_ICON = {
    notStarted: '⚪',
    running: '🔄',
    waiting: '⏸\uFE0F',
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
function renderSummary(report, maxBytes = constants/* SUMMARY_MAX_BYTES */.eR) {
    if (report.outcome.snapshot === undefined)
        return render(report, undefined, 0, 0);
    const { snapshot, hiddenSteps } = capSteps(report.outcome.snapshot);
    const fitted = fitByLeavingOutOldest(snapshot, maxBytes, (trimmed, leftOut) => render(report, trimmed, leftOut, hiddenSteps));
    // Unreachable with normalize's caps on steps and fields, but a summary over the limit is lost
    // whole, so fall back to one without steps rather than risk that.
    return fitted.fits ? fitted.text : render(report, undefined, 0, 0);
}
function render(report, snapshot, leftOut, hiddenSteps) {
    return [
        heading(report),
        // Which publish the verdict is about comes first (this run's, or one it waited for).
        startLine(report),
        verdictLine(report),
        outageLine(report),
        snapshot ? notes(snapshot) : '',
        snapshot ? statusLine(report, snapshot) : '',
        snapshot ? stepsTable(snapshot, report.outcome.failedStep !== undefined) : '',
        snapshot ? errorTree(snapshot) : '',
        snapshot ? operationMessages(snapshot) : '',
        snapshot ? snapshot.steps.map(stepMessages).join('') : '',
        leftOutNotice(leftOut, hiddenSteps, snapshot?.unread),
        footer(report, snapshot)
    ].join('');
}
function heading(report) {
    const { result } = report.outcome;
    return `<h2>${RESULT_ICON[result]} Publish gate: ${html_escape(report.offerLabel)}: ${result}</h2>\n`;
}
/** The verdict; a failure's quoted messages keep their links. */
function verdictLine(report) {
    const { quote, message } = report.outcome;
    if (quote === undefined)
        return `<p>${escapeText((0,describe/* clip */.$Q)(message, constants/* MAX_MESSAGE_CHARS */.hP))}</p>\n`;
    const lead = escapeText(quote.lead);
    if (quote.messages.length === 0)
        return `<p>${lead}.</p>\n`;
    const room = Math.max(0, constants/* MAX_MESSAGE_CHARS */.hP - quote.lead.length - 2);
    return `<p>${lead}: ${partsHtml(clipParts(joined(quote.messages), room))}</p>\n`;
}
/**
 * What the API says of the thing watched and what the gate decided, side by side, so that the
 * one is not read for the other ("The operation is still running at the API; the gate stopped
 * because Certification is blocked.").
 */
function statusLine(report, snapshot) {
    const subject = (report.subject ?? 'Operation').toLowerCase();
    const current = (0,describe/* currentStep */.SY)(snapshot);
    const where = current === undefined || (0,model_status/* isFinished */.$g)(snapshot.status)
        ? ''
        : ` (${current.name}: ${(0,describe/* describeStatus */.Wn)(current.status, current.rawStatus)})`;
    const at = `The ${subject} ${statePhrase(snapshot.status, snapshot.rawStatus)} at the API${where}`;
    return `<p>${STATUS_ICON[snapshot.status]} ${html_escape(at)}; ${html_escape(decision(report))}</p>\n`;
}
function statePhrase(status, rawStatus) {
    switch (status) {
        case 'running':
            return 'is still running';
        case 'waiting':
            return 'is waiting';
        case 'notStarted':
            return 'has not started';
        case 'succeeded':
            return 'has succeeded';
        case 'failed':
            return 'has failed';
        case 'blocked':
            return 'is blocked';
        case 'unknown':
            return rawStatus === '' ? 'has no status' : `has the status "${rawStatus}"`;
        default:
            return `was ${status}`;
    }
}
function decision(report) {
    const { result, failedStep } = report.outcome;
    switch (result) {
        case 'succeeded':
            return 'the gate passed.';
        case 'failed':
        case 'blocked':
        case 'canceled':
            return failedStep === undefined
                ? 'the gate failed with it.'
                : `the gate stopped because ${failedStep.name} ${(0,describe/* failurePhrase */.aM)(failedStep.status)}.`;
        case 'timed-out':
            return 'the gate stopped waiting at its timeout.';
        case 'interrupted':
            return 'the gate was interrupted before its verdict.';
        case 'pending':
            return 'the gate looked once (mode: check) and leaves it running.';
        case 'error':
            return 'the gate stopped on the error above.';
    }
}
/** The outages ridden out after the first answer: how long in all, how many, the longest. */
function outageLine(report) {
    const { outages } = report.outcome;
    if (outages === undefined)
        return '';
    const { count, totalMs, longestMs, ongoing } = outages;
    const how = count === 1 ? '1 outage' : `${count} outages, the longest ${(0,src_duration/* formatDuration */.a)(longestMs)}`;
    const end = ongoing
        ? 'it was still unavailable when the gate stopped.'
        : `the gate rode ${count === 1 ? 'it' : 'them'} out.`;
    return `<p>📡 The API was unavailable for ${(0,src_duration/* formatDuration */.a)(totalMs)} during the wait (${how}); ${end}</p>\n`;
}
/** With `start`: what this run started (or found running), when, with which id. */
function startLine(report) {
    const { start } = report;
    if (start === undefined)
        return '';
    const link = start.link !== undefined && (0,html_text/* isWebLink */.l_)(start.link)
        ? ` <a href="${html_escape(start.link)}">The offer in Partner Center</a>.`
        : '';
    return `<p>${start.started ? '🚀' : '🔗'} ${escapeText(start.note)}${link}</p>\n`;
}
/** What the backend wants the reader to know that no status says. */
function notes(snapshot) {
    return (snapshot.notes ?? []).map((note) => `<p>ℹ\uFE0F ${escapeText(note)}</p>\n`).join('');
}
/**
 * One row a step. The failing step (the first, when the verdict names one) shows the messages the
 * verdict quotes; every other step its newest message. Links stay links.
 */
function stepsTable(snapshot, failing) {
    if (snapshot.steps.length === 0)
        return '<p>The API listed no steps.</p>\n';
    const header = '<tr><th>Step</th><th>Status</th><th>Progress</th><th>Estimated time</th><th>Latest message</th></tr>';
    const failed = failing ? snapshot.steps.findIndex((step) => (0,model_status/* isFailingStepStatus */.TQ)(step.status)) : -1;
    const rows = snapshot.steps.map((step, index) => {
        const newest = latest(step.messages);
        const shown = index === failed ? (0,describe/* reasons */.Ot)(step.messages) : newest ? [newest] : [];
        return (`<tr><td>${stepCell(step)}</td><td>${statusCell(step.status, step.rawStatus)}</td>` +
            `<td>${step.progress === undefined ? '' : `${step.progress}%`}</td>` +
            `<td>${html_escape(step.estimatedTimeFrame ?? '')}</td>` +
            `<td>${partsHtml(clipParts(joined(shown), CELL_CHARS))}</td></tr>`);
    });
    return `<table>${header}${rows.join('')}</table>\n`;
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
        const code = node.code === '' ? '' : `<code>${html_escape(node.code)}</code>`;
        const message = node.message === '' ? '' : escapeText(node.message);
        const resource = node.resourceId === undefined ? '' : ` (<code>${html_escape(node.resourceId)}</code>)`;
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
function leftOutNotice(leftOut, hiddenSteps, unread) {
    const notes = [
        unread === undefined ? '' : (0,describe/* unreadNote */.O7)(unread),
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
            report.operationId === '' ? 'offer status' : `<code>${html_escape(report.operationId)}</code>`
        ],
        ['Submission type', html_escape(snapshot?.submissionType ?? '')],
        ...(snapshot?.facts ?? []).map((fact) => [
            html_escape(fact.label),
            `<code>${html_escape(fact.value)}</code>`
        ]),
        ['Preview links', linkList(snapshot?.previewLinks ?? [])],
        ['Live links', linkList(snapshot?.liveLinks ?? [])],
        ['Elapsed', (0,src_duration/* formatDuration */.a)(report.elapsedMs)],
        ['Polls', String(report.outcome.polls)],
        ['Requests', String(report.outcome.requests)]
    ];
    const cells = rows
        .filter(([, value]) => value !== '')
        .map(([name, value]) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`);
    return `<table>${cells.join('')}</table>\n`;
}
/** The step's name, with its id below it when that differs, and what it stands for. */
function stepCell(step) {
    const id = step.id !== '' && step.id !== step.name ? `<br><code>${html_escape(step.id)}</code>` : '';
    const reference = step.reference === undefined ? '' : `<br><code>${html_escape(step.reference)}</code>`;
    return `${html_escape(step.name)}${id}${reference}`;
}
/** Icon and status on one line, however narrow the column (a spelling the gate does not know may wrap). */
function statusCell(status, rawStatus) {
    const words = html_escape((0,describe/* describeStatus */.Wn)(status, rawStatus));
    return `${STATUS_ICON[status]}&nbsp;${status === 'unknown' ? words : words.replaceAll(' ', '&nbsp;')}`;
}

;// CONCATENATED MODULE: ./src/report/check-run.ts
// Keeps the gate's verdict visible on the commit as a check run, after the waiting job has ended:
// created (or, in check mode, found) in progress, updated when the state changes at most once a
// minute, and completed with the verdict. Every call carries a deadline: a Checks API that stalls
// costs a warning, never the gate's own verdict.







class CheckRun {
    octokit;
    repo;
    settings;
    /** The GitHub server (GITHUB_SERVER_URL), on whose origin a check run's page is. */
    server;
    ref;
    lastTitle = '';
    lastUpdate = Number.NEGATIVE_INFINITY;
    /** Completed by an earlier scheduled run: it is reported, never changed or made again. */
    closed = false;
    /** Updates go out one after another, and a failed one never stops the gate. */
    queue = Promise.resolve();
    broken = false;
    constructor(github, settings) {
        // Octokit writes its messages to the console (stderr, where the runner reads commands too)
        // unless it is given a log: they go to the debug log, redacted and inert, or nowhere.
        const log = {
            debug: () => undefined,
            info: () => undefined,
            warn: (text) => settings.debug(`GitHub API: ${text}`),
            error: (text) => settings.debug(`GitHub API: ${text}`)
        };
        this.octokit = github.getOctokit(settings.token, {
            log,
            request: { fetch: guardedFetch(settings.fetch), log }
        });
        this.repo = github.context.repo;
        this.server = github.context.serverUrl;
        this.settings = settings;
    }
    /**
     * The check run for this commit, or undefined (with a warning saying why) when it cannot be made
     * within `ms`.
     */
    static async open(github, settings, ms) {
        let run;
        const given = (0,net_budget/* budget */.g)(settings.signal, ms);
        const { signal } = given;
        try {
            run = new CheckRun(github, settings);
            const found = settings.reuse ? await run.findExisting(signal) : undefined;
            run.ref = found ? { id: found.id, url: found.url } : await run.create(signal);
            run.closed = found?.completed === true;
            settings.info(`Check run "${settings.name}" on ${settings.sha.slice(0, 7)}${run.closed ? ` was already completed (${found?.conclusion ?? 'no conclusion'}), so it is left as it is` : ''}: ${run.ref.url}`);
            return run;
        }
        catch (error) {
            warnFailure(settings, 'create the check run', error, signal, ms);
            return undefined;
        }
        finally {
            given.release();
        }
    }
    get reference() {
        return this.ref;
    }
    /** A new state (title) reaches the check run at most once a minute. */
    progress(snapshot) {
        if (this.closed)
            return;
        const title = progressTitle(snapshot);
        const now = this.settings.clock.now();
        if (title === this.lastTitle || now - this.lastUpdate < constants/* CHECK_RUN_UPDATE_MS */._i)
            return;
        this.lastTitle = title;
        this.lastUpdate = now;
        this.enqueue('update the check run', (0,net_budget/* budget */.g)(this.settings.signal, constants/* REQUEST_TIMEOUT_MS */.j2), (signal) => this.update({ status: 'in_progress', output: { title, summary: (0,describe/* lastSeen */.YO)(snapshot) } }, signal));
    }
    /**
     * Completes the run with the verdict (a pending check leaves it in progress with the latest
     * state), within `ms` of its own, whatever is still queued: the run's signal may have fired
     * already, and the outputs and the summary are written by then. What does not finish in time is
     * given up with a warning.
     */
    async finish(report, ms) {
        if (this.closed)
            return;
        // Its own time: the run's signal may have fired already.
        const given = (0,net_budget/* budget */.g)(new AbortController().signal, ms);
        const { result } = report.outcome;
        const summary = renderSummary(report, constants/* CHECK_RUN_MAX_BYTES */.u8);
        const title = result === 'pending' && report.outcome.snapshot
            ? progressTitle(report.outcome.snapshot)
            : finalTitle(report);
        if (result === 'pending') {
            this.enqueue('update the check run', given, (signal) => this.update({ status: 'in_progress', output: { title, summary } }, signal));
        }
        else {
            const path = workflowPath();
            const annotations = stepAnnotations(report.outcome.snapshot).map((annotation) => ({
                path,
                start_line: 1,
                end_line: 1,
                annotation_level: 'failure',
                title: annotation.title,
                message: annotation.message
            }));
            this.enqueue('complete the check run', given, (signal) => this.update({
                status: 'completed',
                conclusion: CONCLUSION[result],
                completed_at: new Date(this.settings.clock.wall()).toISOString(),
                output: { title, summary, annotations }
            }, signal));
        }
        // The queue's calls carry their signals; this bound holds whatever is still in flight.
        const settled = await new Promise((resolve) => {
            const timer = setTimeout(() => resolve(false), Math.max(0, ms));
            void this.queue.then(() => {
                clearTimeout(timer);
                resolve(true);
            });
        });
        if (!settled && !this.broken) {
            this.broken = true;
            warnFailure(this.settings, 'complete the check run', undefined, given.signal, ms);
        }
        given.release();
    }
    /**
     * The latest run of this name on the commit: one left in progress is carried on, and one already
     * completed means the schedule outlived the wait, so no second run is made.
     */
    async findExisting(signal) {
        const { data } = await this.octokit.rest.checks.listForRef({
            ...this.repo,
            ref: this.settings.sha,
            check_name: this.settings.name,
            filter: 'latest',
            request: { signal }
        });
        const found = data.check_runs[0];
        if (!found)
            return undefined;
        return {
            ...this.checkRunRef(found),
            completed: found.status === 'completed',
            ...(found.conclusion ? { conclusion: found.conclusion } : {})
        };
    }
    async create(signal) {
        const { data } = await this.octokit.rest.checks.create({
            ...this.repo,
            name: this.settings.name,
            head_sha: this.settings.sha,
            status: 'in_progress',
            started_at: new Date(this.settings.clock.wall()).toISOString(),
            output: {
                title: `Waiting for ${this.settings.apiTitle}`,
                summary: 'The publish gate has started.'
            },
            request: { signal }
        });
        return this.checkRunRef(data);
    }
    /**
     * The run's id and page from GitHub's answer, which is read like any answer from the network:
     * an id that is not a positive integer fails the call, and a page that is not an https:// URL
     * on the GitHub server's origin (or is longer than a link may be) is left out.
     */
    checkRunRef(data) {
        const { id } = data;
        if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
            throw new Error('GitHub answered without a check run id');
        }
        return { id, url: pageUrl(data.html_url, this.server) };
    }
    async update(fields, signal) {
        if (!this.ref)
            return;
        const { redact } = this.settings;
        // Every text GitHub is sent: no secret of the run, in any form.
        const { output } = fields;
        await this.octokit.rest.checks.update({
            ...this.repo,
            check_run_id: this.ref.id,
            ...fields,
            output: {
                title: redact(output.title),
                summary: redact(output.summary),
                ...(output.annotations === undefined
                    ? {}
                    : {
                        annotations: output.annotations.map((annotation) => ({
                            ...annotation,
                            title: redact(annotation.title),
                            message: redact(annotation.message)
                        }))
                    })
            },
            request: { signal }
        });
    }
    /** One call after another, each within its budget, released when the call is done. */
    enqueue(what, given, action) {
        this.queue = this.queue.then(async () => {
            if (this.broken)
                return given.release();
            try {
                // Its time may have run out while an earlier call held the queue.
                given.signal.throwIfAborted();
                await action(given.signal);
            }
            catch (error) {
                this.fail(what, error, given.signal, given.ms);
            }
            finally {
                given.release();
            }
        });
    }
    /** A check run that cannot be written is reported once; the gate's own verdict is unaffected. */
    fail(what, error, signal, ms) {
        this.broken = true;
        warnFailure(this.settings, what, error, signal, ms);
    }
}

;// CONCATENATED MODULE: ./src/report/open-check-run.ts
// Sets up the run's check run with @actions/github, on the commit the workflow is about.



/**
 * The check run, on the pull request's head for pull_request events (GITHUB_SHA is then a merge
 * commit).
 */
async function openCheckRun(config, backend, log, clock, signal, ms) {
    if (!config.checkRun)
        return undefined;
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
        warn: log.warning,
        info: log.info,
        debug: log.debug,
        redact: log.redact,
        // The fetch @actions/github would send with: the runner's proxy applies to it.
        fetch: utils/* defaults */.NT.request?.fetch ?? fetch
    }, ms);
}

;// CONCATENATED MODULE: ./src/report/progress-log.ts
// The run's log: an info line only when something changes (operation status, a step's status, the
// running step's percentage), a heartbeat when nothing has for a while, one warning per unknown
// spelling, and a warning at most every OUTAGE_WARNING_MS of an outage ridden out.



class ProgressLog {
    operation;
    /** Each step's last state, for the steps of the last answer only: it never outgrows one answer. */
    steps = new Map();
    unknownSpellings = new Set();
    /** The last note on what an answer held beyond what is read, said once until it changes. */
    unread;
    lastLineAt;
    /** The last answer, for what an outage warning says was seen before it. */
    last;
    /** How long the outage going on had lasted at its last warning; undefined before one. */
    outageWarnedAt;
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
        this.last = snapshot;
        const lines = [];
        const operation = (0,describe/* describeStatus */.Wn)(snapshot.status, snapshot.rawStatus);
        if (operation !== this.operation) {
            lines.push(this.operation === undefined
                ? `${this.subject} status: ${operation}`
                : `${this.subject} status: ${this.operation} → ${operation}`);
            this.operation = operation;
        }
        const seen = new Map();
        snapshot.steps.forEach((step, index) => {
            const key = `${index}:${step.id}`;
            const progress = step.status === 'running' && step.progress !== undefined ? ` ${step.progress}%` : '';
            const state = `${(0,describe/* describeStatus */.Wn)(step.status, step.rawStatus)}${progress}`;
            const before = this.steps.get(key);
            if (state !== before && !(before === undefined && step.status === 'notStarted')) {
                // The estimate is said once, when the step starts running, not on every percentage.
                const starts = step.status === 'running' && !before?.startsWith('running');
                const eta = step.estimatedTimeFrame && starts ? ` (estimated ${step.estimatedTimeFrame})` : '';
                lines.push(`Step ${step.name}: ${before === undefined ? '' : `${before} → `}${state}${eta}`);
            }
            seen.set(key, state);
        });
        this.steps = seen;
        for (const raw of [snapshot, ...snapshot.steps]
            .filter((item) => item.status === 'unknown')
            .map((item) => item.rawStatus)) {
            // Remembered up to the run's warning limit: a server inventing a spelling a poll costs no
            // memory beyond it (the Log writes no more warnings anyway).
            if (!this.unknownSpellings.has(raw) && this.unknownSpellings.size <= constants/* MAX_WARNINGS */.rE) {
                this.unknownSpellings.add(raw);
                this.sink.warning(raw === ''
                    ? `${capitalized(this.apiTitle)} answered without a status: the gate keeps polling and reports it as unknown.`
                    : `Unknown status "${raw}" from ${this.apiTitle}: the gate keeps polling and reports it as unknown. Please open an issue with this spelling.`);
            }
        }
        // What was not read is said even when the changes are cut: it explains the cut.
        const note = snapshot.unread === undefined ? undefined : (0,describe/* unreadNote */.O7)(snapshot.unread);
        const room = constants/* MAX_LOG_LINES_PER_POLL */.i - (note !== undefined && note !== this.unread ? 1 : 0);
        if (lines.length > room) {
            const more = lines.length - (room - 1);
            lines.splice(room - 1, more, `… and ${more} more changes in this answer (the steps output and the summary have them all).`);
        }
        if (note !== undefined && note !== this.unread)
            lines.push(note);
        this.unread = note;
        if (lines.length > 0)
            this.say(lines);
        else if (this.now() - this.lastLineAt >= constants/* HEARTBEAT_MS */.m)
            this.say([`Still waiting. ${(0,describe/* lastSeen */.YO)(snapshot)}`]);
    }
    /** `limit` is max-consecutive-errors. */
    onRetry(retry, limit) {
        const { reason, counted, outageMs } = retry;
        const next = `Retrying in ${(0,src_duration/* formatDuration */.a)(retry.delayMs)}.`;
        if (outageMs === undefined) {
            this.say([
                `Request failed (${counted ?? retry.failures} in a row; the gate gives up at ${limit}): ${reason}. ${next}`
            ]);
            return;
        }
        // The first failure after an answer starts the outage.
        const unavailable = `${capitalized(this.apiTitle)} ${retry.failures === 1 ? 'is unavailable' : `has been unavailable for ${(0,src_duration/* formatDuration */.a)(outageMs)}`}`;
        if (counted !== undefined) {
            // An answer that is not the API's: it counts, outage or not.
            this.say([
                `Request failed (${counted} since the last good answer that ${counted === 1 ? 'was' : 'were'} not the API's; the gate gives up at ${limit}): ${reason}. ${next}`
            ]);
        }
        else if (outageMs >= (this.outageWarnedAt ?? 0) + constants/* OUTAGE_WARNING_MS */.wc) {
            this.outageWarnedAt = outageMs;
            this.sink.warning(`${unavailable} (${reason}); the gate keeps polling until its timeout. ${(0,describe/* lastSeen */.YO)(this.last)} ${next}`);
            this.lastLineAt = this.now();
        }
        else {
            this.say([
                `Request failed: ${reason}. ${unavailable}; the gate keeps polling until its timeout. ${next}`
            ]);
        }
    }
    /** The first answer after an outage. */
    onRecovered(outageMs) {
        this.outageWarnedAt = undefined;
        this.say([
            `${capitalized(this.apiTitle)} answered again: the outage is over after ${(0,src_duration/* formatDuration */.a)(outageMs)}.`
        ]);
    }
    say(lines) {
        this.sink.info(lines.join('\n'));
        this.lastLineAt = this.now();
    }
}
function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./src/report/guard.ts
// Makes text inert for the runner. The runner takes a line that starts with `::` (after leading
// white space) as a workflow command, and `##[` anywhere in a line as a legacy one. Text that came
// from the network goes through here on its way to every log line, annotation and title, so
// nothing a server says can stop commands, mask text, or raise annotations of its own.
//
// Escaping, rather than wrapping untrusted text in ::stop-commands:: markers, because it works the
// same in every sink (an annotation's message cannot be wrapped), adds no lines to the log, and
// keeps no state that a lost resume token could leave switched off. The escape is a zero-width
// space (U+200B): the runner does not count it as white space, so `::` and `##[` no longer match,
// and the text reads the same.
const ZWSP = '\u200b';
/** Every line break a runner, a log viewer or a terminal might honour. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/;
/** The text, one line per line break of any kind, none of them a command. */
function inert(text) {
    return text
        .split(LINE_BREAK)
        .map((line) => line.replace(/^(\s*)::/, `$1${ZWSP}::`).replaceAll('##[', `##${ZWSP}[`))
        .join('\n');
}
/** The same, on one line: for titles and other short fields. */
function inertLine(text) {
    return inert(text.split(LINE_BREAK).join(' '));
}

;// CONCATENATED MODULE: ./src/report/log.ts
// The one place the gate's log leaves the process, through @actions/core. Every line is redacted
// (no secret of the run, in any form) and made inert (no text from the network becomes a runner
// command) before core writes it; core adds the only `::` commands that reach the runner.



class Log {
    /** Every secret of the run: the redactor the reporters share. */
    secrets;
    warnings = 0;
    constructor(secrets) {
        this.secrets = secrets;
    }
    info = (text) => core/* info */.pq(this.clean(text));
    debug = (text) => core/* debug */.Yz(this.clean(text));
    /** At most MAX_WARNINGS a run: a server cannot flood the annotations with them. */
    warning = (text) => {
        this.warnings++;
        if (this.warnings <= constants/* MAX_WARNINGS */.rE)
            core/* warning */.$e(this.clean(text));
        else if (this.warnings === constants/* MAX_WARNINGS */.rE + 1) {
            core/* warning */.$e(`More than ${constants/* MAX_WARNINGS */.rE} warnings: the rest are left out of the log (the gate's verdict is unaffected).`);
        }
    };
    /** An error annotation, titled. */
    error = (text, title) => core/* error */.z3(this.clean(text), title === undefined ? {} : { title: inertLine(this.redact(title)) });
    /** A secret the runner is to hide, and the gate to redact from everything it writes. */
    mask = (secret) => {
        if (secret === '')
            return;
        core/* setSecret */.Pq(secret);
        this.secrets.add(secret);
    };
    redact = (text) => this.secrets.redact(text);
    clean(text) {
        return inert(this.secrets.redact(text));
    }
}

;// CONCATENATED MODULE: ./src/model/snapshot.ts
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

;// CONCATENATED MODULE: ./src/report/names.ts
// The one place that names per-step outputs: step-<id>-status, step-<id>-progress.
/** `Publisher Signoff` → `publisher-signoff`: lower case, runs outside a-z0-9 become one dash. */
function outputSlug(text) {
    const dashed = text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    // Each run is one dash by now: at most one at either end.
    const start = dashed.startsWith('-') ? 1 : 0;
    const end = dashed.length > start && dashed.endsWith('-') ? dashed.length - 1 : dashed.length;
    return dashed.slice(start, end);
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

;// CONCATENATED MODULE: ./src/report/outputs.ts
// Every output of the action, computed from the report; all of them together stay under GitHub's
// per-job output limit: the lists that do not fit (links, the error tree) share what the others
// leave, then the steps take the rest, each cut to whole items, so that every output stays valid
// JSON.




function buildOutputs(report) {
    const { outcome } = report;
    const snapshot = outcome.snapshot;
    const shown = snapshot === undefined ? undefined : capSteps(snapshot).snapshot;
    const lists = {
        'preview-links': linksOutput(snapshot?.previewLinks ?? []),
        'live-links': linksOutput(snapshot?.liveLinks ?? []),
        // Empty when the API has no error tree (CPP), `[]` when it has one without errors.
        errors: snapshot?.errors === undefined ? { whole: '', fit: () => '' } : errorsOutput(snapshot.errors),
        steps: shown === undefined ? { whole: '[]', fit: () => '[]' } : stepsOutput(shown)
    };
    const fixed = {
        result: outcome.result,
        status: snapshot?.status ?? '',
        'raw-status': snapshot?.rawStatus ?? '',
        'operation-id': report.operationId,
        'submission-type': snapshot?.submissionType ?? '',
        'failed-step': outcome.failedStep ? outcome.failedStep.id || outcome.failedStep.name : '',
        message: outcome.message,
        'elapsed-seconds': String(Math.round(report.elapsedMs / 1000)),
        started: String(report.start?.started === true),
        'waited-for': report.start?.waitedFor ?? '',
        polls: String(outcome.polls),
        requests: String(outcome.requests),
        'check-run-id': report.checkRun ? String(report.checkRun.id) : '',
        'check-run-url': report.checkRun?.url ?? '',
        ...factOutputs(snapshot)
    };
    const perStep = {};
    if (shown !== undefined) {
        stepSlugs(shown.steps).forEach((slug, index) => {
            const step = shown.steps[index];
            perStep[`step-${slug}-status`] = step.status;
            perStep[`step-${slug}-progress`] = step.progress === undefined ? '' : String(step.progress);
        });
    }
    // A lone surrogate would be written as U+FFFD anyway: replaced first, it is counted as written.
    const plain = Object.fromEntries(Object.entries({ ...fixed, ...perStep }).map(([name, value]) => [name, value.toWellFormed()]));
    const room = constants/* OUTPUTS_MAX_BYTES */.A3 -
        Object.entries(plain).reduce((sum, [name, value]) => sum + bytes(name) + bytes(value), 0) -
        Object.keys(lists).reduce((sum, name) => sum + bytes(name), 0);
    // The steps' messages repeat what the error tree and the message say: they take what is left.
    const { steps, ...first } = lists;
    const fitted = share(first, room);
    const used = Object.values(fitted).reduce((sum, value) => sum + bytes(value), 0);
    const stepsValue = bytes(steps.whole) <= room - used ? steps.whole : steps.fit(room - used);
    const { message, ...rest } = plain;
    return {
        ...pick(rest, Object.keys(fixed)),
        message,
        'preview-links': fitted['preview-links'],
        'live-links': fitted['live-links'],
        errors: fitted.errors,
        steps: stepsValue,
        ...pick(rest, Object.keys(perStep))
    };
}
/**
 * Each list whole when all fit in `room` bytes; otherwise the smallest are kept whole while each
 * is within an equal share of what is left, and the others are cut to their share.
 */
function share(lists, room) {
    const names = Object.keys(lists).sort((a, b) => bytes(lists[a].whole) - bytes(lists[b].whole));
    const out = {};
    let left = Math.max(0, room);
    names.forEach((name, i) => {
        const each = Math.floor(left / (names.length - i));
        const { whole, fit } = lists[name];
        out[name] = bytes(whole) <= each ? whole : fit(each);
        left -= bytes(out[name]);
    });
    return out;
}
function pick(outputs, names) {
    return Object.fromEntries(names.filter((name) => name in outputs).map((name) => [name, outputs[name]]));
}
/** JSON of values whose strings are well-formed: a lone surrogate is U+FFFD, not a 6-byte escape. */
function json(value) {
    return JSON.stringify(value, (_key, each) => typeof each === 'string' ? each.toWellFormed() : each);
}
/** The longest `render(k)` within `max` bytes, for k from `count` down to 0 (found by bisection). */
function longest(count, max, render) {
    let low = 0;
    let high = count;
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (bytes(render(middle)) <= max)
            low = middle;
        else
            high = middle - 1;
    }
    return render(low);
}
/** A list of links: the first ones that fit. */
function linksOutput(links) {
    const render = (k) => json(links.slice(0, k));
    return { whole: render(links.length), fit: (max) => longest(links.length, max, render) };
}
/** The error tree: the errors nearest the top that fit (every kept error's parent is kept). */
function errorsOutput(errors) {
    // Breadth first: keeping the first k of this order keeps a tree.
    const order = [...errors];
    for (let i = 0; i < order.length; i++)
        order.push(...order[i].details);
    const render = (k) => {
        const kept = new Set(order.slice(0, k));
        const tree = (nodes) => nodes.filter((node) => kept.has(node)).map((node) => errorJson(node, tree(node.details)));
        return json(tree(errors));
    };
    return { whole: render(order.length), fit: (max) => longest(order.length, max, render) };
}
/** The steps: with as few of the oldest messages left out as fit, or none at all. */
function stepsOutput(snapshot) {
    return {
        whole: stepsJson(snapshot),
        fit: (max) => {
            const fitted = fitByLeavingOutOldest(snapshot, max, stepsJson);
            // The per-step outputs still carry every status then.
            return fitted.fits ? fitted.text : '[]';
        }
    };
}
/** Facts named like an output set it (see OUTPUT_FACTS); each is empty when the API gave none. */
function factOutputs(snapshot) {
    return Object.fromEntries(OUTPUT_FACTS.map((name) => [
        name,
        snapshot?.facts?.find((fact) => fact.name === name)?.value ?? ''
    ]));
}
function errorJson(node, details) {
    return { code: node.code, message: node.message, resourceId: node.resourceId ?? null, details };
}
/** The `steps` output: one object per step, messages as plain text. */
function stepsJson(snapshot) {
    return json(snapshot.steps.map((step) => ({
        id: step.id,
        name: step.name,
        status: step.status,
        rawStatus: step.rawStatus,
        progress: step.progress ?? null,
        estimatedTimeFrame: step.estimatedTimeFrame ?? null,
        ...(step.reference === undefined ? {} : { reference: step.reference }),
        messages: step.messages.map((message) => ({
            level: message.level,
            text: messageText(message),
            timestamp: message.timestamp ?? null
        }))
    })));
}

;// CONCATENATED MODULE: ./src/report/publish.ts
// Where a run's report leaves the process: outputs, the verdict with its annotations, and the job
// summary, each guarded so that one failing cannot stop the others. Every byte is redacted here
// (after the report's text was), and the log lines go through the Log's guard.




/** Outputs, the verdict and its annotations, and the summary. */
async function publishReport(report, summary, log) {
    const { outcome } = report;
    await guarded(log, 'set the outputs', () => {
        for (const [name, value] of Object.entries(buildOutputs(report))) {
            core/* setOutput */.uH(name, log.redact(value));
        }
    });
    const annotations = stepAnnotations(outcome.snapshot);
    if (outcome.result === 'succeeded')
        log.info(`✅ ${outcome.message}`);
    else if (outcome.result === 'pending')
        log.info(`⏳ ${outcome.message}`);
    else {
        // The exit code is the verdict. Not core.setFailed: it would add an untitled error of its
        // own, and @github/local-action's stub of it leaves the process's exit code alone.
        process.exitCode = 1;
        // The verdict is said once: as the annotation of the step it names (the first failing one,
        // see verdict.ts), titled with that step, or untitled when no step failed.
        if (annotations.length === 0)
            log.error(outcome.message);
        annotations.forEach((annotation, index) => log.error(index === 0 && outcome.failedStep !== undefined ? outcome.message : annotation.message, annotation.title));
    }
    if (!summary)
        return;
    if (!process.env.GITHUB_STEP_SUMMARY) {
        log.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.');
        return;
    }
    // One finished HTML document, added as it is (to an empty buffer: a failed write keeps its own).
    await guarded(log, 'write the job summary', () => core/* summary */.z
        .emptyBuffer()
        .addRaw(log.redact(renderSummary(report)))
        .write());
}
async function guarded(log, what, action) {
    try {
        await action();
    }
    catch (error) {
        log.warning(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/report/decoders.ts
// The three encodings a reading undoes, one at a time: a JSON escape, an HTML entity, and one UTF-8
// character written as %HH bytes. Each `…At` function returns where the encoding at `i` ends, or
// -1, and leaves the code point it found in `decoded`: a decoding of millions of encodings
// allocates nothing per encoding.
/** The code point the last `…At` function found. */
const decoded = { codePoint: 0 };
const JSON_SHORT = {
    '"': 0x22,
    '\\': 0x5c,
    '/': 0x2f,
    b: 0x08,
    f: 0x0c,
    n: 0x0a,
    r: 0x0d,
    t: 0x09
};
/** `\uXXXX`, or a short escape (`\"`, `\n`…). */
function jsonEscapeAt(text, i) {
    const next = text[i + 1];
    if (next === 'u') {
        const code = hexValue(text, i + 2, i + 6);
        if (code === undefined)
            return -1;
        decoded.codePoint = code;
        return i + 6;
    }
    if (next === undefined || !Object.hasOwn(JSON_SHORT, next))
        return -1;
    decoded.codePoint = JSON_SHORT[next];
    return i + 2;
}
/** The value of the hex digits from `start` to `end`, or undefined unless all of them are ones. */
function hexValue(text, start, end) {
    if (end > text.length)
        return undefined;
    let value = 0;
    for (let j = start; j < end; j++) {
        const digit = hexDigit(text.charCodeAt(j));
        if (digit < 0)
            return undefined;
        value = value * 16 + digit;
    }
    return value;
}
function hexDigit(code) {
    if (code >= 0x30 && code <= 0x39)
        return code - 0x30;
    const lower = code | 0x20;
    return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}
/**
 * Named entities for the characters secrets and their encodings are made of, and for those a
 * reader does not see (which the reading then leaves out). Names are matched in any case.
 */
const NAMED_ENTITIES = {
    amp: 0x26,
    lt: 0x3c,
    gt: 0x3e,
    quot: 0x22,
    apos: 0x27,
    sol: 0x2f,
    bsol: 0x5c,
    plus: 0x2b,
    equals: 0x3d,
    percnt: 0x25,
    period: 0x2e,
    lowbar: 0x5f,
    colon: 0x3a,
    semi: 0x3b,
    comma: 0x2c,
    num: 0x23,
    excl: 0x21,
    quest: 0x3f,
    commat: 0x40,
    dollar: 0x24,
    ast: 0x2a,
    lpar: 0x28,
    rpar: 0x29,
    lsqb: 0x5b,
    rsqb: 0x5d,
    lcub: 0x7b,
    rcub: 0x7d,
    verbar: 0x7c,
    grave: 0x60,
    hat: 0x5e,
    nbsp: 0xa0,
    newline: 0x0a,
    shy: 0xad,
    zwsp: 0x200b,
    zerowidthspace: 0x200b,
    zwnj: 0x200c,
    zwj: 0x200d,
    lrm: 0x200e,
    rlm: 0x200f,
    nobreak: 0x2060,
    invisibletimes: 0x2062,
    invisiblecomma: 0x2063
};
/** The longest name above. */
const MAX_ENTITY_NAME = 14;
/** `&#DDD;`, `&#xHHH;` (any number of leading zeros), or a named entity. */
function entityAt(text, i) {
    if (text.charCodeAt(i + 1) === 0x23) {
        const hex = (text.charCodeAt(i + 2) | 0x20) === 0x78;
        let j = i + (hex ? 3 : 2);
        const first = j;
        let code = 0;
        for (; j < text.length; j++) {
            const digit = hex ? hexDigit(text.charCodeAt(j)) : decimalDigit(text.charCodeAt(j));
            if (digit < 0)
                break;
            code = code * (hex ? 16 : 10) + digit;
            if (code > 0x10ffff)
                return -1;
        }
        if (j === first || text.charCodeAt(j) !== 0x3b)
            return -1;
        decoded.codePoint = code;
        return j + 1;
    }
    let end = i + 1;
    while (end - i <= MAX_ENTITY_NAME && isLetter(text.charCodeAt(end)))
        end++;
    if (end === i + 1 || text.charCodeAt(end) !== 0x3b)
        return -1;
    const name = text.slice(i + 1, end).toLowerCase();
    if (!Object.hasOwn(NAMED_ENTITIES, name))
        return -1;
    decoded.codePoint = NAMED_ENTITIES[name];
    return end + 1;
}
function isLetter(code) {
    const lower = code | 0x20;
    return lower >= 0x61 && lower <= 0x7a;
}
function decimalDigit(code) {
    return code >= 0x30 && code <= 0x39 ? code - 0x30 : -1;
}
/** One UTF-8 character written as %HH bytes: well-formed UTF-8 only (no overlong form, no surrogate). */
function percentAt(text, i) {
    const byte = (at) => text.charCodeAt(at) === 0x25 ? (hexValue(text, at + 1, at + 3) ?? -1) : -1;
    const lead = byte(i);
    if (lead < 0)
        return -1;
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    if (length === 0 || lead > 0xf4)
        return -1;
    let code = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
        const next = byte(i + 3 * k);
        if (next < 0 || (next & 0xc0) !== 0x80)
            return -1;
        code = (code << 6) | (next & 0x3f);
    }
    const least = [0, 0, 0x80, 0x800, 0x10000][length];
    if (code < least || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return -1;
    decoded.codePoint = code;
    return i + 3 * length;
}

;// CONCATENATED MODULE: ./src/report/readings.ts
// The readings of a text the redactor searches for secrets: the text itself, then the text with
// its encodings undone (JSON escapes, HTML entities, percent-encoded UTF-8), once, twice and three
// times, each without the characters a reader does not see (format characters such as U+200B and
// the soft hyphen, line breaks, <br> tags); and where each code unit of a reading came from in
// the text, so that what is found there is hidden in the text itself.
//
// A reading keeps its map as one number per code unit, built in one pass over the text, rather
// than a string and an object per encoding: a 10 MB answer dense with `%41` is millions of them.

const EVERY_ENCODING = ['json', 'html', 'percent'];
/**
 * Decodings made of a text at most: a secret percent-encoded twice, or percent-encoded and then
 * written as HTML entities, is whole in the second; a third covers a body that adds JSON escapes.
 */
const MAX_DECODINGS = 3;
/**
 * Every reading of the text, one at a time (each is built from the one before and dropped after):
 * the text without what a reader does not see, then its decodings; and for each list in `partly`,
 * decodings of that first reading that undo only the encodings listed.
 */
function* readingsOf(text, partly = []) {
    const first = withoutUnseen(text);
    yield first;
    for (const encodings of [EVERY_ENCODING, ...partly]) {
        let reading = first;
        for (let n = 0; n < MAX_DECODINGS && reading !== undefined; n++) {
            reading = readings_decode(reading, encodings);
            if (reading !== undefined)
                yield reading;
        }
    }
}
/** The encodings a decoding of the text would undo: those the text itself seems to hold. */
function encodingsIn(text) {
    return EVERY_ENCODING.filter((encoding) => readings_decode({ text }, [encoding]) !== undefined);
}
/** The text as a reader sees it: without format characters, line breaks and <br> tags. */
function visibleText(text) {
    return withoutUnseen(text).text;
}
/** The span of the original text that `length` code units of a reading from `at` came from. */
function spanOf(reading, originalLength, at, length) {
    const { from } = reading;
    if (from === undefined)
        return [at, at + length];
    const start = from[at];
    const last = from[at + length - 1];
    // It ends where the next code unit that came from elsewhere starts (what was left out of the
    // reading in between, a format character or a line break, is hidden with it).
    let next = at + length;
    while (next < reading.text.length && from[next] === last)
        next++;
    return [start, next < reading.text.length ? from[next] : originalLength];
}
// ---- What a reader does not see -----------------------------------------------------------------
/**
 * Unicode's format characters (General_Category Cf, as of Unicode 15.1), as ranges: a property
 * escape (\p{Cf}) costs every start its table look-up. __tests__/report/readings.test.ts checks
 * the list against \p{Cf}.
 */
const FORMAT_CHARACTERS = [
    [0xad, 0xad],
    [0x600, 0x605],
    [0x61c, 0x61c],
    [0x6dd, 0x6dd],
    [0x70f, 0x70f],
    [0x890, 0x891],
    [0x8e2, 0x8e2],
    [0x180e, 0x180e],
    [0x200b, 0x200f],
    [0x202a, 0x202e],
    [0x2060, 0x2064],
    [0x2066, 0x206f],
    [0xfeff, 0xfeff],
    [0xfff9, 0xfffb],
    [0x110bd, 0x110bd],
    [0x110cd, 0x110cd],
    [0x13430, 0x1343f],
    [0x1bca0, 0x1bca3],
    [0x1d173, 0x1d17a],
    [0xe0001, 0xe0001],
    [0xe0020, 0xe007f]
];
/** Line breaks: \n, \v, \f, \r, U+0085, U+2028, U+2029. */
function isLineBreak(code) {
    return (code >= 0x0a && code <= 0x0d) || code === 0x85 || code === 0x2028 || code === 0x2029;
}
/** Which code points of the BMP are format characters: one look-up per code unit. */
const FORMAT_BMP = new Uint8Array(0x10000);
for (const [low, high] of FORMAT_CHARACTERS) {
    if (low <= 0xffff)
        FORMAT_BMP.fill(1, low, Math.min(high, 0xffff) + 1);
}
function isFormat(code) {
    if (code > 0xffff)
        return FORMAT_CHARACTERS.some(([low, high]) => code >= low && code <= high);
    return FORMAT_BMP[code] === 1;
}
/**
 * How many code units at `i` a reader does not see: a line break, a format character (two units
 * for one beyond the BMP), a <br> tag (`<br>`, `<br/>`, `<br />`, `</br>`, any case); 0 otherwise.
 */
function unseenAt(text, i) {
    const code = text.charCodeAt(i);
    if (code === 0x3c)
        return breakTagAt(text, i);
    if (isLineBreak(code) || isFormat(code))
        return 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 &&
            low <= 0xdfff &&
            isFormat(((code - 0xd800) << 10) + low - 0xdc00 + 0x10000))
            return 2;
    }
    return 0;
}
/** The length of a <br> tag at `i`, or 0. */
function breakTagAt(text, i) {
    let j = i + 1;
    if (text.charCodeAt(j) === 0x2f)
        j++;
    if ((text.charCodeAt(j) | 0x20) !== 0x62 || (text.charCodeAt(j + 1) | 0x20) !== 0x72)
        return 0;
    j += 2;
    while (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)
        j++;
    if (text.charCodeAt(j) === 0x2f)
        j++;
    return text.charCodeAt(j) === 0x3e ? j + 1 - i : 0;
}
let unseenHeads;
/**
 * Whether the text has a character that unseenAt may count (a superset: the first unit of any
 * format character beyond the BMP, `<br` without its end). Not a start-up shortcut: without it
 * every reading of a text copies it into two arrays, and the 10 MB answer of every encoding mixed
 * peaked at 313 MB (`BENCH_ONLY=hostile npm run bench`), over its 300 MB budget.
 */
function mayHoldUnseen(text) {
    unseenHeads ??= new RegExp(`[\\n\\v\\f\\r\\u0085\\u2028\\u2029${FORMAT_CHARACTERS.map(([low, high]) => low > 0xffff
        ? `${unit(highSurrogate(low))}-${unit(highSurrogate(high))}`
        : `${unit(low)}-${unit(high)}`).join('')}]|<\\/?[Bb][Rr]`);
    return unseenHeads.test(text);
}
function highSurrogate(code) {
    return 0xd800 + ((code - 0x10000) >> 10);
}
function unit(code) {
    return `\\u${code.toString(16).padStart(4, '0')}`;
}
/**
 * The reading of `text` (whose code unit k came from `from[k]` in the original, or from k when
 * there is no `from`) without what a reader does not see: itself when it has none of that.
 */
function withoutUnseen(text, from) {
    if (!mayHoldUnseen(text))
        return from === undefined ? { text } : { text, from };
    const units = new Uint16Array(text.length);
    // In place: a code unit is never written before the place it is read from.
    const kept = from ?? new Int32Array(text.length);
    let length = 0;
    for (let i = 0; i < text.length;) {
        const unseen = unseenAt(text, i);
        if (unseen > 0) {
            i += unseen;
            continue;
        }
        units[length] = text.charCodeAt(i);
        kept[length++] = from === undefined ? i : from[i];
        i++;
    }
    return { text: asString(units, length), from: kept.subarray(0, length) };
}
function asString(units, length) {
    return Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
}
// ---- Decoding -----------------------------------------------------------------------------------
/**
 * The reading with each encoding (of those given) undone, or undefined when none is in it.
 * Anything that is not a well-formed encoding stays as it is.
 */
function readings_decode(reading, encodings) {
    const { text } = reading;
    const json = encodings.includes('json');
    const html = encodings.includes('html');
    const percent = encodings.includes('percent');
    const endAt = (i) => {
        const head = text.charCodeAt(i);
        if (head === 0x5c)
            return json ? jsonEscapeAt(text, i) : -1;
        if (head === 0x26)
            return html ? entityAt(text, i) : -1;
        if (head === 0x25)
            return percent ? percentAt(text, i) : -1;
        return -1;
    };
    // Nothing is built for a text without an encoding in it.
    let i = 0;
    while (i < text.length && endAt(i) === -1)
        i++;
    if (i === text.length)
        return undefined;
    const origin = (at) => (reading.from === undefined ? at : reading.from[at]);
    const out = new Units(text.length);
    for (let k = 0; k < i; k++)
        out.push(text.charCodeAt(k), origin(k));
    while (i < text.length) {
        const end = endAt(i);
        if (end === -1) {
            out.push(text.charCodeAt(i), origin(i));
            i++;
            continue;
        }
        const start = origin(i);
        const found = decoded.codePoint;
        if (found > 0xffff) {
            out.push(0xd800 + ((found - 0x10000) >> 10), start);
            out.push(0xdc00 + ((found - 0x10000) & 0x3ff), start);
        }
        else
            out.push(found, start);
        i = end;
    }
    return withoutUnseen(asString(out.units, out.length), out.from.subarray(0, out.length));
}
/**
 * Code units and where each came from, in arrays that grow as they fill: a text dense with
 * encodings decodes to a fraction of its length.
 */
class Units {
    units;
    from;
    length = 0;
    most;
    /** `most`: the length that is never passed (a decoding is never longer than its text). */
    constructor(most) {
        this.most = most;
        const size = Math.min(most, 64 * 1024);
        this.units = new Uint16Array(size);
        this.from = new Int32Array(size);
    }
    push(unit, from) {
        if (this.length === this.units.length) {
            const size = Math.min(this.most, this.units.length * 2);
            const units = new Uint16Array(size);
            const origins = new Int32Array(size);
            units.set(this.units);
            origins.set(this.from);
            this.units = units;
            this.from = origins;
        }
        this.units[this.length] = unit;
        this.from[this.length++] = from;
    }
}

;// CONCATENATED MODULE: ./src/report/redact.ts
// The one redactor: every secret of the run (the token input, the client secret, the GitHub token,
// each OIDC ID token and each access token issued) replaced by *** wherever it shows, in every
// form a server echoing it could use: as is, JSON-escaped, as HTML entities, percent- or
// form-encoded (twice, or under one another), split by format characters, line breaks or <br>,
// and in base64 (standard and URL-safe) of the secret, of its percent- and form-encoded forms and
// of "Bearer <secret>", wherever the base64 starts. Each form is searched in every reading of the
// text (readings.ts), and the part of the text it came from is hidden. It runs on text after
// decoding (a secret split by markup is whole again by then) and on what each sink writes.



const MASK = '***';
class Secrets {
    values = new Set();
    /** What is searched in each reading of a text: every form of every secret (formsOf). */
    forms = [];
    /**
     * For a secret that holds text which itself reads as an escape, entity or percent-encoding
     * (`%41`, `\\b`, `&amp;`): the encodings to undo alone, and without those it holds. A server
     * that applies one encoding to it leaves the others as they are, and undoing them would change
     * the secret: it is whole only in a reading that leaves them.
     */
    partly = [];
    /** Whether a secret holds `*`: a mask written next to text can then complete one. */
    starred = false;
    /** Adds a secret; too short a value would hide ordinary words, so it is only masked by the runner. */
    add(secret) {
        if (secret.length < constants/* MIN_SECRET_CHARS */.Sn || this.values.has(secret))
            return;
        this.values.add(secret);
        const held = encodingsIn(secret);
        if (held.length > 0) {
            const others = EVERY_ENCODING.filter((encoding) => !held.includes(encoding));
            this.partly = uniqueLists([...this.partly, ...EVERY_ENCODING.map((each) => [each]), others]);
        }
        this.starred ||= secret.includes('*');
        this.forms = [...new Set([...this.forms, ...formsOf(secret)])];
    }
    get size() {
        return this.values.size;
    }
    /** The text with every secret, in any of the forms above, replaced by ***. */
    redact(text) {
        if (this.values.size === 0 || text.length === 0)
            return text;
        let out = this.hide(text);
        // "x" + secret + "*-secret", with a secret "x***-secret" in it: hiding the first puts the
        // second together.
        for (let again = 0; this.starred && again < 3; again++) {
            const next = this.hide(out);
            if (next === out)
                break;
            out = next;
        }
        return out;
    }
    /** Finds every form in every reading of the text, and hides the parts of the text they came from. */
    hide(text) {
        const spans = [];
        for (const reading of readingsOf(text, this.partly)) {
            for (const form of this.forms) {
                for (let at = reading.text.indexOf(form); at !== -1; at = reading.text.indexOf(form, at + 1)) {
                    spans.push(spanOf(reading, text.length, at, form.length));
                }
            }
        }
        if (spans.length === 0)
            return text;
        spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
        let out = '';
        let cursor = 0;
        for (const [start, end] of spans) {
            // An overlapping match is hidden by the mask already written: it only extends it.
            if (start < cursor) {
                cursor = Math.max(cursor, end);
                continue;
            }
            out += text.slice(cursor, start) + MASK;
            cursor = end;
        }
        return out + text.slice(cursor);
    }
}
/** The lists, each once, none empty. */
function uniqueLists(lists) {
    const seen = new Map(lists.filter((list) => list.length > 0).map((list) => [list.join(), list]));
    return [...seen.values()];
}
/**
 * What is searched for a secret, in readings that have every encoding undone and what a reader
 * does not see left out: the secret (with spaces also as form-encoding's "+"), and its base64.
 * Base64 of a value depends on where it starts in the encoded bytes (its offset in a group of
 * three): for each offset, the characters that stand for the value's bytes alone (its middle, as
 * the runner's own masker takes it), of the secret and of its percent- and form-encoded forms; and
 * the whole base64 of the secret and of "Bearer <secret>", padded or not, hidden to the last
 * character when that is what a text holds.
 */
function formsOf(secret) {
    const forms = [secret, secret.replaceAll(' ', '+')].map(visibleText);
    for (const value of [secret, `Bearer ${secret}`]) {
        for (const alphabet of ['base64', 'base64url']) {
            const whole = Buffer.from(value, 'utf8').toString(alphabet);
            forms.push(whole, whole.replace(/=+$/, ''));
        }
    }
    for (const value of [secret, percentEncoded(secret, URI_UNRESERVED), formEncoded(secret)]) {
        const bytes = Buffer.from(value, 'utf8');
        for (const offset of [0, 1, 2]) {
            // The bytes before the first full group share their characters with what comes before.
            const skip = (3 - offset) % 3;
            const groups = Math.floor((bytes.length - skip) / 3);
            if (groups <= 0)
                continue;
            const middle = bytes.subarray(skip, skip + 3 * groups);
            forms.push(middle.toString('base64'), middle.toString('base64url'));
        }
    }
    return [...new Set(forms)].filter((form) => form !== '');
}
/** What encodeURIComponent leaves as it is. */
const URI_UNRESERVED = /[A-Za-z0-9\-_.!~*'()]/;
/** What form-encoding (application/x-www-form-urlencoded) leaves as it is. */
const FORM_UNRESERVED = /[A-Za-z0-9*\-._]/;
/** The UTF-8 bytes of the text percent-encoded, but for the characters `keep` matches. */
function percentEncoded(text, keep) {
    return [...text.toWellFormed()]
        .map((char) => keep.test(char)
        ? char
        : [...Buffer.from(char, 'utf8')]
            .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
            .join(''))
        .join('');
}
/** As a form field's value is sent: percent-encoded, a space as "+". */
function formEncoded(text) {
    return percentEncoded(text, FORM_UNRESERVED).replaceAll('%20', '+');
}
/**
 * The report with every secret hidden from its text, before any reporter sees it. A message whose
 * text as a whole holds a secret (split across links or markup) becomes one plain part.
 */
function redactReport(report, secrets) {
    if (secrets.size === 0)
        return report;
    const hide = (text) => secrets.redact(text);
    const optional = (text) => text === undefined ? undefined : hide(text);
    const messages = (list) => list.map((message) => {
        const whole = messageText(message);
        const hidden = hide(whole);
        const parts = hidden === whole
            ? message.parts.map((part) => part.href === undefined ? part : { text: part.text, href: hide(part.href) })
            : [{ text: hidden }];
        return {
            ...message,
            level: hide(message.level),
            parts,
            ...(message.timestamp === undefined ? {} : { timestamp: hide(message.timestamp) })
        };
    });
    const step = (each) => ({
        ...each,
        id: hide(each.id),
        name: hide(each.name),
        rawStatus: hide(each.rawStatus),
        ...(each.estimatedTimeFrame === undefined
            ? {}
            : { estimatedTimeFrame: hide(each.estimatedTimeFrame) }),
        messages: messages(each.messages)
    });
    const { outcome } = report;
    const snapshot = outcome.snapshot === undefined
        ? undefined
        : {
            ...outcome.snapshot,
            rawStatus: hide(outcome.snapshot.rawStatus),
            ...(outcome.snapshot.submissionType === undefined
                ? {}
                : { submissionType: optional(outcome.snapshot.submissionType) }),
            steps: outcome.snapshot.steps.map(step),
            messages: messages(outcome.snapshot.messages),
            previewLinks: outcome.snapshot.previewLinks.map(hide),
            liveLinks: outcome.snapshot.liveLinks.map(hide)
        };
    return {
        ...report,
        offerLabel: hide(report.offerLabel),
        operationId: hide(report.operationId),
        ...(report.start === undefined
            ? {}
            : { start: { ...report.start, note: hide(report.start.note) } }),
        outcome: {
            ...outcome,
            message: hide(outcome.message),
            ...(snapshot === undefined ? {} : { snapshot }),
            ...(outcome.failedStep === undefined ? {} : { failedStep: step(outcome.failedStep) }),
            ...(outcome.quote === undefined
                ? {}
                : { quote: { lead: hide(outcome.quote.lead), messages: messages(outcome.quote.messages) } })
        }
    };
}

;// CONCATENATED MODULE: ./src/main.ts
// Composes one run: inputs → config → backend → poll → reporters. The report is written on every
// path (success, failure, timeout, error, signals), and before the check run is completed.



















async function run(options = {}) {
    const clock = options.clock ?? gate_clock/* systemClock */.m;
    const signal = options.signal ?? new AbortController().signal;
    const startedAt = clock.now();
    const read = runnerInput;
    const log = new Log(new Secrets());
    // Masked, as they are sent, before anything else can print them, and redacted from everything
    // the gate writes; so is every token issued later.
    for (const secret of [bareToken(read('token')), read('client-secret'), read('github-token')]) {
        log.mask(secret);
    }
    // The runner's own request token for ID tokens: hidden from what the gate writes, and not
    // printed in a mask command either (the runner knows it).
    log.secrets.add(process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '');
    let backend;
    let config;
    let client;
    let watcher;
    let checkRun = Promise.resolve(undefined);
    let opened;
    let outcome;
    try {
        const api = readApi(read);
        backend = await loadBackend(api.api);
        // The first line of the log: which API, and why (api auto told it from the inputs).
        log.info(`Using ${backend.title} (${api.why}).`);
        config = readConfig(read, backend, {
            idTokenAvailable: Boolean(process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
            ...(process.env.GITHUB_EVENT_NAME === undefined
                ? {}
                : { event: process.env.GITHUB_EVENT_NAME })
        });
        const deadline = startedAt + config.timeoutMs;
        const tokens = tokenSource(config, backend, clock, log);
        client = new ApiClient({
            tokens,
            wording: backend.wording,
            redact: log.redact,
            now: () => clock.wall(),
            debug: log.debug
        });
        watcher = config.watch.watcher({ client, info: log.info, wall: () => clock.wall() });
        // The check run is set up beside the first poll, not before it: a slow Checks API must not
        // eat the wait. Snapshots seen before it is ready reach it once it is.
        let latest;
        if (config.checkRun) {
            checkRun = openCheckRun(config, backend, log, clock, signal, Math.min(constants/* REQUEST_TIMEOUT_MS */.j2, deadline - clock.now())).then((run) => {
                opened = run;
                if (latest !== undefined)
                    run?.progress(latest);
                return run;
            }, (error) => {
                log.warning(`Could not set up the check run: ${error instanceof Error ? error.message : String(error)} (the gate's own verdict stands).`);
                return undefined;
            });
        }
        outcome = await gate(config, backend, { client, watcher, signedInWith: tokens.description, log }, {
            deadline,
            clock,
            signal,
            random: options.random ?? Math.random,
            onSnapshot: (snapshot) => {
                latest = snapshot;
                opened?.progress(snapshot);
            }
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
    outcome = (0,start_steps/* aboutThisRun */.pf)(outcome, watcher?.start);
    // One paragraph, not a dump, wherever it is shown; cut after the secrets are hidden, so that no
    // cut can keep part of one.
    outcome = { ...outcome, message: (0,describe/* clip */.$Q)(log.redact(outcome.message), constants/* MAX_MESSAGE_CHARS */.hP) };
    // After a signal or at the deadline only a short budget is left for the check run; after an
    // early verdict its final update may take longer, but never runs far past the deadline.
    const left = startedAt + (config?.timeoutMs ?? 0) - clock.now();
    const finalMs = signal.aborted
        ? constants/* CHECK_RUN_FINAL_MS */.Hw
        : Math.min(constants/* CHECK_RUN_FINAL_MAX_MS */.oX, Math.max(constants/* CHECK_RUN_FINAL_MS */.Hw, left));
    const stoppedAt = (0,gate_clock/* monotonicMs */.d)();
    // A check run still being set up (its own budget ends that) may take part of this time, so that
    // check-run-id and check-run-url can be set.
    const run = opened ??
        (await within(checkRun, finalMs, () => log.warning(`Could not create the check run "${config?.checkRun?.name ?? ''}": GitHub did not answer within ${(0,src_duration/* formatDuration */.a)(finalMs)} of the end of the wait, so it was given up (the gate's own verdict stands).`)));
    const finished = redactReport({
        offerLabel: backend?.offerLabel(withDefaults(read)) ?? withDefaults(read)('offer-id'),
        operationId: watcher?.operationId ?? '',
        ...(config === undefined ? {} : { subject: config.watch.subject }),
        ...(watcher?.start === undefined ? {} : { start: watcher.start }),
        outcome,
        elapsedMs: clock.now() - startedAt,
        ...(run?.reference ? { checkRun: run.reference } : {})
    }, log.secrets);
    // Outputs and the summary first: whatever the check run does, they are written.
    await publishReport(finished, config?.summary ?? true, log);
    await run?.finish(finished, Math.max(0, finalMs - ((0,gate_clock/* monotonicMs */.d)() - stoppedAt)));
    return outcome;
}
/** The promise's value, or undefined (after `late`) when it takes longer than `ms` of real time. */
function within(promise, ms, late) {
    return new Promise((resolve) => {
        const timer = setTimeout(() => {
            late();
            resolve(undefined);
        }, ms);
        void promise.then((value) => {
            clearTimeout(timer);
            resolve(value);
        });
    });
}
/** The token input as given, or Azure AD sign-in. */
function tokenSource(config, backend, clock, log) {
    if (config.auth.kind === 'static') {
        return staticToken(config.auth.token, backend.resource);
    }
    const endpoint = oidcEndpoint(process.env);
    return azureAdToken(config.auth, { scope: backend.scope, apiTitle: backend.title, refusedHint: backend.freshTokenRefused }, {
        now: () => clock.wall(),
        mask: log.mask,
        getIDToken: (audience, budget) => githubIdToken(endpoint, audience, budget),
        info: log.info,
        debug: log.debug,
        redact: log.redact
    });
}
async function gate(config, backend, { client, watcher, signedInWith, log }, { deadline, clock, signal, random, onSnapshot }) {
    const progress = new ProgressLog({ info: log.info, warning: log.warning }, () => clock.now(), config.watch.subject, backend.title);
    const waitFor = {
        completion: 'completion',
        ready: config.waitFor.kind === 'ready'
            ? config.waitFor.rule === 'auto'
                ? config.watch.autoMeans
                : config.waitFor.rule
            : '',
        step: config.waitFor.kind === 'step' ? `step ${config.waitFor.stepId}` : ''
    }[config.waitFor.kind];
    log.info(`Watching ${config.watch.description} until ${waitFor}; ${config.mode === 'check' ? 'checking once' : `timeout ${(0,src_duration/* formatDuration */.a)(config.timeoutMs)}, polling every ${(0,src_duration/* formatDuration */.a)(config.pollIntervalMs)}`}; signed in with ${signedInWith}.`);
    if (process.env.RUNNER_ENVIRONMENT === 'github-hosted' &&
        config.timeoutMs > constants/* HOSTED_JOB_LIMIT_MS */.FD) {
        log.warning(`timeout is ${(0,src_duration/* formatDuration */.a)(config.timeoutMs)}, but GitHub-hosted jobs are stopped after 6h: the job will end before the gate does. Use a self-hosted runner, or wait in several runs.`);
    }
    return poll({
        waitFor: config.waitFor,
        rules: backend.readyRules,
        deadline,
        timeoutMs: config.timeoutMs,
        intervalMs: config.pollIntervalMs,
        maxConsecutiveErrors: config.maxConsecutiveErrors,
        once: config.mode === 'check',
        strictInterval: backend.strictInterval
    }, {
        fetch: (budget) => watcher.poll(budget),
        clock,
        random,
        signal,
        requests: () => client.requests,
        onSnapshot: (snapshot) => {
            progress.onSnapshot(snapshot);
            onSnapshot(snapshot);
        },
        onRetry: (retry) => progress.onRetry(retry, config.maxConsecutiveErrors),
        onRecovered: (outageMs) => progress.onRecovered(outageMs),
        warn: log.warning
    });
}


/***/ }),

/***/ 1872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   $f: () => (/* binding */ stepFailureQuote),
/* harmony export */   H4: () => (/* binding */ failureQuote),
/* harmony export */   O7: () => (/* binding */ unreadNote),
/* harmony export */   Ot: () => (/* binding */ reasons),
/* harmony export */   SY: () => (/* binding */ currentStep),
/* harmony export */   Wn: () => (/* binding */ describeStatus),
/* harmony export */   YO: () => (/* binding */ lastSeen),
/* harmony export */   aM: () => (/* binding */ failurePhrase),
/* harmony export */   fU: () => (/* binding */ formatTime),
/* harmony export */   ol: () => (/* binding */ quoteText),
/* harmony export */   vO: () => (/* binding */ stepLabel),
/* harmony export */   wh: () => (/* binding */ plainText)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5646);
// src/model/: the shared vocabulary every backend maps onto: the snapshot, the status vocabulary,
// how a poll and a run end, and how they are worded (this file).
//
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
/** Message levels from the most severe; any other level ranks after them. */
const SEVERITY = ['error', 'warning', 'information'];
function severity(message) {
    const rank = SEVERITY.findIndex((level) => message.level.startsWith(level.slice(0, 4)));
    return rank === -1 ? SEVERITY.length : rank;
}
/**
 * The messages a verdict quotes: those of the most severe level present (errors, else warnings,
 * else information, else the rest), in the order listed.
 */
function reasons(messages) {
    if (messages.length === 0)
        return [];
    const worst = Math.min(...messages.map(severity));
    return messages.filter((message) => severity(message) === worst);
}
/** A message as plain text, each link's address in brackets after its words. */
function plainText(message) {
    return message.parts
        .map((part) => part.href === undefined || part.href === part.text.trim()
        ? part.text
        : `${part.text} (${part.href})`)
        .join('');
}
function quoteText(quote) {
    return quote.messages.length === 0
        ? `${quote.lead}.`
        : `${quote.lead}: ${quote.messages.map(plainText).join(' ')}`;
}
/** "Certification is blocked: No image…" */
function failureQuote(subject, status, messages) {
    return { lead: `${subject} ${failurePhrase(status)}`, messages: reasons(messages) };
}
/**
 * Why a failing step fails the gate: its cause when the backend found one ("Certification failed:
 * …"), else its name and the messages of its most severe level.
 */
function stepFailureQuote(step) {
    return step.cause
        ? {
            lead: `${step.cause.subject} ${failurePhrase(step.status)}`,
            messages: [{ level: 'error', parts: [{ text: step.cause.text }] }]
        }
        : failureQuote(step.name, step.status, step.messages);
}
/** `displaycertify (Certification)`, or the name alone when the id adds nothing. */
function stepLabel(step) {
    return step.id === '' || step.id === step.name ? step.name : `${step.id} (${step.name})`;
}
/** The step the operation is at: the first running one, else the first waiting one. */
function currentStep(snapshot) {
    return (snapshot.steps.find((step) => step.status === 'running') ??
        snapshot.steps.find((step) => step.status === 'waiting'));
}
/** "Last status: running; step Certification running at 40%." */
function lastSeen(snapshot) {
    if (snapshot === undefined)
        return 'No status was received.';
    const status = `Last status: ${describeStatus(snapshot.status, snapshot.rawStatus)}`;
    const current = currentStep(snapshot);
    if (current === undefined)
        return `${status}.`;
    const progress = current.progress === undefined ? '' : ` at ${current.progress}%`;
    return `${status}; step ${current.name} ${describeStatus(current.status, current.rawStatus)}${progress}.`;
}
/** What the API sent beyond what the gate reads, counted. */
function unreadNote(unread) {
    const parts = [
        unread.steps === 0 ? '' : `${count(unread.steps, 'more step')}`,
        unread.messages === 0 ? '' : `${count(unread.messages, 'more message')}`
    ].filter(Boolean);
    return `The API sent ${parts.join(' and ')} than the gate reads (at most ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_STEPS_READ */ .Eq} steps and ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_MESSAGES_PER_LIST */ .j_} messages a list): those were not read.`;
}
function count(n, noun) {
    return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
/** Cuts text to `max` characters, marking the cut. */
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** A moment as people read it: to the second, in UTC, and saying so ("2026-11-30 15:40:12 UTC"). */
function formatTime(ms) {
    const date = new Date(ms);
    return Number.isNaN(date.getTime())
        ? ''
        : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}


/***/ }),

/***/ 8203:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ isFinished),
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
/** A status after which nothing more happens to the operation, job or step. */
function isFinished(status) {
    return (status === 'succeeded' || status === 'failed' || status === 'rejected' || status === 'canceled');
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
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5646);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);
// A request's share of the gate's deadline: one AbortSignal that fires when the time given is up
// or the run is stopped (SIGINT, SIGTERM). Every outgoing request carries one, so nothing waits
// past the gate's deadline and a signal ends every wait at once.


/** `ms` from now, and never past `parent` (the run's own signal). */
function budget(parent, ms) {
    const bounded = Math.max(0, Math.min(Math.floor(ms), _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_TIMER_MS */ ._o));
    const controller = new AbortController();
    const onParent = () => controller.abort(parent.reason);
    const timer = setTimeout(() => controller.abort(new DOMException('The budget ran out.', 'TimeoutError')), bounded);
    // The work it bounds keeps the process alive (a socket, a sleep), not the budget itself.
    timer.unref();
    const release = () => {
        clearTimeout(timer);
        parent.removeEventListener('abort', onParent);
    };
    controller.signal.addEventListener('abort', release, { once: true });
    if (parent.aborted)
        controller.abort(parent.reason);
    else
        parent.addEventListener('abort', onParent, { once: true });
    return { signal: controller.signal, ms: bounded, release };
}
/** Why a budget's signal fired, as the end of a sentence. */
function abortReason(budget) {
    const reason = budget.signal.reason;
    const timedOut = typeof reason === 'object' &&
        reason !== null &&
        reason.name === 'TimeoutError';
    return timedOut
        ? `no complete answer within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(budget.ms)}`
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
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5646);
// Turns HTML from an API (CPP's `messageHtml`, error pages) into text runs with htmlparser2: tags
// dropped, entities decoded, line breaks kept for block elements, and only http(s) links kept as
// links. Most text is plain sentences, so the parser (a third of the bundle's own weight) is loaded
// here, the first time markup is met.

let htmlparser2;
/** Markup or an entity: what only a parser can read. */
function hasMarkup(text) {
    return text.includes('<') || text.includes('&');
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
    // Plain text: its white space collapsed to one space, none at the ends (what collapse makes of it).
    if (!hasMarkup(html)) {
        const text = html.replace(/\s+/g, ' ').trim();
        return text === '' ? [] : [{ text }];
    }
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
                // A link longer than any real one is text only: its address would cost the summary
                // and the outputs what its words do not show.
                links.push(href !== undefined && href.length <= _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_LINK_CHARS */ .mm && isWebLink(href)
                    ? href
                    : undefined);
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
/* harmony export */   q5: () => (/* binding */ CORRELATION_HEADERS),
/* harmony export */   tN: () => (/* binding */ send)
/* harmony export */ });
/* unused harmony exports USER_AGENT, agentFor */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2779);
/* harmony import */ var _actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9783);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5646);
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8766);
// The one HTTP helper: a request bounded by its Budget over connect, headers and body, through the
// runner's proxy (@actions/http-client's agent), redirects never followed, bodies read safely, and
// the socket destroyed when the request is abandoned.






const USER_AGENT = `${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .ACTION_NAME */ .px}/${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .ACTION_VERSION */ .Yt}`;
/**
 * The headers by which Microsoft support finds a request in its logs: the CPP API's (Azure
 * Resource Manager's), then Microsoft Graph's, which hosts the Product Ingestion API.
 */
const CORRELATION_HEADERS = [
    'x-ms-correlation-request-id',
    'request-id',
    'client-request-id'
];
/** Sends one request; rejects on a network error, a dropped connection, or when the budget ends. */
async function send(request, budget) {
    const url = new URL(request.url);
    const agent = agentFor(url, budget);
    const transport = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__ : node_http__WEBPACK_IMPORTED_MODULE_0__;
    const headers = { ...request.headers, 'User-Agent': USER_AGENT };
    if (request.body !== undefined)
        headers['Content-Length'] = String(Buffer.byteLength(request.body));
    return new Promise((resolve, reject) => {
        const fail = (error) => reject(budget.signal.aborted
            ? new Error((0,_budget_js__WEBPACK_IMPORTED_MODULE_5__/* .abortReason */ .J)(budget))
            : error instanceof Error
                ? error
                : new Error(String(error)));
        const outgoing = transport.request({
            // An IPv6 literal comes bracketed from URL and must go to the socket without brackets.
            host: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
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
                correlationId: correlationIds(message),
                location: header(message, 'location'),
                operationLocation: header(message, 'operation-location')
            }), fail);
        });
        outgoing.on('error', fail);
        // As bytes: Node writes the headers in front of a string body in the body's encoding, so a
        // Latin-1 header value (a token with é) would go out as UTF-8 on a POST and as Latin-1 on a GET.
        outgoing.end(request.body === undefined ? undefined : Buffer.from(request.body, 'utf8'));
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
function correlationIds(message) {
    const ids = {};
    for (const name of CORRELATION_HEADERS) {
        const value = header(message, name);
        if (value !== undefined)
            ids[name] = value;
    }
    return Object.keys(ids).length === 0 ? undefined : ids;
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
/**
 * The agent the runner's proxy settings (https_proxy, http_proxy, no_proxy) choose, as
 * @actions/http-client chooses it: its tunnelling agent when a proxy applies, and otherwise a plain
 * one; never a kept-alive socket, since polls are a minute apart.
 */
function agentFor(url, budget) {
    if (budget.signal.aborted)
        throw new Error((0,_budget_js__WEBPACK_IMPORTED_MODULE_5__/* .abortReason */ .J)(budget));
    if (!(0,_actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_3__/* .getProxyUrl */ .s)(url)?.hostname) {
        return url.protocol === 'https:'
            ? new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ keepAlive: false })
            : new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: false });
    }
    return new _actions_http_client__WEBPACK_IMPORTED_MODULE_2__/* .HttpClient */ .Qq(USER_AGENT, [], { keepAlive: false }).getAgent(url.href);
}


/***/ }),

/***/ 4457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ parseJson),
/* harmony export */   x: () => (/* binding */ itemsSent)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5646);
// JSON from the network, read with bounded work. JSON.parse builds every value of a body, so a
// 10 MB answer of a million empty objects (or arrays nested five million deep) costs half a
// gigabyte and seconds of CPU before any cap can apply. This reader builds at most MAX_JSON_ITEMS
// items of an array or object, MAX_JSON_VALUES values in all and MAX_JSON_DEPTH levels; the rest
// is scanned (so the body must still be JSON) but not built, and an array records how many items
// it left out (itemsSent). Everything else reads as JSON.parse would. A body too small to reach
// any limit is read by JSON.parse itself, several times faster than this reader.

const LEFT_OUT = Symbol('items left out');
/** How many items the API sent in an array read by parseJson: what was built and what was not. */
function itemsSent(list) {
    const leftOut = list[LEFT_OUT];
    return list.length + (leftOut ?? 0);
}
const LIMITS = { depth: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_JSON_DEPTH */ .KX, items: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_JSON_ITEMS */ .jW, values: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_JSON_VALUES */ .H6 };
/** Parses `text` as JSON; throws a SyntaxError as JSON.parse does when it is not. */
function parseJson(text, limits = LIMITS) {
    const native = nativeWithin(text, limits);
    if (native !== undefined)
        return native.value;
    const reader = new Reader(text, limits);
    const value = reader.value(0);
    reader.end();
    return value;
}
/**
 * JSON.parse's value, when reading the text could not have met a limit; otherwise undefined, and
 * the reader decides (and words the SyntaxError of a text that is not JSON).
 */
function nativeWithin(text, limits) {
    // Every item of an array and every key of an object but the first comes after a comma, so with
    // fewer commas than `items` none reaches that limit (a repeated key included, which JSON.parse
    // would not show). Every value but the first comes after a comma or opens a bracket's first
    // item, so the text holds at most 1 + commas + brackets values, repeated keys' included: with
    // no more than `values`, the reader would build them all, and JSON.parse builds a few thousand
    // at most, however the text is shaped. Commas and brackets inside strings count too: that errs
    // safe.
    if (text.length > _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_NATIVE_JSON_CHARS */ .As)
        return undefined;
    const commas = occurrences(text, ',', limits.items);
    if (commas >= limits.items)
        return undefined;
    const brackets = occurrences(text, '[', limits.items) + occurrences(text, '{', limits.items);
    if (brackets >= limits.items || 1 + commas + brackets > limits.values)
        return undefined;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    // What the text's separators do not bound: how deep the value goes.
    const fits = (node, depth) => depth <= limits.depth &&
        (typeof node !== 'object' ||
            node === null ||
            (Array.isArray(node) ? node : Object.values(node)).every((child) => fits(child, depth + 1)));
    return fits(value, 0) ? { value } : undefined;
}
/** How many times `char` is in `text`, counted up to `limit`. */
function occurrences(text, char, limit) {
    let count = 0;
    for (let at = text.indexOf(char); at !== -1 && count < limit; at = text.indexOf(char, at + 1))
        count++;
    return count;
}
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = {
    '"': '"',
    '\\': '\\',
    '/': '/',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t'
};
class Reader {
    i = 0;
    built = 0;
    text;
    limits;
    constructor(text, limits) {
        this.text = text;
        this.limits = limits;
    }
    value(depth) {
        this.space();
        if (depth > this.limits.depth || this.built >= this.limits.values) {
            this.skip();
            return undefined;
        }
        this.built++;
        const char = this.text[this.i];
        if (char === '{')
            return this.object(depth);
        if (char === '[')
            return this.array(depth);
        if (char === '"')
            return this.string();
        return this.scalar();
    }
    end() {
        this.space();
        if (this.i < this.text.length)
            this.fail();
    }
    array(depth) {
        this.i++;
        const items = [];
        let leftOut = 0;
        this.space();
        if (this.text[this.i] === ']') {
            this.i++;
            return items;
        }
        for (;;) {
            if (items.length < this.limits.items)
                items.push(this.value(depth + 1));
            else {
                this.skip();
                leftOut++;
            }
            this.space();
            const next = this.text[this.i++];
            if (next === ']')
                break;
            if (next !== ',')
                this.fail(-1);
        }
        if (leftOut > 0)
            Object.defineProperty(items, LEFT_OUT, { value: leftOut });
        return items;
    }
    object(depth) {
        this.i++;
        const object = {};
        let keys = 0;
        this.space();
        if (this.text[this.i] === '}') {
            this.i++;
            return object;
        }
        for (;;) {
            this.space();
            if (this.text[this.i] !== '"')
                this.fail();
            const key = this.string();
            this.space();
            if (this.text[this.i++] !== ':')
                this.fail(-1);
            if (keys < this.limits.items) {
                // As JSON.parse does: an own property, even for "__proto__"; the last of a repeated key wins.
                Object.defineProperty(object, key, {
                    value: this.value(depth + 1),
                    enumerable: true,
                    writable: true,
                    configurable: true
                });
                keys++;
            }
            else
                this.skip();
            this.space();
            const next = this.text[this.i++];
            if (next === '}')
                break;
            if (next !== ',')
                this.fail(-1);
        }
        return object;
    }
    /**
     * A string: checked here, and decoded by JSON.parse when it holds an escape, in one flat piece
     * (a string of millions of escapes built piece by piece held a node per piece: ~100 MB for a
     * 10 MB answer).
     */
    string() {
        const { text } = this;
        const start = this.i++;
        let escaped = false;
        for (;;) {
            const code = text.charCodeAt(this.i);
            if (Number.isNaN(code))
                this.fail();
            if (code === 0x22)
                break;
            if (code < 0x20)
                this.fail();
            if (code !== 0x5c) {
                this.i++;
                continue;
            }
            escaped = true;
            const escape = text[this.i + 1];
            if (escape === 'u') {
                if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6)))
                    this.fail();
                this.i += 6;
            }
            else if (escape !== undefined && Object.hasOwn(ESCAPES, escape))
                this.i += 2;
            else
                this.fail();
        }
        this.i++;
        return escaped
            ? JSON.parse(text.slice(start, this.i))
            : text.slice(start + 1, this.i - 1);
    }
    scalar() {
        const { text } = this;
        for (const [word, value] of [
            ['true', true],
            ['false', false],
            ['null', null]
        ]) {
            if (text.startsWith(word, this.i)) {
                this.i += word.length;
                return value;
            }
        }
        NUMBER.lastIndex = this.i;
        const number = NUMBER.exec(text);
        if (number === null)
            this.fail();
        this.i += number[0].length;
        return Number(number[0]);
    }
    /** Passes over one value without building it, iteratively, whatever its depth. */
    skip() {
        const { text } = this;
        this.space();
        const first = text[this.i];
        if (first === '"') {
            this.string();
            return;
        }
        if (first !== '[' && first !== '{') {
            this.scalar();
            return;
        }
        let open = 0;
        do {
            const char = text[this.i];
            if (char === undefined)
                this.fail();
            if (char === '"') {
                this.string();
                continue;
            }
            if (char === '[' || char === '{')
                open++;
            else if (char === ']' || char === '}')
                open--;
            this.i++;
        } while (open > 0);
    }
    space() {
        const { text } = this;
        for (;;) {
            const code = text.charCodeAt(this.i);
            if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09)
                this.i++;
            else
                return;
        }
    }
    fail(offset = 0) {
        const at = this.i + offset;
        throw new SyntaxError(at >= this.text.length
            ? 'Unexpected end of JSON input'
            : `Unexpected token in JSON at position ${at}`);
    }
}


/***/ }),

/***/ 6543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $s: () => (/* binding */ withCorrelation),
/* harmony export */   BS: () => (/* binding */ transientHttpReason),
/* harmony export */   FI: () => (/* binding */ inertCorrelationIds),
/* harmony export */   Jq: () => (/* binding */ theApiSaid),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   tG: () => (/* binding */ httpFailure)
/* harmony export */ });
/* unused harmony exports correlationText, errorDetail */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5646);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8992);
/* harmony import */ var _html_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(408);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9663);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4457);
// The shared half of what the user reads when an API says no: the API's own words, excerpted, and
// the correlation ids for a support case (the one place that cleans and words them). Each backend words its HTTP answers itself
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
/** The message, then the correlation ids the answer carried, if any, in parentheses. */
function withCorrelation(message, ids) {
    const text = correlationText(ids);
    return text === '' ? message : `${message} (${text})`;
}
/** `x-ms-correlation-request-id: …, request-id: …, client-request-id: …`, naming those present. */
function correlationText(ids) {
    if (ids === undefined)
        return '';
    return _http_js__WEBPACK_IMPORTED_MODULE_2__/* .CORRELATION_HEADERS */ .q5.filter((name) => ids[name])
        .map((name) => `${name}: ${ids[name]}`)
        .join(', ');
}
/**
 * Correlation ids as the server sent them, made safe to quote: the run's secrets hidden first (so
 * that no cut keeps part of one), control characters as spaces (a newline could start a workflow
 * command), and each capped. An id with nothing left is dropped.
 */
function inertCorrelationIds(ids, redact) {
    if (ids === undefined)
        return undefined;
    const inert = {};
    for (const name of _http_js__WEBPACK_IMPORTED_MODULE_2__/* .CORRELATION_HEADERS */ .q5) {
        const value = ids[name];
        const text = value === undefined ? '' : (0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .controlsAsSpaces */ .m)(redact(value)).trim();
        if (text !== '')
            inert[name] = capped(text);
    }
    return Object.keys(inert).length === 0 ? undefined : inert;
}
/** Cut at MAX_CORRELATION_ID_CHARS, never between the two halves of a surrogate pair. */
function capped(text) {
    if (text.length <= _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_CORRELATION_ID_CHARS */ .F8)
        return text;
    let end = _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_CORRELATION_ID_CHARS */ .F8;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end--;
    return `${text.slice(0, end)}…`;
}
/** `{error:{code,message}}` when the body has it, else a trimmed excerpt of whatever came back. */
async function errorDetail(response) {
    const body = response.body.trim();
    if (body === '')
        return '';
    let parsed;
    try {
        parsed = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .q)(body);
    }
    catch {
        const isHtml = /html/i.test(response.contentType) || /^<(!doctype|html)/i.test(body);
        if (!isHtml)
            return excerpt(body);
        return excerpt((await (0,_html_text_js__WEBPACK_IMPORTED_MODULE_1__/* .htmlToParts */ .tK)(body)).map((part) => part.text).join(' '));
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
    return flat.length > _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_EXCERPT_CHARS */ .lw ? `${flat.slice(0, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .ERROR_EXCERPT_CHARS */ .lw)}…` : flat;
}
function field(value, name) {
    return typeof value === 'object' && value !== null
        ? value[name]
        : undefined;
}


/***/ }),

/***/ 8992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ hasControlCharacter),
/* harmony export */   Nx: () => (/* binding */ capital),
/* harmony export */   m: () => (/* binding */ controlsAsSpaces),
/* harmony export */   q$: () => (/* binding */ isHttpUrl)
/* harmony export */ });
// Checks on text that the inputs and both backends share. Control characters (Unicode's
// General_Category Cc: U+0000 to U+001F and U+007F to U+009F), which no input and no short field
// from an API may carry, are written as a range rather than as \p{Cc}: V8 looks a property escape
// up in its Unicode tables as it parses the literal, and each such literal cost every start about
// 0.1 ms whether it ran or not.
/* eslint-disable no-control-regex -- control characters are what these find */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_RUNS = /[\u0000-\u001f\u007f-\u009f]+/g;
/* eslint-enable no-control-regex */
function hasControlCharacter(text) {
    return CONTROL.test(text);
}
/** Whether the text starts with http:// or https://, in any case (a location given as a URL). */
function isHttpUrl(text) {
    const head = text.slice(0, 8).toLowerCase();
    return head.startsWith('https://') || head.startsWith('http://');
}
/** Each run of control characters as one space. */
function controlsAsSpaces(text) {
    return hasControlCharacter(text) ? text.replace(CONTROL_RUNS, ' ') : text;
}
/** The text with its first letter in capitals, to start a sentence with it. */
function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}


/***/ })

};

//# sourceMappingURL=614.index.js.map