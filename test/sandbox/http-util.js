// @ts-check
'use strict';

/**
 * Helpers shared by both API routers, the control endpoints and the foreign listener: replies, bodies,
 * queries, request text, delays and listeners.
 */

const crypto = require('crypto');
const http = require('http');

/**
 * What a route handler returns; written to the socket by `writeReply`.
 * @typedef {{ status: number, headers?: Record<string, string>, body?: string }} Reply
 */

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';
const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A JSON reply.
 * @param {number} status
 * @param {unknown} value
 * @param {Record<string, string>} [headers]
 * @returns {Reply}
 */
function json(status, value, headers = {}) {
	return {
		status,
		headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers },
		body: JSON.stringify(value),
	};
}

/**
 * A reply without a body (Auth Armor's 401, 405).
 * @param {number} status
 * @param {Record<string, string>} [headers]
 * @returns {Reply}
 */
function empty(status, headers = {}) {
	return { status, headers, body: '' };
}

/**
 * A text reply: HTML when the content looks like markup (starts with '<'), else plain text, unless a
 * content type is given.
 * @param {number} status
 * @param {string} content
 * @param {Record<string, string>} [headers]
 * @param {string} [contentType]
 * @returns {Reply}
 */
function text(status, content, headers = {}, contentType = undefined) {
	const type =
		contentType ?? (content.trimStart().startsWith('<') ? HTML_CONTENT_TYPE : TEXT_CONTENT_TYPE);
	return { status, headers: { 'Content-Type': type, ...headers }, body: content };
}

/**
 * A small HTML error page (title, message, and a verbatim, unescaped `<pre>` block).
 * @param {number} status
 * @param {string} message
 * @param {string} pre
 * @param {Record<string, string>} [headers]
 * @returns {Reply}
 */
function htmlErrorPage(status, message, pre, headers = {}) {
	const title = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`;
	return text(
		status,
		`<!DOCTYPE html>\n<html><head><title>${title}</title></head><body>\n<h1>${title}</h1>\n<p>${message}</p>\n<pre>${pre}</pre>\n</body></html>\n`,
		headers,
		HTML_CONTENT_TYPE,
	);
}

/**
 * @param {import('http').ServerResponse} res
 * @param {Reply} reply
 */
function writeReply(res, reply) {
	const body = reply.body ?? '';
	res.writeHead(reply.status, {
		...reply.headers,
		'Content-Length': String(Buffer.byteLength(body)),
	});
	res.end(body);
}

/**
 * Reads the whole request body as UTF-8; resolves `null` when it exceeds the limit.
 * @param {import('http').IncomingMessage} req
 * @param {number} [maxBytes] default 1 MiB
 * @returns {Promise<string | null>}
 */
function readBody(req, maxBytes = MAX_BODY_BYTES) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size <= maxBytes) chunks.push(chunk);
		});
		req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/**
 * The query as a plain object; a repeated key becomes an array.
 * @param {URLSearchParams} params
 * @returns {Record<string, string | string[]>}
 */
function queryObject(params) {
	/** @type {Record<string, string | string[]>} */
	const query = {};
	for (const [key, value] of params) {
		const previous = query[key];
		if (previous === undefined) query[key] = value;
		else query[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
	}
	return query;
}

/**
 * The media type of a Content-Type header, lower-cased and without parameters ('' when absent).
 * @param {string | string[] | undefined} header
 */
function mediaType(header) {
	return String(header ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
}

/**
 * Parses a JSON body. `undefined` when it is empty or not JSON.
 * @param {string} body
 * @returns {unknown}
 */
function parseJson(body) {
	if (body.trim() === '') return undefined;
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A query parameter as one string (the last one when repeated), or undefined.
 * @param {URLSearchParams} params
 * @param {string} name
 */
function queryParam(params, name) {
	const values = params.getAll(name);
	return values.length ? values[values.length - 1] : undefined;
}

/**
 * Parses an optional integer parameter: default when absent or empty, NaN when malformed.
 * @param {string | undefined} raw
 * @param {number} fallback
 */
function intParam(raw, fallback) {
	if (raw === undefined || raw.trim() === '') return fallback;
	return /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
}

/** A new random UUID (for tracking / reference ids). */
function uuid() {
	return crypto.randomUUID();
}

/**
 * Removes one trailing slash (except for '/'), as both vendors' routers ignore it.
 * @param {string} pathname
 */
function normalizePath(pathname) {
	return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}

/**
 * A request as text, the way a server that echoes requests prints it:
 * `METHOD url`, one `name: value` line per header, a blank line, then the raw body.
 * @param {{ method: string, url: string, headers: Record<string, string | string[] | undefined>, body: string }} request
 */
function requestText({ method, url, headers, body }) {
	const lines = [];
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		for (const one of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${one}`);
	}
	return `${method} ${url}\n${lines.join('\n')}\n\n${body}`;
}

