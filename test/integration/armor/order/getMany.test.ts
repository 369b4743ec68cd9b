/** Order -> Get Many (nodes/Armor/actions/order/getMany.operation.ts): a whole array. */
import * as data from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);
const [MAIN, CHILD] = ARMOR_DEMO_USER.accounts;

test('Return All lists every order (with an API key); Limit cuts the list', async () => {
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('order', 'getMany', { returnAll: true }),
		credential: armorApiKeyCredential(),
	});
	expect(all).toHaveLength(data.ARMOR_ORDERS_PER_ACCOUNT);
	expect(all[0]).toEqual(data.armorOrder(MAIN.id, 1));

	const two = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('order', 'getMany', { limit: 2 }),
		credential: armorApiKeyCredential(),
	});
	expect(two).toEqual(all.slice(0, 2));
});

test('For Each Account lists the orders of every account, tagged with it', async () => {
	const orders = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('order', 'getMany', {
			returnAll: true,
			options: { forEachAccount: true },
		}),
		credential: armorCredential(),
	});
	expect(orders).toHaveLength(data.ARMOR_ORDERS_PER_ACCOUNT * 2);
	expect(orders[data.ARMOR_ORDERS_PER_ACCOUNT]).toMatchObject({
		accountId: CHILD.id,
		forAccount: { id: CHILD.id, name: CHILD.name },
	});
	expect(
		requestsTo(fixture.sandbox, 'armor', '/orders').map((r) => header(r, 'x-account-context')),
	).toEqual([String(MAIN.id), String(CHILD.id)]);
});
