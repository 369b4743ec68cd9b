// @ts-check
'use strict';

/**
 * Auth Armor auth requests, /v{3,4}/auth/...: start (authenticator, magic-link email, WebAuthn), WebAuthn
 * finish, validate (one per method) and GET /auth/{auth_request_id}. The person's answer comes from the
 * approver knobs (person.js), computed on read; WebAuthn's answer is its /finish call. Each request is also an
 * entry of its user's auth history.
 */

const fx = require('../fixtures');
const { json, uuid } = require('../http-util');
const {
	apiError,
	formDecode,
	isoDate,
	randomToken,
	jsonBody,
	readFields,
	GUID_PATTERN,
} = require('./common');
const { approverFor, outcomeAt } = require('./person');
const { authArmorStore } = require('./store');
const { isUser, indexOfUsername, usernameOf, userProfile } = require('./users');
const { hasEnabledCredential, credentialsOf } = require('./credentials');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */
/** @typedef {import('./store').AuthRequest} AuthRequest */
/** @typedef {import('./store').CredentialType} CredentialType */
/** @typedef {Record<string, string>} RouteParams */

const { AUTHARMOR_AUTH_STATUS: STATUS, AUTHARMOR_RESULT: RESULT } = fx;

/** Auth `timeout_in_seconds` range (the .NET SDK's StartAuthenticatorAuthRequest: Range(15, 300)). */
const MIN_TIMEOUT_SECONDS = 15;
const MAX_TIMEOUT_SECONDS = 300;

/** How each method is named in messages. */
const LABELS = /** @type {Record<CredentialType, string>} */ ({
	autharmor_authenticator: 'authenticator',
	magiclink_email: 'magic link email',
	webauthn: 'WebAuthn',
});

/** The header that carries the simulated email's link (magic-link starts): the sandbox's only side channel. */
const EMAIL_LINK_HEADER = 'X-AuthArmor-Sandbox-Email-Link';

/**
 * `url` with query parameters appended.
 * @param {string} url
 * @param {Record<string, string>} query
 */
function withQuery(url, query) {
	const parsed = new URL(url);
	for (const [name, value] of Object.entries(query)) parsed.searchParams.set(name, value);
	return parsed.toString();
}

// ------------------------------------------------------------------ status

/**
 * Where an auth request stands at `now`: pending approval (3 / result 1) until the person answers, then
 * completed (2) with result 2 success, 3 declined or 5 timeout.
 * @param {AuthRequest} request
 * @param {number} now
 * @returns {{ statusId: number, resultCode: number, respondedAt: number | null }}
 */
function authStatus(request, now) {
	if (request.finished)
		return {
			statusId: STATUS.COMPLETED,
			resultCode: request.finished.resultCode,
			respondedAt: request.finished.resultCode === RESULT.TIMEOUT ? null : request.finished.at,
		};
	const outcome = outcomeAt(request, now);
	// WebAuthn: the person answers through /finish; only a timeout happens on its own.
	if (outcome.kind === 'pending' || (request.type === 'webauthn' && outcome.kind !== 'timeout'))
		return {
			statusId: STATUS.PENDING_APPROVAL,
			resultCode: RESULT.PENDING_APPROVAL,
			respondedAt: null,
		};
	if (outcome.kind === 'timeout')
		return { statusId: STATUS.COMPLETED, resultCode: RESULT.TIMEOUT, respondedAt: null };
	return {
		statusId: STATUS.COMPLETED,
		resultCode: outcome.kind === 'approved' ? RESULT.SUCCESS : RESULT.DECLINED,
		respondedAt: outcome.at,
	};
}

/**
 * The request as `get_auth_request_response` at `now`.
 * @param {SandboxState} state
 * @param {AuthRequest} request
 * @param {number} now
 */
function authInfo(state, request, now) {
	const status = authStatus(request, now);
	const profile = userProfile(state, request.userIndex);
	return fx.authArmorAuthInfo({
		id: request.id,
		statusId: status.statusId,
		resultCode: status.resultCode,
		type: request.type,
		requestedAt: isoDate(request.startedAt),
		respondedAt: status.respondedAt === null ? null : isoDate(status.respondedAt),
		requestProfile: request.usernameless ? null : profile,
		responseProfile: status.respondedAt === null ? null : profile,
		location: request.location,
		nonce: request.nonce,
	});
}

/**
 * The API-started auth requests of user `index` as history records, oldest first.
 * @param {SandboxState} state
 * @param {number} index
 * @param {number} now
 */
