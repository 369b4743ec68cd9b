/** Workload -> Update (nodes/Armor/actions/workload/update.operation.ts): PUT /apps/{id} {id, name}. */
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
const WORKLOAD_ID = data.armorWorkloadId(ARMOR_DEMO_USER.accounts[0].id, 2);

test('renames the workload (with an API key), and Get shows the new name', async () => {
	const credential = armorApiKeyCredential();
	const [updated] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'update', {
			workloadId: String(WORKLOAD_ID),
			name: 'Billing v2',
		}),
		credential,
	});
	expect(updated).toMatchObject({ id: WORKLOAD_ID, name: 'Billing v2' });
	const [put] = requestsTo(fixture.sandbox, 'armor', `/apps/${WORKLOAD_ID}`, 'PUT');
	expect(JSON.parse(put.body)).toEqual({ id: WORKLOAD_ID, name: 'Billing v2' });

	const [workload] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'get', { workloadId: String(WORKLOAD_ID) }),
		credential,
	});
	expect(workload.name).toBe('Billing v2');
});

test("a name another workload has is refused with Armor's 400", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'update', {
			workloadId: String(WORKLOAD_ID),
			name: 'customer portal',
		}),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 400/);
});
