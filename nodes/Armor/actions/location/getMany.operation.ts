import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: "List Armor's data center locations and their zones",
	action: 'Get many locations',
	properties: [
		...returnAllOrLimit,
		armorListOptions([
			{
				displayName: 'Require Zone',
				name: 'requireZone',
				type: 'boolean',
				default: false,
				description: 'Whether to list only the locations that have at least one zone',
			},
		]),
	],
	async execute(itemIndex) {
		// Sent only when the option was added, so Armor's own default applies otherwise.
		const { requireZone } = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return await armorList.call(
			this,
			itemIndex,
			{
				method: 'GET',
				path: '/locations',
				...(typeof requireZone === 'boolean' ? { qs: { requireZone } } : {}),
			},
			wholeArray,
		);
	},
};