function apiHistoryOf(state, index, now) {
	const store = authArmorStore(state);
	return (store.history.get(index) ?? []).flatMap((id) => {
		const request = store.authRequests.get(id);
		return request ? [authInfo(state, request, now)] : [];
	});
}

// ------------------------------------------------------------------ start

/**
 * The user a start body names (`user_id` and / or `username`), or null for a usernameless request when
 * allowed.
 * @param {SandboxState} state
 * @param {string | null} userId
 * @param {string | null} username
 * @param {boolean} allowUsernameless
 * @returns {{ index: number | null } | { reply: Reply }}
 */
function targetUser(state, userId, username, allowUsernameless) {
	if (userId !== null) {
		const index = fx.authArmorUserIndex(userId);
		if (!isUser(state, index)) return { reply: apiError(404, 'User not found.') };
		if (username !== null && indexOfUsername(state, username) !== index)
			return { reply: apiError(400, 'username and user_id name different users.') };
		return { index };
	}
	if (username !== null) {
		const index = indexOfUsername(state, username);
		return index ? { index } : { reply: apiError(404, 'User not found.') };
	}
	return allowUsernameless
		? { index: null }
		: { reply: apiError(400, 'username or user_id is required.') };
}

/**
 * The parts every start shares: body, fields, user, credential check; then the stored request.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 * @param {CredentialType} type
 * @param {(fields: import('./common').Fields) => Record<string, unknown>} readExtra the method's own fields
 * @returns {{ request: AuthRequest, extra: Record<string, unknown> } | { reply: Reply }}
 */
function startRequest(state, ctx, params, type, readExtra) {
	const parsed = jsonBody(ctx);
	if ('reply' in parsed) return parsed;
	const read = readFields(parsed.body, (f) => ({
		userId: f.guid('user_id'),
		username: f.string('username'),
		nonce: f.string('nonce', { max: 1024 }),
		timeout: f.integer('timeout_in_seconds', MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS),
		location: f.location('origin_location_data'),
		actionName:
			type === 'magiclink_email'
				? f.string('action_name', { min: 2, max: 32 })
				: f.string('action_name'),
		shortMsg: f.string('short_msg'),
		ipAddress: f.string('ip_address'),
		userAgent: f.string('user_agent'),
		extra: readExtra(f),
	}));
	if ('reply' in read) return read;
	const fields = read.value;
	const target = targetUser(
		state,
		fields.userId,
		fields.username,
		type === 'autharmor_authenticator',
	);
	if ('reply' in target) return target;
	const usernameless = target.index === null;
	// A usernameless request is answered by whoever scans its QR code: the demo user (user 1).
	const index = target.index ?? 1;
	if (!usernameless && !hasEnabledCredential(state, index, type))
		return { reply: apiError(400, `The user has no enabled ${LABELS[type]} credential.`) };

	/** @type {AuthRequest} */
	const request = {
		id: uuid(),
		version: /** @type {'v3' | 'v4'} */ (params.version),
		type,
		userIndex: index,
		usernameless,
		nonce: fields.nonce,
		actionName: fields.actionName,
		shortMsg: fields.shortMsg,
		contextData: /** @type {Record<string, string | null> | null} */ (
			fields.extra.contextData ?? null
		),
		location: fields.location,
		startedAt: Date.now(),
		timeoutSeconds: fields.timeout ?? fx.AUTHARMOR_DEFAULT_AUTH_TIMEOUT_SECONDS,
		timeoutGiven: fields.timeout !== null,
		approver: approverFor(state, usernameless ? null : usernameOf(state, index)),
		validationToken: randomToken(),
		aaGuid: type === 'webauthn' ? uuid() : null,
		webauthnClientId: /** @type {string | null} */ (fields.extra.webauthnClientId ?? null),
		finished: null,
		validatedAt: null,
	};
	const store = authArmorStore(state);
	store.authRequests.set(request.id, request);
	const history = store.history.get(index) ?? [];
	history.push(request.id);
	store.history.set(index, history);
	return { request, extra: fields.extra };
}

/** @param {AuthRequest} request */
function timeoutFields(request) {
	return {
		timeout_in_seconds: request.timeoutSeconds,
		timeout_utc_datetime: isoDate(request.startedAt + request.timeoutSeconds * 1000),
	};
}

