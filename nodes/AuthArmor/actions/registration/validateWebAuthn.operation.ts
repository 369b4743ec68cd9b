import type { IDataObject } from 'n8n-workflow';

import { optionsCollection, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { readRequiredText } from '../../fields';
import { registrationIdField, validationTokenField } from './fields';

export const validateWebAuthn: OperationDefinition = {
	name: 'Validate WebAuthn Registration',
	description: 'Complete a finished WebAuthn registration: the user and their key are created now',
	action: 'Validate a WebAuthn registration',
	properties: [registrationIdField, validationTokenField, optionsCollection()],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'registrationId', 'Registration ID', itemIndex);
		const token = readRequiredText.call(
			this,
			itemIndex,
			'registrationValidationToken',
			'Registration Validation Token',
			'Use the registration_validation_token the Finish WebAuthn Registration operation returned.',
		);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/{apiVersion}/users/registrations/webauthn/${id}/validate`,
			body: { registration_validation_token: token },
		})) as IDataObject;
	},
};
