import { validateOperation } from './validate';

export const validateAuthenticator = validateOperation(
	'authenticator',
	'Validate Authenticator Auth',
	'Validate an authenticator auth request',
);