/**
 * POST /v{3,4}/auth/authenticator/start: `start_authenticator_auth_response`. Without `username` and `user_id`
 * the request is usernameless (`user_id` answered as the empty GUID, answered by user 1 via the QR code).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function startAuthenticatorAuth(state, ctx, params) {
	const started = startRequest(state, ctx, params, 'autharmor_authenticator', (f) => ({
		sendPush: f.boolean('send_push'),
		visualVerify: f.boolean('use_visual_verify'),
	}));
	if ('reply' in started) return started.reply;
	const { request, extra } = started;
	return json(200, {
		auth_validation_token: request.validationToken,
		auth_request_id: request.id,
		user_id: request.usernameless ? fx.AUTHARMOR_EMPTY_GUID : fx.authArmorUserId(request.userIndex),
		visual_verify_value: extra.visualVerify
			? String(parseInt(request.id.slice(0, 4), 16) % 100).padStart(2, '0')
			: null,
		response_code: 0,
		response_message: 'Success',
		qr_code_data: `https://qr.autharmor.example/auth/${request.id}`,
		push_message_sent: Boolean(extra.sendPush) && !request.usernameless,
		...timeoutFields(request),
	});
}

/**
 * POST /v{3,4}/auth/magiclink_email/start: `start_magiclink_email_auth_response`. The email's link (the
 * redirect URL + `auth_request_id` + `auth_validation_token`) comes in header X-AuthArmor-Sandbox-Email-Link.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function startMagicLinkAuth(state, ctx, params) {
	const started = startRequest(state, ctx, params, 'magiclink_email', (f) => ({
		redirectUrl: f.url('auth_redirect_url', { required: true }),
		contextData: f.stringMap('context_data'),
	}));
	if ('reply' in started) return started.reply;
	const { request, extra } = started;
	const link = withQuery(String(extra.redirectUrl), {
		auth_request_id: request.id,
		auth_validation_token: request.validationToken,
	});
	return json(
		200,
		{
			auth_request_id: request.id,
			user_id: fx.authArmorUserId(request.userIndex),
			...timeoutFields(request),
		},
		{ [EMAIL_LINK_HEADER]: link },
	);
}

/**
 * POST /v{3,4}/auth/webauthn/start: `start_webauthn_auth_response` (`fido2_json_options` is JSON text of the
 * WebAuthn request options, allowing the user's enabled WebAuthn credentials).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function startWebAuthnAuth(state, ctx, params) {
	const started = startRequest(state, ctx, params, 'webauthn', (f) => ({
		webauthnClientId: f.string('webauthn_client_id', { required: true }),
	}));
	if ('reply' in started) return started.reply;
	const { request } = started;
	const options = {
		challenge: randomToken(),
		timeout: request.timeoutSeconds * 1000,
		rpId: 'autharmor.example',
		allowCredentials: credentialsOf(state, request.userIndex)
			.filter((c) => c.enabled && c.device_type === 'webauthn')
			.map((c) => ({ type: 'public-key', id: Buffer.from(c.credential_id).toString('base64url') })),
		userVerification: 'preferred',
	};
	return json(200, {
		fido2_json_options: JSON.stringify(options),
		auth_request_id: request.id,
		aa_guid: request.aaGuid,
	});
}

/**
 * The stored auth request a body names in `auth_request_id`.
 * @param {SandboxState} state
 * @param {string} id
 * @param {CredentialType} type
 * @returns {{ request: AuthRequest } | { reply: Reply }}
 */
function requestOfType(state, id, type) {
	const request = authArmorStore(state).authRequests.get(id.toLowerCase());
	if (!request) return { reply: apiError(404, 'Auth request not found.') };
	if (request.type !== type)
		return { reply: apiError(400, `auth_request_id is not a ${LABELS[type]} auth request.`) };
	return { request };
}

/**
 * POST /v{3,4}/auth/webauthn/finish: the browser's answer. Accepted while the request is pending; the approver
 * says what the person did: approve -> completed / success, decline -> completed / declined (both answer
 * `finish_webauthn_auth_response`), timeout / never -> 400 (no answer from the person).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 */
