/** Virtual Machine -> Get (nodes/Armor/actions/virtualMachine/get.operation.ts): simplified or raw. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as data from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	header,
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

test('Get returns the VM simplified by default, or as Armor sends it (with an API key)', async () => {
	const vm = data.armorVm(ACCOUNT, 3);
	const credential = armorApiKeyCredential();
	const [simple] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'get', { vmId: String(vm.id) }),
		credential,
	});
	expect(simple).toEqual({
		id: vm.id,
		name: vm.name,
		coreInstanceId: vm.coreInstanceId,
		status: 4,
		powerState: 'on',
		ipAddress: vm.ipAddress,
		os: vm.os,
		location: vm.location,
		appId: vm.appId,
		appName: vm.appName,
	});

	const [raw] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'get', { vmId: String(vm.id), simplify: false }),
		credential,
	});
	expect(raw).toEqual(vm);
	const requests = requestsTo(fixture.sandbox, 'armor', `/vms/${vm.id}`, 'GET');
	expect(requests).toHaveLength(2);
	expect(header(requests[0], 'authorization')).toMatch(/^ARMOR-PSK /);
});

test("an unknown VM fails with Armor's 404; an empty ID is refused before any request", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'get', { vmId: '999' }),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 404/);

	fixture.sandbox.clearRequests();
	const empty = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'get', { vmId: ' ' }),
		credential: armorCredential(),
	});
	expect(empty).toBeInstanceOf(NodeOperationError);
	expect(empty.message).toBe('Enter the VM ID: it is empty.');
	expect(fixture.sandbox.requests.filter((r) => r.path.startsWith('/vms'))).toHaveLength(0);
});
