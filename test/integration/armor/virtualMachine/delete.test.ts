/**
 * Virtual Machine -> Delete (nodes/Armor/actions/virtualMachine/delete.operation.ts): DELETE /vms/{id} with the
 * confirmation body, its accountId the account the request acts on.
 */
import { NodeApiError } from 'n8n-workflow';

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
const [MAIN, CHILD] = ARMOR_DEMO_USER.accounts;

function deleteVm(vmId: number, options = {}) {
	return armorOperation('virtualMachine', 'delete', { vmId: String(vmId), options });
}

function sentBody(vmId: number) {
	const [request] = requestsTo(fixture.sandbox, 'armor', `/vms/${vmId}`, 'DELETE');
	return {
		body: JSON.parse(request.body) as unknown,
		context: header(request, 'x-account-context'),
	};
}

test('a running VM is kept without "Delete Even If Running", deleted with it; Get then fails', async () => {
	const vmId = data.armorVmId(MAIN.id, 1);
	const refused = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: deleteVm(vmId),
		credential: armorCredential(),
	});
	expect(refused).toBeInstanceOf(NodeApiError);
	expect(refused.message).toMatch(/^Armor answered 400/);
	expect(sentBody(vmId).body).toEqual({
		accountId: MAIN.id,
		vmId,
		userEmail: ARMOR_DEMO_USER.username,
		isActive: false,
		deleteNow: false,
	});

	fixture.sandbox.clearRequests();
	const [deleted] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: deleteVm(vmId, { isActive: true, deleteNow: true }),
		credential: armorCredential(),
	});
	expect(deleted).toMatchObject({ deleted: true, id: vmId, deleteNow: true });
	expect(deleted.vm).toMatchObject({ id: vmId, isDeleted: true });
	expect(sentBody(vmId).body).toMatchObject({
		accountId: MAIN.id,
		isActive: true,
		deleteNow: true,
	});

	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'getMany', { returnAll: true }),
		credential: armorCredential(),
	});
	expect(all.map((vm) => vm.id)).not.toContain(vmId);
	expect(all).toHaveLength(data.ARMOR_VMS_PER_ACCOUNT - 1);
});

test("the body's accountId follows the node's Account Context, else the credential's Account ID", async () => {
	const inChild = data.armorVmId(CHILD.id, 5); // powered off: no isActive needed
	await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: deleteVm(inChild, { accountContext: { mode: 'id', value: String(CHILD.id) } }),
		credential: armorCredential(),
	});
	expect(sentBody(inChild)).toEqual({
		body: expect.objectContaining({ accountId: CHILD.id, vmId: inChild }),
		context: String(CHILD.id),
	});

	const alsoInChild = data.armorVmId(CHILD.id, 6);
	const [deleted] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: deleteVm(alsoInChild, { isActive: true }),
		credential: armorApiKeyCredential({ accountId: String(CHILD.id) }),
	});
	expect(deleted).toMatchObject({ deleted: true, id: alsoInChild, deleteNow: false });
	expect(sentBody(alsoInChild)).toEqual({
		body: {
			accountId: CHILD.id,
			vmId: alsoInChild,
			userEmail: ARMOR_DEMO_USER.username,
			isActive: true,
			deleteNow: false,
		},
		context: String(CHILD.id),
	});
});
