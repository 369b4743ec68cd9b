/** Virtual Machine -> Get Many (nodes/Armor/actions/virtualMachine/getMany.operation.ts): a whole array. */
import * as data from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);
const [MAIN, CHILD] = ARMOR_DEMO_USER.accounts;

function getMany(parameters = {}) {
	return armorOperation('virtualMachine', 'getMany', parameters);
}

test('Return All lists every VM simplified; Limit cuts the list; raw keeps every field', async () => {
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: getMany({ returnAll: true }),
		credential: armorApiKeyCredential(),
	});
	expect(all.map((vm) => vm.id)).toEqual(data.armorVms(MAIN.id).map((vm) => vm.id));
	expect(all[4]).toMatchObject({ powerState: 'off', status: 8 });
	expect(Object.keys(all[0])).toHaveLength(10);

	const two = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: getMany({ returnAll: false, limit: 2, simplify: false }),
		credential: armorApiKeyCredential(),
	});
	expect(two).toEqual(data.armorVms(MAIN.id).slice(0, 2));
	expect(requestsTo(fixture.sandbox, 'armor', '/vms', 'GET')).toHaveLength(2);
});

test('For Each Account lists the VMs of every account, each tagged with its account', async () => {
	const vms = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: getMany({ returnAll: true, options: { forEachAccount: true } }),
		credential: armorCredential(),
	});
	expect(vms).toHaveLength(data.ARMOR_VMS_PER_ACCOUNT * 2);
	expect(vms[data.ARMOR_VMS_PER_ACCOUNT]).toMatchObject({
		id: data.armorVmId(CHILD.id, 1),
		forAccount: { id: CHILD.id, name: CHILD.name },
	});
	const contexts = requestsTo(fixture.sandbox, 'armor', '/vms').map((request) =>
		header(request, 'x-account-context'),
	);
	expect(contexts).toEqual([String(MAIN.id), String(CHILD.id)]);
});
