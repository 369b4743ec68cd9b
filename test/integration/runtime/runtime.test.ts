/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * Checks of the harness itself (that requests really go through n8n's client and credentials helper
 * rules), and of n8n features that meet our credentials: production mode, per-credential domain
 * restrictions, parameters from expressions.
 */
import { ARMOR_DEMO_USER } from '../../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	AUTHARMOR_NODE_TYPE,
	InMemoryCredentialsHelper,
	armorCredentialData,
	authArmorCredentialData,
	createCredentialTypes,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from '.';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();

const GET_ME = { resource: 'identity', operation: 'getMe' };

test('every request is sent by n8n\'s own HTTP client (User-Agent "n8n")', async () => {
	const { sandbox, helper } = fixture;
	await runNodeJson({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: GET_ME,
		credential: helper.addCredential('armorApi', armorCredentialData(sandbox)),
	});
	await runNodeJson({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: { resource: 'user', operation: 'getMany', returnAll: false, limit: 2 },
		credential: helper.addCredential('authArmorApi', authArmorCredentialData(sandbox)),
	});
	// Armor: authorize, token, /me; Auth Armor: token, /v4/users.
	expect(sandbox.requests.length).toBe(5);
	expect(new Set(sandbox.requests.map((request) => request.headers['user-agent']))).toEqual(
		new Set(['n8n']),
	);
});

test("the loader's domain-restriction fields are part of every credential type, as in n8n", () => {
	const types = createCredentialTypes();
	for (const type of Object.values(types)) {
		expect(type.properties.map((property) => property.name)).toEqual(
			expect.arrayContaining(['allowedHttpRequestDomains', 'allowedDomains']),
		);
	}
	// The token-keeping credentials have the expirable token field; the API key has no token.
	expect(types.armorApi.properties.map((property) => property.name)).toContain('accessToken');
	expect(types.authArmorApi.properties.map((property) => property.name)).toContain('accessToken');
	// And getDecrypted fills their defaults like any other property.
	const helper = new InMemoryCredentialsHelper(types);
	expect(
		helper.getCredentialsProperties('armorApi').find((p) => p.name === 'allowedHttpRequestDomains')
			?.default,
	).toBe('all');
});

test("preAuthentication runs only while the token is empty (or renewal is due): n8n's rule, observed", async () => {
	const { sandbox, helper } = fixture;
	const credential = helper.addCredential('armorApi', armorCredentialData(sandbox));
	for (let run = 0; run < 3; run++)
		await runNodeJson({ helper, type: ARMOR_NODE_TYPE, parameters: GET_ME, credential });
	expect(helper.preAuthenticationCalls).toBe(1);
	expect(helper.updates).toHaveLength(1);
});

test('production mode ("trigger") runs the same way', async () => {
	const { sandbox, helper } = fixture;
	const [me] = await runNodeJson({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: GET_ME,
		credential: helper.addCredential('armorApi', armorCredentialData(sandbox)),
		mode: 'trigger',
	});
	expect(me.user).toMatchObject({ id: ARMOR_DEMO_USER.id });
});

test("parameters from expressions are resolved per item by n8n's expression engine", async () => {
	const { sandbox, helper } = fixture;
	const items = await runNodeJson({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: {
			resource: 'apiRequest',
			operation: 'send',
			method: 'GET',
			path: '=/accounts/{{ $json.account }}',
		},
		credential: helper.addCredential('armorApi', armorCredentialData(sandbox)),
		items: [{ account: 1001 }, { account: 1002 }],
	});
	expect(items.map((item) => item.id)).toEqual([1001, 1002]);
	expect(
		sandbox.requests
			.filter((request) => request.path.startsWith('/accounts/'))
			.map((request) => request.path),
	).toEqual(['/accounts/1001', '/accounts/1002']);
});

test('"Allowed Domains" that include the API host let the login through', async () => {
	const { sandbox, helper } = fixture;
	const credential = helper.addCredential(
		'armorApi',
		armorCredentialData(sandbox, {
			allowedHttpRequestDomains: 'domains',
			allowedDomains: '127.0.0.1',
		}),
	);
	const [me] = await runNodeJson({ helper, type: ARMOR_NODE_TYPE, parameters: GET_ME, credential });
	expect(me.user).toMatchObject({ id: ARMOR_DEMO_USER.id });
});

// n8n blocks the login request with "Domain not allowed: ..." before sending it: the error must say so,
// not that Armor answered.
test('"Allowed Domains" without the API host block the login and say so', async () => {
	const { sandbox, helper } = fixture;
	const credential = helper.addCredential(
		'armorApi',
		armorCredentialData(sandbox, {
			allowedHttpRequestDomains: 'domains',
			allowedDomains: 'api.armor.com',
		}),
	);
	const error = await runNodeError({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: GET_ME,
		credential,
	});
	expect(sandbox.requests).toHaveLength(0);
	expect(error.message).toMatch(/domain/i);
});
