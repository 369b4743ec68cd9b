/** User -> Get Many (nodes/Armor/actions/user/getMany.operation.ts): GET /users, a whole array. */
import { armorUsers } from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);
const [MAIN, CHILD] = ARMOR_DEMO_USER.accounts.map((account) => account.id);

test("Return All lists the account's users simplified, Simplify off gives them raw, Limit cuts the list", async () => {
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'getMany', { returnAll: true }),
		credential: armorCredential(),
	});
	const expected = armorUsers(MAIN);
	expect(all.map((user) => user.email)).toEqual(expected.map((user) => user.email));
	expect(Object.keys(all[0])).toHaveLength(10);
	expect(all[0]).not.toHaveProperty('phonePrimary');

	const two = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'getMany', { limit: 2, simplify: false }),
		credential: armorCredential(),
	});
	expect(two).toEqual(expected.slice(0, 2));
});

test('Account Context picks the account whose users are listed', async () => {
	const users = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'getMany', {
			returnAll: true,
			options: { accountContext: { mode: 'id', value: String(CHILD) } },
		}),
		credential: armorCredential(),
	});
	expect(users.map((user) => user.id)).toEqual(armorUsers(CHILD).map((user) => user.id));
	const [request] = requestsTo(fixture.sandbox, 'armor', '/users');
	expect(header(request, 'x-account-context')).toBe(String(CHILD));
});
