// @ts-check
'use strict';

/**
 * The Armor Defense API (https://api.armor.com): FH-AUTH login (authorize -> token -> reissue) and a few
 * read endpoints, with ASP.NET Web API style error bodies.
 */

const crypto = require('crypto');
const fx = require('./fixtures');
const {
	json,
	mediaType,
	parseJson,
	isPlainObject,
	queryParam,
	intParam,
	uuid,
	sleep,
} = require('./http-util');
const { pruneExpired, refusesTokens } = require('./state');

/** @typedef {import('./state').SandboxState} SandboxState */
/** @typedef {import('./http-util').Reply} Reply */
/** @typedef {typeof fx.ARMOR_DEMO_USER} ArmorUser */

/**
 * @typedef {object} RequestContext
 * @property {string} method
 * @property {string} path normalized pathname
 * @property {URLSearchParams} params
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {string} body
 */

/** @typedef {{ user: ArmorUser, accountId: number }} Session */
/** @typedef {(state: SandboxState, ctx: RequestContext, match: RegExpExecArray) => Reply | Promise<Reply>} PublicHandler */
/** @typedef {(state: SandboxState, ctx: RequestContext, session: Session, match: RegExpExecArray) => Reply} SessionHandler */

/** @param {string} Message */
const message = (Message) => ({ Message });

const DENIED = message('Authorization has been denied for this request.');
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

/**
 * @param {number} status
 * @param {string} text
 */
function contextError(status, text) {
	return json(status, { ErrorCode: status, Message: text, Detail: null, ReferenceId: uuid() });
}

/**
 * The account the call acts on: X-Account-Context when present, else the user's first account.
 * @param {RequestContext} ctx
 * @param {ArmorUser} user
 * @returns {{ accountId: number } | { reply: Reply }}
 */
function accountContext(ctx, user) {
	const header = ctx.headers['x-account-context'];
	if (header === undefined) return { accountId: user.accounts[0].id };
	const raw = String(header);
	if (!/^\s*[+-]?\d+\s*$/.test(raw))
		return { reply: contextError(400, `Account context ${raw} is not a valid account id.`) };
	const accountId = Number(raw);
	if (!user.accounts.some((a) => a.id === accountId)) {
		return { reply: contextError(403, `Account context ${raw} is not available to this user.`) };
	}
	return { accountId };
}

// ------------------------------------------------------------------ resources

/** @type {SessionHandler} */
function getMe(state, _ctx, { user }) {
	const profile = {
		id: user.id,
		firstName: user.firstName,
		lastName: user.lastName,
		email: user.username,
		username: user.username,
		mfaEnabled: user.mfa,
		timezone: 'UTC',
	};
	return json(200, {
		user: state.knobs.meUserAsArray ? [profile] : profile,
		accounts: user.accounts,
		departments: [],
		permissions: fx.ARMOR_PERMISSIONS,
		features: [],
	});
}

/** @type {SessionHandler} */
function listAccounts(_state, _ctx, { user }) {
	return json(200, user.accounts);
}

/** @type {SessionHandler} */
function getAccount(_state, _ctx, { user }, match) {
	const account = user.accounts.find((a) => String(a.id) === match[1]);
	return account ? json(200, account) : json(404, message(`Account ${match[1]} was not found.`));
}

/**
 * @param {number} accountId
 * @param {number} offset
 */
function encodePageToken(accountId, offset) {
	return Buffer.from(`${accountId}:${offset}`).toString('base64url');
}

/**
 * The offset a page token names for this account, or NaN.
 * @param {string} token
 * @param {number} accountId
 */
