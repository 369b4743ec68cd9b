/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * Runs on every n8n version the package supports (n8n-versions.js: the current one and the oldest the
 * README promises), each in its own real n8n:
 * - the harness (n8n-host.js) before any test relies on it: core nodes run through `n8n execute`,
 *   failures come back as data, a community package installed the way the community-nodes screen
 *   installs it is loaded, and what a credential's preAuthentication returns is persisted and read back
 *   (with a throwaway package written by the test, so this part does not depend on this repository's build);
 * - this package: both Armor authentications and Auth Armor run, the username stays in its header, tokens
 *   persist across executions, and n8n's HTTP Request node sends no credential to another host after a
 *   redirect (the reason for the oldest version).
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';

import {
	startForeignListener,
	startSandbox,
	type ForeignListener,
	type Sandbox,
} from '../sandbox/server';
import { ensureN8n, N8N_VERSIONS, N8nHost, nodeError, nodeOutput } from './n8n-host';
import {
	armorApiKeyCredential,
	armorCredential,
	authArmorCredential,
	httpRequestNode,
	manualWorkflow,
	packageNode,
} from './workflows';

jest.setTimeout(5 * 60 * 1000);

const TRIGGER = 'When clicking "Execute workflow"';

/** Manual Trigger -> `nodes` in a chain. */
function chain(id: string, nodes: Array<Record<string, unknown> & { name: string }>) {
	const all = [
		{
			id: `${id}-trigger`,
			name: TRIGGER,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...nodes.map((node, index) => ({
			id: `${id}-${index}`,
			position: [240 * (index + 1), 0],
			...node,
		})),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: all,
		connections,
	};
}

describe.each([
	['current', N8N_VERSIONS.current],
	['oldest supported', N8N_VERSIONS.oldest],
])('n8n %s (%s)', (_label, version) => {
	let host: N8nHost;

	beforeAll(
		async () => {
			await ensureN8n(version); // first run: installs n8n (minutes)
			host = new N8nHost({ version });
		},
		30 * 60 * 1000,
	);

	afterAll(async () => {
		await host?.dispose();
	});

	describe('core nodes', () => {
		test('a Manual Trigger -> Edit Fields workflow runs and its output comes back', async () => {
			await host.importWorkflow(
				chain('smokeSet', [
					{
						name: 'Edit Fields',
						type: 'n8n-nodes-base.set',
						typeVersion: 3.4,
						parameters: {
							mode: 'manual',
							assignments: {
								assignments: [
									{ id: 'a1', name: 'greeting', value: 'hello', type: 'string' },
									{ id: 'a2', name: 'sum', value: '={{ 1 + 2 }}', type: 'number' },
								],
							},
							options: {},
						},
					},
				]),
			);

			const result = await host.execute('smokeSet');

			expect(result.error).toBeUndefined();
			expect(result.ok).toBe(true);
			expect(result.data?.status).toBe('success');
			expect(nodeOutput(result, TRIGGER)).toEqual([{}]);
			expect(nodeOutput(result, 'Edit Fields')).toEqual([{ greeting: 'hello', sum: 3 }]);
			expect(nodeError(result, 'Edit Fields')).toBeUndefined();
		});

		test('a failing node: ok is false, and the run, the node error and the message come back', async () => {
			await host.importWorkflow(
				chain('smokeFail', [
					{
						name: 'Stop and Error',
						type: 'n8n-nodes-base.stopAndError',
						typeVersion: 1,
						parameters: { errorMessage: 'planned failure' },
					},
				]),
			);

			const result = await host.execute('smokeFail');

			expect(result.ok).toBe(false);
			expect(result.code).toBe(1);
			expect(result.data?.status).toBe('error');
			expect(result.error).toContain('planned failure');
			expect(nodeError(result, 'Stop and Error')?.message).toContain('planned failure');
			expect(() => nodeOutput(result, 'Nowhere')).toThrow(/did not run/);
		});

		test('an unknown workflow id is reported, not thrown', async () => {
			const result = await host.execute('noSuchWorkflow');

			expect(result.ok).toBe(false);
			expect(result.data).toBeUndefined();
			expect(result.error).toContain('does not exist');
		});
	});

	describe('a community package installed like the community-nodes screen does', () => {
		const PACKAGE = 'n8n-nodes-armor-harness-probe';
		const credential = { id: 'probeCred001', name: 'Probe (e2e)' };
		const requests: Array<{ url: string; authorization?: string }> = [];
		let server: http.Server;
		let baseUrl: string;
		let packageDir: string;

		beforeAll(
			async () => {
				// The probe API: POST /token issues a numbered token, GET /me echoes the Authorization header.
				server = http.createServer((req, res) => {
					req.resume();
					req.on('end', () => {
						requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
						res.setHeader('content-type', 'application/json');
						if (req.method === 'POST' && req.url === '/token') {
							res.end(
								JSON.stringify({
									token: `token-${requests.filter((r) => r.url === '/token').length}`,
								}),
							);
						} else if (req.url === '/me') {
							res.end(
								JSON.stringify({ user: 'probe', authorization: req.headers.authorization ?? null }),
							);
						} else {
							res.statusCode = 404;
							res.end('{"error":"not found"}');
						}
					});
				});
				await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
				baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

				packageDir = writeProbePackage(PACKAGE);
				await host.packAndInstall({ build: false, dir: packageDir });
				await host.importCredentials([
					{ ...credential, type: 'harnessProbeApi', data: { baseUrl, secret: 'probe-secret' } },
				]);
				await host.importWorkflow(
					chain('smokePackage', [
						{
							name: 'Probe',
							type: `${PACKAGE}.harnessProbe`,
							typeVersion: 1,
							parameters: {},
							credentials: { harnessProbeApi: credential },
						},
					]),
				);
			},
			10 * 60 * 1000,
		);

		afterAll(async () => {
			await new Promise((resolve) => server?.close(resolve));
			if (packageDir) fs.rmSync(packageDir, { recursive: true, force: true });
		});

		test('its node runs with its credential; the token preAuthentication fetched is persisted and reused', async () => {
			const first = await host.execute('smokePackage');

			expect(first.error).toBeUndefined();
			expect(nodeOutput(first, 'Probe')).toEqual([
				{ user: 'probe', authorization: 'Bearer token-1' },
			]);
			expect(requests.map((r) => r.url)).toEqual(['/token', '/me']);

			const [stored] = (await host.exportCredentials()).filter((c) => c.id === credential.id);
			expect(stored).toMatchObject({
				type: 'harnessProbeApi',
				data: { baseUrl, secret: 'probe-secret', token: 'token-1' },
			});

			const second = await host.execute('smokePackage');

			expect(second.ok).toBe(true);
			expect(nodeOutput(second, 'Probe')).toEqual([
				{ user: 'probe', authorization: 'Bearer token-1' },
			]);
			expect(requests.map((r) => r.url)).toEqual(['/token', '/me', '/me']);
		});

		test('`n8n start` serves the editor until stop()', async () => {
			const { url } = await host.start();
			try {
				const status = await new Promise<number>((resolve, reject) =>
					http
						.get(`${url}/`, (res) => (res.resume(), resolve(res.statusCode ?? 0)))
						.on('error', reject),
				);
				expect(status).toBe(200);
			} finally {
				await host.stop();
			}
			expect(host.port).toBeUndefined();
		});
	});

	describe('this package (n8n-nodes-armor)', () => {
		const armor = { id: 'smokeArmor001', name: 'Armor (smoke)' };
		const armorKey = { id: 'smokeArmorKey', name: 'Armor key (smoke)', type: 'armorApiKeyApi' };
		const authArmor = { id: 'smokeAuthArm', name: 'Auth Armor (smoke)' };
		const USERNAME = 'user1@autharmor.example';
		let sandbox: Sandbox;
		let foreign: ForeignListener;

		const count = (api: 'armor' | 'authArmor', path: string) =>
			sandbox.requests.filter((r) => r.api === api && r.path === path).length;

		beforeAll(
			async () => {
				sandbox = await startSandbox();
				foreign = await startForeignListener();
				await host.packAndInstall();
				await host.importCredentials([
					armorCredential(sandbox, armor),
					armorApiKeyCredential(sandbox, armorKey),
					authArmorCredential(sandbox, authArmor),
				]);
				await host.importWorkflow(
					manualWorkflow('smokeArmor', 'Armor smoke', [
						packageNode('armor', 'Get Me', { resource: 'identity', operation: 'getMe' }, armor, {
							onError: 'continueRegularOutput',
						}),
						packageNode(
							'armor',
							'Tickets',
							{
								resource: 'ticket',
								operation: 'getMany',
								returnAll: true,
								options: { forEachAccount: true },
							},
							armorKey,
						),
						packageNode(
							'authArmor',
							'Get User',
							{
								resource: 'user',
								operation: 'get',
								user: { __rl: true, mode: 'username', value: USERNAME },
							},
							authArmor,
						),
					]),
				);
				await host.importWorkflow(
					manualWorkflow('smokeHttpRequest', 'HTTP Request with the Armor credential', [
						httpRequestNode('HTTP Request', 'armorApi', armor, { url: `${sandbox.armorUrl}/me` }),
					]),
				);
			},
			10 * 60 * 1000,
		);

		afterAll(async () => {
			await sandbox?.close();
			await foreign?.close();
		});

		test('the Armor node with both authentications and the Auth Armor node run; the username stays in its header', async () => {
			const result = await host.execute('smokeArmor');

			expect(result.error).toBeUndefined();
			expect(nodeOutput(result, 'Get Me')[0]).toMatchObject({ accounts: expect.any(Array) });
			const tickets = nodeOutput(result, 'Tickets');
			expect(new Set(tickets.map((ticket) => ticket.forAccount?.id))).toEqual(
				new Set([1001, 1002]),
			);
			expect(nodeOutput(result, 'Get User')[0]).toMatchObject({ username: USERNAME });
			const userRequests = sandbox.requests.filter(
				(r) => r.api === 'authArmor' && r.path.startsWith('/v4/users/'),
			);
			expect(userRequests.length).toBeGreaterThan(0);
			for (const request of userRequests) {
				expect(request.path).not.toContain(encodeURIComponent(USERNAME));
				expect(request.headers['x-autharmor-usernamevalue']).toBe(USERNAME);
			}
			expect(count('armor', '/auth/authorize')).toBe(1);
			expect(count('authArmor', '/connect/token')).toBe(1);
		});

		test('tokens persist across executions: a second run logs in nowhere', async () => {
			const logins = count('armor', '/auth/authorize');
			const tokens = count('authArmor', '/connect/token');

			const result = await host.execute('smokeArmor');

			expect(result.error).toBeUndefined();
			expect(nodeOutput(result, 'Get User')[0]).toMatchObject({ username: USERNAME });
			expect(count('armor', '/auth/authorize')).toBe(logins);
			expect(count('authArmor', '/connect/token')).toBe(tokens);
		});

		test("n8n's HTTP Request node with the Armor credential follows a redirect to another host without the token", async () => {
			foreign.clear();
			sandbox.injectFailures({
				api: 'armor',
				path: '/me',
				status: 302,
				location: `${foreign.url}/me`,
				count: 1,
			});

			const result = await host.execute('smokeHttpRequest');

			expect(result.error).toBeUndefined();
			expect(nodeOutput(result, 'HTTP Request')).toEqual([{ ok: true }]); // the foreign host's answer
			expect(foreign.requests).toHaveLength(1);
			expect(foreign.requests[0].headers.authorization).toBeUndefined();
			const stored = (await host.exportCredentials()).find((c) => c.id === armor.id);
			expect(stored?.data.accessToken).toBeTruthy();
			expect(foreign.leaks([String(stored?.data.accessToken), 'demo-password'])).toEqual([]);
		});
	});
});

/**
 * `npm run dev` links this repository into n8n and relies on n8n's N8N_DEV_RELOAD to pick up each rebuild.
 * It runs the current n8n only (n8n 2.6 reloads only when NODE_ENV is "development").
 */
describe('a linked package folder in the current n8n (`npm run dev`)', () => {
	const PACKAGE = 'n8n-nodes-armor-harness-probe';
	let packageDir: string;

	beforeAll(() => {
		packageDir = writeProbePackage(PACKAGE);
	});

	afterAll(() => {
		if (packageDir) fs.rmSync(packageDir, { recursive: true, force: true });
	});

	test('is reloaded when its build changes', async () => {
		const devHost = new N8nHost({
			env: { N8N_DEV_RELOAD: 'true', N8N_LOG_LEVEL: 'info' },
		});
		try {
			await devHost.linkPackage(packageDir);
			expect(
				fs.lstatSync(path.join(devHost.nodesFolder, 'node_modules', PACKAGE)).isSymbolicLink(),
			).toBe(true);
			await devHost.start();
			expect(devHost.serverOutput).not.toContain(`Hot reload triggered for ${PACKAGE}`);
			const nodeFile = path.join(packageDir, 'dist/nodes/HarnessProbe/HarnessProbe.node.js');
			// n8n starts watching shortly after it is ready: a rebuild each second until it notices one.
			const deadline = Date.now() + 30_000;
			while (
				!devHost.serverOutput.includes(`Hot reload triggered for ${PACKAGE}`) &&
				Date.now() < deadline
			) {
				fs.appendFileSync(nodeFile, '\n// rebuilt\n');
				await new Promise((resolve) => setTimeout(resolve, 1000));
			}
			expect(devHost.serverOutput).toContain(`Hot reload triggered for ${PACKAGE}`);
		} finally {
			await devHost.dispose();
		}
	});
});

/** A minimal community package (plain JS, like a build's dist): credential with preAuthentication + node. */
function writeProbePackage(name: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armor-probe-package-'));
	const write = (file: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), text);
	};
	write(
		'package.json',
		JSON.stringify({
			name,
			version: '0.0.1',
			keywords: ['n8n-community-node-package'],
			files: ['dist'],
			n8n: {
				n8nNodesApiVersion: 1,
				strict: true,
				credentials: ['dist/credentials/HarnessProbeApi.credentials.js'],
				nodes: ['dist/nodes/HarnessProbe/HarnessProbe.node.js'],
			},
			peerDependencies: { 'n8n-workflow': '*' },
		}),
	);
	write(
		'dist/credentials/HarnessProbeApi.credentials.js',
		`'use strict';
class HarnessProbeApi {
	constructor() {
		this.name = 'harnessProbeApi';
		this.displayName = 'Harness Probe API';
		this.properties = [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'Secret', name: 'secret', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Token', name: 'token', type: 'hidden', typeOptions: { expirable: true }, default: '' },
		];
		this.authenticate = { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } } };
		this.test = { request: { baseURL: '={{$credentials.baseUrl}}', url: '/me' } };
	}
	async preAuthentication(credentials) {
		const response = await this.helpers.httpRequest({ method: 'POST', url: credentials.baseUrl + '/token', body: { secret: credentials.secret }, json: true });
		return { token: response.token };
	}
}
exports.HarnessProbeApi = HarnessProbeApi;
`,
	);
	write(
		'dist/nodes/HarnessProbe/HarnessProbe.node.js',
		`'use strict';
class HarnessProbe {
	constructor() {
		this.description = {
			displayName: 'Harness Probe', name: 'harnessProbe', group: ['transform'], version: 1, description: 'GET /me',
			defaults: { name: 'Harness Probe' }, inputs: ['main'], outputs: ['main'],
			credentials: [{ name: 'harnessProbeApi', required: true }], properties: [],
		};
	}
	async execute() {
		const { baseUrl } = await this.getCredentials('harnessProbeApi');
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const json = await this.helpers.httpRequestWithAuthentication.call(this, 'harnessProbeApi', { url: baseUrl + '/me', json: true });
			out.push({ json, pairedItem: { item: i } });
		}
		return [out];
	}
}
exports.HarnessProbe = HarnessProbe;
`,
	);
	return dir;
}