function finishWebAuthnAuth(state, ctx) {
	const parsed = jsonBody(ctx);
	if ('reply' in parsed) return parsed.reply;
	const read = readFields(parsed.body, (f) => ({
		id: /** @type {string} */ (f.guid('auth_request_id', { required: true })),
		aaSig: f.string('aa_sig', { required: true }),
		data: f.string('authenticator_response_data', { required: true }),
		clientId: f.string('webauthn_client_id'),
	}));
	if ('reply' in read) return read.reply;
	const found = requestOfType(state, read.value.id, 'webauthn');
	if ('reply' in found) return found.reply;
	const { request } = found;
	if (read.value.aaSig !== request.aaGuid)
		return apiError(400, 'aa_sig does not match the auth request.');
	if (read.value.clientId !== null && read.value.clientId !== request.webauthnClientId)
		return apiError(400, 'webauthn_client_id does not match the auth request.');
	if (request.finished) return apiError(400, 'The auth request has already been finished.');
	const now = Date.now();
	if (authStatus(request, now).statusId === STATUS.COMPLETED)
		return apiError(400, 'The auth request has timed out.');
	const action = request.approver.action;
	if (action !== 'approve' && action !== 'decline')
		return apiError(400, 'The WebAuthn response was not completed by the user.');
	request.finished = {
		at: now,
		resultCode: action === 'approve' ? RESULT.SUCCESS : RESULT.DECLINED,
	};
	return json(200, {
		auth_validation_token: request.validationToken,
		user_id: fx.authArmorUserId(request.userIndex),
		auth_request_id: request.id,
		username: usernameOf(state, request.userIndex),
	});
}

/**
 * Nonces are equal when both are absent / empty, or the same string.
 * @param {string | null} a
 * @param {string | null} b
 */
function sameNonce(a, b) {
	return (a ?? '') === (b ?? '');
}

/**
 * POST /v{3,4}/auth/{authenticator|magiclink_email|webauthn}/validate: `validate_auth_response`, once, for a
 * completed request, with the nonce it started with. Declined and timed-out requests validate too
 * (`authorized: false`).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {CredentialType} type
 */
function validateAuth(state, ctx, type) {
	const parsed = jsonBody(ctx);
	if ('reply' in parsed) return parsed.reply;
	const read = readFields(parsed.body, (f) => ({
		id: /** @type {string} */ (f.guid('auth_request_id', { required: true })),
		token: f.string('auth_validation_token', { required: true }),
		nonce: f.string('nonce', { max: 1024 }),
		ipAddress: f.string('ip_address'),
		userAgent: f.string('user_agent'),
	}));
	if ('reply' in read) return read.reply;
	const found = requestOfType(state, read.value.id, type);
	if ('reply' in found) return found.reply;
	const { request } = found;
	if (read.value.token !== request.validationToken)
		return apiError(400, 'auth_validation_token is not valid for this auth request.');
	if (!sameNonce(read.value.nonce, request.nonce))
		return apiError(400, 'nonce does not match the nonce the auth request was started with.');
	if (request.validatedAt !== null)
		return apiError(400, 'The auth request has already been validated.');
	const now = Date.now();
	if (authStatus(request, now).statusId !== STATUS.COMPLETED)
		return apiError(400, 'The auth request is not completed yet.');
	request.validatedAt = now;
	const info = authInfo(state, request, now);
	return json(200, {
		auth_request_status_id: info.auth_request_status_id,
		auth_request_status_name: info.auth_request_status_name,
		validate_auth_response_details: { ...info.auth_response, context_data: request.contextData },
	});
}

/** Fixture auth history ids: 'a0000000-0000-4000-8000-' + 10-digit user index + 2-digit n. */
const HISTORY_ID = /^a0000000-0000-4000-8000-(\d{10})(\d{2})$/i;

/**
 * GET /v{3,4}/auth/{auth_request_id}: `get_auth_request_response` of an API-started request, or of a fixture
 * auth history record (auth_request_id = auth_history_id).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function getAuthRequest(state, ctx, params) {
	const id = formDecode(params.authRequestId);
	if (!GUID_PATTERN.test(id))
		return apiError(400, `The auth request id '${id}' is not a valid GUID.`);
	const request = authArmorStore(state).authRequests.get(id.toLowerCase());
	if (request) return json(200, authInfo(state, request, Date.now()));
	const history = HISTORY_ID.exec(id);
	if (history) {
		const index = Number(history[1]);
		const n = Number(history[2]);
		if (
			index <= state.knobs.authArmorUserCount &&
			isUser(state, index) &&
			n >= 1 &&
			n <= fx.AUTHARMOR_AUTH_HISTORY_PER_USER
		)
			return json(200, fx.authArmorAuthHistoryRecord(index, n));
	}
	return apiError(404, 'Auth request not found.');
}

module.exports = {
	EMAIL_LINK_HEADER,
	withQuery,
	authInfo,
	apiHistoryOf,
	startAuthenticatorAuth,
	startMagicLinkAuth,
	startWebAuthnAuth,
	finishWebAuthnAuth,
	validateAuth,
	getAuthRequest,
};
