/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * The package inside a real n8n (2.41), installed the way the community-nodes screen installs it, run with
 * `n8n execute` against the sandbox. Asserts on the workflows' outputs and on the sandbox's request log.
 */
import { setTimeout as wait } from 'timers/promises';

import { startForeignListener, startSandbox, type Sandbox } from '../sandbox/server';
import { ensureN8n, N8nHost, nodeError, nodeOutput } from './n8n-host';
import {
	armorApiKeyCredential,
	armorCredential,
	authArmorCredential,
	httpRequestNode,
	manualWorkflow,
	packageNode,
} from './workflows';

jest.setTimeout(5 * 60 * 1000);

const ARMOR_LIFETIME_SECONDS = 90; // reported as seconds: renewal is due after 60 s (two thirds)
const USERNAME = 'user3@autharmor.example';

let sandbox: Sandbox;
let host: N8nHost;
const transcripts: string[] = [];
const issuedTokens = new Set<string>();

const armor = { id: 'armorMain01', name: 'Armor (e2e)' };
const armorMfa = { id: 'armorMfa001', name: 'Armor MFA (e2e)' };
const authArmor = { id: 'authArmor01', name: 'Auth Armor (e2e)' };
const armorKey = { id: 'armorKey001', name: 'Armor API key (e2e)', type: 'armorApiKeyApi' };
let foreign: Awaited<ReturnType<typeof startForeignListener>>;

async function execute(workflowId: string) {
	const result = await host.execute(workflowId);
	transcripts.push(result.stdout, result.stderr);
	for (const request of sandbox.requests) {
		const token = String(request.headers.authorization ?? '').split(' ')[1];
		if (token) issuedTokens.add(token);
		// An ARMOR-PSK header: keyId:signature:nonce:timestamp; the signature is the secret part.
		const signature = token?.split(':')[1];
		if (signature) issuedTokens.add(signature);
	}
	return result;
}

function armorLogins() {
	return sandbox.requests.filter((r) => r.api === 'armor' && r.path === '/auth/authorize').length;
}

