/** MDR Service Request -> Get Many (nodes/Armor/actions/mdrServiceRequest/getMany.operation.ts). */
import { MDR_SERVICE_REQUESTS_PER_ACCOUNT } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);

test('Return All over pages of 5, and Limit across a page boundary', async () => {
	fixture.sandbox.configure({ pageSizeCap: 5 });
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('mdrServiceRequest', 'getMany', { returnAll: true }),
		credential: armorCredential(),
	});
	expect(all).toHaveLength(MDR_SERVICE_REQUESTS_PER_ACCOUNT);
	expect(requestsTo(fixture.sandbox, 'services', '/mdr/service-requests')).toHaveLength(
		Math.ceil(MDR_SERVICE_REQUESTS_PER_ACCOUNT / 5),
	);

	fixture.sandbox.clearRequests();
	const some = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('mdrServiceRequest', 'getMany', { returnAll: false, limit: 7 }),
		credential: armorCredential(),
	});
	expect(some.map((request) => request.id)).toEqual(all.slice(0, 7).map((request) => request.id));
	expect(requestsTo(fixture.sandbox, 'services', '/mdr/service-requests')).toHaveLength(2);
});
