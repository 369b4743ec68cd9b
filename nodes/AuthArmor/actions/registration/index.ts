import { defineResource } from '../../../shared/operation';
import { changeEmail } from './changeEmail.operation';
import { finishWebAuthn } from './finishWebAuthn.operation';
import { getStatus } from './getStatus.operation';
import { startAuthenticator } from './startAuthenticator.operation';
import { startMagicLink } from './startMagicLink.operation';
import { startWebAuthn } from './startWebAuthn.operation';
import { validateAuthenticator } from './validateAuthenticator.operation';
import { validateMagicLink } from './validateMagicLink.operation';
import { validateWebAuthn } from './validateWebAuthn.operation';

export const registration = defineResource({
	value: 'registration',
	name: 'Registration',
	operations: {
		startAuthenticator,
		startMagicLink,
		startWebAuthn,
		finishWebAuthn,
		validateAuthenticator,
		validateMagicLink,
		validateWebAuthn,
		changeEmail,
		getStatus,
	},
	default: 'startAuthenticator',
});
