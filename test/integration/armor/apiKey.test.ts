/**
 * The Armor node with an API key (credentials/ArmorApiKeyApi.credentials.ts): every request signed with
 * ARMOR-PSK over the bytes it sends, no login at all; the v2 service hosts reached with either credential and
 * nothing else; the account picker. Against the sandbox, which verifies each signature.
 */
import { NodeApiError } from 'n8n-workflow';

import { ARMOR_API_KEY, ARMOR_DEMO_USER } from '../../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	armorCredentialData,
	expectNoSecretsIn,
	header,
	requestsTo,
	runListSearch,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from '../runtime';
import { apiRequest, getMe } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();

function apiKeyCredential(overrides = {}) {
	const { sandbox, helper } = fixture;
	return helper.addCredential('armorApiKeyApi', {
		baseUrl: sandbox.armorUrl,
		keyId: ARMOR_API_KEY.keyId,
		secret: ARMOR_API_KEY.secret,
		serviceHosts: `${sandbox.servicesUrl}/{service}`,
		...overrides,
	});
}

function loginCredential() {
	const { sandbox, helper } = fixture;
	return helper.addCredential(
		'armorApi',
		armorCredentialData(sandbox, { serviceHosts: `${sandbox.servicesUrl}/{service}` }),
	);
}

describe('API key', () => {
	test('Get Me signs the request with ARMOR-PSK and never logs in', async () => {
		const { sandbox, helper } = fixture;
		const credential = apiKeyCredential();

		const [me] = await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe(),
			credential,
		});

		expect(me.user).toMatchObject({ id: ARMOR_DEMO_USER.id });
		expect(sandbox.summary().armor).toMatchObject({
			authorize: 0,
			token: 0,
			reissue: 0,
			api: 1,
			psk: 1,
			unauthorized: 0,
		});
		const [request] = requestsTo(sandbox, 'armor', '/me', 'GET');
		expect(header(request, 'authorization')).toMatch(
			new RegExp(`^ARMOR-PSK ${ARMOR_API_KEY.keyId}:[A-Za-z0-9+/=]{88}:(\\d+):\\1$`),
		);
		// Nothing is kept in the credential: there is no token.
		expect(helper.updatesOf(credential)).toHaveLength(0);
		expectNoSecretsIn(fixture, [me], [ARMOR_API_KEY.secret]);
	});

	test('a JSON body is signed over exactly the bytes sent (the sandbox checks its SHA-512)', async () => {
		const { sandbox, helper } = fixture;
		const credential = apiKeyCredential();
		const [incident] = await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'GET',
				path: '/incidents',
				options: { service: 'mdr' },
			}),
			credential,
		});
		const key = String((incident.issues as Array<{ id: string }>)[0].id);
		expect(key).toMatch(/^SEC-\d+$/);

		await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'POST',
				path: `/incidents/${key}/comments`,
				jsonBody: JSON.stringify({ comment: 'Signed: é, "quotes" and all' }),
				options: { service: 'mdr' },
			}),
			credential,
		});

		const [post] = requestsTo(sandbox, 'services', `/mdr/incidents/${key}/comments`, 'POST');
		expect(post.status).toBeLessThan(300);
		expect(JSON.parse(post.body)).toEqual({ comment: 'Signed: é, "quotes" and all' });
		expect(header(post, 'authorization')).toMatch(/^ARMOR-PSK /);
		const [details] = await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'GET',
				path: `/incidents/${key}`,
				options: { service: 'mdr' },
			}),
			credential,
		});
		expect((details.comments as Array<{ body: string }>).pop()?.body).toBe(
			'Signed: é, "quotes" and all',
		);
	});

	test('a wrong secret fails with advice on the key and the clock, and no secret in the error', async () => {
		const { helper } = fixture;
		const credential = apiKeyCredential({ secret: 'not-the-secret' });

		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe(),
			credential,
		});

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'Armor answered 401: Authorization has been denied for this request.',
		);
		expect(error.description).toMatch(/Key ID and Secret.*clock.*5 minutes/s);
		expectNoSecretsIn(fixture, [error], ['not-the-secret']);
	});

	test('a machine clock 10 minutes off is refused, and the error says to check the clock', async () => {
		const { sandbox, helper } = fixture;
		sandbox.configure({ armorClockSkewSeconds: 600 });
		const credential = apiKeyCredential();

		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe(),
			credential,
		});

		expect(error.description).toMatch(/clock/);
		expect(sandbox.summary().armor).toMatchObject({ authorize: 0, token: 0, psk: 0 });
	});
});

describe('v2 service hosts', () => {
	test('the legacy login reaches the MDR service on its own host with its FH-AUTH token', async () => {
		const { sandbox, helper } = fixture;
		const credential = loginCredential();

		const [answer] = await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({ method: 'GET', path: '/incidents', options: { service: 'mdr' } }),
			credential,
		});

		expect(answer).toBeDefined();
		const [request] = requestsTo(sandbox, 'services', '/mdr/incidents', 'GET');
		expect(header(request, 'authorization')).toBe(
			`FH-AUTH ${helper.storedData(credential).accessToken}`,
		);
		expect(request.status).toBe(200);
	});

	test('a credential without Service Hosts sends nothing to the sandbox services (Armor hosts are fixed)', async () => {
		const { sandbox, helper } = fixture;
		const credential = helper.addCredential('armorApi', armorCredentialData(sandbox));

		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'GET',
				path: '/incidents',
				options: { service: 'mdr' },
				// Short: the real host is not reachable from here.
			}),
			credential,
		});

		expect(error).toBeDefined();
		expect(requestsTo(sandbox, 'services')).toHaveLength(0);
	});
});

describe('Account picker', () => {
	test('"From List" lists the accounts of GET /me, searchable by name or ID', async () => {
		const { helper } = fixture;
		const credential = loginCredential();
		const parameters = getMe();

		const all = await runListSearch({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters,
			credential,
			method: 'searchAccounts',
		});
		expect(all.results).toEqual(
			ARMOR_DEMO_USER.accounts.map((account) => ({
				name: `${account.name} (${account.id})`,
				value: String(account.id),
			})),
		);

		const [second] = ARMOR_DEMO_USER.accounts.slice(1);
		const found = await runListSearch({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters,
			credential,
			method: 'searchAccounts',
			filter: second.name.toUpperCase(),
		});
		expect(found.results.map((result) => result.value)).toEqual([String(second.id)]);
	});

	test('with an API key too, and a picked account is sent as X-Account-Context', async () => {
		const { sandbox, helper } = fixture;
		const credential = apiKeyCredential();
		const listed = await runListSearch({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe(),
			credential,
			method: 'searchAccounts',
		});
		const picked = listed.results[1];

		await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe('user', { accountContext: { mode: 'list', value: picked.value } }),
			credential,
		});

		const last = requestsTo(sandbox, 'armor', '/me', 'GET').pop()!;
		expect(header(last, 'x-account-context')).toBe(picked.value);
	});
});
