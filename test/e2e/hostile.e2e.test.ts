/* eslint-disable @typescript-eslint/no-explicit-any, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * The README's security promises, held inside a real n8n (2.41) against an API that does not behave: it
 * redirects to another host, echoes requests (tokens, passwords, client secrets) in its error pages, invalidates
 * a token on reissue, fails a reissue with 503/429, refuses every token on an endpoint, and serves several
 * executions at once. Our nodes and n8n's own HTTP Request node (using our credentials) are both tried.
 * A second "foreign" listener stands for another host: it must never receive anything secret.
 */

import {
	startForeignListener,
	startSandbox,
	type ForeignListener,
	type Sandbox,
} from '../sandbox/server';
import { ensureN8n, N8nHost, nodeError, nodeOutput } from './n8n-host';
import {
	armorCredential,
	authArmorCredential,
	chainWorkflow,
	httpRequestNode,
	itemsNodes,
	manualWorkflow,
	packageNode,
} from './workflows';

jest.setTimeout(5 * 60 * 1000);

const COF = { onError: 'continueRegularOutput' };
const FIXED_SECRETS = ['demo-password', 'mfa-password', 'sandbox-secret', 'wrong-password-e2e'];

let sandbox: Sandbox;
let foreign: ForeignListener;
let host: N8nHost;
const transcripts: string[] = [];
/** Every token, reissue token and authorization code the sandbox saw: none may show up anywhere. */
const seenSecrets = new Set<string>();

const armor = { id: 'hArmor00001', name: 'Armor (hostile)' };
const armorFresh = { id: 'hArmorFresh', name: 'Armor fresh (hostile)' };
const armorWrong = { id: 'hArmorWrong', name: 'Armor wrong password (hostile)' };
const armorRace = { id: 'hArmorRace1', name: 'Armor race (hostile)' };
const armorMfa = { id: 'hArmorMfa01', name: 'Armor MFA (hostile)' };
const authArmor = { id: 'hAuthArmor1', name: 'Auth Armor (hostile)' };
const authArmorFresh = { id: 'hAuthFresh1', name: 'Auth Armor fresh (hostile)' };

function collectSecrets(): void {
	for (const request of [...sandbox.requests]) {
		const authorization = String(request.headers.authorization ?? '');
		const token = authorization.split(' ')[1];
		if (token) seenSecrets.add(token);
		try {
			const body = JSON.parse(request.body || '{}') as Record<string, unknown>;
			for (const key of ['token', 'code']) {
				if (typeof body[key] === 'string' && body[key]) seenSecrets.add(body[key] as string);
			}
		} catch {
			// form-encoded (token endpoint): its secret is a fixed one
		}
	}
}

async function execute(workflowId: string) {
	const result = await host.execute(workflowId);
	transcripts.push(result.stdout, result.stderr);
	collectSecrets();
	return result;
}

function secrets(): string[] {
	collectSecrets();
	return [...FIXED_SECRETS, ...seenSecrets];
}

function count(api: 'armor' | 'authArmor', path: string): number {
	return sandbox.requests.filter((r) => r.api === api && r.path === path).length;
}

/** Makes a stored credential due for renewal now (its token still alive), as if 2/3 of its life had passed. */
async function makeDue(credential: { id: string }) {
	const [stored] = (await host.exportCredentials()).filter((c) => c.id === credential.id);
	expect(stored.data.accessToken).toBeTruthy();
	await host.importCredentials([
		{ ...stored, data: { ...stored.data, tokenRenewAt: Date.now() - 1000 } },
	]);
}