/**
 * Pending sleeps that `close()` can cut short.
 * @typedef {{ closed: boolean, pending: Set<{ timer: NodeJS.Timeout, resolve: (ok: boolean) => void }> }} Sleeper
 */

/**
 * Waits `ms`; resolves true, or false if the sandbox was closed meanwhile.
 * @param {Sleeper} sleeper
 * @param {number} ms
 * @returns {Promise<boolean>}
 */
function sleep(sleeper, ms) {
	return wakeableSleep(sleeper, ms).done;
}

/**
 * Like `sleep`, but `wake()` ends the wait early (resolving true unless the sandbox was closed).
 * @param {Sleeper} sleeper
 * @param {number} ms
 * @returns {{ done: Promise<boolean>, wake: () => void }}
 */
function wakeableSleep(sleeper, ms) {
	if (sleeper.closed) return { done: Promise.resolve(false), wake: () => undefined };
	if (ms <= 0) return { done: Promise.resolve(true), wake: () => undefined };
	/** @type {(ok: boolean) => void} */
	let settle = () => undefined;
	const done = new Promise((/** @type {(ok: boolean) => void} */ resolve) => {
		settle = resolve;
	});
	/** @type {{ timer: NodeJS.Timeout, resolve: (ok: boolean) => void }} */
	const entry = { resolve: settle, timer: setTimeout(() => finish(), ms) };
	const finish = () => {
		clearTimeout(entry.timer);
		sleeper.pending.delete(entry);
		settle(!sleeper.closed);
	};
	sleeper.pending.add(entry);
	return { done, wake: finish };
}

/**
 * Ends every pending sleep (they resolve false).
 * @param {Sleeper} sleeper
 */
function cancelSleeps(sleeper) {
	sleeper.closed = true;
	for (const entry of sleeper.pending) {
		clearTimeout(entry.timer);
		entry.resolve(false);
	}
	sleeper.pending.clear();
}

// ------------------------------------------------------------------ listeners

/**
 * @param {http.Server} server
 * @param {string} host
 * @param {number} port
 * @returns {Promise<string>} the base URL
 */
function listen(server, host, port) {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			const address = /** @type {import('net').AddressInfo} */ (server.address());
			const hostPart = host.includes(':') ? `[${host}]` : host;
			resolve(`http://${hostPart}:${address.port}`);
		});
	});
}

/**
 * Closes a listener and its open connections.
 * @param {http.Server} server
 * @returns {Promise<void>}
 */
function shutdown(server) {
	return new Promise((resolve) => {
		if (!server.listening) return resolve();
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

module.exports = {
	JSON_CONTENT_TYPE,
	TEXT_CONTENT_TYPE,
	HTML_CONTENT_TYPE,
	json,
	empty,
	text,
	htmlErrorPage,
	requestText,
	writeReply,
	readBody,
	queryObject,
	queryParam,
	intParam,
	mediaType,
	parseJson,
	isPlainObject,
	uuid,
	normalizePath,
	sleep,
	wakeableSleep,
	cancelSleeps,
	listen,
	shutdown,
};
