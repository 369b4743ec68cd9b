/**
 * What the Armor node does the same way for every operation, run by n8n-core's real ExecuteContext
 * against the sandbox: Continue On Fail, unsafe base URLs (refused before anything is sent) and
 * Parallel Requests. The FH-AUTH session itself is in ../armor-session.test.ts.
 */
import { NodeApiError } from 'n8n-workflow';

import { ARMOR_DEMO_USER } from '../../sandbox/server';
import {
	ARMOR_NODE_TYPE,
	expectNoSecretsIn,
	requestsTo,
	runNode,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from '../runtime';
import { apiRequest, armorHelpers, getMe } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);

describe('Continue On Fail', () => {
	test('a failing item becomes an error item paired with its input; the others still run', async () => {
		const { sandbox, helper } = fixture;
		const { output } = await runNode({
			helper,
			type: ARMOR_NODE_TYPE,
			// The path comes from each item, through n8n's expression engine.
			parameters: apiRequest({ method: 'GET', path: '={{ $json.path }}' }),
			credential: armorCredential(),
			items: [
				{ path: '/accounts/1001' },
				{ path: '../me' },
				{ path: '/accounts/4242' },
				{ path: '/accounts/1002' },
			],
			continueOnFail: true,
		});
		const items = output[0];
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items[0].json).toMatchObject({ id: 1001 });
		expect(items[1].json.error).toContain('contains a ".." segment');
		expect(items[2].json.error).toMatch(/^Armor answered 404: /);
		expect(items[3].json).toMatchObject({ id: 1002 });
		// The unsafe path sent nothing: three API calls, one login.
		expect(sandbox.summary().armor).toEqual({
			authorize: 1,
			token: 1,
			reissue: 0,
			api: 3,
			psk: 0,
			unauthorized: 0,
		});
		expectNoSecretsIn(fixture, [output]);
	});

	test('without Continue On Fail, one request at a time: the first failure stops the node', async () => {
		const { sandbox, helper } = fixture;
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'GET',
				path: '={{ $json.path }}',
				options: { parallelRequests: 1 },
			}),
			credential: armorCredential(),
			items: [{ path: '/accounts/4242' }, { path: '/accounts/1001' }],
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error.context as { itemIndex?: number }).itemIndex).toBe(0);
		expect(requestsTo(sandbox, 'armor', '/accounts/1001')).toHaveLength(0);
	});

	test('without Continue On Fail, in parallel: the error is the first failing item in input order', async () => {
		const { sandbox, helper } = fixture;
		sandbox.injectDelays({ api: 'armor', path: '/accounts/4242', delayMs: 300 });
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({ method: 'GET', path: '={{ $json.path }}' }),
			credential: armorCredential(),
			items: [{ path: '/accounts/1001' }, { path: '/accounts/4242' }, { path: '/accounts/4343' }],
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error.context as { itemIndex?: number }).itemIndex).toBe(1);
		expect(error.message).toMatch(/404/);
	});
});

describe('Unsafe base URL', () => {
	test.each(['http://api.armor.example', 'http://10.0.0.5:8080', 'ftp://api.armor.example'])(
		'base URL %p is refused before anything is sent',
		async (baseUrl) => {
			const { sandbox, helper } = fixture;
			const error = await runNodeError({
				helper,
				type: ARMOR_NODE_TYPE,
				parameters: getMe(),
				credential: armorCredential({ baseUrl }),
			});
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toContain('must start with https://');
			expect(sandbox.requests).toHaveLength(0);
			expect(helper.updates).toHaveLength(0);
			expectNoSecretsIn(fixture, [error]);
		},
	);

	test('a base URL with a user name and password is refused', async () => {
		const { sandbox, helper } = fixture;
		const baseUrl = sandbox.armorUrl.replace('http://', 'http://someone:hunter2pass@');
		const error = await runNodeError({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe(),
			credential: armorCredential({ baseUrl }),
		});
		expect(error.message).toContain('must not contain a user name or password');
		expect(sandbox.requests).toHaveLength(0);
		expectNoSecretsIn(fixture, [error], ['hunter2pass']);
	});

	test('plain http is accepted for localhost (the sandbox)', async () => {
		const { sandbox, helper } = fixture;
		const baseUrl = sandbox.armorUrl.replace('127.0.0.1', 'localhost');
		const [me] = await runNodeJson({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: getMe(),
			credential: armorCredential({ baseUrl }),
		});
		expect(me.user).toMatchObject({ id: ARMOR_DEMO_USER.id });
	});
});

describe('Parallel Requests', () => {
	const paths = ['/accounts/1001', '/accounts/1002', '/accounts/1001', '/accounts/1002'];

	test('items run at the same time; the output keeps the input order and pairing', async () => {
		const { sandbox, helper } = fixture;
		const credential = armorCredential();
		await runNodeJson({ helper, type: ARMOR_NODE_TYPE, parameters: getMe(), credential });
		sandbox.configure({ latencyMs: 300 });
		const started = Date.now();
		const run = await runNode({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({ method: 'GET', path: '={{ $json.path }}' }),
			credential,
			items: paths.map((path) => ({ path })),
		});
		expect(Date.now() - started).toBeLessThan(4 * 300);
		expect(run.output[0].map((item) => [item.json.id, item.pairedItem])).toEqual([
			[1001, { item: 0 }],
			[1002, { item: 1 }],
			[1001, { item: 2 }],
			[1002, { item: 3 }],
		]);
	});

	test('Parallel Requests 1 sends one after another', async () => {
		const { sandbox, helper } = fixture;
		const credential = armorCredential();
		await runNodeJson({ helper, type: ARMOR_NODE_TYPE, parameters: getMe(), credential });
		sandbox.configure({ latencyMs: 150 });
		const started = Date.now();
		await runNode({
			helper,
			type: ARMOR_NODE_TYPE,
			parameters: apiRequest({
				method: 'GET',
				path: '={{ $json.path }}',
				options: { parallelRequests: 1 },
			}),
			credential,
			items: paths.map((path) => ({ path })),
		});
		expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 150);
	});
});
