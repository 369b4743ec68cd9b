/** User -> Get (nodes/Armor/actions/user/get.operation.ts): GET /users/{id}, simplified by default. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { armorGeneratedUser } from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	header,
	requestsTo,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

test('returns the user simplified, or raw with Simplify off (signed with an API key)', async () => {
	const expected = armorGeneratedUser(ACCOUNT, 2);
	const credential = armorApiKeyCredential();
	const [simple] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'get', { userId: String(expected.id) }),
		credential,
	});
	expect(simple).toEqual({
		id: expected.id,
		email: expected.email,
		firstName: expected.firstName,
		lastName: expected.lastName,
		title: expected.title,
		status: expected.status,
		isMfaEnabled: expected.isMfaEnabled,
		lastLogin: expected.lastLogin,
		timezone: expected.timezone,
		apiKeyCount: expected.apiKeyCount,
	});

	const [raw] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'get', { userId: ` ${expected.id} `, simplify: false }),
		credential,
	});
	expect(raw).toEqual(expected);
	const requests = requestsTo(fixture.sandbox, 'armor', `/users/${expected.id}`, 'GET');
	expect(requests).toHaveLength(2);
	expect(header(requests[0], 'authorization')).toMatch(/^ARMOR-PSK /);
});

test("another account's user is Armor's 404; an empty or path-like ID never leaves the node as a path", async () => {
	const other = armorGeneratedUser(ARMOR_DEMO_USER.accounts[1].id, 1);
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'get', { userId: String(other.id) }),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toBe(`Armor answered 404: User ${other.id} was not found.`);

	const empty = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'get', { userId: '' }),
		credential: armorCredential(),
	});
	expect(empty).toBeInstanceOf(NodeOperationError);
	expect(empty.message).toBe('Enter the User ID: it is empty.');

	fixture.sandbox.clearRequests();
	await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'get', { userId: '../accounts' }),
		credential: armorCredential(),
	});
	expect(requestsTo(fixture.sandbox, 'armor').map((request) => request.path)).not.toContain(
		'/accounts',
	);
});