beforeAll(
	async () => {
		await ensureN8n();
		sandbox = await startSandbox();
		foreign = await startForeignListener();
		host = new N8nHost();
		await host.packAndInstall();
		await host.importCredentials([
			armorCredential(sandbox, armor),
			armorCredential(sandbox, armorFresh),
			armorCredential(sandbox, { ...armorWrong, password: 'wrong-password-e2e' }),
			armorCredential(sandbox, armorRace),
			armorCredential(sandbox, {
				...armorMfa,
				username: 'mfa@armor.example',
				password: 'mfa-password',
				mfaTimeout: 60,
			}),
			authArmorCredential(sandbox, authArmor),
			authArmorCredential(sandbox, authArmorFresh),
		]);
		const getMe = (credential: { id: string; name: string }, settings = {}) =>
			packageNode(
				'armor',
				'Get Me',
				{ resource: 'identity', operation: 'getMe' },
				credential,
				settings,
			);
		const workflows = [
			manualWorkflow('hHttpArmor', 'HTTP Request, Armor', [
				httpRequestNode('HTTP', 'armorApi', armor, { url: `${sandbox.armorUrl}/me` }, COF),
			]),
			manualWorkflow('hHttpArmor404', 'HTTP Request, Armor 404', [
				httpRequestNode('HTTP', 'armorApi', armor, { url: `${sandbox.armorUrl}/nope` }, COF),
			]),
			manualWorkflow('hHttpAuth', 'HTTP Request, Auth Armor', [
				httpRequestNode(
					'HTTP',
					'authArmorApi',
					authArmor,
					{ url: `${sandbox.authArmorUrl}/v4/users?page_size=1` },
					COF,
				),
			]),
			manualWorkflow('hHttpAuth404', 'HTTP Request, Auth Armor 404', [
				httpRequestNode(
					'HTTP',
					'authArmorApi',
					authArmor,
					{ url: `${sandbox.authArmorUrl}/v4/nope` },
					COF,
				),
			]),
			manualWorkflow('hGetMe', 'Get Me', [getMe(armor, COF)]),
			manualWorkflow('hGetMeStrict', 'Get Me (no Continue On Fail)', [getMe(armor)]),
			manualWorkflow('hGetMeFresh', 'Get Me, fresh credential', [getMe(armorFresh, COF)]),
			manualWorkflow('hGetMeWrong', 'Get Me, wrong password', [getMe(armorWrong, COF)]),
			chainWorkflow('hGetMe5', 'Get Me x5', [...itemsNodes(5), getMe(armor, COF)]),
			manualWorkflow('hAuthUserFresh', 'Auth Armor user, fresh credential', [
				packageNode(
					'authArmor',
					'Get User',
					{
						resource: 'user',
						operation: 'get',
						user: { __rl: true, mode: 'username', value: 'user3@autharmor.example' },
					},
					authArmorFresh,
					COF,
				),
			]),
			manualWorkflow('hEcho', 'Errors that echo the request', [
				packageNode(
					'armor',
					'Armor 404',
					{ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/accounts/999999' },
					armor,
					COF,
				),
				packageNode(
					'authArmor',
					'Auth Armor 404',
					{
						resource: 'user',
						operation: 'get',
						user: { __rl: true, mode: 'username', value: 'nobody@autharmor.example' },
					},
					authArmor,
					COF,
				),
				packageNode(
					'armor',
					'Armor Full Response',
					{
						resource: 'apiRequest',
						operation: 'send',
						method: 'GET',
						path: '/me',
						options: { returnFullResponse: true },
					},
					armor,
					COF,
				),
			]),
			manualWorkflow('hEchoStrict', 'An echoing error, no Continue On Fail', [
				packageNode(
					'armor',
					'Armor 404',
					{ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/accounts/999999' },
					armor,
				),
			]),
			manualWorkflow('hUsername', 'Usernames outside ASCII', [
				packageNode(
					'authArmor',
					'Header Mode',
					{
						resource: 'user',
						operation: 'updateUsername',
						user: { __rl: true, mode: 'username', value: 'Ωuser1@autharmor.example' },
						newUsername: 'renamed@autharmor.example',
					},
					authArmor,
					COF,
				),
				packageNode(
					'authArmor',
					'Query Mode',
					{
						resource: 'user',
						operation: 'get',
						user: { __rl: true, mode: 'username', value: 'Ωuser1@autharmor.example' },
						options: { usernameIn: 'query' },
					},
					authArmor,
					COF,
				),
			]),
			manualWorkflow('hHeaders', 'Headers that change where or how a request goes', [
				...[
					['Host', 'other.example'],
					['X-Account-Context', 'not-a-number'],
					['authorization', 'FH-AUTH mine'],
				].map(([name, value]) =>
					packageNode(
						'armor',
						`Header ${name}`,
						{
							resource: 'apiRequest',
							operation: 'send',
							method: 'GET',
							path: '/me',
							headerParameters: { parameters: [{ name, value }] },
						},
						armor,
						COF,
					),
				),
			]),
			chainWorkflow('hRace', 'Race: Get Me per webhook call', [getMe(armorRace)], {
				webhookPath: 'armor-race',
			}),
			chainWorkflow('hMfaRace', 'Race: first runs of an MFA user', [getMe(armorMfa)], {
				webhookPath: 'armor-mfa-race',
			}),
		];
		for (const workflow of workflows) await host.importWorkflow(workflow);
	},
	30 * 60 * 1000,
);

afterEach(() => {
	sandbox.configure({
		echoRequestsInErrors: false,
		reissueInvalidatesPrevious: false,
		refuseTokensOn: [],
		holdLoginsUntil: null,
		mfaDelayMs: 0,
	});
});

afterAll(async () => {
	await host?.dispose();
	await sandbox?.close();
	await foreign?.close();
});

describe("n8n's HTTP Request node with our credentials", () => {
	test('Armor: two executions log in once; a 404 and a 500 cost no login; a revoked token one recovery', async () => {
		sandbox.clearRequests();
		for (let run = 0; run < 2; run++) {
			const result = await execute('hHttpArmor');
			expect(nodeOutput(result, 'HTTP')[0].user).toMatchObject({ username: 'demo@armor.example' });
		}
		expect(count('armor', '/auth/authorize')).toBe(1);

		expect(nodeOutput(await execute('hHttpArmor404'), 'HTTP')[0].error).toBeDefined();
		sandbox.injectFailures({ api: 'armor', path: '/me', status: 500 });
		expect(nodeOutput(await execute('hHttpArmor'), 'HTTP')[0].error).toBeDefined();
		expect(count('armor', '/auth/authorize')).toBe(1);

		sandbox.revokeAllTokens();
		const recovered = await execute('hHttpArmor');
		expect(nodeOutput(recovered, 'HTTP')[0].user).toMatchObject({ id: 501 });
		expect(count('armor', '/auth/authorize')).toBe(2);
		expect(sandbox.summary().armor.reissue).toBe(0);
	});

	test('Auth Armor: two executions, one token; a 404 costs no token; a revoked token one recovery', async () => {
		sandbox.clearRequests();
		for (let run = 0; run < 2; run++) {
			const result = await execute('hHttpAuth');
			expect(nodeOutput(result, 'HTTP')[0].user_records).toHaveLength(1);
		}
		expect(count('authArmor', '/connect/token')).toBe(1);
		expect(nodeOutput(await execute('hHttpAuth404'), 'HTTP')[0].error).toBeDefined();
		expect(count('authArmor', '/connect/token')).toBe(1);
		sandbox.revokeAllTokens();
		expect(nodeOutput(await execute('hHttpAuth'), 'HTTP')[0].user_records).toHaveLength(1);
		expect(count('authArmor', '/connect/token')).toBe(2);
	});
});

describe('redirects never carry a secret to another host', () => {
	test('an API call redirected to another host: refused by our node, followed without the token by HTTP Request', async () => {
		await execute('hGetMe'); // a token to steal
		foreign.clear();
		sandbox.clearRequests();
		sandbox.injectFailures({
			api: 'armor',
			path: '/me',
			status: 302,
			location: `${foreign.url}/me`,
			count: 2,
		});
		const ours = nodeOutput(await execute('hGetMe'), 'Get Me')[0];
		expect(ours.error).toMatch(
			/redirected the request \(302\) to http:\/\/127\.0\.0\.1:\d+\/me, outside/,
		);
		expect(ours.error).toMatch(/not sent there/);
		await execute('hHttpArmor');
		expect(foreign.requests.every((r) => !r.headers.authorization)).toBe(true);
		expect(foreign.leaks(secrets())).toEqual([]);
	});

	test.each([
		['/auth/authorize', 307],
		['/auth/token', 308],
	])(
		'a login step redirected (%s, %i) sends the password or code nowhere else',
		async (path, status) => {
			await host.importCredentials([armorCredential(sandbox, armorFresh)]);
			foreign.clear();
			sandbox.injectFailures({
				api: 'armor',
				path,
				status,
				location: `${foreign.url}/steal`,
			});
			const [item] = nodeOutput(await execute('hGetMeFresh'), 'Get Me');
			expect(item.error).toMatch(/redirect/);
			expect(foreign.requests).toHaveLength(0);
			expect(foreign.leaks(secrets())).toEqual([]);
		},
	);

	test('a reissue redirected sends the token nowhere else (a login replaces it)', async () => {
		await execute('hGetMe');
		await makeDue(armor);
		foreign.clear();
		sandbox.clearRequests();
		sandbox.injectFailures({
			api: 'armor',
			path: '/auth/token/reissue',
			status: 307,
			location: `${foreign.url}/steal`,
		});
		const [item] = nodeOutput(await execute('hGetMe'), 'Get Me');
		expect(item.user).toMatchObject({ id: 501 });
		expect(count('armor', '/auth/token/reissue')).toBe(1);
		expect(foreign.requests).toHaveLength(0);
	});

	test('the Auth Armor token request redirected sends the client secret nowhere else', async () => {
		await host.importCredentials([authArmorCredential(sandbox, authArmorFresh)]);
		foreign.clear();
		sandbox.injectFailures({
			api: 'authArmor',
			path: '/connect/token',
			status: 307,
			location: `${foreign.url}/connect/token`,
		});
		const [item] = nodeOutput(await execute('hAuthUserFresh'), 'Get User');
		expect(item.error).toMatch(/redirect.*client secret was not sent/);
		expect(foreign.requests).toHaveLength(0);
	});
});

describe('an API that echoes requests in its errors', () => {
	test.each(['json', 'html'] as const)(
		'%s echoes: no token, password or secret in items, errors or logs',
		async (mode) => {
			sandbox.configure({ echoRequestsInErrors: mode });
			sandbox.clearRequests();
			const result = await execute('hEcho');
			const [armorItem] = nodeOutput(result, 'Armor 404');
			expect(armorItem.error).toMatch(/Armor answered 404/);
			expect(armorItem.error).toMatch(/\[hidden\]/);
			expect(nodeOutput(result, 'Auth Armor 404')[0].error).toMatch(/Auth Armor answered 404/);
			const [full] = nodeOutput(result, 'Armor Full Response');
			expect(full.statusCode).toBe(200);

			const strict = await execute('hEchoStrict');
			expect(strict.ok).toBe(false);
			expect(nodeError(strict, 'Armor 404')?.message).toMatch(/Armor answered 404/);

			await host.importCredentials([
				armorCredential(sandbox, { ...armorWrong, password: 'wrong-password-e2e' }),
			]);
			const wrong = nodeOutput(await execute('hGetMeWrong'), 'Get Me')[0];
			expect(wrong.error).toMatch(/rejected the username or password/);

			const everything = [JSON.stringify(result.data), JSON.stringify(strict.data), result.stdout];
			for (const secret of secrets()) {
				for (const text of everything) expect(text).not.toContain(secret);
			}
			// The echo really carried them: the test would catch a leak.
			expect(sandbox.requests.some((r) => r.status === 404)).toBe(true);
		},
	);
});

describe('renewal', () => {
	test.each([503, 429])(
		'a reissue answered %i keeps the live token: no login, the execution succeeds',
		async (status) => {
			await execute('hGetMe');
			await makeDue(armor);
			sandbox.clearRequests();
			sandbox.injectFailures({ api: 'armor', path: '/auth/token/reissue', status, retryAfter: 1 });
			const [item] = nodeOutput(await execute('hGetMe'), 'Get Me');
			expect(item.user).toMatchObject({ id: 501 });
			expect(sandbox.summary().armor).toMatchObject({
				authorize: 0,
				reissue: 1,
				api: 1,
				unauthorized: 0,
			});
		},
	);

	test('a persistent 401 over 5 items costs at most 2 logins', async () => {
		await execute('hGetMe');
		sandbox.configure({ refuseTokensOn: ['/me'] });
		sandbox.clearRequests();
		const items = nodeOutput(await execute('hGetMe5'), 'Get Me');
		expect(items).toHaveLength(5);
		for (const item of items) expect(item.error).toBeDefined();
		expect(count('armor', '/auth/authorize')).toBeLessThanOrEqual(2);
		expect(items[4].error).toMatch(/did not log in again|401/);
	});
});

describe('input that would change what is sent', () => {
	test('a username outside ASCII is refused in header mode and sent exactly in query mode', async () => {
		sandbox.clearRequests();
		const result = await execute('hUsername');
		const [header] = nodeOutput(result, 'Header Mode');
		expect(header.error).toMatch(/cannot be sent unchanged/);
		expect(header.description ?? header.error).toMatch(/Query String/);
		const [query] = nodeOutput(result, 'Query Mode');
		expect(query.error).toMatch(/404/);
		const calls = sandbox.requests.filter(
			(r) => r.api === 'authArmor' && r.path.startsWith('/v4/users'),
		);
		expect(calls.filter((r) => r.method === 'PUT')).toHaveLength(0);
		expect(calls.map((r) => r.query.username)).toContain('Ωuser1@autharmor.example');
	});

	test('Host, Authorization and a malformed X-Account-Context are refused before sending', async () => {
		await execute('hGetMe');
		sandbox.clearRequests();
		const result = await execute('hHeaders');
		expect(nodeOutput(result, 'Header Host')[0].error).toMatch(/"Host" cannot be set/);
		expect(nodeOutput(result, 'Header authorization')[0].error).toMatch(/cannot be set/);
		expect(nodeOutput(result, 'Header X-Account-Context')[0].error).toMatch(/account ID/);
		expect(sandbox.requests.filter((r) => r.path === '/me')).toHaveLength(0);
	});

	test('a 200 answer that is not JSON fails Get Me clearly', async () => {
		sandbox.injectFailures({
			api: 'armor',
			path: '/me',
			status: 200,
			body: '<html>Welcome</html>',
		});
		const [item] = nodeOutput(await execute('hGetMe'), 'Get Me');
		expect(item.error).toMatch(/not JSON/);
	});
});

describe('several executions at once in one n8n process', () => {
	let baseUrl: string;

	beforeAll(
		async () => {
			await execute('hGetMe'); // not the race credential: it logs in inside the race
			await host.n8n(['publish:workflow', '--id=hRace']);
			await host.n8n(['publish:workflow', '--id=hMfaRace']);
			// The race credential: logged in once, then due for renewal.
			await host.importWorkflow(
				manualWorkflow('hRaceLogin', 'Race login', [
					packageNode('armor', 'Get Me', { resource: 'identity', operation: 'getMe' }, armorRace),
				]),
			);
			expect((await execute('hRaceLogin')).error).toBeUndefined();
			await makeDue(armorRace);
			baseUrl = (await host.start()).url;
			// n8n registers the published workflows' webhooks one by one after it reports ready. A POST to a
			// GET webhook tells whether it is registered without running its workflow.
			for (const path of ['armor-race', 'armor-mfa-race']) {
				for (let attempt = 0; ; attempt++) {
					const probe = await fetch(`${baseUrl}/webhook/${path}`, { method: 'POST' });
					const text = await probe.text();
					if (/Did you mean/i.test(text) || !/is not registered/i.test(text)) break;
					if (attempt > 240) throw new Error(`The webhook ${path} was never registered: ${text}`);
					await new Promise((resolve) => setTimeout(resolve, 250));
				}
			}
		},
		5 * 60 * 1000,
	);

	afterAll(async () => {
		await host.stop();
	});

	async function callWebhooks(path: string, times: number) {
		const answers = await Promise.all(
			Array.from({ length: times }, async () => {
				const response = await fetch(`${baseUrl}/webhook/${path}`);
				const text = await response.text();
				return { status: response.status, text };
			}),
		);
		for (const answer of answers) {
			expect(`${answer.status} ${answer.text.slice(0, 500)}`).toMatch(/^200 /);
		}
		return answers.map((answer) => JSON.parse(answer.text) as Record<string, any>);
	}

	test('three executions due for renewal, an invalidating reissue: one reissue, no login, all succeed', async () => {
		sandbox.configure({ reissueInvalidatesPrevious: true });
		sandbox.injectDelays({ api: 'armor', path: '/auth/token/reissue', delayMs: 1500 });
		sandbox.clearRequests();
		const answers = await callWebhooks('armor-race', 3);
		for (const answer of answers) expect(answer.user).toMatchObject({ id: 501 });
		expect(sandbox.summary().armor).toMatchObject({ authorize: 0, reissue: 1, unauthorized: 0 });
	});

	test('three first runs of an MFA user at once: one login, one MFA prompt', async () => {
		sandbox.configure({ mfaDelayMs: 500, holdLoginsUntil: { count: 3, timeoutMs: 3000 } });
		sandbox.clearRequests();
		const answers = await callWebhooks('armor-mfa-race', 3);
		for (const answer of answers) {
			expect(answer.accounts.map((a: { id: number }) => a.id)).toEqual([2001]);
		}
		expect(count('armor', '/auth/authorize')).toBe(1);
	});

	test("nothing secret in the running n8n's console output", () => {
		for (const secret of secrets()) expect(host.serverOutput).not.toContain(secret);
	});
});

test("no secret reached any execution's output or n8n's logs", () => {
	expect(seenSecrets.size).toBeGreaterThanOrEqual(6);
	const everything = transcripts.join('\n');
	for (const secret of secrets()) expect(everything).not.toContain(secret);
});
