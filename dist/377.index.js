export const id = 377;
export const ids = [377];
export const modules = {

/***/ 4377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   githubIdToken: () => (/* binding */ githubIdToken),
/* harmony export */   oidcEndpoint: () => (/* binding */ oidcEndpoint)
/* harmony export */ });
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9663);
/* harmony import */ var _net_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4457);
/* harmony import */ var _net_wording_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6543);
/* harmony import */ var _net_token_source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(582);
// A GitHub OIDC token for Azure AD's federated credentials, asked of the runner's token service
// with the request's budget (core.getIDToken has no deadline of its own and retries by itself).




function oidcEndpoint(env) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
    return url === '' || requestToken === '' ? undefined : { url, requestToken };
}
const NO_PERMISSION = 'GitHub gave no OIDC token: add `permissions: id-token: write` to the workflow or the job, or sign in with client-secret instead.';
async function githubIdToken(endpoint, audience, budget) {
    if (endpoint === undefined)
        throw new _net_token_source_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .l(NO_PERMISSION, false);
    const url = new URL(endpoint.url);
    url.searchParams.set('audience', audience);
    let status;
    let body;
    try {
        ;
        ({ status, body } = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_0__/* .send */ .tN)({
            method: 'GET',
            url: url.toString(),
            headers: { Authorization: `Bearer ${endpoint.requestToken}`, Accept: 'application/json' }
        }, budget));
    }
    catch (error) {
        throw new _net_token_source_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .l(`Could not get a GitHub OIDC token: ${(0,_net_http_js__WEBPACK_IMPORTED_MODULE_0__/* .reasonOf */ .A3)(error)}`, true);
    }
    // The request token is a secret of the runner's: an endpoint that echoes it must not have it shown.
    body = body.split(endpoint.requestToken).join('***');
    let value;
    try {
        value = (0,_net_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .q)(body)?.value;
    }
    catch {
        value = undefined;
    }
    if (status === 200 && typeof value === 'string' && value !== '')
        return value;
    const detail = (0,_net_wording_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(body);
    const reason = `Could not get a GitHub OIDC token: HTTP ${status}${detail === '' ? '' : `: ${detail}`}`;
    // 401 and 403 will not change by asking again: the job's token may not ask for ID tokens.
    if (status === 401 || status === 403)
        throw new _net_token_source_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .l(`${reason}. ${NO_PERMISSION}`, false);
    throw new _net_token_source_js__WEBPACK_IMPORTED_MODULE_3__/* .AuthError */ .l(reason, true);
}


/***/ })

};

//# sourceMappingURL=377.index.js.map