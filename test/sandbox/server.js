// @ts-check
'use strict';

/**
 * A local stand-in for both vendor APIs (Armor Defense and Auth Armor) and Armor's v2 service hosts (MDR,
 * infrastructure, agent management: one listener, a path prefix each), for unit, integration and end-to-end
 * tests, the demo (`npm start`) and the benchmark. Built-ins only.
 *
 *   const sandbox = await startSandbox({ mfaDelayMs: 200 });
 *   // sandbox.armorUrl, sandbox.authArmorUrl, sandbox.authArmorTokenUrl, sandbox.servicesUrl, sandbox.requests, ...
 *   await sandbox.close();
 */

const http = require('http');
const fixtures = require('./fixtures');
const {
	json,
	writeReply,
	queryObject,
	normalizePath,
	sleep,
	cancelSleeps,
	listen,
	shutdown,
} = require('./http-util');
const { DEFAULT_KNOBS, validateKnobs, createState, revokeAllTokens } = require('./state');
const {
	injectFailures,
	injectDelays,
	takeFailure,
	takeDelay,
	failureReply,
} = require('./failures');
const { holdLogin, releaseLogins } = require('./logins');
const { echoReply } = require('./echo');
const { CONTROL_PREFIX, handleControl } = require('./control');
const { handleArmor } = require('./armor');
const { handleAuthArmor } = require('./autharmor');
const { handleServices } = require('./services');
const { armorPskSignature, armorPskAuthorization } = require('./armor/auth');
const { startForeignListener } = require('./foreign');
const { dataChanges } = require('./changes');
const { SandboxNotFoundError } = require('./change-util');

/** @typedef {import('./state').Knobs} Knobs */
/** @typedef {import('./state').ApiName} ApiName */
/** @typedef {import('./state').RecordedRequest} RecordedRequest */
/** @typedef {import('./state').SandboxState} SandboxState */
/** @typedef {import('./failures').FailureSpec} FailureSpec */
/** @typedef {import('./failures').DelaySpec} DelaySpec */
/** @typedef {Partial<Knobs> & { host?: string, armorPort?: number, authArmorPort?: number, servicesPort?: number }} SandboxOptions */

/**
 * @typedef {object} SandboxSummary
 * @property {{ authorize: number, token: number, reissue: number, api: number, unauthorized: number, psk: number }} armor
 *   `psk`: the API calls (among `api`) let in by an ARMOR-PSK signature
 * @property {{ token: number, api: number, unauthorized: number }} authArmor
 * @property {{ api: number, unauthorized: number }} services
 */

/**
 * The listeners and test controls of a sandbox; `Sandbox` adds the data-change methods (changes.js).
 * @typedef {object} SandboxCore
 * @property {string} armorUrl
 * @property {string} authArmorUrl
 * @property {string} authArmorTokenUrl
 * @property {string} servicesUrl the v2 services: `${servicesUrl}/mdr`, `/infrastructure`, `/agent-management`
 * @property {RecordedRequest[]} requests every non-control request, in arrival order (one live array)
 * @property {() => void} clearRequests
 * @property {(knobs: Partial<Knobs>) => Knobs} configure changes knobs; returns all current knobs
 * @property {() => number} revokeAllTokens returns how many tokens were invalidated
 * @property {(spec: FailureSpec | FailureSpec[]) => void} injectFailures
 * @property {(spec: DelaySpec | DelaySpec[]) => void} injectDelays
 * @property {() => number} waitingLogins how many logins `holdLoginsUntil` holds right now
 * @property {() => SandboxSummary} summary
 * @property {() => Promise<void>} close
 */

/** @typedef {SandboxCore & import('./changes').DataChanges} Sandbox */

const ROUTERS = { armor: handleArmor, authArmor: handleAuthArmor, services: handleServices };

// ------------------------------------------------------------------ recording

/**
 * Appends the request to the log at arrival; body and status are filled in later.
 * @param {SandboxState} state
 * @param {ApiName} api
 * @param {import('http').IncomingMessage} req
 * @param {URL} url
 * @returns {RecordedRequest}
 */
