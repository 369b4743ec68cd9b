/**
 * The Armor node's API Request (nodes/Armor/actions/apiRequest), run by n8n-core's real ExecuteContext
 * against the sandbox: methods, query, headers and JSON body, Return Full Response, array answers, and
 * the path guard.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	ARMOR_NODE_TYPE,
	expectNoSecretsIn,
	header,
	requestsTo,
	runNode,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from '../../runtime';
import { apiRequest, armorHelpers } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);

describe('API Request', () => {
	test('GET with query parameters and headers', async () => {
		const { sandbox, helper } = fixture;
		const items = await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'GET',
				path: '/tickets/list',
				queryParameters: {
					parameters: [
						{ name: 'maxResults', value: '5' },
						{ name: 'orderByDirection', value: 'desc' },
					],
				},
				headerParameters: { parameters: [{ name: 'X-Request-Tag', value: 'integration' }] },
				options: { accountContext: '1002' },
			}),
			credential: armorCredential(),
		});

		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ total: 12, nextPageToken: expect.any(String) });
		const tickets = items[0].items as Array<{ key: string; accountId: number }>;
		expect(tickets.map((ticket) => ticket.key)).toEqual(
			[12, 11, 10, 9, 8].map((n) => `ARM-1002-${String(n).padStart(3, '0')}`),
		);

		const [request] = requestsTo(sandbox, 'armor', '/tickets/list', 'GET');
		expect(request.query).toEqual({ maxResults: '5', orderByDirection: 'desc' });
		expect(header(request, 'x-request-tag')).toBe('integration');
		expect(header(request, 'x-account-context')).toBe('1002');
		expect(header(request, 'authorization')).toMatch(/^FH-AUTH [0-9a-f]{32}$/);
		expect(request.body).toBe('');
	});

	test('POST sends the JSON body as JSON; the vendor error of the answer is surfaced', async () => {
		const { sandbox, helper } = fixture;
		// The sandbox has no writable Armor resource besides the login; /me answers POST with 405.
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'POST',
				path: '/me',
				queryParameters: { parameters: [{ name: 'dryRun', value: 'true' }] },
				jsonBody: '{"name": "renamed", "tags": ["a", "b"], "nested": {"n": 1}}',
			}),
			credential: armorCredential(),
		});
		const [request] = requestsTo(sandbox, 'armor', '/me', 'POST');
		expect(header(request, 'content-type')).toMatch(/^application\/json/);
		expect(JSON.parse(request.body)).toEqual({
			name: 'renamed',
			tags: ['a', 'b'],
			nested: { n: 1 },
		});
		expect(request.query).toEqual({ dryRun: 'true' });
		expect(request.status).toBe(405);
		expect(error).toBeInstanceOf(NodeApiError);
		// The vendor's words are asserted by the account-context 403 test.
		expect(error.message).toMatch(/^Armor answered 405: /);
		expectNoSecretsIn(fixture, [error]);
	});

	test('an invalid JSON body fails before any request', async () => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({ method: 'POST', path: '/me', jsonBody: '{"name": ' }),
			credential: armorCredential(),
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('The JSON Body is not valid JSON');
		expect(sandbox.requests).toHaveLength(0);
	});

	test('Return Full Response gives status code, headers and body; an array body stays one item', async () => {
		const { sandbox, helper } = fixture;
		const items = await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'GET',
				path: 'accounts',
				options: { returnFullResponse: true },
			}),
			credential: armorCredential(),
		});
		expect(items).toHaveLength(1);
		expect(items[0].statusCode).toBe(200);
		expect((items[0].headers as Record<string, string>)['content-type']).toMatch(
			/^application\/json/,
		);
		expect((items[0].body as Array<{ id: number }>).map((account) => account.id)).toEqual([
			1001, 1002,
		]);
		// "accounts" without a leading slash is taken relative to the base URL.
		expect(requestsTo(sandbox, 'armor', '/accounts', 'GET')).toHaveLength(1);
	});

	test('an array answer without Return Full Response becomes one item per element', async () => {
		const { helper } = fixture;
		const { output } = await runNode({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({ method: 'GET', path: '/accounts' }),
			credential: armorCredential(),
		});
		expect(output[0].map((item) => [item.json.id, item.pairedItem])).toEqual([
			[1001, { item: 0 }],
			[1002, { item: 0 }],
		]);
	});
});

describe('Path guard', () => {
	const unsafePaths = [
		'https://evil.example/me',
		'http://127.0.0.1:1/me',
		'//evil.example/me',
		'../me',
		'/accounts/../../me',
		'%2e%2e/me',
		'/%2E%2E/me',
		'/%252e%252e/me',
		'/accounts/%2f%2fevil.example',
		'\\\\evil.example\\me',
	];

	test.each(unsafePaths)(
		'path %p is refused with a NodeOperationError and nothing is sent',
		async (path) => {
			const { sandbox, helper } = fixture;
			const error = await runNodeError({
				helper,
				type: ARMOR_NODE_TYPE,
				parameters: apiRequest({ method: 'GET', path }),
				credential: armorCredential(),
			});
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(
				/full URL|another host|segment|encoded slash|leave the base URL/,
			);
			expect(sandbox.requests).toHaveLength(0);
			expect(helper.updates).toHaveLength(0);
		},
	);
});
