import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/operation';
import { armorOptions } from '../../descriptions';
import { armorRequest, normalizeMe } from '../../armorRequest';

export const getMe: OperationDefinition = {
	name: 'Get Me',
	description: 'Get the logged-in user and the accounts it can act on',
	action: 'Get the current user',
	properties: [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{
					name: 'User With Accounts',
					value: 'user',
					description:
						'One item: the user, with its accounts, departments, permissions and features',
				},
				{
					name: 'One Item per Account',
					value: 'accounts',
					description: 'One item for each account the user can act on',
				},
			],
			default: 'user',
		},
		armorOptions(),
	],
	async execute(itemIndex) {
		const response = (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: '/me',
		})) as IDataObject;
		const me = normalizeMe(response ?? {});
		if (this.getNodeParameter('output', itemIndex, 'user') === 'accounts') {
			return (me.accounts as IDataObject[]).map((account) => ({
				...account,
				userId: (me.user as IDataObject).id,
			}));
		}
		return me;
	},
};
