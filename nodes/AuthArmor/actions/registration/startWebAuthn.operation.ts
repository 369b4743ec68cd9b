import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { additionalFields, readRequiredText } from '../../fields';
import {
	checkEmail,
	existingUserField,
	newUserOnly,
	readAdditionalFields,
	readRegisterFor,
	registerForField,
	registrationOptions,
	registrationRoute,
	registrationTimeoutField,
} from './fields';

const REQUIREMENTS = [
	{ name: 'Required', value: 'required' },
	{ name: 'Preferred', value: 'preferred' },
	{ name: 'Discouraged', value: 'discouraged' },
];

export const startWebAuthn: OperationDefinition = {
	name: 'Start WebAuthn Registration',
	description:
		"Start registering a passkey or security key for a new or existing user: hand the output's fido2_json_options to the browser's navigator.credentials.create(), then finish with its answer",
	action: 'Start a WebAuthn registration',
	properties: [
		registerForField,
		existingUserField,
		newUserOnly({
			displayName: 'Username',
			name: 'newUsername',
			type: 'string',
			default: '',
			placeholder: 'e.g. name@example.com',
			description:
				'The username of the new user. Enter it, an Email Address, or both (without it the username is the email address).',
		}),
		newUserOnly({
			displayName: 'Email Address',
			name: 'emailAddress',
			type: 'string',
			default: '',
			placeholder: 'e.g. name@example.com',
			description: "The new user's email address",
		}),
		{
			displayName: 'WebAuthn Client ID',
			name: 'webauthnClientId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1d9f0c3b-7a2e-4f51-b8c6-0e4d2a9b7c13',
			description:
				'The WebAuthn client (the website the key is for) set up in the Auth Armor dashboard',
		},
		additionalFields([
			{
				displayName: 'Attachment Type',
				name: 'attachmentType',
				type: 'options',
				options: [
					{ name: 'Any', value: 'Any' },
					{
						name: 'Cross Platform',
						value: 'CrossPlatform',
						description: 'A roaming key, e.g. a USB or NFC security key',
					},
					{
						name: 'Platform',
						value: 'Platform',
						description: 'Built into the device, e.g. Windows Hello or Touch ID',
					},
				],
				default: 'Any',
				description: 'Which kind of authenticator may be registered',
			},
			{
				displayName: 'Resident Key Requirement',
				name: 'residentKeyRequirementType',
				type: 'options',
				options: REQUIREMENTS,
				default: 'preferred',
				description: 'Whether the key must store the credential itself (a discoverable credential)',
			},
			registrationTimeoutField,
			{
				displayName: 'User Verification Requirement',
				name: 'userVerificationRequirementType',
				type: 'options',
				options: REQUIREMENTS,
				default: 'preferred',
				description: 'Whether the key must verify the person (PIN, fingerprint, face)',
			},
		]),
		registrationOptions(),
	],
	async execute(itemIndex) {
		const route = registrationRoute.call(this, itemIndex, 'webauthn/start');
		const body: IDataObject = {};
		if (readRegisterFor.call(this, itemIndex) === 'newUser') {
			const username = String(this.getNodeParameter('newUsername', itemIndex, '') ?? '').trim();
			const email = String(this.getNodeParameter('emailAddress', itemIndex, '') ?? '').trim();
			if (!username && !email) {
				throw new NodeOperationError(
					this.getNode(),
					'Enter the Username or the Email Address of the new user: both are empty.',
					{ itemIndex, description: 'A new user needs at least one of them.' },
				);
			}
			if (username) body.username = username;
			if (email) body.email_address = checkEmail.call(this, itemIndex, email, 'Email Address');
		}
		body.webauthn_client_id = readRequiredText.call(
			this,
			itemIndex,
			'webauthnClientId',
			'WebAuthn Client ID',
		);
		Object.assign(
			body,
			readAdditionalFields.call(this, itemIndex, {
				attachmentType: 'attachment_type',
				residentKeyRequirementType: 'resident_key_requirement_type',
				userVerificationRequirementType: 'user_verification_requirement_type',
				timeoutSeconds: 'timeout_in_seconds',
			}),
		);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			...route,
			body,
		})) as IDataObject;
	},
};
