import type { IDataObject } from 'n8n-workflow';

import {
	idField,
	readPathId,
	readSimplify,
	returnAllOrLimit,
	simplifyField,
} from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { totalPageItemsStyle } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

/** What a rule does, out of its 13 fields (n8n's "Simplify"). */
function simplifyRule(rule: IDataObject): IDataObject {
	return {
		id: rule.id,
		ovdcId: rule.ovdcId,
		name: rule.name,
		action: rule.action,
		direction: rule.direction,
		source: rule.source,
		destination: rule.destination,
		service: rule.service,
		disabled: rule.disabled,
		description: rule.description,
	};
}

export const getRules: OperationDefinition = {
	name: 'Get Rules',
	description: "List a firewall's rules",
	action: "Get a firewall's rules",
	properties: [
		idField(
			'Org VDC ID',
			'ovdcId',
			'1001501',
			'The firewall\'s "ovdcId", as Get Many lists it (not its "id")',
		),
		...returnAllOrLimit,
		simplifyField,
		armorOptions(),
	],
	async execute(itemIndex) {
		const ovdcId = readPathId.call(this, 'ovdcId', 'Org VDC ID', itemIndex);
		const rules = await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: `/firewall/${ovdcId}/rules` },
			totalPageItemsStyle(),
		);
		return readSimplify.call(this, itemIndex) ? rules.map(simplifyRule) : rules;
	},
};
