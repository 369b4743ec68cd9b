/**
 * Shared by the Auth Armor node's integration tests: the sandbox they run against, the node parameters of
 * User -> Get, and helpers bound to the calling file's fixture (a stored credential, a node run, the
 * Bearer tokens the sandbox saw).
 */
import type { INodeParameters } from 'n8n-workflow';

import type { SandboxOptions } from '../../sandbox/server';
import {
	AUTHARMOR_NODE_TYPE,
	authArmorCredentialData,
	header,
	runNodeJson,
	type SandboxFixture,
} from '../runtime';

/** 250 users: Get Many needs three pages of 100 (the sandbox's default is 25). */
export const SANDBOX_OPTIONS: SandboxOptions = { authArmorUserCount: 250 };

/** The User picker's value: a user named By Username, By ID, or picked From List (its ID). */
export function userLocator(by: 'username' | 'id' | 'list', value: string) {
	return { __rl: true, mode: by, value };
}

export function getUser(
	by: 'username' | 'id' | 'list',
	value: string,
	options: INodeParameters = {},
): INodeParameters {
	return { resource: 'user', operation: 'get', user: userLocator(by, value), options };
}

/**
 * Helpers bound to a test file's fixture (each file calls `sandboxPerTest(SANDBOX_OPTIONS)` itself):
 * `const { authArmorCredential, run, apiBearers } = authArmorHelpers(fixture);`.
 */
export function authArmorHelpers(fixture: SandboxFixture) {
	function authArmorCredential(overrides = {}) {
		return fixture.helper.addCredential(
			'authArmorApi',
			authArmorCredentialData(fixture.sandbox, overrides),
		);
	}

	function run(
		parameters: INodeParameters,
		credential = authArmorCredential(),
		items?: Array<Record<string, unknown>>,
	) {
		return runNodeJson({
			helper: fixture.helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters,
			credential,
			items: items as never,
		});
	}

	/** Bearer tokens the sandbox saw on API calls, in order. */
	function apiBearers(): string[] {
		return fixture.sandbox.requests
			.filter((request) => request.api === 'authArmor' && request.path !== '/connect/token')
			.map((request) => String(header(request, 'authorization')));
	}

	return { authArmorCredential, run, apiBearers };
}
