/**
 * The Auth Armor node's User -> Get Auth History (nodes/AuthArmor/actions/user/getAuthHistory.operation.ts)
 * against the sandbox: a Limit as the page size, Return All and a Limit over two pages of 100 (the 23
 * fixture records plus 80 requests the node starts), sort options, simplified and raw records.
 */
import {
	AUTHARMOR_AUTH_HISTORY_PER_USER,
	AUTHARMOR_EMPTY_GUID,
	authArmorAuthHistory,
	authArmorDefaultUsername,
	authArmorUserId,
} from '../../../sandbox/server';
import { header, requestsTo, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { run } = authArmorHelpers(fixture);

const USER_ID = authArmorUserId(1);
const HISTORY_PATH = `/v4/users/${USER_ID}/auth_history`;

function history(parameters: Record<string, unknown>) {
	return { resource: 'user', operation: 'getAuthHistory', ...parameters };
}

function pagesAsked(path = HISTORY_PATH) {
	return requestsTo(fixture.sandbox, 'authArmor', path, 'GET').map((request) => [
		request.query.page_number,
		request.query.page_size,
	]);
}

test('Limit 5 by username: one page of 5, the username in the header; simplified records', async () => {
	const { sandbox } = fixture;
	const username = authArmorDefaultUsername(2);
	const records = await run(
		history({ user: userLocator('username', username), returnAll: false, limit: 5 }),
	);

	const path = `/v4/users/${AUTHARMOR_EMPTY_GUID}/auth_history`;
	const [request] = requestsTo(sandbox, 'authArmor', path, 'GET');
	expect(request.query).toEqual({ page_number: '1', page_size: '5' });
	expect(header(request, 'x-autharmor-usernamevalue')).toBe(username);
	const fixtures = authArmorHistoryIds(2).slice(0, 5);
	expect(records.map((record) => record.authRequestId)).toEqual(fixtures);
	// Record 1 is a success, record 2 declined (the fixture's result pattern).
	expect(records[0]).toMatchObject({
		status: 'Completed',
		approved: true,
		result: 'approved',
		userId: authArmorUserId(2),
		username,
		requestedAt: expect.any(String),
		respondedAt: expect.any(String),
	});
	expect(records[1]).toMatchObject({ approved: false, authorized: false, result: 'declined' });
});

test('Return All and a Limit across two pages of 100: 23 fixture records and 80 started ones', async () => {
	// 80 auth requests started by the node (one per input item) join the user's history.
	const started = await run(
		{
			resource: 'authentication',
			operation: 'startAuthenticator',
			user: userLocator('id', USER_ID),
			// Ten at a time keeps the test's parallel requests within Node's listener warning limit.
			options: { parallelRequests: 10 },
		},
		undefined,
		Array.from({ length: 80 }, () => ({})),
	);
	expect(started).toHaveLength(80);
	const total = AUTHARMOR_AUTH_HISTORY_PER_USER + 80;

	const all = await run(history({ user: userLocator('id', USER_ID), returnAll: true }));
	expect(all).toHaveLength(total);
	expect(new Set(all.map((record) => record.authRequestId)).size).toBe(total);
	expect(all.slice(AUTHARMOR_AUTH_HISTORY_PER_USER).map((r) => r.authRequestId)).toEqual(
		started.map((s) => s.auth_request_id),
	);
	expect(pagesAsked()).toEqual([
		['1', '100'],
		['2', '100'],
	]);

	fixture.sandbox.clearRequests();
	const limited = await run(
		history({ user: userLocator('id', USER_ID), returnAll: false, limit: 101 }),
	);
	expect(limited).toHaveLength(101);
	expect(limited).toEqual(all.slice(0, 101));
	expect(pagesAsked()).toEqual([
		['1', '100'],
		['2', '100'],
	]);
});

test('Simplify off: the records as the API sent them; sort options in the query', async () => {
	const records = await run(
		history({
			user: userLocator('id', USER_ID),
			returnAll: true,
			simplify: false,
			options: { sortColumn: 'result_code', sortDirection: 'desc' },
		}),
	);
	const [request] = requestsTo(fixture.sandbox, 'authArmor', HISTORY_PATH, 'GET');
	expect(request.query).toEqual({
		page_number: '1',
		page_size: '100',
		sort_column: 'result_code',
		sort_direction: 'desc',
	});
	expect(records).toHaveLength(AUTHARMOR_AUTH_HISTORY_PER_USER);
	expect(new Set(records)).toEqual(new Set(authArmorAuthHistory(1)));
});

function authArmorHistoryIds(index: number): string[] {
	return authArmorAuthHistory(index).map((record) => record.auth_response.auth_history_id);
}
