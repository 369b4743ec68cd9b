// @ts-check
'use strict';

/**
 * The Auth Armor API (https://api.autharmor.com, token from https://login.autharmor.com/connect/token):
 * OAuth 2 client credentials and the v3/v4 users endpoints. The route table; the handlers live in one file per
 * resource.
 */

const { empty } = require('../http-util');
const { apiError } = require('./common');
const { tokenEndpoint, bearerCheck } = require('./token');
const { listUsers, getUser, updateUser } = require('./users');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */

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
