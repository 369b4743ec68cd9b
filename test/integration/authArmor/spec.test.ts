/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * Every request the Auth Armor node's operations send matches the vendor's v4 spec
 * (test/sandbox/autharmor/spec/autharmor-openapi-v4.json, as published): its method and path are one of the
 * spec's 31 operations, its query parameters are ones the spec names for it, and its JSON body's fields are
 * properties of the spec's request schema. And every one of the 31 is sent by some operation.
 */
import fs from 'fs';
import path from 'path';

import { authArmorUserId } from '../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, runNode, sandboxPerTest } from '../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from './helpers';

jest.setTimeout(120_000);

interface SpecOperation {
	method: string;
	template: string;
	pattern: RegExp;
	query: Set<string>;
	body?: Set<string>;
}

const SPEC = JSON.parse(
	fs.readFileSync(
		path.join(__dirname, '../../sandbox/autharmor/spec/autharmor-openapi-v4.json'),
		'utf8',
	),
) as {
	paths: Record<
		string,
		Record<
			string,
			{
				parameters?: Array<{ name: string; in: string }>;
				requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
			}
		>
	>;
	components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

const OPERATIONS: SpecOperation[] = Object.entries(SPEC.paths).flatMap(([template, methods]) =>
	Object.entries(methods).map(([method, operation]) => {
		const ref = Object.values(operation.requestBody?.content ?? {})[0]?.schema?.$ref;
		const schema = ref ? SPEC.components.schemas[ref.split('/').pop()!] : undefined;
		return {
			method: method.toUpperCase(),
			template,
			pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
			query: new Set(
				(operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
			),
			body: schema ? new Set(Object.keys(schema.properties ?? {})) : undefined,
		};
	}),
);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential } = authArmorHelpers(fixture);

const USER = userLocator('username', 'user3@autharmor.example');
const BY_ID = userLocator('id', authArmorUserId(4));
const ID = '5b1f7c2a-9e4d-4b8a-a6f3-2c0d9e8b7a61';
const every = { returnAll: false, limit: 3 };

/** One run of every operation (and each "For" / "Method" variant), with every optional field filled. */
const CASES: Array<[string, Record<string, unknown>]> = [
	[
		'authentication',
		{ operation: 'requestApprovalAndWait', user: USER, shortMessage: 'hi', timeoutSeconds: 15 },
	],
	[
		'authentication',
		{
			operation: 'requestApprovalAndWait',
			user: USER,
			method: 'magiclink_email',
			timeoutSeconds: 15,
			options: { redirectUrl: 'https://example.com/ok', contextData: '{"a":"1"}' },
		},
	],
	['authentication', { operation: 'getStatus', authRequestId: ID }],
	[
		'authentication',
		{
			operation: 'startAuthenticator',
			user: USER,
			additionalFields: {
				actionName: 'Sign in',
				authTimeoutSeconds: 30,
				ipAddress: '10.0.0.1',
				shortMessage: 'hi',
				nonce: 'n1',
				originIpAddress: '10.0.0.2',
				originLatitude: 1,
				originLongitude: 2,
				sendPush: true,
				useVisualVerify: true,
				userAgent: 'ua',
			},
		},
	],
	[
		'authentication',
		{
			operation: 'startMagicLink',
			user: BY_ID,
			redirectUrl: 'https://example.com/ok',
			additionalFields: {
				actionName: 'Sign in',
				authTimeoutSeconds: 30,
				contextData: '{"a":"1"}',
				ipAddress: '10.0.0.1',
				shortMessage: 'hi',
				originIpAddress: '10.0.0.2',
				originLatitude: 1,
				originLongitude: 2,
				userAgent: 'ua',
			},
		},
	],
	[
		'authentication',
		{
			operation: 'startWebAuthn',
			user: USER,
			webauthnClientId: 'c1',
			additionalFields: {
				actionName: 'Sign in',
				authTimeoutSeconds: 30,
				ipAddress: '10.0.0.1',
				shortMessage: 'hi',
				nonce: 'n1',
				originIpAddress: '10.0.0.2',
				originLatitude: 1,
				originLongitude: 2,
				userAgent: 'ua',
			},
		},
	],
	[
		'authentication',
		{
			operation: 'finishWebAuthn',
			authRequestId: ID,
			aaSig: 's',
			authenticatorResponseData: '{"id":"x"}',
			additionalFields: { webauthnClientId: 'c1' },
		},
	],
	[
		'authentication',
		{
			operation: 'validateAuthenticator',
			authRequestId: ID,
			authValidationToken: 't',
			additionalFields: { ipAddress: '10.0.0.1', nonce: 'n1', userAgent: 'ua' },
		},
	],
	[
		'authentication',
		{
			operation: 'validateMagicLink',
			authRequestId: ID,
			authValidationToken: 't',
			additionalFields: { ipAddress: '10.0.0.1', nonce: 'n1', userAgent: 'ua' },
		},
	],
	[
		'authentication',
		{
			operation: 'validateWebAuthn',
			authRequestId: ID,
			authValidationToken: 't',
			additionalFields: { ipAddress: '10.0.0.1', nonce: 'n1', userAgent: 'ua' },
		},
	],
	['user', { operation: 'get', user: USER, options: { usernameIn: 'query' } }],
	[
		'user',
		{
			operation: 'getMany',
			...every,
			options: { username: 'user', sortColumn: 'username', sortDirection: 'desc' },
		},
	],
	['user', { operation: 'updateUsername', user: BY_ID, newUsername: 'renamed@autharmor.example' }],
	[
		'user',
		{
			operation: 'getAuthHistory',
			user: USER,
			...every,
			options: { sortColumn: 'date_created', sortDirection: 'asc', usernameIn: 'query' },
		},
	],
	...['all', 'authenticator', 'magiclink_email', 'webauthn'].map(
		(method): [string, Record<string, unknown>] => [
			'user',
			{
				operation: 'getCredentials',
				user: USER,
				method,
				...every,
				options: { sortColumn: 'name', sortDirection: 'asc' },
			},
		],
	),
	['user', { operation: 'getCredential', user: USER, credentialId: ID }],
	['user', { operation: 'disableCredential', user: USER, credentialId: ID }],
	...['newUser', 'existingUser'].flatMap(
		(registerFor): Array<[string, Record<string, unknown>]> => [
			[
				'registration',
				{
					operation: 'startAuthenticator',
					registerFor,
					user: USER,
					newUsername: 'new@autharmor.example',
					additionalFields: { timeoutSeconds: 600 },
				},
			],
			[
				'registration',
				{
					operation: 'startMagicLink',
					registerFor,
					user: USER,
					emailAddress: 'new@autharmor.example',
					registrationRedirectUrl: 'https://example.com/r',
					additionalFields: {
						timeoutSeconds: 600,
						actionName: 'Join',
						shortMessage: 'hi',
						contextData: '{"a":"1"}',
						ipAddress: '10.0.0.1',
						userAgent: 'ua',
					},
				},
			],
			[
				'registration',
				{
					operation: 'startWebAuthn',
					registerFor,
					user: USER,
					newUsername: 'new@autharmor.example',
					emailAddress: 'new@autharmor.example',
					webauthnClientId: 'c1',
					additionalFields: {
						attachmentType: 'Any',
						residentKeyRequirementType: 'Preferred',
						timeoutSeconds: 600,
						userVerificationRequirementType: 'Preferred',
					},
				},
			],
			[
				'registration',
				{
					operation: 'finishWebAuthn',
					registerFor,
					user: USER,
					registrationId: ID,
					aaSig: 's',
					authenticatorResponseData: '{"id":"x"}',
					additionalFields: { webauthnClientId: 'c1' },
				},
			],
		],
	),
	[
		'registration',
		{ operation: 'validateAuthenticator', registrationId: ID, registrationValidationToken: 't' },
	],
	[
		'registration',
		{
			operation: 'validateMagicLink',
			registrationId: ID,
			registrationValidationToken: 't',
			additionalFields: { ipAddress: '10.0.0.1', userAgent: 'ua' },
		},
	],
	[
		'registration',
		{ operation: 'validateWebAuthn', registrationId: ID, registrationValidationToken: 't' },
	],
	[
		'registration',
		{
			operation: 'changeEmail',
			user: USER,
			newEmailAddress: 'new@autharmor.example',
			registrationRedirectUrl: 'https://example.com/r',
			additionalFields: {
				timeoutSeconds: 600,
				actionName: 'Change',
				shortMessage: 'hi',
				contextData: '{"a":"1"}',
			},
		},
	],
	['registration', { operation: 'getStatus', registrationId: ID }],
];

test("every request of every operation is a spec operation, with the spec's query and body field names; all 31 are covered", async () => {
	const { sandbox, helper } = fixture;
	sandbox.configure({ authArmorApprover: { action: 'decline', afterMs: 0 } });
	const credential = authArmorCredential();
	const covered = new Set<SpecOperation>();
	for (const [resource, parameters] of CASES) {
		sandbox.clearRequests();
		// The answer does not matter here (IDs are made up): what was sent does.
		await runNode({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: { resource, ...parameters },
			credential,
			continueOnFail: true,
		});
		const sent = sandbox.requests.filter(
			(r) => r.api === 'authArmor' && r.path !== '/connect/token',
		);
		expect({ case: `${resource}.${String(parameters.operation)}`, sent: sent.length > 0 }).toEqual({
			case: `${resource}.${String(parameters.operation)}`,
			sent: true,
		});
		for (const request of sent) {
			const label = `${resource}.${String(parameters.operation)}: ${request.method} ${request.path}`;
			const operation = OPERATIONS.find(
				(o) => o.method === request.method && o.pattern.test(request.path),
			);
			expect({ label, inSpec: Boolean(operation) }).toEqual({ label, inSpec: true });
			covered.add(operation!);
			const query = Object.keys(request.query ?? {});
			expect({ label, query: query.filter((name) => !operation!.query.has(name)) }).toEqual({
				label,
				query: [],
			});
			if (request.body) {
				const fields = Object.keys(JSON.parse(request.body) as object);
				expect({
					label,
					body: operation!.body ? fields.filter((f) => !operation!.body!.has(f)) : fields,
				}).toEqual({ label, body: [] });
			}
		}
	}
	const missing = OPERATIONS.filter((o) => !covered.has(o)).map((o) => `${o.method} ${o.template}`);
	expect(missing).toEqual([]);
	expect(OPERATIONS).toHaveLength(31);
});
