// @ts-check
'use strict';

/**
 * The Armor v2 service hosts on one listener, each under a path prefix: `/mdr` (mdr.api.secure-prod.services),
 * `/infrastructure` (infrastructure.api.secure-prod.services) and `/agent-management`
 * (agent-management.api.secure-prod.services). Every route needs an FH-AUTH token of the Armor listener or an
 * ARMOR-PSK signature (over the full path as received, prefix included) and honours X-Account-Context, as the
 * Armor listener does. The route table; the handlers live in one file per service.
 */

const { json } = require('../http-util');
const { message, accountContext } = require('../armor/common');
const { authenticate } = require('../armor/auth');
const { listIncidents, getIncident, addIncidentComment, listServiceRequests } = require('./mdr');
const { listVirtualMachines } = require('./infrastructure');
const { listHealthStatus, getHealthStatus } = require('./agentManagement');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */
/** @typedef {import('../armor/common').SessionHandler} SessionHandler */

const DENIED = message('Authorization has been denied for this request.');

/** @type {{ pattern: RegExp, methods: Record<string, SessionHandler> }[]} */
const ROUTES = [
	{ pattern: /^\/mdr\/incidents$/i, methods: { GET: listIncidents } },
	{ pattern: /^\/mdr\/incidents\/([^/]+)$/i, methods: { GET: getIncident } },
	{ pattern: /^\/mdr\/incidents\/([^/]+)\/comments$/i, methods: { POST: addIncidentComment } },
	{ pattern: /^\/mdr\/service-requests$/i, methods: { GET: listServiceRequests } },
	{ pattern: /^\/infrastructure\/virtual-machines$/i, methods: { GET: listVirtualMachines } },
	{ pattern: /^\/agent-management\/healthmonitoringstatus$/i, methods: { GET: listHealthStatus } },
	{
		pattern: /^\/agent-management\/healthmonitoringstatus\/([^/]+)$/i,
		methods: { GET: getHealthStatus },
	},
];

/**
 * Routes one request of the services listener: 404 / 405 first (no credentials needed), then the credential
 * (401), the account context (400 / 403), the handler.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @returns {Promise<Reply>}
 */
async function handleServices(state, ctx) {
	for (const route of ROUTES) {
		const match = route.pattern.exec(ctx.path);
		if (!match) continue;
		if (!Object.hasOwn(route.methods, ctx.method)) {
			return json(
				405,
				message(`The requested resource does not support http method '${ctx.method}'.`),
				{ Allow: Object.keys(route.methods).join(', ') },
			);
		}
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

module.exports = { handleServices };
