/**
 * Registration -> Start WebAuthn Registration
 * (nodes/AuthArmor/actions/registration/startWebAuthn.operation.ts) against the sandbox: a new user by
 * username and / or email address with every option, an existing user, and inputs refused before any
 * request.
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

const CLIENT_ID = 'webauthn-client-1';

test('new user: {username, email_address, webauthn_client_id, ...}; the output has the FIDO2 options', async () => {
	const { sandbox } = fixture;
	const [started] = await run(
		registration('startWebAuthn', {
			newUsername: 'keyholder',
			emailAddress: 'keyholder@autharmor.example',
			webauthnClientId: CLIENT_ID,
			additionalFields: {
				attachmentType: 'CrossPlatform',
				residentKeyRequirementType: 'required',
				userVerificationRequirementType: 'discouraged',
				timeoutSeconds: 120,
			},
		}),
	);

	const [request] = requestsTo(
		sandbox,
		'authArmor',
		'/v4/users/registrations/webauthn/start',
		'POST',
	);
	expect(JSON.parse(request.body)).toEqual({
		username: 'keyholder',
		email_address: 'keyholder@autharmor.example',
		webauthn_client_id: CLIENT_ID,
		attachment_type: 'CrossPlatform',
		resident_key_requirement_type: 'required',
		user_verification_requirement_type: 'discouraged',
		timeout_in_seconds: 120,
	});
	expect(started).toEqual({
		fido2_json_options: expect.objectContaining({
			user: expect.objectContaining({ name: 'keyholder' }),
			timeout: 120_000,
			authenticatorSelection: {
				authenticatorAttachment: 'cross-platform',
				residentKey: 'required',
				userVerification: 'discouraged',
			},
		}),
		registration_id: expect.any(String),
		aa_sig: expect.any(String),
	});
});

test('new user by email address only: no username is sent', async () => {
	const { sandbox } = fixture;
	const [started] = await run(
		registration('startWebAuthn', {
			emailAddress: 'only.email@autharmor.example',
			webauthnClientId: CLIENT_ID,
		}),
	);
	expect(started.registration_id).toEqual(expect.any(String));
	const [request] = requestsTo(sandbox, 'authArmor', '/v4/users/registrations/webauthn/start');
	expect(JSON.parse(request.body)).toEqual({
		email_address: 'only.email@autharmor.example',
		webauthn_client_id: CLIENT_ID,
	});
});

test('existing user by username: zero GUID + header, no username or email in the body', async () => {
	const { sandbox } = fixture;
	const username = authArmorDefaultUsername(11);
	const [started] = await run(
		registration('startWebAuthn', {
			...existingUser('username', username),
			webauthnClientId: CLIENT_ID,
		}),
	);
	expect(started).toMatchObject({ user_id: authArmorUserId(11), aa_sig: expect.any(String) });
	const [request] = requestsTo(
		sandbox,
		'authArmor',
		`/v4/users/${AUTHARMOR_EMPTY_GUID}/registrations/webauthn/start`,
		'POST',
	);
	expect(header(request, 'x-autharmor-usernamevalue')).toBe(username);
	expect(JSON.parse(request.body)).toEqual({ webauthn_client_id: CLIENT_ID });
});

test('existing user by ID: the ID is the path segment', async () => {
	const { sandbox } = fixture;
	await run(
		registration('startWebAuthn', {
			...existingUser('id', authArmorUserId(12)),
			webauthnClientId: CLIENT_ID,
		}),
	);
	expect(
		requestsTo(
			sandbox,
			'authArmor',
			`/v4/users/${authArmorUserId(12)}/registrations/webauthn/start`,
		),
	).toHaveLength(1);
});

test.each([
	[{ webauthnClientId: CLIENT_ID }, /^Enter the Username or the Email Address of the new user/],
	[{ newUsername: 'x1', webauthnClientId: ' ' }, /^Enter the WebAuthn Client ID: it is empty\.$/],
	[
		{ emailAddress: 'nope', webauthnClientId: CLIENT_ID },
		/^The Email Address "nope" is not an email address\.$/,
	],
])('%p is refused before any request', async (parameters, message) => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: registration('startWebAuthn', parameters),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(sandbox.requests).toHaveLength(0);
});
