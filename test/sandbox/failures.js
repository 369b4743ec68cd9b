// @ts-check
'use strict';

/**
 * Injection queues: the next N matching requests fail with a given status (failures) or are held a while
 * before normal processing (delays). Both match by API, path prefix and method, and are taken at arrival.
 */

const { json, empty, text, uuid } = require('./http-util');

/** @typedef {import('./state').SandboxState} SandboxState */
/** @typedef {import('./state').ApiName} ApiName */
/** @typedef {import('./state').Failure} Failure */
/** @typedef {import('./state').Delay} Delay */
/** @typedef {import('./http-util').Reply} Reply */

/**
 * @typedef {object} FailureSpec
 * @property {ApiName} api
 * @property {string} [path] path prefix, e.g. '/v4/users' or '/auth/token'
 * @property {string} [method]
 * @property {number} status 200..599
 * @property {number} [count] default 1
 * @property {unknown} [body] a string is sent as is, anything else as JSON; default: a vendor-style body
 *   (empty below 400)
 * @property {number | string} [retryAfter] sent as the Retry-After header
 * @property {string} [location] absolute http(s) URL, sent as the Location header (for 3xx)
 * @property {string} [contentType] Content-Type of `body` (default: JSON, or text/plain for a string,
 *   text/html for a string starting with '<')
 */

/**
 * @typedef {object} DelaySpec
 * @property {ApiName} api
 * @property {string} [path] path prefix
 * @property {string} [method]
 * @property {number} delayMs
 * @property {number} [count] default 1
 */

/** @typedef {{ api: ApiName, path: string | undefined, method: string | undefined, remaining: number, every: number, seen: number }} Matcher */

/**
 * Validates the fields failures and delays share (api, path, method, count) and the set of known fields.
 * @param {unknown} input
 * @param {string} kind 'failure' or 'delay', for messages
 * @param {string[]} fields the kind's own fields
 * @returns {{ spec: Record<string, unknown>, matcher: Matcher }}
 */
function parseMatcher(input, kind, fields) {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		throw new TypeError(`A ${kind} spec must be an object.`);
	const spec = /** @type {Record<string, unknown>} */ (input);
	const known = ['api', 'path', 'method', 'count', 'every', ...fields];
	const unknown = Object.keys(spec).filter((key) => !known.includes(key));
	if (unknown.length) throw new TypeError(`Unknown ${kind} spec field(s): ${unknown.join(', ')}.`);
	if (spec.api !== 'armor' && spec.api !== 'authArmor' && spec.api !== 'services')
		throw new TypeError(
			`${capitalize(kind)} spec "api" must be "armor", "authArmor" or "services".`,
		);
	const count = spec.count === undefined ? 1 : spec.count;
	if (!Number.isInteger(count) || Number(count) < 1)
		throw new TypeError(`${capitalize(kind)} spec "count" must be a positive integer.`);
	const every = spec.every === undefined ? 1 : spec.every;
	if (!Number.isInteger(every) || Number(every) < 1)
		throw new TypeError(`${capitalize(kind)} spec "every" must be a positive integer.`);
	if (spec.path !== undefined && (typeof spec.path !== 'string' || !spec.path.startsWith('/')))
		throw new TypeError(`${capitalize(kind)} spec "path" must start with "/".`);
	if (spec.method !== undefined && typeof spec.method !== 'string')
		throw new TypeError(`${capitalize(kind)} spec "method" must be a string.`);
	return {
		spec,
		matcher: {
			api: spec.api,
			path: /** @type {string | undefined} */ (spec.path),
			method: spec.method === undefined ? undefined : String(spec.method).toUpperCase(),
			remaining: Number(count),
			every: Number(every),
			seen: 0,
		},
	};
}

/** @param {string} word */
function capitalize(word) {
	return word[0].toUpperCase() + word.slice(1);
}

/**
 * @param {unknown} value
 * @param {string} field
 * @returns {string | undefined}
 */
function optionalHeaderValue(value, field) {
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || value.trim() === '' || /[\r\n]/.test(value))
		throw new TypeError(`Failure spec "${field}" must be a non-empty single-line string.`);
	return value;
}

/**
 * Validates one failure spec; throws a TypeError when it is malformed.
 * @param {unknown} input
 * @returns {Failure}
 */
