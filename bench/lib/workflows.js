// @ts-check
'use strict';
/**
 * The benchmark's workflows: this package's nodes, and what a user builds without the package (n8n's
 * HTTP Request node, typeVersion 4.2, chaining login -> token -> call with expressions).
 */
const { AUTHARMOR_EMPTY_GUID } = require('../../test/sandbox/server');
const { packageNode } = require('../../test/e2e/workflows');

const TRIGGER = 'Trigger';
/** Auth Armor user every "Get user" asks for (by username, sent in the X-AuthArmor-UsernameValue header). */
const USERNAME = 'user3@autharmor.example';

/** Node names the benchmark reads timings and outputs from. */
const NAMES = {
	armorGetMe: 'Armor Get Me',
	authArmorGetUser: 'Auth Armor Get User',
	authArmorGetMany: 'Auth Armor Get Many',
	items: 'Items',
	httpArmorAuthorize: 'HTTP Armor authorize',
	httpArmorToken: 'HTTP Armor token',
	httpArmorMe: 'HTTP Armor /me',
	httpAuthArmorToken: 'HTTP Auth Armor token',
	httpAuthArmorUser: 'HTTP Auth Armor user',
};

/**
 * A workflow from nodes and `[from, to]` connections (main output 0 -> main input 0), laid out left to right.
 * @param {string} id
 * @param {any[]} nodes without the trigger
 * @param {[string, string][]} edges
 */
