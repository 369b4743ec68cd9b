// @ts-check
'use strict';

/** Armor Defense FH-AUTH login (authorize -> token -> reissue) and the FH-AUTH session token check. */

const crypto = require('crypto');
const fx = require('../fixtures');
const { json, mediaType, parseJson, isPlainObject, sleep } = require('../http-util');
const { pruneExpired, refusesTokens } = require('../state');
const { message } = require('./common');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('./common').RequestContext} RequestContext */
/** @typedef {import('./common').PublicHandler} PublicHandler */

const INVALID_REQUEST = message('The request is invalid.');

// ------------------------------------------------------------------ login

/**
 * The JSON object body of a login call, or the error reply (415 for a non-JSON content type).
 * @param {RequestContext} ctx
 * @returns {{ value: Record<string, unknown> } | { reply: Reply }}
 */
function jsonObjectBody(ctx) {
	const type = mediaType(ctx.headers['content-type']);
	if (type !== 'application/json' && type !== 'text/json') {
		return {
			reply: json(
				415,
				message(
					`The request entity's media type '${type || 'none'}' is not supported for this resource.`,
				),
			),
		};
	}
	const value = parseJson(ctx.body);
	return isPlainObject(value) ? { value } : { reply: json(400, INVALID_REQUEST) };
}

/**
 * POST /auth/authorize
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @returns {Promise<Reply>}
 */
async function authorize(state, ctx) {
	const body = jsonObjectBody(ctx);
	if ('reply' in body) return body.reply;
	const { username, password } = body.value;
	const user = fx.ARMOR_USERS.find(
		(u) =>
			!refusesTokens(state, ctx.path) &&
			typeof username === 'string' &&
			u.username === username.trim().toLowerCase() &&
			u.password === password,
	);
	if (!user) return json(401, message('Invalid username or password.'));
	// The vendor's call blocks until the person approves the MFA prompt on their phone.
	if (user.mfa && !(await sleep(state.sleeper, state.knobs.mfaDelayMs)))
		return json(503, message('The sandbox is closing.'));
	const now = Date.now();
	const code = crypto.randomBytes(24).toString('base64');
	pruneExpired(state.armor.codes, now);
	state.armor.codes.set(code, {
		userId: user.id,
		expiresAt: now + state.knobs.codeLifetimeSeconds * 1000,
	});
	return json(200, { redirect_uri: null, code, success: true });
}

/**
 * Issues a new access token for a user.
 * @param {SandboxState} state
 * @param {number} userId
 * @param {boolean} withIdToken
 */
function issueToken(state, userId, withIdToken) {
	const now = Date.now();
	const lifetime = state.knobs.armorTokenLifetimeSeconds;
	const accessToken = crypto.randomBytes(16).toString('hex');
	pruneExpired(state.armor.tokens, now);
	state.armor.tokens.set(accessToken, { userId, expiresAt: now + lifetime * 1000 });
	const expiresIn =
		state.knobs.armorExpiresInUnit === 'minutes' ? Math.round(lifetime / 60) : Math.round(lifetime);
	return json(
		200,
		{
			access_token: accessToken,
			id_token: withIdToken ? crypto.randomBytes(48).toString('base64') : null,
			expires_in: expiresIn,
			token_type: 'Bearer',
		},
		{ 'Cache-Control': 'no-store' },
	);
}

/** @type {PublicHandler} */
function exchangeCode(state, ctx) {
	const body = jsonObjectBody(ctx);
	if ('reply' in body) return body.reply;
	const { code, grant_type: grantType } = body.value;
	if (grantType !== 'authorization_code') {
		return json(400, {
			error: 'unsupported_grant_type',
			error_description: 'Only the authorization_code grant type is supported.',
		});
	}
	const grant = typeof code === 'string' ? state.armor.codes.get(code) : undefined;
	if (typeof code === 'string') state.armor.codes.delete(code); // a code is good for one attempt only
	if (!grant || grant.expiresAt <= Date.now() || refusesTokens(state, ctx.path)) {
		return json(400, {
			error: 'invalid_grant',
			error_description: 'The authorization code is invalid or has expired.',
		});
	}
	return issueToken(state, grant.userId, true);
}

/**
 * The user of a known, unexpired, unrevoked access token, or undefined (always on a `refuseTokensOn` path).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {unknown} token
 */
function tokenUser(state, ctx, token) {
	if (refusesTokens(state, ctx.path)) return undefined;
	const grant = typeof token === 'string' ? state.armor.tokens.get(token) : undefined;
	if (!grant || grant.expiresAt <= Date.now()) return undefined;
	return fx.ARMOR_USERS.find((u) => u.id === grant.userId);
}

/** @type {PublicHandler} */
function reissue(state, ctx) {
	const body = jsonObjectBody(ctx);
	if ('reply' in body) return body.reply;
	const { token } = body.value;
	const user = tokenUser(state, ctx, token);
	if (!user) return json(401, message('Invalid or expired token.'));
	const reply = issueToken(state, user.id, false);
	if (state.knobs.reissueInvalidatesPrevious)
		state.armor.tokens.delete(/** @type {string} */ (token));
	return reply;
}

// ------------------------------------------------------------------ session checks

/**
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 */
function authenticate(state, ctx) {
	const match = /^FH-AUTH ([0-9a-f]{32})$/.exec(String(ctx.headers.authorization ?? ''));
	return match ? tokenUser(state, ctx, match[1]) : undefined;
}

module.exports = { authorize, exchangeCode, reissue, authenticate };
