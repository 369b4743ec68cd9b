// @ts-check
/**
 * Credentials and workflows as n8n stores them, built for the sandbox. Used by the end-to-end tests,
 * `npm start`'s demo and the benchmark, so all of them run the same shapes a user's n8n would hold.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

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

/** The example workflows users import (`examples/*.json`). */
const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');
/** The credential id the examples carry: the user picks their own credential after importing. */
const EXAMPLE_CREDENTIAL_PLACEHOLDER = 'REPLACE_WITH_YOUR_CREDENTIAL';
/** The chat webhook address the alert example posts to, for the user to replace. */
const EXAMPLE_CHAT_WEBHOOK = 'https://hooks.slack.com/services/REPLACE/ME';

/** File names of the examples, sorted. */
function exampleFiles() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort();
}

/**
 * One example as a user downloads it.
 * @param {string} file a name from exampleFiles()
 * @returns {any}
 */
function readExample(file) {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

/**
 * The id an example gets when it is imported for the sandbox: fixed per file name (a re-import replaces
 * it), 16 characters like n8n's own ids.
 * @param {string} file
 */
function exampleWorkflowId(file) {
	return `ex${crypto.createHash('sha256').update(file).digest('hex').slice(0, 14)}`;
}

/**
 * Where the vendors' addresses used in the examples point in the sandbox: `[prefix, replacement]` pairs.
 * `chatWebhook`, when given, replaces the alert example's chat webhook placeholder.
 * @param {{ armorUrl: string, servicesUrl?: string, authArmorUrl: string, authArmorTokenUrl: string }} sandbox
 * @param {{ chatWebhook?: string }} [options]
 * @returns {Array<[string, string]>}
 */
function exampleUrlRewrites(sandbox, { chatWebhook } = {}) {
	/** @type {Array<[string, string]>} */
	const rewrites = [
		['https://api.armor.com', sandbox.armorUrl],
		['https://login.autharmor.com/connect/token', sandbox.authArmorTokenUrl],
		['https://api.autharmor.com', sandbox.authArmorUrl],
	];
	if (sandbox.servicesUrl) {
		for (const service of ['mdr', 'infrastructure', 'agent-management']) {
			rewrites.push([
				`https://${service}.api.secure-prod.services`,
				`${sandbox.servicesUrl}/${service}`,
			]);
		}
	}
	if (chatWebhook) rewrites.push([EXAMPLE_CHAT_WEBHOOK, chatWebhook]);
	return rewrites;
}

/**
 * Replaces each `prefix` of `rewrites` wherever it starts an address in `text` (also inside an expression).
 * @param {string} text
 * @param {Array<[string, string]>} rewrites
 */
function rewriteUrls(text, rewrites) {
	let result = text;
	for (const [prefix, replacement] of rewrites) {
		const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		// the prefix must end where an address part ends: not `https://api.armor.com.example`
		result = result.replace(new RegExp(`${escaped}(?=[/?#'"\`\\s}]|$)`, 'g'), () => replacement);
	}
	return result;
}

/**
 * @param {unknown} value
 * @param {(text: string) => string} change
 * @returns {any}
 */
function mapStrings(value, change) {
	if (typeof value === 'string') return change(value);
	if (Array.isArray(value)) return value.map((entry) => mapStrings(entry, change));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, mapStrings(entry, change)]),
		);
	}
	return value;
}

/**
 * An example pointed at the sandbox, the one place the end-to-end tests and `npm start` do this: every
 * credential reference replaced by the credential of its type in `credentials`, the vendors' addresses in
 * the node parameters by the sandbox's (`rewrites`, see exampleUrlRewrites), and the given id. Throws when
 * a node uses a credential type `credentials` lacks, or an address no rewrite covers is left (an example
 * must not reach the internet from a test).
 * @param {any} workflow as readExample() returns it (not changed)
 * @param {{ id: string, credentials: Record<string, { id: string, name: string }>, rewrites: Array<[string, string]> }} options
 * @returns {any}
 */
function sandboxExample(workflow, { id, credentials, rewrites }) {
	const allowed = rewrites.map(([, replacement]) => replacement);
	const nodes = workflow.nodes.map((/** @type {any} */ node) => {
		const parameters = mapStrings(node.parameters ?? {}, (text) => rewriteUrls(text, rewrites));
		for (const address of JSON.stringify(parameters).match(/https?:\/\/[^\s'"`}\\]+/g) ?? []) {
			if (!allowed.some((base) => address.startsWith(base))) {
				throw new Error(
					`example "${workflow.name}", node "${node.name}": no sandbox address for ${address} (add it to exampleUrlRewrites)`,
				);
			}
		}
		/** @type {Record<string, { id: string, name: string }> | undefined} */
		let nodeCredentials;
		if (node.credentials) {
			nodeCredentials = {};
			for (const type of Object.keys(node.credentials)) {
				const credential = credentials[type];
				if (!credential) {
					throw new Error(
						`example "${workflow.name}", node "${node.name}": no sandbox credential of type ${type}`,
					);
				}
				nodeCredentials[type] = { id: credential.id, name: credential.name };
			}
		}
		return { ...node, parameters, ...(nodeCredentials ? { credentials: nodeCredentials } : {}) };
	});
	return { ...workflow, id, active: false, nodes };
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
	EXAMPLES_DIR,
	EXAMPLE_CREDENTIAL_PLACEHOLDER,
	EXAMPLE_CHAT_WEBHOOK,
	exampleFiles,
	readExample,
	exampleWorkflowId,
	exampleUrlRewrites,
	sandboxExample,
};
