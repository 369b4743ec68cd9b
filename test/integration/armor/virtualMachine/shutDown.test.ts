/** Virtual Machine -> Shut Down (nodes/Armor/actions/virtualMachine/shutDown.operation.ts): POST /vms/{id}/power/shutdown. */
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

test('shuts a running VM down, and Get shows it off', async () => {
	const vmId = String(data.armorVmId(ACCOUNT, 1));
	const [answer] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'shutDown', { vmId }),
		credential: armorCredential(),
	});
	expect(answer).toMatchObject({ id: Number(vmId), status: 8 });
	expect(requestsTo(fixture.sandbox, 'armor', `/vms/${vmId}/power/shutdown`, 'POST')).toHaveLength(
		1,
	);

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
		parameters: armorOperation('virtualMachine', 'shutDown', {
			vmId: String(data.armorVmId(ACCOUNT, 5)),
		}),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 400/);
});
