/** Virtual Machine (V2) -> Get Many (nodes/Armor/actions/virtualMachineV2/), `top`/`skip` paging. */
import { INFRASTRUCTURE_VMS_PER_ACCOUNT } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorApiKeyCredential } = armorHelpers(fixture);

test('Return All pages with top/skip; Limit stops across a page boundary; Search is sent', async () => {
	fixture.sandbox.configure({ pageSizeCap: 8 });
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachineV2', 'getMany', { returnAll: true }),
		credential: armorApiKeyCredential(),
	});
	expect(all).toHaveLength(INFRASTRUCTURE_VMS_PER_ACCOUNT);
	const skips = requestsTo(fixture.sandbox, 'services', '/infrastructure/virtual-machines').map(
		(request) => new URL(request.url, 'http://x').searchParams.get('skip'),
	);
	expect(skips).toEqual(['0', '8', '16', '24']);

	const some = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachineV2', 'getMany', { returnAll: false, limit: 10 }),
		credential: armorApiKeyCredential(),
	});
	expect(some).toEqual(all.slice(0, 10));

	const found = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('virtualMachineV2', 'getMany', {
			returnAll: true,
			options: { search: String(all[3].hostName) },
		}),
		credential: armorApiKeyCredential(),
	});
	expect(found.map((vm) => vm.hostName)).toContain(all[3].hostName);
	expect(found.length).toBeLessThan(all.length);
});
