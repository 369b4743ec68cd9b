/** Virtual Machine -> Reboot (nodes/Armor/actions/virtualMachine/reboot.operation.ts): POST /vms/{id}/power/reboot. */
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

test('reboots a running VM, which stays on', async () => {
	const vmId = String(data.armorVmId(ACCOUNT, 2));
	const [answer] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'reboot', { vmId }),
		credential: armorCredential(),
	});
	expect(answer).toMatchObject({ id: Number(vmId), status: 4 });
	expect(requestsTo(fixture.sandbox, 'armor', `/vms/${vmId}/power/reboot`, 'POST')).toHaveLength(1);

	const [vm] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'get', { vmId }),
		credential: armorCredential(),
	});
	expect(vm.powerState).toBe('on');
});

test("a powered-off VM cannot be rebooted: Armor's 400", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'reboot', {
			vmId: String(data.armorVmId(ACCOUNT, 5)),
		}),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 400/);
});
