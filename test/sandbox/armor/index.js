// @ts-check
'use strict';

/**
 * The Armor Defense API (https://api.armor.com): FH-AUTH login (authorize -> token -> reissue) and a few
 * read endpoints, with ASP.NET Web API style error bodies. The route table; the handlers live in one file per
 * resource.
 */

const { json } = require('../http-util');
const { message, accountContext } = require('./common');
const { authorize, exchangeCode, reissue, authenticate } = require('./auth');
const { getMe } = require('./identity');
const { listAccounts, getAccount } = require('./accounts');
const { listTickets } = require('./tickets');
const { listSecurityIncidents } = require('./securityIncidents');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('./common').RequestContext} RequestContext */
/** @typedef {import('./common').PublicHandler} PublicHandler */
/** @typedef {import('./common').SessionHandler} SessionHandler */

const DENIED = message('Authorization has been denied for this request.');

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
