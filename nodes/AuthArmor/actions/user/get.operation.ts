import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { readUserTarget, userLocatorField, usernamePlacementOption } from '../../userTarget';

export const get: OperationDefinition = {
	name: 'Get',
	description: 'Get a user by username or ID',
	action: 'Get a user',
	properties: [userLocatorField, optionsCollection([usernamePlacementOption])],
	async execute(itemIndex) {
		const target = readUserTarget.call(this, itemIndex);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/{apiVersion}/users/${target.segment}`,
			headers: target.headers,
			qs: target.qs,
		})) as IDataObject;
	},
};
