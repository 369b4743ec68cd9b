import { validateRegistrationOperation } from './validate';

export const validateWebAuthn = validateRegistrationOperation('webauthn', {
	name: 'Validate WebAuthn Registration',
	description: 'Complete a finished WebAuthn registration: the user and their key are created now',
	action: 'Validate a WebAuthn registration',
	tokenSource:
		'Use the registration_validation_token the Finish WebAuthn Registration operation returned.',
});