beforeAll(
	async () => {
		await ensureN8n();
		sandbox = await startSandbox({
			armorTokenLifetimeSeconds: ARMOR_LIFETIME_SECONDS,
			armorExpiresInUnit: 'seconds',
		});
		host = new N8nHost();
		await host.packAndInstall();
		await host.importCredentials([
			armorCredential(sandbox, armor),
			armorCredential(sandbox, {
				...armorMfa,
				username: 'mfa@armor.example',
				password: 'mfa-password',
				mfaTimeout: 60,
			}),
			authArmorCredential(sandbox, authArmor),
			armorApiKeyCredential(sandbox, armorKey),
		]);
		const approval = (name: string, extra: Record<string, unknown> = {}) =>
			packageNode(
				'authArmor',
				name,
				{
					resource: 'authentication',
					operation: 'requestApprovalAndWait',
					user: { __rl: true, mode: 'username', value: USERNAME },
					actionName: 'Delete data',
					shortMessage: 'e2e approval',
					timeoutSeconds: 15,
					...extra,
				},
				authArmor,
			);
		await host.importWorkflow(manualWorkflow('wfApproval', 'Approval', [approval('Approval')]));
		await host.importWorkflow({
			...manualWorkflow('wfApprovalCancelled', 'Approval cancelled', [
				approval('Approval', { timeoutSeconds: 300 }),
			]),
			// n8n cancels the execution after 5 s: the node must stop waiting then, not after 300 s.
			settings: { executionOrder: 'v1', executionTimeout: 5 },
		});
		foreign = await startForeignListener();
		const firstIncident = 'SEC-100101';
		await host.importWorkflow(
			manualWorkflow('wfArmorKeyPull', 'Armor API key pull', [
				packageNode('armor', 'Key Get Me', { resource: 'identity', operation: 'getMe' }, armorKey),
				packageNode(
					'armor',
					'Key Tickets',
					{
						resource: 'ticket',
						operation: 'getMany',
						returnAll: true,
						options: { forEachAccount: true },
					},
					armorKey,
				),
				packageNode(
					'armor',
					'Key MDR Incidents',
					{ resource: 'mdrIncident', operation: 'getMany', returnAll: true },
					armorKey,
				),
				httpRequestNode('Key HTTP Tickets', 'armorApiKeyApi', armorKey, {
					url: `${sandbox.armorUrl}/tickets/list?maxResults=3`,
				}),
				httpRequestNode('Key HTTP Comment', 'armorApiKeyApi', armorKey, {
					url: `${sandbox.servicesUrl}/mdr/incidents/${firstIncident}/comments`,
					method: 'POST',
					jsonBody: '{"comment": "Signed by n8n\'s HTTP Request node: é"}',
				}),
			]),
		);
		await host.importWorkflow(
			manualWorkflow('wfArmorLegacyServices', 'Armor legacy login on the v2 services', [
				packageNode(
					'armor',
					'Legacy MDR',
					{
						resource: 'apiRequest',
						operation: 'send',
						method: 'GET',
						path: '/service-requests',
						options: { service: 'mdr' },
					},
					armor,
				),
				httpRequestNode(
					'Legacy HTTP Foreign',
					'armorApi',
					armor,
					{ url: `${foreign.url}/incidents` },
					{ onError: 'continueRegularOutput' },
				),
				httpRequestNode(
					'Key HTTP Foreign',
					'armorApiKeyApi',
					armorKey,
					{ url: `${foreign.url}/me` },
					{ onError: 'continueRegularOutput' },
				),
			]),
		);
		await host.importWorkflow(
			manualWorkflow('wfArmorGetMe', 'Armor Get Me', [
				packageNode('armor', 'Get Me', { resource: 'identity', operation: 'getMe' }, armor),
			]),
		);
		await host.importWorkflow(
			manualWorkflow('wfArmorMfa', 'Armor MFA', [
				packageNode('armor', 'Get Me', { resource: 'identity', operation: 'getMe' }, armorMfa),
			]),
		);
		await host.importWorkflow(
			manualWorkflow('wfAuthArmorUser', 'Auth Armor user', [
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
				packageNode(
					'authArmor',
					'API Request',
					{
						resource: 'apiRequest',
						operation: 'send',
						method: 'GET',
						path: '/{apiVersion}/users/{user}',
						username: USERNAME,
					},
					authArmor,
				),
			]),
		);
		await host.importWorkflow(
			manualWorkflow('wfGuard', 'Path guard', [
				packageNode(
					'armor',
					'Escape',
					{ resource: 'apiRequest', operation: 'send', method: 'GET', path: '//evil.example/me' },
					armor,
					{ onError: 'continueRegularOutput' },
				),
			]),
		);
	},
	30 * 60 * 1000,
);

afterAll(async () => {
	await foreign?.close();
	await host?.dispose();
	await sandbox?.close();
});

let firstLoginAt = 0;

test('two executions log in once and call the API once each', async () => {
	sandbox.clearRequests();
	const first = await execute('wfArmorGetMe');
	expect(first.error).toBeUndefined();
	const second = await execute('wfArmorGetMe');
	expect(second.error).toBeUndefined();

	expect(sandbox.summary().armor).toMatchObject({
		authorize: 1,
		token: 1,
		reissue: 0,
		api: 2,
		unauthorized: 0,
	});
	firstLoginAt = sandbox.requests.find((r) => r.path === '/auth/authorize')!.receivedAt;

	const [me] = nodeOutput(second, 'Get Me');
	expect(me.user).toMatchObject({ username: 'demo@armor.example' });
	expect(me.accounts.map((a: { id: number; currency: string }) => [a.id, a.currency])).toEqual([
		[1001, 'USD'],
		[1002, 'USD'],
	]);

	const [stored] = (await host.exportCredentials()).filter((c) => c.id === armor.id);
	expect(stored.data.accessToken).toMatch(/^[0-9a-f]{32}$/);
	expect(stored.data.tokenExpiresAt).toBeGreaterThan(Date.now());
	expect(stored.data.tokenRenewAt).toBeLessThan(stored.data.tokenExpiresAt);
});

