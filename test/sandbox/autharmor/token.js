// @ts-check
'use strict';

/** Auth Armor POST /connect/token (OAuth 2 client credentials) and the bearer token check of the API. */

const crypto = require('crypto');
const fx = require('../fixtures');
const { json, empty, mediaType, uuid } = require('../http-util');
const { pruneExpired, refusesTokens } = require('../state');
const { formDecode } = require('./common');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */

/**
 * An OAuth error from the token endpoint.
 * @param {string} error
 * @param {string} [description]
 */
function oauthError(error, description) {
	return json(400, description ? { error, error_description: description } : { error }, {
		'Cache-Control': 'no-store',
	});
}

// ------------------------------------------------------------------ token endpoint

/**
 * client_id/client_secret from HTTP Basic (preferred, like IdentityServer) or from the form.
 * @param {RequestContext} ctx
 * @param {URLSearchParams} form
 */
function clientCredentials(ctx, form) {
	const header = String(ctx.headers.authorization ?? '');
	if (/^basic /i.test(header)) {
		const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon < 0) return { id: undefined, secret: undefined };
		return {
			id: formDecode(decoded.slice(0, colon)),
			secret: formDecode(decoded.slice(colon + 1)),
		};
	}
	return { id: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? undefined };
}

/**
 * A JWT-shaped access token (HS256 with a per-sandbox key) and its grant.
 * @param {SandboxState} state
 * @param {string} clientId
 * @param {string[]} scopes
 */
function signAccessToken(state, clientId, scopes) {
	const now = Date.now();
	const expiresAt = now + state.knobs.authArmorTokenLifetimeSeconds * 1000;
	const encode = (/** @type {object} */ part) =>
		Buffer.from(JSON.stringify(part)).toString('base64url');
	const header = encode({ alg: 'HS256', typ: 'at+jwt', kid: 'sandbox' });
	const payload = encode({
		iss: state.authArmor.issuer,
		aud: 'AuthArmorApi',
		nbf: Math.floor(now / 1000),
		iat: Math.floor(now / 1000),
		exp: Math.ceil(expiresAt / 1000),
		client_id: clientId,
		scope: scopes,
		jti: uuid(),
	});
	const signature = crypto
		.createHmac('sha256', state.authArmor.signingKey)
		.update(`${header}.${payload}`)
		.digest('base64url');
	return { token: `${header}.${payload}.${signature}`, grant: { clientId, scopes, expiresAt } };
}

/**
 * POST /connect/token (client credentials only).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function tokenEndpoint(state, ctx) {
	if (ctx.method !== 'POST')
		return json(
			405,
			{ error: 'invalid_request', error_description: 'The token endpoint only accepts POST.' },
			{ Allow: 'POST' },
		);
	if (mediaType(ctx.headers['content-type']) !== 'application/x-www-form-urlencoded') {
		return oauthError(
			'invalid_request',
			'The request must be sent as application/x-www-form-urlencoded.',
		);
	}
	const form = new URLSearchParams(ctx.body);
	const { id, secret } = clientCredentials(ctx, form);
	const client = fx.AUTHARMOR_CLIENTS.find((c) => c.clientId === id);
	if (!client || secret !== client.clientSecret || refusesTokens(state, ctx.path))
		return oauthError('invalid_client');
	if (form.get('grant_type') !== 'client_credentials') return oauthError('unsupported_grant_type');
	const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
	if (requested.some((scope) => !client.scopes.includes(scope))) return oauthError('invalid_scope');
	const scopes = requested.length ? [...new Set(requested)] : [...client.scopes];

	const { token, grant } = signAccessToken(state, client.clientId, scopes);
	pruneExpired(state.authArmor.tokens, Date.now());
	state.authArmor.tokens.set(token, grant);
	return json(
		200,
		{
			access_token: token,
			token_type: 'Bearer',
			expires_in: Math.round(state.knobs.authArmorTokenLifetimeSeconds),
			scope: scopes.join(' '),
		},
		{ 'Cache-Control': 'no-store' },
	);
}

/**
 * The grant of the request's bearer token, or the 401 (empty body) when there is no valid one. On a
 * `refuseTokensOn` path no token is good.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @returns {{ grant: import('../state').AuthArmorGrant } | { reply: Reply }}
 */
function bearerGrant(state, ctx) {
	const match = /^Bearer (\S+)$/i.exec(String(ctx.headers.authorization ?? ''));
	if (!match) return { reply: empty(401, { 'WWW-Authenticate': 'Bearer' }) };
	const grant = refusesTokens(state, ctx.path) ? undefined : state.authArmor.tokens.get(match[1]);
	if (!grant || grant.expiresAt <= Date.now())
		return { reply: empty(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }) };
	return { grant };
}

/**
 * The 401 (empty body) for a request without a valid bearer token, or null when the token is good.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @returns {Reply | null}
 */
function bearerCheck(state, ctx) {
	const checked = bearerGrant(state, ctx);
	return 'reply' in checked ? checked.reply : null;
}

/**
 * Whether the grant's client may manage users (users, credentials, auth history, registrations).
 * @param {import('../state').AuthArmorGrant} grant
 */
function managesUsers(grant) {
	return fx.AUTHARMOR_CLIENTS.some((c) => c.clientId === grant.clientId && c.manageUsers);
}

module.exports = { tokenEndpoint, bearerCheck, bearerGrant, managesUsers };
