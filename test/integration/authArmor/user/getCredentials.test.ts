/**
 * The Auth Armor node's User -> Get Credentials (nodes/AuthArmor/actions/user/getCredentials.operation.ts)
 * against the sandbox: all methods or one, Return All and a Limit (a user has at most 5 fixture
 * credentials, so one page of 100 holds them all: paging over pages is proven by Get Auth History, which
 * shares authArmorList), sort options, the username in the query, v3 refused.
 */
import { NodeOperationError } from 'n8n-workflow';

import {
	AUTHARMOR_EMPTY_GUID,
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

const USER_ID = authArmorUserId(2);

function credentials(parameters: Record<string, unknown>) {
	return {
		resource: 'user',
		operation: 'getCredentials',
		user: userLocator('id', USER_ID),
		...parameters,
	};
}

test('All Methods, Return All: every credential, enabled or not, in one page of 100', async () => {
	const records = await run(credentials({ returnAll: true }));
	expect(records).toEqual(authArmorCredentials(2));
	const [request] = requestsTo(fixture.sandbox, 'authArmor', `/v4/users/${USER_ID}/credentials`);
	expect(request.query).toEqual({ page_number: '1', page_size: '100' });
});

test('WebAuthn with Limit 2: the method in the path, a page of 2', async () => {
	const records = await run(credentials({ method: 'webauthn', returnAll: false, limit: 2 }));
	expect(records.map((record) => record.name)).toEqual(['YubiKey 5C', 'Windows Hello']);
	const [request] = requestsTo(
		fixture.sandbox,
		'authArmor',
		`/v4/users/${USER_ID}/credentials/webauthn`,
		'GET',
	);
	expect(request.query).toEqual({ page_number: '1', page_size: '2' });
});

test.each([
	['authenticator', 'autharmor_authenticator'],
	['magiclink_email', 'magiclink_email'],
])('%s lists only that kind', async (method, deviceType) => {
	const records = await run(credentials({ method, returnAll: true }));
	expect(records).toEqual(authArmorCredentials(2).filter((c) => c.device_type === deviceType));
});

test('by username in the query, sorted by name descending', async () => {
	const username = authArmorDefaultUsername(2);
	const records = await run(
		credentials({
			user: userLocator('username', username),
			returnAll: true,
			options: { usernameIn: 'query', sortColumn: 'name', sortDirection: 'desc' },
		}),
	);
	const path = `/v4/users/${AUTHARMOR_EMPTY_GUID}/credentials`;
	const [request] = requestsTo(fixture.sandbox, 'authArmor', path, 'GET');
	expect(request.query).toEqual({
		username,
		page_number: '1',
		page_size: '100',
		sort_column: 'name',
		sort_direction: 'desc',
	});
	expect(header(request, 'x-autharmor-usernamevalue')).toBeUndefined();
	expect(records[0].name).toBe('YubiKey 5C');
});

test('an unknown method from an expression, or a v3 credential, is refused before any request', async () => {
	const { sandbox, helper } = fixture;
	const unknown = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: credentials({ method: '../registrations', returnAll: true }),
		credential: authArmorCredential(),
	});
	expect(unknown).toBeInstanceOf(NodeOperationError);
	expect(unknown.message).toBe('"../registrations" is not a credential method.');

	const v3 = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: credentials({ returnAll: true }),
		credential: authArmorCredential({ apiVersion: 'v3' }),
	});
	expect(v3).toBeInstanceOf(NodeOperationError);
	expect(v3.message).toMatch(/v3 API has no GET .*\/credentials: this operation exists only in v4/);
	expect(sandbox.requests.filter((request) => request.path !== '/connect/token')).toHaveLength(0);
});
