// @ts-check
'use strict';

/**
 * The Auth Armor API (https://api.autharmor.com, token from https://login.autharmor.com/connect/token):
 * OAuth 2 client credentials and the v3/v4 users endpoints, over a deterministic user list generated from
 * the index (so 100,000 users cost nothing) plus a small overlay of renames.
 */

const crypto = require('crypto');
const fx = require('./fixtures');
const {
	json,
	empty,
	mediaType,
	parseJson,
	isPlainObject,
	queryParam,
	intParam,
	uuid,
} = require('./http-util');
const { pruneExpired, refusesTokens } = require('./state');

/** @typedef {import('./state').SandboxState} SandboxState */
/** @typedef {import('./http-util').Reply} Reply */
/** @typedef {import('./armor-api').RequestContext} RequestContext */

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SORT_COLUMNS = ['date_created', 'user_id', 'username', 'email_address'];
const MAX_USERNAME_LENGTH = 256;

/**
 * The vendor's error body.
 * @param {number} status
 * @param {string} text
 */
function apiError(status, text) {
	return json(status, { error_code: status, error_message: text, tracking_id: uuid() });
}

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
 * Undoes application/x-www-form-urlencoded escaping (used inside HTTP Basic client credentials).
 * @param {string} text
 */
function formDecode(text) {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return text;
	}
}

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
	const client = fx.AUTHARMOR_CLIENT;
	if (id !== client.clientId || secret !== client.clientSecret || refusesTokens(state, ctx.path))
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
 * The 401 (empty body) for a request without a valid bearer token, or null when the token is good. On a
 * `refuseTokensOn` path no token is good.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @returns {Reply | null}
 */
