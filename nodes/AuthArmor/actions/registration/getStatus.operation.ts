import type { IDataObject } from 'n8n-workflow';

import { optionsCollection, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { registrationIdField } from './fields';

export const getStatus: OperationDefinition = {
	name: 'Get Status',
	description:
		'Get the status of a registration (pending, pending validation, registered, declined, timed out)',
	action: 'Get the status of a registration',
	properties: [registrationIdField, optionsCollection()],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'registrationId', 'Registration ID', itemIndex);
		// The spec names this path parameter registration_Id; only the path matters on the wire.
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/{apiVersion}/users/registrations/${id}`,
		})) as IDataObject;
	},
};
