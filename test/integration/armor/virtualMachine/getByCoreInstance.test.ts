/** Virtual Machine -> Get by Core Instance (nodes/Armor/actions/virtualMachine/getByCoreInstance.operation.ts). */
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

test("finds the VM an agent runs on by the agent's core instance ID", async () => {
	const vm = data.armorVm(ACCOUNT, 4);
	const [found] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'getByCoreInstance', {
			coreInstanceId: vm.coreInstanceId,
		}),
		credential: armorApiKeyCredential(),
	});
	expect(found).toMatchObject({ id: vm.id, name: vm.name, coreInstanceId: vm.coreInstanceId });
	expect(Object.keys(found)).toHaveLength(10);
	expect(
		requestsTo(fixture.sandbox, 'armor', `/vms/core/${vm.coreInstanceId}`, 'GET'),
	).toHaveLength(1);

	const [raw] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'getByCoreInstance', {
			coreInstanceId: vm.coreInstanceId,
			simplify: false,
		}),
		credential: armorApiKeyCredential(),
	});
	expect(raw).toEqual(vm);
});

test("an unknown core instance fails with Armor's 404", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'getByCoreInstance', {
			coreInstanceId: 'c0000000-0000-4000-8000-999999999999',
		}),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 404/);
});
