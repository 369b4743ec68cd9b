/**
 * Virtual Machine -> Power On, Shut Down, Reboot, Power Off, Force Off, Reset
 * (nodes/Armor/actions/virtualMachine/power.ts and its six operation files): POST /vms/{id}/power/{action}.
 * One table: each action's path, the state it leaves the VM in, and the state Armor refuses it from.
 */
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
/** VM 5 starts powered off; the others start on. */
const RUNNING = 3;
const OFF = 5;

const ACTIONS = [
	{ operation: 'powerOn', path: 'on', from: OFF, after: 'on', refusedFrom: 1 },
	{ operation: 'shutDown', path: 'shutdown', from: RUNNING, after: 'off', refusedFrom: OFF },
	{ operation: 'reboot', path: 'reboot', from: 2, after: 'on', refusedFrom: OFF },
	{ operation: 'powerOff', path: 'off', from: RUNNING, after: 'off', refusedFrom: OFF },
	{ operation: 'forceOff', path: 'forceOff', from: 4, after: 'off', refusedFrom: OFF },
	{ operation: 'reset', path: 'reset', from: 2, after: 'on', refusedFrom: OFF },
] as const;

describe.each(ACTIONS)('$operation', ({ operation, path, from, after, refusedFrom }) => {
	test(`POST /vms/{id}/power/${path}, and Get then shows the VM ${after}`, async () => {
		const vmId = String(data.armorVmId(ACCOUNT, from));
		// The API key signs these too (one of the two credentials per action, alternating).
		const credential =
			operation === 'powerOn' || operation === 'forceOff'
				? armorApiKeyCredential()
				: armorCredential();
		await runNodeJson({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: armorOperation('virtualMachine', operation, { vmId }),
			credential,
		});
		expect(requestsTo(fixture.sandbox, 'armor', `/vms/${vmId}/power/${path}`, 'POST')).toHaveLength(
			1,
		);

		const [vm] = await runNodeJson({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: armorOperation('virtualMachine', 'get', { vmId }),
			credential,
		});
		expect(vm.powerState).toBe(after);
	});

	test("from the wrong state it fails with Armor's 400", async () => {
		const error = await runNodeError({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: armorOperation('virtualMachine', operation, {
				vmId: String(data.armorVmId(ACCOUNT, refusedFrom)),
			}),
			credential: armorCredential(),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^Armor answered 400/);
	});
});
