import type { INodeProperties } from 'n8n-workflow';

import { getMe, getMeFields } from './getMe.operation';

export const identityOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['identity'] } },
	options: [
		{
			name: 'Get Me',
			value: 'getMe',
			description: 'Get the logged-in user and the accounts it can act on',
			action: 'Get the current user',
		},
	],
	default: 'getMe',
};

export const identityFields: INodeProperties[] = [...getMeFields];

export const identityExecutors = { getMe };
