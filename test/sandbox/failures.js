// @ts-check
'use strict';

/**
 * Failure injection: the next N matching requests answer a given status before any other processing.
 */

const { json, empty, uuid } = require('./http-util');

/** @typedef {import('./state').SandboxState} SandboxState */
/** @typedef {import('./state').Failure} Failure */
/** @typedef {import('./http-util').Reply} Reply */

/**
 * @typedef {object} FailureSpec
 * @property {import('./state').ApiName} api
 * @property {string} [path] path prefix, e.g. '/v4/users' or '/auth/token'
 * @property {string} [method]
 * @property {number} status
 * @property {number} [count] default 1
 * @property {unknown} [body] a string is sent as is, anything else as JSON; default: a vendor-style body
 * @property {number | string} [retryAfter] sent as the Retry-After header
 */

/**
 * Validates one spec; throws a TypeError when it is malformed.
 * @param {unknown} input
 * @returns {Failure}
 */
function toFailure(input) {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		throw new TypeError('A failure spec must be an object.');
	const spec = /** @type {Record<string, unknown>} */ (input);
	const known = ['api', 'path', 'method', 'status', 'count', 'body', 'retryAfter'];
	const unknown = Object.keys(spec).filter((key) => !known.includes(key));
	if (unknown.length) throw new TypeError(`Unknown failure spec field(s): ${unknown.join(', ')}.`);
	if (spec.api !== 'armor' && spec.api !== 'authArmor')
		throw new TypeError('Failure spec "api" must be "armor" or "authArmor".');
	if (!Number.isInteger(spec.status) || Number(spec.status) < 100 || Number(spec.status) > 599)
		throw new TypeError('Failure spec "status" must be an HTTP status code.');
	const count = spec.count === undefined ? 1 : spec.count;
	if (!Number.isInteger(count) || Number(count) < 1)
		throw new TypeError('Failure spec "count" must be a positive integer.');
	if (spec.path !== undefined && (typeof spec.path !== 'string' || !spec.path.startsWith('/')))
		throw new TypeError('Failure spec "path" must start with "/".');
	if (spec.method !== undefined && typeof spec.method !== 'string')
		throw new TypeError('Failure spec "method" must be a string.');
	if (
		spec.retryAfter !== undefined &&
		typeof spec.retryAfter !== 'number' &&
		typeof spec.retryAfter !== 'string'
	)
		throw new TypeError('Failure spec "retryAfter" must be a number or a string.');
	return {
		api: spec.api,
		path: /** @type {string | undefined} */ (spec.path),
		method: spec.method === undefined ? undefined : String(spec.method).toUpperCase(),
		status: Number(spec.status),
		remaining: Number(count),
		body: spec.body,
		retryAfter: spec.retryAfter === undefined ? undefined : String(spec.retryAfter),
	};
}

/**
 * Queues one or more failures (validated all first, so a bad list queues nothing).
 * @param {SandboxState} state
 * @param {unknown} specs one spec or an array of them
 * @returns {number} how many specs were queued
 */
function injectFailures(state, specs) {
	const failures = (Array.isArray(specs) ? specs : [specs]).map(toFailure);
	state.failures.push(...failures);
	return failures.length;
}

/**
 * The injected reply for this request, consuming one use of the first matching failure, or null.
 * @param {SandboxState} state
 * @param {import('./state').ApiName} api
 * @param {string} method
 * @param {string} path
 * @returns {Reply | null}
 */
function takeFailure(state, api, method, path) {
	const index = state.failures.findIndex(
		(f) =>
			f.api === api &&
			(f.path === undefined || path.startsWith(f.path)) &&
			(f.method === undefined || f.method === method),
	);
	if (index < 0) return null;
	const failure = state.failures[index];
	failure.remaining -= 1;
	if (failure.remaining <= 0) state.failures.splice(index, 1);
	return failureReply(failure, path);
}

/**
 * @param {Failure} failure
 * @param {string} path
 * @returns {Reply}
 */
function failureReply(failure, path) {
	/** @type {Record<string, string>} */
	const headers = failure.retryAfter === undefined ? {} : { 'Retry-After': failure.retryAfter };
	if (typeof failure.body === 'string')
		return {
			status: failure.status,
			headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
			body: failure.body,
		};
	if (failure.body !== undefined) return json(failure.status, failure.body, headers);
	return defaultFailureReply(failure.api, path, failure.status, headers);
}

/**
 * A body in the style each vendor uses for that status.
 * @param {import('./state').ApiName} api
 * @param {string} path
 * @param {number} status
 * @param {Record<string, string>} headers
 * @returns {Reply}
 */
function defaultFailureReply(api, path, status, headers) {
	if (api === 'armor') {
		const messages = /** @type {Record<number, string>} */ ({
			401: 'Authorization has been denied for this request.',
			429: 'Too many requests. Please try again later.',
			503: 'The service is unavailable.',
		});
		return json(status, { Message: messages[status] ?? 'An error has occurred.' }, headers);
	}
	if (path.toLowerCase().startsWith('/connect/')) {
		const error =
			status === 429 || status === 503
				? 'temporarily_unavailable'
				: status === 401
					? 'invalid_client'
					: 'server_error';
		return json(status, { error }, headers);
	}
	if (status === 401 || status === 403) return empty(status, headers);
	const messages = /** @type {Record<number, string>} */ ({
		429: 'Too many requests.',
		503: 'Service unavailable.',
	});
	return json(
		status,
		{
			error_code: status,
			error_message: messages[status] ?? 'An unexpected error occurred.',
			tracking_id: uuid(),
		},
		headers,
	);
}

module.exports = { injectFailures, takeFailure };
