/** Log Management -> Get Many (nodes/Armor/actions/logManagement/getMany.operation.ts): GET /log-management. */
import { armorLogManagement } from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

test('lists the subscriptions with an API key, and Limit cuts the list', async () => {
	const expected = armorLogManagement(ACCOUNT);
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('logManagement', 'getMany', { returnAll: true }),
		credential: armorApiKeyCredential(),
	});
	expect(all).toEqual(expected);
	expect(expected.length).toBeGreaterThan(1);

	const one = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('logManagement', 'getMany', { limit: 1 }),
		credential: armorApiKeyCredential(),
	});
	expect(one).toEqual(expected.slice(0, 1));
	const [request] = requestsTo(fixture.sandbox, 'armor', '/log-management');
	expect(header(request, 'authorization')).toMatch(/^ARMOR-PSK /);
});
