/** Firewall -> Get Rules (nodes/Armor/actions/firewall/getRules.operation.ts): `{total, page, items}` pages. */
import {
	ARMOR_FIREWALL_RULES_PER_FIREWALL,
	armorFirewallRule,
	armorOvdcId,
} from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);
const OVDC = armorOvdcId(ARMOR_DEMO_USER.accounts[0].id, 2);
const PATH = `/firewall/${OVDC}/rules`;

function pagesAsked(): Array<string | null> {
	return requestsTo(fixture.sandbox, 'armor', PATH).map((request) =>
		new URL(request.url, 'http://x').searchParams.get('page'),
	);
}

test('Return All reads every page, raw with Simplify off', async () => {
	const rules = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('firewall', 'getRules', {
			ovdcId: String(OVDC),
			returnAll: true,
			simplify: false,
		}),
		credential: armorCredential(),
	});
	expect(rules).toEqual(
		Array.from({ length: ARMOR_FIREWALL_RULES_PER_FIREWALL }, (_, i) =>
			armorFirewallRule(OVDC, i + 1),
		),
	);
	expect(pagesAsked()).toEqual(['1', '2', '3']);
});

test('Limit stops inside the second page; rules are simplified by default', async () => {
	const rules = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('firewall', 'getRules', { ovdcId: String(OVDC), limit: 12 }),
		credential: armorCredential(),
	});
	expect(rules.map((rule) => rule.id)).toEqual(
		Array.from({ length: 12 }, (_, i) => armorFirewallRule(OVDC, i + 1).id),
	);
	expect(Object.keys(rules[0]).sort()).toEqual(
		[
			'action',
			'description',
			'destination',
			'direction',
			'disabled',
			'id',
			'name',
			'ovdcId',
			'service',
			'source',
		].sort(),
	);
	expect(pagesAsked()).toEqual(['1', '2']);
});
