/** User -> Create API Key (nodes/Armor/actions/user/createApiKey.operation.ts): POST /users/{id}/keys. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ARMOR_DEMO_USER } from '../../../sandbox/server';
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
const USER = String(ARMOR_DEMO_USER.id);
const PATH = `/users/${USER}/keys`;

test('creates a key and outputs its secret; Get API Keys then lists it without one', async () => {
	const credential = armorCredential();
	const [created] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'createApiKey', {
			userId: USER,
			keyName: ' n8n nightly ',
			additionalFields: { description: 'Nightly report' },
		}),
		credential,
	});
	expect(created).toMatchObject({ name: 'n8n nightly', description: 'Nightly report' });
	expect(typeof created.secret).toBe('string');
	expect(String(created.secret).length).toBeGreaterThan(20);
	const [post] = requestsTo(fixture.sandbox, 'armor', PATH, 'POST');
	expect(JSON.parse(post.body)).toEqual({ name: 'n8n nightly', description: 'Nightly report' });

	const keys = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'getApiKeys', { userId: USER }),
		credential,
	});
	const listed = keys.find((key) => key.id === created.id);
	expect(listed).toMatchObject({ name: 'n8n nightly' });
	expect(listed).not.toHaveProperty('secret');
});

test('an empty name is refused before any request; an API key is refused with the advice', async () => {
	const empty = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'createApiKey', { userId: USER, keyName: ' ' }),
		credential: armorCredential(),
	});
	expect(empty).toBeInstanceOf(NodeOperationError);
	expect(empty.message).toBe('Enter the Key Name: it is empty.');
	expect(requestsTo(fixture.sandbox, 'armor', PATH)).toHaveLength(0);

	const refused = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'createApiKey', { userId: USER, keyName: 'From a key' }),
		credential: armorApiKeyCredential(),
	});
	expect(refused).toBeInstanceOf(NodeApiError);
	expect(refused.message).toMatch(/^Armor answered 403: /);
	expect(refused.description).toMatch(/use the Username and Password authentication/);
	expect(requestsTo(fixture.sandbox, 'armor', PATH, 'POST')).toHaveLength(1);
});
