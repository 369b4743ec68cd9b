/**
 * The security promises against a misbehaving sandbox, in n8n-core's real execution context (fast; the same
 * scenarios run inside a real n8n in test/e2e/hostile.e2e.test.ts): echoed requests never surface a secret,
 * in node errors, Continue On Fail items, full responses or the credential test's message; redirects carry
 * nothing away; a busy reissue keeps the live token; concurrent items share one renewal.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startForeignListener, type ForeignListener } from '../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	AUTHARMOR_NODE_TYPE,
	armorCredentialData,
	authArmorCredentialData,
	expectNoSecretsIn,
	requestsTo,
	runNode,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
	testCredential,
} from './runtime';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
let foreign: ForeignListener;

beforeAll(async () => {
	foreign = await startForeignListener();
});
afterAll(async () => {
	await foreign.close();
});
beforeEach(() => foreign.clear());

const getMe = { resource: 'identity', operation: 'getMe' };
const apiRequest = (path: string, extra: Record<string, unknown> = {}) => ({
	resource: 'apiRequest',
	operation: 'send',
	method: 'GET',
	path,
	...extra,
});

function armorCredential(overrides = {}) {
	return fixture.helper.addCredential('armorApi', armorCredentialData(fixture.sandbox, overrides));
}

function authArmorCredential(overrides = {}) {
	return fixture.helper.addCredential(
		'authArmorApi',
		authArmorCredentialData(fixture.sandbox, overrides),
	);
}

describe.each(['json', 'html'] as const)('an API that echoes requests as %s', (mode) => {
	beforeEach(() => fixture.sandbox.configure({ echoRequestsInErrors: mode }));

	test('a 404 error with and without Continue On Fail carries no token', async () => {
		const credential = armorCredential();
		await runNodeJson({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe,
			credential,
		});
		const parameters = apiRequest('/accounts/999999');
		const error = await runNodeError({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters,
			credential,
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^Armor answered 404/);
		const items = await runNodeJson({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters,
			credential,
			continueOnFail: true,
		});
		expect(items[0].error).toMatch(/Armor answered 404/);
		// The sandbox did echo the token: the check below is not vacuous.
		const echoed = requestsTo(fixture.sandbox, 'armor', '/accounts/999999');
		expect(echoed.length).toBeGreaterThan(0);
		expectNoSecretsIn(fixture, [error, items]);
	});

	test('an injected 502 with a full response and a login echo carry no password or token', async () => {
		const credential = armorCredential();
		fixture.sandbox.injectFailures({ api: 'armor', path: '/me', status: 502 });
		const [first] = await runNodeJson({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: { ...getMe, options: { retryTemporaryFailures: false } },
			credential,
			continueOnFail: true,
		});
		expect(first.error).toMatch(/Armor answered 502/);
		const [full] = await runNodeJson({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest('/me', { options: { returnFullResponse: true } }),
			credential,
		});
		expect(full.statusCode).toBe(200);
		const wrong = armorCredential({ password: 'wrong-password-int' });
		const loginError = await runNodeError({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe,
			credential: wrong,
		});
		expect(loginError.message).toMatch(/rejected the username or password/);
		expectNoSecretsIn(fixture, [first, full, loginError], ['wrong-password-int']);
	});

	test("the credential test's message carries no password or secret", async () => {
		fixture.sandbox.injectFailures([
			{ api: 'armor', path: '/auth/authorize', status: 400 },
			{ api: 'authArmor', path: '/connect/token', status: 500 },
		]);
		const armorResult = await testCredential(fixture.helper, armorCredential(), 'armorApi');
		const authResult = await testCredential(fixture.helper, authArmorCredential(), 'authArmorApi');
		expect(armorResult.status).toBe('Error');
		expect(authResult.status).toBe('Error');
		expect(armorResult.message).toMatch(/Armor answered 400 at \/auth\/authorize/);
		expect(authResult.message).toMatch(/token endpoint answered 500/);
		expectNoSecretsIn(fixture, [{ message: armorResult.message }, { message: authResult.message }]);
	});
});

describe('redirects', () => {
	test('an API call redirected to another host is reported and sends nothing there', async () => {
		const credential = armorCredential();
		fixture.sandbox.injectFailures({
			api: 'armor',
			path: '/me',
			status: 302,
			location: `${foreign.url}/me?token=x`,
		});
		const error = await runNodeError({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe,
			credential,
		});
		expect(error.message).toMatch(
			/redirected the request \(302\) to http:\/\/127\.0\.0\.1:\d+\/me, outside the credential's base URL/,
		);
		expect(error.message).not.toContain('token=x');
		expect(foreign.requests).toHaveLength(0);
	});

	test('a redirect within the base URL is followed with the token', async () => {
		const credential = armorCredential();
		fixture.sandbox.injectFailures({
			api: 'armor',
			path: '/me/',
			status: 301,
			location: `${fixture.sandbox.armorUrl}/me`,
		});
		const [me] = await runNodeJson({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest('/me/'),
			credential,
		});
		expect(me.user).toMatchObject({ username: 'demo@armor.example' });
	});

	test.each([
		['armor', '/auth/authorize', ARMOR_NODE_TYPE, /password was not sent there/],
		['authArmor', '/connect/token', AUTHARMOR_NODE_TYPE, /client secret was not sent there/],
	] as const)('%s %s redirected: refused, nothing sent', async (api, path, type, message) => {
		const credential = api === 'armor' ? armorCredential() : authArmorCredential();
		fixture.sandbox.injectFailures({ api, path, status: 307, location: `${foreign.url}/steal` });
		const parameters =
			api === 'armor'
				? getMe
				: {
						resource: 'user',
						operation: 'get',
						user: { __rl: true, mode: 'id', value: '00000000-0000-4000-8000-000000000001' },
					};
		const error = await runNodeError({ helper: fixture.helper, type, parameters, credential });
		expect(error.message).toMatch(message);
		expect(foreign.requests).toHaveLength(0);
	});
});

describe('renewal', () => {
	async function dueCredential() {
		const credential = armorCredential();
		await runNodeJson({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe,
			credential,
		});
		fixture.helper.patchStoredData(credential, { tokenRenewAt: Date.now() - 1000 });
		fixture.sandbox.clearRequests();
		return credential;
	}

	test.each([503, 429])(
		'a reissue answered %i keeps the live token and costs no login',
		async (status) => {
			const credential = await dueCredential();
			const before = fixture.helper.storedData(credential);
			fixture.sandbox.injectFailures({ api: 'armor', path: '/auth/token/reissue', status });
			const [me] = await runNodeJson({
				helper: fixture.helper,
				type: ARMOR_NODE_TYPE,
				parameters: getMe,
				credential,
			});
			expect(me.user).toMatchObject({ username: 'demo@armor.example' });
			expect(fixture.sandbox.summary().armor).toMatchObject({ authorize: 0, reissue: 1, api: 1 });
			const after = fixture.helper.storedData(credential);
			expect(after.accessToken).toBe(before.accessToken);
			expect(Number(after.tokenRenewAt)).toBeGreaterThan(Date.now());
		},
	);

	test('a persistent 401 over five items costs at most two logins', async () => {
		const credential = armorCredential();
		fixture.sandbox.configure({ refuseTokensOn: ['/me'] });
		const run = await runNode({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe,
			credential,
			items: [{}, {}, {}, {}, {}],
			continueOnFail: true,
		});
		const items = run.output[0];
		expect(items).toHaveLength(5);
		items.forEach((item, index) => {
			expect(item.json.error).toBeDefined();
			expect(item.pairedItem).toEqual({ item: index });
		});
		expect(requestsTo(fixture.sandbox, 'armor', '/auth/authorize').length).toBeLessThanOrEqual(2);
	});
});

describe('input rules', () => {
	test('a username outside ASCII is refused in header mode before any request', async () => {
		const credential = authArmorCredential();
		const error = await runNodeError({
			helper: fixture.helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: {
				resource: 'user',
				operation: 'updateUsername',
				user: { __rl: true, mode: 'username', value: 'Ωuser1@autharmor.example' },
				newUsername: 'renamed@autharmor.example',
			},
			credential,
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(`${error.message} ${error.description}`).toMatch(/Query String/);
		expect(fixture.sandbox.requests).toHaveLength(0);
	});

	test.each([
		['Host', 'other.example'],
		['Content-Length', '1'],
		['X-Account-Context', 'not-a-number'],
		['X-Note', 'naïve'],
	])('API Request refuses the header %s: %s before sending', async (name, value) => {
		const credential = armorCredential();
		const error = await runNodeError({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest('/me', { headerParameters: { parameters: [{ name, value }] } }),
			credential,
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(fixture.sandbox.requests).toHaveLength(0);
	});

	test.each([['0'], ['-1'], ['2.5'], ['abc']])(
		'Limit %s is refused with a clear error',
		async (limit) => {
			const error = await runNodeError({
				helper: fixture.helper,
				type: AUTHARMOR_NODE_TYPE,
				parameters: { resource: 'user', operation: 'getMany', returnAll: false, limit },
				credential: authArmorCredential(),
			});
			expect(error.message).toMatch(/Limit must be a whole number 1 or more/);
		},
	);

	test.each([['abc'], ['0'], ['1.5']])(
		'the credential Account ID %s is refused before sending',
		async (accountId) => {
			const error = await runNodeError({
				helper: fixture.helper,
				type: ARMOR_NODE_TYPE,
				parameters: getMe,
				credential: armorCredential({ accountId }),
			});
			expect(error.message).toMatch(/Account ID must be an Armor account ID/);
			expect(requestsTo(fixture.sandbox, 'armor', '/me')).toHaveLength(0);
		},
	);

	test.each([['-1'], ['2.5'], ['abc'], ['100000']])(
		'MFA Timeout %s is refused',
		async (mfaTimeout) => {
			const error = await runNodeError({
				helper: fixture.helper,
				type: ARMOR_NODE_TYPE,
				parameters: getMe,
				credential: armorCredential({ mfaTimeout }),
			});
			expect(error.message).toMatch(/MFA Timeout must be a whole number of seconds/);
			expect(fixture.sandbox.requests).toHaveLength(0);
		},
	);

	test('a 200 answer that is not JSON fails Get Me clearly', async () => {
		fixture.sandbox.injectFailures({
			api: 'armor',
			path: '/me',
			status: 200,
			body: '<html>Welcome</html>',
		});
		const error = await runNodeError({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe,
			credential: armorCredential(),
		});
		expect(error.message).toMatch(/not JSON/);
	});
});

describe('retries and timeouts', () => {
	const getMeRequests = () => requestsTo(fixture.sandbox, 'armor', '/me').map((r) => r.status);

	async function loggedIn() {
		const credential = armorCredential();
		await runNodeJson({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe,
			credential,
		});
		fixture.sandbox.clearRequests();
		return credential;
	}

	test('a GET answered 503 is retried and succeeds', async () => {
		const credential = await loggedIn();
		fixture.sandbox.injectFailures({ api: 'armor', path: '/me', status: 503 });
		const [me] = await runNodeJson({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe,
			credential,
		});
		expect(me.user).toMatchObject({ username: 'demo@armor.example' });
		expect(getMeRequests()).toEqual([503, 200]);
	});

	test('a 429 with Retry-After: 1 is waited out', async () => {
		const credential = await loggedIn();
		fixture.sandbox.injectFailures({ api: 'armor', path: '/me', status: 429, retryAfter: 1 });
		const started = Date.now();
		await runNodeJson({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe,
			credential,
		});
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(getMeRequests()).toEqual([429, 200]);
	});

	test('a POST answered 503 is not sent again; a POST answered 429 is', async () => {
		const credential = await loggedIn();
		const post = apiRequest('/me', { method: 'POST', jsonBody: '{"a":1}' });
		fixture.sandbox.injectFailures({ api: 'armor', path: '/me', method: 'POST', status: 503 });
		const error = await runNodeError({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: post,
			credential,
		});
		expect(error.message).toMatch(/^Armor answered 503/);
		expect(error.message).not.toMatch(/attempts/);
		expect(requestsTo(fixture.sandbox, 'armor', '/me')).toHaveLength(1);
		fixture.sandbox.clearRequests();
		fixture.sandbox.injectFailures({
			api: 'armor',
			path: '/me',
			method: 'POST',
			status: 429,
			retryAfter: 0,
		});
		await runNode({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: post,
			credential,
			continueOnFail: true,
		});
		expect(requestsTo(fixture.sandbox, 'armor', '/me').map((r) => r.status)[0]).toBe(429);
		expect(requestsTo(fixture.sandbox, 'armor', '/me')).toHaveLength(2);
	});

	test('a persistent 503 gives up after 4 attempts and says so', async () => {
		const credential = await loggedIn();
		fixture.sandbox.injectFailures({
			api: 'armor',
			path: '/me',
			status: 503,
			count: 4,
			retryAfter: 0,
		});
		const error = await runNodeError({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe,
			credential,
		});
		expect(error.message).toMatch(/^Armor answered 503: .* \(after 4 attempts\)$/);
		expect(getMeRequests()).toEqual([503, 503, 503, 503]);
	});

	test('"Retry Temporary Failures" off: one attempt', async () => {
		const credential = await loggedIn();
		fixture.sandbox.injectFailures({ api: 'armor', path: '/me', status: 503 });
		const error = await runNodeError({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: { ...getMe, options: { retryTemporaryFailures: false } },
			credential,
		});
		expect(error.message).toMatch(/^Armor answered 503/);
		expect(getMeRequests()).toEqual([503]);
	});

	test('"Timeout (Seconds)" bounds a slow answer', async () => {
		const credential = await loggedIn();
		fixture.sandbox.configure({ latencyMs: 2500 });
		const started = Date.now();
		const error = await runNodeError({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: { ...getMe, options: { timeoutSeconds: 1, retryTemporaryFailures: false } },
			credential,
		});
		expect(error.message).toMatch(/did not answer in time/);
		expect(Date.now() - started).toBeLessThan(2400);
	});
});
