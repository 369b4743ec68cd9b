import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

export const getOverallScore: OperationDefinition = {
	name: 'Get Overall Score',
	description:
		"Get the account's overall security score and rating, with the score of each category",
	action: 'Get the overall security score',
	properties: [armorOptions()],
	async execute(itemIndex) {
		return (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: '/core/security-dashboard/stats/overall',
		})) as IDataObject;
	},
};
