/** Workload -> Get (nodes/Armor/actions/workload/get.operation.ts): simplified or raw. */
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

test('Get returns the workload simplified (tiers without their VMs), or raw (with an API key)', async () => {
	const workload = data.armorWorkload(ACCOUNT, 1);
	const workloadId = String(workload.id);
	const [simple] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'get', { workloadId }),
		credential: armorApiKeyCredential(),
	});
	expect(simple).toEqual({
		id: workload.id,
		name: 'Customer Portal',
		location: workload.location,
		zone: workload.zone,
		status: workload.status,
		health: workload.health,
		tierCount: 2,
		vmCount: 3,
		tiers: [
			{ id: data.armorTierId(ACCOUNT, 1), name: 'Web', vmCount: 2 },
			{ id: data.armorTierId(ACCOUNT, 2), name: 'Database', vmCount: 1 },
		],
		tags: [],
	});

	const [raw] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'get', { workloadId, simplify: false }),
		credential: armorApiKeyCredential(),
	});
	expect(raw).toEqual(workload);
	expect(requestsTo(fixture.sandbox, 'armor', `/apps/${workloadId}`, 'GET')).toHaveLength(2);
});

test("an unknown workload fails with Armor's 404", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'get', { workloadId: '999' }),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 404/);
});
