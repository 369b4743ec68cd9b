import type { IDataObject } from 'n8n-workflow';

import { idField, optionsCollection, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { readUserTarget, userLocatorField, usernamePlacementOption } from '../../userTarget';

export const credentialIdField = idField(
	'Credential ID',
	'credentialId',
	'ca000000-0000-4000-8000-000000000101',
	'The credential_id Get Credentials returned',
);

export const getCredential: OperationDefinition = {
	name: 'Get Credential',
	description: "Get one of a user's credentials by its ID",
	action: 'Get a credential of a user',
	properties: [userLocatorField, credentialIdField, optionsCollection([usernamePlacementOption])],
	async execute(itemIndex) {
		const target = readUserTarget.call(this, itemIndex);
		const credentialId = readPathId.call(this, 'credentialId', 'Credential ID', itemIndex);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/{apiVersion}/users/${target.segment}/credentials/${credentialId}`,
			headers: target.headers,
			qs: target.qs,
		})) as IDataObject;
	},
};
