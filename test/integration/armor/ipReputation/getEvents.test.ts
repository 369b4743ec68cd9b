/** IP Reputation -> Get Events (nodes/Armor/actions/ipReputation/getEvents.operation.ts): `?page=` paging. */
import { ARMOR_IPRM_EVENTS_PER_ACCOUNT, armorIprmEvent } from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

function pagesAsked(): Array<string | null> {
	return requestsTo(fixture.sandbox, 'armor', '/iprm/events').map((request) =>
		new URL(request.url, 'http://x').searchParams.get('page'),
	);
}

test('Return All reads every page, raw with Simplify off', async () => {
	const events = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ipReputation', 'getEvents', { returnAll: true, simplify: false }),
		credential: armorCredential(),
	});
	expect(events).toEqual(
		Array.from({ length: ARMOR_IPRM_EVENTS_PER_ACCOUNT }, (_, i) => armorIprmEvent(ACCOUNT, i + 1)),
	);
	expect(pagesAsked()).toEqual(['1', '2']);
});

test('Limit stops inside the second page, simplified, with an API key', async () => {
	const events = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ipReputation', 'getEvents', { limit: 12 }),
		credential: armorApiKeyCredential(),
	});
	expect(events).toHaveLength(12);
	for (const [i, event] of events.entries()) {
		expect(Object.keys(event).sort()).toEqual(
			Object.keys(armorIprmEvent(ACCOUNT, 1))
				.filter((key) => key !== 'accountId' && key !== 'vmId')
				.sort(),
		);
		expect(armorIprmEvent(ACCOUNT, i + 1)).toMatchObject(event);
	}
	expect(pagesAsked()).toEqual(['1', '2']);
	expect(header(requestsTo(fixture.sandbox, 'armor', '/iprm/events')[0], 'authorization')).toMatch(
		/^ARMOR-PSK /,
	);
});
