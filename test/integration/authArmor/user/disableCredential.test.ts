/**
 * The Auth Armor node's User -> Disable Credential (nodes/AuthArmor/actions/user/
 * disableCredential.operation.ts) against the sandbox: POST without a body, the credential answered disabled
 * (again when repeated), and the person can no longer sign in with it.
 */
import { NodeApiError } from 'n8n-workflow';

import {
	AUTHARMOR_EMPTY_GUID,
	authArmorCredentialId,
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
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

test("disabling user 3's only phone: enabled false, and an authenticator sign-in is refused", async () => {
	const { sandbox, helper } = fixture;
	const user = userLocator('id', authArmorUserId(3));
	const id = authArmorCredentialId(3, 1);
	const parameters = { resource: 'user', operation: 'disableCredential', user, credentialId: id };

	const [disabled] = await run(parameters);
	expect(disabled).toMatchObject({
		credential_id: id,
		device_type: 'autharmor_authenticator',
		enabled: false,
	});
	const path = `/v4/users/${authArmorUserId(3)}/credentials/${id}/disable`;
	const [request] = requestsTo(sandbox, 'authArmor', path, 'POST');
	expect(request.body).toBe('');

	const [again] = await run(parameters);
	expect(again).toEqual(disabled);

	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: { resource: 'authentication', operation: 'startAuthenticator', user },
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Auth Armor answered 400/);
});

test('by username: zero GUID in the path, the username in the header', async () => {
	const username = authArmorDefaultUsername(2);
	const id = authArmorCredentialId(2, 2);
	const [disabled] = await run({
		resource: 'user',
		operation: 'disableCredential',
		user: userLocator('username', username),
		credentialId: id,
	});
	expect(disabled).toMatchObject({ device_type: 'magiclink_email', enabled: false });
	const path = `/v4/users/${AUTHARMOR_EMPTY_GUID}/credentials/${id}/disable`;
	const [request] = requestsTo(fixture.sandbox, 'authArmor', path, 'POST');
	expect(header(request, 'x-autharmor-usernamevalue')).toBe(username);
});
