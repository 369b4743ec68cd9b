import type { IDataObject } from 'n8n-workflow';

import { optionsCollection, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { readRequiredText } from '../../fields';
import { registrationIdField, validationTokenField } from './fields';

export const validateAuthenticator: OperationDefinition = {
	name: 'Validate Authenticator Registration',
	description:
		'Complete an authenticator registration the person accepted in the app: the user and their credential are created now',
	action: 'Validate an authenticator registration',
	properties: [registrationIdField, validationTokenField, optionsCollection()],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'registrationId', 'Registration ID', itemIndex);
		const token = readRequiredText.call(
			this,
			itemIndex,
			'registrationValidationToken',
			'Registration Validation Token',
			'Use the registration_validation_token the start of the registration returned.',
		);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/{apiVersion}/users/registrations/authenticator/${id}/validate`,
			body: { registration_validation_token: token },
		})) as IDataObject;
	},
};
