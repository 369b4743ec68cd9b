import type { INodeProperties } from 'n8n-workflow';

import { get, getFields } from './get.operation';
import { getMany, getManyFields } from './getMany.operation';
import { updateUsername, updateUsernameFields } from './updateUsername.operation';

export const userOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['user'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get a user by username or ID',
			action: 'Get a user',
		},
		{ name: 'Get Many', value: 'getMany', description: 'List the users', action: 'Get many users' },
		{
			name: 'Update Username',
			value: 'updateUsername',
			description: "Change a user's username",
			action: 'Update the username of a user',
		},
	],
	default: 'get',
};

export const userFields: INodeProperties[] = [
	...getFields,
	...getManyFields,
	...updateUsernameFields,
];

export const userExecutors = { get, getMany, updateUsername };
