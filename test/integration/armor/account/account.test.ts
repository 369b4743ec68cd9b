/** Account -> Get, Get Many, Get Children, Get Contacts, Get Activity History (nodes/Armor/actions/account/). */
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import {
	ARMOR_ACTIVITY_PER_ACCOUNT,
	ARMOR_CONTACTS_PER_ACCOUNT,
	armorChildAccounts,
} from '../../../sandbox/armorData';
import {
	ARMOR_NODE_TYPE,
	header,
	requestsTo,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);
const [MAIN, CHILD] = ARMOR_DEMO_USER.accounts;

function run(operation: string, parameters = {}, credential = armorCredential()) {
	return runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('account', operation, parameters),
		credential,
	});
}

test('Get and Get Many', async () => {
	const [one] = await run('get', { accountId: String(CHILD.id) });
	expect(one).toMatchObject({ id: CHILD.id, name: CHILD.name });

	const many = await run('getMany', { returnAll: true }, armorApiKeyCredential());
	expect(many.map((account) => account.id)).toEqual(
		expect.arrayContaining(ARMOR_DEMO_USER.accounts.map((account) => account.id)),
	);
	const limited = await run('getMany', { limit: 1 });
	expect(limited).toHaveLength(1);
});

test("an account that is not the user's fails with Armor's 404", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('account', 'get', { accountId: '999999' }),
		credential: armorCredential(),
	});
	expect(error.message).toMatch(/^Armor answered 404/);
});

test('Get Children of the account picked in Account Context', async () => {
	const children = await run('getChildren', {
		returnAll: true,
		options: { accountContext: { mode: 'id', value: String(MAIN.id) } },
	});
	expect(children.map((child) => child.id)).toEqual(armorChildAccounts(MAIN.id).map((c) => c.id));
	const [request] = requestsTo(fixture.sandbox, 'armor', '/account/children');
	expect(header(request, 'x-account-context')).toBe(String(MAIN.id));
});

test('Get Contacts, and For Each Account tags each contact with its account', async () => {
	const contacts = await run('getContacts', { returnAll: true });
	expect(contacts).toHaveLength(ARMOR_CONTACTS_PER_ACCOUNT);

	const everywhere = await run('getContacts', {
		returnAll: true,
		options: { forEachAccount: true },
	});
	expect(everywhere).toHaveLength(ARMOR_CONTACTS_PER_ACCOUNT * ARMOR_DEMO_USER.accounts.length);
	expect(everywhere.filter((c) => (c.forAccount as { id: number }).id === CHILD.id)).toHaveLength(
		ARMOR_CONTACTS_PER_ACCOUNT,
	);
});

test('Get Activity History pages {total, page, items}: Return All, and Limit across a page', async () => {
	const all = await run('getActivityHistory', { returnAll: true });
	expect(all).toHaveLength(ARMOR_ACTIVITY_PER_ACCOUNT);
	const pages = requestsTo(fixture.sandbox, 'armor', '/account/activity/history').map((request) =>
		new URL(request.url, 'http://x').searchParams.get('page'),
	);
	expect(pages).toEqual(['1', '2', '3']);

	const some = await run('getActivityHistory', { limit: 13 });
	expect(some).toEqual(all.slice(0, 13));
});
