/**
 * Log Search -> Search (nodes/Armor/actions/logSearch/search.operation.ts): POST /log-search/templatedsearch,
 * `parameters.from`/`parameters.size` paging in the body, the user's template parameters beside them.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { armorLogSearchHit } from '../../../sandbox/armorData';
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
const VIEW = 'security-events';
const TOTAL = 57;
const PATH = '/log-search/templatedsearch';

const hits = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => armorLogSearchHit(ACCOUNT, VIEW, from + i + 1));

function bodiesSent(): Array<{ viewName: string; parameters: Record<string, unknown> }> {
	return requestsTo(fixture.sandbox, 'armor', PATH, 'POST').map((request) =>
		JSON.parse(request.body),
	);
}

/** The sandbox pages by 100 at most; a server answering 40 of them shows the node asks on from there. */
function answerFirstPageShort(count: number) {
	fixture.sandbox.injectFailures({
		api: 'armor',
		path: PATH,
		status: 200,
		body: { total: TOTAL, items: hits(0, count) },
	});
}

test('Return All reads on after a short page, with the template parameters in every body', async () => {
	answerFirstPageShort(40);
	const results = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('logSearch', 'search', {
			viewName: VIEW,
			parameters: {
				parameter: [
					{ name: 'hostName', value: 'web-01' },
					{ name: 'severity', value: 'High' },
				],
			},
			returnAll: true,
		}),
		credential: armorCredential(),
	});
	expect(results).toEqual(hits(0, TOTAL));
	const template = { hostName: 'web-01', severity: 'High' };
	expect(bodiesSent()).toEqual([
		{ viewName: VIEW, parameters: { ...template, from: 0, size: 100 } },
		{ viewName: VIEW, parameters: { ...template, from: 40, size: 100 } },
	]);
});

test('Limit stops inside the second page, with an API key', async () => {
	answerFirstPageShort(30);
	const results = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('logSearch', 'search', { viewName: VIEW, limit: 50 }),
		credential: armorApiKeyCredential(),
	});
	expect(results).toEqual(hits(0, 50));
	expect(bodiesSent()).toEqual([
		{ viewName: VIEW, parameters: { from: 0, size: 50 } },
		{ viewName: VIEW, parameters: { from: 30, size: 50 } },
	]);
	for (const request of requestsTo(fixture.sandbox, 'armor', PATH)) {
		expect(header(request, 'authorization')).toMatch(/^ARMOR-PSK /);
	}
});

test('paging names, objects and repeated names are refused before any request; an unknown view is a 400', async () => {
	const refused = async (parameter: Array<{ name: string; value: unknown }>) =>
		await runNodeError({
			helper: fixture.helper,
			type: ARMOR_NODE_TYPE,
			parameters: armorOperation('logSearch', 'search', {
				viewName: VIEW,
				parameters: { parameter } as never,
			}),
			credential: armorCredential(),
		});
	const paging = await refused([{ name: 'size', value: '5' }]);
	expect(paging).toBeInstanceOf(NodeOperationError);
	expect(paging.message).toBe('Remove the parameter "size": Return All and Limit set it.');
	const object = await refused([{ name: 'hosts', value: '={{ ["a", "b"] }}' }]);
	expect(object.message).toMatch(/^The value of the parameter "hosts" is an object or a list/);
	const twice = await refused([
		{ name: 'host', value: 'a' },
		{ name: 'host', value: 'b' },
	]);
	expect(twice.message).toBe('The parameter "host" is given twice. Keep one.');
	expect(requestsTo(fixture.sandbox, 'armor', PATH)).toHaveLength(0);

	const unknown = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('logSearch', 'search', { viewName: 'no-such-view' }),
		credential: armorCredential(),
	});
	expect(unknown).toBeInstanceOf(NodeApiError);
	expect(unknown.message).toMatch(/^Armor answered 400: Unknown viewName 'no-such-view'/);
});
