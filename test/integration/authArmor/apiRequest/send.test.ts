/**
 * The Auth Armor node's API Request (nodes/AuthArmor/actions/apiRequest), run by n8n-core's real
 * ExecuteContext against the sandbox: {user} and {apiVersion} in the path, the username in the header or
 * the query, JSON bodies, Return Full Response, query parameters and the path guard.
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
import { SANDBOX_OPTIONS, authArmorHelpers } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

describe('API Request', () => {
	test("{user} becomes the zero GUID with the username in the header; {apiVersion} the credential's version", async () => {
		const { sandbox } = fixture;
		const username = authArmorDefaultUsername(9);
		const [user] = await run({
			resource: 'apiRequest',
			operation: 'send',
			method: 'GET',
			path: '/{apiVersion}/users/{user}',
			username,
		});
		expect(user.user_id).toBe(authArmorUserId(9));
		const [request] = requestsTo(sandbox, 'authArmor', `/v4/users/${AUTHARMOR_EMPTY_GUID}`);
		expect(header(request, 'x-autharmor-usernamevalue')).toBe(username);
		expect(decodeURIComponent(request.url)).not.toContain(username);
	});

	test('{user} with the query option, PUT with a JSON body, Return Full Response', async () => {
		const { sandbox } = fixture;
		const username = authArmorDefaultUsername(10);
		const [response] = await run({
			resource: 'apiRequest',
			operation: 'send',
			method: 'PUT',
			path: '/v4/users/{user}',
			username,
			jsonBody: '{"new_username": "ten@autharmor.example"}',
			headerParameters: { parameters: [{ name: 'X-Trace', value: 't-1' }] },
			options: { usernameIn: 'query', returnFullResponse: true },
		});
		expect(response.statusCode).toBe(200);
		expect(response.body).toMatchObject({
			user_id: authArmorUserId(10),
			username: 'ten@autharmor.example',
		});
		const [put] = requestsTo(sandbox, 'authArmor', `/v4/users/${AUTHARMOR_EMPTY_GUID}`, 'PUT');
		expect(put.query).toEqual({ username });
		expect(header(put, 'x-trace')).toBe('t-1');
		expect(header(put, 'content-type')).toMatch(/^application\/json/);
		expect(JSON.parse(put.body)).toEqual({ new_username: 'ten@autharmor.example' });
	});

	test('{user} without a Username fails before any request', async () => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: {
				resource: 'apiRequest',
				operation: 'send',
				method: 'GET',
				path: '/v4/users/{user}',
			},
			credential: authArmorCredential(),
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('GET with query parameters', async () => {
		const { sandbox } = fixture;
		const [page] = await run({
			resource: 'apiRequest',
			operation: 'send',
			method: 'GET',
			path: '/v4/users',
			queryParameters: {
				parameters: [
					{ name: 'page_size', value: '3' },
					{ name: 'page_number', value: '2' },
				],
			},
		});
		expect((page.user_records as unknown[]).length).toBe(3);
		expect(page.page_info).toMatchObject({ currnet_page_number: 2, currnet_page_size: 3 });
		expect(requestsTo(sandbox, 'authArmor', '/v4/users')[0].query).toEqual({
			page_size: '3',
			page_number: '2',
		});
	});

	test.each([
		'https://evil.example/v4/users',
		'//evil.example/v4/users',
		'/v4/../connect/token',
		'/v4/%2e%2e/connect/token',
	])('unsafe path %p: NodeOperationError, zero requests', async (path) => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: AUTHARMOR_NODE_TYPE,
			parameters: { resource: 'apiRequest', operation: 'send', method: 'GET', path },
			credential: authArmorCredential(),
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(sandbox.requests).toHaveLength(0);
	});
});
