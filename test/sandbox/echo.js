// @ts-check
'use strict';

/**
 * The `echoRequestsInErrors` knob: a careless server that copies the whole request (every header, the
 * Authorization header included, and the raw body) into its error answers. In 'json' mode the vendor's error
 * shape is kept and the echo is appended to the message field its clients read; in 'html' mode the answer is
 * a small HTML error page with the echo in a `<pre>`.
 */

const http = require('http');
const { json, htmlErrorPage, requestText, parseJson, isPlainObject, uuid } = require('./http-util');

/** @typedef {import('./state').ApiName} ApiName */
/** @typedef {import('./state').RecordedRequest} RecordedRequest */
/** @typedef {import('./http-util').Reply} Reply */

/** The fields vendors put their human-readable message in, in the order clients look for them. */
const MESSAGE_FIELDS = ['Message', 'error_message', 'error_description'];

/**
 * The reply's JSON object body, or an empty object (empty or non-JSON bodies).
 * @param {Reply} reply
 * @returns {Record<string, unknown>}
 */
function jsonBody(reply) {
	const value = parseJson(reply.body ?? '');
	return isPlainObject(value) ? value : {};
}

/**
 * The vendor's error body for this reply, with the field holding its message named.
 * @param {ApiName} api
 * @param {string} path normalized
 * @param {Reply} reply
 * @returns {{ body: Record<string, unknown>, field: string }}
 */
function vendorError(api, path, reply) {
	const body = jsonBody(reply);
	const field = MESSAGE_FIELDS.find((name) => typeof body[name] === 'string');
	if (field) return { body, field };
	const fallback = `${http.STATUS_CODES[reply.status] ?? 'Error'}.`;
	// An OAuth error without a description (Armor /auth/token, Auth Armor /connect/token).
	if (typeof body.error === 'string')
		return { body: { ...body, error_description: body.error }, field: 'error_description' };
	if (api === 'armor' || api === 'services')
		return { body: { Message: fallback }, field: 'Message' };
	if (path.toLowerCase().startsWith('/connect/'))
		return {
			body: { error: 'invalid_request', error_description: fallback },
			field: 'error_description',
		};
	return {
		body: { error_code: reply.status, error_message: fallback, tracking_id: uuid() },
		field: 'error_message',
	};
}

/**
 * The reply's headers other than Content-Type / Content-Length (Allow, WWW-Authenticate, Retry-After ...).
 * @param {Reply} reply
 */
function otherHeaders(reply) {
	return Object.fromEntries(
		Object.entries(reply.headers ?? {}).filter(([name]) => !/^content-(type|length)$/i.test(name)),
	);
}

/**
 * The error reply rewritten to carry the request back.
 * @param {Reply} reply a 4xx/5xx reply
 * @param {ApiName} api
 * @param {string} path normalized path
 * @param {RecordedRequest} request
 * @param {'json' | 'html'} mode
 * @returns {Reply}
 */
function echoReply(reply, api, path, request, mode) {
	const { body, field } = vendorError(api, path, reply);
	const message = /** @type {string} */ (body[field]);
	const echo = `Request: ${requestText(request)}`;
	if (mode === 'html') return htmlErrorPage(reply.status, message, echo, otherHeaders(reply));
	const { method, url, headers, body: raw } = request;
	return json(
		reply.status,
		{ ...body, [field]: `${message} ${echo}`, request: { method, url, headers, body: raw } },
		otherHeaders(reply),
	);
}

module.exports = { echoReply };
