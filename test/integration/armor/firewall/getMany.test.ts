/** Firewall -> Get Many (nodes/Armor/actions/firewall/getMany.operation.ts): GET /firewalls. */
import { ARMOR_FIREWALLS_PER_ACCOUNT, armorFirewall } from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

test('lists the firewalls with an API key, and Limit cuts the list', async () => {
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('firewall', 'getMany', { returnAll: true }),
		credential: armorApiKeyCredential(),
	});
	expect(all).toEqual(
		Array.from({ length: ARMOR_FIREWALLS_PER_ACCOUNT }, (_, i) => armorFirewall(ACCOUNT, i + 1)),
	);

	const one = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('firewall', 'getMany', { limit: 1 }),
		credential: armorApiKeyCredential(),
	});
	expect(one).toEqual(all.slice(0, 1));
	for (const request of requestsTo(fixture.sandbox, 'armor', '/firewalls')) {
		expect(header(request, 'authorization')).toMatch(/^ARMOR-PSK /);
	}
});
