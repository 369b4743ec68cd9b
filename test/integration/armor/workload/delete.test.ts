/** Workload -> Delete (nodes/Armor/actions/workload/delete.operation.ts): only an empty workload goes. */
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

test('deletes an empty workload (with an API key); Get Many no longer lists it', async () => {
	const empty = data.armorWorkloadId(ACCOUNT, 4);
	const [deleted] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'delete', { workloadId: String(empty) }),
		credential: armorApiKeyCredential(),
	});
	expect(deleted).toMatchObject({ deleted: true, id: empty, workload: { name: 'Sandbox' } });
	expect(requestsTo(fixture.sandbox, 'armor', `/apps/${empty}`, 'DELETE')).toHaveLength(1);

	const left = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'getMany', { returnAll: true }),
		credential: armorApiKeyCredential(),
	});
	expect(left.map((workload) => workload.id)).not.toContain(empty);
	expect(left).toHaveLength(data.ARMOR_WORKLOADS_PER_ACCOUNT - 1);
});

test("a workload with tiers is refused with Armor's 400 and stays", async () => {
	const withTiers = String(data.armorWorkloadId(ACCOUNT, 1));
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'delete', { workloadId: withTiers }),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 400/);
	const [kept] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'get', { workloadId: withTiers }),
		credential: armorCredential(),
	});
	expect(kept.tierCount).toBe(2);
});
