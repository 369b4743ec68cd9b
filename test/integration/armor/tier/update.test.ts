/** Tier -> Update (nodes/Armor/actions/tier/update.operation.ts): the renamed tier out of the workload answer. */
import * as data from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;
const WORKLOAD_ID = String(data.armorWorkloadId(ACCOUNT, 1));
const TIER_ID = data.armorTierId(ACCOUNT, 2);

test('renames the tier (with an API key), returns it, and Get shows the new name', async () => {
	const credential = armorApiKeyCredential();
	const ids = { workloadId: WORKLOAD_ID, tierId: String(TIER_ID) };
	const [updated] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'update', { ...ids, name: 'Data' }),
		credential,
	});
	expect(updated).toEqual({ ...data.armorTier(ACCOUNT, 2), name: 'Data' });
	const [put] = requestsTo(
		fixture.sandbox,
		'armor',
		`/apps/${WORKLOAD_ID}/tiers/${TIER_ID}`,
		'PUT',
	);
	expect(JSON.parse(put.body)).toEqual({ name: 'Data' });

	const [tier] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'get', ids),
		credential,
	});
	expect(tier.name).toBe('Data');
});
