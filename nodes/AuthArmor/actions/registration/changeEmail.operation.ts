import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { readUserTarget, userLocatorField, usernamePlacementOption } from '../../userTarget';
import { additionalFields, readRequiredText, readUrl } from '../../fields';
import { checkEmail, MAGIC_LINK_BODY_NAMES, magicLinkFields, readAdditionalFields } from './fields';

export const changeEmail: OperationDefinition = {
	name: 'Start Email Change',
	description:
		"Email a link to a user's new address; once it is validated (Validate Magic Link Registration), that address becomes the user's email address",
	action: 'Start an email change',
	properties: [
		userLocatorField,
		{
			displayName: 'New Email Address',
			name: 'newEmailAddress',
			type: 'string',
			placeholder: 'e.g. new.name@example.com',
			required: true,
			default: '',
			description: 'The address the link is sent to, which becomes the email address of the user',
		},
		{
			displayName: 'Registration Redirect URL',
			name: 'registrationRedirectUrl',
			type: 'string',
			placeholder: 'e.g. https://example.com/email-changed',
			required: true,
			default: '',
			description:
				'The page the link opens, with registration_id and registration_validation_token added: it validates the change',
		},
		additionalFields(magicLinkFields),
		optionsCollection([usernamePlacementOption]),
	],
	async execute(itemIndex) {
		const target = readUserTarget.call(this, itemIndex);
		const email = checkEmail.call(
			this,
			itemIndex,
			readRequiredText.call(this, itemIndex, 'newEmailAddress', 'New Email Address'),
			'New Email Address',
		);
		const redirectUrl = readUrl.call(
			this,
			itemIndex,
			'registrationRedirectUrl',
			'Registration Redirect URL',
		);
		return (await authArmorRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/{apiVersion}/users/${target.segment}/magiclink_email/update/start`,
			headers: target.headers,
			qs: target.qs,
			body: {
				new_email_address: email,
				registration_redirect_url: redirectUrl,
				...readAdditionalFields.call(this, itemIndex, MAGIC_LINK_BODY_NAMES),
			},
		})) as IDataObject;
	},
};