function decodePageToken(token, accountId) {
	const match = /^(\d+):(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
	if (!match || Number(match[1]) !== accountId || Number(match[2]) >= fx.ARMOR_TICKETS_PER_ACCOUNT)
		return NaN;
	return Number(match[2]);
}

/** @type {SessionHandler} */
function listTickets(_state, ctx, { accountId }) {
	const maxResults = intParam(
		queryParam(ctx.params, 'maxResults'),
		fx.ARMOR_TICKETS_DEFAULT_MAX_RESULTS,
	);
	if (!(maxResults >= 1 && maxResults <= fx.ARMOR_TICKETS_MAX_RESULTS)) {
		return json(400, message(`maxResults must be between 1 and ${fx.ARMOR_TICKETS_MAX_RESULTS}.`));
	}
	const direction = (queryParam(ctx.params, 'orderByDirection') || 'asc').toLowerCase();
	if (direction !== 'asc' && direction !== 'desc')
		return json(400, message('orderByDirection must be asc or desc.'));
	const token = queryParam(ctx.params, 'nextPageToken') || '';
	const offset = token ? decodePageToken(token, accountId) : 0;
	if (Number.isNaN(offset)) return json(400, message('The nextPageToken is not valid.'));

	const total = fx.ARMOR_TICKETS_PER_ACCOUNT;
	const end = Math.min(total, offset + maxResults);
	const items = [];
	for (let position = offset; position < end; position++) {
		items.push(fx.armorTicket(accountId, direction === 'asc' ? position + 1 : total - position));
	}
	return json(200, {
		nextPageToken: end < total ? encodePageToken(accountId, end) : null,
		total,
		items,
	});
}

/** @type {SessionHandler} */
function listSecurityIncidents(_state, ctx, { accountId }) {
	const page = intParam(queryParam(ctx.params, 'page'), 1);
	if (!(page >= 1)) return json(400, message('page must be 1 or greater.'));
	const total = fx.ARMOR_INCIDENTS_PER_ACCOUNT;
	const items = [];
	const first = (page - 1) * fx.ARMOR_INCIDENTS_PAGE_SIZE + 1;
	for (let n = first; n <= total && n < first + fx.ARMOR_INCIDENTS_PAGE_SIZE; n++)
		items.push(fx.armorSecurityIncident(accountId, n));
	return json(200, { total, page, items });
}

// ------------------------------------------------------------------ router

/**
 * @typedef {{ pattern: RegExp, public: true, methods: Record<string, PublicHandler> }
 *   | { pattern: RegExp, public: false, methods: Record<string, SessionHandler> }} Route
 */

/** @type {Route[]} */
const ROUTES = [
	{ pattern: /^\/auth\/authorize$/i, public: true, methods: { POST: authorize } },
	{ pattern: /^\/auth\/token$/i, public: true, methods: { POST: exchangeCode } },
	{ pattern: /^\/auth\/token\/reissue$/i, public: true, methods: { POST: reissue } },
	{ pattern: /^\/me$/i, public: false, methods: { GET: getMe } },
	{ pattern: /^\/accounts$/i, public: false, methods: { GET: listAccounts } },
	{ pattern: /^\/accounts\/([^/]+)$/i, public: false, methods: { GET: getAccount } },
	{ pattern: /^\/tickets\/list$/i, public: false, methods: { GET: listTickets } },
	{ pattern: /^\/security-incidents$/i, public: false, methods: { GET: listSecurityIncidents } },
];

/**
 * Routes one Armor Defense request.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @returns {Promise<Reply>}
 */
async function handleArmor(state, ctx) {
	for (const route of ROUTES) {
		const match = route.pattern.exec(ctx.path);
		if (!match) continue;
		if (!Object.hasOwn(route.methods, ctx.method)) {
			return json(
				405,
				message(`The requested resource does not support http method '${ctx.method}'.`),
				{
					Allow: Object.keys(route.methods).join(', '),
				},
			);
		}
		if (route.public) return route.methods[ctx.method](state, ctx, match);
		const user = authenticate(state, ctx);
		if (!user) return json(401, DENIED);
		const account = accountContext(ctx, user);
		if ('reply' in account) return account.reply;
		return route.methods[ctx.method](state, ctx, { user, accountId: account.accountId }, match);
	}
	return json(
		404,
		message(`No HTTP resource was found that matches the request URI '${ctx.path}'.`),
	);
}

module.exports = { handleArmor };
