import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { NEEDS_LOGIN } from './getApiKeys.operation';
import { userIdField } from './get.operation';

export const createApiKey: OperationDefinition = {
	name: 'Create API Key',
	description: `Create an API key for a user. Its secret is in the output only this once: put it straight into an Armor API Key credential. ${NEEDS_LOGIN}`,
	action: 'Create an API key for a user',
	properties: [
		userIdField,
		{
			displayName: 'Key Name',
			name: 'keyName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. n8n nightly report',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description: 'What the key is for, as Armor shows it beside the key',
				},
			],
		},
		armorOptions(),
	],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'userId', 'User ID', itemIndex);
		const name = String(this.getNodeParameter('keyName', itemIndex, '') ?? '').trim();
		if (!name) {
			throw new NodeOperationError(this.getNode(), 'Enter the Key Name: it is empty.', {
				itemIndex,
			});
		}
		const description = String(
			this.getNodeParameter('additionalFields.description', itemIndex, '') ?? '',
		).trim();
		return (await armorRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/users/${id}/keys`,
			body: { name, ...(description ? { description } : {}) },
		})) as IDataObject;
	},
};
