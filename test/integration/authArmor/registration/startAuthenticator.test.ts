/**
 * Registration -> Start Authenticator Registration
 * (nodes/AuthArmor/actions/registration/startAuthenticator.operation.ts) against the sandbox: a new user
 * (username and timeout in the body), an existing user by username (zero GUID + header) or by ID (no body),
 * the v3 path, and inputs refused before any request.
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
import { existingUser, registration } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

test('new user: {username, timeout_in_seconds}; the output has the QR code data, the ID and the token', async () => {
	const { sandbox } = fixture;
	const [started] = await run(
		registration('startAuthenticator', {
			newUsername: ' newbie@autharmor.example ',
			additionalFields: { timeoutSeconds: 600 },
		}),
	);

	const [request] = requestsTo(
		sandbox,
		'authArmor',
		'/v4/users/registrations/authenticator/start',
		'POST',
	);
	expect(JSON.parse(request.body)).toEqual({
		username: 'newbie@autharmor.example',
		timeout_in_seconds: 600,
	});
	expect(started).toEqual({
		username: 'newbie@autharmor.example',
		registration_id: expect.any(String),
		user_id: expect.any(String),
		date_expires: expect.any(String),
		auth_method: 'AuthArmorAuthenticator',
		qr_code_data: expect.stringContaining(String(started.registration_id)),
		registration_validation_token: expect.any(String),
	});
});

test('existing user by username: zero GUID in the path, the username in the header, no body', async () => {
	const { sandbox } = fixture;
	const username = authArmorDefaultUsername(6);
	const [started] = await run(
		registration('startAuthenticator', existingUser('username', username)),
	);

	const [request] = requestsTo(
		sandbox,
		'authArmor',
		`/v4/users/${AUTHARMOR_EMPTY_GUID}/registrations/authenticator/start`,
		'POST',
	);
	expect(header(request, 'x-autharmor-usernamevalue')).toBe(username);
	expect(request.body).toBe('');
	expect(started).toMatchObject({ username, user_id: authArmorUserId(6) });
	expect(started.qr_code_data).toEqual(expect.any(String));
});

test('existing user by ID: the ID is the path segment', async () => {
	const { sandbox } = fixture;
	const [started] = await run(
		registration('startAuthenticator', existingUser('id', authArmorUserId(7))),
	);
	expect(started.user_id).toBe(authArmorUserId(7));
	expect(
		requestsTo(
			sandbox,
			'authArmor',
			`/v4/users/${authArmorUserId(7)}/registrations/authenticator/start`,
		),
	).toHaveLength(1);
});

test('a v3 credential sends the v3 path', async () => {
	const { sandbox } = fixture;
	const [started] = await run(
		registration('startAuthenticator', { newUsername: 'v3user@autharmor.example' }),
		authArmorCredential({ apiVersion: 'v3' }),
	);
	expect(started.registration_id).toEqual(expect.any(String));
	const [request] = requestsTo(sandbox, 'authArmor', '/v3/users/authenticator/register/start');
	expect(JSON.parse(request.body)).toEqual({ username: 'v3user@autharmor.example' });
});

test.each([
	[{ newUsername: 'x' }, /^The Username must have 2 to 42 characters, not 1\.$/],
	[{ newUsername: '  ' }, /^Enter the Username: it is empty\.$/],
	[
		{ newUsername: 'ok@autharmor.example', additionalFields: { timeoutSeconds: 5 } },
		/^Timeout \(Seconds\) must be a whole number from 15 to 86400/,
	],
	[existingUser('id', 'not-a-uuid'), /is not a user ID/],
])('%p is refused before any request', async (parameters, message) => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: registration('startAuthenticator', parameters),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(sandbox.requests).toHaveLength(0);
});
