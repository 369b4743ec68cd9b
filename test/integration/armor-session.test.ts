/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * The Armor FH-AUTH session as n8n drives it: login through preAuthentication, the token persisted by
 * the credentials helper and reused, reissue before expiry, a new login after expiry or a 401, MFA waits,
 * and login failures. All through n8n-core's ExecuteContext and request helpers, against the sandbox.
 */
import { NodeApiError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { ARMOR_DEMO_USER, ARMOR_MFA_USER } from '../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	armorCredentialData,
	expectNoSecretsIn,
	header,
	requestsTo,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from './runtime';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();

const GET_ME: INodeParameters = { resource: 'identity', operation: 'getMe', output: 'user' };

function armorCredential(overrides = {}) {
	return fixture.helper.addCredential('armorApi', armorCredentialData(fixture.sandbox, overrides));
}

async function getMe(credential: ReturnType<typeof armorCredential>) {
	return await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: GET_ME,
		credential,
	});
}

/** The FH-AUTH tokens the sandbox saw on GET /me, in order. */
function meTokens(): string[] {
	return requestsTo(fixture.sandbox, 'armor', '/me').map((request) =>
		String(header(request, 'authorization')),
	);
}

test('first run logs in (authorize -> token) and the credential persists the token and its expiry', async () => {
	const { sandbox, helper } = fixture;
	const credential = armorCredential();
	const before = Date.now();
	await getMe(credential);

	const [authorize] = requestsTo(sandbox, 'armor', '/auth/authorize', 'POST');
	expect(header(authorize, 'content-type')).toMatch(/^application\/json/);
	expect(JSON.parse(authorize.body)).toEqual({
		username: ARMOR_DEMO_USER.username,
		password: ARMOR_DEMO_USER.password,
	});
	const [token] = requestsTo(sandbox, 'armor', '/auth/token', 'POST');
	expect(JSON.parse(token.body)).toEqual({
		code: expect.any(String),
		grant_type: 'authorization_code',
	});

	const stored = helper.storedData(credential);
	expect(stored.accessToken).toMatch(/^[0-9a-f]{32}$/);
	expect(stored.sessionToken).toBe(stored.accessToken);
	// expires_in 15 (minutes) -> 900 s; reissue once a third is left (after 600 s).
	expect(Number(stored.tokenExpiresAt) - before).toBeGreaterThanOrEqual(900_000 - 1_000);
	expect(Number(stored.tokenExpiresAt) - Number(stored.tokenRenewAt)).toBe(300_000);
	// The user's own settings are kept as they were.
	expect(stored).toMatchObject({
		username: ARMOR_DEMO_USER.username,
		password: ARMOR_DEMO_USER.password,
		baseUrl: sandbox.armorUrl,
	});
	expect(helper.updatesOf(credential)).toHaveLength(1);
	expect(meTokens()).toEqual([`FH-AUTH ${stored.accessToken}`]);
});

test('one login across two runs: the second run reuses the persisted token', async () => {
	const { sandbox, helper } = fixture;
	const credential = armorCredential();
	const first = await getMe(credential);
	const second = await getMe(credential);

	expect(second).toEqual(first);
	expect(sandbox.summary().armor).toEqual({
		authorize: 1,
		token: 1,
		reissue: 0,
		api: 2,
		psk: 0,
		unauthorized: 0,
	});
	const tokens = meTokens();
	expect(tokens[1]).toBe(tokens[0]);
	expect(helper.updatesOf(credential)).toHaveLength(1);
	expect(helper.preAuthenticationCalls).toBe(1);
	expectNoSecretsIn(fixture, [first, second]);
});

test('a stored token past tokenRenewAt but not expired is reissued: one /auth/token/reissue, no login', async () => {
	const { sandbox, helper } = fixture;
	const credential = armorCredential();
	await getMe(credential);
	const old = helper.storedData(credential);
	// The clock as the credential sees it: renewal due a second ago, expiry still 4 minutes away.
	helper.patchStoredData(credential, {
		tokenRenewAt: Date.now() - 1_000,
		tokenExpiresAt: Date.now() + 240_000,
	});
	sandbox.clearRequests();

	const [me] = await getMe(credential);

	expect(me.user).toMatchObject({ id: ARMOR_DEMO_USER.id });
	expect(sandbox.summary().armor).toEqual({
		authorize: 0,
		token: 0,
		reissue: 1,
		api: 1,
		psk: 0,
		unauthorized: 0,
	});
	const [reissue] = requestsTo(sandbox, 'armor', '/auth/token/reissue', 'POST');
	expect(JSON.parse(reissue.body)).toEqual({ token: old.accessToken });
	expect(reissue.status).toBe(200);
	const renewed = helper.storedData(credential);
	expect(renewed.accessToken).not.toBe(old.accessToken);
	expect(renewed.sessionToken).toBe(renewed.accessToken);
	expect(Number(renewed.tokenRenewAt)).toBeGreaterThan(Date.now());
	// The reissue happened before the call, and the call used the new token.
	expect(sandbox.requests.map((request) => request.path)).toEqual(['/auth/token/reissue', '/me']);
	expect(meTokens()).toEqual([`FH-AUTH ${renewed.accessToken}`]);
	expectNoSecretsIn(fixture, [me]);
});

