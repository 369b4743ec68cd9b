// @ts-check
'use strict';

/**
 * Armor Defense FH-AUTH login (authorize -> token -> reissue) and the check of every other call: an FH-AUTH
 * session token or an ARMOR-PSK API-key signature (shared by the Armor and the v2 services listeners).
 */

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

// ------------------------------------------------------------------ API keys (ARMOR-PSK)

/**
 * The ARMOR-PSK signature of a request: base64(HMAC-SHA512(key = secret as UTF-8, message = keyId + METHOD +
 * path + nonce + timestamp + bodyPart)), bodyPart = '' for an empty body, else base64(SHA-512(body bytes)).
 * @param {{ keyId: string, secret: string, method: string, path: string, nonce: string, timestamp: string | number, body?: string | Uint8Array }} input
 *   path: without scheme, host and query, exactly as sent; body: the exact bytes sent (a string as UTF-8)
 * @returns {string}
 */
function armorPskSignature({ keyId, secret, method, path, nonce, timestamp, body }) {
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : (body ?? Buffer.alloc(0));
	const bodyPart = bytes.length ? crypto.createHash('sha512').update(bytes).digest('base64') : '';
	return crypto
		.createHmac('sha512', Buffer.from(secret, 'utf8'))
		.update(`${keyId}${method.toUpperCase()}${path}${nonce}${timestamp}${bodyPart}`, 'utf8')
		.digest('base64');
}

/**
 * A whole `Authorization` header value for a request signed with an API key; nonce = timestamp (as the vendor
 * guide wants), timestamp default: now.
 * @param {{ keyId: string, secret: string }} key
 * @param {{ method: string, path: string, body?: string | Uint8Array, timestamp?: number }} request
 */
function armorPskAuthorization(key, { method, path, body, timestamp }) {
	const ts = String(timestamp ?? Math.floor(Date.now() / 1000));
	const signature = armorPskSignature({ ...key, method, path, nonce: ts, timestamp: ts, body });
	return `ARMOR-PSK ${key.keyId}:${signature}:${ts}:${ts}`;
}

/**
 * @param {string} a
 * @param {string} b
 */
function sameText(a, b) {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * The user of a valid `ARMOR-PSK <keyId>:<signature>:<nonce>:<timestamp>` credential, or undefined: unknown
 * key, bad signature, timestamp not Unix seconds or more than 300 s from the sandbox clock (plus
 * `armorClockSkewSeconds`), nonce not equal to the timestamp, longer than 128 or holding ':' (four fields
 * exactly), or a `refuseTokensOn` path.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {string} credential the header after 'ARMOR-PSK '
 */
function pskUser(state, ctx, credential) {
	const parts = credential.split(':');
	if (parts.length !== 4) return undefined;
	const [keyId, signature, nonce, timestamp] = parts;
	const key = fx.ARMOR_API_KEYS.find((k) => k.keyId === keyId);
	if (!key || !/^\d{1,15}$/.test(timestamp)) return undefined;
	if (nonce.length > 128 || nonce !== timestamp) return undefined;
	const now = Date.now() / 1000 + state.knobs.armorClockSkewSeconds;
	if (Math.abs(now - Number(timestamp)) > fx.ARMOR_PSK_MAX_CLOCK_DIFFERENCE_SECONDS)
		return undefined;
	const expected = armorPskSignature({
		keyId: key.keyId,
		secret: key.secret,
		method: ctx.method,
		path: ctx.rawPath,
		nonce,
		timestamp,
		body: ctx.rawBody,
	});
	if (!sameText(signature, expected) || refusesTokens(state, ctx.path)) return undefined;
	return fx.ARMOR_USERS.find((u) => u.id === key.userId);
}

// ------------------------------------------------------------------ session checks

/**
 * The user a request acts as, by `Authorization: FH-AUTH <token>` (exactly) or `Authorization: ARMOR-PSK ...`;
 * sets `ctx.authScheme` to the scheme that let it in. Undefined (and no scheme) when neither does.
 * Used by the Armor listener and the v2 services listener alike.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 */
function authenticate(state, ctx) {
	const header = String(ctx.headers.authorization ?? '');
	const match = /^FH-AUTH ([0-9a-f]{32})$/.exec(header);
	/** @type {import('../state').AuthScheme} */
	const scheme = match ? 'FH-AUTH' : 'ARMOR-PSK';
	const user = match
		? tokenUser(state, ctx, match[1])
		: header.startsWith('ARMOR-PSK ')
			? pskUser(state, ctx, header.slice('ARMOR-PSK '.length))
			: undefined;
	if (user) ctx.authScheme = scheme;
	return user;
}

module.exports = {
	authorize,
	exchangeCode,
	reissue,
	authenticate,
	armorPskSignature,
	armorPskAuthorization,
};
