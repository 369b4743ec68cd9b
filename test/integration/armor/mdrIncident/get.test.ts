/** MDR Incident -> Get and Add Comment (nodes/Armor/actions/mdrIncident/), on the v2 MDR service. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ARMOR_DEMO_USER, mdrIncidentKey } from '../../../sandbox/server';
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
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

test('Get returns one incident, simplified by default, or the raw details', async () => {
	const key = mdrIncidentKey(ACCOUNT, 3);
	const [simple] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('mdrIncident', 'get', { incidentKey: key }),
		credential: armorCredential(),
	});
	expect(Object.keys(simple).sort()).toEqual([
		'assignee',
		'comments',
		'created',
		'key',
		'link',
		'severity',
		'status',
		'summary',
		'tactics',
		'updated',
	]);
	expect(simple.key).toBe(key);
	expect(simple.link).toContain(key);
	expect(Array.isArray(simple.comments)).toBe(true);

	const [raw] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('mdrIncident', 'get', { incidentKey: key, simplify: false }),
		credential: armorCredential(),
	});
	expect(Object.keys(raw).length).toBeGreaterThan(10);
	expect(raw.ticketSummary).toBe(simple.summary);
});

test("an unknown incident fails with the service's 404, and an empty key is refused before any request", async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('mdrIncident', 'get', { incidentKey: 'SEC-999999' }),
		credential: armorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 404/);

	fixture.sandbox.clearRequests();
	const empty = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('mdrIncident', 'get', { incidentKey: '  ' }),
		credential: armorCredential(),
	});
	expect(empty).toBeInstanceOf(NodeOperationError);
	expect(empty.message).toBe('Enter the Incident Key: it is empty.');
	expect(requestsTo(fixture.sandbox, 'services')).toHaveLength(0);
});

test('Add Comment posts the comment (signed with an API key), and Get shows it', async () => {
	const key = mdrIncidentKey(ACCOUNT, 5);
	const credential = armorApiKeyCredential();
	const [added] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('mdrIncident', 'addComment', {
			incidentKey: key,
			comment: 'Isolated the host; please confirm.',
		}),
		credential,
	});
	expect(added).toMatchObject({
		incidentKey: key,
		comment: 'Isolated the host; please confirm.',
		added: true,
	});

	const [incident] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('mdrIncident', 'get', { incidentKey: key }),
		credential,
	});
	const comments = incident.comments as Array<{ body: string }>;
	expect(comments[comments.length - 1].body).toBe('Isolated the host; please confirm.');
	const [post] = requestsTo(fixture.sandbox, 'services', `/mdr/incidents/${key}/comments`, 'POST');
	expect(JSON.parse(post.body)).toEqual({ comment: 'Isolated the host; please confirm.' });
});
