import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idField, optionsCollection } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { additionalFields, readRequiredText } from '../../fields';
import { readAdditionalFields, readAuthRequestId, webAuthnClientIdField } from './authFields';

export const finishWebAuthn: OperationDefinition = {
	name: 'Finish WebAuthn Auth',
	description:
		"Hand Auth Armor the browser's answer to a WebAuthn sign-in; returns the auth_validation_token for Validate WebAuthn Auth",
	action: 'Finish a WebAuthn auth request',
	properties: [
		idField(
			'Auth Request ID',
			'authRequestId',
			'0d9a8a3e-2b6f-4a5b-9d2e-6c1f0e7b8a90',
			'The auth_request_id Start WebAuthn Auth returned',
		),
		{
			displayName: 'AA Sig',
			name: 'aaSig',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 9c1d7e2f-4a3b-4c5d-8e6f-0a1b2c3d4e5f',
			description: 'The aa_guid Start WebAuthn Auth returned (sent as aa_sig)',
		},
		{
			displayName: 'Authenticator Response Data',
			name: 'authenticatorResponseData',
			type: 'json',
			required: true,
			default: '',
			description:
				"The browser's answer to navigator.credentials.get() as JSON, as the Auth Armor WebAuthn SDK hands it over",
		},
		additionalFields([
			{
				...webAuthnClientIdField,
				description: `${webAuthnClientIdField.description}; when sent, it must be the one the request started with`,
			},
		]),
		optionsCollection(),
	],
	async execute(itemIndex) {
		const authRequestId = readAuthRequestId.call(this, itemIndex);
		const aaSig = readRequiredText.call(
			this,
			itemIndex,
			'aaSig',
			'AA Sig',
			'Use the aa_guid Start WebAuthn Auth returned.',
		);
		const responseData = readResponseData.call(this, itemIndex);
		const clientId = String(
			readAdditionalFields.call(this, itemIndex).webauthnClientId ?? '',
		).trim();
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			path: '/{apiVersion}/auth/webauthn/finish',
			body: {
				auth_request_id: authRequestId,
				aa_sig: aaSig,
				authenticator_response_data: responseData,
				...(clientId ? { webauthn_client_id: clientId } : {}),
			},
		})) as IDataObject;
	},
};

/** The browser's answer as the API takes it: JSON text (an object from an expression is written as JSON). */
function readResponseData(this: IExecuteFunctions, itemIndex: number): string {
	const raw = this.getNodeParameter('authenticatorResponseData', itemIndex, '');
	if (raw !== null && typeof raw === 'object') return JSON.stringify(raw);
	const value = String(raw ?? '').trim();
	let valid = false;
	try {
		const parsed: unknown = JSON.parse(value);
		valid = parsed !== null && typeof parsed === 'object';
	} catch {
		valid = false;
	}
	if (!valid) {
		throw new NodeOperationError(
			this.getNode(),
			value
				? 'Authenticator Response Data must be a JSON object.'
				: 'Enter the Authenticator Response Data: it is empty.',
			{
				itemIndex,
				description:
					"Pass on the browser's WebAuthn answer unchanged, e.g. {{ $json.body.authenticator_response_data }} from the webhook your page posts it to.",
			},
		);
	}
	return value;
}
