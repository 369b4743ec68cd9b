/** Tier -> Delete (nodes/Armor/actions/tier/delete.operation.ts): only an empty tier goes. */
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
// Billing Platform: Application (VMs 4, 5) and Cache (empty).
const WORKLOAD_ID = data.armorWorkloadId(ACCOUNT, 2);

test('deletes an empty tier (with an API key); Get Many no longer lists it', async () => {
	const cache = data.armorTierId(ACCOUNT, 4);
	const [deleted] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'delete', {
			workloadId: String(WORKLOAD_ID),
			tierId: String(cache),
		}),
		credential: armorApiKeyCredential(),
	});
	expect(deleted).toEqual({ deleted: true, id: cache, workloadId: WORKLOAD_ID });
	expect(
		requestsTo(fixture.sandbox, 'armor', `/apps/${WORKLOAD_ID}/tiers/${cache}`, 'DELETE'),
	).toHaveLength(1);

	const left = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'getMany', {
			workloadId: String(WORKLOAD_ID),
			returnAll: true,
		}),
		credential: armorApiKeyCredential(),
	});
	expect(left.map((tier) => tier.id)).toEqual([data.armorTierId(ACCOUNT, 3)]);
});

test("a tier that holds VMs is refused with Armor's 400", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'delete', {
			workloadId: String(WORKLOAD_ID),
			tierId: String(data.armorTierId(ACCOUNT, 3)),
		}),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 400/);
});