function toFailure(input) {
	const { spec, matcher } = parseMatcher(input, 'failure', [
		'status',
		'body',
		'retryAfter',
		'location',
		'contentType',
	]);
	if (!Number.isInteger(spec.status) || Number(spec.status) < 200 || Number(spec.status) > 599)
		throw new TypeError('Failure spec "status" must be an HTTP status code (200-599).');
	if (
		spec.retryAfter !== undefined &&
		typeof spec.retryAfter !== 'number' &&
		typeof spec.retryAfter !== 'string'
	)
		throw new TypeError('Failure spec "retryAfter" must be a number or a string.');
	const location = optionalHeaderValue(spec.location, 'location');
	if (location !== undefined && !isAbsoluteHttpUrl(location))
		throw new TypeError('Failure spec "location" must be an absolute http(s) URL.');
	const contentType = optionalHeaderValue(spec.contentType, 'contentType');
	if (contentType !== undefined && spec.body === undefined)
		throw new TypeError('Failure spec "contentType" needs a "body".');
	return {
		...matcher,
		status: Number(spec.status),
		body: spec.body,
		retryAfter: spec.retryAfter === undefined ? undefined : String(spec.retryAfter),
		location,
		contentType,
	};
}

/** @param {string} value */
function isAbsoluteHttpUrl(value) {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//i.test(value);
	} catch {
		return false;
	}
}

/**
 * Validates one delay spec; throws a TypeError when it is malformed.
 * @param {unknown} input
 * @returns {Delay}
 */
function toDelay(input) {
	const { spec, matcher } = parseMatcher(input, 'delay', ['delayMs']);
	if (typeof spec.delayMs !== 'number' || !Number.isFinite(spec.delayMs) || spec.delayMs < 0)
		throw new TypeError('Delay spec "delayMs" must be a non-negative number.');
	return { ...matcher, delayMs: spec.delayMs };
}

/**
 * Validates all specs first (so a bad list queues nothing), then appends them to `queue`.
 * @template T
 * @param {T[]} queue
 * @param {unknown} specs one spec or an array of them
 * @param {(spec: unknown) => T} parse
 * @returns {number} how many specs were queued
 */
function enqueue(queue, specs, parse) {
	const items = (Array.isArray(specs) ? specs : [specs]).map(parse);
	queue.push(...items);
	return items.length;
}

/**
 * Consumes one use of the first entry of `queue` matching the request; returns it, or null.
 * @template {Matcher} T
 * @param {T[]} queue
 * @param {ApiName} api
 * @param {string} method upper case
 * @param {string} path pathname as received
 * @returns {T | null}
 */
function take(queue, api, method, path) {
	// An entry with `every: N` lets N - 1 matching requests through before it applies to the Nth.
	const index = queue.findIndex(
		(m) =>
			m.api === api &&
			(m.path === undefined || path.startsWith(m.path)) &&
			(m.method === undefined || m.method === method) &&
			++m.seen % m.every === 0,
	);
	if (index < 0) return null;
	const entry = queue[index];
	entry.remaining -= 1;
	if (entry.remaining <= 0) queue.splice(index, 1);
	return entry;
}

/**
 * Queues one or more failures.
 * @param {SandboxState} state
 * @param {unknown} specs
 */
function injectFailures(state, specs) {
	return enqueue(state.failures, specs, toFailure);
}

/**
 * Queues one or more delays.
 * @param {SandboxState} state
 * @param {unknown} specs
 */
function injectDelays(state, specs) {
	return enqueue(state.delays, specs, toDelay);
}

/**
 * The failure this request is to answer with (one use consumed), or null.
 * @param {SandboxState} state
 * @param {ApiName} api
 * @param {string} method
 * @param {string} path
 */
function takeFailure(state, api, method, path) {
	return take(state.failures, api, method, path);
}

/**
 * How long this request is to be held (one use of the first matching delay consumed), 0 if none.
 * @param {SandboxState} state
 * @param {ApiName} api
 * @param {string} method
 * @param {string} path
 */
function takeDelay(state, api, method, path) {
	return take(state.delays, api, method, path)?.delayMs ?? 0;
}

/**
 * The reply of an injected failure.
 * @param {Failure} failure
 * @param {string} path
 * @returns {Reply}
 */
function failureReply(failure, path) {
	/** @type {Record<string, string>} */
	const headers = {};
	if (failure.retryAfter !== undefined) headers['Retry-After'] = failure.retryAfter;
	if (failure.location !== undefined) headers.Location = failure.location;
	const { status, body, contentType } = failure;
	if (typeof body === 'string') return text(status, body, headers, contentType);
	if (body !== undefined)
		return json(status, body, contentType ? { ...headers, 'Content-Type': contentType } : headers);
	if (status < 400) return empty(status, headers);
	return defaultFailureReply(failure.api, path, status, headers);
}

/**
 * A body in the style each vendor uses for that status.
 * @param {ApiName} api
 * @param {string} path
 * @param {number} status
 * @param {Record<string, string>} headers
 * @returns {Reply}
 */
function defaultFailureReply(api, path, status, headers) {
	if (api === 'armor' || api === 'services') {
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

module.exports = { injectFailures, injectDelays, takeFailure, takeDelay, failureReply };
