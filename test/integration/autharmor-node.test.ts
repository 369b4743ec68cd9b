/**
 * The Auth Armor node run by n8n-core's real ExecuteContext against the sandbox: the client-credentials
 * token (form-encoded, persisted, reused, renewed), users by username (hidden from the URL) or ID,
 * Update Username, Get Many paging, the API Request with {user}, API versions and token failures.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import {
	AUTHARMOR_CLIENT,
	AUTHARMOR_EMPTY_GUID,
	authArmorDefaultUser,
	authArmorDefaultUsername,
	authArmorEnrolledAuthMethods,
	authArmorUserId,
} from '../sandbox/server';
import {
	AUTHARMOR_NODE_TYPE,
	authArmorCredentialData,
	expectNoSecretsIn,
	header,
	requestsTo,
	runNode,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from './n8n-runtime';

jest.setTimeout(30_000);

const fixture = sandboxPerTest({ authArmorUserCount: 250 });

function authArmorCredential(overrides = {}) {
	return fixture.helper.addCredential(
		'authArmorApi',
		authArmorCredentialData(fixture.sandbox, overrides),
	);
}

function getUser(
	by: 'username' | 'id',
	value: string,
	options: INodeParameters = {},
): INodeParameters {
	return {
		resource: 'user',
		operation: 'get',
		by,
		...(by === 'username' ? { username: value } : { userId: value }),
		options,
	};
}

function run(
	parameters: INodeParameters,
	credential = authArmorCredential(),
	items?: Array<Record<string, unknown>>,
) {
	return runNodeJson({
		helper: fixture.helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters,
		credential,
		items: items as never,
	});
}

/** Bearer tokens the sandbox saw on API calls, in order. */
function apiBearers(): string[] {
	return fixture.sandbox.requests
		.filter((request) => request.api === 'authArmor' && request.path !== '/connect/token')
		.map((request) => String(header(request, 'authorization')));
}

