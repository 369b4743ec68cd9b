/**
 * Authentication -> Validate Magic Link Auth (nodes/AuthArmor/actions/authentication/validate.ts) against
 * the sandbox: the token the email's link carries validates once, and the context data comes back.
 */
import { NodeApiError } from 'n8n-workflow';

import { authArmorDefaultUsername, authArmorUserId } from '../../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, requestsTo, runNodeError, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers } from '../helpers';
import { authentication, emailLinkOf, magicLinkStart } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);
const USERNAME = authArmorDefaultUsername(6);

test("the link's token validates: approved, with the context data; a second validation fails", async () => {
	const { sandbox, helper } = fixture;
	const [response] = await run(
		magicLinkStart({ username: USERNAME, context_data: { cart: '8812' } }),
	);
	const { authRequestId, token } = emailLinkOf(response);

	const parameters = authentication('validateMagicLink', {
		authRequestId,
		authValidationToken: token,
	});
	const [validated] = await run(parameters);

	const [request] = requestsTo(sandbox, 'authArmor', '/v4/auth/magiclink_email/validate', 'POST');
	expect(JSON.parse(request.body)).toEqual({
		auth_request_id: authRequestId,
		auth_validation_token: token,
	});
	expect(validated).toMatchObject({
		authRequestId,
		approved: true,
		result: 'approved',
		userId: authArmorUserId(6),
		username: USERNAME,
		method: 'Magiclink_Email',
		contextData: { cart: '8812' },
	});

	const again = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters,
		credential: authArmorCredential(),
	});
	expect(again).toBeInstanceOf(NodeApiError);
	expect(again.message).toMatch(/^Auth Armor answered 400/);
});
