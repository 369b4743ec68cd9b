/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * Authentication -> Finish WebAuthn Auth (nodes/AuthArmor/actions/authentication/finishWebAuthn.operation.ts)
 * against the sandbox: the browser's answer sent as JSON text (also when an expression gives an object),
 * the validation token in the output, and inputs refused before any request.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { authArmorDefaultUsername, authArmorUserId } from '../../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, requestsTo, runNodeError, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from '../helpers';
import { authentication } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

const RESPONSE = {
	id: 'key-1',
	client_data: 'eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0',
	signature: 'MEUCIQ',
};

async function startWebAuthn() {
	const [started] = await run(
		authentication('startWebAuthn', {
			user: userLocator('id', authArmorUserId(1)),
			webauthnClientId: 'client-1',
		}),
	);
	return { authRequestId: String(started.auth_request_id), aaSig: String(started.aa_guid) };
}

test('sends {auth_request_id, aa_sig, authenticator_response_data as text, webauthn_client_id}', async () => {
	const { sandbox } = fixture;
	const { authRequestId, aaSig } = await startWebAuthn();
	const [finished] = await run(
		authentication('finishWebAuthn', {
			authRequestId,
			aaSig,
			authenticatorResponseData: JSON.stringify(RESPONSE),
			additionalFields: { webauthnClientId: 'client-1' },
		}),
	);

	const [request] = requestsTo(sandbox, 'authArmor', '/v4/auth/webauthn/finish', 'POST');
	expect(JSON.parse(request.body)).toEqual({
		auth_request_id: authRequestId,
		aa_sig: aaSig,
		authenticator_response_data: JSON.stringify(RESPONSE),
		webauthn_client_id: 'client-1',
	});
	expect(finished).toEqual({
		auth_validation_token: expect.any(String),
		user_id: authArmorUserId(1),
		auth_request_id: authRequestId,
		username: authArmorDefaultUsername(1),
	});
});

test('an object from an expression is sent as JSON text', async () => {
	const { sandbox } = fixture;
	const { authRequestId, aaSig } = await startWebAuthn();
	await run(
		authentication('finishWebAuthn', {
			authRequestId,
			aaSig,
			authenticatorResponseData: '={{ $json.response }}',
		}),
		undefined,
		[{ response: RESPONSE }],
	);
	const [request] = requestsTo(sandbox, 'authArmor', '/v4/auth/webauthn/finish');
	expect(JSON.parse(JSON.parse(request.body).authenticator_response_data)).toEqual(RESPONSE);
});

test("an aa_sig other than the start's is refused by the API (400)", async () => {
	const { helper } = fixture;
	const { authRequestId } = await startWebAuthn();
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: authentication('finishWebAuthn', {
			authRequestId,
			aaSig: 'not-the-sig',
			authenticatorResponseData: JSON.stringify(RESPONSE),
		}),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Auth Armor answered 400/);
});

test.each([
	[
		{ authenticatorResponseData: 'not json' },
		/^Authenticator Response Data must be a JSON object\.$/,
	],
	[{ authenticatorResponseData: '' }, /^Enter the Authenticator Response Data: it is empty\.$/],
	[{ authRequestId: 'abc' }, /^The Auth Request ID "abc" is not an auth request ID \(a UUID\)\.$/],
	[{ aaSig: '' }, /^Enter the AA Sig: it is empty\.$/],
])('%j is refused before any request', async (parameters, message) => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: authentication('finishWebAuthn', {
			authRequestId: '0d9a8a3e-2b6f-4a5b-9d2e-6c1f0e7b8a90',
			aaSig: 'sig',
			authenticatorResponseData: JSON.stringify(RESPONSE),
			...parameters,
		}),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(requestsTo(sandbox, 'authArmor', '/v4/auth/webauthn/finish')).toHaveLength(0);
});
