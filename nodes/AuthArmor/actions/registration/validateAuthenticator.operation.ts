import { validateRegistrationOperation } from './validate';

export const validateAuthenticator = validateRegistrationOperation('authenticator', {
	name: 'Validate Authenticator Registration',
	description:
		'Complete an authenticator registration the person accepted in the app: the user and their credential are created now',
	action: 'Validate an authenticator registration',
	tokenSource: 'Use the registration_validation_token the start of the registration returned.',
});
