import type { IDataObject } from 'n8n-workflow';

import { idField, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { NEEDS_LOGIN } from './getApiKeys.operation';
import { userIdField } from './get.operation';

export const deleteApiKey: OperationDefinition = {
	name: 'Delete API Key',
	description: `Permanently deletes a user's API key: whatever signs with it is refused from then on. ${NEEDS_LOGIN}`,
	action: "Delete a user's API key",
	properties: [
		userIdField,
		idField(
			'Key ID',
			'keyId',
			'f0000000-0000-4000-8000-000100160101',
			'ID of the API key (Get API Keys lists them)',
		),
		armorOptions(),
	],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'userId', 'User ID', itemIndex);
		const keyId = readPathId.call(this, 'keyId', 'Key ID', itemIndex);
		// Armor answers with the removed key: kept, so the output says which key went.
		const removed = (await armorRequest.call(this, itemIndex, {
			method: 'DELETE',
			path: `/users/${id}/keys/${keyId}`,
		})) as IDataObject | undefined;
		return {
			...(removed && typeof removed === 'object' ? removed : {}),
			deleted: true,
			id: removed?.id ?? decodeURIComponent(keyId),
		};
	},
};
