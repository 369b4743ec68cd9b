/**
 * Shared by the Armor node's integration tests: the node parameters of its operations, and a stored
 * Armor credential pointing at the sandbox of the calling file's fixture.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ARMOR_API_KEY } from '../../sandbox/server';
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

/** The node parameters of any Armor operation. */
export function armorOperation(
	resource: string,
	operation: string,
	parameters: INodeParameters = {},
): INodeParameters {
	return { resource, operation, ...parameters };
}

/**
 * Helpers bound to a test file's fixture (each file calls `sandboxPerTest()` itself):
 * `const { armorCredential } = armorHelpers(fixture);`.
 */
export function armorHelpers(fixture: SandboxFixture) {
	/** The legacy-login credential, with the sandbox's v2 services as its Service Hosts. */
	function armorCredential(overrides = {}) {
		return fixture.helper.addCredential(
			'armorApi',
			armorCredentialData(fixture.sandbox, {
				serviceHosts: `${fixture.sandbox.servicesUrl}/{service}`,
				...overrides,
			}),
		);
	}

	/** The API-key credential (the demo user's key), with the same Service Hosts. */
	function armorApiKeyCredential(overrides = {}) {
		return fixture.helper.addCredential('armorApiKeyApi', {
			baseUrl: fixture.sandbox.armorUrl,
			keyId: ARMOR_API_KEY.keyId,
			secret: ARMOR_API_KEY.secret,
			serviceHosts: `${fixture.sandbox.servicesUrl}/{service}`,
			...overrides,
		});
	}

	return { armorCredential, armorApiKeyCredential };
}
