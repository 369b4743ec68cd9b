// @ts-check
'use strict';

/**
 * Control endpoints under /__sandbox/ on both listeners, so other processes (npm start, the benchmark)
 * can drive a running sandbox. They are not recorded in `requests`.
 */

const { json, readBody, parseJson } = require('./http-util');

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
			return json(404, { error: `Unknown sandbox control endpoint: ${route}.` });
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
