import { validateOperation } from './validate';

export const validateWebAuthn = validateOperation(
	'webauthn',
	'Validate WebAuthn Auth',
	'Validate a WebAuthn auth request',
);
