/**
 * What the Auth Armor node does the same way for every operation, run by n8n-core's real
 * ExecuteContext against the sandbox: the client-credentials token (form-encoded, persisted, reused,
 * renewed, token failures, unsafe token URL), API versions and Continue On Fail.
 */
import { NodeApiError } from 'n8n-workflow';

import {
	AUTHARMOR_CLIENT,
	AUTHARMOR_EMPTY_GUID,
	authArmorDefaultUsername,
	authArmorUserId,
} from '../../sandbox/server';
import {
	AUTHARMOR_NODE_TYPE,
	expectNoSecretsIn,
	header,
	requestsTo,
	runNode,
	runNodeError,
	sandboxPerTest,
} from '../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, getUser } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run, apiBearers } = authArmorHelpers(fixture);

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

describe('API versions', () => {
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

describe('Continue On Fail', () => {
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
