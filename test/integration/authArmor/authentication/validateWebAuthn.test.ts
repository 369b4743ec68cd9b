/**
 * Authentication -> Validate WebAuthn Auth (nodes/AuthArmor/actions/authentication/validate.ts) against the
 * sandbox: Start, Finish and Validate WebAuthn Auth chained; approved and declined answers.
 */
import { authArmorUserId } from '../../../sandbox/server';
import { requestsTo, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from '../helpers';
import { authentication } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { run } = authArmorHelpers(fixture);

async function startFinishValidate() {
	const [started] = await run(
		authentication('startWebAuthn', {
			user: userLocator('id', authArmorUserId(1)),
			webauthnClientId: 'client-1',
			additionalFields: { nonce: 'n-7' },
		}),
	);
	const [finished] = await run(
		authentication('finishWebAuthn', {
			authRequestId: String(started.auth_request_id),
			aaSig: String(started.aa_guid),
			authenticatorResponseData: '{"id": "key-1"}',
		}),
	);
	const [validated] = await run(
		authentication('validateWebAuthn', {
			authRequestId: String(finished.auth_request_id),
			authValidationToken: String(finished.auth_validation_token),
			additionalFields: { nonce: 'n-7' },
		}),
	);
	return { started, validated };
}

test("approved: validated with the token Finish returned and the start's nonce", async () => {
	const { started, validated } = await startFinishValidate();
	const [request] = requestsTo(fixture.sandbox, 'authArmor', '/v4/auth/webauthn/validate', 'POST');
	expect(JSON.parse(request.body)).toMatchObject({
		auth_request_id: started.auth_request_id,
		nonce: 'n-7',
	});
	expect(validated).toMatchObject({
		authRequestId: String(started.auth_request_id),
		approved: true,
		result: 'approved',
		userId: authArmorUserId(1),
		method: 'WebAuthN',
	});
});

test('declined in the browser: not approved', async () => {
	fixture.sandbox.configure({ authArmorApprover: { action: 'decline', afterMs: 0 } });
	const { validated } = await startFinishValidate();
	expect(validated).toMatchObject({ approved: false, authorized: false, result: 'declined' });
});
