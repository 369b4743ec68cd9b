import { validateOperation } from './validate';

export const validateMagicLink = validateOperation(
	'magiclink_email',
	'Validate Magic Link Auth',
	'Validate a magic link auth request',
);
