import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

export const getSeverityCounts: OperationDefinition = {
	name: 'Get Severity Counts',
	description: "Count the account's security incidents per severity (one item per severity)",
	action: 'Get security incident counts by severity',
	properties: [armorOptions()],
	async execute(itemIndex) {
		const counts = await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: '/security-incidents/severity-count',
		});
		return Array.isArray(counts) ? (counts as IDataObject[]) : [counts as IDataObject];
	},
};
