export const id = 446;
export const ids = [446];
export const modules = {

/***/ 7446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  productIngestionBackend: () => (/* binding */ productIngestionBackend)
});

// EXTERNAL MODULE: ./src/constants.ts + 1 modules
var constants = __webpack_require__(5646);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/backends/product-ingestion/location.ts
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
    const durable = DURABLE_PRODUCT.exec(value);
    if (durable)
        return { ok: true, value: { kind: 'durable', productId: `product/${durable[1]}` } };
    if (EXTERNAL_ID.test(value))
        return { ok: true, value: { kind: 'external', externalId: value } };
    return {
        ok: false,
        expected: 'the offer id as typed in Partner Center (3 to 50 letters, digits, - or _), or its durable id product/<guid>'
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
    if (!operation.isWellFormed() || (0,src_text/* hasControlCharacter */.Fd)(operation))
        return { ok: false, expected };
    if (!operation.startsWith('/') && !(0,src_text/* isHttpUrl */.q$)(operation)) {
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
function productLookupUrl(baseUrl, externalId, apiVersion) {
    return `${baseUrl}/product?externalId=${encodeURIComponent(externalId)}&${version(apiVersion)}`;
}
/** The product's active submissions; the path takes the bare GUID of `product/<guid>`. */
function submissionsUrl(baseUrl, productId, apiVersion) {
    const guid = productId.replace(/^product\//i, '');
    return `${baseUrl}/submission/${encodeURIComponent(guid)}?${version(apiVersion)}`;
}

// EXTERNAL MODULE: ./src/gate/verdict.ts
var verdict = __webpack_require__(5950);
;// CONCATENATED MODULE: ./src/backends/product-ingestion/ready.ts
// What `wait-for: preview` and `wait-for: live` mean for the Product Ingestion API, read from the
// normalized steps: `preview` and `live` carry their submission's durable id as their reference.
// With a job watched, nothing is ready before the job succeeded: submissions read earlier may be
// an earlier publish's.

/**
 * The preview submission is completed/succeeded: ready for go-live (or live already: after a
 * go-live job only the live step is the job's, and it stands for the preview too).
 */
function preview(snapshot) {
    const found = succeeded(snapshot, 'preview');
    const liveStep = (0,verdict/* findStep */.M)(snapshot, 'live');
    if (found === undefined) {
        return live(snapshot) === undefined
            ? undefined
            : `The preview submission ${liveStep?.reference ?? ''} is live already.`;
    }
    return liveStep?.reference === found.reference
        ? `The preview submission ${found.reference} is live already.`
        : `The preview is ready for go-live: submission ${found.reference} is completed (succeeded).`;
}
/**
 * The live submission is completed/succeeded and is the preview's (after a go-live one submission
 * stands for both): a newer preview that is not live yet keeps the gate waiting.
 */
function live(snapshot) {
    const found = succeeded(snapshot, 'live');
    if (found === undefined)
        return undefined;
    const newer = (0,verdict/* findStep */.M)(snapshot, 'preview')?.reference;
    if (newer !== undefined && newer !== found.reference)
        return undefined;
    return `The offer is live: submission ${found.reference} is completed (succeeded) on live.`;
}
/**
 * `wait-for: auto`: what was published is done. A configure job (a preview or a live publish)
 * is done when it succeeded and its submission is (live first: after a go-live the preview stands
 * for both); without a job, the submissions are done when the preview is ready or all is live.
 */
function auto(snapshot) {
    const done = live(snapshot) ?? preview(snapshot);
    if (done !== undefined)
        return done;
    return (0,verdict/* findStep */.M)(snapshot, 'job')?.status === 'succeeded'
        ? 'The configure job succeeded.'
        : undefined;
}
const productIngestionReadyRules = { auto, preview, live };
/** The target's step when its own submission succeeded, and any job watched succeeded too. */
function succeeded(snapshot, target) {
    const job = (0,verdict/* findStep */.M)(snapshot, 'job');
    if (job !== undefined && job.status !== 'succeeded')
        return undefined;
    const step = (0,verdict/* findStep */.M)(snapshot, target);
    if (step?.status !== 'succeeded' || step.reference === undefined)
        return undefined;
    return { ...step, reference: step.reference };
}

// EXTERNAL MODULE: ./src/model/describe.ts
var describe = __webpack_require__(1872);
// EXTERNAL MODULE: ./src/model/status.ts
var model_status = __webpack_require__(8203);
;// CONCATENATED MODULE: ./src/backends/product-ingestion/spellings.ts
// How the Product Ingestion API spells the state of a configure job (`jobStatus`, `jobResult`)
// and of a submission (`status`, `result`): camelCase in samples, PascalCase in the private-offer
// tables, `Running` listed as a result, `cancelled` with two Ls. Compared by spellingKey, so case,
// spaces, `_` and `-` do not matter.

const PROGRESS = {
    notstarted: 'notStarted',
    running: 'running',
    completed: 'completed'
};
const RESULT = {
    pending: 'pending',
    // The private-offer docs list `Running` among the results: it can only mean "not yet".
    running: 'pending',
    succeeded: 'succeeded',
    failed: 'failed',
    cancelled: 'canceled',
    canceled: 'canceled'
};
function lookup(table, raw) {
    const key = (0,model_status/* spellingKey */.iB)(raw);
    return Object.hasOwn(table, key) ? table[key] : undefined;
}
/**
 * One state from the pair: the progress decides until it is `completed`, then the result does.
 * A completed job or submission whose result is not in yet (pending, or none) is still running.
 * Any value not in the tables makes the state unknown: the gate keeps polling and warns.
 */
function stateOf(rawProgress, rawResult) {
    const progress = rawProgress === '' ? undefined : lookup(PROGRESS, rawProgress);
    const result = rawResult === '' ? undefined : lookup(RESULT, rawResult);
    if (rawProgress !== '' && progress === undefined) {
        return { status: 'unknown', rawStatus: rawProgress };
    }
    if (rawResult !== '' && result === undefined)
        return { status: 'unknown', rawStatus: rawResult };
    const rawStatus = [rawProgress, rawResult].filter(Boolean).join('/');
    if (progress === 'notStarted' || progress === 'running')
        return { status: progress, rawStatus };
    if (progress === undefined && result === undefined)
        return { status: 'unknown', rawStatus };
    // Completed, or no progress at all: the result decides.
    if (result === undefined || result === 'pending')
        return { status: 'running', rawStatus };
    return { status: result, rawStatus };
}
/** A target type (`preview`, `Live`\u2026) in one spelling, so that targets compare. */
function targetOf(raw) {
    return (0,model_status/* spellingKey */.iB)(raw);
}

;// CONCATENATED MODULE: ./src/backends/product-ingestion/normalize.ts
// The one boundary where Product Ingestion JSON becomes typed records (a job, submissions, a
// product) and those become a Snapshot. Objects or one-element arrays, lists bare or in `value`,
// field names in any case (`jobId`/`jobID`), `0001-01-01\u2026` dates as absent, ids kept as the exact
// strings they are (submission numbers pass 2^53), error trees capped.




/** A body that parsed as JSON but is not what the call answers: retried like a failed request. */
class UnexpectedBodyError extends Error {
}
// ---- Raw JSON to records --------------------------------------------------------------------
/** GET /configure/{jobId}/status (and POST /configure's answer). */
function parseJob(body) {
    const job = Array.isArray(body) ? body[0] : body;
    if (!isObject(job)) {
        throw new UnexpectedBodyError(`${normalize_describe(body)}, not a configure job's status`);
    }
    const rawProgress = normalize_text(field(job, 'jobStatus')) ?? '';
    const rawResult = normalize_text(field(job, 'jobResult')) ?? '';
    if (rawProgress === '' && rawResult === '') {
        throw new UnexpectedBodyError('an object without jobStatus or jobResult, not a job status');
    }
    const cut = { nodes: 0, cut: false };
    const errors = errorNodes(field(job, 'errors'), 0, cut);
    const start = date(field(job, 'jobStart'));
    const end = date(field(job, 'jobEnd'));
    return {
        id: normalize_text(field(job, 'jobId')) ?? '',
        state: stateOf(rawProgress, rawResult),
        ...(start === undefined ? {} : { start }),
        ...(end === undefined ? {} : { end }),
        errors,
        errorsCut: cut.cut
    };
}
/** GET /submission/{productGuid}: `{value: [...]}` or a bare array; entries without an id or target are skipped. */
function parseSubmissions(body) {
    return list(body, 'submissions').flatMap((item) => {
        if (!isObject(item))
            return [];
        const id = normalize_text(field(item, 'id'));
        const target = field(item, 'target');
        const targetType = isObject(target) ? normalize_text(field(target, 'targetType')) : normalize_text(target);
        // An id that is not a submission id is not one: it never reaches an output or the summary.
        if (id === undefined || targetType === undefined || !isSubmissionId(id))
            return [];
        const created = date(field(item, 'created'));
        return [
            {
                id,
                target: targetOf(targetType),
                state: stateOf(normalize_text(field(item, 'status')) ?? '', normalize_text(field(item, 'result')) ?? ''),
                ...(created === undefined ? {} : { created })
            }
        ];
    });
}
/** GET /product?externalId=\u2026: the products found (none when the offer id is unknown). */
function parseProducts(body) {
    return list(body, 'products').flatMap((item) => {
        if (!isObject(item))
            return [];
        const id = normalize_text(field(item, 'id'));
        if (id === undefined || !isProductId(id))
            return [];
        const identity = field(item, 'identity');
        const externalId = isObject(identity) ? normalize_text(field(identity, 'externalId')) : undefined;
        return [{ id, ...(externalId === undefined ? {} : { externalId }) }];
    });
}
function errorNodes(value, depth, budget) {
    const nodes = [];
    for (const item of Array.isArray(value) ? value : []) {
        if (budget.nodes >= constants/* MAX_ERROR_NODES */.ez) {
            budget.cut = true;
            break;
        }
        const node = errorNode(item, depth, budget);
        if (node !== undefined)
            nodes.push(node);
    }
    return nodes;
}
function errorNode(item, depth, budget) {
    // An error given as a bare string is its message.
    const error = typeof item === 'string' ? { message: item } : item;
    if (!isObject(error))
        return undefined;
    const code = normalize_text(field(error, 'code')) ?? '';
    const message = longText(field(error, 'message'), constants/* MAX_ERROR_MESSAGE_CHARS */.IQ) ?? '';
    const resourceId = normalize_text(field(error, 'resourceId'));
    const under = field(error, 'details');
    const hasDetails = Array.isArray(under) && under.length > 0;
    if (code === '' && message === '' && resourceId === undefined && !hasDetails)
        return undefined;
    budget.nodes++;
    // Bounded recursion: a tree nested deeper than any real one is cut, not followed.
    if (hasDetails && depth + 1 >= constants/* MAX_ERROR_DEPTH */.iV)
        budget.cut = true;
    const details = depth + 1 >= constants/* MAX_ERROR_DEPTH */.iV ? [] : errorNodes(under, depth + 1, budget);
    return { code, message, ...(resourceId === undefined ? {} : { resourceId }), details };
}
// ---- Error trees ----------------------------------------------------------------------------
/** The errors that have none under them, in order. */
function leaves(nodes) {
    return nodes.flatMap((node) => (node.details.length === 0 ? [node] : leaves(node.details)));
}
/**
 * A certification failure: an `invalidState` error whose message mentions certification, at any
 * depth (the service nests it under a generic one). Returns its innermost message.
 */
function certificationFailure(nodes) {
    for (const node of nodes) {
        if ((0,model_status/* spellingKey */.iB)(node.code) === 'invalidstate' && /certification/i.test(node.message)) {
            const innermost = leaves([node])
                .map((leaf) => leaf.message)
                .filter((message) => message !== '');
            return innermost.length > 0 ? innermost.join(' ') : node.message;
        }
        const found = certificationFailure(node.details);
        if (found !== undefined)
            return found;
    }
    return undefined;
}
/** The durable product ids the errors' resource ids name (`product/<g>`, `submission/<g>/\u2026`\u2026). */
function namedProducts(nodes) {
    const found = new Set();
    const visit = (each) => {
        for (const node of each) {
            const match = /^(?:product|submission|plan)\/([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})(?:\/|$)/i.exec(node.resourceId ?? '');
            if (match)
                found.add(`product/${match[1].toLowerCase()}`);
            visit(node.details);
        }
    };
    visit(nodes);
    return [...found];
}
function leafMessage(node) {
    const said = [node.code, node.message].filter(Boolean).join(': ');
    const text = node.resourceId === undefined ? said : `${said} (${node.resourceId})`;
    return { level: 'error', parts: [{ text }] };
}
const TARGETS = [
    { target: 'preview', name: 'Preview' },
    { target: 'live', name: 'Live' }
];
const CERTIFICATION_NOTE = "The certification report is e-mailed to the account's seller contact: the Product Ingestion API does not expose it.";
const SUBMISSION_FAILED_NOTE = "The Product Ingestion API does not say why a submission failed: the certification report, if there is one, is e-mailed to the account's seller contact.";
function snapshotOf(view) {
    const { job } = view;
    const steps = [];
    const notes = [];
    if (job) {
        const certification = job.state.status === 'failed' ? certificationFailure(job.errors) : undefined;
        steps.push({
            id: 'job',
            name: 'Configure job',
            status: job.state.status,
            rawStatus: job.state.rawStatus,
            messages: leaves(job.errors).map(leafMessage),
            ...(certification === undefined
                ? {}
                : { cause: { subject: 'Certification', text: certification } })
        });
        if (certification !== undefined)
            notes.push(CERTIFICATION_NOTE);
        if (job.errorsCut) {
            notes.push(`The job's error tree is larger than the gate keeps (${constants/* MAX_ERROR_NODES */.ez} errors, ${constants/* MAX_ERROR_DEPTH */.iV} levels): the errors output and the list below hold the first ones.`);
        }
    }
    const targets = TARGETS.map(({ target, name }) => targetStep(target, name, pick(view.submissions, target), job, view.firstSeen ?? []));
    steps.push(...targets);
    if (!notes.includes(CERTIFICATION_NOTE) && targets.some((step) => isFailing(step.status))) {
        notes.push(SUBMISSION_FAILED_NOTE);
    }
    const overall = job ? job.state : submissionsState(targets);
    const submissionId = targets[0].reference ?? targets[1].reference;
    const facts = [
        { name: 'product-id', label: 'Product', value: view.productId },
        ...(submissionId === undefined
            ? []
            : [{ name: 'submission-id', label: 'Submission', value: submissionId }]),
        ...(job?.start === undefined
            ? []
            : [{ name: 'job-start', label: 'Job started', value: job.start }]),
        ...(job?.end === undefined ? [] : [{ name: 'job-end', label: 'Job ended', value: job.end }])
    ];
    return {
        status: overall.status,
        rawStatus: overall.rawStatus,
        steps,
        messages: [],
        previewLinks: [],
        liveLinks: [],
        facts,
        ...(job ? { errors: job.errors } : {}),
        ...(notes.length === 0 ? {} : { notes })
    };
}
/**
 * The submission a target stands for: the one in progress if any (SUSE saw two `live` entries
 * during a go-live), else the most recently created, else the last listed.
 */
function pick(submissions, target) {
    const entries = submissions.filter((each) => each.target === target);
    const inProgress = entries.filter((each) => isInProgress(each.state.status));
    const pool = inProgress.length > 0 ? inProgress : entries;
    return pool.reduce((newest, each) => (newest === undefined || created(each) >= created(newest) ? each : newest), undefined);
}
/**
 * A target's step. With a job watched, a submission that is already over while the job is not,
 * that failed while the job succeeded, or that the job left as it found it, is an earlier
 * publish's: it neither passes nor fails this gate, and shows as not started with a message
 * saying whose it is.
 */
function targetStep(target, name, submission, job, firstSeen) {
    if (submission === undefined) {
        return { id: target, name, status: 'notStarted', rawStatus: '', messages: [] };
    }
    const { status, rawStatus } = submission.state;
    const jobOver = job !== undefined && (0,model_status/* isFinished */.$g)(job.state.status);
    const untouched = firstSeen.some((seen) => seen.id === submission.id &&
        seen.target === submission.target &&
        seen.state.rawStatus === rawStatus &&
        (0,model_status/* isFinished */.$g)(seen.state.status));
    const earlier = job !== undefined &&
        (0,model_status/* isFinished */.$g)(status) &&
        (!jobOver || untouched || (isFailing(status) && job.state.status === 'succeeded'));
    if (earlier) {
        return {
            id: target,
            name,
            status: 'notStarted',
            rawStatus,
            messages: [
                {
                    level: 'information',
                    parts: [
                        {
                            text: `Submission ${submission.id} (${rawStatus}) is from an earlier publish, not this configure job's.`
                        }
                    ]
                }
            ]
        };
    }
    return {
        id: target,
        name,
        status,
        rawStatus,
        reference: submission.id,
        messages: isFailing(status)
            ? [{ level: 'error', parts: [{ text: `Submission ${submission.id}: ${rawStatus}.` }] }]
            : []
    };
}
/**
 * Without a job: the most advanced submission still going (live before preview); else a failed
 * or canceled one; else succeeded once any has; not started when there is none.
 */
function submissionsState(steps) {
    const [preview, live] = steps;
    const byOrder = [live, preview];
    const found = byOrder.find((step) => isInProgress(step.status) && step.rawStatus !== '') ??
        byOrder.find((step) => isFailing(step.status)) ??
        byOrder.find((step) => step.status === 'unknown') ??
        byOrder.find((step) => step.status === 'succeeded');
    return found === undefined
        ? { status: 'notStarted', rawStatus: '' }
        : { status: found.status, rawStatus: found.rawStatus };
}
function isInProgress(status) {
    return status === 'running' || status === 'notStarted';
}
function isFailing(status) {
    return status === 'failed' || status === 'canceled';
}
function created(submission) {
    const time = submission.created === undefined ? Number.NaN : Date.parse(submission.created);
    return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}
// ---- JSON helpers ---------------------------------------------------------------------------
/** A field by name in any case: the docs spell `jobId` and `jobID`, `externalId` and `externalID`. */
function field(record, name) {
    if (Object.hasOwn(record, name))
        return record[name];
    const lower = name.toLowerCase();
    const key = Object.keys(record).find((each) => each.toLowerCase() === lower);
    return key === undefined ? undefined : record[key];
}
/** A list answer: a bare array, or an object with `value` (Graph's paging envelope). */
function list(body, what) {
    if (Array.isArray(body))
        return body;
    const value = isObject(body) ? field(body, 'value') : undefined;
    if (Array.isArray(value))
        return value;
    throw new UnexpectedBodyError(`${normalize_describe(body)}, not a list of ${what}`);
}
/** `0001-01-01\u2026` is how the API writes "not yet": absent. */
function date(value) {
    const found = normalize_text(value);
    return found === undefined || /^0001-01-01/.test(found) ? undefined : found;
}
/** A short field: one line, no control characters, capped; numbers are accepted as text. */
function normalize_text(value) {
    return longText(value, constants/* MAX_FIELD_CHARS */.AP)?.replace(/\s+/g, ' ');
}
/** A free text kept to `max` characters; line breaks survive, other control characters do not. */
function longText(value, max) {
    const string = (typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '')
        .replace(/[^\P{Cc}\n]+/gu, ' ')
        .trim();
    if (string === '')
        return undefined;
    return string.length > max ? `${string.slice(0, max)}\u2026` : string;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function normalize_describe(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return `a ${typeof value}`;
}

;// CONCATENATED MODULE: ./src/backends/product-ingestion/watcher.ts
// One Product Ingestion poll: the offer's product (resolved once), then the configure job's status
// (one request per poll while it runs), or the product's submissions. The submissions are read
// when the job is first seen (to name the product's preview and live submissions) and when it is
// over, not on every poll: at the default minute that is at most 61 requests an hour. A job over
// while the wait goes on (wait-for live after a preview publish) is not asked again: from then on
// each poll reads the submissions.




/** Where the configure requests' schemas live (the azureedge host is gone since 2025). */
const SCHEMA = 'https://schema.mp.microsoft.com/schema';
/**
 * The submission resource's schema version: later ones require `sources`, which a publish of the
 * whole draft does not name (Red Hat's cloudpub pins this one for the same reason).
 */
const SUBMISSION_SCHEMA = `${SCHEMA}/submission/2022-03-01-preview2`;
const CONFIGURE_SCHEMA = `${SCHEMA}/configure/2022-03-01-preview2`;
/** What the API answers when a publish is already in progress, or the preview is not the latest. */
const CONFLICT = /an in progress submission already exists|cannot be pushed to as its not the latest/i;
class ProductIngestionWatcher {
    settings;
    deps;
    productId;
    externalId;
    job;
    submissions = [];
    /** The submissions when the job was first seen, once known to be from before its end. */
    firstSeen = [];
    /**
     * The submissions read on first sight, until a later status still shows the job running: the
     * job may end between its status call and the submissions call, and a list read after its end
     * is no starting point.
     */
    unconfirmed;
    /** The submissions were read while the job was watched (on first sight). */
    seen = false;
    /** The job is over and its submissions were read after that: the job is not asked again. */
    jobOver = false;
    warnedOtherProduct = false;
    /** What is watched: the job given or started, or the submissions (given, or found running). */
    target;
    /** With `start`, until it has started (or found) what to watch. */
    starting;
    started;
    /** A POST of this run failed in transit: a submission found running now may be its. */
    postFailed = false;
    constructor(settings, deps) {
        this.settings = settings;
        this.deps = deps;
        this.target = settings.target;
        this.starting = settings.start;
        const { offer } = settings;
        this.productId = offer.kind === 'durable' ? offer.productId : undefined;
        this.externalId = offer.kind === 'external' ? offer.externalId : '';
    }
    get operationId() {
        return this.target.kind === 'job' ? this.target.jobId : '';
    }
    get start() {
        return this.started;
    }
    async poll(budget) {
        const product = await this.product(budget);
        if (product.kind !== 'ok')
            return product;
        const productId = product.value;
        if (this.starting !== undefined) {
            const begun = await this.begin(this.starting, productId, budget);
            if (begun.kind !== 'ok')
                return begun;
            if (begun.value !== undefined)
                return { kind: 'ok', value: begun.value };
        }
        const { target } = this;
        if (target.kind === 'job' && !this.jobOver) {
            const job = await this.read(jobStatusUrl(this.settings.baseUrl, target.jobId, this.settings.apiVersion), budget, parseJob);
            if (job.kind !== 'ok')
                return job;
            this.job = job.value;
            this.checkProduct(job.value, productId);
            const over = (0,model_status/* isFinished */.$g)(job.value.state.status);
            if (this.unconfirmed !== undefined && !over)
                this.firstSeen = this.unconfirmed;
            this.unconfirmed = undefined;
            if (!this.seen || over) {
                const read = await this.readSubmissions(productId, budget);
                if (read.kind !== 'ok')
                    return read;
                if (!this.seen) {
                    this.describeFirstSight(productId);
                    if (!over)
                        this.unconfirmed = this.submissions;
                }
                this.seen = true;
                this.jobOver = over;
            }
        }
        else {
            const read = await this.readSubmissions(productId, budget);
            if (read.kind !== 'ok')
                return read;
        }
        return {
            kind: 'ok',
            value: snapshotOf({
                productId,
                submissions: this.submissions,
                firstSeen: this.firstSeen,
                ...(this.job === undefined ? {} : { job: this.job })
            })
        };
    }
    /**
     * Starts what `start` asks for, unless a publish of the product is already running (then its
     * submissions are watched instead: never two publishes). A go-live needs a preview that
     * succeeded. The answer's jobId is the job to watch. A refusal with an error tree comes back as
     * a failed configure job's snapshot, its errors shown as for any failed job.
     */
    async begin(kind, productId, budget) {
        const listed = await this.readSubmissions(productId, budget);
        if (listed.kind !== 'ok')
            return listed;
        const running = this.runningSubmission();
        // A go-live while the preview publish is still running is too early, not a publish to attach to.
        if (running !== undefined && (kind === 'preview' || running.target === 'live')) {
            return this.attach(running);
        }
        const preview = this.submissions.find((each) => each.target === 'preview');
        const live = this.submissions.find((each) => each.target === 'live');
        if (kind === 'live') {
            if (preview === undefined || preview.state.status !== 'succeeded') {
                return {
                    kind: 'fatal',
                    message: `start: live needs a preview that is ready, and the preview of ${productId} is not: ${preview === undefined ? 'the product has no preview submission' : `submission ${preview.id} is ${preview.state.rawStatus || 'without a status'}`}. ${preview !== undefined && (preview.state.status === 'running' || preview.state.status === 'notStarted') ? 'Wait until it is ready (wait-for: preview), then go live' : 'Publish to preview first (start: preview) and wait until it is ready'}; nothing was posted.`
                };
            }
            if (live?.id === preview.id) {
                this.starting = undefined;
                this.target = { kind: 'submissions' };
                this.started = {
                    started: false,
                    note: `The preview submission ${preview.id} is live already: nothing to go live with. Watching the submissions of ${productId}.`,
                    link: partnerCenterLink(productId)
                };
                this.deps.info(this.started.note);
                return { kind: 'ok', value: undefined };
            }
        }
        const what = kind === 'preview' ? 'a publish to preview' : 'a go-live';
        const posted = await this.deps.client.request('POST', configureUrl(this.settings.baseUrl, this.settings.apiVersion), {
            $schema: CONFIGURE_SCHEMA,
            resources: [
                {
                    $schema: SUBMISSION_SCHEMA,
                    ...(kind === 'live' && preview !== undefined ? { id: preview.id } : {}),
                    product: productId,
                    target: { targetType: kind }
                }
            ]
        }, budget);
        if (posted.kind === 'transient') {
            this.postFailed = true;
            return posted;
        }
        if (posted.kind === 'fatal') {
            if (CONFLICT.test(`${posted.detail ?? ''} ${safeText(posted.body)}`)) {
                // Another publish won the race since the look-up: watch it instead.
                const again = await this.readSubmissions(productId, budget);
                if (again.kind !== 'ok')
                    return again;
                const now = this.runningSubmission();
                if (now !== undefined)
                    return this.attach(now);
                return {
                    kind: 'transient',
                    reason: `the API says a publish is already in progress (${posted.detail ?? ''}), but the submissions do not show it yet`
                };
            }
            return this.refused(what, posted, productId);
        }
        const body = posted.value.body;
        const jobId = jobIdOf(body);
        if (!watcher_GUID.test(jobId)) {
            return {
                kind: 'fatal',
                message: `The Product Ingestion API accepted ${what} (HTTP ${posted.value.status}) but its answer names no configure job the gate can watch (jobId "${jobId.slice(0, 100)}"). Look for the submission in Partner Center before starting another.`
            };
        }
        this.starting = undefined;
        this.target = { kind: 'job', jobId };
        this.started = {
            started: true,
            note: `Started ${what} of ${productId} at ${(0,describe/* formatTime */.fU)(this.wall())}: configure job ${jobId}${kind === 'live' && preview !== undefined ? `, taking preview submission ${preview.id} live` : ''}.`,
            link: partnerCenterLink(productId)
        };
        this.deps.info(this.started.note);
        return { kind: 'ok', value: undefined };
    }
    /** A preview or live submission still in progress: a publish of the product is running. */
    runningSubmission() {
        return this.submissions.find((each) => (each.target === 'preview' || each.target === 'live') &&
            (each.state.status === 'running' || each.state.status === 'notStarted'));
    }
    attach(running) {
        this.starting = undefined;
        this.target = { kind: 'submissions' };
        const maybeOurs = this.postFailed
            ? " (it may be the one this run's own request started: that request's answer was lost)"
            : '';
        this.started = {
            started: false,
            note: `A publish was already running: watching it instead of starting another. Submission ${running.id} to ${running.target} is ${running.state.rawStatus}${maybeOurs}, found at ${(0,describe/* formatTime */.fU)(this.wall())}.`,
            link: partnerCenterLink(running.id.replace(/^submission\/([^/]+)\/.*$/, 'product/$1'))
        };
        this.deps.info(this.started.note);
        return { kind: 'ok', value: undefined };
    }
    /** A 4xx to the publish: its error tree, when it has one, shown as a failed job's. */
    refused(what, posted, productId) {
        const error = isRecord(posted.body) ? posted.body.error : undefined;
        if (posted.status === undefined || posted.status >= 500 || !isRecord(error))
            return posted;
        this.starting = undefined;
        this.started = {
            started: false,
            note: `The Product Ingestion API refused ${what} (HTTP ${posted.status}): nothing was started. Its errors are below.`,
            link: partnerCenterLink(productId)
        };
        this.deps.info(this.started.note);
        const job = parseJob({ jobStatus: 'completed', jobResult: 'failed', errors: [error] });
        return {
            kind: 'ok',
            value: snapshotOf({ productId, submissions: this.submissions, firstSeen: [], job })
        };
    }
    wall() {
        return this.deps.wall?.() ?? Date.now();
    }
    /** The durable product id: given, or looked up by the offer's external id once per run. */
    async product(budget) {
        if (this.productId !== undefined)
            return { kind: 'ok', value: this.productId };
        const { baseUrl, apiVersion } = this.settings;
        const { externalId } = this;
        const found = await this.read(productLookupUrl(baseUrl, externalId, apiVersion), budget, parseProducts);
        if (found.kind !== 'ok')
            return found;
        // The lookup matches the external id; prefer an exact echo of it when several come back.
        const wanted = externalId.toLowerCase();
        const product = found.value.find((each) => each.externalId?.toLowerCase() === wanted) ?? found.value[0];
        if (product === undefined) {
            return {
                kind: 'fatal',
                message: `offer-id "${externalId}": the Product Ingestion API knows no product with this offer id (GET /product?externalId answered an empty list). Check the offer id as Partner Center shows it, and that the Azure AD application is added to that offer's Partner Center account. Offers published through the Cloud Partner Portal are not Partner Center products: gate them with api: cpp.`
            };
        }
        this.productId = product.id;
        this.deps.info(`Offer ${externalId} is ${product.id}.`);
        return { kind: 'ok', value: product.id };
    }
    async readSubmissions(productId, budget) {
        const read = await this.read(submissionsUrl(this.settings.baseUrl, productId, this.settings.apiVersion), budget, parseSubmissions);
        if (read.kind !== 'ok')
            return read;
        this.submissions = read.value;
        return { kind: 'ok', value: undefined };
    }
    /** One GET, its body parsed; a body that is JSON but not the answer expected is retried. */
    async read(url, budget, parse) {
        const fetched = await this.deps.client.getJson(url, budget);
        if (fetched.kind !== 'ok')
            return fetched;
        try {
            return { kind: 'ok', value: parse(fetched.value) };
        }
        catch (error) {
            if (!(error instanceof UnexpectedBodyError))
                throw error;
            return { kind: 'transient', reason: `the API answered with ${error.message}` };
        }
    }
    describeFirstSight(productId) {
        const entries = this.submissions
            .filter((each) => each.target === 'preview' || each.target === 'live')
            .map((each) => `${each.target} ${each.id} (${each.state.rawStatus || 'no status'})`);
        this.deps.info(`The submissions of ${productId} when the job was first seen: ${entries.length === 0 ? 'none for preview or live' : entries.join('; ')}.`);
    }
    /** A job of another product is still watched; the log says whose it is, once, when it can tell. */
    checkProduct(job, productId) {
        if (this.warnedOtherProduct)
            return;
        const others = namedProducts(job.errors).filter((each) => each !== productId.toLowerCase());
        if (others.length === 0)
            return;
        this.warnedOtherProduct = true;
        this.deps.info(`Configure job ${this.operationId} names ${others.join(', ')} in its errors, not ${productId} (offer-id): it is watched all the same.`);
    }
}
const watcher_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The configure job's id in an answer: `jobId`, or `jobID` as some samples spell it. */
function jobIdOf(body) {
    const record = Array.isArray(body) ? body[0] : body;
    if (!isRecord(record))
        return '';
    const key = Object.keys(record).find((name) => name.toLowerCase() === 'jobid');
    const id = key === undefined ? undefined : record[key];
    return typeof id === 'string' ? id : '';
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** An error body as text to search for the API's conflict wording (bounded: it was read so). */
function safeText(body) {
    try {
        return JSON.stringify(body ?? '').slice(0, 10_000);
    }
    catch {
        return '';
    }
}
/** The offer's page in Partner Center, for the summary. */
function partnerCenterLink(productId) {
    const guid = /^product\/([0-9a-f-]{36})$/i.exec(productId)?.[1];
    return guid === undefined
        ? undefined
        : `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${guid}/overview`;
}

// EXTERNAL MODULE: ./src/net/wording.ts
var wording = __webpack_require__(6543);
;// CONCATENATED MODULE: ./src/backends/product-ingestion/wording.ts
// How the gate words the Product Ingestion API's HTTP answers that retrying will not fix: what
// happened, why it probably happened, and what to change. (5xx, 408, 429 and network errors are
// retried by the shared client: real clients saw 5xx on the status call often.)

const GRAPH = 'https://graph.microsoft.com';
/** The schema version every maintained client sends (and the gate's default). */
const DEFAULT_VERSION = '2022-07-01';
const TITLE = 'The Product Ingestion API';
const productIngestionWording = {
    fatal(failure) {
        const { status } = failure;
        const said = (0,wording/* theApiSaid */.Jq)(failure.detail);
        const jobId = jobOf(failure.url);
        let message;
        if (status === 400 && /deprecated|could not be accessed/i.test(failure.detail)) {
            const version = versionOf(failure.url);
            const advice = version === DEFAULT_VERSION
                ? `The gate's default ${DEFAULT_VERSION} is refused too: set api-version to a newer version the API serves.`
                : `Set api-version to a version the API serves: ${DEFAULT_VERSION}, the one current clients use, is the default (leave api-version empty for it).`;
            message = `${TITLE} refused the schema version the gate asked for (HTTP 400${version === undefined ? '' : `, $version=${version}`}).${said} ${advice}`;
        }
        else if (status === 400) {
            message = `${TITLE} rejected the request (HTTP 400).${said} Check offer-id, operation-id and api-version.`;
        }
        else if (status === 401) {
            message = `${TITLE} refused the token (HTTP 401): it is missing or expired, or not issued for ${GRAPH} (Microsoft Graph). A token for https://cloudpartner.azure.com, the CPP API's, is the likely mistake.${said}`;
        }
        else if (status === 403) {
            message = `${TITLE} denied access (HTTP 403).${said} The Azure AD application must be added to the Partner Center account (Account settings \u2192 User management \u2192 Azure AD applications, the Users page) with the Manager role.`;
        }
        else if (status === 404 && jobId !== undefined) {
            message = `${TITLE} has no configure job ${jobId} (HTTP 404).${said} Check operation-id: job ids belong to one tenant, so a job started with another Partner Center account's application is not found with this one's token.`;
        }
        else if (status === 404) {
            message = `${TITLE} found nothing at this address (HTTP 404).${said} Check offer-id and base-url.`;
        }
        else if (status >= 300 && status < 400) {
            message = `${TITLE} answered with a redirect (HTTP ${status}${failure.location ? ` to ${failure.location}` : ''}), which the gate does not follow so that the token stays on base-url. Check base-url.`;
        }
        else {
            message = `${TITLE} answered HTTP ${status}.${said}`;
        }
        return (0,wording/* withCorrelation */.$s)(message, failure.correlationId);
    }
};
/** Said after a 401 when even a token the gate just got from Azure AD was refused. */
const PRODUCT_INGESTION_FRESH_TOKEN_REFUSED = `A freshly issued token for ${GRAPH} was refused too: check that tenant-id is the Partner Center account's tenant and that the application is added to that account.`;
/** The job a /configure/{jobId}/status address names. */
function jobOf(url) {
    const path = url === undefined ? '' : new URL(url).pathname;
    const match = /\/configure\/([^/]+)\/status\/?$/.exec(path);
    return match ? decodeURIComponent(match[1]) : undefined;
}
function versionOf(url) {
    return url === undefined ? undefined : (new URL(url).searchParams.get('$version') ?? undefined);
}

;// CONCATENATED MODULE: ./src/backends/product-ingestion/index.ts
// The Partner Center Product Ingestion API backend (https://graph.microsoft.com/rp/product-ingestion):
// every offer not integrated with the Cloud Partner Portal before the move to Partner Center.
// A publish is a configure job; the gate watches the job, or the product's submissions.






const productIngestionBackend = {
    api: 'product-ingestion',
    title: 'the Product Ingestion API',
    defaults: { baseUrl: `${GRAPH}/rp/product-ingestion`, apiVersion: DEFAULT_VERSION },
    baseUrlPath: true,
    strictInterval: true,
    // Microsoft Graph's audience, as every Product Ingestion client uses (not the legacy
    // api.partner.microsoft.com that one onboarding page names).
    scope: `${GRAPH}/.default`,
    resource: GRAPH,
    freshTokenRefused: PRODUCT_INGESTION_FRESH_TOKEN_REFUSED,
    wording: productIngestionWording,
    readyRules: productIngestionReadyRules,
    offerLabel: (input) => input('offer-id'),
    readWatch
};
function readWatch(input, problem, common) {
    const offerText = input('offer-id');
    const offer = readOffer(offerText);
    if (!offer.ok)
        problem('offer-id', offerText, offer.expected);
    const operation = input('operation-id');
    const baseUrl = common.baseUrl ?? common.origin;
    const parsed = readTarget(baseUrl, operation);
    if (!parsed.ok)
        problem('operation-id', operation, parsed.expected);
    // No silent clamping: the documented ceiling is the user's to meet. A loopback base-url (a
    // simulator) may go faster; an interval the shared checks refused is reported once, there.
    const interval = common.pollIntervalMs;
    if (common.loopback !== true &&
        interval >= constants/* MIN_POLL_INTERVAL_MS */.WW &&
        interval < constants/* PRODUCT_INGESTION_MIN_POLL_INTERVAL_MS */.d5) {
        problem('poll-interval', input('poll-interval'), `at least ${(0,duration/* formatDuration */.a)(constants/* PRODUCT_INGESTION_MIN_POLL_INTERVAL_MS */.d5)}: the Product Ingestion API asks clients not to poll a job more than once a minute`);
    }
    const target = parsed.ok ? parsed.value : { kind: 'submissions' };
    const { start } = common;
    return {
        description: start !== undefined
            ? `${start === 'preview' ? 'a publish to preview' : 'a go-live'} of offer ${offerText} (started here, unless a publish is already running)`
            : target.kind === 'job'
                ? `configure job ${target.jobId} of offer ${offerText}`
                : `the submissions of offer ${offerText}`,
        autoMeans: start === 'preview'
            ? 'its configure job succeeded and the preview is ready for go-live (wait-for auto, for a publish to preview)'
            : start === 'live'
                ? 'its configure job succeeded and the offer is live (wait-for auto, for a go-live)'
                : target.kind === 'job'
                    ? 'the configure job succeeded and what it published is done, the preview ready for go-live or live (wait-for auto)'
                    : 'the preview is ready for go-live or all is live (wait-for auto, for the submissions)',
        subject: target.kind === 'job' ? 'Configure job' : 'Product',
        operationId: target.kind === 'job' ? target.jobId : '',
        watcher: (deps) => new ProductIngestionWatcher({
            baseUrl,
            apiVersion: common.apiVersion,
            offer: offer.ok ? offer.value : { kind: 'external', externalId: offerText },
            target,
            ...(start === undefined ? {} : { start })
        }, deps)
    };
}


/***/ })

};

//# sourceMappingURL=446.index.js.map