function record(state, api, req, url) {
	/** @type {RecordedRequest} */
	const entry = {
		api,
		method: req.method ?? 'GET',
		path: url.pathname,
		query: queryObject(url.searchParams),
		url: req.url ?? '/',
		headers: { ...req.headers },
		body: '',
		status: 0,
		receivedAt: Date.now(),
	};
	state.requests.push(entry);
	return entry;
}

/**
 * Counts the recorded requests by kind.
 * @param {RecordedRequest[]} requests
 * @returns {SandboxSummary}
 */
function summarize(requests) {
	const summary = {
		armor: { authorize: 0, token: 0, reissue: 0, api: 0, unauthorized: 0, psk: 0 },
		authArmor: { token: 0, api: 0, unauthorized: 0 },
		services: { api: 0, unauthorized: 0 },
	};
	for (const request of requests) {
		const path = normalizePath(request.path).toLowerCase();
		if (request.api === 'armor') {
			const post = request.method === 'POST';
			if (post && path === '/auth/authorize') summary.armor.authorize += 1;
			else if (post && path === '/auth/token') summary.armor.token += 1;
			else if (post && path === '/auth/token/reissue') summary.armor.reissue += 1;
			else summary.armor.api += 1;
			if (request.authScheme === 'ARMOR-PSK') summary.armor.psk += 1;
		} else if (request.api === 'services') {
			summary.services.api += 1;
		} else if (path === '/connect/token') {
			summary.authArmor.token += 1;
		} else {
			summary.authArmor.api += 1;
		}
		if (request.status === 401) summary[request.api].unauthorized += 1;
	}
	return summary;
}

// ------------------------------------------------------------------ request handling

/**
 * The raw request body; resolves `null` when it exceeds the limit (1 MiB).
 * @param {import('http').IncomingMessage} req
 * @returns {Promise<Buffer | null>}
 */
function readBodyBytes(req) {
	const maxBytes = 1024 * 1024;
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size <= maxBytes) chunks.push(chunk);
		});
		req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * The path of a request target exactly as it arrived: no scheme and host (absolute form), no query or fragment.
 * @param {string} target
 */
