import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { readUserTarget, userLocatorField, usernamePlacementOption } from '../../userTarget';

export const updateUsername: OperationDefinition = {
	name: 'Update Username',
	description: "Change a user's username",
	action: 'Update the username of a user',
	properties: [
		userLocatorField,
		{
			displayName: 'New Username',
			name: 'newUsername',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. new.name@example.com',
		},
		optionsCollection([usernamePlacementOption]),
	],
	async execute(itemIndex) {
		const newUsername = String(this.getNodeParameter('newUsername', itemIndex, '') ?? '').trim();
		if (!newUsername) {
			throw new NodeOperationError(this.getNode(), 'Enter the new username.', { itemIndex });
		}
		const target = readUserTarget.call(this, itemIndex);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'PUT',
			path: `/{apiVersion}/users/${target.segment}`,
			headers: target.headers,
			qs: target.qs,
			body: { new_username: newUsername },
		})) as IDataObject;
	},
};
