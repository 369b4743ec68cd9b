/**
 * Registration -> Start Magic Link Registration
 * (nodes/AuthArmor/actions/registration/startMagicLink.operation.ts) against the sandbox: a new user and an
 * existing user (by username in the query string, by ID), every optional field with its spec name, and
 * inputs refused before any request.
 */
import { NodeOperationError } from 'n8n-workflow';

import {
	AUTHARMOR_EMPTY_GUID,
	authArmorDefaultUsername,
	authArmorUserId,
} from '../../../sandbox/server';
import {
	AUTHARMOR_NODE_TYPE,
	header,
	requestsTo,
	runNodeError,
	sandboxPerTest,
} from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers } from '../helpers';
import { REDIRECT_URL, existingUser, registration } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

test('new user: every field under its spec name; the output has the link timeout', async () => {
	const { sandbox } = fixture;
	const [started] = await run(
		registration('startMagicLink', {
			emailAddress: ' new.person@autharmor.example ',
			registrationRedirectUrl: REDIRECT_URL,
			additionalFields: {
				timeoutSeconds: 900,
				actionName: 'Sign up',
				shortMessage: 'Confirm your email',
				contextData: '{"source": "web", "attempt": 2}',
				ipAddress: '203.0.113.7',
				userAgent: 'Mozilla/5.0',
			},
		}),
	);

	const [request] = requestsTo(
		sandbox,
		'authArmor',
		'/v4/users/registrations/magiclink_email/start',
		'POST',
	);
	expect(JSON.parse(request.body)).toEqual({
		email_address: 'new.person@autharmor.example',
		registration_redirect_url: REDIRECT_URL,
		timeout_in_seconds: 900,
		action_name: 'Sign up',
		short_msg: 'Confirm your email',
		context_data: { source: 'web', attempt: '2' },
		ip_address: '203.0.113.7',
		user_agent: 'Mozilla/5.0',
	});
	expect(started).toEqual({
		timeout_in_seconds: 900,
		timeout_utc_datetime: expect.any(String),
	});
});

test('existing user by username with "Send Username In: Query String"', async () => {
	const { sandbox } = fixture;
	const username = authArmorDefaultUsername(3);
	const [started] = await run(
		registration('startMagicLink', {
			...existingUser('username', username),
			emailAddress: 'three@autharmor.example',
			registrationRedirectUrl: REDIRECT_URL,
			options: { usernameIn: 'query' },
		}),
	);
	expect(started.timeout_in_seconds).toBe(300);
	const [request] = requestsTo(
		sandbox,
		'authArmor',
		`/v4/users/${AUTHARMOR_EMPTY_GUID}/registrations/magiclink_email/start`,
		'POST',
	);
	expect(request.query).toEqual({ username });
	expect(header(request, 'x-autharmor-usernamevalue')).toBeUndefined();
	expect(JSON.parse(request.body)).toEqual({
		email_address: 'three@autharmor.example',
		registration_redirect_url: REDIRECT_URL,
	});
});

test('existing user by ID: the ID is the path segment', async () => {
	const { sandbox } = fixture;
	await run(
		registration('startMagicLink', {
			...existingUser('id', authArmorUserId(5)),
			emailAddress: 'five@autharmor.example',
			registrationRedirectUrl: REDIRECT_URL,
		}),
	);
	expect(
		requestsTo(
			sandbox,
			'authArmor',
			`/v4/users/${authArmorUserId(5)}/registrations/magiclink_email/start`,
		),
	).toHaveLength(1);
});

test.each([
	[
		{ emailAddress: 'not an email' },
		/^The Email Address "not an email" is not an email address\.$/,
	],
	[{ registrationRedirectUrl: 'app.example/cb' }, /is not a web address/],
	[{ registrationRedirectUrl: 'javascript:alert(1)' }, /is not a web address/],
	[{ registrationRedirectUrl: '' }, /^Enter the Registration Redirect URL: it is empty\.$/],
	[{ additionalFields: { contextData: '[1]' } }, /^Context Data must be a JSON object\.$/],
	[
		{ additionalFields: { contextData: '{"a": {"b": 1}}' } },
		/Context Data "a" must be a text value/,
	],
])('%p is refused before any request', async (parameters, message) => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: registration('startMagicLink', {
			emailAddress: 'ok@autharmor.example',
			registrationRedirectUrl: REDIRECT_URL,
			...parameters,
		}),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(sandbox.requests).toHaveLength(0);
});
