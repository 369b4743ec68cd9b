/**
 * Shared by the Armor node's integration tests: the node parameters of its operations, and a stored
 * Armor credential pointing at the sandbox of the calling file's fixture.
 */
import type { INodeParameters } from 'n8n-workflow';

import { armorCredentialData, type SandboxFixture } from '../runtime';

export function getMe(
	output: 'user' | 'accounts' = 'user',
	options: INodeParameters = {},
): INodeParameters {
	return { resource: 'identity', operation: 'getMe', output, options };
}

export function apiRequest(parameters: INodeParameters): INodeParameters {
	return { resource: 'apiRequest', operation: 'send', ...parameters };
}

/**
 * Helpers bound to a test file's fixture (each file calls `sandboxPerTest()` itself):
 * `const { armorCredential } = armorHelpers(fixture);`.
 */
export function armorHelpers(fixture: SandboxFixture) {
	function armorCredential(overrides = {}) {
		return fixture.helper.addCredential(
			'armorApi',
			armorCredentialData(fixture.sandbox, overrides),
		);
	}

	return { armorCredential };
}
