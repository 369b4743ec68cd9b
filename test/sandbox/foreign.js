// @ts-check
'use strict';

/**
 * A "foreign host": a listener that stands for any other server, one that must never receive a token,
 * password or client secret. It records every request (any method and path) and answers 200 {"ok":true}.
 *
 *   const foreign = await startForeignListener();
 *   sandbox.injectFailures({ api: 'armor', path: '/me', status: 302, location: `${foreign.url}/me` });
 *   // ... expect(foreign.leaks([token, password])).toEqual([]);
 *   await foreign.close();
 */

const http = require('http');
const { json, writeReply, readBody, requestText, listen, shutdown } = require('./http-util');

/**
 * @typedef {object} ForeignRequest
 * @property {string} method
 * @property {string} url path and query as received
 * @property {string} path pathname
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {string} body
 * @property {number} receivedAt
 */

/**
 * @typedef {object} ForeignListener
 * @property {string} url e.g. 'http://127.0.0.1:40003'
 * @property {ForeignRequest[]} requests every request, in arrival order (one live array)
 * @property {() => void} clear
 * @property {(secrets: string[]) => string[]} leaks which of the (non-empty) secrets any request carried
 * @property {() => Promise<void>} close
 */

/**
 * Every form in which a request carries text: as received, URL/form-decoded, and Basic credentials decoded.
 * @param {ForeignRequest} request
 * @returns {string[]}
 */
function requestTexts(request) {
	const raw = requestText(request);
	const texts = [raw, formDecode(raw)];
	for (const value of Object.values(request.headers).flat()) {
		const basic = /^\s*basic\s+(\S+)/i.exec(String(value ?? ''));
		if (basic) texts.push(Buffer.from(basic[1], 'base64').toString('utf8'));
	}
	return texts;
}

/** @param {string} value */
function formDecode(value) {
	try {
		return decodeURIComponent(value.replace(/\+/g, ' '));
	} catch {
		return value;
	}
}

/**
 * Starts a foreign listener on a random port.
 * @param {{ host?: string }} [options]
 * @returns {Promise<ForeignListener>}
 */
async function startForeignListener(options = {}) {
	const { host = '127.0.0.1' } = options;
	if (typeof host !== 'string' || host === '')
		throw new TypeError('Foreign listener option "host" must be a non-empty string.');
	/** @type {ForeignRequest[]} */
	const requests = [];
	const server = http.createServer((req, res) => {
		const receivedAt = Date.now();
		readBody(req, Infinity).then(
			(body) => {
				const url = req.url ?? '/';
				requests.push({
					method: req.method ?? 'GET',
					url,
					path: url.split(/[?#]/)[0],
					headers: { ...req.headers },
					body: body ?? '',
					receivedAt,
				});
				writeReply(res, json(200, { ok: true }));
			},
			() => res.destroy(),
		);
	});
	return {
		url: await listen(server, host, 0),
		requests,
		clear: () => {
			requests.length = 0;
		},
		leaks: (secrets) => {
			if (!Array.isArray(secrets) || secrets.some((s) => typeof s !== 'string'))
				throw new TypeError('leaks() takes an array of strings.');
			const texts = requests.flatMap(requestTexts);
			return [...new Set(secrets)].filter(
				(secret) => secret !== '' && texts.some((t) => t.includes(secret)),
			);
		},
		close: () => shutdown(server),
	};
}

module.exports = { startForeignListener };
