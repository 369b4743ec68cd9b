/** Location -> Get Many (nodes/Armor/actions/location/getMany.operation.ts): GET /locations?requireZone=. */
import * as data from '../../../sandbox/armorData';
import { ARMOR_NODE_TYPE, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);

function queries() {
	return requestsTo(fixture.sandbox, 'armor', '/locations', 'GET').map((r) => r.query);
}

test('Return All lists every location (with an API key); Limit cuts the list', async () => {
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('location', 'getMany', { returnAll: true }),
		credential: armorApiKeyCredential(),
	});
	expect(all).toEqual(data.ARMOR_LOCATIONS);

	const three = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('location', 'getMany', { limit: 3 }),
		credential: armorApiKeyCredential(),
	});
	expect(three).toEqual(data.ARMOR_LOCATIONS.slice(0, 3));
	expect(queries()).toEqual([{}, {}]);
});

test('Require Zone asks for the locations with a zone only', async () => {
	const zoned = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('location', 'getMany', {
			returnAll: true,
			options: { requireZone: true },
		}),
		credential: armorCredential(),
	});
	expect(zoned).toEqual(data.ARMOR_LOCATIONS.filter((location) => location.zones.length > 0));
	expect(zoned.length).toBeLessThan(data.ARMOR_LOCATIONS.length);
	expect(queries()).toEqual([{ requireZone: 'true' }]);
});
