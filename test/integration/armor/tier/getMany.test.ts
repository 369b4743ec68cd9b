/** Tier -> Get Many (nodes/Armor/actions/tier/getMany.operation.ts): a whole array, per workload. */
import * as data from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;
const WORKLOAD_ID = String(data.armorWorkloadId(ACCOUNT, 1));

test("Return All lists the workload's tiers; Limit cuts the list", async () => {
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'getMany', { workloadId: WORKLOAD_ID, returnAll: true }),
		credential: armorApiKeyCredential(),
	});
	expect(all).toEqual([data.armorTier(ACCOUNT, 1), data.armorTier(ACCOUNT, 2)]);

	const one = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'getMany', { workloadId: WORKLOAD_ID, limit: 1 }),
		credential: armorApiKeyCredential(),
	});
	expect(one).toEqual([data.armorTier(ACCOUNT, 1)]);
	expect(requestsTo(fixture.sandbox, 'armor', `/apps/${WORKLOAD_ID}/tiers`, 'GET')).toHaveLength(2);
});
