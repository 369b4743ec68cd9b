/** Virtual Machine -> Power Off (nodes/Armor/actions/virtualMachine/powerOff.operation.ts): POST /vms/{id}/power/off. */
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
const { armorCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

test('powers a running VM off, and Get shows it off', async () => {
	const vmId = String(data.armorVmId(ACCOUNT, 3));
	const [answer] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'powerOff', { vmId }),
		credential: armorCredential(),
	});
	expect(answer).toMatchObject({ id: Number(vmId), status: 8 });
	expect(requestsTo(fixture.sandbox, 'armor', `/vms/${vmId}/power/off`, 'POST')).toHaveLength(1);

	const [vm] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'get', { vmId }),
		credential: armorCredential(),
	});
	expect(vm.powerState).toBe('off');
});

test("a VM that is already off is refused with Armor's 400", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'powerOff', {
			vmId: String(data.armorVmId(ACCOUNT, 5)),
		}),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 400/);
});
