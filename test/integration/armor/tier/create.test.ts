/** Tier -> Create (nodes/Armor/actions/tier/create.operation.ts): the new tier out of the workload answer. */
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
const WORKLOAD_ID = String(data.armorWorkloadId(ACCOUNT, 1));

test('creates an empty tier (with an API key), returns it, and Get Many lists it', async () => {
	const credential = armorApiKeyCredential();
	const created = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'create', { workloadId: WORKLOAD_ID, name: 'Queue' }),
		credential,
	});
	const newId = data.armorTierId(ACCOUNT, data.ARMOR_TIERS_PER_ACCOUNT + 1);
	expect(created).toEqual([{ id: newId, name: 'Queue', vms: [] }]);
	const [post] = requestsTo(fixture.sandbox, 'armor', `/apps/${WORKLOAD_ID}/tiers`, 'POST');
	expect(JSON.parse(post.body)).toEqual({ name: 'Queue' });

	const tiers = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'getMany', { workloadId: WORKLOAD_ID, returnAll: true }),
		credential,
	});
	expect(tiers.map((tier) => tier.name)).toEqual(['Web', 'Database', 'Queue']);
});

test("a name the workload already has is refused with Armor's 400", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'create', { workloadId: WORKLOAD_ID, name: 'web' }),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 400/);
});
