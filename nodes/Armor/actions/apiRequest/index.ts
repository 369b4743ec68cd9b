import type { INodeProperties } from 'n8n-workflow';

import { apiRequestFields, apiRequestOperation } from '../../../shared/apiRequest';
import { accountContextOption, armorApi } from '../../armorApi';

export const apiRequestOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['apiRequest'] } },
	options: [
		{
			name: 'Send',
			value: 'send',
			description: 'Call any Armor API endpoint with this credential',
			action: 'Send an API request',
		},
	],
	default: 'send',
};

export const apiRequestFieldsForArmor: INodeProperties[] = apiRequestFields(
	{ resource: ['apiRequest'], operation: ['send'] },
	{ path: '/accounts', description: 'Path relative to the credential\'s base URL, e.g. /tickets/list' },
	[accountContextOption],
);

export const apiRequestExecutors = { send: apiRequestOperation(armorApi) };
