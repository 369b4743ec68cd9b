/**
 * Armor Trigger -> New Ticket / Updated Ticket (nodes/ArmorTrigger/): nothing on the first poll, new tickets
 * exactly once, ties, many pages, a restart, a failed poll, Fetch Test Event.
 */
import { ARMOR_DEMO_USER, ARMOR_TICKETS_PER_ACCOUNT } from '../../sandbox/server';
import { requestsTo, sandboxPerTest } from '../runtime';
import { nodeData, triggerHelpers } from './helpers';

jest.setTimeout(60_000);

const fixture = sandboxPerTest();
const { watcher, armorApiKeyCredential } = triggerHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;
const NEW_TICKET = { event: 'newTicket' };

test('the first poll records what exists and emits nothing; new tickets come once, oldest first', async () => {
	const { sandbox } = fixture;
	const trigger = watcher(NEW_TICKET);
	expect(await trigger.poll()).toEqual([]);

	const added = sandbox.addTickets(ACCOUNT, 3);
	const emitted = await trigger.poll();
	expect(emitted.map((ticket) => ticket.key)).toEqual(added.map((ticket) => ticket.key));

	expect(await trigger.poll()).toEqual([]);
});

test('tickets sharing one timestamp are all emitted, none twice', async () => {
	const { sandbox } = fixture;
	const trigger = watcher(NEW_TICKET);
	await trigger.poll();
	const tied = sandbox.addTickets(ACCOUNT, 4, { sameTimestamp: true });
	expect((await trigger.poll()).map((ticket) => ticket.key).sort()).toEqual(
		tied.map((ticket) => ticket.key).sort(),
	);
	const later = sandbox.addTickets(ACCOUNT, 1);
	expect((await trigger.poll()).map((ticket) => ticket.key)).toEqual([later[0].key]);
});

test('150 new tickets over pages of 20: each once; a quiet poll reads one page only', async () => {
	const { sandbox } = fixture;
	sandbox.configure({ pageSizeCap: 20 });
	const trigger = watcher(NEW_TICKET, armorApiKeyCredential());
	await trigger.poll();
	const added = sandbox.addTickets(ACCOUNT, 150);

	const emitted = await trigger.poll();
	expect(emitted).toHaveLength(150);
	expect(new Set(emitted.map((ticket) => ticket.key))).toEqual(new Set(added.map((t) => t.key)));

	sandbox.clearRequests();
	expect(await trigger.poll()).toEqual([]);
	expect(requestsTo(sandbox, 'armor', '/tickets/list-all')).toHaveLength(1);
});

test('after an n8n restart (static data saved, workflow rebuilt) nothing is repeated or lost', async () => {
	const { sandbox } = fixture;
	const trigger = watcher(NEW_TICKET);
	await trigger.poll();
	sandbox.addTickets(ACCOUNT, 2);
	await trigger.poll();
	const saved = JSON.parse(JSON.stringify(trigger.staticData));

	const afterRestart = watcher(NEW_TICKET);
	afterRestart.restartWith(saved);
	expect(await afterRestart.poll()).toEqual([]);
	const next = sandbox.addTickets(ACCOUNT, 1);
	expect((await afterRestart.poll()).map((ticket) => ticket.key)).toEqual([next[0].key]);
});

test('a poll during an outage fails, keeps the cursor, and the next poll catches up', async () => {
	const { sandbox } = fixture;
	const trigger = watcher(NEW_TICKET);
	await trigger.poll();
	const before = structuredClone(trigger.staticData);
	const added = sandbox.addTickets(ACCOUNT, 2);
	// Four 503s: the first try and its three retries (the transport's default policy) all fail.
	sandbox.injectFailures({ api: 'armor', path: '/tickets/list-all', status: 503, count: 4 });

	await expect(trigger.poll()).rejects.toThrow(/Armor answered 503/);
	expect(trigger.staticData).toEqual(before);

	const caughtUp = await trigger.poll();
	expect(caughtUp.map((ticket) => ticket.key)).toEqual(added.map((ticket) => ticket.key));
});

test('Fetch Test Event returns the newest ticket and records nothing', async () => {
	const trigger = watcher(NEW_TICKET);
	const [sample] = await trigger.manual();
	expect(sample.key).toBe(`ARM-${ACCOUNT}-${String(ARMOR_TICKETS_PER_ACCOUNT).padStart(3, '0')}`);
	expect(nodeData(trigger.staticData)).toEqual({});
});

test('Updated Ticket: a changed ticket is emitted with its new state, once per change', async () => {
	const { sandbox } = fixture;
	const trigger = watcher({ event: 'updatedTicket' });
	await trigger.poll();
	const key = `ARM-${ACCOUNT}-002`;
	sandbox.updateTicket(ACCOUNT, key, { status: 'Waiting on Customer' });

	const [changed] = await trigger.poll();
	expect(changed).toMatchObject({ key, status: 'Waiting on Customer' });
	expect(await trigger.poll()).toEqual([]);
	sandbox.updateTicket(ACCOUNT, key, { status: 'Resolved' });
	expect((await trigger.poll()).map((ticket) => ticket.status)).toEqual(['Resolved']);
});

test('For Each Account watches every account and tags each ticket', async () => {
	const { sandbox } = fixture;
	const trigger = watcher({ event: 'newTicket', options: { forEachAccount: true } });
	await trigger.poll();
	const [other] = ARMOR_DEMO_USER.accounts.slice(1);
	sandbox.addTickets(other.id, 1);
	sandbox.addTickets(ACCOUNT, 1);

	const emitted = await trigger.poll();
	expect(emitted.map((ticket) => (ticket.forAccount as { id: number }).id).sort()).toEqual(
		[ACCOUNT, other.id].sort(),
	);
});
