export const id = 425;
export const ids = [425];
export const modules = {

/***/ 1425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cppBackend: () => (/* binding */ cppBackend)
});

// EXTERNAL MODULE: ./src/model/describe.ts
var describe = __webpack_require__(1872);
// EXTERNAL MODULE: ./src/gate/verdict.ts
var verdict = __webpack_require__(5950);
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
    if (/^latest$/i.test(operation)) {
        return ok('latest', `${origin}${offerPath}/submissions/?${query}`, '');
    }
    if (GUID.test(operation)) {
        return ok('operation', `${origin}${offerPath}/operations/${operation}?${query}`, operation);
    }
    if (DOLLAR_ID.test(operation)) {
        const path = operation.split('$').map(encodeURIComponent).join('$');
        return ok('operation', `${origin}/api/operations/${path}?${query}`, operation);
    }
    if (operation.startsWith('/') || /^https?:\/\//i.test(operation)) {
        return fromLocation(origin, operation, query, publisherId, offerId);
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
    const match = OPERATION_PATHS.map((pattern) => pattern.exec(url.pathname)).find(Boolean);
    if (!match) {
        return {
            ok: false,
            expected: 'an operation path such as /api/publishers/<publisher>/offers/<offer>/operations/<id> or /api/operations/<publisher>$<offer>$2$preview'
        };
    }
    // Gating on another offer's operation would pass or fail the wrong release.
    const named = namedOffer(url.pathname);
    if (named && (!sameId(named[0], publisherId) || !sameId(named[1], offerId))) {
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


/** The running operation (the newest, if several), else the most recently changed one. */
function pickLatest(body, onlyRunning) {
    const items = list(body)
        .flatMap(item)
        .sort((a, b) => b.changed - a.changed);
    const running = items.filter((entry) => isInProgress(entry.state));
    if (running.length > 0) {
        const [newest] = running;
        return {
            id: newest.id,
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
        why: `no operation is running, and it is the most recently changed one (${newest.state || 'no status'}, changed ${newest.changedText || 'at an unknown time'})`
    };
}
function isInProgress(state) {
    const status = cppStatus(state);
    return status === 'running' || status === 'waiting' || status === 'notStarted';
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
    return [
        {
            id,
            state: state ?? '',
            changed: Number.isNaN(changed) ? Number.NEGATIVE_INFINITY : changed,
            changedText: changedText ?? ''
        }
    ];
}
/**
 * Asks for the running operations (the documented filter), and for all of them only when none
 * runs, both within the one poll's budget. No operation at all is fatal: there is nothing to wait
 * for.
 */
async function findLatestOperation(getJson, listUrl, budget) {
    const running = await getJson(`${listUrl}&status=running`, budget);
    if (running.kind !== 'ok')
        return running;
    let found = pickLatest(running.value, true);
    if (found === undefined) {
        const all = await getJson(listUrl, budget);
        if (all.kind !== 'ok')
            return all;
        found = pickLatest(all.value, false);
    }
    if (found === undefined) {
        return {
            kind: 'fatal',
            message: 'operation-id is "latest", but the offer has no operation: publish it first, or check publisher-id and offer-id.'
        };
    }
    return { kind: 'ok', value: { ...found, url: operationUrl(listUrl, found.id) } };
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/net/html-text.ts
var html_text = __webpack_require__(408);
;// CONCATENATED MODULE: ./src/backends/cpp/normalize.ts
// The one boundary where CPP JSON becomes a typed Snapshot: object or one-element array, missing
// fields tolerated, every spelling normalized, HTML turned into text.



/** A body that parsed as JSON but is not an operation or offer status. */
class UnexpectedBodyError extends Error {
}
async function normalize(body) {
    const operation = Array.isArray(body) ? body[0] : body;
    if (!isObject(operation)) {
        throw new UnexpectedBodyError(Array.isArray(body)
            ? `an array whose first element is ${normalize_describe(operation)}, not an operation object`
            : `${normalize_describe(body)}, not an operation object`);
    }
    const rawStatus = normalize_text(operation.status) ?? normalize_text(operation.submissionState) ?? '';
    const submissionType = normalize_text(operation.submissionType);
    const steps = [];
    for (const [index, value] of normalize_list(operation.steps).entries()) {
        const found = await step(value, index);
        if (found !== undefined)
            steps.push(found);
    }
    return {
        status: cppStatus(rawStatus),
        rawStatus,
        ...(submissionType === undefined ? {} : { submissionType }),
        steps,
        messages: await messages(operation.messages),
        previewLinks: links(operation.previewLinks),
        liveLinks: links(operation.liveLinks)
    };
}
async function step(value, index) {
    if (!isObject(value))
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
        messages: await messages(value.messages)
    };
}
/** Message items are `{messageHtml, level, timestamp}`; one doc table calls them strings. */
async function messages(value) {
    const found = [];
    for (const item of normalize_list(value)) {
        const each = typeof item === 'string'
            ? await message(item, undefined, undefined)
            : isObject(item)
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
        .map((item) => isObject(item)
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
    const string = (typeof value === 'number' ? String(value) : raw(value))
        ?.replace(/\p{Cc}+/gu, ' ')
        .trim();
    if (string === undefined || string === '')
        return undefined;
    return string.length > constants/* MAX_FIELD_CHARS */.AP ? `${string.slice(0, constants/* MAX_FIELD_CHARS */.AP)}…` : string;
}
function normalize_list(value) {
    return Array.isArray(value) ? value : [];
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

;// CONCATENATED MODULE: ./src/backends/cpp/watcher.ts
// One CPP poll: the operation (or offer status) as a Snapshot. With `operation-id: latest` the
// first poll finds the operation in the offer's submissions list, within the same budget.


class CppWatcher {
    target;
    deps;
    url;
    id;
    constructor(target, deps) {
        this.target = target;
        this.deps = deps;
        this.url = target.kind === 'latest' ? '' : target.url;
        this.id = target.operationId;
    }
    get operationId() {
        return this.id;
    }
    async poll(budget) {
        const { client } = this.deps;
        if (this.url === '') {
            // operation-id: latest, found on the first poll; its failures are retried like any poll's.
            const found = await findLatestOperation((url, within) => client.getJson(url, within), this.target.url, budget);
            if (found.kind !== 'ok')
                return found;
            this.url = found.value.url;
            this.id = found.value.id;
            this.deps.info(`Watching operation ${found.value.id}: ${found.value.why}.`);
        }
        return snapshotOf(await client.getJson(this.url, budget));
    }
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
        return { kind: 'transient', reason: `the API answered with ${error.message}` };
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
// The Cloud Partner Portal API backend: offers integrated before the move to Partner Center.





const RESOURCE = 'https://cloudpartner.azure.com';
const cppBackend = {
    api: 'cpp',
    title: 'the CPP API',
    defaults: { baseUrl: RESOURCE, apiVersion: '2017-10-31' },
    baseUrlPath: false,
    scope: `${RESOURCE}/.default`,
    resource: RESOURCE,
    freshTokenRefused: CPP_FRESH_TOKEN_REFUSED,
    wording: cppWording,
    readyRules: { preview: previewReady },
    offerLabel: (input) => `${input('publisher-id')} / ${input('offer-id')}`,
    readWatch
};
function readWatch(input, problem, common) {
    const required = (name, expected) => {
        const value = input(name);
        if (value === '')
            problem(name, value, expected);
        else if (/\p{Cc}/u.test(value))
            problem(name, value, `${expected}, without control characters`);
        // "." and ".." would climb out of their path segment, whatever the encoding.
        else if (value === '.' || value === '..')
            problem(name, value, expected);
        return value;
    };
    const publisherId = required('publisher-id', 'the publisher id, e.g. contoso');
    const offerId = required('offer-id', 'the offer id');
    // Checked with stand-ins for missing ids, so that one run reports every problem.
    const operation = input('operation-id');
    const parsed = resolveTarget(common.origin, publisherId, offerId, operation, common.apiVersion);
    if (!parsed.ok)
        problem('operation-id', operation, parsed.expected);
    const target = parsed.ok ? parsed.target : { kind: 'offer', url: '', operationId: '' };
    const offer = `${publisherId}/${offerId}`;
    return {
        description: {
            offer: `the offer status of ${offer}`,
            latest: `the latest operation of ${offer}`,
            operation: `operation ${target.operationId} of ${offer}`
        }[target.kind],
        subject: target.kind === 'offer' ? 'Offer' : 'Operation',
        operationId: target.operationId,
        watcher: (deps) => new CppWatcher(target, deps)
    };
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


/***/ })

};

//# sourceMappingURL=425.index.js.map