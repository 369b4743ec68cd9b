import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

export const getStatistics: OperationDefinition = {
	name: 'Get Statistics',
	description: 'Count the machines per file integrity monitoring status (one item per status)',
	action: 'Get file integrity statistics',
	properties: [armorOptions()],
	async execute(itemIndex) {
		const counts = await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: '/core/fim/statistics',
		});
		return Array.isArray(counts) ? (counts as IDataObject[]) : [counts as IDataObject];
	},
};
