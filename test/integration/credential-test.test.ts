/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * The credentials' "Test" button, as n8n 2.41.1 runs it (CredentialsTester.runRequestTest: a temp NoOp
 * node whose property routes the credential's `test.request`, run by n8n-core's real RoutingNode, which
 * calls httpRequestWithAuthentication with the credential under test).
 */
import {
	ARMOR_DEMO_USER,
	AUTHARMOR_CLIENT,
	AUTHARMOR_REQUEST_AUTH_CLIENT,
} from '../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	armorCredentialData,
	authArmorCredentialData,
	expectNoSecretsIn,
	header,
	requestsTo,
	runNodeJson,
	sandboxPerTest,
	testCredential,
} from './runtime';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();

function messageOnly(result: { status: string; message: string }) {
	return { status: result.status, message: result.message };
}

describe('Armor API credential', () => {
	test('success: logs in, calls GET /me, "Connection successful!", and persists the token', async () => {
		const { sandbox, helper } = fixture;
		const credential = helper.addCredential('armorApi', armorCredentialData(sandbox));

		const result = await testCredential(helper, credential, 'armorApi');

		expect(messageOnly(result)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(
			sandbox.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual(['POST /auth/authorize 200', 'POST /auth/token 200', 'GET /me 200']);
		const stored = helper.storedData(credential);
		expect(header(requestsTo(sandbox, 'armor', '/me')[0], 'authorization')).toBe(
			`FH-AUTH ${stored.accessToken}`,
		);
		expect(helper.updatesOf(credential)).toHaveLength(1);

		// A node run afterwards reuses what the test persisted.
		await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: { resource: 'identity', operation: 'getMe' },
			credential,
		});
		expect(sandbox.summary().armor).toEqual({
			authorize: 1,
			token: 1,
			reissue: 0,
			api: 2,
			psk: 0,
			unauthorized: 0,
		});
		expectNoSecretsIn(fixture, [messageOnly(result)]);
	});

	test('a stored token that the server no longer accepts: 401, one login, retried, success', async () => {
		const { sandbox, helper } = fixture;
		const credential = helper.addCredential('armorApi', armorCredentialData(sandbox));
		await testCredential(helper, credential, 'armorApi');
		sandbox.revokeAllTokens();
		sandbox.clearRequests();

		const result = await testCredential(helper, credential, 'armorApi');

		expect(messageOnly(result)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests.map((request) => `${request.path} ${request.status}`)).toEqual([
			'/me 401',
			'/me 401',
			'/auth/authorize 200',
			'/auth/token 200',
			'/me 200',
		]);
	});

	test('a wrong password names the cause', async () => {
		const { sandbox, helper } = fixture;
		const wrongPassword = 'wrong-password-77';
		const credential = helper.addCredential(
			'armorApi',
			armorCredentialData(sandbox, { password: wrongPassword }),
		);

		const result = await testCredential(helper, credential, 'armorApi');

		expect(result.status).toBe('Error');
		expect(
			requestsTo(sandbox, 'armor', '/auth/authorize').map((request) => request.status),
		).toEqual([401]);
		expect(requestsTo(sandbox, 'armor', '/me')).toHaveLength(0);
		expectNoSecretsIn(fixture, [messageOnly(result)], [wrongPassword]);
		expect(result.message).toMatch(/rejected the username or password/);
	});

	// n8n 2.41's tester names its temp node 'noOp' (the NoOp description's own name), so CredentialsHelper's
	// "is a credential test" check (`type === 'n8n-nodes-base.noOp'`) is false and preAuthentication does not
	// run while the stored (un-redacted) token is non-empty. `authenticate` therefore withholds a token obtained
	// with other settings: the 401 makes n8n log in with the new ones.
	test('a wrong new password fails the test while an old token lives', async () => {
		const { sandbox, helper } = fixture;
		const credential = helper.addCredential('armorApi', armorCredentialData(sandbox));
		await testCredential(helper, credential, 'armorApi');
		sandbox.clearRequests();

		// The user edits the password; the editor sends the stored hidden fields back (un-redacted).
		const result = await testCredential(helper, credential, 'armorApi', {
			...helper.storedData(credential),
			password: 'a-wrong-new-password',
		});

		expect(result.status).toBe('Error');
		expect(requestsTo(sandbox, 'armor', '/auth/authorize')).toHaveLength(1);
	});

	test('an unreachable base URL names the cause', async () => {
		const { helper } = fixture;
		const credential = helper.addCredential(
			'armorApi',
			armorCredentialData(fixture.sandbox, { baseUrl: 'http://127.0.0.1:1' }),
		);
		const result = await testCredential(helper, credential, 'armorApi');
		expect(messageOnly(result)).toEqual({
			status: 'Error',
			message:
				'Could not connect to Armor at http://127.0.0.1:1/auth/authorize: the connection was refused. Check the URL in the credential.',
		});
	});

	test('a plain-http base URL to another host is refused without sending anything', async () => {
		const { sandbox, helper } = fixture;
		const credential = helper.addCredential(
			'armorApi',
			armorCredentialData(sandbox, { baseUrl: 'http://api.armor.example' }),
		);
		const result = await testCredential(helper, credential, 'armorApi');
		expect(result.status).toBe('Error');
		expect(result.message).toContain('must start with https://');
		expect(sandbox.requests).toHaveLength(0);
	});

	test('missing username and password are asked for', async () => {
		const { sandbox, helper } = fixture;
		const credential = helper.addCredential('armorApi', { baseUrl: sandbox.armorUrl });
		const result = await testCredential(helper, credential, 'armorApi');
		expect(messageOnly(result)).toEqual({
			status: 'Error',
			message: 'Enter the Armor username and password in the credential.',
		});
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Auth Armor API credential', () => {
	test('success: form-encoded token, then GET /v4/users?page_number=1&page_size=1', async () => {
		const { sandbox, helper } = fixture;
		const credential = helper.addCredential('authArmorApi', authArmorCredentialData(sandbox));

		const result = await testCredential(helper, credential, 'authArmorApi');

		expect(messageOnly(result)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [token, users] = sandbox.requests;
		expect([token.path, header(token, 'content-type')]).toEqual([
			'/connect/token',
			'application/x-www-form-urlencoded',
		]);
		expect(new URLSearchParams(token.body).get('client_secret')).toBe(
			AUTHARMOR_CLIENT.clientSecret,
		);
		expect([users.method, users.path, users.query, users.status]).toEqual([
			'GET',
			'/v4/users',
			{ page_number: '1', page_size: '1' },
			200,
		]);
		expect(header(users, 'authorization')).toBe(
			`Bearer ${helper.storedData(credential).accessToken}`,
		);
		expectNoSecretsIn(fixture, [messageOnly(result)]);
	});

	test('a client with only the request_auth scope: the test says its secret is right and what the scope allows', async () => {
		const { sandbox, helper } = fixture;
		const credential = helper.addCredential(
			'authArmorApi',
			authArmorCredentialData(sandbox, {
				clientId: AUTHARMOR_REQUEST_AUTH_CLIENT.clientId,
				clientSecret: AUTHARMOR_REQUEST_AUTH_CLIENT.clientSecret,
			}),
		);

		const result = await testCredential(helper, credential, 'authArmorApi');

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Client ID and Secret are right/);
		expect(result.message).toMatch(
			/aarmor\.api\.request_auth scope can still use the Authentication operations/,
		);
		expect(requestsTo(sandbox, 'authArmor', '/connect/token')[0].status).toBe(200);
		expectNoSecretsIn(fixture, [messageOnly(result)], [AUTHARMOR_REQUEST_AUTH_CLIENT.clientSecret]);
	});

	test('API version v3 is tested on /v3/users', async () => {
		const { sandbox, helper } = fixture;
		const credential = helper.addCredential(
			'authArmorApi',
			authArmorCredentialData(sandbox, { apiVersion: 'v3' }),
		);
		const result = await testCredential(helper, credential, 'authArmorApi');
		expect(result.status).toBe('OK');
		expect(requestsTo(sandbox, 'authArmor', '/v3/users')).toHaveLength(1);
	});

	test('a wrong client secret names the cause', async () => {
		const { sandbox, helper } = fixture;
		const wrongSecret = 'wrong-client-secret-1';
		const credential = helper.addCredential(
			'authArmorApi',
			authArmorCredentialData(sandbox, { clientSecret: wrongSecret }),
		);

		const result = await testCredential(helper, credential, 'authArmorApi');

		expect(result.status).toBe('Error');
		expect(sandbox.summary().authArmor).toEqual({ token: 1, api: 0, unauthorized: 0 });
		expectNoSecretsIn(fixture, [messageOnly(result)], [wrongSecret]);
		expect(result.message).toMatch(/rejected the client ID or client secret/);
	});

	test('a wrong new client secret fails the test while an old token lives', async () => {
		const { sandbox, helper } = fixture;
		const credential = helper.addCredential('authArmorApi', authArmorCredentialData(sandbox));
		await testCredential(helper, credential, 'authArmorApi');
		sandbox.clearRequests();

		const result = await testCredential(helper, credential, 'authArmorApi', {
			...helper.storedData(credential),
			clientSecret: 'a-wrong-new-secret',
		});

		expect(result.status).toBe('Error');
		expect(requestsTo(sandbox, 'authArmor', '/connect/token')).toHaveLength(1);
	});

	test('a wrong client ID with the demo user name in it does not echo anything secret', async () => {
		const { sandbox, helper } = fixture;
		const credential = helper.addCredential(
			'authArmorApi',
			authArmorCredentialData(sandbox, { clientId: ARMOR_DEMO_USER.username }),
		);
		const result = await testCredential(helper, credential, 'authArmorApi');
		expect(result.status).toBe('Error');
		expectNoSecretsIn(fixture, [messageOnly(result)]);
	});
});
