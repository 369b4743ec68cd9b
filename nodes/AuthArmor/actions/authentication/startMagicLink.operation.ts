import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { readUserReference, userLocatorField } from '../../userTarget';
import { additionalFields, readContextData, readUrl } from '../../fields';
import {
	actionNameField,
	authTimeoutField,
	commonBodyFields,
	ipAddressField,
	messageField,
	originFields,
	readAdditionalFields,
	userAgentField,
} from './authFields';

export const startMagicLink: OperationDefinition = {
	name: 'Start Magic Link Auth',
	description:
		'Email a user a sign-in link. The link opens the redirect URL with auth_request_id and auth_validation_token, which Validate Magic Link Auth checks.',
	action: 'Start a magic link auth request',
	properties: [
		userLocatorField,
		{
			displayName: 'Redirect URL',
			name: 'redirectUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://app.example.com/auth/magic-link',
			description:
				'Where the link in the email takes the person; Auth Armor adds auth_request_id and auth_validation_token to it',
		},
		additionalFields([
			{ ...actionNameField, description: `${actionNameField.description} (2 to 32 characters)` },
			authTimeoutField,
			{
				displayName: 'Context Data',
				name: 'contextData',
				type: 'json',
				default: '{}',
				description:
					'A JSON object of text values kept with the request and returned when it is validated, e.g. {"cart": "8812"}',
			},
			ipAddressField,
			messageField,
			...originFields,
			userAgentField,
		]),
		optionsCollection(),
	],
	async execute(itemIndex) {
		const user = readUserReference.call(this, itemIndex);
		const redirectUrl = readUrl.call(this, itemIndex, 'redirectUrl', 'Redirect URL');
		const fields = readAdditionalFields.call(this, itemIndex);
		const body: IDataObject = {
			...user,
			auth_redirect_url: redirectUrl,
			...commonBodyFields(fields),
		};
		const actionName = body.action_name as string | undefined;
		// Magic links are the one method whose action name the reference bounds.
		if (actionName !== undefined && (actionName.length < 2 || actionName.length > 32)) {
			throw new NodeOperationError(
				this.getNode(),
				`The Action Name "${actionName}" must be 2 to 32 characters long for a magic link.`,
				{ itemIndex, description: 'Shorten it, or move the details to Message.' },
			);
		}
		const contextData = readContextData.call(this, itemIndex, fields.contextData);
		if (contextData) body.context_data = contextData;
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			path: '/{apiVersion}/auth/magiclink_email/start',
			body,
		})) as IDataObject;
	},
};
