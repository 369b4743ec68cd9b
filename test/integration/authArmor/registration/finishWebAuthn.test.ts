/**
 * Registration -> Finish WebAuthn Registration
 * (nodes/AuthArmor/actions/registration/finishWebAuthn.operation.ts) against the sandbox: the browser's
 * answer for a new user's and an existing user's registration (each on its own route), a declined one, and
 * inputs refused before any request.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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
type Credential = ReturnType<typeof authArmorCredential>;

const CLIENT_ID = 'webauthn-client-1';
const BROWSER_ANSWER = {
	id: 'credential-abc123456789',
	attestation_object: 'o2NmbXRkbm9uZQ',
	client_data: 'eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0',
};

async function start(parameters: Record<string, unknown>, credential: Credential) {
	const [started] = await run(
		registration('startWebAuthn', { webauthnClientId: CLIENT_ID, ...parameters }),
		credential,
	);
	return started;
}

test('new user: {aa_sig, authenticator_response_data, webauthn_client_id}; the output has the validation token', async () => {
	const { sandbox } = fixture;
	const credential = authArmorCredential();
	const started = await start({ newUsername: 'finisher@autharmor.example' }, credential);
	const id = String(started.registration_id);

	const [finished] = await run(
		registration('finishWebAuthn', {
			registrationId: id,
			aaSig: String(started.aa_sig),
			authenticatorResponseData: JSON.stringify(BROWSER_ANSWER),
			additionalFields: { webauthnClientId: CLIENT_ID },
		}),
		credential,
	);

	const [request] = requestsTo(
		sandbox,
		'authArmor',
		`/v4/users/registrations/webauthn/${id}/finish`,
		'POST',
	);
	expect(JSON.parse(request.body)).toEqual({
		aa_sig: started.aa_sig,
		authenticator_response_data: BROWSER_ANSWER,
		webauthn_client_id: CLIENT_ID,
	});
	expect(finished).toEqual({
		registration_validation_token: expect.any(String),
		user_id: expect.any(String),
		username: 'finisher@autharmor.example',
	});
});

test("existing user by username: the user's route (zero GUID + header), the answer given as an object", async () => {
	const { sandbox } = fixture;
	const credential = authArmorCredential();
	const username = authArmorDefaultUsername(14);
	const started = await start(existingUser('username', username), credential);
	const id = String(started.registration_id);

	const [finished] = await run(
		registration('finishWebAuthn', {
			...existingUser('username', username),
			registrationId: id,
			aaSig: String(started.aa_sig),
			authenticatorResponseData: BROWSER_ANSWER,
		}),
		credential,
	);

	expect(finished).toMatchObject({ user_id: authArmorUserId(14), username });
	const [request] = requestsTo(
		sandbox,
		'authArmor',
		`/v4/users/${AUTHARMOR_EMPTY_GUID}/registrations/webauthn/${id}/finish`,
		'POST',
	);
	expect(header(request, 'x-autharmor-usernamevalue')).toBe(username);
	expect(JSON.parse(request.body)).toEqual({
		aa_sig: started.aa_sig,
		authenticator_response_data: BROWSER_ANSWER,
	});
});

test('existing user by ID: the ID is the path segment', async () => {
	const { sandbox } = fixture;
	const credential = authArmorCredential();
	const userId = authArmorUserId(15);
	const started = await start(existingUser('id', userId), credential);
	await run(
		registration('finishWebAuthn', {
			...existingUser('id', userId),
			registrationId: String(started.registration_id),
			aaSig: String(started.aa_sig),
			authenticatorResponseData: JSON.stringify(BROWSER_ANSWER),
		}),
		credential,
	);
	expect(
		requestsTo(
			sandbox,
			'authArmor',
			`/v4/users/${userId}/registrations/webauthn/${started.registration_id}/finish`,
		),
	).toHaveLength(1);
});

test('the person declines in the browser: a 400 NodeApiError', async () => {
	const { sandbox, helper } = fixture;
	sandbox.configure({ authArmorApprover: { action: 'decline', afterMs: 0 } });
	const credential = authArmorCredential();
	const started = await start({ newUsername: 'decliner@autharmor.example' }, credential);
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: registration('finishWebAuthn', {
			registrationId: String(started.registration_id),
			aaSig: String(started.aa_sig),
			authenticatorResponseData: JSON.stringify(BROWSER_ANSWER),
		}),
		credential,
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Auth Armor answered 400/);
});

test.each([
	[
		{ authenticatorResponseData: 'not json' },
		/^Authenticator Response Data must be a JSON object\.$/,
	],
	[{ authenticatorResponseData: '["a"]' }, /^Authenticator Response Data must be a JSON object\.$/],
	[{ aaSig: '' }, /^Enter the AA Sig: it is empty\.$/],
	[{ registrationId: '' }, /^Enter the Registration ID: it is empty\.$/],
])('%p is refused before any request', async (parameters, message) => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: registration('finishWebAuthn', {
			registrationId: '5b1f7c2a-9e4d-4b8a-a6f3-2c0d9e8b7a61',
			aaSig: 'sig',
			authenticatorResponseData: JSON.stringify(BROWSER_ANSWER),
			...parameters,
		}),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(sandbox.requests).toHaveLength(0);
});
