import type { IDataObject } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { additionalFields, readJsonObject, readRequiredText } from '../../fields';
import {
	existingUserField,
	readAdditionalFields,
	registerForField,
	registrationIdField,
	registrationOptions,
	registrationRoute,
} from './fields';

export const finishWebAuthn: OperationDefinition = {
	name: 'Finish WebAuthn Registration',
	description:
		"Send the browser's answer to a WebAuthn registration (its new credential); the output has the registration validation token to validate it with",
	action: 'Finish a WebAuthn registration',
	properties: [
		registerForField,
		existingUserField,
		registrationIdField,
		{
			displayName: 'AA Sig',
			name: 'aaSig',
			type: 'string',
			required: true,
			default: '',
			description: 'The aa_sig the start of the registration returned',
		},
		{
			displayName: 'Authenticator Response Data',
			name: 'authenticatorResponseData',
			type: 'json',
			required: true,
			default: '{\n  "id": "",\n  "attestation_object": "",\n  "client_data": ""\n}',
			description:
				"The browser's answer to navigator.credentials.create(), as Auth Armor's WebAuthn SDK sends it: the credential's ID, its attestation object and its client data",
		},
		additionalFields([
			{
				displayName: 'WebAuthn Client ID',
				name: 'webauthnClientId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1d9f0c3b-7a2e-4f51-b8c6-0e4d2a9b7c13',
				description: 'The WebAuthn client ID the registration was started with',
			},
		]),
		registrationOptions(),
	],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'registrationId', 'Registration ID', itemIndex);
		const route = registrationRoute.call(this, itemIndex, `webauthn/${id}/finish`);
		const aaSig = readRequiredText.call(this, itemIndex, 'aaSig', 'AA Sig');
		const responseData = readJsonObject.call(
			this,
			itemIndex,
			this.getNodeParameter('authenticatorResponseData', itemIndex, ''),
			'Authenticator Response Data',
			'{"id": "…", "attestation_object": "…", "client_data": "…"}',
		);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			...route,
			body: {
				aa_sig: aaSig,
				authenticator_response_data: responseData,
				...readAdditionalFields.call(this, itemIndex, { webauthnClientId: 'webauthn_client_id' }),
			},
		})) as IDataObject;
	},
};
