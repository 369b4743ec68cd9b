/** Firewall -> Enable Rule (nodes/Armor/actions/firewall/enableRule.operation.ts): PUT {disabled: false}. */
import { NodeOperationError } from 'n8n-workflow';

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
// Every 7th rule starts disabled.
const RULE = armorFirewallRule(OVDC, 7);

test('enables a disabled rule, and Get Rules reads it back enabled', async () => {
	expect(RULE.disabled).toBe(true);
	const credential = armorCredential();
	const [rule] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('firewall', 'enableRule', { ruleId: String(RULE.id) }),
		credential,
	});
	expect(rule).toEqual({ ...RULE, disabled: false });
	const [put] = requestsTo(fixture.sandbox, 'armor', `/firewall/rules/${RULE.id}`, 'PUT');
	expect(JSON.parse(put.body)).toEqual({ disabled: false });

	const rules = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('firewall', 'getRules', { ovdcId: String(OVDC), limit: 10 }),
		credential,
	});
	expect(rules.find((r) => r.id === RULE.id)?.disabled).toBe(false);
});

test('an empty Rule ID is refused before any request', async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('firewall', 'enableRule', { ruleId: '' }),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toBe('Enter the Rule ID: it is empty.');
	expect(requestsTo(fixture.sandbox, 'armor', undefined, 'PUT')).toHaveLength(0);
});
