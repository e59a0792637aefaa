export const id = 267;
export const ids = [267];
export const modules = {

/***/ 4267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   azureAdToken: () => (/* binding */ azureAdToken),
/* harmony export */   oidcClaims: () => (/* binding */ oidcClaims)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5646);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);
/* harmony import */ var _net_budget_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8766);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9663);
/* harmony import */ var _net_json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4457);
/* harmony import */ var _net_wording_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6543);
/* harmony import */ var _net_token_source_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(582);
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
            const margin = Math.min(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .RENEW_BEFORE_EXPIRY_MS */ .rc, lifetimeMs / 2);
            cached = { token, renewAt: deps.now() + lifetimeMs - margin };
            const line = `Signed in to Azure AD as application ${signIn.clientId} with ${method}: the token is valid for ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(lifetimeMs)} and is renewed ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(margin)} before it expires.`;
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
    const request = (0,_net_budget_js__WEBPACK_IMPORTED_MODULE_2__/* .budget */ .g)(budget.signal, Math.min(budget.ms, _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .REQUEST_TIMEOUT_MS */ .j2));
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
        response = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .send */ .tN)({
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
        throw new _net_token_source_js__WEBPACK_IMPORTED_MODULE_6__/* .AuthError */ .l(`Azure AD sign-in failed: ${(0,_net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .reasonOf */ .A3)(error)}`, true);
    }
    deps.debug(`POST ${url} \u2192 HTTP ${response.status}`);
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
            response.body = (0,_net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .hide */ .jD)(response.body, shown);
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
    if ((0,_net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .isTransientStatus */ .Dm)(response.status) || response.status === 200) {
        throw new _net_token_source_js__WEBPACK_IMPORTED_MODULE_6__/* .AuthError */ .l(`Azure AD sign-in failed: HTTP ${response.status}${describe(body, response)}`, true, (0,_net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .retryAfterMs */ .Vs)(response.retryAfter, deps.now()));
    }
    throw explain(body, response, signIn, audience, assertion);
}
async function idToken(audience, deps, budget) {
    let token;
    try {
        token = await deps.getIDToken(audience, budget);
    }
    catch (error) {
        if (error instanceof _net_token_source_js__WEBPACK_IMPORTED_MODULE_6__/* .AuthError */ .l)
            throw error;
        throw new _net_token_source_js__WEBPACK_IMPORTED_MODULE_6__/* .AuthError */ .l(`Could not get a GitHub OIDC token: ${(0,_net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .reasonOf */ .A3)(error)}`, true);
    }
    deps.mask(token);
    return token;
}
function parse(text) {
    try {
        const value = (0,_net_json_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJson */ .q)(text);
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? value
            : {};
    }
    catch {
        return {};
    }
}
function describe(body, response) {
    const detail = typeof body.error_description === 'string' ? body.error_description : response.body;
    return detail.trim() === '' ? '' : `: ${(0,_net_wording_js__WEBPACK_IMPORTED_MODULE_5__/* .excerpt */ .Kb)(detail.split(/\r?\n/)[0])}`;
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
    const message = fix === undefined ? `${head}${describe(body, response)}` : `${head}: ${fix}`;
    return new _net_token_source_js__WEBPACK_IMPORTED_MODULE_6__/* .AuthError */ .l(message, code === '700024');
}
function federatedFix(claims) {
    return `no federated credential of the app matches this workflow's GitHub token (subject "${claims.sub}", audience "${claims.aud}", issuer "${claims.iss}"). Add one under Certificates & secrets \u2192 Federated credentials with exactly that issuer, subject and audience.`;
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


/***/ })

};

//# sourceMappingURL=267.index.js.map