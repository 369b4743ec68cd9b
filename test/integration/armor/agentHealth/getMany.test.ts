/** Agent Health -> Get Many (nodes/Armor/actions/agentHealth/), on the v2 agent management service. */
import { AGENT_HEALTH_PER_ACCOUNT } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);

test('lists every agent, or only the unregistered ones, and Limit cuts the whole list', async () => {
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('agentHealth', 'getMany', { returnAll: true }),
		credential: armorCredential(),
	});
	expect(all).toHaveLength(AGENT_HEALTH_PER_ACCOUNT);

	const unregistered = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('agentHealth', 'getMany', {
			returnAll: true,
			options: { registered: 'false' },
		}),
		credential: armorCredential(),
	});
	expect(unregistered.length).toBeGreaterThan(0);
	expect(unregistered.every((agent) => agent.IsRegistered === 'false')).toBe(true);
	const [, second] = requestsTo(
		fixture.sandbox,
		'services',
		'/agent-management/healthmonitoringstatus',
	);
	expect(new URL(second.url, 'http://x').searchParams.get('registered')).toBe('false');

	const two = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('agentHealth', 'getMany', { returnAll: false, limit: 2 }),
		credential: armorCredential(),
	});
	expect(two).toEqual(all.slice(0, 2));
});
