import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { readRequestSettings } from '../../../shared/requestSettings';
import { apiRequest } from '../../../shared/transport';
import { accountContextOption, armorApi, readAccountContext } from '../../armorApi';

/** `user` comes as an object or, in some API revisions, as a one-element array; currencies are space padded. */
export function normalizeMe(response: IDataObject): IDataObject {
	const user = Array.isArray(response.user)
		? ((response.user[0] as IDataObject) ?? {})
		: ((response.user as IDataObject) ?? {});
	const accounts = ((response.accounts as IDataObject[]) ?? []).map((account) => ({
		...account,
		...(typeof account.currency === 'string' ? { currency: account.currency.trim() } : {}),
	}));
	return {
		user,
		accounts,
		departments: response.departments ?? [],
		permissions: response.permissions ?? [],
		features: response.features ?? [],
	};
}

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
		optionsCollection([accountContextOption]),
	],
	async execute(itemIndex) {
		const response = (await apiRequest.call(
			this,
			armorApi,
			{ method: 'GET', path: '/me', accountContext: readAccountContext.call(this, itemIndex) },
			readRequestSettings.call(this, itemIndex),
		)) as IDataObject;
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