function workflow(id, nodes, edges) {
	const trigger = {
		name: TRIGGER,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		parameters: {},
	};
	/** @type {Record<string, { main: { node: string, type: string, index: number }[][] }>} */
	const connections = {};
	for (const [from, to] of edges) {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return {
		id,
		name: `bench ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [trigger, ...nodes].map((node, index) => ({
			...node,
			id: `${id}-${index}`,
			position: [index * 220, 0],
		})),
		connections,
	};
}

/**
 * n8n's Code node producing `n` items `{ i }`.
 * @param {number} n
 */
function itemsNode(n) {
	return {
		name: NAMES.items,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode: `return Array.from({ length: ${n} }, (_, i) => ({ json: { i } }));` },
	};
}

/**
 * The package's two one-request operations.
 * @param {{ id: string, name: string }} armor
 * @param {{ id: string, name: string }} authArmor
 */
function packageCallNodes(armor, authArmor) {
	return [
		packageNode('armor', NAMES.armorGetMe, { resource: 'identity', operation: 'getMe' }, armor),
		packageNode(
			'authArmor',
			NAMES.authArmorGetUser,
			{
				resource: 'user',
				operation: 'get',
				user: { __rl: true, mode: 'username', value: USERNAME },
			},
			authArmor,
		),
	];
}

/**
 * Trigger -> (Items ->) Armor Get Me, and -> Auth Armor Get User. Without `n`: one item each (case 1, warm-up).
 * @param {string} id
 * @param {{ id: string, name: string }} armor
 * @param {{ id: string, name: string }} authArmor
 * @param {number} [n]
 */
function packageCallsWorkflow(id, armor, authArmor, n) {
	const [getMe, getUser] = packageCallNodes(armor, authArmor);
	const source = n === undefined ? TRIGGER : NAMES.items;
	const nodes = n === undefined ? [getMe, getUser] : [itemsNode(n), getMe, getUser];
	/** @type {[string, string][]} */
	const edges = [
		...(n === undefined ? [] : /** @type {[string, string][]} */ ([[TRIGGER, NAMES.items]])),
		[source, NAMES.armorGetMe],
		[source, NAMES.authArmorGetUser],
	];
	return workflow(id, nodes, edges);
}

/**
 * An HTTP Request node (4.2).
 * @param {string} name
 * @param {Record<string, unknown>} parameters
 */
function http(name, parameters) {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: { options: {}, ...parameters },
	};
}

/** @param {[string, string][]} pairs */
function keyValues(pairs) {
	return { parameters: pairs.map(([name, value]) => ({ name, value })) };
}

/**
 * What a user builds without the package: HTTP Request nodes doing the whole login in every execution.
 * @param {{ armorUrl: string, authArmorUrl: string, authArmorTokenUrl: string }} sandbox
 * @param {{ armorToken: string, authArmorToken: string }} tokenExpressions where the call nodes find the tokens
 */
function httpNodes(sandbox, { armorToken, authArmorToken }) {
	return {
		armorAuthorize: http(NAMES.httpArmorAuthorize, {
			method: 'POST',
			url: `${sandbox.armorUrl}/auth/authorize`,
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: JSON.stringify({ username: 'demo@armor.example', password: 'demo-password' }),
		}),
		armorToken: http(NAMES.httpArmorToken, {
			method: 'POST',
			url: `${sandbox.armorUrl}/auth/token`,
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: '={ "code": "{{ $json.code }}", "grant_type": "authorization_code" }',
		}),
		armorMe: http(NAMES.httpArmorMe, {
			method: 'GET',
			url: `${sandbox.armorUrl}/me`,
			sendHeaders: true,
			headerParameters: keyValues([
				['Accept', 'application/json'],
				['Authorization', `=FH-AUTH {{ ${armorToken} }}`],
			]),
		}),
		authArmorToken: http(NAMES.httpAuthArmorToken, {
			method: 'POST',
			url: sandbox.authArmorTokenUrl,
			sendBody: true,
			contentType: 'form-urlencoded',
			bodyParameters: keyValues([
				['grant_type', 'client_credentials'],
				['client_id', 'sandbox-client'],
				['client_secret', 'sandbox-secret'],
			]),
		}),
		authArmorUser: http(NAMES.httpAuthArmorUser, {
			method: 'GET',
			url: `${sandbox.authArmorUrl}/v4/users/${AUTHARMOR_EMPTY_GUID}`,
			sendHeaders: true,
			headerParameters: keyValues([
				['Accept', 'application/json'],
				['Authorization', `=Bearer {{ ${authArmorToken} }}`],
				['X-AuthArmor-UsernameValue', USERNAME],
			]),
		}),
	};
}

/**
 * Case 1 baseline: Trigger -> authorize -> token -> /me, and Trigger -> token -> user, every execution.
 * @param {string} id
 * @param {{ armorUrl: string, authArmorUrl: string, authArmorTokenUrl: string }} sandbox
 */
function httpChainWorkflow(id, sandbox) {
	const h = httpNodes(sandbox, {
		armorToken: '$json.access_token',
		authArmorToken: '$json.access_token',
	});
	return workflow(
		id,
		[h.armorAuthorize, h.armorToken, h.armorMe, h.authArmorToken, h.authArmorUser],
		[
			[TRIGGER, NAMES.httpArmorAuthorize],
			[NAMES.httpArmorAuthorize, NAMES.httpArmorToken],
			[NAMES.httpArmorToken, NAMES.httpArmorMe],
			[TRIGGER, NAMES.httpAuthArmorToken],
			[NAMES.httpAuthArmorToken, NAMES.httpAuthArmorUser],
		],
	);
}

/**
 * Cases 2 and 4 with n8n's own node: log in once (both APIs), fan out `n` items, one HTTP Request per item,
 * the token read from the login nodes by expression. The HTTP Request node's default options send all
 * items' requests at once (no batching).
 * @param {string} id
 * @param {{ armorUrl: string, authArmorUrl: string, authArmorTokenUrl: string }} sandbox
 * @param {number} n
 */
function httpFanOutWorkflow(id, sandbox, n) {
	const h = httpNodes(sandbox, {
		armorToken: `$('${NAMES.httpArmorToken}').first().json.access_token`,
		authArmorToken: `$('${NAMES.httpAuthArmorToken}').first().json.access_token`,
	});
	return workflow(
		id,
		[h.armorAuthorize, h.armorToken, h.authArmorToken, itemsNode(n), h.armorMe, h.authArmorUser],
		[
			[TRIGGER, NAMES.httpArmorAuthorize],
			[NAMES.httpArmorAuthorize, NAMES.httpArmorToken],
			[NAMES.httpArmorToken, NAMES.httpAuthArmorToken],
			[NAMES.httpAuthArmorToken, NAMES.items],
			[NAMES.items, NAMES.httpArmorMe],
			[NAMES.items, NAMES.httpAuthArmorUser],
		],
	);
}

/**
 * Case 3: Auth Armor -> Get Many, Return All.
 * @param {string} id
 * @param {{ id: string, name: string }} authArmor
 */
function getManyWorkflow(id, authArmor) {
	return workflow(
		id,
		[
			packageNode(
				'authArmor',
				NAMES.authArmorGetMany,
				{ resource: 'user', operation: 'getMany', returnAll: true },
				authArmor,
			),
		],
		[[TRIGGER, NAMES.authArmorGetMany]],
	);
}

/**
 * The reference for memory: an execution that does nothing (Trigger -> No Operation).
 * @param {string} id
 */
function idleWorkflow(id) {
	return workflow(
		id,
		[{ name: 'Nothing', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} }],
		[[TRIGGER, 'Nothing']],
	);
}

module.exports = {
	NAMES,
	USERNAME,
	packageCallsWorkflow,
	httpChainWorkflow,
	httpFanOutWorkflow,
	getManyWorkflow,
	idleWorkflow,
};