test('an expired stored token is not presented: the credential logs in again', async () => {
	const { sandbox, helper } = fixture;
	const credential = armorCredential();
	await getMe(credential);
	const old = helper.storedData(credential);
	helper.patchStoredData(credential, {
		tokenRenewAt: Date.now() - 600_000,
		tokenExpiresAt: Date.now() - 1_000,
	});
	sandbox.clearRequests();

	await getMe(credential);

	expect(sandbox.summary().armor).toEqual({
		authorize: 1,
		token: 1,
		reissue: 0,
		api: 1,
		psk: 0,
		unauthorized: 0,
	});
	expect(sandbox.requests.map((request) => request.path)).toEqual([
		'/auth/authorize',
		'/auth/token',
		'/me',
	]);
	expect(helper.storedData(credential).accessToken).not.toBe(old.accessToken);
	expect(meTokens()).toEqual([`FH-AUTH ${helper.storedData(credential).accessToken}`]);
});

test('a token of another user (changed username) is never reused: the credential logs in as the new user', async () => {
	const { sandbox, helper } = fixture;
	const credential = armorCredential();
	await getMe(credential);
	// The editor keeps hidden fields when the user changes the username and password.
	helper.patchStoredData(credential, {
		username: ARMOR_MFA_USER.username,
		password: ARMOR_MFA_USER.password,
	});
	sandbox.clearRequests();

	const [me] = await getMe(credential);

	expect(me.user).toMatchObject({ id: ARMOR_MFA_USER.id });
	expect(sandbox.summary().armor).toMatchObject({
		authorize: 1,
		token: 1,
		reissue: 0,
		unauthorized: 0,
	});
});

test('revoked tokens: exactly one 401, one new login, and the request is retried and succeeds', async () => {
	const { sandbox, helper } = fixture;
	const credential = armorCredential();
	await getMe(credential);
	const old = helper.storedData(credential);
	expect(sandbox.revokeAllTokens()).toBeGreaterThan(0);
	sandbox.clearRequests();

	const [me] = await getMe(credential);

	expect(me.user).toMatchObject({ id: ARMOR_DEMO_USER.id });
	// The refused request, the credential's check that the token itself is refused, one login, the retry.
	expect(sandbox.summary().armor).toEqual({
		authorize: 1,
		token: 1,
		reissue: 0,
		api: 3,
		psk: 0,
		unauthorized: 2,
	});
	expect(sandbox.requests.map((request) => `${request.path} ${request.status}`)).toEqual([
		'/me 401',
		'/me 401',
		'/auth/authorize 200',
		'/auth/token 200',
		'/me 200',
	]);
	const fresh = helper.storedData(credential);
	expect(meTokens()).toEqual([
		`FH-AUTH ${old.accessToken}`,
		`FH-AUTH ${old.accessToken}`,
		`FH-AUTH ${fresh.accessToken}`,
	]);
	expect(fresh.accessToken).not.toBe(old.accessToken);
	expectNoSecretsIn(fixture, [me]);
});

test('revoked token due for renewal: the refused reissue falls back to one login', async () => {
	const { sandbox, helper } = fixture;
	const credential = armorCredential();
	await getMe(credential);
	sandbox.revokeAllTokens();
	helper.patchStoredData(credential, { tokenRenewAt: Date.now() - 1_000 });
	sandbox.clearRequests();

	const [me] = await getMe(credential);

	expect(me.user).toMatchObject({ id: ARMOR_DEMO_USER.id });
	expect(sandbox.requests.map((request) => `${request.path} ${request.status}`)).toEqual([
		'/auth/token/reissue 401',
		'/auth/authorize 200',
		'/auth/token 200',
		'/me 200',
	]);
});

test('several items in one run share one login', async () => {
	const { sandbox, helper } = fixture;
	const credential = armorCredential();
	const items = await runNodeJson({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: GET_ME,
		credential,
		items: [{}, {}, {}],
	});
	expect(items).toHaveLength(3);
	expect(sandbox.summary().armor).toEqual({
		authorize: 1,
		token: 1,
		reissue: 0,
		api: 3,
		psk: 0,
		unauthorized: 0,
	});
	expect(new Set(meTokens()).size).toBe(1);
});

