/** User -> Get Roles (nodes/Armor/actions/user/getRoles.operation.ts): GET /roles, a whole array. */
import { armorRoles } from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);

test('lists the roles with their members, and Limit cuts the list', async () => {
	const expected = armorRoles(ARMOR_DEMO_USER.accounts[0].id);
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'getRoles', { returnAll: true }),
		credential: armorCredential(),
	});
	expect(all).toEqual(expected);

	const one = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'getRoles', { limit: 1 }),
		credential: armorCredential(),
	});
	expect(one).toEqual(expected.slice(0, 1));
	expect(requestsTo(fixture.sandbox, 'armor', '/roles', 'GET')).toHaveLength(2);
});
