import type { IDataObject } from 'n8n-workflow';

import { optionsCollection, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { readUserTarget, userLocatorField, usernamePlacementOption } from '../../userTarget';
import { credentialIdField } from './getCredential.operation';

export const disableCredential: OperationDefinition = {
	name: 'Disable Credential',
	description:
		"Disable one of a user's credentials (a lost phone, an old security key): the person can no longer sign in with it",
	action: 'Disable a credential of a user',
	properties: [userLocatorField, credentialIdField, optionsCollection([usernamePlacementOption])],
	async execute(itemIndex) {
		const target = readUserTarget.call(this, itemIndex);
		const credentialId = readPathId.call(this, 'credentialId', 'Credential ID', itemIndex);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/{apiVersion}/users/${target.segment}/credentials/${credentialId}/disable`,
			headers: target.headers,
			qs: target.qs,
		})) as IDataObject;
	},
};
