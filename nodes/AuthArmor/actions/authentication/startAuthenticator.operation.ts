import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { readUserReference, userLocatorField } from '../../userTarget';
import { additionalFields } from '../../fields';
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
} from './authFields';

export const startAuthenticator: OperationDefinition = {
	name: 'Start Authenticator Auth',
	description:
		'Send a push to the Auth Armor authenticator app of a user and return at once with the auth request ID and validation token (check it with Get Status, then Validate Authenticator Auth)',
	action: 'Start an authenticator auth request',
	properties: [
		userLocatorField,
		additionalFields([
			actionNameField,
			authTimeoutField,
			ipAddressField,
			messageField,
			nonceField,
			...originFields,
			{
				displayName: 'Send Push',
				name: 'sendPush',
				type: 'boolean',
				default: true,
				description:
					'Whether to send a push notification to the phone; without one the person scans the QR code (qr_code_data)',
			},
			userAgentField,
			{
				displayName: 'Use Visual Verify',
				name: 'useVisualVerify',
				type: 'boolean',
				default: false,
				description:
					'Whether the person must pick the two-digit code (visual_verify_value) your application shows them',
			},
		]),
		optionsCollection(),
	],
	async execute(itemIndex) {
		const user = readUserReference.call(this, itemIndex);
		const fields = readAdditionalFields.call(this, itemIndex);
		const body: IDataObject = {
			...user,
			...commonBodyFields(fields),
			// An absent send_push reads as false; the push is what most callers want, so it is sent unless turned off.
			send_push: fields.sendPush !== false,
			...(fields.useVisualVerify === true ? { use_visual_verify: true } : {}),
		};
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			path: '/{apiVersion}/auth/authenticator/start',
			body,
		})) as IDataObject;
	},
};
