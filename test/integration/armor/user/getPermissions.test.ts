/** User -> Get Permissions (nodes/Armor/actions/user/getPermissions.operation.ts): groups flattened. */
import { ARMOR_PERMISSION_GROUPS } from '../../../sandbox/armorData';
import { ARMOR_NODE_TYPE, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);

const expected = ARMOR_PERMISSION_GROUPS.flatMap((group) =>
	group.permissions.map((permission) => ({ ...permission, group: group.name })),
);

test('one item per permission with its group; Limit counts permissions, across groups', async () => {
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'getPermissions', { returnAll: true }),
		credential: armorCredential(),
	});
	expect(all).toEqual(expected);
	expect(new Set(all.map((permission) => permission.group)).size).toBe(
		ARMOR_PERMISSION_GROUPS.length,
	);

	const firstGroupSize = ARMOR_PERMISSION_GROUPS[0].permissions.length;
	const some = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'getPermissions', { limit: firstGroupSize + 1 }),
		credential: armorCredential(),
	});
	expect(some).toEqual(expected.slice(0, firstGroupSize + 1));
	expect(some[firstGroupSize].group).toBe(ARMOR_PERMISSION_GROUPS[1].name);
});
