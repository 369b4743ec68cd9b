import type { IDataObject } from 'n8n-workflow';

import { optionsCollection, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { additionalFields, readRequiredText } from '../../fields';
import {
	CLIENT_BODY_NAMES,
	clientFields,
	readAdditionalFields,
	registrationIdField,
	validationTokenField,
} from './fields';

export const validateMagicLink: OperationDefinition = {
	name: 'Validate Magic Link Registration',
	description:
		'Complete a magic link registration or change of email with what the link carried (registration_id, registration_validation_token): the user, their magic link email or their new address is saved now',
	action: 'Validate a magic link registration',
	properties: [
		registrationIdField,
		validationTokenField,
		additionalFields(clientFields),
		optionsCollection(),
	],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'registrationId', 'Registration ID', itemIndex);
		const token = readRequiredText.call(
			this,
			itemIndex,
			'registrationValidationToken',
			'Registration Validation Token',
			'Use the registration_validation_token the link in the email carried to the redirect URL.',
		);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/{apiVersion}/users/registrations/magiclink_email/${id}/validate`,
			body: {
				registration_validation_token: token,
				...readAdditionalFields.call(this, itemIndex, CLIENT_BODY_NAMES),
			},
		})) as IDataObject;
	},
};
