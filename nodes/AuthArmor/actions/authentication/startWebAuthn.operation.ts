import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { readUserReference, userLocatorField } from '../../userTarget';
import { additionalFields, readRequiredText } from '../../fields';
import {
	actionNameField,
	authTimeoutField,
	commonBodyFields,
	ipAddressField,
	messageField,
	nonceField,
	originFields,
	readAdditionalFields,
	userAgentField,
	webAuthnClientIdField,
} from './authFields';

export const startWebAuthn: OperationDefinition = {
	name: 'Start WebAuthn Auth',
	description:
		"Start a security key or passkey sign-in: returns the options (fido2_json_options) for the browser's WebAuthn call, whose answer goes to Finish WebAuthn Auth",
	action: 'Start a WebAuthn auth request',
	properties: [
		userLocatorField,
		{ ...webAuthnClientIdField, required: true },
		additionalFields([
			actionNameField,
			authTimeoutField,
			ipAddressField,
			messageField,
			nonceField,
			...originFields,
			userAgentField,
		]),
		optionsCollection(),
	],
	async execute(itemIndex) {
		const user = readUserReference.call(this, itemIndex);
		const clientId = readRequiredText.call(
			this,
			itemIndex,
			'webauthnClientId',
			'WebAuthn Client ID',
			'Copy it from the WebAuthn settings of your project in the Auth Armor dashboard.',
		);
		const fields = readAdditionalFields.call(this, itemIndex);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			path: '/{apiVersion}/auth/webauthn/start',
			body: { ...user, webauthn_client_id: clientId, ...commonBodyFields(fields) },
		})) as IDataObject;
	},
};
