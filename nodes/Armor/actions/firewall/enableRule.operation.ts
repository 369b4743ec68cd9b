import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idField, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

export const ruleIdField = idField(
	'Rule ID',
	'ruleId',
	'100150101',
	'ID of the firewall rule (Get Rules lists them)',
);

/** `PUT /firewall/rules/{ruleId}` with `{disabled}`; Armor answers with the rule. */
export async function setRuleDisabled(
	this: IExecuteFunctions,
	itemIndex: number,
	disabled: boolean,
): Promise<IDataObject> {
	const ruleId = readPathId.call(this, 'ruleId', 'Rule ID', itemIndex);
	return (await armorRequest.call(this, itemIndex, {
		method: 'PUT',
		path: `/firewall/rules/${ruleId}`,
		body: { disabled },
	})) as IDataObject;
}

export const enableRule: OperationDefinition = {
	name: 'Enable Rule',
	description: 'Turn a firewall rule on (the firewall applies it again)',
	action: 'Enable a firewall rule',
	properties: [ruleIdField, armorOptions()],
	async execute(itemIndex) {
		return await setRuleDisabled.call(this, itemIndex, false);
	},
};
