export const id = 664;
export const ids = [664];
export const modules = {

/***/ 8664:
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
// EXTERNAL MODULE: ./src/backends/product-ingestion/location.ts
var product_ingestion_location = __webpack_require__(6803);
// EXTERNAL MODULE: ./src/gate/verdict.ts
var verdict = __webpack_require__(5950);
// EXTERNAL MODULE: ./src/model/describe.ts
var describe = __webpack_require__(1872);
;// CONCATENATED MODULE: ./src/backends/product-ingestion/ready.ts
// What `wait-for: preview`, `live` and `auto` mean for the Product Ingestion API, read from the
// normalized steps: `preview` and `live` carry their submission's durable id as their reference.
// With a job watched, only the job's own submission has a reference (normalize.ts), and nothing
// is ready before the job succeeded.


/**
 * The preview submission is completed/succeeded: ready for go-live. After a go-live one
 * submission stands for both targets, so the wording says whether its go-live is done or going.
 */
function preview(snapshot) {
    const found = succeeded(snapshot, 'preview');
    if (found === undefined) {
        // Some lists show the submission only under live once it is live: it was a preview first.
        const isLive = live(snapshot);
        return isLive === undefined
            ? undefined
            : `The preview submission ${(0,verdict/* findStep */.M)(snapshot, 'live')?.reference ?? ''} is live.`;
    }
    const liveStep = (0,verdict/* findStep */.M)(snapshot, 'live');
    if (liveStep?.reference !== found.reference) {
        return `The preview is ready for go-live: submission ${found.reference} is completed (succeeded).`;
    }
    return liveStep.status === 'succeeded'
        ? `The preview submission ${found.reference} is live.`
        : `The preview submission ${found.reference} is ready; its go-live is ${(0,describe/* describeStatus */.Wn)(liveStep.status, liveStep.rawStatus)}.`;
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
 * `wait-for: auto`: what was published is done. With a job, the snapshot's status is its
 * submission's once the job succeeded (normalize.ts), so auto holds when that is succeeded; a job
 * that named no submission (a draft-only configure) is done when it succeeded. Without a job, the
 * submissions are done when all is live, or when the preview is ready and no go-live is going.
 */
function auto(snapshot) {
    if ((0,verdict/* findStep */.M)(snapshot, 'job') === undefined) {
        // A go-live in progress is what was published last: the preview alone is not done then.
        const liveStep = (0,verdict/* findStep */.M)(snapshot, 'live');
        const goingLive = liveStep?.status === 'running' || liveStep?.status === 'notStarted';
        return (live(snapshot) ?? (goingLive && liveStep.rawStatus !== '' ? undefined : preview(snapshot)));
    }
    if (snapshot.status !== 'succeeded')
        return undefined;
    return (live(snapshot) ??
        preview(snapshot) ??
        'The configure job succeeded; it published no submission (a draft-only configure).');
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

;// CONCATENATED MODULE: ./src/backends/product-ingestion/versions.ts
// The Product Ingestion API's versions, in one place: Microsoft has retired schema hosts and
// versions three times (the azureedge host in 2025, $version 2022-03-01-preview3 in 2024, newer
// submission schemas that require `sources`), so each default says why it is what it is, and each
// can be changed by an input without waiting for a release of the gate.
/** `$version` on every call: the version every maintained client sends (input `api-version`). */
const DEFAULT_VERSION = '2022-07-01';
/** Where the request bodies' schemas live (the azureedge host is gone since early 2025). */
const SCHEMA_HOST = 'https://schema.mp.microsoft.com/schema';
/**
 * The version of the configure and submission body schemas a publish is posted with (input
 * `schema-version`): later submission schemas require `sources`, which a publish of the whole
 * draft does not name (Red Hat's cloudpub pins this one for the same reason).
 */
const DEFAULT_SCHEMA_VERSION = '2022-03-01-preview2';
/** A schema version as the API writes them: a date, optionally `-previewN`. */
const SCHEMA_VERSION = /^\d{4}-\d{2}-\d{2}(?:-preview\d{1,3})?$/;
function configureSchema(version) {
    return `${SCHEMA_HOST}/configure/${version}`;
}
function submissionSchema(version) {
    return `${SCHEMA_HOST}/submission/${version}`;
}

// EXTERNAL MODULE: ./src/backends/start.ts
var start = __webpack_require__(4205);
// EXTERNAL MODULE: ./src/backends/start-steps.ts
var start_steps = __webpack_require__(9103);
// EXTERNAL MODULE: ./src/model/status.ts
var model_status = __webpack_require__(8203);
// EXTERNAL MODULE: ./src/backends/fields.ts
var fields = __webpack_require__(7828);
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
/** A target type (`preview`, `Live`…) in one spelling, so that targets compare. */
function targetOf(raw) {
    return (0,model_status/* spellingKey */.iB)(raw);
}

;// CONCATENATED MODULE: ./src/backends/product-ingestion/parse.ts
// The one boundary where Product Ingestion JSON becomes typed records: a job, submissions, a
// product, a job's detail. Objects or one-element arrays, lists bare or in `value`, field names in
// any case (`jobId`/`jobID`), `0001-01-01…` dates as absent, ids kept as the exact strings they are
// (submission numbers pass 2^53), error trees capped. normalize.ts turns the records into a
// Snapshot.





/** A body that parsed as JSON but is not what the call answers: retried like a failed request. */
class UnexpectedBodyError extends Error {
}
// ---- Raw JSON to records --------------------------------------------------------------------
/** GET /configure/{jobId}/status (and POST /configure's answer). */
function parseJob(body) {
    const job = Array.isArray(body) ? body[0] : body;
    if (!(0,fields/* isObject */.Gv)(job)) {
        throw new UnexpectedBodyError(`${(0,fields/* describe */.q0)(body)}, not a configure job's status`);
    }
    const rawProgress = parse_text((0,fields/* field */.ZZ)(job, 'jobStatus')) ?? '';
    const rawResult = parse_text((0,fields/* field */.ZZ)(job, 'jobResult')) ?? '';
    if (rawProgress === '' && rawResult === '') {
        throw new UnexpectedBodyError('an object without jobStatus or jobResult, not a job status');
    }
    const cut = { nodes: 0, cut: false };
    const errors = errorNodes((0,fields/* field */.ZZ)(job, 'errors'), 0, cut);
    const start = date((0,fields/* field */.ZZ)(job, 'jobStart'));
    const end = date((0,fields/* field */.ZZ)(job, 'jobEnd'));
    return {
        id: parse_text((0,fields/* field */.ZZ)(job, 'jobId')) ?? '',
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
        if (!(0,fields/* isObject */.Gv)(item))
            return [];
        const id = parse_text((0,fields/* field */.ZZ)(item, 'id'));
        const target = (0,fields/* field */.ZZ)(item, 'target');
        const targetType = (0,fields/* isObject */.Gv)(target) ? parse_text((0,fields/* field */.ZZ)(target, 'targetType')) : parse_text(target);
        // An id that is not a submission id is not one: it never reaches an output or the summary.
        if (id === undefined || targetType === undefined || !(0,product_ingestion_location/* isSubmissionId */.YB)(id))
            return [];
        const created = date((0,fields/* field */.ZZ)(item, 'created'));
        return [
            {
                id,
                target: targetOf(targetType),
                state: stateOf(parse_text((0,fields/* field */.ZZ)(item, 'status')) ?? '', parse_text((0,fields/* field */.ZZ)(item, 'result')) ?? ''),
                ...(created === undefined ? {} : { created })
            }
        ];
    });
}
/** GET /product?externalId=…: the products found (none when the offer id is unknown). */
function parseProducts(body) {
    return list(body, 'products').flatMap((item) => {
        if (!(0,fields/* isObject */.Gv)(item))
            return [];
        const id = parse_text((0,fields/* field */.ZZ)(item, 'id'));
        if (id === undefined || !(0,product_ingestion_location/* isProductId */.F_)(id))
            return [];
        const identity = (0,fields/* field */.ZZ)(item, 'identity');
        const externalId = (0,fields/* isObject */.Gv)(identity) ? parse_text((0,fields/* field */.ZZ)(identity, 'externalId')) : undefined;
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
    if (!(0,fields/* isObject */.Gv)(error))
        return undefined;
    const code = parse_text((0,fields/* field */.ZZ)(error, 'code')) ?? '';
    const message = longText((0,fields/* field */.ZZ)(error, 'message'), constants/* MAX_ERROR_MESSAGE_CHARS */.IQ) ?? '';
    const resourceId = resourceIdOf((0,fields/* field */.ZZ)(error, 'resourceId'));
    const under = (0,fields/* field */.ZZ)(error, 'details');
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
/**
 * An error's resource: a durable id as text, or a reference object (`{externalId}` for a product
 * or plan, `{resourceName}` for a resource created in the same request), kept as `name: value`.
 */
function resourceIdOf(value) {
    if (!(0,fields/* isObject */.Gv)(value))
        return parse_text(value);
    const parts = Object.keys(value)
        .slice(0, 4)
        .flatMap((key) => {
        const said = parse_text(value[key]);
        return said === undefined ? [] : [`${parse_text(key) ?? ''}: ${said}`];
    });
    return parts.length === 0 ? undefined : parts.join(', ');
}
/**
 * GET /configure/{jobId}: the resources the job created or updated. The submissions among them
 * (by their id, or by a submission `$schema` with a target) are what the job published.
 */
function parseDetail(body) {
    const detail = Array.isArray(body) ? body[0] : body;
    if (!(0,fields/* isObject */.Gv)(detail)) {
        throw new UnexpectedBodyError(`${(0,fields/* describe */.q0)(body)}, not a configure job's detail`);
    }
    const resources = (0,fields/* field */.ZZ)(detail, 'resources');
    if (!Array.isArray(resources)) {
        throw new UnexpectedBodyError("an object without resources, not a configure job's detail");
    }
    return resources.flatMap((item) => {
        if (!(0,fields/* isObject */.Gv)(item))
            return [];
        const id = parse_text((0,fields/* field */.ZZ)(item, 'id'));
        const target = (0,fields/* field */.ZZ)(item, 'target');
        const targetType = (0,fields/* isObject */.Gv)(target) ? parse_text((0,fields/* field */.ZZ)(target, 'targetType')) : parse_text(target);
        if (id === undefined || targetType === undefined || !(0,product_ingestion_location/* isSubmissionId */.YB)(id))
            return [];
        const kind = targetOf(targetType);
        return kind === 'preview' || kind === 'live' ? [{ id, target: kind }] : [];
    });
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
/** The durable product ids the errors' resource ids name (`product/<g>`, `submission/<g>/…`…). */
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
/** The submission ids of the product that the errors' resource ids name, lower-cased. */
function namedSubmissions(nodes, productId) {
    const prefix = productId.toLowerCase().replace(/^product\//, 'submission/');
    const found = [];
    const visit = (each) => {
        for (const node of each) {
            const id = (node.resourceId ?? '').toLowerCase();
            if (id.startsWith(`${prefix}/`) && (0,product_ingestion_location/* isSubmissionId */.YB)(id))
                found.push(id);
            visit(node.details);
        }
    };
    visit(nodes);
    return found;
}
// ---- JSON helpers ---------------------------------------------------------------------------
/** A list answer: a bare array, or an object with `value` (Graph's paging envelope). */
function list(body, what) {
    if (Array.isArray(body))
        return body;
    const value = (0,fields/* isObject */.Gv)(body) ? (0,fields/* field */.ZZ)(body, 'value') : undefined;
    if (Array.isArray(value))
        return value;
    throw new UnexpectedBodyError(`${(0,fields/* describe */.q0)(body)}, not a list of ${what}`);
}
/** `0001-01-01…` is how the API writes "not yet": absent. */
function date(value) {
    const found = parse_text(value);
    return found === undefined || /^0001-01-01/.test(found) ? undefined : found;
}
/** A short field: one line, no control characters, capped; numbers are accepted as text. */
function parse_text(value) {
    return longText(value, constants/* MAX_FIELD_CHARS */.AP)?.replace(/\s+/g, ' ');
}
/** A free text kept to `max` characters; line breaks survive, other control characters do not. */
function longText(value, max) {
    const string = (typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '')
        .replace(/[^\P{Cc}\n]+/gu, ' ')
        .trim();
    if (string === '')
        return undefined;
    return string.length > max ? `${string.slice(0, max)}…` : string;
}

;// CONCATENATED MODULE: ./src/backends/product-ingestion/normalize.ts
// Product Ingestion records (parse.ts) as a Snapshot: the configure job, and the preview and live
// submissions; with a job, only the submission the job published decides (see snapshotOf).




const TARGETS = [
    { target: 'preview', name: 'Preview' },
    { target: 'live', name: 'Live' }
];
const CERTIFICATION_NOTE = "The certification report is e-mailed to the account's seller contact: the Product Ingestion API does not expose it.";
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
    // With a job, or a publish followed by id (one attached to), only its submission decides.
    const followed = job !== undefined || view.published !== undefined;
    const targets = TARGETS.map(({ target, name }) => followed
        ? jobTargetStep(target, name, view)
        : submissionStep(target, name, pick(view.submissions, target)));
    steps.push(...targets);
    const overall = job
        ? jobState(view, job)
        : view.published
            ? followedState(view, view.published)
            : submissionsState(targets);
    const submissionId = followed
        ? view.published?.id
        : (targets[0].reference ?? targets[1].reference);
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
 * The state of a watched job's publish: the job's own until it succeeded; then its submission's
 * (certification may go on after the job ended), still running while the submission is not named
 * or not listed; the job's alone for a draft-only configure.
 */
function jobState(view, job) {
    if (job.state.status !== 'succeeded')
        return job.state;
    const { published } = view;
    if (published === undefined) {
        return view.draftOnly === true
            ? job.state
            : { status: 'running', rawStatus: `${job.state.rawStatus}; its submission not named yet` };
    }
    return followedState(view, published, `${job.state.rawStatus}; `);
}
/** The state of the submission followed by id: still running while it is not listed. */
function followedState(view, published, before = '') {
    const entry = listed(view.submissions, published.id, published.target);
    return entry?.state ?? { status: 'running', rawStatus: `${before}${published.id} not listed yet` };
}
/**
 * A target's step while a job is watched: the job's submission on its target, and the same
 * submission on the other target (a go-live's preview, a preview taken live since). Any other
 * entry is shown for information only: it neither passes nor fails the gate.
 */
function jobTargetStep(target, name, view) {
    const { published } = view;
    const own = published === undefined ? undefined : listed(view.submissions, published.id, target);
    if (own !== undefined)
        return submissionStep(target, name, own, view.job);
    if (published !== undefined && published.target === target) {
        return {
            id: target,
            name,
            status: 'notStarted',
            rawStatus: '',
            reference: published.id,
            messages: [info(`Submission ${published.id} is not listed for ${target} yet.`)]
        };
    }
    const other = pick(view.submissions, target);
    if (other === undefined)
        return { id: target, name, status: 'notStarted', rawStatus: '', messages: [] };
    const whose = published !== undefined
        ? view.job === undefined
            ? `not the publish followed (${published.id} to ${published.target})`
            : `not the configure job's (it published ${published.id} to ${published.target})`
        : view.job !== undefined && (0,model_status/* isFinished */.$g)(view.job.state.status)
            ? "not the configure job's (the job named no submission)"
            : 'the configure job names its submission when it is over';
    return {
        id: target,
        name,
        // A listed entry that is not the job's is information: shown going while it goes, never
        // finished (so that an earlier publish's result is neither this gate's pass nor its failure).
        status: isInProgress(other.state.status) ? other.state.status : 'notStarted',
        // A finished one keeps its state in the message only: no rule reads it as going on.
        rawStatus: isInProgress(other.state.status) ? other.state.rawStatus : '',
        messages: [
            info(`Submission ${other.id} (${other.state.rawStatus || 'no status'}) is listed: ${whose}.`)
        ]
    };
}
function submissionStep(target, name, submission, job) {
    if (submission === undefined) {
        return { id: target, name, status: 'notStarted', rawStatus: '', messages: [] };
    }
    const { status, rawStatus } = submission.state;
    return {
        id: target,
        name,
        status,
        rawStatus,
        reference: submission.id,
        messages: isFailing(status) ? failedSubmission(submission, target, job) : []
    };
}
/**
 * Why a submission failed, as far as anyone can tell from the API: its id and state, the job
 * that published it, and where the reasons are (the API has none).
 */
function failedSubmission(submission, target, job) {
    const page = (0,product_ingestion_location/* partnerCenterLink */.cj)(submission.id);
    const under = job?.state.status === 'succeeded'
        ? `, although its configure job ${job.id === '' ? '' : `${job.id} `}succeeded`
        : '';
    return [
        {
            level: 'error',
            parts: [
                {
                    text: `Submission ${submission.id} to ${target} ended ${submission.state.rawStatus}${under}.`
                }
            ]
        },
        {
            level: 'error',
            parts: [
                {
                    text: "The API does not say why: the certification report is e-mailed to the account's seller contact"
                },
                ...(page === undefined
                    ? [{ text: '.' }]
                    : [{ text: "; see the offer's page in Partner Center: " }, { text: page, href: page }])
            ]
        }
    ];
}
function listed(submissions, id, target) {
    return submissions.find((each) => each.id === id && each.target === target);
}
function info(text) {
    return { level: 'information', parts: [{ text }] };
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
function leafMessage(node) {
    const said = [node.code, node.message].filter(Boolean).join(': ');
    const text = node.resourceId === undefined ? said : `${said} (${node.resourceId})`;
    return { level: 'error', parts: [{ text }] };
}

;// CONCATENATED MODULE: ./src/backends/product-ingestion/start.ts
// `start` on the Product Ingestion API: the look-up (any preview or live submission not
// `completed`, in whatever state the gate cannot read, is a publish in progress), a go-live's
// preconditions, the POST /configure with its submission resource, and how its answer reads.







/** What the API answers when a publish is already in progress. */
const IN_PROGRESS = /an in progress submission already exists/i;
/** What it answers when the submission named (or the draft) is not the latest. */
const NOT_LATEST = /cannot be pushed to as its not the latest/i;
class PiStartSteps {
    kind;
    offer;
    settings;
    /** The list read by the last look-up: what was there before this run's POST. */
    before = [];
    /** The preview a go-live names. */
    preview;
    constructor(settings) {
        this.settings = settings;
        this.kind = settings.kind;
        this.offer = settings.productId;
    }
    async look(budget) {
        const listed = await this.settings.list(budget);
        if (listed.kind !== 'ok')
            return listed;
        const submissions = listed.value;
        this.before = submissions;
        const running = inProgress(submissions);
        if (running !== undefined)
            return { kind: 'ok', value: { kind: 'running', running } };
        if (this.kind === 'preview')
            return { kind: 'ok', value: { kind: 'none' } };
        // A go-live names the newest preview, and only once it is completed/succeeded.
        const preview = newest(submissions.filter((each) => each.target === 'preview'));
        const { productId } = this.settings;
        if (preview === undefined || preview.state.status !== 'succeeded') {
            return {
                kind: 'fatal',
                message: `start: live needs a preview that is ready, and the preview of ${productId} is not: ${preview === undefined ? 'the product has no preview submission' : `submission ${preview.id} is ${preview.state.rawStatus || 'without a status'}`}. Publish to preview first (start: preview) and wait until it is ready; nothing was posted.`
            };
        }
        // Live already (a go-live of it that failed or was canceled may be tried again).
        if (submissions.some((each) => each.target === 'live' && each.id === preview.id && each.state.status === 'succeeded')) {
            return {
                kind: 'ok',
                value: {
                    kind: 'nothing',
                    note: `The preview submission ${preview.id} is live already: nothing to go live with. Watching the submissions of ${productId}.`
                }
            };
        }
        this.preview = preview;
        return { kind: 'ok', value: { kind: 'none' } };
    }
    /** What was not listed before the POST: the newest preview or live entry, in any state. */
    async find(budget) {
        const listed = await this.settings.list(budget);
        if (listed.kind !== 'ok')
            return listed;
        const { before } = this;
        const fresh = newest(listed.value.filter((each) => (each.target === 'preview' || each.target === 'live') &&
            !before.some((old) => old.id === each.id && old.target === each.target)));
        return { kind: 'ok', value: fresh === undefined ? undefined : running(fresh) };
    }
    async post(budget) {
        const { kind, productId, client } = this.settings;
        const version = this.settings.schemaVersion ?? DEFAULT_SCHEMA_VERSION;
        const preview = kind === 'live' ? this.preview : undefined;
        const posted = await client.request('POST', (0,product_ingestion_location/* configureUrl */.IJ)(this.settings.baseUrl, this.settings.apiVersion), {
            $schema: configureSchema(version),
            resources: [
                {
                    $schema: submissionSchema(version),
                    ...(preview === undefined ? {} : { id: preview.id }),
                    product: productId,
                    target: { targetType: kind }
                }
            ]
        }, budget);
        if (posted.kind === 'transient')
            return (0,start_steps/* failedInTransit */.iz)(posted);
        if (posted.kind === 'fatal') {
            if ((0,start_steps/* isSignInRefusal */.LZ)(posted))
                return { kind: 'final', result: posted };
            const said = `${posted.detail ?? ''} ${safeText(posted.body)}`;
            if (NOT_LATEST.test(said) && kind === 'live') {
                return {
                    kind: 'final',
                    result: {
                        kind: 'fatal',
                        message: `start: the go-live was refused: preview submission ${preview?.id ?? ''} is not the latest (the API said: ${posted.detail ?? ''}). Wait for the newest preview to be ready (wait-for: preview), then go live again.`
                    }
                };
            }
            if (IN_PROGRESS.test(said) || NOT_LATEST.test(said)) {
                return { kind: 'conflict', detail: posted.detail ?? 'in progress' };
            }
            return { kind: 'final', result: refused(posted, productId) };
        }
        const jobId = jobIdOf(posted.value.body);
        return GUID.test(jobId)
            ? {
                kind: 'accepted',
                id: jobId,
                label: `configure job ${jobId}${preview === undefined ? '' : `, taking preview submission ${preview.id} live`}`
            }
            : { kind: 'unnamed', status: posted.value.status };
    }
    async ended(running, budget) {
        const listed = await this.settings.list(budget);
        if (listed.kind !== 'ok')
            return listed;
        const still = listed.value.some((each) => each.id === running.id && !(0,model_status/* isFinished */.$g)(each.state.status));
        return { kind: 'ok', value: !still };
    }
}
/**
 * A preview or live submission that is not completed: a publish in progress. Statuses the gate
 * does not know count too (the look-up fails safe), and so does one without a status.
 */
function inProgress(submissions) {
    const going = newest(submissions.filter((each) => (each.target === 'preview' || each.target === 'live') && !(0,model_status/* isFinished */.$g)(each.state.status)));
    return going === undefined ? undefined : running(going);
}
function running(submission) {
    return {
        id: submission.id,
        target: submission.target,
        label: `submission ${submission.id} to ${submission.target} (${submission.state.rawStatus || 'no status'})`,
        ...(submission.created === undefined ? {} : { since: submission.created })
    };
}
function newest(submissions) {
    const time = (each) => {
        const parsed = each.created === undefined ? Number.NaN : Date.parse(each.created);
        return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
    };
    return submissions.reduce((found, each) => (found === undefined || time(each) >= time(found) ? each : found), undefined);
}
/** A 4xx to the publish with an error tree: shown as a failed job's; without one, as it came. */
function refused(posted, productId) {
    const error = (0,fields/* isObject */.Gv)(posted.body) ? (0,fields/* field */.ZZ)(posted.body, 'error') : undefined;
    if (posted.status === undefined || posted.status >= 500 || !(0,fields/* isObject */.Gv)(error))
        return posted;
    const job = parseJob({ jobStatus: 'completed', jobResult: 'failed', errors: [error] });
    return { kind: 'ok', value: snapshotOf({ productId, submissions: [], job }) };
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The configure job's id in an answer: `jobId`, or `jobID` as some samples spell it. */
function jobIdOf(body) {
    const record = Array.isArray(body) ? body[0] : body;
    const id = (0,fields/* isObject */.Gv)(record) ? (0,fields/* field */.ZZ)(record, 'jobId') : undefined;
    return typeof id === 'string' ? id : '';
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

;// CONCATENATED MODULE: ./src/backends/product-ingestion/job.ts
// A configure job followed to its verdict: its status while it runs; once it succeeded, its detail
// (GET configure/{jobId}) once, and then the submission the detail names, by id, in the product's
// list on every poll until it is completed (certification may go on after the job ended). Nothing
// is guessed from which entries look new, except where the API names no submission for what must
// be a publish (a job this run started, or wait-for preview or live): then the first preview or
// live entry that was not listed before the job is its.




class JobWatch {
    jobId;
    productId;
    deps;
    job;
    submissions = [];
    /**
     * The submissions listed before the job's publish: before this run's POST, or when a job given
     * by operation-id was first seen still running. Undefined when the job was first seen over.
     * Read only to find the job's submission when the API does not name it.
     */
    before;
    /** The job's status was read at least once. */
    seen = false;
    /** The job is over: its status is not asked again. */
    jobOver = false;
    detail = 'unread';
    /** The job failed (or was canceled) and the list was read once after that. */
    listedFailure = false;
    /** The submission the job published, once known. */
    published;
    /** This run posted the publish the job is (to preview or live). */
    postedKind;
    warnedOtherProduct = false;
    constructor(jobId, productId, deps, posted) {
        this.jobId = jobId;
        this.productId = productId;
        this.deps = deps;
        this.postedKind = posted?.kind;
        this.before = posted?.before;
    }
    /** What the snapshot shows of the job: the job, what it published, whether it decides alone. */
    view() {
        return {
            ...(this.job === undefined ? {} : { job: this.job }),
            ...(this.published === undefined ? {} : { published: this.published }),
            ...(this.detail === 'draft-only' ? { draftOnly: true } : {})
        };
    }
    /**
     * A job this run posted that failed with conflict errors only published nothing: it was a
     * refusal, told late. Its first error then, else undefined.
     */
    refusal() {
        const { job } = this;
        if (this.postedKind === undefined || job?.state.status !== 'failed')
            return undefined;
        const said = leaves(job.errors).map((each) => each.message);
        if (said.length === 0 ||
            !said.every((each) => IN_PROGRESS.test(each) || NOT_LATEST.test(each))) {
            return undefined;
        }
        return said[0];
    }
    async list(budget) {
        const listed = await this.deps.list(budget);
        if (listed.kind !== 'ok')
            return listed;
        this.submissions = listed.value;
        return { kind: 'ok', value: undefined };
    }
    /**
     * The job until it is over; then, if it succeeded, its detail once and the submissions on every
     * poll. A job that failed or was canceled decides alone: nothing more is read.
     */
    async follow(budget) {
        const { jobId, productId } = this;
        if (!this.jobOver) {
            const job = await this.deps.read((0,product_ingestion_location/* jobStatusUrl */.ZR)(this.deps.baseUrl, jobId, this.deps.apiVersion), budget, parseJob);
            if (job.kind !== 'ok')
                return job;
            this.job = job.value;
            this.checkProduct(job.value);
            const over = (0,model_status/* isFinished */.$g)(job.value.state.status);
            if (!this.seen && !over && this.before === undefined) {
                const listed = await this.list(budget);
                if (listed.kind !== 'ok')
                    return listed;
                this.before = this.submissions;
                this.describeFirstSight();
            }
            this.seen = true;
            this.jobOver = over;
            if (!over)
                return { kind: 'ok', value: undefined };
        }
        const job = this.job;
        if (job?.state.status !== 'succeeded') {
            // The job decides alone. The list is read once for the summary, and the submission its
            // errors name (a certification failure names it) is shown as the job's.
            if (this.listedFailure)
                return { kind: 'ok', value: undefined };
            const listed = await this.list(budget);
            if (listed.kind !== 'ok')
                return listed;
            this.listedFailure = true;
            const named = namedSubmissions(job?.errors ?? [], productId);
            const own = this.submissions.find((each) => named.includes(each.id.toLowerCase()));
            if (own !== undefined && (own.target === 'preview' || own.target === 'live')) {
                this.published = { id: own.id, target: own.target };
            }
            return { kind: 'ok', value: undefined };
        }
        if (this.detail === 'unread') {
            const detail = await this.readDetail(budget);
            if (detail.kind !== 'ok')
                return detail;
        }
        const listed = await this.list(budget);
        if (listed.kind !== 'ok')
            return listed;
        if (this.detail === 'search' && this.published === undefined)
            this.search();
        return { kind: 'ok', value: undefined };
    }
    /** GET configure/{jobId}, once, after the job succeeded: the submission it published, if any. */
    async readDetail(budget) {
        const { jobId } = this;
        const fetched = await this.deps.read((0,product_ingestion_location/* jobDetailUrl */.Cz)(this.deps.baseUrl, jobId, this.deps.apiVersion), budget, parseDetail);
        if (fetched.kind === 'fatal' && fetched.status === 404) {
            if (this.before === undefined)
                return this.cannotTell('has no detail for it (HTTP 404)');
            this.detail = 'search';
            this.deps.info(`The API has no detail for configure job ${jobId} (HTTP 404): waiting for the job's submission to be listed (a preview or live entry that was not listed before the job).`);
            return { kind: 'ok', value: undefined };
        }
        if (fetched.kind !== 'ok')
            return fetched;
        const own = this.theJobs(fetched.value);
        if (own !== undefined) {
            this.detail = 'named';
            this.published = own;
            this.deps.info(`Configure job ${jobId} published submission ${own.id} to ${own.target} (the job's detail): following it until it is completed.`);
        }
        else if (this.expectsPublish()) {
            if (this.before === undefined)
                return this.cannotTell('names no submission in its detail');
            this.detail = 'search';
            this.deps.info(`Configure job ${jobId} names no submission in its detail, although ${this.postedKind === undefined ? 'wait-for asks for a publish' : 'this run posted a publish'}: waiting for the job's submission to be listed (a preview or live entry that was not listed before the job).`);
        }
        else {
            this.detail = 'draft-only';
            this.deps.info(`Configure job ${jobId} names no submission in its detail: it changed the draft only, and its result decides.`);
        }
        return { kind: 'ok', value: undefined };
    }
    /**
     * The submission the detail names, on the target that matters: for a job this run posted, the
     * target it posted (a go-live's submission is the preview's id, taken live); otherwise live
     * before preview, so that a go-live is never read from its preview's entry.
     */
    theJobs(named) {
        const wanted = this.postedKind;
        if (wanted !== undefined) {
            const first = named.find((each) => each.target === wanted) ?? named[0];
            return first === undefined ? undefined : { id: first.id, target: wanted };
        }
        return named.find((each) => each.target === 'live') ?? named[0];
    }
    /** A job first seen over, whose submission the API does not name: no list from before it. */
    cannotTell(why) {
        const { jobId } = this;
        return {
            kind: 'fatal',
            message: `Configure job ${jobId} succeeded, but the API ${why}, so it does not say which submission the job published; and the gate first saw the job when it was already over, so it cannot tell that submission from an earlier one. Watch the offer's submissions instead: leave operation-id empty and set wait-for to preview or live.`
        };
    }
    /** A job this run posted, or one that wait-for says published to preview or live. */
    expectsPublish() {
        if (this.postedKind !== undefined)
            return true;
        const waitFor = this.deps.waitFor;
        const named = waitFor?.kind === 'ready' ? waitFor.rule : waitFor?.kind === 'step' ? waitFor.stepId : '';
        return /^(preview|live)$/i.test(named);
    }
    /** The first preview or live entry not listed before the job (this run's kind first) is its. */
    search() {
        const { jobId } = this;
        const before = this.before ?? [];
        const isNew = (each) => (each.target === 'preview' || each.target === 'live') &&
            !before.some((old) => old.id === each.id && old.target === each.target);
        // Created before the job started, it is not the job's (a list that lagged before the POST).
        const start = this.job?.start === undefined ? Number.NaN : Date.parse(this.job.start);
        const fresh = this.submissions.filter(isNew).filter((each) => {
            const created = each.created === undefined ? Number.NaN : Date.parse(each.created);
            return Number.isNaN(start) || Number.isNaN(created) || created >= start;
        });
        const found = fresh.find((each) => each.target === this.postedKind) ?? fresh[0];
        if (found === undefined)
            return;
        this.published = { id: found.id, target: found.target === 'live' ? 'live' : 'preview' };
        this.deps.info(`Submission ${found.id} to ${found.target} is listed now and was not before configure job ${jobId}: following it as the job's until it is completed.`);
    }
    describeFirstSight() {
        const { productId } = this;
        const entries = this.submissions
            .filter((each) => each.target === 'preview' || each.target === 'live')
            .map((each) => `${each.target} ${each.id} (${each.state.rawStatus || 'no status'})`);
        this.deps.info(`The submissions of ${productId} when the job was first seen: ${entries.length === 0 ? 'none for preview or live' : entries.join('; ')}.`);
    }
    /** A job of another product is still watched; the log says whose it is, once, when it can tell. */
    checkProduct(job) {
        const { productId } = this;
        if (this.warnedOtherProduct)
            return;
        const others = namedProducts(job.errors).filter((each) => each !== productId.toLowerCase());
        if (others.length === 0)
            return;
        this.warnedOtherProduct = true;
        this.deps.info(`Configure job ${this.jobId} names ${others.join(', ')} in its errors, not ${productId} (offer-id): it is watched all the same.`);
    }
}

;// CONCATENATED MODULE: ./src/backends/product-ingestion/watcher.ts
// One Product Ingestion poll: the offer's product (resolved once), then what is watched: a
// configure job (job.ts follows it to the submission it published) or the product's submissions.
// With `start`, the polls first go through the shared start rules (../start.ts, with ./start.ts's
// look-up and POST) until there is a job or submissions to watch.








class ProductIngestionWatcher {
    settings;
    deps;
    productId;
    externalId;
    submissions = [];
    /** With `start`, the publish in progress attached to: followed by id. */
    followed;
    /** The configure job watched (given, or started by this run), once there is one. */
    jobWatch;
    /** What is watched: the job given or started, or the submissions (given, or found running). */
    target;
    /** With `start`: its steps and rules, until it has started (or found) what to watch. */
    starter;
    startSteps;
    startDone = false;
    constructor(settings, deps) {
        this.settings = settings;
        this.deps = deps;
        this.target = settings.target;
        const { offer } = settings;
        this.productId = offer.kind === 'durable' ? offer.productId : undefined;
        this.externalId = offer.kind === 'external' ? offer.externalId : '';
    }
    get operationId() {
        return this.target.kind === 'job' ? this.target.jobId : '';
    }
    get start() {
        return this.starter?.start;
    }
    async poll(budget) {
        const product = await this.product(budget);
        if (product.kind !== 'ok')
            return product;
        const productId = product.value;
        // Twice at most: a job of this run refused as a conflict sends the run back to `start`.
        for (;;) {
            if (this.settings.start !== undefined && !this.startDone) {
                const begun = await this.begin(this.settings.start, productId, budget);
                if (begun !== undefined)
                    return begun;
            }
            const { target } = this;
            const read = target.kind === 'job'
                ? await this.jobOf(target.jobId, productId).follow(budget)
                : await this.readSubmissions(productId, budget);
            if (read.kind !== 'ok')
                return read;
            if (!this.refusedAsConflict())
                break;
        }
        return {
            kind: 'ok',
            value: snapshotOf({
                productId,
                submissions: this.submissions,
                ...(this.followed === undefined ? {} : { published: this.followed }),
                ...(this.jobWatch?.view() ?? {})
            })
        };
    }
    /** The job watched: the one this run posted, or the one given by operation-id. */
    jobOf(jobId, productId, posted) {
        if (this.jobWatch?.jobId !== jobId) {
            this.jobWatch = new JobWatch(jobId, productId, {
                baseUrl: this.settings.baseUrl,
                apiVersion: this.settings.apiVersion,
                ...(this.settings.waitFor === undefined ? {} : { waitFor: this.settings.waitFor }),
                info: this.deps.info,
                read: (url, budget, parse) => this.read(url, budget, parse),
                list: async (budget) => {
                    const read = await this.readSubmissions(productId, budget);
                    return read.kind === 'ok' ? { kind: 'ok', value: this.submissions } : read;
                }
            }, posted);
        }
        return this.jobWatch;
    }
    /**
     * `start`: one step of it (see ../start.ts). Undefined once there is a job or submissions to
     * watch; else what this poll answers (waiting for another publish, a refusal, a failure).
     */
    async begin(kind, productId, budget) {
        const steps = (this.startSteps ??= new PiStartSteps({
            kind,
            baseUrl: this.settings.baseUrl,
            apiVersion: this.settings.apiVersion,
            ...(this.settings.schemaVersion === undefined
                ? {}
                : { schemaVersion: this.settings.schemaVersion }),
            productId,
            client: this.deps.client,
            list: async (within) => {
                const read = await this.readSubmissions(productId, within);
                return read.kind === 'ok' ? { kind: 'ok', value: this.submissions } : read;
            }
        }));
        if (this.starter === undefined) {
            this.starter = new start/* Starter */.m(steps, this.settings.ifRunning ?? 'wait', this.deps.info, () => this.wall());
            this.starter.setLink((0,product_ingestion_location/* partnerCenterLink */.cj)(productId));
        }
        const next = await this.starter.next(budget);
        if (next.kind !== 'ok')
            return next;
        const step = next.value;
        switch (step.kind) {
            case 'waiting':
                return { kind: 'ok', value: (0,start_steps/* waitingSnapshot */.ey)(step.running) };
            case 'refused':
                this.startDone = true;
                return { kind: 'ok', value: step.snapshot };
            case 'own':
                this.startDone = true;
                this.target = { kind: 'job', jobId: step.id };
                // What was listed before the POST: no entry of it can be this publish's.
                this.jobOf(step.id, productId, { kind, before: steps.before });
                return undefined;
            case 'attach': {
                // The publish attached to is followed by id, as a job's submission is.
                const { id, target } = step.running;
                if (target === 'preview' || target === 'live')
                    this.followed = { id, target };
                this.startDone = true;
                this.target = { kind: 'submissions' };
                return undefined;
            }
            case 'nothing':
                this.startDone = true;
                this.target = { kind: 'submissions' };
                return undefined;
        }
    }
    /**
     * A job this run posted that failed with conflict errors only published nothing: it was a
     * refusal, told late, and `start` applies again (if-running decides what follows).
     */
    refusedAsConflict() {
        const refusal = this.jobWatch?.refusal();
        if (refusal === undefined || this.starter === undefined || this.jobWatch === undefined) {
            return false;
        }
        this.starter.refusedByJob(this.jobWatch.jobId, refusal);
        this.startDone = false;
        this.target = this.settings.target;
        this.jobWatch = undefined;
        return true;
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
        const found = await this.read((0,product_ingestion_location/* productLookupUrl */.fs)(baseUrl, externalId, apiVersion), budget, parseProducts);
        if (found.kind !== 'ok')
            return found;
        // The product whose external id is the offer id; one that names none is taken only alone.
        // Products that name other offer ids only mean the filter was ignored: never another offer.
        const wanted = externalId.toLowerCase();
        const product = found.value.find((each) => each.externalId?.toLowerCase() === wanted) ??
            (found.value.length === 1 && found.value[0].externalId === undefined
                ? found.value[0]
                : undefined);
        if (product === undefined && found.value.length > 0) {
            return {
                kind: 'fatal',
                message: `offer-id "${externalId}": the Product Ingestion API answered the look-up with ${found.value.length} product${found.value.length === 1 ? '' : 's'} none of which has this offer id (it may have ignored the filter), so the gate cannot tell which is the offer and stops${this.settings.start === undefined ? '' : ': nothing was posted'}. Set offer-id to the product id Partner Center shows in its address bar (product/<guid>).`
            };
        }
        if (product === undefined) {
            return {
                kind: 'fatal',
                message: `offer-id "${externalId}": the Product Ingestion API knows no product with this offer id (GET /product?externalId answered an empty list). Check the offer id as Partner Center shows it, and that the Azure AD application is added to that offer's Partner Center account. Offers published through the Cloud Partner Portal are not Partner Center products: gate them with api: cpp. Azure Application offers (solution templates, managed applications) are published through another API, Partner Center's submission API, not supported yet.`
            };
        }
        this.productId = product.id;
        this.deps.info(`Offer ${externalId} is ${product.id}.`);
        return { kind: 'ok', value: product.id };
    }
    async readSubmissions(productId, budget) {
        const read = await this.read((0,product_ingestion_location/* submissionsUrl */.FD)(this.settings.baseUrl, productId, this.settings.apiVersion), budget, parseSubmissions);
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
            return { kind: 'transient', reason: `the API answered with ${error.message}`, shape: true };
        }
    }
}

// EXTERNAL MODULE: ./src/net/wording.ts
var wording = __webpack_require__(6543);
;// CONCATENATED MODULE: ./src/backends/product-ingestion/wording.ts
// How the gate words the Product Ingestion API's HTTP answers that retrying will not fix: what
// happened, why it probably happened, and what to change. (5xx, 408, 429 and network errors are
// retried by the shared client: real clients saw 5xx on the status call often.)


const GRAPH = 'https://graph.microsoft.com';
const TITLE = 'The Product Ingestion API';
const productIngestionWording = {
    fatal(failure) {
        const { status } = failure;
        const said = (0,wording/* theApiSaid */.Jq)(failure.detail);
        const jobId = jobOf(failure.url);
        let message;
        if (status === 400 && isPublish(failure.url) && namesBodySchema(failure.detail)) {
            message = `${TITLE} refused the body of the publish (HTTP 400): it names a request schema.${said} The gate posts the configure and submission schemas at version ${DEFAULT_SCHEMA_VERSION} unless schema-version says otherwise: set schema-version to a version the API accepts.`;
        }
        else if (status === 400 && /deprecated|could not be accessed/i.test(failure.detail)) {
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
            message = `${TITLE} denied access (HTTP 403).${said} The Azure AD application must be added to the Partner Center account (Account settings → User management → Azure AD applications, the Users page) with the Manager role.`;
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
/**
 * A refusal about the request's own schema (a body schema URI, or a property a newer submission
 * schema requires), as opposed to the `$version` asked for.
 */
function namesBodySchema(detail) {
    return /\/schema\/(?:configure|submission)\/|required properties/i.test(detail);
}
/** POST /configure: the only call with a body. */
function isPublish(url) {
    return url !== undefined && /\/configure\/?$/.test(new URL(url).pathname);
}
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
// src/backends/product-ingestion/: the Product Ingestion API: its inputs, versions, locations,
// parsing and normalizer, spellings, wording, ready rules, `start` steps and watcher; this index is
// its Backend.
//
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
    const offer = (0,product_ingestion_location/* readOffer */.np)(offerText);
    if (!offer.ok)
        problem('offer-id', offerText, offer.expected);
    const operation = input('operation-id');
    const baseUrl = common.baseUrl ?? common.origin;
    const parsed = (0,product_ingestion_location/* readTarget */._E)(baseUrl, operation);
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
    const schemaVersion = input('schema-version');
    if (schemaVersion !== '' && !SCHEMA_VERSION.test(schemaVersion)) {
        problem('schema-version', schemaVersion, `a schema version such as ${DEFAULT_SCHEMA_VERSION} (the default when empty), for the bodies start posts`);
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
            ? 'its configure job succeeded and the preview submission it published is completed, ready for go-live (wait-for auto, for a publish to preview)'
            : start === 'live'
                ? 'its configure job succeeded and the submission it took live is completed (wait-for auto, for a go-live)'
                : target.kind === 'job'
                    ? 'the configure job succeeded and the submission it published is completed, the preview ready for go-live or live (wait-for auto)'
                    : 'the preview is ready for go-live or all is live (wait-for auto, for the submissions)',
        // With a job, the status is the publish's: the job's, then its submission's (normalize.ts).
        subject: target.kind === 'job' ? 'Publish' : 'Product',
        operationId: target.kind === 'job' ? target.jobId : '',
        watcher: (deps) => new ProductIngestionWatcher({
            baseUrl,
            apiVersion: common.apiVersion,
            offer: offer.ok ? offer.value : { kind: 'external', externalId: offerText },
            target,
            ...(schemaVersion === '' ? {} : { schemaVersion }),
            ...(common.waitFor === undefined ? {} : { waitFor: common.waitFor }),
            ...(start === undefined ? {} : { start, ifRunning: common.ifRunning ?? 'wait' })
        }, deps)
    };
}


/***/ })

};

//# sourceMappingURL=664.index.js.map