/**
 * Authentication -> Validate Authenticator Auth (nodes/AuthArmor/actions/authentication/validate.ts)
 * against the sandbox: started with a nonce, answered by the simulated person, validated with the token and
 * the same nonce; the simplified and the raw answer; a declined request; a wrong nonce.
 */
import { NodeApiError } from 'n8n-workflow';

import { authArmorDefaultUsername, authArmorUserId } from '../../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, requestsTo, runNodeError, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from '../helpers';
import { authentication } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);
const USERNAME = authArmorDefaultUsername(4);

async function start(nonce = 'n-42') {
	const [started] = await run(
		authentication('startAuthenticator', {
			user: userLocator('username', USERNAME),
			additionalFields: { nonce },
		}),
	);
	return {
		authRequestId: String(started.auth_request_id),
		authValidationToken: String(started.auth_validation_token),
	};
}

test('approved: the body has the ID, token and nonce; Simplify says who answered and when', async () => {
	const { sandbox } = fixture;
	const { authRequestId, authValidationToken } = await start();
	const [validated] = await run(
		authentication('validateAuthenticator', {
			authRequestId,
			authValidationToken,
			additionalFields: { nonce: 'n-42', ipAddress: '203.0.113.7', userAgent: 'Mozilla/5.0' },
		}),
	);

	const [request] = requestsTo(sandbox, 'authArmor', '/v4/auth/authenticator/validate', 'POST');
	expect(JSON.parse(request.body)).toEqual({
		auth_request_id: authRequestId,
		auth_validation_token: authValidationToken,
		nonce: 'n-42',
		ip_address: '203.0.113.7',
		user_agent: 'Mozilla/5.0',
	});
	expect(validated).toEqual({
		authRequestId,
		status: 'Completed',
		approved: true,
		authorized: true,
		result: 'approved',
		resultCode: 2,
		resultMessage: 'Success',
		userId: authArmorUserId(4),
		username: USERNAME,
		respondedAt: expect.any(String),
		requestedAt: expect.any(String),
		method: 'AuthArmorAuthenticator',
		device: expect.any(Object),
	});
});

test('Simplify off returns the answer as the API sent it', async () => {
	const { authRequestId, authValidationToken } = await start();
	const [validated] = await run(
		authentication('validateAuthenticator', {
			authRequestId,
			authValidationToken,
			simplify: false,
			additionalFields: { nonce: 'n-42' },
		}),
	);
	expect(validated).toMatchObject({
		auth_request_status_id: 2,
		auth_request_status_name: 'Completed',
		validate_auth_response_details: { auth_history_id: authRequestId, authorized: true },
	});
});

test('declined: not approved, and says so', async () => {
	fixture.sandbox.configure({ authArmorApprover: { action: 'decline', afterMs: 0 } });
	const { authRequestId, authValidationToken } = await start();
	const [validated] = await run(
		authentication('validateAuthenticator', {
			authRequestId,
			authValidationToken,
			additionalFields: { nonce: 'n-42' },
		}),
	);
	expect(validated).toMatchObject({ approved: false, authorized: false, result: 'declined' });
});

test("a nonce other than the start's fails the validation (400)", async () => {
	const { helper } = fixture;
	const { authRequestId, authValidationToken } = await start();
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: authentication('validateAuthenticator', { authRequestId, authValidationToken }),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Auth Armor answered 400/);
});
