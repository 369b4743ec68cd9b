/**
 * The sandbox as a jest fixture (a fresh sandbox and credentials table per test), credential data that
 * points at it, and look-ups in its request log.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { forgetSessions } from '../../../credentials/sessionMemory';
import {
	ARMOR_DEMO_USER,
	AUTHARMOR_CLIENT,
	startSandbox,
	type RecordedRequest,
	type Sandbox,
	type SandboxOptions,
} from '../../sandbox/server';
import { InMemoryCredentialsHelper } from './credentialsHelper';

// ------------------------------------------------------------------ sandbox credentials

/** Armor credential data against the sandbox (the demo user unless overridden). */
export function armorCredentialData(
	sandbox: Sandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		baseUrl: sandbox.armorUrl,
		username: ARMOR_DEMO_USER.username,
		password: ARMOR_DEMO_USER.password,
		...overrides,
	};
}

/** Auth Armor credential data against the sandbox's client. */
export function authArmorCredentialData(
	sandbox: Sandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		clientId: AUTHARMOR_CLIENT.clientId,
		clientSecret: AUTHARMOR_CLIENT.clientSecret,
		tokenUrl: sandbox.authArmorTokenUrl,
		baseUrl: sandbox.authArmorUrl,
		...overrides,
	};
}

// ------------------------------------------------------------------ recorded requests

/** Requests of one API, optionally only those to one path (case-sensitive, exact). */
export function requestsTo(
	sandbox: Sandbox,
	api: RecordedRequest['api'],
	pathname?: string,
	method?: string,
): RecordedRequest[] {
	return sandbox.requests.filter(
		(request) =>
			request.api === api &&
			(pathname === undefined || request.path === pathname) &&
			(method === undefined || request.method === method.toUpperCase()),
	);
}

/** A header of a recorded request (names are lower-cased by the sandbox). */
export function header(request: RecordedRequest, name: string): string | undefined {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}

// ------------------------------------------------------------------ jest wiring

export interface SandboxFixture {
	/** The sandbox of the running test (a fresh one per test). */
	readonly sandbox: Sandbox;
	/** A fresh credentials table per test. */
	readonly helper: InMemoryCredentialsHelper;
}

/**
 * Starts a fresh sandbox (`startSandbox(options)`) and credentials table before each test of the calling
 * file and closes the sandbox after it.
 */
export function sandboxPerTest(options: SandboxOptions = {}): SandboxFixture {
	let sandbox: Sandbox | undefined;
	let helper: InMemoryCredentialsHelper | undefined;
	beforeEach(async () => {
		// Each test stands for a fresh n8n process: no session memory from the one before.
		forgetSessions();
		sandbox = await startSandbox(options);
		helper = new InMemoryCredentialsHelper();
	});
	afterEach(async () => {
		await sandbox?.close();
		sandbox = undefined;
	});
	return {
		get sandbox() {
			if (!sandbox) throw new Error('The sandbox only exists while a test runs.');
			return sandbox;
		},
		get helper() {
			if (!helper) throw new Error('The credentials table only exists while a test runs.');
			return helper;
		},
	};
}
