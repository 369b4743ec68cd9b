import { additionalFields } from '../../fields';
import { CLIENT_BODY_NAMES, clientFields, readAdditionalFields } from './fields';
import { validateRegistrationOperation } from './validate';

export const validateMagicLink = validateRegistrationOperation('magiclink_email', {
	name: 'Validate Magic Link Registration',
	description:
		'Complete a magic link registration or change of email with what the link carried (registration_id, registration_validation_token): the user, their magic link email or their new address is saved now',
	action: 'Validate a magic link registration',
	tokenSource:
		'Use the registration_validation_token the link in the email carried to the redirect URL.',
	properties: [additionalFields(clientFields)],
	body(itemIndex) {
		return readAdditionalFields.call(this, itemIndex, CLIENT_BODY_NAMES);
	},
});
