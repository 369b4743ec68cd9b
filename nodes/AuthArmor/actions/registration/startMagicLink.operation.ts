import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { additionalFields, readRequiredText, readUrl } from '../../fields';
import {
	checkEmail,
	CLIENT_BODY_NAMES,
	clientFields,
	existingUserField,
	MAGIC_LINK_BODY_NAMES,
	magicLinkFields,
	readAdditionalFields,
	registerForField,
	registrationOptions,
	registrationRoute,
} from './fields';

export const startMagicLink: OperationDefinition = {
	name: 'Start Magic Link Registration',
	description:
		'Email a link that registers a new user by their email address, or adds a magic link email to an existing user; the link opens the redirect URL with the registration ID and validation token',
	action: 'Start a magic link registration',
	properties: [
		registerForField,
		existingUserField,
		{
			displayName: 'Email Address',
			name: 'emailAddress',
			type: 'string',
			placeholder: 'e.g. name@example.com',
			required: true,
			default: '',
			description: "Where the link is sent; a new user's username is this address (email_address)",
		},
		{
			displayName: 'Registration Redirect URL',
			name: 'registrationRedirectUrl',
			type: 'string',
			placeholder: 'e.g. https://example.com/registered',
			required: true,
			default: '',
			description:
				'The page the link opens, with registration_id and registration_validation_token added: it validates the registration',
		},
		additionalFields([...magicLinkFields, ...clientFields]),
		registrationOptions(),
	],
	async execute(itemIndex) {
		const route = registrationRoute.call(this, itemIndex, 'magiclink_email/start');
		const email = checkEmail.call(
			this,
			itemIndex,
			readRequiredText.call(this, itemIndex, 'emailAddress', 'Email Address'),
			'Email Address',
		);
		const redirectUrl = readUrl.call(
			this,
			itemIndex,
			'registrationRedirectUrl',
			'Registration Redirect URL',
		);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			...route,
			body: {
				email_address: email,
				registration_redirect_url: redirectUrl,
				...readAdditionalFields.call(this, itemIndex, {
					...MAGIC_LINK_BODY_NAMES,
					...CLIENT_BODY_NAMES,
				}),
			},
		})) as IDataObject;
	},
};
