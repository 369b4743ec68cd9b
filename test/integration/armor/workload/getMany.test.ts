/** Workload -> Get Many (nodes/Armor/actions/workload/getMany.operation.ts): a whole array. */
import * as data from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);
const [MAIN, CHILD] = ARMOR_DEMO_USER.accounts;

test('Return All lists every workload; Limit cuts the list; raw keeps the tiers in full', async () => {
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'getMany', { returnAll: true }),
		credential: armorApiKeyCredential(),
	});
	expect(all.map((workload) => workload.name)).toEqual([
		'Customer Portal',
		'Billing Platform',
		'Management',
		'Sandbox',
	]);
	expect(all[3]).toMatchObject({ tierCount: 0, tiers: [] });

	const two = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'getMany', { limit: 2, simplify: false }),
		credential: armorApiKeyCredential(),
	});
	expect(two).toEqual([data.armorWorkload(MAIN.id, 1), data.armorWorkload(MAIN.id, 2)]);
	expect(requestsTo(fixture.sandbox, 'armor', '/apps', 'GET')).toHaveLength(2);
});

test('For Each Account lists the workloads of every account, tagged with it', async () => {
	const workloads = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('workload', 'getMany', {
			returnAll: true,
			options: { forEachAccount: true },
		}),
		credential: armorCredential(),
	});
	expect(workloads).toHaveLength(data.ARMOR_WORKLOADS_PER_ACCOUNT * 2);
	expect(workloads[data.ARMOR_WORKLOADS_PER_ACCOUNT]).toMatchObject({
		id: data.armorWorkloadId(CHILD.id, 1),
		forAccount: { id: CHILD.id, name: CHILD.name },
	});
	expect(
		requestsTo(fixture.sandbox, 'armor', '/apps').map((r) => header(r, 'x-account-context')),
	).toEqual([String(MAIN.id), String(CHILD.id)]);
});
