/**
 * Leak checks: every secret a run could have exposed, and assertions that none of them shows up in what
 * a node returned or threw.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	ARMOR_DEMO_USER,
	ARMOR_MFA_USER,
	AUTHARMOR_CLIENT,
	type Sandbox,
} from '../../sandbox/server';
import type { InMemoryCredentialsHelper } from './credentialsHelper';
import { header, type SandboxFixture } from './fixtures';

/**
 * Every secret the run could leak: the given passwords/secrets, every token the sandbox issued (as seen
 * in later requests' Authorization headers and reissue bodies, and the authorization codes sent to
 * /auth/token), and the tokens the credentials persisted.
 */
export function collectSecrets(
	sandbox: Sandbox,
	helper: InMemoryCredentialsHelper,
	fixed: string[] = [],
): string[] {
	const secrets = new Set<string>(fixed.filter((value) => value.length >= 6));
	for (const request of sandbox.requests) {
		const authorization = header(request, 'authorization');
		const match = authorization ? /^(?:FH-AUTH|Bearer)\s+(\S+)$/i.exec(authorization) : null;
		if (match) secrets.add(match[1]);
		if (request.body && request.headers['content-type']?.includes('json')) {
			try {
				const body = JSON.parse(request.body) as IDataObject;
				for (const key of ['token', 'code', 'password']) {
					if (typeof body[key] === 'string' && (body[key] as string).length >= 6)
						secrets.add(body[key] as string);
				}
			} catch {
				// not JSON: nothing to collect
			}
		}
		if (request.path === '/connect/token') {
			const secret = new URLSearchParams(request.body).get('client_secret');
			if (secret) secrets.add(secret);
		}
	}
	for (const row of helper.rows.values()) {
		const data = JSON.parse(row.data) as IDataObject;
		for (const key of ['password', 'clientSecret', 'accessToken', 'sessionToken', 'tokenOwner']) {
			if (typeof data[key] === 'string' && (data[key] as string).length >= 6)
				secrets.add(data[key] as string);
		}
	}
	return [...secrets];
}

/**
 * Everything an error carries that could be shown, logged or persisted: `JSON.stringify(error)` (n8n's
 * `toJSON`, what the execution stores) plus a walk over the error's own properties, enumerable or not,
 * its `cause` chain, `errorResponse`, `messages` and `description`.
 */
export function serializeForLeakCheck(value: unknown): string {
	const seen = new WeakSet<object>();
	const walk = (current: unknown, depth: number): unknown => {
		if (current === null || typeof current !== 'object')
			return typeof current === 'function' ? undefined : current;
		if (seen.has(current as object) || depth > 8) return '[seen]';
		seen.add(current as object);
		if (Buffer.isBuffer(current)) return current.toString('utf8');
		if (Array.isArray(current)) return current.map((entry) => walk(entry, depth + 1));
		const out: Record<string, unknown> = {};
		for (const key of Object.getOwnPropertyNames(current)) {
			if (key === 'stack') continue;
			let property: unknown;
			try {
				property = (current as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			out[key] = walk(property, depth + 1);
		}
		return out;
	};
	let plain = '';
	try {
		plain = JSON.stringify(value) ?? '';
	} catch {
		plain = '';
	}
	return `${plain}\n${JSON.stringify(walk(value, 0))}`;
}

/** The secrets (from `collectSecrets`) that appear in `value`'s serialization. */
export function leakedSecrets(value: unknown, secrets: string[]): string[] {
	const text = serializeForLeakCheck(value);
	return secrets.filter((secret) => text.includes(secret));
}

/** Secrets every test knows about, whether or not the run sent them. */
export const FIXED_SECRETS = [
	ARMOR_DEMO_USER.password,
	ARMOR_MFA_USER.password,
	AUTHARMOR_CLIENT.clientSecret,
];

/**
 * Fails when any secret of the run (see `collectSecrets`) appears in any of `values` (output items,
 * errors, credential-test results). Also fails when no secret was collected, so the check cannot pass
 * vacuously.
 */
export function expectNoSecretsIn(
	fixture: SandboxFixture,
	values: unknown[],
	extraSecrets: string[] = [],
): void {
	const secrets = collectSecrets(fixture.sandbox, fixture.helper, [
		...FIXED_SECRETS,
		...extraSecrets,
	]);
	expect(secrets.length).toBeGreaterThan(0);
	for (const value of values) {
		expect({
			value: serializeForLeakCheck(value).slice(0, 300),
			leaked: leakedSecrets(value, secrets),
		}).toEqual({
			value: expect.any(String),
			leaked: [],
		});
	}
}