function rawPathOf(target) {
	const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
	const rest = origin ? target.slice(origin[0].length) || '/' : target;
	const end = rest.search(/[?#]/);
	return end < 0 ? rest : rest.slice(0, end);
}

/**
 * One API request: recorded at arrival, where it also takes its injected delay and failure; then held
 * (delay, login barrier), answered (failure, or the API's router), echoed into errors if the knob says so,
 * and written after `latencyMs`.
 * @param {Sandbox} sandbox
 * @param {SandboxState} state
 * @param {ApiName} api
 * @param {import('http').IncomingMessage} req
 * @param {import('http').ServerResponse} res
 */
async function handleRequest(sandbox, state, api, req, res) {
	try {
		// Concatenate rather than resolve, so a path such as '//x' stays a path.
		const url = new URL(`http://sandbox.invalid${req.url ?? '/'}`);
		if (url.pathname.startsWith(CONTROL_PREFIX)) {
			writeReply(res, await handleControl(sandbox, req, url.pathname));
			return;
		}
		const entry = record(state, api, req, url);
		const method = entry.method.toUpperCase();
		const path = normalizePath(url.pathname);
		const delayMs = takeDelay(state, api, method, url.pathname);
		const failure = takeFailure(state, api, method, url.pathname);
		const bytes = await readBodyBytes(req);
		const body = bytes === null ? null : bytes.toString('utf8');
		entry.body = body ?? '';
		const held =
			(await sleep(state.sleeper, delayMs)) && (await holdLogin(state, api, method, path));
		if (!held) {
			res.destroy();
			return;
		}
		/** @type {import('./armor/common').RequestContext} */
		const ctx = {
			method,
			path,
			rawPath: rawPathOf(req.url ?? '/'),
			params: url.searchParams,
			headers: req.headers,
			body: body ?? '',
			rawBody: bytes ?? Buffer.alloc(0),
		};
		let reply = failure
			? failureReply(failure, url.pathname)
			: body === null
				? json(413, { Message: 'The request body is too large.' })
				: await ROUTERS[api](state, ctx);
		if (ctx.authScheme) entry.authScheme = ctx.authScheme;
		const echo = state.knobs.echoRequestsInErrors;
		if (echo && reply.status >= 400 && failure?.body === undefined)
			reply = echoReply(reply, api, path, entry, echo);
		if (!(await sleep(state.sleeper, state.knobs.latencyMs))) {
			res.destroy();
			return;
		}
		entry.status = reply.status;
		writeReply(res, reply);
	} catch (error) {
		console.error('[sandbox] internal error:', error instanceof Error ? error.message : error);
		if (!res.headersSent) writeReply(res, json(500, { Message: 'Sandbox internal error.' }));
	}
}

// ------------------------------------------------------------------ listeners

/**
 * Separates listener options from knobs and validates both.
 * @param {SandboxOptions} options
 */
function parseOptions(options) {
	const {
		host = '127.0.0.1',
		armorPort = 0,
		authArmorPort = 0,
		servicesPort = 0,
		...knobs
	} = options;
	if (typeof host !== 'string' || host === '')
		throw new TypeError('Sandbox option "host" must be a non-empty string.');
	for (const [name, port] of Object.entries({ armorPort, authArmorPort, servicesPort })) {
		if (!Number.isInteger(port) || port < 0 || port > 65535)
			throw new TypeError(`Sandbox option "${name}" must be a port number.`);
	}
	return { host, armorPort, authArmorPort, servicesPort, knobs: validateKnobs(knobs) };
}

/**
 * Starts the three listeners (Armor, Auth Armor, v2 services). Options: host (default 127.0.0.1), armorPort /
 * authArmorPort / servicesPort (default 0 = random) and any knob (see DEFAULT_KNOBS).
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
async function startSandbox(options = {}) {
	const { host, armorPort, authArmorPort, servicesPort, knobs } = parseOptions(options);
	const state = createState(knobs);

	/** @type {Sandbox} */
	const sandbox = {
		armorUrl: '',
		authArmorUrl: '',
		authArmorTokenUrl: '',
		servicesUrl: '',
		requests: state.requests,
		clearRequests: () => {
			state.requests.length = 0;
		},
		configure: (changes) => {
			Object.assign(state.knobs, validateKnobs(changes));
			releaseLogins(state); // the barrier may have been switched off or lowered
			return { ...state.knobs };
		},
		revokeAllTokens: () => revokeAllTokens(state),
		injectFailures: (spec) => {
			injectFailures(state, spec);
		},
		injectDelays: (spec) => {
			injectDelays(state, spec);
		},
		waitingLogins: () => state.waitingLogins.size,
		summary: () => summarize(state.requests),
		...dataChanges(state),
		close: async () => {
			cancelSleeps(state.sleeper); // also ends held delays and logins
			await Promise.all([
				shutdown(armorServer),
				shutdown(authArmorServer),
				shutdown(servicesServer),
			]);
		},
	};

	const armorServer = http.createServer(
		(req, res) => void handleRequest(sandbox, state, 'armor', req, res),
	);
	const authArmorServer = http.createServer(
		(req, res) => void handleRequest(sandbox, state, 'authArmor', req, res),
	);
	const servicesServer = http.createServer(
		(req, res) => void handleRequest(sandbox, state, 'services', req, res),
	);
	try {
		sandbox.armorUrl = await listen(armorServer, host, armorPort);
		sandbox.authArmorUrl = await listen(authArmorServer, host, authArmorPort);
		sandbox.servicesUrl = await listen(servicesServer, host, servicesPort);
	} catch (error) {
		await sandbox.close();
		throw error;
	}
	sandbox.authArmorTokenUrl = `${sandbox.authArmorUrl}/connect/token`;
	state.authArmor.issuer = sandbox.authArmorUrl;
	return sandbox;
}

module.exports = {
	startSandbox,
	SandboxNotFoundError,
	startForeignListener,
	armorPskSignature,
	armorPskAuthorization,
	DEFAULT_KNOBS,
	...fixtures,
};
