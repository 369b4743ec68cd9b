/**
 * Registration -> Validate WebAuthn Registration
 * (nodes/AuthArmor/actions/registration/validateWebAuthn.operation.ts) against the sandbox: the whole flow
 * through the node (start, the browser's answer, Get Status, validate, the key is among the user's
 * credentials) for a new and an existing user, a second validation, and a missing token.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { authArmorUserId } from '../../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, requestsTo, runNodeError, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers } from '../helpers';
import { existingUser, registration } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);
type Credential = ReturnType<typeof authArmorCredential>;

const CLIENT_ID = 'webauthn-client-1';
const BROWSER_ANSWER = {
	id: 'credential-xyz123456789',
	attestation_object: 'o2NmbXRkbm9uZQ',
	client_data: 'eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0',
};

/** Start and finish through the node, as a page would with the browser's answer. */
async function startAndFinish(forUser: Record<string, unknown>, credential: Credential) {
	const [started] = await run(
		registration('startWebAuthn', { webauthnClientId: CLIENT_ID, ...forUser }),
		credential,
	);
	const registrationId = String(started.registration_id);
	const [finished] = await run(
		registration('finishWebAuthn', {
			...forUser,
			registrationId,
			aaSig: String(started.aa_sig),
			authenticatorResponseData: JSON.stringify(BROWSER_ANSWER),
		}),
		credential,
	);
	return { registrationId, token: String(finished.registration_validation_token) };
}

function validate(registrationId: string, token: string) {
	return registration('validateWebAuthn', { registrationId, registrationValidationToken: token });
}

async function credentialsOf(userId: string, credential: Credential) {
	const [listed] = await run(
		{
			resource: 'apiRequest',
			operation: 'send',
			method: 'GET',
			path: `/v4/users/${userId}/credentials`,
		},
		credential,
	);
	return listed.credential_records as Array<Record<string, unknown>>;
}

test('new user: start, finish, Get Status, validate; the user exists with the key', async () => {
	const { sandbox } = fixture;
	const credential = authArmorCredential();
	const { registrationId, token } = await startAndFinish(
		{ newUsername: 'passkey@autharmor.example' },
		credential,
	);
	const [status] = await run(registration('getStatus', { registrationId }), credential);
	expect(status).toMatchObject({ registration_status_code: 8, auth_method: 'WebAuthN' });

	const [validated] = await run(validate(registrationId, token), credential);

	const [request] = requestsTo(
		sandbox,
		'authArmor',
		`/v4/users/registrations/webauthn/${registrationId}/validate`,
		'POST',
	);
	expect(JSON.parse(request.body)).toEqual({ registration_validation_token: token });
	expect(validated).toEqual({
		credential_id: expect.any(String),
		user_id: expect.any(String),
		username: 'passkey@autharmor.example',
	});
	const records = await credentialsOf(String(validated.user_id), credential);
	expect(records).toEqual([
		expect.objectContaining({ credential_id: validated.credential_id, enabled: true }),
	]);
});

test("existing user: the key joins the user's credentials; validating twice is a 400", async () => {
	const { helper } = fixture;
	const credential = authArmorCredential();
	const userId = authArmorUserId(3);
	const before = await credentialsOf(userId, credential);
	const { registrationId, token } = await startAndFinish(existingUser('id', userId), credential);

	const [validated] = await run(validate(registrationId, token), credential);

	expect(validated.user_id).toBe(userId);
	const after = await credentialsOf(userId, credential);
	expect(after).toHaveLength(before.length + 1);
	expect(after.map((record) => record.credential_id)).toContain(validated.credential_id);
	const again = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: validate(registrationId, token),
		credential,
	});
	expect(again).toBeInstanceOf(NodeApiError);
	expect(again.message).toMatch(/^Auth Armor answered 400/);
});

test('an empty token is refused before any request', async () => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: validate('5b1f7c2a-9e4d-4b8a-a6f3-2c0d9e8b7a61', ''),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(/^Enter the Registration Validation Token: it is empty\.$/);
	expect(sandbox.requests).toHaveLength(0);
});
