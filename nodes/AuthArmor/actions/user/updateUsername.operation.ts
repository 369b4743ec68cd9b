import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { readRequestSettings } from '../../../shared/requestSettings';
import { apiRequest } from '../../../shared/transport';
import { authArmorApi } from '../../authArmorApi';
import { readUserTarget, userIdentifierFields, usernamePlacementOption } from '../../userTarget';

const show = { resource: ['user'], operation: ['updateUsername'] };

export const updateUsernameFields: INodeProperties[] = [
	...userIdentifierFields(show),
	{
		displayName: 'New Username',
		name: 'newUsername',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. new.name@example.com',
		displayOptions: { show },
	},
	optionsCollection(show, [usernamePlacementOption]),
];

export async function updateUsername(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	const newUsername = String(this.getNodeParameter('newUsername', itemIndex, '') ?? '').trim();
	if (!newUsername) {
		throw new NodeOperationError(this.getNode(), 'Enter the new username.', { itemIndex });
	}
	const target = readUserTarget.call(this, itemIndex);
	return (await apiRequest.call(
		this,
		authArmorApi,
		{
			method: 'PUT',
			path: `/{apiVersion}/users/${target.segment}`,
			headers: target.headers,
			qs: target.qs,
			body: { new_username: newUsername },
		},
		readRequestSettings.call(this, itemIndex),
	)) as IDataObject;
}
