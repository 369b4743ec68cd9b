/**
 * Authentication -> Start WebAuthn Auth (nodes/AuthArmor/actions/authentication/startWebAuthn.operation.ts)
 * against the sandbox: the WebAuthn client ID and the other fields in the body, the browser's options in the
 * output, and an empty client ID refused before any request.
 */
import { NodeOperationError } from 'n8n-workflow';

import { authArmorUserId } from '../../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, requestsTo, runNodeError, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from '../helpers';
import { authentication } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

test("the body has the client ID and nonce; the output has the options for the browser's WebAuthn call", async () => {
	const { sandbox } = fixture;
	const [started] = await run(
		authentication('startWebAuthn', {
			user: userLocator('id', authArmorUserId(1)),
			webauthnClientId: ' client-1 ',
			additionalFields: { nonce: 'n-1', actionName: 'Log in', authTimeoutSeconds: 45 },
		}),
	);

	const [request] = requestsTo(sandbox, 'authArmor', '/v4/auth/webauthn/start', 'POST');
	expect(JSON.parse(request.body)).toEqual({
		user_id: authArmorUserId(1),
		webauthn_client_id: 'client-1',
		nonce: 'n-1',
		action_name: 'Log in',
		timeout_in_seconds: 45,
	});
	expect(started).toEqual({
		fido2_json_options: expect.any(String),
		auth_request_id: expect.any(String),
		aa_guid: expect.any(String),
	});
	// User 1 has two enabled WebAuthn keys.
	const options = JSON.parse(String(started.fido2_json_options));
	expect(options).toMatchObject({ timeout: 45_000 });
	expect(options.allowCredentials).toHaveLength(2);
});

test('an empty WebAuthn Client ID is refused before any request', async () => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: authentication('startWebAuthn', {
			user: userLocator('id', authArmorUserId(1)),
			webauthnClientId: '  ',
		}),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toBe('Enter the WebAuthn Client ID: it is empty.');
	expect(requestsTo(sandbox, 'authArmor', '/v4/auth/webauthn/start')).toHaveLength(0);
});
