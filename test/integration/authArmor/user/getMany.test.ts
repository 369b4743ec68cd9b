/**
 * The Auth Armor node's User -> Get Many (nodes/AuthArmor/actions/user/getMany.operation.ts), run by
 * n8n-core's real ExecuteContext against the sandbox: limits, pages of 100, Return All, one credential
 * read and one token renewal for all pages.
 */
import { authArmorDefaultUsername, authArmorUserId } from '../../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, requestsTo, runNode, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, getUser } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run, apiBearers } = authArmorHelpers(fixture);

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
		await run(getUser('id', authArmorUserId(1)), credential);
		helper.decryptedReads = 0;
		helper.rawReads = 0;
		const users = await run(
			{ resource: 'user', operation: 'getMany', returnAll: true },
			credential,
		);
		expect(users.length).toBeGreaterThan(200);
		expect(requestsTo(sandbox, 'authArmor', '/v4/users').length).toBe(3);
		expect(helper.decryptedReads).toBe(1);
		expect(helper.rawReads).toBe(1);
	});

	test('a token due for renewal during paging is renewed once; the next pages use the new one', async () => {
		const { sandbox, helper } = fixture;
		const credential = authArmorCredential();
		await run(getUser('id', authArmorUserId(1)), credential);
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
