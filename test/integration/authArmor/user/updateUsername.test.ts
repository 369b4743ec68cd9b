/**
 * The Auth Armor node's User -> Update Username
 * (nodes/AuthArmor/actions/user/updateUsername.operation.ts), run by n8n-core's real ExecuteContext
 * against the sandbox: by username or ID, and an empty new username.
 */
import { NodeOperationError } from 'n8n-workflow';

import {
	AUTHARMOR_EMPTY_GUID,
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
import { SANDBOX_OPTIONS, authArmorHelpers, getUser, userLocator } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

describe('Update Username', () => {
	test('PUT {new_username} as JSON to the user named by the header; the rename is visible afterwards', async () => {
		const { sandbox } = fixture;
		const credential = authArmorCredential();
		const [updated] = await run(
			{
				resource: 'user',
				operation: 'updateUsername',
				user: userLocator('username', authArmorDefaultUsername(4)),
				newUsername: ' renamed4@autharmor.example ',
			},
			credential,
		);

		expect(updated).toMatchObject({
			user_id: authArmorUserId(4),
			username: 'renamed4@autharmor.example',
		});
		const [put] = requestsTo(sandbox, 'authArmor', `/v4/users/${AUTHARMOR_EMPTY_GUID}`, 'PUT');
		expect(header(put, 'content-type')).toMatch(/^application\/json/);
		expect(JSON.parse(put.body)).toEqual({ new_username: 'renamed4@autharmor.example' });
		expect(header(put, 'x-autharmor-usernamevalue')).toBe(authArmorDefaultUsername(4));

		const [after] = await run(getUser('id', authArmorUserId(4)), credential);
		expect(after.username).toBe('renamed4@autharmor.example');
	});

	test('by ID', async () => {
		const { sandbox } = fixture;
		const [updated] = await run({
			resource: 'user',
			operation: 'updateUsername',
			user: userLocator('id', authArmorUserId(5)),
			newUsername: 'five@autharmor.example',
		});
		expect(updated.username).toBe('five@autharmor.example');
		expect(requestsTo(sandbox, 'authArmor', `/v4/users/${authArmorUserId(5)}`, 'PUT')).toHaveLength(
			1,
		);
	});

	test('an empty new username fails before any request', async () => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: {
				resource: 'user',
				operation: 'updateUsername',
				user: userLocator('id', authArmorUserId(5)),
				newUsername: '  ',
			},
			credential: authArmorCredential(),
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(sandbox.requests).toHaveLength(0);
	});
});
