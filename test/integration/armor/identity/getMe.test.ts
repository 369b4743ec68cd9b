/**
 * The Armor node's Identity -> Get Me (nodes/Armor/actions/identity/getMe.operation.ts), run by
 * n8n-core's real ExecuteContext against the sandbox: both outputs, and the account context (the
 * credential's Account ID, the node's Account Context option, an account that is not the user's).
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	expectNoSecretsIn,
	header,
	requestsTo,
	runNode,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from '../../runtime';
import { armorHelpers, getMe } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);

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
			psk: 0,
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
			psk: 0,
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
			psk: 0,
			unauthorized: 0,
		});
		expectNoSecretsIn(fixture, [error]);
	});
});
