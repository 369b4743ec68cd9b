/**
 * Registration -> Validate Authenticator Registration
 * (nodes/AuthArmor/actions/registration/validateAuthenticator.operation.ts) against the sandbox: the whole
 * flow through the node (start, the person accepts in the app, Get Status, validate, the user and their
 * credential exist), a credential added to an existing user, and refusals.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { authArmorUserId } from '../../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, requestsTo, runNodeError, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, getUser } from '../helpers';
import { existingUser, registration } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

function validate(registrationId: unknown, token: unknown) {
	return registration('validateAuthenticator', {
		registrationId: String(registrationId),
		registrationValidationToken: String(token),
	});
}

test('new user: start, accepted, Get Status says Pending Validation, validate, the user exists', async () => {
	const { sandbox } = fixture;
	sandbox.configure({ authArmorApprover: { action: 'approve', afterMs: 0 } });
	const credential = authArmorCredential();
	const [started] = await run(
		registration('startAuthenticator', { newUsername: 'flow@autharmor.example' }),
		credential,
	);
	const id = started.registration_id;

	const [pending] = await run(
		registration('getStatus', { registrationId: String(id) }),
		credential,
	);
	expect(pending).toEqual({
		registration_status_name: 'Pending Validation',
		registration_status_code: 8,
		auth_method: 'AuthArmorAuthenticator',
	});

	const [validated] = await run(validate(id, started.registration_validation_token), credential);
	const [request] = requestsTo(
		sandbox,
		'authArmor',
		`/v4/users/registrations/authenticator/${id}/validate`,
		'POST',
	);
	expect(JSON.parse(request.body)).toEqual({
		registration_validation_token: started.registration_validation_token,
	});
	expect(validated).toEqual({
		credential_id: expect.any(String),
		user_id: started.user_id,
		username: 'flow@autharmor.example',
	});

	const [registered] = await run(
		registration('getStatus', { registrationId: String(id) }),
		credential,
	);
	expect(registered.registration_status_code).toBe(2);
	const [user] = await run(getUser('username', 'flow@autharmor.example'), credential);
	expect(user).toMatchObject({ user_id: started.user_id, username: 'flow@autharmor.example' });
	expect(user.enrolled_auth_methods).toEqual([
		expect.objectContaining({ auth_method_name: expect.stringMatching(/Authenticator/i) }),
	]);
});

test("existing user: the new authenticator is one of the user's credentials afterwards", async () => {
	const credential = authArmorCredential();
	const userId = authArmorUserId(2);
	const [started] = await run(
		registration('startAuthenticator', existingUser('id', userId)),
		credential,
	);
	const [validated] = await run(
		validate(started.registration_id, started.registration_validation_token),
		credential,
	);
	expect(validated.user_id).toBe(userId);

	const [listed] = await run(
		{
			resource: 'apiRequest',
			operation: 'send',
			method: 'GET',
			path: `/v4/users/${userId}/credentials`,
		},
		credential,
	);
	const records = listed.credential_records as Array<Record<string, unknown>>;
	expect(records.map((record) => record.credential_id)).toContain(validated.credential_id);
});

test('a declined registration cannot be validated: the API error is a NodeApiError', async () => {
	const { sandbox, helper } = fixture;
	sandbox.configure({ authArmorApprover: { action: 'decline', afterMs: 0 } });
	const credential = authArmorCredential();
	const [started] = await run(
		registration('startAuthenticator', { newUsername: 'nope@autharmor.example' }),
		credential,
	);
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: validate(started.registration_id, started.registration_validation_token),
		credential,
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Auth Armor answered 400/);
});

test.each([
	[validate('', 'token'), /^Enter the Registration ID: it is empty\.$/],
	[validate(authArmorUserId(1), ' '), /^Enter the Registration Validation Token: it is empty\.$/],
])('missing input is refused before any request (%#)', async (parameters, message) => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters,
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(sandbox.requests).toHaveLength(0);
});
