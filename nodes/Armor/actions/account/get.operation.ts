import type { IDataObject } from 'n8n-workflow';

import { idField, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

export const get: OperationDefinition = {
	name: 'Get',
	description: 'Get one account by its ID',
	action: 'Get an account',
	properties: [
		idField(
			'Account ID',
			'accountId',
			'1001',
			'ID of the account (Get Me lists the accounts you can act on)',
		),
		armorOptions(),
	],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'accountId', 'Account ID', itemIndex);
		return (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/accounts/${id}`,
		})) as IDataObject;
	},
};
