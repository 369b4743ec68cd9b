// @ts-check
/**
 * Credentials and workflows as n8n stores them, built for the sandbox. Used by the end-to-end tests,
 * `npm start`'s demo and the benchmark, so all of them run the same shapes a user's n8n would hold.
 */

const PACKAGE = 'n8n-nodes-armor';
const ARMOR_NODE = `${PACKAGE}.armor`;
const AUTH_ARMOR_NODE = `${PACKAGE}.authArmor`;

/**
 * The legacy-login credential; its Service Hosts point at the sandbox's v2 services when it has them.
 * @param {{ armorUrl: string, servicesUrl?: string }} sandbox
 * @param {{ id: string, name?: string, username?: string, password?: string, accountId?: string, mfaTimeout?: number }} options
 */
function armorCredential(
	sandbox,
	{
		id,
		name = 'Armor (sandbox)',
		username = 'demo@armor.example',
		password = 'demo-password',
		accountId = '',
		mfaTimeout = 300,
	},
) {
	return {
		id,
		name,
		type: 'armorApi',
		data: {
			baseUrl: sandbox.armorUrl,
			username,
			password,
			accountId,
			mfaTimeout,
			serviceHosts: serviceHosts(sandbox),
		},
	};
}

/** @param {{ servicesUrl?: string }} sandbox */
function serviceHosts(sandbox) {
	return sandbox.servicesUrl ? `${sandbox.servicesUrl}/{service}` : '';
}

/**
 * The API-key credential (ARMOR-PSK), by default the sandbox's key of the demo user.
 * @param {{ armorUrl: string, servicesUrl?: string }} sandbox
 * @param {{ id: string, name?: string, keyId?: string, secret?: string, accountId?: string }} options
 */
function armorApiKeyCredential(
	sandbox,
	{
		id,
		name = 'Armor API key (sandbox)',
		keyId = '20a37099-4a0b-432f-bf46-5fa690a0405c',
		secret = 'test-secret',
		accountId = '',
	},
) {
	return {
		id,
		name,
		type: 'armorApiKeyApi',
		data: {
			baseUrl: sandbox.armorUrl,
			keyId,
			secret,
			accountId,
			serviceHosts: serviceHosts(sandbox),
		},
	};
}

/**
 * @param {{ authArmorUrl: string, authArmorTokenUrl: string }} sandbox
 * @param {{ id: string, name?: string, clientId?: string, clientSecret?: string, scope?: string, apiVersion?: string }} options
 */
function authArmorCredential(
	sandbox,
	{
		id,
		name = 'Auth Armor (sandbox)',
		clientId = 'sandbox-client',
		clientSecret = 'sandbox-secret',
		scope = '',
		apiVersion = 'v4',
	},
) {
	return {
		id,
		name,
		type: 'authArmorApi',
		data: {
			clientId,
			clientSecret,
			scope,
			tokenUrl: sandbox.authArmorTokenUrl,
			baseUrl: sandbox.authArmorUrl,
			apiVersion,
		},
	};
}

/**
 * A node of this package. `credential` is the `{ id, name }` of an imported credential; with `type:
 * 'armorApiKeyApi'` the Armor node is set to its API Key authentication.
 * @param {'armor' | 'authArmor'} kind
 * @param {string} name
 * @param {Record<string, unknown>} parameters
 * @param {{ id: string, name: string, type?: string }} credential
 * @param {Record<string, unknown>} [settings] node settings such as `{ continueOnFail: true }`
 */
function packageNode(kind, name, parameters, credential, settings = {}) {
	const credentialType = credential.type ?? (kind === 'armor' ? 'armorApi' : 'authArmorApi');
	if (credentialType === 'armorApiKeyApi') parameters = { authentication: 'apiKey', ...parameters };
	return {
		id: `${name.replace(/\W+/g, '-').toLowerCase()}-node`,
		name,
		type: kind === 'armor' ? ARMOR_NODE : AUTH_ARMOR_NODE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [credentialType]: { id: credential.id, name: credential.name } },
		...settings,
	};
}

/** @param {string} id */
function manualTrigger(id) {
	return {
		id: `${id}-trigger`,
		name: 'When clicking "Execute workflow"',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

/**
 * Manual Trigger -> each of `nodes` (in parallel branches), positioned for the editor.
 * @param {string} id
 * @param {string} name
 * @param {any[]} nodes
 */
function manualWorkflow(id, name, nodes) {
	const trigger = manualTrigger(id);
	const placed = nodes.map((node, index) => ({
		...node,
		id: `${id}-${node.id}`,
		position: [260, index * 180],
	}));
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [trigger, ...placed],
		connections: {
			[trigger.name]: {
				main: [placed.map((node) => ({ node: node.name, type: 'main', index: 0 }))],
			},
		},
	};
}

/**
 * n8n's own HTTP Request node using one of this package's credentials ("Predefined Credential Type").
 * @param {string} name
 * @param {'armorApi' | 'armorApiKeyApi' | 'authArmorApi'} credentialType
 * @param {{ id: string, name: string }} credential
 * @param {{ url: string, method?: string, jsonBody?: string }} request
 * @param {Record<string, unknown>} [settings] node settings such as `{ onError: 'continueRegularOutput' }`
 */
function httpRequestNode(
	name,
	credentialType,
	credential,
	{ url, method = 'GET', jsonBody },
	settings = {},
) {
	return {
		id: `${name.replace(/\W+/g, '-').toLowerCase()}-node`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		parameters: {
			method,
			url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: credentialType,
			...(jsonBody ? { sendBody: true, specifyBody: 'json', jsonBody } : {}),
			options: {},
		},
		credentials: { [credentialType]: { id: credential.id, name: credential.name } },
		...settings,
	};
}

/**
 * A node that puts out `count` items ({ n: 1 } ... { n: count }): Edit Fields (raw JSON) -> Split Out.
 * @param {number} count
 * @returns {any[]} the two nodes, to start a `chainWorkflow`
 */
function itemsNodes(count) {
	const list = Array.from({ length: count }, (_, index) => ({ n: index + 1 }));
	return [
		{
			id: 'items-set',
			name: 'Items',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [0, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ list }), options: {} },
		},
		{
			id: 'items-split',
			name: 'Split Items',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [0, 0],
			parameters: { fieldToSplitOut: 'list', options: {} },
		},
	];
}

/**
 * A trigger followed by `nodes` one after another. Default trigger: the Manual Trigger (for `n8n execute`);
 * with `webhookPath`, a Webhook that answers with the last node's output (for a running `n8n start`).
 * @param {string} id
 * @param {string} name
 * @param {any[]} nodes
 * @param {{ webhookPath?: string }} [options]
 */
function chainWorkflow(id, name, nodes, { webhookPath } = {}) {
	const trigger = webhookPath
		? {
				id: `${id}-webhook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-webhook-id`,
				parameters: { path: webhookPath, httpMethod: 'GET', responseMode: 'lastNode', options: {} },
			}
		: manualTrigger(id);
	const placed = nodes.map((node, index) => ({
		...node,
		id: `${id}-${node.id}`,
		position: [260 * (index + 1), 0],
	}));
	const all = [trigger, ...placed];
	/** @type {Record<string, unknown>} */
	const connections = {};
	for (let index = 0; index < all.length - 1; index++) {
		connections[all[index].name] = {
			main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: all,
		connections,
	};
}

module.exports = {
	armorApiKeyCredential,
	ARMOR_NODE,
	AUTH_ARMOR_NODE,
	armorCredential,
	authArmorCredential,
	packageNode,
	manualWorkflow,
	chainWorkflow,
	httpRequestNode,
	itemsNodes,
};
