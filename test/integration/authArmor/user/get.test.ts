/**
 * The Auth Armor node's User -> Get (nodes/AuthArmor/actions/user/get.operation.ts), run by n8n-core's
 * real ExecuteContext against the sandbox: by username (hidden from the URL, or in the query string on
 * request) or by ID, invalid IDs and unknown users.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	AUTHARMOR_EMPTY_GUID,
	authArmorDefaultUser,
	authArmorDefaultUsername,
	authArmorEnrolledAuthMethods,
	authArmorUserId,
} from '../../../sandbox/server';
import {
	AUTHARMOR_NODE_TYPE,
	expectNoSecretsIn,
	header,
	requestsTo,
	runNode,
	runListSearch,
	runNodeError,
	sandboxPerTest,
} from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, getUser } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

describe('Get', () => {
	test('by username: zero GUID in the path, username in the header and never in a URL', async () => {
		const { sandbox } = fixture;
		const username = authArmorDefaultUsername(7);
		const [user] = await run(getUser('username', username));

		expect(user).toEqual({
			enrolled_auth_methods: authArmorEnrolledAuthMethods(7),
			...authArmorDefaultUser(7),
		});
		const [request] = requestsTo(sandbox, 'authArmor', `/v4/users/${AUTHARMOR_EMPTY_GUID}`, 'GET');
		expect(header(request, 'x-autharmor-usernamevalue')).toBe(username);
		expect(request.query).toEqual({});
		for (const recorded of sandbox.requests) {
			expect(recorded.url).not.toContain('user7');
			expect(decodeURIComponent(recorded.url)).not.toContain(username);
		}
	});

	test('by username with "Send Username In: Query String": ?username= and no header', async () => {
		const { sandbox } = fixture;
		const username = authArmorDefaultUsername(8);
		const [user] = await run(getUser('username', username, { usernameIn: 'query' }));

		expect(user.user_id).toBe(authArmorUserId(8));
		const [request] = requestsTo(sandbox, 'authArmor', `/v4/users/${AUTHARMOR_EMPTY_GUID}`);
		expect(request.query).toEqual({ username });
		expect(header(request, 'x-autharmor-usernamevalue')).toBeUndefined();
	});

	test('by ID: the ID is the path segment', async () => {
		const { sandbox } = fixture;
		const { output } = await runNode({
			helper: fixture.helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: getUser('id', authArmorUserId(12)),
			credential: authArmorCredential(),
		});
		expect(output[0]).toHaveLength(1);
		expect(output[0][0].pairedItem).toEqual({ item: 0 });
		expect(output[0][0].json).toMatchObject(authArmorDefaultUser(12));
		const [request] = requestsTo(sandbox, 'authArmor', `/v4/users/${authArmorUserId(12)}`, 'GET');
		expect(header(request, 'x-autharmor-usernamevalue')).toBeUndefined();
		expectNoSecretsIn(fixture, [output]);
	});

	test.each(['not-a-uuid', '../v4/users', '00000000-0000-4000-8000-00000000001/x', ''])(
		'an invalid ID %p fails with a NodeOperationError before any request',
		async (userId) => {
			const { sandbox, helper } = fixture;
			const error = await runNodeError({
				helper,
				type: AUTHARMOR_NODE_TYPE,
				parameters: getUser('id', userId),
				credential: authArmorCredential(),
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(
				userId ? /is not a user ID \(a UUID\)/ : /^Choose the user: the User field is empty\.$/,
			);
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	test('"From List" sends the picked user\'s ID in the path, and the list searches by username', async () => {
		const { sandbox, helper } = fixture;
		const credential = authArmorCredential();
		const found = await runListSearch({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: getUser('list', ''),
			credential,
			method: 'searchUsers',
			filter: 'user12@',
		});
		expect(found.results).toEqual([
			{ name: authArmorDefaultUsername(12), value: authArmorUserId(12) },
		]);
		const [search] = requestsTo(sandbox, 'authArmor', '/v4/users', 'GET');
		expect(new URL(search.url, 'http://x').searchParams.get('username')).toBe('user12@');

		const [user] = await run(getUser('list', found.results[0].value as string));
		expect(user.user_id).toBe(authArmorUserId(12));
		expect(
			requestsTo(sandbox, 'authArmor', `/v4/users/${authArmorUserId(12)}`, 'GET'),
		).toHaveLength(1);
	});

	test('the user list pages: a second page is offered while there are more users', async () => {
		const { helper } = fixture;
		const first = await runListSearch({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: getUser('list', ''),
			credential: authArmorCredential(),
			method: 'searchUsers',
		});
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
	});

	test('an unknown user surfaces a 404 as a NodeApiError', async () => {
		const { helper } = fixture;
		const error = await runNodeError({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: getUser('username', 'nobody@autharmor.example'),
			credential: authArmorCredential(),
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^Auth Armor answered 404/);
	});
});
