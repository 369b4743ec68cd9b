import type { OperationDefinition } from '../../../shared/operation';
import { armorOptions } from '../../descriptions';
import { ruleIdField, setRuleDisabled } from './enableRule.operation';

export const disableRule: OperationDefinition = {
	name: 'Disable Rule',
	description:
		'Turn a firewall rule off: the firewall ignores it until it is enabled again (nothing is deleted)',
	action: 'Disable a firewall rule',
	properties: [ruleIdField, armorOptions()],
	async execute(itemIndex) {
		return await setRuleDisabled.call(this, itemIndex, true);
	},
};