test('Auth Armor names the user by header only, and reuses its token', async () => {
	sandbox.clearRequests();
	for (let run = 0; run < 2; run++) {
		const result = await execute('wfAuthArmorUser');
		expect(result.error).toBeUndefined();
		expect(nodeOutput(result, 'Get User')).toEqual([
			expect.objectContaining({ username: USERNAME }),
		]);
		expect(nodeOutput(result, 'API Request')).toEqual([
			expect.objectContaining({ username: USERNAME }),
		]);
	}
	const apiCalls = sandbox.requests.filter(
		(r) => r.api === 'authArmor' && r.path !== '/connect/token',
	);
	expect(apiCalls).toHaveLength(4);
	for (const call of apiCalls) {
		expect(call.path).toBe('/v4/users/00000000-0000-0000-0000-000000000000');
		expect(call.url).not.toContain('user3');
		expect(call.url).not.toContain(encodeURIComponent(USERNAME));
		expect(call.headers['x-authArmor-usernamevalue'.toLowerCase()]).toBe(USERNAME);
	}
	const tokenRequests = sandbox.requests.filter((r) => r.path === '/connect/token');
	expect(tokenRequests).toHaveLength(1);
	expect(tokenRequests[0].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
	expect(new URLSearchParams(tokenRequests[0].body).get('grant_type')).toBe('client_credentials');
});

test('a login held open by MFA is waited for', async () => {
	sandbox.configure({ mfaDelayMs: 4000 });
	sandbox.clearRequests();
	try {
		const result = await execute('wfArmorMfa');
		expect(result.error).toBeUndefined();
		expect(nodeOutput(result, 'Get Me')[0].accounts.map((a: { id: number }) => a.id)).toEqual([
			2001,
		]);
	} finally {
		sandbox.configure({ mfaDelayMs: 0 });
	}
	const authorize = sandbox.requests.filter((r) => r.path === '/auth/authorize');
	expect(authorize).toHaveLength(1);
	expect(authorize[0].status).toBe(200);
	const me = sandbox.requests.find((r) => r.path === '/me')!;
	expect(me.receivedAt - authorize[0].receivedAt).toBeGreaterThanOrEqual(4000);
});

test('the path guard refuses to leave the base URL, before any request', async () => {
	sandbox.clearRequests();
	const result = await execute('wfGuard');
	const [item] = nodeOutput(result, 'Escape');
	expect(item.error).toMatch(/could point at another host/);
	expect(sandbox.requests).toHaveLength(0);
});

test('near expiry the token is reissued, not logged in again', async () => {
	// Renewal is due two thirds into the token's life (60 s), expiry counts from 85 s: wait in real time.
	// On a slow machine the earlier tests may have used up the window: then start from a fresh login.
	let loginAt = firstLoginAt;
	if (Date.now() > loginAt + (ARMOR_LIFETIME_SECONDS - 20) * 1000) {
		await host.importCredentials([armorCredential(sandbox, armor)]); // no stored token
		sandbox.clearRequests();
		expect((await execute('wfArmorGetMe')).error).toBeUndefined();
		loginAt = sandbox.requests.find((r) => r.path === '/auth/authorize')!.receivedAt;
	}
	const renewAt = loginAt + (ARMOR_LIFETIME_SECONDS * 2000) / 3;
	await wait(Math.max(0, renewAt - Date.now() + 1000));
	sandbox.clearRequests();
	const result = await execute('wfArmorGetMe');
	expect(result.error).toBeUndefined();
	expect(sandbox.summary().armor).toMatchObject({
		authorize: 0,
		token: 0,
		reissue: 1,
		api: 1,
		unauthorized: 0,
	});
	const me = sandbox.requests.find((r) => r.path === '/me')!;
	const reissue = sandbox.requests.find((r) => r.path === '/auth/token/reissue')!;
	expect(me.receivedAt).toBeGreaterThanOrEqual(reissue.receivedAt);
	// The next execution uses the reissued token as it is.
	sandbox.clearRequests();
	expect((await execute('wfArmorGetMe')).error).toBeUndefined();
	expect(sandbox.summary().armor).toMatchObject({ authorize: 0, reissue: 0, api: 1 });
});

test('after a revoke: one 401, a check that the token is refused, one new login, the request retried', async () => {
	sandbox.revokeAllTokens();
	sandbox.clearRequests();
	const result = await execute('wfArmorGetMe');
	expect(result.error).toBeUndefined();
	expect(armorLogins()).toBe(1);
	expect(sandbox.summary().armor).toMatchObject({
		authorize: 1,
		token: 1,
		api: 3,
		unauthorized: 2,
	});
	expect(sandbox.requests.filter((r) => r.path === '/me').map((r) => r.status)).toEqual([
		401, 401, 200,
	]);
	expect(nodeOutput(result, 'Get Me')[0].accounts).toHaveLength(2);
});

test('a wrong password fails in words, without the password', async () => {
	await host.importCredentials([
		armorCredential(sandbox, { ...armor, password: 'not-the-password' }),
	]);
	sandbox.clearRequests();
	const result = await execute('wfArmorGetMe');
	expect(result.ok).toBe(false);
	const error = nodeError(result, 'Get Me');
	expect(error?.message).toMatch(/rejected the username or password/);
	expect(JSON.stringify(result.data)).not.toContain('not-the-password');
	await host.importCredentials([armorCredential(sandbox, armor)]);
});

test("an API key pulls Get Me, every account's tickets and MDR incidents with no login; the HTTP Request node signs with it", async () => {
	sandbox.clearRequests();
	const run = await execute('wfArmorKeyPull');
	expect(run.error).toBeUndefined();

	expect(sandbox.summary().armor).toMatchObject({
		authorize: 0,
		token: 0,
		reissue: 0,
		unauthorized: 0,
	});
	expect(sandbox.summary().services).toMatchObject({ unauthorized: 0 });
	for (const request of sandbox.requests) {
		expect(String(request.headers.authorization)).toMatch(
			/^ARMOR-PSK 20a37099-4a0b-432f-bf46-5fa690a0405c:/,
		);
	}
	const [me] = nodeOutput(run, 'Key Get Me');
	expect(me.user).toMatchObject({ username: 'demo@armor.example' });
	const tickets = nodeOutput(run, 'Key Tickets');
	expect(tickets).toHaveLength(24);
	expect(new Set(tickets.map((t: { forAccount: { id: number } }) => t.forAccount.id))).toEqual(
		new Set([1001, 1002]),
	);
	expect(nodeOutput(run, 'Key MDR Incidents')).toHaveLength(37);
	expect(nodeOutput(run, 'Key HTTP Tickets')[0].items).toHaveLength(3);
	// n8n's HTTP Request node sent the JSON body it signed: the sandbox checked the body's SHA-512.
	const [comment] = sandbox.requests.filter(
		(r) => r.api === 'services' && r.method === 'POST' && r.path.endsWith('/comments'),
	);
	expect(comment.status).toBe(200);
	expect(JSON.parse(comment.body)).toEqual({ comment: "Signed by n8n's HTTP Request node: é" });
});

test('the legacy login reaches the MDR service on its own host; neither credential sends anything elsewhere', async () => {
	sandbox.clearRequests();
	foreign.clear();
	const run = await execute('wfArmorLegacyServices');
	expect(run.error).toBeUndefined();

	const [mdr] = sandbox.requests.filter((r) => r.api === 'services');
	expect(mdr.path).toBe('/mdr/service-requests');
	expect(mdr.status).toBe(200);
	expect(String(mdr.headers.authorization)).toMatch(/^FH-AUTH [0-9a-f]{32}$/);
	for (const name of ['Legacy HTTP Foreign', 'Key HTTP Foreign']) {
		expect(JSON.stringify(nodeOutput(run, name)[0].error)).toMatch(/only sends its token to/);
	}
	expect(foreign.requests).toHaveLength(0);
});

describe('Request Approval and Wait', () => {
	test('approved: the push goes out with a nonce, the answer is validated with it, the item leaves on "Approved"', async () => {
		sandbox.clearRequests();
		sandbox.configure({ authArmorApprover: { action: 'approve', afterMs: 1500 } });
		const run = await execute('wfApproval');
		expect(run.error).toBeUndefined();

		const [approved] = nodeOutput(run, 'Approval', 0);
		expect(approved).toMatchObject({
			approved: true,
			result: 'approved',
			validated: true,
			username: USERNAME,
		});
		expect(nodeOutput(run, 'Approval', 1)).toEqual([]);
		const start = sandbox.requests.find((r) => r.path === '/v4/auth/authenticator/start')!;
		const validate = sandbox.requests.find((r) => r.path === '/v4/auth/authenticator/validate')!;
		expect(JSON.parse(validate.body).nonce).toBe(JSON.parse(start.body).nonce);
		expect(JSON.parse(start.body).nonce).toMatch(/^[0-9a-f]{32}$/);
	});

	test('declined and timed out leave on "Not Approved"', async () => {
		sandbox.configure({ authArmorApprover: { action: 'decline', afterMs: 0 } });
		const declined = await execute('wfApproval');
		expect(nodeOutput(declined, 'Approval', 0)).toEqual([]);
		expect(nodeOutput(declined, 'Approval', 1)[0]).toMatchObject({
			approved: false,
			result: 'declined',
		});

		sandbox.configure({ authArmorApprover: { action: 'timeout', afterMs: 0 } });
		const timedOut = await execute('wfApproval');
		expect(nodeOutput(timedOut, 'Approval', 1)[0]).toMatchObject({
			approved: false,
			result: 'timedOut',
		});
	});

	test('an execution n8n cancels (its timeout) stops waiting', async () => {
		sandbox.configure({ authArmorApprover: { action: 'never', afterMs: 0 } });
		const started = Date.now();
		const run = await execute('wfApprovalCancelled');
		expect(Date.now() - started).toBeLessThan(60_000);
		expect(run.ok).toBe(false);
		sandbox.configure({ authArmorApprover: { action: 'approve', afterMs: 0 } });
	});
});

describe('Armor Trigger in an active workflow (n8n start, polls every minute)', () => {
	const sunk = () =>
		foreign.requests.filter((r) => r.path === '/sink').map((r) => JSON.parse(r.body).key);
	const polls = () => sandbox.requests.filter((r) => r.path === '/tickets/list-all').length;

	/** Waits until the trigger has polled `count` more times (n8n polls at each minute boundary). */
	async function nextPolls(count = 1) {
		const start = polls();
		const deadline = Date.now() + (count + 1) * 75_000;
		while (polls() < start + count) {
			if (Date.now() > deadline) throw new Error(`no poll within ${(count + 1) * 75} s`);
			await wait(500);
		}
		// Let the execution the poll started deliver its items to the sink.
		await wait(5_000);
	}

	beforeAll(
		async () => {
			await host.importWorkflow({
				id: 'wfTrigger',
				name: 'New tickets to a sink',
				active: false,
				nodes: [
					{
						id: 'trigger-node',
						name: 'New Ticket',
						type: 'n8n-nodes-armor.armorTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {
							authentication: 'apiKey',
							event: 'newTicket',
							pollTimes: { item: [{ mode: 'everyMinute' }] },
						},
						credentials: { armorApiKeyApi: { id: armorKey.id, name: armorKey.name } },
					},
					{
						id: 'sink-node',
						name: 'Sink',
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						position: [260, 0],
						parameters: {
							method: 'POST',
							url: `${foreign.url}/sink`,
							sendBody: true,
							specifyBody: 'json',
							jsonBody: '={{ JSON.stringify({ key: $json.key }) }}',
							options: {},
						},
					},
				],
				connections: { 'New Ticket': { main: [[{ node: 'Sink', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			});
			await host.n8n(['publish:workflow', '--id=wfTrigger']);
			foreign.clear();
			sandbox.clearRequests();
			await host.start();
		},
		5 * 60 * 1000,
	);

	afterAll(async () => {
		await host.stop();
	});

	test(
		'first poll: nothing; tickets added between polls: each once; after a restart: nothing repeated or lost; an outage: nothing, then caught up',
		async () => {
			await nextPolls();
			expect(sunk()).toEqual([]);

			const added = sandbox.addTickets(1001, 2);
			await nextPolls();
			expect(sunk()).toEqual(added.map((ticket) => ticket.key));

			await host.stop();
			const whileDown = sandbox.addTickets(1001, 1);
			await host.start();
			await nextPolls();
			expect(sunk()).toEqual([...added, ...whileDown].map((ticket) => ticket.key));

			// The next poll's request and its three retries answer 503.
			sandbox.injectFailures({ api: 'armor', path: '/tickets/list-all', status: 503, count: 4 });
			const duringOutage = sandbox.addTickets(1001, 1);
			await nextPolls();
			expect(sunk()).toEqual([...added, ...whileDown].map((ticket) => ticket.key));
			await nextPolls();
			expect(sunk()).toEqual([...added, ...whileDown, ...duringOutage].map((ticket) => ticket.key));
		},
		10 * 60 * 1000,
	);
});

test("no secret reached n8n's output or logs", () => {
	const secrets = [
		'demo-password',
		'mfa-password',
		'sandbox-secret',
		'not-the-password',
		'test-secret',
		...issuedTokens,
	];
	expect(issuedTokens.size).toBeGreaterThanOrEqual(4);
	const everything = transcripts.join('\n');
	expect(everything.length).toBeGreaterThan(0);
	for (const secret of secrets) expect(everything).not.toContain(secret);
});
