/**
 * The Auth Armor node's User -> Get Credential (nodes/AuthArmor/actions/user/getCredential.operation.ts)
 * against the sandbox: by username (header) or ID, another user's credential, an empty ID.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	AUTHARMOR_EMPTY_GUID,
	authArmorCredentialId,
	authArmorCredentials,
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

function getCredential(user: ReturnType<typeof userLocator>, credentialId: string) {
	return { resource: 'user', operation: 'getCredential', user, credentialId };
}

test('by username: zero GUID and the header, the credential ID in the path', async () => {
	const username = authArmorDefaultUsername(2);
	const id = authArmorCredentialId(2, 3);
	const [credential] = await run(getCredential(userLocator('username', username), ` ${id} `));

	expect(credential).toEqual(authArmorCredentials(2)[2]);
	const path = `/v4/users/${AUTHARMOR_EMPTY_GUID}/credentials/${id}`;
	const [request] = requestsTo(fixture.sandbox, 'authArmor', path, 'GET');
	expect(header(request, 'x-autharmor-usernamevalue')).toBe(username);
});

test("by ID; another user's credential is not found (404)", async () => {
	const { helper } = fixture;
	const [credential] = await run(
		getCredential(userLocator('id', authArmorUserId(1)), authArmorCredentialId(1, 1)),
	);
	expect(credential.name).toBe('iPhone 15');

	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: getCredential(userLocator('id', authArmorUserId(1)), authArmorCredentialId(2, 1)),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Auth Armor answered 404/);
});

test.each([
	['  ', /^Enter the Credential ID: it is empty\.$/],
	['../../credentials', /\.\.\//],
])('the Credential ID %p is refused before any request', async (credentialId, message) => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: getCredential(userLocator('id', authArmorUserId(1)), credentialId),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(sandbox.requests.filter((request) => request.path !== '/connect/token')).toHaveLength(0);
});
