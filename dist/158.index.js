export const id = 158;
export const ids = [158];
export const modules = {

/***/ 2158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CheckRun: () => (/* binding */ CheckRun),
/* harmony export */   progressTitle: () => (/* binding */ progressTitle)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5646);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);
/* harmony import */ var _model_describe_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1872);
/* harmony import */ var _net_budget_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8766);
/* harmony import */ var _annotations_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(856);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7994);
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
    ref;
    lastTitle = '';
    lastUpdate = Number.NEGATIVE_INFINITY;
    /** Completed by an earlier scheduled run: it is reported, never changed or made again. */
    closed = false;
    /** Updates go out one after another, and a failed one never stops the gate. */
    queue = Promise.resolve();
    broken = false;
    constructor(github, settings) {
        this.octokit = github.getOctokit(settings.token);
        this.repo = github.context.repo;
        this.settings = settings;
    }
    /**
     * The check run for this commit, or undefined (with a warning saying why) when it cannot be made
     * within `ms`.
     */
    static async open(github, settings, ms) {
        let run;
        const given = (0,_net_budget_js__WEBPACK_IMPORTED_MODULE_3__/* .budget */ .g)(settings.signal, ms);
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
        if (title === this.lastTitle || now - this.lastUpdate < _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .CHECK_RUN_UPDATE_MS */ ._i)
            return;
        this.lastTitle = title;
        this.lastUpdate = now;
        this.enqueue('update the check run', (0,_net_budget_js__WEBPACK_IMPORTED_MODULE_3__/* .budget */ .g)(this.settings.signal, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .REQUEST_TIMEOUT_MS */ .j2), (signal) => this.update({ status: 'in_progress', output: { title, summary: (0,_model_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .lastSeen */ .YO)(snapshot) } }, signal));
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
        const given = (0,_net_budget_js__WEBPACK_IMPORTED_MODULE_3__/* .budget */ .g)(new AbortController().signal, ms);
        const { result } = report.outcome;
        const summary = (0,_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .renderSummary */ .B)(report, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .CHECK_RUN_MAX_BYTES */ .u8);
        const title = result === 'pending' && report.outcome.snapshot
            ? progressTitle(report.outcome.snapshot)
            : finalTitle(report);
        if (result === 'pending') {
            this.enqueue('update the check run', given, (signal) => this.update({ status: 'in_progress', output: { title, summary } }, signal));
        }
        else {
            const path = workflowPath();
            const annotations = (0,_annotations_js__WEBPACK_IMPORTED_MODULE_4__/* .stepAnnotations */ .x)(report.outcome.snapshot).map((annotation) => ({
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
            id: found.id,
            url: found.html_url ?? '',
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
        return { id: data.id, url: data.html_url ?? '' };
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
        settings.warn(`Could not ${what} "${settings.name}": ${stopped ? 'the gate was stopped first' : `GitHub did not answer within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(ms)}`}, so it was given up (the gate's own verdict stands).`);
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
        return `Operation ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStatus */ .Wn)(snapshot.status, snapshot.rawStatus)}`;
    if (step.status === 'waiting' || step.progress === undefined) {
        return `${step.name}: ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStatus */ .Wn)(step.status, step.rawStatus)}`;
    }
    return `${step.name} ${step.progress}%`;
}
function finalTitle(report) {
    const { result, failedStep } = report.outcome;
    if (failedStep)
        return `${failedStep.name}: ${(0,_model_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStatus */ .Wn)(failedStep.status, failedStep.rawStatus)}`;
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
/** Check-run annotations need a file: the workflow's, when the runner says which it is. */
function workflowPath() {
    const ref = process.env.GITHUB_WORKFLOW_REF ?? '';
    return /^[^/]+\/[^/]+\/(.+?)@/.exec(ref)?.[1] ?? '.github';
}


/***/ })

};

//# sourceMappingURL=158.index.js.map