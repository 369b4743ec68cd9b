/** Virtual Machine -> Power On (nodes/Armor/actions/virtualMachine/powerOn.operation.ts): POST /vms/{id}/power/on. */
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

test('powers on a powered-off VM (with an API key), and Get shows it on', async () => {
	const vmId = String(data.armorVmId(ACCOUNT, 5));
	const [answer] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'powerOn', { vmId }),
		credential: armorApiKeyCredential(),
	});
	expect(answer).toMatchObject({ id: Number(vmId), status: 4 });
	expect(requestsTo(fixture.sandbox, 'armor', `/vms/${vmId}/power/on`, 'POST')).toHaveLength(1);

	const [vm] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'get', { vmId }),
		credential: armorCredential(),
	});
	expect(vm.powerState).toBe('on');
});

test("a VM that is already on is refused with Armor's 400", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'powerOn', {
			vmId: String(data.armorVmId(ACCOUNT, 1)),
		}),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 400/);
});
