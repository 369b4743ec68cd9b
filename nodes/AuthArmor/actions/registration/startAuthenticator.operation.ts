import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { additionalFields, readRequiredText } from '../../fields';
import {
	existingUserField,
	newUserOnly,
	readAdditionalFields,
	readRegisterFor,
	registerForField,
	registrationOptions,
	registrationRoute,
	registrationTimeoutField,
} from './fields';

export const startAuthenticator: OperationDefinition = {
	name: 'Start Authenticator Registration',
	description:
		'Start registering the Auth Armor app for a new or existing user: the output has the QR code data the person scans with the app, and the registration ID and token to validate it with',
	action: 'Start an authenticator registration',
	properties: [
		registerForField,
		existingUserField,
		newUserOnly({
			displayName: 'Username',
			name: 'newUsername',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. name@example.com',
			description: 'The username of the new user (2 to 42 characters)',
		}),
		newUserOnly(additionalFields([registrationTimeoutField])),
		registrationOptions(),
	],
	async execute(itemIndex) {
		const route = registrationRoute.call(this, itemIndex, 'authenticator/start');
		let body: IDataObject | undefined;
		if (readRegisterFor.call(this, itemIndex) === 'newUser') {
			const username = readRequiredText.call(this, itemIndex, 'newUsername', 'Username');
			if (username.length < 2 || username.length > 42) {
				throw new NodeOperationError(
					this.getNode(),
					`The Username must have 2 to 42 characters, not ${username.length}.`,
					{ itemIndex },
				);
			}
			body = {
				username,
				...readAdditionalFields.call(this, itemIndex, { timeoutSeconds: 'timeout_in_seconds' }),
			};
		}
		// An existing user's start has no body in the spec: the user is in the path.
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			...route,
			...(body ? { body } : {}),
		})) as IDataObject;
	},
};
