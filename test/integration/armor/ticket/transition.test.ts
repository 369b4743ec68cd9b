/** Ticket -> Get Transitions, Transition, Get Archive Entries (nodes/Armor/actions/ticket/). */
import { NodeApiError } from 'n8n-workflow';

import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_TICKET_ENTRIES_PER_ACCOUNT } from '../../../sandbox/armorData';
import {
	ARMOR_NODE_TYPE,
	requestsTo,
	runNodeError,
	runNodeJson,
	sandboxPerTest,
} from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);
const KEY = `ARM-${ARMOR_DEMO_USER.accounts[0].id}-002`;

test('Get Transitions lists what the ticket allows; Transition resolves it with a comment', async () => {
	const credential = armorCredential();
	const transitions = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'getTransitions', { ticketKey: KEY }),
		credential,
	});
	const resolve = transitions.find((transition) => transition.name === 'Resolve');
	expect(resolve).toBeDefined();

	const [after] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'transition', {
			ticketKey: KEY,
			transitionId: Number(resolve!.id),
			comment: 'Fixed by the nightly patch run.',
		}),
		credential,
	});
	expect(after.currentStatus ?? after.status).toBe('Resolved');
	const [post] = requestsTo(fixture.sandbox, 'armor', `/tickets/${KEY}/transition`, 'POST');
	expect(JSON.parse(post.body)).toEqual({
		ticketNumber: KEY,
		transitionId: Number(resolve!.id),
		comment: 'Fixed by the nightly patch run.',
	});

	// Resolving twice is not allowed: the vendor's message reaches the user.
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'transition', {
			ticketKey: KEY,
			transitionId: Number(resolve!.id),
		}),
		credential,
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 400: /);
});

test('a Transition ID of 0 is refused before any request', async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'transition', { ticketKey: KEY, transitionId: 0 }),
		credential: armorCredential(),
	});
	expect(error.message).toMatch(/Transition ID/);
	expect(requestsTo(fixture.sandbox, 'armor', `/tickets/${KEY}/transition`)).toHaveLength(0);
});

test('Get Archive Entries pages by page number: Return All and Limit across pages', async () => {
	fixture.sandbox.configure({ pageSizeCap: 10 });
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'getArchiveEntries', { returnAll: true }),
		credential: armorCredential(),
	});
	expect(all).toHaveLength(ARMOR_TICKET_ENTRIES_PER_ACCOUNT);
	const pages = requestsTo(fixture.sandbox, 'armor', '/tickets/entries').map((request) =>
		new URL(request.url, 'http://x').searchParams.get('pageNumber'),
	);
	expect(pages).toEqual(['1', '2', '3', '4']);

	const some = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'getArchiveEntries', { limit: 15 }),
		credential: armorCredential(),
	});
	expect(some.map((entry) => entry.id)).toEqual(all.slice(0, 15).map((entry) => entry.id));
});
