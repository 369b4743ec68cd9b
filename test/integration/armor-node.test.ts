/**
 * The Armor node run by n8n-core's real ExecuteContext against the sandbox: Get Me, account context,
 * the generic API Request, the path guard, Continue On Fail, unsafe base URLs and secrets.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { ARMOR_DEMO_USER } from '../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	armorCredentialData,
	expectNoSecretsIn,
	header,
	requestsTo,
	runNode,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from './n8n-runtime';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();

function getMe(
	output: 'user' | 'accounts' = 'user',
	options: INodeParameters = {},
): INodeParameters {
	return { resource: 'identity', operation: 'getMe', output, options };
}

function apiRequest(parameters: INodeParameters): INodeParameters {
	return { resource: 'apiRequest', operation: 'send', ...parameters };
}

function armorCredential(overrides = {}) {
	return fixture.helper.addCredential('armorApi', armorCredentialData(fixture.sandbox, overrides));
}

describe('Get Me', () => {
	test('"User With Accounts": one item, user given as an array by the API is unwrapped, currencies trimmed', async () => {
		const { sandbox, helper } = fixture;
		sandbox.configure({ meUserAsArray: true });
		const credential = armorCredential();

		const { output } = await runNode({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe('user'),
			credential,
		});

		expect(output).toHaveLength(1);
		expect(output[0]).toHaveLength(1);
		const [item] = output[0];
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(Array.isArray(item.json.user)).toBe(false);
		expect(item.json.user).toMatchObject({
			id: ARMOR_DEMO_USER.id,
			username: ARMOR_DEMO_USER.username,
		});
		expect(item.json.accounts).toEqual(
			ARMOR_DEMO_USER.accounts.map((account) => ({
				...account,
				currency: account.currency.trim(),
			})),
		);
		expect((item.json.accounts as Array<{ currency: string }>).map((a) => a.currency)).toEqual([
			'USD',
			'USD',
		]);
		expect(item.json.permissions).toEqual(expect.arrayContaining(['account.read']));

		// One login, then GET /me with the FH-AUTH token the login issued.
		expect(sandbox.summary().armor).toEqual({
			authorize: 1,
			token: 1,
			reissue: 0,
			api: 1,
			unauthorized: 0,
		});
		const [me] = requestsTo(sandbox, 'armor', '/me', 'GET');
		expect(header(me, 'authorization')).toBe(
			`FH-AUTH ${helper.storedData(credential).accessToken}`,
		);
		expect(header(me, 'accept')).toContain('application/json');
		expect(me.status).toBe(200);
		expectNoSecretsIn(fixture, [output]);
	});

	test('"User With Accounts" also works with user as an object', async () => {
		const { sandbox, helper } = fixture;
		sandbox.configure({ meUserAsArray: false });
		const [me] = await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe('user'),
			credential: armorCredential(),
		});
		expect(me.user).toMatchObject({ id: ARMOR_DEMO_USER.id });
		expect(sandbox.summary().armor.api).toBe(1);
	});

	test('"One Item per Account": one item per account, each with the user ID, paired with its input', async () => {
		const { sandbox, helper } = fixture;
		sandbox.configure({ meUserAsArray: true });
		const { output } = await runNode({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe('accounts'),
			credential: armorCredential(),
			items: [{ run: 1 }, { run: 2 }],
		});

		// Two input items: two GET /me, four accounts out, each paired with the item it came from.
		expect(
			output[0].map((item) => [
				item.json.id,
				item.json.userId,
				item.json.currency,
				item.pairedItem,
			]),
		).toEqual([
			[1001, ARMOR_DEMO_USER.id, 'USD', { item: 0 }],
			[1002, ARMOR_DEMO_USER.id, 'USD', { item: 0 }],
			[1001, ARMOR_DEMO_USER.id, 'USD', { item: 1 }],
			[1002, ARMOR_DEMO_USER.id, 'USD', { item: 1 }],
		]);
		expect(sandbox.summary().armor).toEqual({
			authorize: 1,
			token: 1,
			reissue: 0,
			api: 2,
			unauthorized: 0,
		});
		expectNoSecretsIn(fixture, [output]);
	});
});

describe('Account context', () => {
	test("the credential's Account ID is sent as X-Account-Context", async () => {
		const { sandbox, helper } = fixture;
		await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe(),
			credential: armorCredential({ accountId: '1002' }),
		});
		const [me] = requestsTo(sandbox, 'armor', '/me');
		expect(header(me, 'x-account-context')).toBe('1002');
		expect(me.status).toBe(200);
	});

	test('without an Account ID no X-Account-Context is sent', async () => {
		const { sandbox, helper } = fixture;
		await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe(),
			credential: armorCredential(),
		});
		expect(header(requestsTo(sandbox, 'armor', '/me')[0], 'x-account-context')).toBeUndefined();
	});

	test("the node's Account Context option overrides the credential's", async () => {
		const { sandbox, helper } = fixture;
		await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe('user', { accountContext: '1001' }),
			credential: armorCredential({ accountId: '1002' }),
		});
		const [me] = requestsTo(sandbox, 'armor', '/me');
		expect(me.headers['x-account-context']).toBe('1001');
	});

	test('a non-numeric Account Context fails before any request (not even a login)', async () => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe('user', { accountContext: 'acme' }),
			credential: armorCredential(),
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Account Context must be an account ID');
		expect(error.message).toContain('"acme"');
		expect(sandbox.requests).toHaveLength(0);
	});

	// n8n-core's httpRequestWithAuthentication throws a NodeApiError whose body sits in `cause.response.data`.
	test("an account that is not the user's surfaces the vendor's 403 message", async () => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe('user', { accountContext: '9999' }),
			credential: armorCredential(),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'Armor answered 403: Account context 9999 is not available to this user.',
		);
		expect(String(error.httpCode)).toBe('403');
		const [me] = requestsTo(sandbox, 'armor', '/me');
		expect([me.status, header(me, 'x-account-context')]).toEqual([403, '9999']);
		// A 403 is not a token problem: no re-login, no retry.
		expect(sandbox.summary().armor).toEqual({
			authorize: 1,
			token: 1,
			reissue: 0,
			api: 1,
			unauthorized: 0,
		});
		expectNoSecretsIn(fixture, [error]);
	});
});

describe('API Request', () => {
	test('GET with query parameters and headers', async () => {
		const { sandbox, helper } = fixture;
		const items = await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'GET',
				path: '/tickets/list',
				queryParameters: {
					parameters: [
						{ name: 'maxResults', value: '5' },
						{ name: 'orderByDirection', value: 'desc' },
					],
				},
				headerParameters: { parameters: [{ name: 'X-Request-Tag', value: 'integration' }] },
				options: { accountContext: '1002' },
			}),
			credential: armorCredential(),
		});

		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ total: 12, nextPageToken: expect.any(String) });
		const tickets = items[0].items as Array<{ key: string; accountId: number }>;
		expect(tickets.map((ticket) => ticket.key)).toEqual(
			[12, 11, 10, 9, 8].map((n) => `ARM-1002-${String(n).padStart(3, '0')}`),
		);

		const [request] = requestsTo(sandbox, 'armor', '/tickets/list', 'GET');
		expect(request.query).toEqual({ maxResults: '5', orderByDirection: 'desc' });
		expect(header(request, 'x-request-tag')).toBe('integration');
		expect(header(request, 'x-account-context')).toBe('1002');
		expect(header(request, 'authorization')).toMatch(/^FH-AUTH [0-9a-f]{32}$/);
		expect(request.body).toBe('');
	});

	test('POST sends the JSON body as JSON; the vendor error of the answer is surfaced', async () => {
		const { sandbox, helper } = fixture;
		// The sandbox has no writable Armor resource besides the login; /me answers POST with 405.
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'POST',
				path: '/me',
				queryParameters: { parameters: [{ name: 'dryRun', value: 'true' }] },
				jsonBody: '{"name": "renamed", "tags": ["a", "b"], "nested": {"n": 1}}',
			}),
			credential: armorCredential(),
		});
		const [request] = requestsTo(sandbox, 'armor', '/me', 'POST');
		expect(header(request, 'content-type')).toMatch(/^application\/json/);
		expect(JSON.parse(request.body)).toEqual({
			name: 'renamed',
			tags: ['a', 'b'],
			nested: { n: 1 },
		});
		expect(request.query).toEqual({ dryRun: 'true' });
		expect(request.status).toBe(405);
		expect(error).toBeInstanceOf(NodeApiError);
		// The vendor's words are asserted by the account-context 403 test.
		expect(error.message).toMatch(/^Armor answered 405: /);
		expectNoSecretsIn(fixture, [error]);
	});

	test('an invalid JSON body fails before any request', async () => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({ method: 'POST', path: '/me', jsonBody: '{"name": ' }),
			credential: armorCredential(),
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('The JSON Body is not valid JSON');
		expect(sandbox.requests).toHaveLength(0);
	});

	test('Return Full Response gives status code, headers and body; an array body stays one item', async () => {
		const { sandbox, helper } = fixture;
		const items = await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'GET',
				path: 'accounts',
				options: { returnFullResponse: true },
			}),
			credential: armorCredential(),
		});
		expect(items).toHaveLength(1);
		expect(items[0].statusCode).toBe(200);
		expect((items[0].headers as Record<string, string>)['content-type']).toMatch(
			/^application\/json/,
		);
		expect((items[0].body as Array<{ id: number }>).map((account) => account.id)).toEqual([
			1001, 1002,
		]);
		// "accounts" without a leading slash is taken relative to the base URL.
		expect(requestsTo(sandbox, 'armor', '/accounts', 'GET')).toHaveLength(1);
	});

	test('an array answer without Return Full Response becomes one item per element', async () => {
		const { helper } = fixture;
		const { output } = await runNode({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({ method: 'GET', path: '/accounts' }),
			credential: armorCredential(),
		});
		expect(output[0].map((item) => [item.json.id, item.pairedItem])).toEqual([
			[1001, { item: 0 }],
			[1002, { item: 0 }],
		]);
	});
});

describe('Path guard', () => {
	const unsafePaths = [
		'https://evil.example/me',
		'http://127.0.0.1:1/me',
		'//evil.example/me',
		'../me',
		'/accounts/../../me',
		'%2e%2e/me',
		'/%2E%2E/me',
		'/%252e%252e/me',
		'/accounts/%2f%2fevil.example',
		'\\\\evil.example\\me',
	];

	test.each(unsafePaths)(
		'path %p is refused with a NodeOperationError and nothing is sent',
		async (path) => {
			const { sandbox, helper } = fixture;
			const error = await runNodeError({
				helper,
				type: ARMOR_NODE_TYPE,
				parameters: apiRequest({ method: 'GET', path }),
				credential: armorCredential(),
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(
				/full URL|another host|segment|encoded slash|leave the base URL/,
			);
			expect(sandbox.requests).toHaveLength(0);
			expect(helper.updates).toHaveLength(0);
		},
	);
});

describe('Continue On Fail', () => {
	test('a failing item becomes an error item paired with its input; the others still run', async () => {
		const { sandbox, helper } = fixture;
		const { output } = await runNode({
			helper,
			type: ARMOR_NODE_TYPE,
			// The path comes from each item, through n8n's expression engine.
			parameters: apiRequest({ method: 'GET', path: '={{ $json.path }}' }),
			credential: armorCredential(),
			items: [
				{ path: '/accounts/1001' },
				{ path: '../me' },
				{ path: '/accounts/4242' },
				{ path: '/accounts/1002' },
			],
			continueOnFail: true,
		});
		const items = output[0];
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items[0].json).toMatchObject({ id: 1001 });
		expect(items[1].json.error).toContain('contains a ".." segment');
		expect(items[2].json.error).toMatch(/^Armor answered 404: /);
		expect(items[3].json).toMatchObject({ id: 1002 });
		// The unsafe path sent nothing: three API calls, one login.
		expect(sandbox.summary().armor).toEqual({
			authorize: 1,
			token: 1,
			reissue: 0,
			api: 3,
			unauthorized: 0,
		});
		expectNoSecretsIn(fixture, [output]);
	});

	test('without Continue On Fail, one request at a time: the first failure stops the node', async () => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'GET',
				path: '={{ $json.path }}',
				options: { parallelRequests: 1 },
			}),
			credential: armorCredential(),
			items: [{ path: '/accounts/4242' }, { path: '/accounts/1001' }],
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error.context as { itemIndex?: number }).itemIndex).toBe(0);
		expect(requestsTo(sandbox, 'armor', '/accounts/1001')).toHaveLength(0);
	});

	test('without Continue On Fail, in parallel: the error is the first failing item in input order', async () => {
		const { sandbox, helper } = fixture;
		sandbox.injectDelays({ api: 'armor', path: '/accounts/4242', delayMs: 300 });
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({ method: 'GET', path: '={{ $json.path }}' }),
			credential: armorCredential(),
			items: [{ path: '/accounts/1001' }, { path: '/accounts/4242' }, { path: '/accounts/4343' }],
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error.context as { itemIndex?: number }).itemIndex).toBe(1);
		expect(error.message).toMatch(/404/);
	});
});

describe('Unsafe base URL', () => {
	test.each(['http://api.armor.example', 'http://10.0.0.5:8080', 'ftp://api.armor.example'])(
		'base URL %p is refused before anything is sent',
		async (baseUrl) => {
			const { sandbox, helper } = fixture;
			const error = await runNodeError({
				helper,
				type: ARMOR_NODE_TYPE,
				parameters: getMe(),
				credential: armorCredential({ baseUrl }),
			});
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toContain('must start with https://');
			expect(sandbox.requests).toHaveLength(0);
			expect(helper.updates).toHaveLength(0);
			expectNoSecretsIn(fixture, [error]);
		},
	);

	test('a base URL with a user name and password is refused', async () => {
		const { sandbox, helper } = fixture;
		const baseUrl = sandbox.armorUrl.replace('http://', 'http://someone:hunter2pass@');
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe(),
			credential: armorCredential({ baseUrl }),
		});
		expect(error.message).toContain('must not contain a user name or password');
		expect(sandbox.requests).toHaveLength(0);
		expectNoSecretsIn(fixture, [error], ['hunter2pass']);
	});

	test('plain http is accepted for localhost (the sandbox)', async () => {
		const { sandbox, helper } = fixture;
		const baseUrl = sandbox.armorUrl.replace('127.0.0.1', 'localhost');
		const [me] = await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe(),
			credential: armorCredential({ baseUrl }),
		});
		expect(me.user).toMatchObject({ id: ARMOR_DEMO_USER.id });
	});
});

describe('Parallel Requests', () => {
	const paths = ['/accounts/1001', '/accounts/1002', '/accounts/1001', '/accounts/1002'];

	test('items run at the same time; the output keeps the input order and pairing', async () => {
		const { sandbox, helper } = fixture;
		const credential = armorCredential();
		await runNodeJson({ helper, type: ARMOR_NODE_TYPE, parameters: getMe(), credential });
		sandbox.configure({ latencyMs: 300 });
		const started = Date.now();
		const run = await runNode({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({ method: 'GET', path: '={{ $json.path }}' }),
			credential,
			items: paths.map((path) => ({ path })),
		});
		expect(Date.now() - started).toBeLessThan(4 * 300);
		expect(run.output[0].map((item) => [item.json.id, item.pairedItem])).toEqual([
			[1001, { item: 0 }],
			[1002, { item: 1 }],
			[1001, { item: 2 }],
			[1002, { item: 3 }],
		]);
	});

	test('Parallel Requests 1 sends one after another', async () => {
		const { sandbox, helper } = fixture;
		const credential = armorCredential();
		await runNodeJson({ helper, type: ARMOR_NODE_TYPE, parameters: getMe(), credential });
		sandbox.configure({ latencyMs: 150 });
		const started = Date.now();
		await runNode({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'GET',
				path: '={{ $json.path }}',
				options: { parallelRequests: 1 },
			}),
			credential,
			items: paths.map((path) => ({ path })),
		});
		expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 150);
	});
});
