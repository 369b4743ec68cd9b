/**
 * How often a node run reads its credential from n8n (nodes/shared/credentialReads.ts): once for all items
 * when no stored field is an expression, per item when one is (n8n resolves it per item), and a token
 * renewed during the run is used by the items after it.
 */
import { ARMOR_DEMO_USER } from '../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../runtime';
import { armorHelpers, getMe } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);

const ITEMS = Array.from({ length: 25 }, (_, i) => ({ i }));

function meTokens(): string[] {
	return requestsTo(fixture.sandbox, 'armor', '/me').map((request) =>
		String(header(request, 'authorization')),
	);
}

test('a credential without expressions is read from n8n once for all 25 items', async () => {
	const { sandbox, helper } = fixture;
	const credential = armorCredential();
	await runNodeJson({ helper, type: ARMOR_NODE_TYPE, parameters: getMe(), credential });
	helper.decryptedReads = 0;
	helper.rawReads = 0;
	sandbox.clearRequests();

	const output = await runNodeJson({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: getMe(),
		credential,
		items: ITEMS,
	});

	expect(output).toHaveLength(25);
	expect(helper.decryptedReads).toBe(1);
	// The stored data is looked at once, to see that no field is an expression.
	expect(helper.rawReads).toBe(1);
	expect(new Set(meTokens())).toEqual(
		new Set([`FH-AUTH ${helper.storedData(credential).accessToken}`]),
	);
});

test('a credential field holding an expression is resolved for each item, as n8n does', async () => {
	const { sandbox, helper } = fixture;
	const [first, second] = ARMOR_DEMO_USER.accounts.map((account) => String(account.id));
	const credential = armorCredential({ accountId: '={{ $json.account }}' });
	const items = [first, second, first, second].map((account) => ({ account }));

	const output = await runNodeJson({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: getMe(),
		credential,
		items,
	});

	expect(output).toHaveLength(4);
	const contexts = requestsTo(sandbox, 'armor', '/me').map((request) =>
		header(request, 'x-account-context'),
	);
	expect(contexts.sort()).toEqual([first, first, second, second].sort());
	expect(helper.decryptedReads).toBeGreaterThanOrEqual(4);
});

test('a token due at the start of a run is renewed once, and every item uses the renewed token', async () => {
	const { sandbox, helper } = fixture;
	const credential = armorCredential();
	await runNodeJson({ helper, type: ARMOR_NODE_TYPE, parameters: getMe(), credential });
	const old = helper.storedData(credential).accessToken;
	helper.patchStoredData(credential, {
		tokenRenewAt: Date.now() - 1_000,
		tokenExpiresAt: Date.now() + 240_000,
	});
	sandbox.configure({ reissueInvalidatesPrevious: true });
	sandbox.clearRequests();
	helper.preAuthenticationCalls = 0;

	const output = await runNodeJson({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: getMe('user', { parallelRequests: 5 }),
		credential,
		items: ITEMS,
	});

	expect(output).toHaveLength(25);
	expect(sandbox.summary().armor).toMatchObject({
		authorize: 0,
		reissue: 1,
		api: 25,
		unauthorized: 0,
	});
	const renewed = helper.storedData(credential).accessToken;
	expect(renewed).not.toBe(old);
	expect(new Set(meTokens())).toEqual(new Set([`FH-AUTH ${renewed}`]));
	// Only the items already under way when the renewal began asked for it; the rest were handed the new token.
	expect(helper.preAuthenticationCalls).toBeLessThanOrEqual(5);
});
