// @ts-check
'use strict';

/**
 * Control endpoints under /__sandbox/ on every listener, so other processes (npm start, the benchmark, a test
 * driving a separate n8n) can drive a running sandbox: knobs, failures, the request log, and the data
 * changes (tickets, MDR, security incidents, log hits, VM power, Auth Armor users and history). They are not
 * recorded in `requests`.
 */

const { json, readBody, parseJson, isPlainObject } = require('./http-util');
const { SandboxNotFoundError } = require('./change-util');

const CONTROL_PREFIX = '/__sandbox/';

/** @typedef {import('./http-util').Reply} Reply */
/** @typedef {import('./server').Sandbox} Sandbox */

/**
 * @param {Sandbox} sandbox
 * @param {string} method
 * @param {string} path
 * @param {string} body
 * @returns {Reply}
 */
function controlReply(sandbox, method, path, body) {
	const route = `${method} ${path}`;
	switch (route) {
		case 'GET /__sandbox/requests':
			return json(200, sandbox.requests);
		case 'DELETE /__sandbox/requests': {
			const cleared = sandbox.requests.length;
			sandbox.clearRequests();
			return json(200, { cleared });
		}
		case 'GET /__sandbox/summary':
			return json(200, sandbox.summary());
		case 'GET /__sandbox/config':
			return json(200, sandbox.configure({}));
		case 'POST /__sandbox/config':
			return withJsonBody(body, (value) =>
				json(200, sandbox.configure(/** @type {any} */ (value))),
			);
		case 'POST /__sandbox/revoke':
			return json(200, { revoked: sandbox.revokeAllTokens() });
		case 'POST /__sandbox/failures':
			return withJsonBody(body, (value) => {
				sandbox.injectFailures(/** @type {any} */ (value));
				return json(200, { queued: Array.isArray(value) ? value.length : 1 });
			});
		case 'POST /__sandbox/delays':
			return withJsonBody(body, (value) => {
				sandbox.injectDelays(/** @type {any} */ (value));
				return json(200, { queued: Array.isArray(value) ? value.length : 1 });
			});
		default:
			return changeReply(sandbox, route, body);
	}
}

/**
 * The data-change endpoints: route -> the JSON body's keys (the first ones required) and the call. Each
 * answers 200 with what the sandbox method returns.
 * @type {Record<string, { required: string[], optional: string[], call: (s: Sandbox, b: any, o: any) => unknown }>}
 */
const CHANGE_ROUTES = {
	'POST /__sandbox/tickets': {
		required: ['accountId', 'count'],
		optional: ['sameTimestamp', 'fields'],
		call: (s, b, o) => s.addTickets(b.accountId, b.count, o),
	},
	'PATCH /__sandbox/tickets': {
		required: ['accountId', 'key'],
		optional: ['status', 'summary'],
		call: (s, b, o) => s.updateTicket(b.accountId, b.key, o),
	},
	'POST /__sandbox/mdr-incidents': {
		required: ['accountId', 'count'],
		optional: ['sameTimestamp', 'fields'],
		call: (s, b, o) => s.addMdrIncidents(b.accountId, b.count, o),
	},
	'PATCH /__sandbox/mdr-incidents': {
		required: ['accountId', 'issueKey'],
		optional: ['status', 'priority'],
		call: (s, b, o) => s.updateMdrIncident(b.accountId, b.issueKey, o),
	},
	'POST /__sandbox/mdr-service-requests': {
		required: ['accountId', 'count'],
		optional: ['sameTimestamp', 'fields'],
		call: (s, b, o) => s.addMdrServiceRequests(b.accountId, b.count, o),
	},
	'POST /__sandbox/security-incidents': {
		required: ['accountId', 'count'],
		optional: ['sameTimestamp', 'fields'],
		call: (s, b, o) => s.addSecurityIncidents(b.accountId, b.count, o),
	},
	'POST /__sandbox/log-search-hits': {
		required: ['accountId', 'viewName', 'count'],
		optional: ['sameTimestamp', 'fields'],
		call: (s, b, o) => s.addLogSearchHits(b.accountId, b.viewName, b.count, o),
	},
	'POST /__sandbox/vm-power': {
		required: ['accountId', 'vmId', 'state'],
		optional: [],
		call: (s, b) => s.setVmPowerState(b.accountId, b.vmId, b.state),
	},
	'POST /__sandbox/autharmor-users': {
		required: ['count'],
		optional: ['sameTimestamp', 'fields'],
		call: (s, b, o) => s.addAuthArmorUsers(b.count, o),
	},
	'POST /__sandbox/autharmor-history': {
		required: ['user', 'count'],
		optional: ['result', 'method', 'sameTimestamp'],
		call: (s, b, o) => s.addAuthArmorHistory(b.user, b.count, o),
	},
};

/**
 * A data-change endpoint (or the 404 for an unknown route): the body must be a JSON object with the route's
 * required keys and no others than its optional ones (400); a bad argument answers 400, an unknown record 404,
 * both `{error}`.
 * @param {Sandbox} sandbox
 * @param {string} route
 * @param {string} body
 * @returns {Reply}
 */
function changeReply(sandbox, route, body) {
	const spec = CHANGE_ROUTES[route];
	if (!spec) return json(404, { error: `Unknown sandbox control endpoint: ${route}.` });
	const value = parseJson(body);
	if (!isPlainObject(value)) return json(400, { error: 'The body must be a JSON object.' });
	for (const key of spec.required) {
		if (value[key] === undefined) return json(400, { error: `The body needs "${key}".` });
	}
	/** @type {Record<string, unknown>} */
	const options = {};
	for (const [key, item] of Object.entries(value)) {
		if (spec.optional.includes(key)) options[key] = item;
		else if (!spec.required.includes(key))
			return json(400, {
				error: `Unknown key "${key}". Known: ${[...spec.required, ...spec.optional].join(', ')}.`,
			});
	}
	try {
		return json(200, spec.call(sandbox, value, options));
	} catch (error) {
		if (error instanceof TypeError) return json(400, { error: error.message });
		if (error instanceof SandboxNotFoundError) return json(404, { error: error.message });
		throw error;
	}
}

/**
 * Runs `action` with the parsed JSON body; a TypeError from it (bad knobs, bad spec) becomes a 400.
 * @param {string} body
 * @param {(value: unknown) => Reply} action
 * @returns {Reply}
 */
function withJsonBody(body, action) {
	const value = parseJson(body);
	if (value === undefined) return json(400, { error: 'The body must be JSON.' });
	try {
		return action(value);
	} catch (error) {
		if (error instanceof TypeError) return json(400, { error: error.message });
		throw error;
	}
}

/**
 * @param {Sandbox} sandbox
 * @param {import('http').IncomingMessage} req
 * @param {string} pathname
 * @returns {Promise<Reply>}
 */
async function handleControl(sandbox, req, pathname) {
	const body = (await readBody(req)) ?? '';
	return controlReply(sandbox, req.method ?? 'GET', pathname.replace(/\/$/, ''), body);
}

module.exports = { CONTROL_PREFIX, handleControl };