test('Armor reporting expires_in in seconds (older revision) is read as seconds', async () => {
	const { sandbox, helper } = fixture;
	sandbox.configure({ armorExpiresInUnit: 'seconds', armorTokenLifetimeSeconds: 1800 });
	const credential = armorCredential();
	const before = Date.now();
	await getMe(credential);
	const stored = helper.storedData(credential);
	expect(Number(stored.tokenExpiresAt) - before).toBeGreaterThanOrEqual(1_800_000 - 1_000);
	expect(Number(stored.tokenExpiresAt) - before).toBeLessThanOrEqual(1_800_000 + 5_000);
});

describe('MFA', () => {
	test('a login held open by the MFA prompt (1.5 s) is waited for', async () => {
		const { sandbox } = fixture;
		sandbox.configure({ mfaDelayMs: 1_500 });
		const credential = armorCredential({
			username: ARMOR_MFA_USER.username,
			password: ARMOR_MFA_USER.password,
		});
		const started = Date.now();

		const [me] = await getMe(credential);

		expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
		expect(me.user).toMatchObject({ id: ARMOR_MFA_USER.id, mfaEnabled: true });
		expect((me.accounts as Array<{ id: number }>).map((account) => account.id)).toEqual([2001]);
		const [authorize] = requestsTo(sandbox, 'armor', '/auth/authorize');
		expect(authorize.status).toBe(200);
		expect(sandbox.summary().armor).toEqual({
			authorize: 1,
			token: 1,
			reissue: 0,
			api: 1,
			psk: 0,
			unauthorized: 0,
		});
		expectNoSecretsIn(fixture, [me]);
	});

	test("an MFA wait longer than the credential's MFA Timeout fails with advice, not a hang", async () => {
		const { sandbox, helper } = fixture;
		sandbox.configure({ mfaDelayMs: 3_000 });
		const credential = armorCredential({
			username: ARMOR_MFA_USER.username,
			password: ARMOR_MFA_USER.password,
			mfaTimeout: 1,
		});
		const started = Date.now();

		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: GET_ME,
			credential,
		});

		expect(Date.now() - started).toBeLessThan(2_900);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('The Armor login did not finish within 1 seconds');
		expect(error.message).toContain('MFA Timeout');
		expect(requestsTo(sandbox, 'armor', '/me')).toHaveLength(0);
		expect(helper.updatesOf(credential)).toHaveLength(0);
		expectNoSecretsIn(fixture, [error]);
	});
});

describe('Login failures', () => {
	// Regression (fixed in ce9f8aa): the 401 reaches loginFailure as an axios error with code
	// 'ERR_BAD_REQUEST', which used to read as "Could not reach Armor ... (ERR_BAD_REQUEST)".
	test('a wrong password says the username or password was rejected', async () => {
		const { sandbox, helper } = fixture;
		const wrongPassword = 'not-the-password-42';
		const credential = armorCredential({ password: wrongPassword });

		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: GET_ME,
			credential,
		});

		expect(
			requestsTo(sandbox, 'armor', '/auth/authorize').map((request) => request.status),
		).toEqual([401]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(JSON.stringify(error)).not.toContain(wrongPassword);
		expectNoSecretsIn(fixture, [error], [wrongPassword]);
		expect(error.message).toMatch(/rejected the username or password/);
	});

	test('a wrong password: NodeApiError, exactly one login attempt, nothing persisted, no password in the error', async () => {
		const { sandbox, helper } = fixture;
		const wrongPassword = 'not-the-password-42';
		const credential = armorCredential({ password: wrongPassword });

		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: GET_ME,
			credential,
		});

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('Armor');
		expect(error.description).toContain('credential could not get a token');
		// No retry loop: a failed preAuthentication is not retried by n8n, and no API call is made.
		expect(sandbox.summary().armor).toEqual({
			authorize: 1,
			token: 0,
			reissue: 0,
			api: 0,
			psk: 0,
			unauthorized: 1,
		});
		expect(helper.updatesOf(credential)).toHaveLength(0);
		expect(helper.storedData(credential).accessToken).toBeUndefined();
		expectNoSecretsIn(fixture, [error], [wrongPassword]);
	});

	test('Armor refusing the login with 429 says so', async () => {
		const { sandbox, helper } = fixture;
		sandbox.injectFailures({
			api: 'armor',
			path: '/auth/authorize',
			status: 429,
			body: { Message: 'Too many attempts.' },
		});
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: GET_ME,
			credential: armorCredential(),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/too many authentication attempts/i);
	});

	test('an unreachable base URL says the connection was refused', async () => {
		const { helper } = fixture;
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: GET_ME,
			credential: armorCredential({ baseUrl: 'http://127.0.0.1:1' }),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('connection was refused');
		expectNoSecretsIn(fixture, [error]);
	});
});