describe('Token', () => {
	test('the token request is form-encoded client credentials; the token is persisted and sent as Bearer', async () => {
		const { sandbox, helper } = fixture;
		const credential = authArmorCredential();
		const before = Date.now();
		await run(getUser('id', authArmorUserId(1)), credential);

		const [tokenRequest] = requestsTo(sandbox, 'authArmor', '/connect/token', 'POST');
		expect(header(tokenRequest, 'content-type')).toMatch(/^application\/x-www-form-urlencoded/);
		const form = new URLSearchParams(tokenRequest.body);
		expect(Object.fromEntries(form)).toEqual({
			grant_type: 'client_credentials',
			client_id: AUTHARMOR_CLIENT.clientId,
			client_secret: AUTHARMOR_CLIENT.clientSecret,
		});
		expect(tokenRequest.body.trim().startsWith('{')).toBe(false);
		expect(tokenRequest.status).toBe(200);

		const stored = helper.storedData(credential);
		expect(String(stored.accessToken).split('.')).toHaveLength(3);
		// 600 s lifetime, renewed 60 s before expiry.
		expect(Number(stored.tokenExpiresAt) - before).toBeGreaterThanOrEqual(600_000 - 1_000);
		expect(Number(stored.tokenExpiresAt) - Number(stored.tokenRenewAt)).toBe(60_000);
		expect(apiBearers()).toEqual([`Bearer ${stored.accessToken}`]);
	});

	test('a scope set in the credential is requested', async () => {
		const { sandbox } = fixture;
		await run(
			getUser('id', authArmorUserId(1)),
			authArmorCredential({ scope: ' aarmor.api.request_auth ' }),
		);
		const [tokenRequest] = requestsTo(sandbox, 'authArmor', '/connect/token');
		expect(new URLSearchParams(tokenRequest.body).get('scope')).toBe('aarmor.api.request_auth');
	});

	test('the token is reused across runs until tokenRenewAt, then a new one is fetched', async () => {
		const { sandbox, helper } = fixture;
		const credential = authArmorCredential();
		await run(getUser('id', authArmorUserId(1)), credential);
		await run(getUser('id', authArmorUserId(2)), credential);
		expect(sandbox.summary().authArmor).toEqual({ token: 1, api: 2, unauthorized: 0 });
		const first = helper.storedData(credential).accessToken;
		expect(apiBearers()).toEqual([`Bearer ${first}`, `Bearer ${first}`]);

		helper.patchStoredData(credential, { tokenRenewAt: Date.now() - 1_000 });
		await run(getUser('id', authArmorUserId(3)), credential);

		expect(sandbox.summary().authArmor).toEqual({ token: 2, api: 3, unauthorized: 0 });
		const second = helper.storedData(credential).accessToken;
		expect(second).not.toBe(first);
		expect(apiBearers()[2]).toBe(`Bearer ${second}`);
		expect(helper.updatesOf(credential)).toHaveLength(2);
	});

	test('a token close to expiry is renewed before use (no 401 on the way)', async () => {
		const { sandbox, helper } = fixture;
		const credential = authArmorCredential();
		await run(getUser('id', authArmorUserId(1)), credential);
		// 30 s left: inside the 60 s renewal window.
		helper.patchStoredData(credential, {
			tokenExpiresAt: Date.now() + 30_000,
			tokenRenewAt: Date.now() - 30_000,
		});
		sandbox.clearRequests();

		await run(getUser('id', authArmorUserId(1)), credential);

		expect(sandbox.requests.map((request) => `${request.path} ${request.status}`)).toEqual([
			'/connect/token 200',
			`/v4/users/${authArmorUserId(1)} 200`,
		]);
		expect(apiBearers()).toEqual([`Bearer ${helper.storedData(credential).accessToken}`]);
	});

	test('a short-lived token (sandbox lifetime 3 s) is never presented stale', async () => {
		const { sandbox, helper } = fixture;
		sandbox.configure({ authArmorTokenLifetimeSeconds: 3 });
		const credential = authArmorCredential();
		await run(getUser('id', authArmorUserId(1)), credential);
		await run(getUser('id', authArmorUserId(1)), credential);
		// Shorter than the 5 s clock slack: each run fetches a fresh token instead of risking a stale one.
		expect(sandbox.summary().authArmor).toEqual({ token: 2, api: 2, unauthorized: 0 });
		expect(helper.storedData(credential).tokenOwner).toEqual(expect.any(String));
	});

	test('revoked token: one 401, one new token, the request retried', async () => {
		const { sandbox, helper } = fixture;
		const credential = authArmorCredential();
		await run(getUser('id', authArmorUserId(1)), credential);
		sandbox.revokeAllTokens();
		sandbox.clearRequests();

		const [user] = await run(getUser('id', authArmorUserId(2)), credential);

		expect(user.user_id).toBe(authArmorUserId(2));
		expect(sandbox.requests.map((request) => `${request.path} ${request.status}`)).toEqual([
			`/v4/users/${authArmorUserId(2)} 401`,
			'/v4/users 401',
			'/connect/token 200',
			`/v4/users/${authArmorUserId(2)} 200`,
		]);
		expect(apiBearers()[2]).toBe(`Bearer ${helper.storedData(credential).accessToken}`);
	});

	// Regression (fixed in ce9f8aa): the token endpoint's 400 `invalid_client` arrives as an axios error
	// with code 'ERR_BAD_REQUEST', which used to read as "Could not reach the Auth Armor token endpoint".
	test('a wrong client secret says the client ID or secret was rejected', async () => {
		const { sandbox, helper } = fixture;
		const wrongSecret = 'definitely-wrong-secret';
		const credential = authArmorCredential({ clientSecret: wrongSecret });

		const error = await runNodeError({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: getUser('id', authArmorUserId(1)),
			credential,
		});

		expect(
			requestsTo(sandbox, 'authArmor', '/connect/token').map((request) => request.status),
		).toEqual([400]);
		expect(error).toBeInstanceOf(NodeApiError);
		expectNoSecretsIn(fixture, [error], [wrongSecret]);
		expect(error.message).toMatch(/rejected the client ID or client secret/);
	});

	test('a wrong client secret: NodeApiError, one token attempt, no API call, nothing persisted, no secret shown', async () => {
		const { sandbox, helper } = fixture;
		const wrongSecret = 'definitely-wrong-secret';
		const credential = authArmorCredential({ clientSecret: wrongSecret });

		const error = await runNodeError({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: getUser('id', authArmorUserId(1)),
			credential,
		});

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('Auth Armor');
		expect(error.description).toContain('credential could not get a token');
		expect(sandbox.summary().authArmor).toEqual({ token: 1, api: 0, unauthorized: 0 });
		expect(helper.updatesOf(credential)).toHaveLength(0);
		expectNoSecretsIn(fixture, [error], [wrongSecret]);
	});

	test('an http:// token URL to another host is refused before anything is sent', async () => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: getUser('id', authArmorUserId(1)),
			credential: authArmorCredential({ tokenUrl: 'http://login.autharmor.example/connect/token' }),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('Token URL must start with https://');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Get', () => {
	test('by username: zero GUID in the path, username in the header and never in a URL', async () => {
		const { sandbox } = fixture;
		const username = authArmorDefaultUsername(7);
		const [user] = await run(getUser('username', username));

		expect(user).toEqual({
			enrolled_auth_methods: authArmorEnrolledAuthMethods(7),
			...authArmorDefaultUser(7),
		});
		const [request] = requestsTo(sandbox, 'authArmor', `/v4/users/${AUTHARMOR_EMPTY_GUID}`, 'GET');
		expect(header(request, 'x-autharmor-usernamevalue')).toBe(username);
		expect(request.query).toEqual({});
		for (const recorded of sandbox.requests) {
			expect(recorded.url).not.toContain('user7');
			expect(decodeURIComponent(recorded.url)).not.toContain(username);
		}
	});

	test('by username with "Send Username In: Query String": ?username= and no header', async () => {
		const { sandbox } = fixture;
		const username = authArmorDefaultUsername(8);
		const [user] = await run(getUser('username', username, { usernameIn: 'query' }));

		expect(user.user_id).toBe(authArmorUserId(8));
		const [request] = requestsTo(sandbox, 'authArmor', `/v4/users/${AUTHARMOR_EMPTY_GUID}`);
		expect(request.query).toEqual({ username });
		expect(header(request, 'x-autharmor-usernamevalue')).toBeUndefined();
	});

	test('by ID: the ID is the path segment', async () => {
		const { sandbox } = fixture;
		const { output } = await runNode({
			helper: fixture.helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: getUser('id', authArmorUserId(12)),
			credential: authArmorCredential(),
		});
		expect(output[0]).toHaveLength(1);
		expect(output[0][0].pairedItem).toEqual({ item: 0 });
		expect(output[0][0].json).toMatchObject(authArmorDefaultUser(12));
		const [request] = requestsTo(sandbox, 'authArmor', `/v4/users/${authArmorUserId(12)}`, 'GET');
		expect(header(request, 'x-autharmor-usernamevalue')).toBeUndefined();
		expectNoSecretsIn(fixture, [output]);
	});

	test.each(['not-a-uuid', '../v4/users', '00000000-0000-4000-8000-00000000001/x', ''])(
		'an invalid ID %p fails with a NodeOperationError before any request',
		async (userId) => {
			const { sandbox, helper } = fixture;
			const error = await runNodeError({
				helper,
				type: AUTHARMOR_NODE_TYPE,
				parameters: getUser('id', userId),
				credential: authArmorCredential(),
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toContain('is not a user ID (a UUID)');
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	test('an unknown user surfaces a 404 as a NodeApiError', async () => {
		const { helper } = fixture;
		const error = await runNodeError({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: getUser('username', 'nobody@autharmor.example'),
			credential: authArmorCredential(),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^Auth Armor answered 404/);
	});

	test('the API version v3 uses /v3/... paths', async () => {
		const { sandbox } = fixture;
		const credential = authArmorCredential({ apiVersion: 'v3' });
		await run(getUser('username', authArmorDefaultUsername(3)), credential);
		await run({ resource: 'user', operation: 'getMany', returnAll: false, limit: 5 }, credential);
		expect(sandbox.requests.filter((r) => r.path !== '/connect/token').map((r) => r.path)).toEqual([
			`/v3/users/${AUTHARMOR_EMPTY_GUID}`,
			'/v3/users',
		]);
	});
});

describe('Update Username', () => {
	test('PUT {new_username} as JSON to the user named by the header; the rename is visible afterwards', async () => {
		const { sandbox } = fixture;
		const credential = authArmorCredential();
		const [updated] = await run(
			{
				resource: 'user',
				operation: 'updateUsername',
				by: 'username',
				username: authArmorDefaultUsername(4),
				newUsername: ' renamed4@autharmor.example ',
			},
			credential,
		);

		expect(updated).toMatchObject({
			user_id: authArmorUserId(4),
			username: 'renamed4@autharmor.example',
		});
		const [put] = requestsTo(sandbox, 'authArmor', `/v4/users/${AUTHARMOR_EMPTY_GUID}`, 'PUT');
		expect(header(put, 'content-type')).toMatch(/^application\/json/);
		expect(JSON.parse(put.body)).toEqual({ new_username: 'renamed4@autharmor.example' });
		expect(header(put, 'x-autharmor-usernamevalue')).toBe(authArmorDefaultUsername(4));

		const [after] = await run(getUser('id', authArmorUserId(4)), credential);
		expect(after.username).toBe('renamed4@autharmor.example');
	});

	test('by ID', async () => {
		const { sandbox } = fixture;
		const [updated] = await run({
			resource: 'user',
			operation: 'updateUsername',
			by: 'id',
			userId: authArmorUserId(5),
			newUsername: 'five@autharmor.example',
		});
		expect(updated.username).toBe('five@autharmor.example');
		expect(requestsTo(sandbox, 'authArmor', `/v4/users/${authArmorUserId(5)}`, 'PUT')).toHaveLength(
			1,
		);
	});

	test('an empty new username fails before any request', async () => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: {
				resource: 'user',
				operation: 'updateUsername',
				by: 'id',
				userId: authArmorUserId(5),
				newUsername: '  ',
			},
			credential: authArmorCredential(),
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Get Many', () => {
	test('limit 30: one page request of page_size 30, 30 items, sort options passed on', async () => {
		const { sandbox } = fixture;
		const users = await run({
			resource: 'user',
			operation: 'getMany',
			returnAll: false,
			limit: 30,
			options: { sortColumn: 'username', sortDirection: 'desc' },
		});
		expect(users).toHaveLength(30);
		const pages = requestsTo(sandbox, 'authArmor', '/v4/users', 'GET');
		expect(pages.map((page) => page.query)).toEqual([
			{ page_number: '1', page_size: '30', sort_column: 'username', sort_direction: 'desc' },
		]);
		// Descending by username ('@' sorts after '9'): user9@ first among user1..user250.
		expect(users.slice(0, 3).map((user) => user.username)).toEqual(
			[9, 99, 98].map(authArmorDefaultUsername),
		);
	});

	test('limit 150: pages of 100, the second one cut to the 50 still wanted', async () => {
		const { sandbox } = fixture;
		const users = await run({
			resource: 'user',
			operation: 'getMany',
			returnAll: false,
			limit: 150,
		});
		expect(users).toHaveLength(150);
		expect(
			requestsTo(sandbox, 'authArmor', '/v4/users').map((page) => [
				page.query.page_number,
				page.query.page_size,
			]),
		).toEqual([
			['1', '100'],
			['2', '100'],
		]);
		expect(users.map((user) => user.user_id)).toEqual(
			Array.from({ length: 150 }, (_, i) => authArmorUserId(i + 1)),
		);
	});

	test('Return All reads the credential from n8n once for all its pages', async () => {
		const { sandbox, helper } = fixture;
		const credential = authArmorCredential();
		await run(
			{ resource: 'user', operation: 'get', by: 'id', userId: authArmorUserId(1) },
			credential,
		);
		helper.decryptedReads = 0;
		const users = await run(
			{ resource: 'user', operation: 'getMany', returnAll: true },
			credential,
		);
		expect(users.length).toBeGreaterThan(200);
		expect(requestsTo(sandbox, 'authArmor', '/v4/users').length).toBe(3);
		expect(helper.decryptedReads).toBe(1);
	});

	test('a token due for renewal during paging is renewed once; the next pages use the new one', async () => {
		const { sandbox, helper } = fixture;
		const credential = authArmorCredential();
		await run(
			{ resource: 'user', operation: 'get', by: 'id', userId: authArmorUserId(1) },
			credential,
		);
		const old = helper.storedData(credential);
		helper.patchStoredData(credential, { tokenRenewAt: Date.now() - 1000 });
		sandbox.clearRequests();
		await run({ resource: 'user', operation: 'getMany', returnAll: true }, credential);
		expect(requestsTo(sandbox, 'authArmor', '/connect/token')).toHaveLength(1);
		const bearers = apiBearers();
		expect(bearers).toHaveLength(3);
		expect(new Set(bearers).size).toBe(1);
		expect(bearers[0]).not.toBe(`Bearer ${old.accessToken}`);
	});

	test('Return All over 250 users: 3 pages of 100, 250 distinct items, one token', async () => {
		const { sandbox } = fixture;
		const { output } = await runNode({
			helper: fixture.helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: { resource: 'user', operation: 'getMany', returnAll: true },
			credential: authArmorCredential(),
		});
		const users = output[0];
		expect(users).toHaveLength(250);
		expect(new Set(users.map((item) => item.json.user_id)).size).toBe(250);
		expect(users.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(
			requestsTo(sandbox, 'authArmor', '/v4/users').map((page) => [
				page.query.page_number,
				page.query.page_size,
			]),
		).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
		expect(sandbox.summary().authArmor).toEqual({ token: 1, api: 3, unauthorized: 0 });
	});

	test('Return All with no users: one request, no items', async () => {
		const { sandbox } = fixture;
		sandbox.configure({ authArmorUserCount: 0 });
		const users = await run({ resource: 'user', operation: 'getMany', returnAll: true });
		expect(users).toEqual([]);
		expect(requestsTo(sandbox, 'authArmor', '/v4/users')).toHaveLength(1);
	});
});

describe('API Request', () => {
	test("{user} becomes the zero GUID with the username in the header; {apiVersion} the credential's version", async () => {
		const { sandbox } = fixture;
		const username = authArmorDefaultUsername(9);
		const [user] = await run({
			resource: 'apiRequest',
			operation: 'send',
			method: 'GET',
			path: '/{apiVersion}/users/{user}',
			username,
		});
		expect(user.user_id).toBe(authArmorUserId(9));
		const [request] = requestsTo(sandbox, 'authArmor', `/v4/users/${AUTHARMOR_EMPTY_GUID}`);
		expect(header(request, 'x-autharmor-usernamevalue')).toBe(username);
		expect(decodeURIComponent(request.url)).not.toContain(username);
	});

	test('{user} with the query option, PUT with a JSON body, Return Full Response', async () => {
		const { sandbox } = fixture;
		const username = authArmorDefaultUsername(10);
		const [response] = await run({
			resource: 'apiRequest',
			operation: 'send',
			method: 'PUT',
			path: '/v4/users/{user}',
			username,
			jsonBody: '{"new_username": "ten@autharmor.example"}',
			headerParameters: { parameters: [{ name: 'X-Trace', value: 't-1' }] },
			options: { usernameIn: 'query', returnFullResponse: true },
		});
		expect(response.statusCode).toBe(200);
		expect(response.body).toMatchObject({
			user_id: authArmorUserId(10),
			username: 'ten@autharmor.example',
		});
		const [put] = requestsTo(sandbox, 'authArmor', `/v4/users/${AUTHARMOR_EMPTY_GUID}`, 'PUT');
		expect(put.query).toEqual({ username });
		expect(header(put, 'x-trace')).toBe('t-1');
		expect(header(put, 'content-type')).toMatch(/^application\/json/);
		expect(JSON.parse(put.body)).toEqual({ new_username: 'ten@autharmor.example' });
	});

	test('{user} without a Username fails before any request', async () => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: {
				resource: 'apiRequest',
				operation: 'send',
				method: 'GET',
				path: '/v4/users/{user}',
			},
			credential: authArmorCredential(),
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('GET with query parameters', async () => {
		const { sandbox } = fixture;
		const [page] = await run({
			resource: 'apiRequest',
			operation: 'send',
			method: 'GET',
			path: '/v4/users',
			queryParameters: {
				parameters: [
					{ name: 'page_size', value: '3' },
					{ name: 'page_number', value: '2' },
				],
			},
		});
		expect((page.user_records as unknown[]).length).toBe(3);
		expect(page.page_info).toMatchObject({ currnet_page_number: 2, currnet_page_size: 3 });
		expect(requestsTo(sandbox, 'authArmor', '/v4/users')[0].query).toEqual({
			page_size: '3',
			page_number: '2',
		});
	});

	test.each([
		'https://evil.example/v4/users',
		'//evil.example/v4/users',
		'/v4/../connect/token',
		'/v4/%2e%2e/connect/token',
	])('unsafe path %p: NodeOperationError, zero requests', async (path) => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: { resource: 'apiRequest', operation: 'send', method: 'GET', path },
			credential: authArmorCredential(),
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('Continue On Fail: per-item errors paired with their items, no secrets in any item', async () => {
		const { sandbox, helper } = fixture;
		const { output } = await runNode({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: getUser('id', '={{ $json.id }}'),
			credential: authArmorCredential(),
			items: [{ id: authArmorUserId(1) }, { id: 'nope' }, { id: authArmorUserId(999) }],
			continueOnFail: true,
		});
		expect(output[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(output[0][0].json.user_id).toBe(authArmorUserId(1));
		expect(output[0][1].json.error).toContain('is not a user ID');
		expect(output[0][2].json.error).toMatch(/^Auth Armor answered 404/);
		expect(sandbox.summary().authArmor).toEqual({ token: 1, api: 2, unauthorized: 0 });
		expectNoSecretsIn(fixture, [output]);
	});
});
