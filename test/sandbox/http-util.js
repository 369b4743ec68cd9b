// @ts-check
'use strict';

/**
 * Helpers shared by both API routers and the control endpoints: replies, bodies, queries, delays.
 */

const crypto = require('crypto');

/**
 * What a route handler returns; written to the socket by `writeReply`.
 * @typedef {{ status: number, headers?: Record<string, string>, body?: string }} Reply
 */

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
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
 * @returns {Promise<string | null>}
 */
function readBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () =>
			resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')),
		);
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
	if (sleeper.closed) return Promise.resolve(false);
	if (ms <= 0) return Promise.resolve(true);
	return new Promise((resolve) => {
		/** @type {{ timer: NodeJS.Timeout, resolve: (ok: boolean) => void }} */
		const entry = {
			resolve,
			timer: setTimeout(() => {
				sleeper.pending.delete(entry);
				resolve(!sleeper.closed);
			}, ms),
		};
		sleeper.pending.add(entry);
	});
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

module.exports = {
	JSON_CONTENT_TYPE,
	json,
	empty,
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
	cancelSleeps,
};
