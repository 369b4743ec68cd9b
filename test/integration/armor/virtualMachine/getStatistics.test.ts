/** Virtual Machine -> Get Statistics (nodes/Armor/actions/virtualMachine/getStatistics.operation.ts). */
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
const VM_ID = data.armorVmId(ARMOR_DEMO_USER.accounts[0].id, 1);
const PATH = `/stats/vms/${VM_ID}`;

test('sends the interval and range it is given, and nothing it is not', async () => {
	const [week] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'getStatistics', {
			vmId: String(VM_ID),
			options: {
				interval: 'day',
				startDate: '2024-01-01T00:00:00Z',
				endDate: '2024-01-08T00:00:00Z',
			},
		}),
		credential: armorApiKeyCredential(),
	});
	expect(week).toMatchObject({ vmId: VM_ID, interval: 'day' });
	expect(week.samples).toHaveLength(7);
	expect(requestsTo(fixture.sandbox, 'armor', PATH)[0].query).toEqual({
		interval: 'day',
		startDate: '2024-01-01T00:00:00Z',
		endDate: '2024-01-08T00:00:00Z',
	});

	const [recent] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'getStatistics', { vmId: String(VM_ID) }),
		credential: armorApiKeyCredential(),
	});
	expect(recent).toMatchObject({ interval: 'hour' });
	expect(recent.samples).toHaveLength(24);
	expect(requestsTo(fixture.sandbox, 'armor', PATH)[1].query).toEqual({});
});

test('a date that is not one is refused before any request', async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachine', 'getStatistics', {
			vmId: String(VM_ID),
			options: { startDate: 'last tuesday' },
		}),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toBe('Start Date is not a date: "last tuesday".');
	expect(requestsTo(fixture.sandbox, 'armor', PATH)).toHaveLength(0);
});