function bearerCheck(state, ctx) {
	const match = /^Bearer (\S+)$/i.exec(String(ctx.headers.authorization ?? ''));
	if (!match) return empty(401, { 'WWW-Authenticate': 'Bearer' });
	const grant = refusesTokens(state, ctx.path) ? undefined : state.authArmor.tokens.get(match[1]);
	if (!grant || grant.expiresAt <= Date.now())
		return empty(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
	return null;
}

// ------------------------------------------------------------------ user store

/**
 * @param {SandboxState} state
 * @param {number} index
 */
function usernameOf(state, index) {
	return state.authArmor.renames.get(index) ?? fx.authArmorDefaultUsername(index);
}

/**
 * The spec's `user` record of user `index` (with any rename applied).
 * @param {SandboxState} state
 * @param {number} index
 */
function userRecord(state, index) {
	return { ...fx.authArmorDefaultUser(index), username: usernameOf(state, index) };
}

/**
 * The index of the user currently holding `username` (case-insensitive), or 0.
 * @param {SandboxState} state
 * @param {string} username
 */
function indexOfUsername(state, username) {
	const count = state.knobs.authArmorUserCount;
	const renamed = state.authArmor.renamedIndexByName.get(username.toLowerCase());
	if (renamed !== undefined) return renamed <= count ? renamed : 0;
	const index = fx.authArmorIndexOfDefaultUsername(username);
	return index >= 1 && index <= count && !state.authArmor.renames.has(index) ? index : 0;
}

/**
 * @param {SandboxState} state
 * @param {number} index
 * @param {string} username
 */
function renameUser(state, index, username) {
	const store = state.authArmor;
	const previous = store.renames.get(index);
	if (previous !== undefined) store.renamedIndexByName.delete(previous.toLowerCase());
	if (username === fx.authArmorDefaultUsername(index)) {
		store.renames.delete(index);
	} else {
		store.renames.set(index, username);
		store.renamedIndexByName.set(username.toLowerCase(), index);
	}
	store.renameVersion += 1;
}

/**
 * User indexes sorted ascending by a text column; cached until the count or (for usernames) a rename changes.
 * @param {SandboxState} state
 * @param {'username' | 'email_address'} column
 */
function sortedByText(state, column) {
	const count = state.knobs.authArmorUserCount;
	const key = `${count}:${column === 'username' ? state.authArmor.renameVersion : 0}`;
	const cached = state.authArmor.sortCache.get(column);
	if (cached && cached.key === key) return cached.order;
	const values = new Array(count + 1);
	for (let i = 1; i <= count; i++) {
		values[i] = (
			column === 'username' ? usernameOf(state, i) : fx.authArmorDefaultUsername(i)
		).toLowerCase();
	}
	const order = new Uint32Array(count);
	for (let i = 0; i < count; i++) order[i] = i + 1;
	order.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
	state.authArmor.sortCache.set(column, { key, order });
	return order;
}

/**
 * The user indexes in list order, as a length and an accessor (no per-request copy unless filtering).
 * @param {SandboxState} state
 * @param {string} column
 * @param {'asc' | 'desc'} direction
 * @param {string} filter lower-case substring of the username, or ''
 * @returns {{ length: number, at: (position: number) => number }}
 */
function userOrder(state, column, direction, filter) {
	const count = state.knobs.authArmorUserCount;
	/** @type {{ length: number, at: (position: number) => number }} */
	let view = { length: count, at: (p) => p + 1 };
	if (column === 'username' || column === 'email_address') {
		const order = sortedByText(state, column);
		view = { length: order.length, at: (p) => order[p] };
	}
	if (direction === 'desc') {
		const asc = view;
		view = { length: asc.length, at: (p) => asc.at(asc.length - 1 - p) };
	}
	if (filter) {
		/** @type {number[]} */
		const matches = [];
		for (let p = 0; p < view.length; p++) {
			const index = view.at(p);
			if (usernameOf(state, index).toLowerCase().includes(filter)) matches.push(index);
		}
		view = { length: matches.length, at: (p) => matches[p] };
	}
	return view;
}

/**
 * Resolves the `{user_id}` segment: a user's UUID, or the empty GUID plus a username given in header
 * X-AuthArmor-UsernameValue or query `username` (so it never has to appear in the path).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {string} segment
 * @returns {{ index: number } | { reply: Reply }}
 */
function resolveUser(state, ctx, segment) {
	const userId = formDecode(segment);
	if (!UUID_PATTERN.test(userId))
		return { reply: apiError(400, `The user id '${userId}' is not a valid GUID.`) };
	if (userId === fx.AUTHARMOR_EMPTY_GUID) {
		const header = ctx.headers['x-autharmor-usernamevalue'];
		const username = String(
			(Array.isArray(header) ? header[0] : header) || queryParam(ctx.params, 'username') || '',
		).trim();
		if (!username)
			return { reply: apiError(400, 'A username is required when the user id is the empty GUID.') };
		const index = indexOfUsername(state, username);
		return index ? { index } : { reply: apiError(404, 'User not found.') };
	}
	const index = fx.authArmorUserIndex(userId);
	return index >= 1 && index <= state.knobs.authArmorUserCount
		? { index }
		: { reply: apiError(404, 'User not found.') };
}

// ------------------------------------------------------------------ users endpoints

/**
 * GET /v{3,4}/users
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 */
function listUsers(state, ctx) {
	const pageNumber = intParam(queryParam(ctx.params, 'page_number'), 1);
	if (!(pageNumber >= 1)) return apiError(400, 'page_number must be 1 or greater.');
	const pageSize = intParam(queryParam(ctx.params, 'page_size'), fx.AUTHARMOR_DEFAULT_PAGE_SIZE);
	if (!(pageSize >= 1 && pageSize <= fx.AUTHARMOR_MAX_PAGE_SIZE)) {
		return apiError(400, `page_size must be between 1 and ${fx.AUTHARMOR_MAX_PAGE_SIZE}.`);
	}
	const direction = (queryParam(ctx.params, 'sort_direction') || 'asc').toLowerCase();
	if (direction !== 'asc' && direction !== 'desc')
		return apiError(400, 'sort_direction must be asc or desc.');
	const column = (queryParam(ctx.params, 'sort_column') || 'date_created').toLowerCase();
	if (!SORT_COLUMNS.includes(column))
		return apiError(400, `sort_column must be one of ${SORT_COLUMNS.join(', ')}.`);
	const filter = (queryParam(ctx.params, 'username') || '').trim().toLowerCase();

	const order = userOrder(state, column, direction, filter);
	const userRecords = [];
	const start = (pageNumber - 1) * pageSize;
	for (let p = start; p < order.length && p < start + pageSize; p++)
		userRecords.push(userRecord(state, order.at(p)));
	return json(200, {
		user_records: userRecords,
		page_info: {
			currnet_page_number: pageNumber,
			currnet_page_size: pageSize,
			total_page_count: Math.ceil(order.length / pageSize),
			total_record_count: order.length,
		},
	});
}

/**
 * GET /v{3,4}/users/{user_id}
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {string} segment
 */
function getUser(state, ctx, segment) {
	const resolved = resolveUser(state, ctx, segment);
	if ('reply' in resolved) return resolved.reply;
	return json(200, {
		enrolled_auth_methods: fx.authArmorEnrolledAuthMethods(resolved.index),
		...userRecord(state, resolved.index),
	});
}

/**
 * PUT /v{3,4}/users/{user_id} with `{ new_username }`.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {string} segment
 */
function updateUser(state, ctx, segment) {
	if (
		!/^(application\/([\w.-]+\+)?json|text\/json)$/.test(mediaType(ctx.headers['content-type']))
	) {
		return apiError(415, 'The request body must be JSON.');
	}
	const resolved = resolveUser(state, ctx, segment);
	if ('reply' in resolved) return resolved.reply;
	const body = parseJson(ctx.body);
	if (!isPlainObject(body)) return apiError(400, 'The request body is not valid JSON.');
	const username = body.new_username;
	if (typeof username !== 'string' || username.trim() === '')
		return apiError(400, 'new_username is required.');
	if (username.length > MAX_USERNAME_LENGTH || /[\s\p{Cc}]/u.test(username))
		return apiError(400, 'new_username is not a valid username.');
	const holder = indexOfUsername(state, username);
	if (holder && holder !== resolved.index)
		return apiError(409, `The username '${username}' is already in use.`);
	renameUser(state, resolved.index, username);
	return json(200, userRecord(state, resolved.index));
}

// ------------------------------------------------------------------ router

/**
 * @typedef {(state: SandboxState, ctx: RequestContext, segment: string) => Reply} UserHandler
 * @type {{ pattern: RegExp, methods: Record<string, UserHandler> }[]}
 */
const API_ROUTES = [
	{ pattern: /^\/v[34]\/users$/i, methods: { GET: (state, ctx) => listUsers(state, ctx) } },
	{ pattern: /^\/v[34]\/users\/([^/]+)$/i, methods: { GET: getUser, PUT: updateUser } },
];

/**
 * Routes one Auth Armor request.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @returns {Reply}
 */
function handleAuthArmor(state, ctx) {
	if (/^\/connect\/token$/i.test(ctx.path)) return tokenEndpoint(state, ctx);
	if (/^\/v[34](\/|$)/i.test(ctx.path)) {
		const denied = bearerCheck(state, ctx);
		if (denied) return denied;
		for (const route of API_ROUTES) {
			const match = route.pattern.exec(ctx.path);
			if (!match) continue;
			if (!Object.hasOwn(route.methods, ctx.method))
				return empty(405, { Allow: Object.keys(route.methods).join(', ') });
			return route.methods[ctx.method](state, ctx, match[1]);
		}
	}
	return apiError(404, 'Not found.');
}

module.exports = { handleAuthArmor };
