/** Tier -> Get (nodes/Armor/actions/tier/get.operation.ts): GET /apps/{id}/tiers/{tierId}. */
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

test('returns the tier with its VMs (with an API key)', async () => {
	const tierId = data.armorTierId(ACCOUNT, 1);
	const [tier] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'get', { workloadId: WORKLOAD_ID, tierId: String(tierId) }),
		credential: armorApiKeyCredential(),
	});
	expect(tier).toEqual(data.armorTier(ACCOUNT, 1));
	expect(
		requestsTo(fixture.sandbox, 'armor', `/apps/${WORKLOAD_ID}/tiers/${tierId}`, 'GET'),
	).toHaveLength(1);
});

test("a tier of another workload fails with Armor's 404", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('tier', 'get', {
			workloadId: WORKLOAD_ID,
			tierId: String(data.armorTierId(ACCOUNT, 3)),
		}),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 404/);
});
