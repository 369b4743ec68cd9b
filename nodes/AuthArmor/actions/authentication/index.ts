import { defineResource } from '../../../shared/operation';
import { finishWebAuthn } from './finishWebAuthn.operation';
import { getStatus } from './getStatus.operation';
import { requestApprovalAndWait } from './requestApprovalAndWait.operation';
import { startAuthenticator } from './startAuthenticator.operation';
import { startMagicLink } from './startMagicLink.operation';
import { startWebAuthn } from './startWebAuthn.operation';
import { validateAuthenticator } from './validateAuthenticator.operation';
import { validateMagicLink } from './validateMagicLink.operation';
import { validateWebAuthn } from './validateWebAuthn.operation';

export const authentication = defineResource({
	value: 'authentication',
	name: 'Authentication',
	operations: {
		requestApprovalAndWait,
		getStatus,
		startAuthenticator,
		startMagicLink,
		startWebAuthn,
		finishWebAuthn,
		validateAuthenticator,
		validateMagicLink,
		validateWebAuthn,
	},
	default: 'requestApprovalAndWait',
});
