/** Virtual Machine -> Rename (nodes/Armor/actions/virtualMachine/rename.operation.ts): PUT /vms/{id}. */
import { NodeOperationError } from 'n8n-workflow';

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
const VM_ID = data.armorVmId(ARMOR_DEMO_USER.accounts[0].id, 2);

test('renames the VM (signed with an API key), and Get shows the new name', async () => {
	const credential = armorApiKeyCredential();
	const [renamed] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'rename', {
			vmId: String(VM_ID),
			name: '  web-frontend  ',
		}),
		credential,
	});
	expect(renamed).toMatchObject({ id: VM_ID, name: 'web-frontend' });
	const [put] = requestsTo(fixture.sandbox, 'armor', `/vms/${VM_ID}`, 'PUT');
	expect(JSON.parse(put.body)).toEqual({ id: VM_ID, name: 'web-frontend' });

	const [vm] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'get', { vmId: String(VM_ID) }),
		credential,
	});
	expect(vm.name).toBe('web-frontend');
});

test('an ID that is not a number or an empty name is refused before any request', async () => {
	const notNumber = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'rename', { vmId: 'web-02', name: 'x' }),
		credential: armorCredential(),
	});
	expect(notNumber).toBeInstanceOf(NodeOperationError);
	expect(notNumber.message).toMatch(/VM ID must be a whole number/);

	const noName = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'rename', { vmId: String(VM_ID), name: ' ' }),
		credential: armorCredential(),
	});
	expect(noName.message).toBe('Enter the New Name: it is empty.');
	expect(requestsTo(fixture.sandbox, 'armor', `/vms/${VM_ID}`)).toHaveLength(0);
});
