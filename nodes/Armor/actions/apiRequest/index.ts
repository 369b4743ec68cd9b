import type { INodeProperties } from 'n8n-workflow';

import {
	apiRequestFields,
	apiRequestOperation,
	apiRequestOperationProperty,
} from '../../../shared/apiRequest';
import { accountContextOption, armorApi, readAccountContext } from '../../armorApi';

export const apiRequestOperations = apiRequestOperationProperty('Armor');

export const apiRequestFieldsForArmor: INodeProperties[] = apiRequestFields(
	{ resource: ['apiRequest'], operation: ['send'] },
	{
		path: '/accounts',
		description: "Path relative to the credential's base URL, e.g. /tickets/list",
	},
	[accountContextOption],
);

export const apiRequestExecutors = {
	send: apiRequestOperation(armorApi, function (request, itemIndex) {
		return { ...request, accountContext: readAccountContext.call(this, itemIndex) };
	}),
};
