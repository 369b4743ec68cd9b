/** Ticket -> Get, Get Comments, Add Comment (nodes/Armor/actions/ticket/). */
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { armorTicketCommentCount } from '../../../sandbox/armorData';
import { ARMOR_NODE_TYPE, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;
const KEY = `ARM-${ACCOUNT}-001`;

test('Get returns the ticket, simplified or raw', async () => {
	const [simple] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'get', { ticketKey: KEY }),
		credential: armorCredential(),
	});
	expect(simple.key).toBe(KEY);
	expect(simple.commentCount).toBe(armorTicketCommentCount(1));

	const [raw] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'get', { ticketKey: KEY, simplify: false }),
		credential: armorApiKeyCredential(),
	});
	expect(raw.issueKeyId).toBe(KEY);
	expect(requestsTo(fixture.sandbox, 'armor', `/tickets/${KEY}/details`)).toHaveLength(2);
});

test('Get Comments pages with start/limit: Return All, and Limit across a page boundary', async () => {
	fixture.sandbox.configure({ pageSizeCap: 4 });
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'getComments', { ticketKey: KEY, returnAll: true }),
		credential: armorCredential(),
	});
	expect(all).toHaveLength(armorTicketCommentCount(1));
	const starts = requestsTo(fixture.sandbox, 'armor', `/tickets/${KEY}/comments`).map((request) =>
		new URL(request.url, 'http://x').searchParams.get('start'),
	);
	expect(starts).toEqual(['0', '4', '8', '12']);

	const some = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'getComments', { ticketKey: KEY, limit: 6 }),
		credential: armorCredential(),
	});
	expect(some).toEqual(all.slice(0, 6));
});

test('Add Comment posts the comment the way Armor expects, and Get Comments lists it last', async () => {
	const credential = armorCredential();
	const [added] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'addComment', {
			ticketKey: KEY,
			comment: 'Patched overnight.',
			isPublic: false,
		}),
		credential,
	});
	expect(added.comment).toBe('Patched overnight.');
	const [post] = requestsTo(fixture.sandbox, 'armor', `/tickets/${KEY}/comments`, 'POST');
	expect(JSON.parse(post.body)).toEqual({
		comment: 'Patched overnight.',
		isPublic: false,
		issueKeyId: KEY,
	});

	const comments = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('ticket', 'getComments', { ticketKey: KEY, returnAll: true }),
		credential,
	});
	expect(comments[comments.length - 1].comment).toBe('Patched overnight.');
});
