// @ts-check
'use strict';

/**
 * Auth Armor GET /v{3,4}/users/{user_id}/auth_history: the user's 23 fixture records (generated users), then
 * the auth requests started through the API (live status) and those added by the sandbox's
 * `addAuthArmorHistory` (completed), in the order they were made, paged like the users list.
 */

const fx = require('../fixtures');
const { json, uuid } = require('../http-util');
const { pagingParams, pageInfo, pageOf, randomToken, GUID_PATTERN } = require('./common');
const { resolveUser, isUser, indexOfUsername } = require('./users');
const { apiHistoryOf, authInfo } = require('./auth');
const { authArmorStore } = require('./store');
const {
	SandboxNotFoundError,
	clockTimes,
	optionsArg,
	countArg,
	sameTimestampOption,
} = require('../change-util');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../armor/common').RequestContext} RequestContext */
/** @typedef {import('./store').AuthRequest} AuthRequest */
/** @typedef {import('./store').CredentialType} CredentialType */
/** @typedef {Record<string, string>} RouteParams */

/** `date_created`: when the request was made (the default); `result_code`: then by date. */
const SORT_COLUMNS = ['date_created', 'result_code'];

/**
 * GET /v{3,4}/users/{user_id}/auth_history: `get_user_auth_history_response`.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function listAuthHistory(state, ctx, params) {
	const resolved = resolveUser(state, ctx, params.userId);
	if ('reply' in resolved) return resolved.reply;
	const paging = pagingParams(ctx, SORT_COLUMNS);
	if ('reply' in paging) return paging.reply;
	const index = resolved.index;
	const fixture = index <= state.knobs.authArmorUserCount ? fx.authArmorAuthHistory(index) : [];
	let records = [...fixture, ...apiHistoryOf(state, index, Date.now())];
	if (paging.column === 'result_code') {
		records = records
			.map((record, position) => ({ record, position }))
			.sort(
				(a, b) =>
					a.record.auth_response.result_code - b.record.auth_response.result_code ||
					a.position - b.position,
			)
			.map(({ record }) => record);
	}
	return json(200, {
		auth_history_records: pageOf(records, paging),
		page_info: pageInfo(paging.pageNumber, paging.pageSize, records.length),
	});
}

// ------------------------------------------------------------------ data changes (sandbox methods)

/** The results `addAuthArmorHistory` takes, by name; 'failed' is 4 (Invalid Signature). */
const RESULTS = /** @type {const} */ ({
	success: fx.AUTHARMOR_RESULT.SUCCESS,
	declined: fx.AUTHARMOR_RESULT.DECLINED,
	failed: fx.AUTHARMOR_RESULT.INVALID_SIGNATURE,
	invalid_signature: fx.AUTHARMOR_RESULT.INVALID_SIGNATURE,
	timeout: fx.AUTHARMOR_RESULT.TIMEOUT,
	security_exception: fx.AUTHARMOR_RESULT.SECURITY_EXCEPTION,
});

const METHODS = /** @type {CredentialType[]} */ ([
	'autharmor_authenticator',
	'magiclink_email',
	'webauthn',
]);

/**
 * The user index a user argument names: an index (number), a user id (GUID) or a username.
 * @param {SandboxState} state
 * @param {unknown} user
 */
function userArg(state, user) {
	/** @type {number} */
	let index;
	if (typeof user === 'number') index = user;
	else if (typeof user === 'string' && GUID_PATTERN.test(user)) index = fx.authArmorUserIndex(user);
	else if (typeof user === 'string') index = indexOfUsername(state, user);
	else throw new TypeError('user must be a user index, a user id or a username.');
	if (!Number.isInteger(index) || !isUser(state, index))
		throw new SandboxNotFoundError(`Auth Armor user ${JSON.stringify(user)} was not found.`);
	return index;
}

/**
 * Adds `count` completed auth requests to a user's auth history, as if the user had just been asked and
 * answered: `result` 'success' (2, default), 'declined' (3), 'failed' = 'invalid_signature' (4), 'timeout'
 * (5: no response) or 'security_exception' (10), or that result code; `method` 'autharmor_authenticator'
 * (default), 'magiclink_email' or 'webauthn'. Requested (and answered) at the sandbox clock (one time for all
 * with `sameTimestamp`, else 1 ms apart). They are real auth requests: GET /auth/{auth_request_id} answers
 * them, and they list after every earlier history record. Returns them as `get_auth_request_response`, in the
 * order added.
 * @param {SandboxState} state
 * @param {unknown} user a user index (1-based), user id or username
 * @param {unknown} count
 * @param {unknown} [options] `{ result?, method?, sameTimestamp? }`
 */
function addAuthArmorHistory(state, user, count, options) {
	const index = userArg(state, user);
	const opts = optionsArg('addAuthArmorHistory options', options, [
		'result',
		'method',
		'sameTimestamp',
	]);
	const how = countArg(count, 1000);
	const result = opts.result ?? 'success';
	const codes = /** @type {Record<string, number>} */ (RESULTS);
	const resultCode =
		typeof result === 'string' && Object.hasOwn(codes, result)
			? codes[result]
			: Object.values(codes).includes(/** @type {number} */ (result))
				? /** @type {number} */ (result)
				: undefined;
	if (resultCode === undefined)
		throw new TypeError(
			`result must be one of ${Object.keys(RESULTS).join(', ')} or a result code (2, 3, 4, 5, 10).`,
		);
	const method = opts.method ?? 'autharmor_authenticator';
	if (!METHODS.includes(/** @type {CredentialType} */ (method)))
		throw new TypeError(`method must be one of: ${METHODS.join(', ')}.`);
	const type = /** @type {CredentialType} */ (method);
	const store = authArmorStore(state);
	const history = store.history.get(index) ?? [];
	store.history.set(index, history);
	const now = Date.now();
	return clockTimes(state, how, sameTimestampOption(opts)).map((ms) => {
		/** @type {AuthRequest} */
		const request = {
			id: uuid(),
			version: 'v4',
			type,
			userIndex: index,
			usernameless: false,
			nonce: null,
			actionName: null,
			shortMsg: null,
			contextData: null,
			location: null,
			startedAt: ms,
			timeoutSeconds: fx.AUTHARMOR_DEFAULT_AUTH_TIMEOUT_SECONDS,
			timeoutGiven: false,
			approver: { action: 'never', afterMs: 0 },
			validationToken: randomToken(),
			aaGuid: type === 'webauthn' ? uuid() : null,
			webauthnClientId: null,
			finished: { at: ms, resultCode },
			validatedAt: null,
		};
		store.authRequests.set(request.id, request);
		history.push(request.id);
		return authInfo(state, request, Math.max(now, ms));
	});
}

module.exports = { listAuthHistory, addAuthArmorHistory };
