/** Order -> Get (nodes/Armor/actions/order/get.operation.ts): GET /orders/{id}. */
import { NodeApiError } from 'n8n-workflow';

import * as data from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	requestsTo,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

test('returns the order (with an API key)', async () => {
	const order = data.armorOrder(ACCOUNT, 3);
	const [found] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('order', 'get', { orderId: String(order.id) }),
		credential: armorApiKeyCredential(),
	});
	expect(found).toEqual(order);
	expect(found.status).toBe('processing');
	expect(requestsTo(fixture.sandbox, 'armor', `/orders/${order.id}`, 'GET')).toHaveLength(1);
});

test("an unknown order fails with Armor's 404", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('order', 'get', { orderId: String(data.armorOrderId(ACCOUNT, 9)) }),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 404/);
});
