import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

export const getOverview: OperationDefinition = {
	name: 'Get Overview',
	description:
		"Get the account's security figures: machines, anti-malware, file integrity, patching and incidents",
	action: 'Get the security dashboard overview',
	properties: [armorOptions()],
	async execute(itemIndex) {
		return (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: '/core/security-dashboard/stats/overview',
		})) as IDataObject;
	},
};
