/** Firewall -> Disable Rule (nodes/Armor/actions/firewall/disableRule.operation.ts): PUT {disabled: true}. */
import { armorFirewallRule, armorOvdcId } from '../../../sandbox/armorData';
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
const { armorCredential } = armorHelpers(fixture);
const OVDC = armorOvdcId(ARMOR_DEMO_USER.accounts[0].id, 1);
const RULE = armorFirewallRule(OVDC, 1);

test('disables a rule, and Get Rules reads it back disabled', async () => {
	expect(RULE.disabled).toBe(false);
	const credential = armorCredential();
	const [rule] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('firewall', 'disableRule', { ruleId: String(RULE.id) }),
		credential,
	});
	expect(rule).toEqual({ ...RULE, disabled: true });
	const [put] = requestsTo(fixture.sandbox, 'armor', `/firewall/rules/${RULE.id}`, 'PUT');
	expect(JSON.parse(put.body)).toEqual({ disabled: true });

	const [first] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('firewall', 'getRules', { ovdcId: String(OVDC), limit: 1 }),
		credential,
	});
	expect(first).toMatchObject({ id: RULE.id, disabled: true });
});

test("a rule of another account's firewall is Armor's 404", async () => {
	const other = armorFirewallRule(armorOvdcId(ARMOR_DEMO_USER.accounts[1].id, 1), 1);
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('firewall', 'disableRule', { ruleId: String(other.id) }),
		credential: armorCredential(),
	});
	expect(error.message).toBe(`Armor answered 404: Firewall rule ${other.id} was not found.`);
});
