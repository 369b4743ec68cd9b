/** Ticket -> Get Many (nodes/Armor/actions/ticket/getMany.operation.ts): `nextPageToken` paging, filters, Simplify. */
import { ARMOR_DEMO_USER, ARMOR_TICKETS_PER_ACCOUNT } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);

function tokensSent(): Array<string | null> {
	return requestsTo(fixture.sandbox, 'armor', '/tickets/list-all').map((request) =>
		new URL(request.url, 'http://x').searchParams.get('nextPageToken'),
	);
}

test('Return All follows nextPageToken to the end; items are simplified by default', async () => {
	fixture.sandbox.configure({ pageSizeCap: 5 });
	const tickets = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'getMany', { returnAll: true }),
		credential: armorCredential(),
	});

	expect(tickets).toHaveLength(ARMOR_TICKETS_PER_ACCOUNT);
	expect(new Set(tickets.map((ticket) => ticket.key)).size).toBe(ARMOR_TICKETS_PER_ACCOUNT);
	const sent = tokensSent();
	expect(sent).toHaveLength(Math.ceil(ARMOR_TICKETS_PER_ACCOUNT / 5));
	expect(sent[0]).toBeNull();
	expect(sent.slice(1).every((token) => typeof token === 'string' && token.length > 0)).toBe(true);
	expect(Object.keys(tickets[0]).sort()).toEqual(
		[
			'accountId',
			'created',
			'key',
			'priority',
			'reporter',
			'requestType',
			'status',
			'summary',
			'updated',
		].sort(),
	);
});

test('Limit stops inside the second page; raw output and filters with an API key', async () => {
	fixture.sandbox.configure({ pageSizeCap: 5 });
	const tickets = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'getMany', {
			returnAll: false,
			limit: 7,
			simplify: false,
			options: { orderBy: 'key', orderByDirection: 'asc' },
		}),
		credential: armorApiKeyCredential(),
	});

	expect(tickets).toHaveLength(7);
	expect(tickets[0]).toHaveProperty('issueKeyId');
	expect(tokensSent()).toHaveLength(2);
	const [first] = requestsTo(fixture.sandbox, 'armor', '/tickets/list-all');
	expect(Object.fromEntries(new URL(first.url, 'http://x').searchParams)).toMatchObject({
		maxResults: '7',
		orderBy: 'key',
		orderByDirection: 'asc',
	});
	expect(header(first, 'authorization')).toMatch(/^ARMOR-PSK /);
	const keys = tickets.map((ticket) => String(ticket.key));
	expect(keys).toEqual([...keys].sort());
});

test('Request Type filters; For Each Account pulls every account, tagged (the nightly pull)', async () => {
	const security = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'getMany', {
			returnAll: true,
			options: { requestType: 'Security Incident' },
		}),
		credential: armorCredential(),
	});
	expect(security.length).toBeGreaterThan(0);
	expect(security.every((ticket) => ticket.requestType === 'Security Incident')).toBe(true);

	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'getMany', {
			returnAll: true,
			options: { forEachAccount: true },
		}),
		credential: armorCredential(),
	});
	expect(all).toHaveLength(ARMOR_TICKETS_PER_ACCOUNT * ARMOR_DEMO_USER.accounts.length);
	for (const account of ARMOR_DEMO_USER.accounts) {
		const own = all.filter((ticket) => (ticket.forAccount as { id: number }).id === account.id);
		expect(own).toHaveLength(ARMOR_TICKETS_PER_ACCOUNT);
		expect(own.every((ticket) => ticket.accountId === account.id)).toBe(true);
	}
});
