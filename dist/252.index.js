export const id = 252;
export const ids = [252];
export const modules = {

/***/ 6252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CheckRun: () => (/* binding */ CheckRun),
  progressTitle: () => (/* binding */ progressTitle)
});

// EXTERNAL MODULE: ./src/constants.ts + 1 modules
var constants = __webpack_require__(5646);
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
// EXTERNAL MODULE: ./src/model/describe.ts
var describe = __webpack_require__(1872);
// EXTERNAL MODULE: ./src/net/budget.ts
var budget = __webpack_require__(8766);
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

// EXTERNAL MODULE: ./src/report/annotations.ts
var report_annotations = __webpack_require__(856);
// EXTERNAL MODULE: ./src/report/summary.ts
var report_summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/report/check-run.ts
// Keeps the gate's verdict visible on the commit as a check run, after the waiting job has ended:
// created (or, in check mode, found) in progress, updated when the state changes at most once a
// minute, and completed with the verdict. @actions/github is loaded only when this is used. Every
// call carries a deadline: a Checks API that stalls costs a warning, never the gate's own verdict.







const CONCLUSION = {
    succeeded: 'success',
    failed: 'failure',
    blocked: 'failure',
    error: 'failure',
    'timed-out': 'timed_out',
    canceled: 'cancelled',
    interrupted: 'cancelled'
};
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
        const given = (0,budget/* budget */.g)(settings.signal, ms);
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
        this.enqueue('update the check run', (0,budget/* budget */.g)(this.settings.signal, constants/* REQUEST_TIMEOUT_MS */.j2), (signal) => this.update({ status: 'in_progress', output: { title, summary: (0,describe/* lastSeen */.YO)(snapshot) } }, signal));
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
        const given = (0,budget/* budget */.g)(new AbortController().signal, ms);
        const { result } = report.outcome;
        const summary = (0,report_summary/* renderSummary */.B)(report, constants/* CHECK_RUN_MAX_BYTES */.u8);
        const title = result === 'pending' && report.outcome.snapshot
            ? progressTitle(report.outcome.snapshot)
            : finalTitle(report);
        if (result === 'pending') {
            this.enqueue('update the check run', given, (signal) => this.update({ status: 'in_progress', output: { title, summary } }, signal));
        }
        else {
            const path = workflowPath();
            const annotations = (0,report_annotations/* stepAnnotations */.x)(report.outcome.snapshot).map((annotation) => ({
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
function warnFailure(settings, what, error, signal, ms) {
    if (signal.aborted || error === undefined) {
        const stopped = settings.signal.aborted && signal.aborted && !isTimeout(signal.reason);
        settings.warn(`Could not ${what} "${settings.name}": ${stopped ? 'the gate was stopped first' : `GitHub did not answer within ${(0,duration/* formatDuration */.a)(ms)}`}, so it was given up (the gate's own verdict stands).`);
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


/***/ })

};

//# sourceMappingURL=252.index.js.map