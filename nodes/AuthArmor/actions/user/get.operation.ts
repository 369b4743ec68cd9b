import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { readRequestSettings } from '../../../shared/requestSettings';
import { apiRequest } from '../../../shared/transport';
import { authArmorApi } from '../../authArmorApi';
import { readUserTarget, userIdentifierFields, usernamePlacementOption } from '../../userTarget';

export const get: OperationDefinition = {
	name: 'Get',
	description: 'Get a user by username or ID',
	action: 'Get a user',
	properties: [...userIdentifierFields(), optionsCollection([usernamePlacementOption])],
	async execute(itemIndex) {
		const target = readUserTarget.call(this, itemIndex);
		return (await apiRequest.call(
			this,
			authArmorApi,
			{
				method: 'GET',
				path: `/{apiVersion}/users/${target.segment}`,
				headers: target.headers,
				qs: target.qs,
			},
			readRequestSettings.call(this, itemIndex),
		)) as IDataObject;
	},
};
