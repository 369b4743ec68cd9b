/** User -> Delete API Key (nodes/Armor/actions/user/deleteApiKey.operation.ts): DELETE /users/{id}/keys/{keyId}. */
import { NodeApiError } from 'n8n-workflow';

import { armorApiKeyId } from '../../../sandbox/armorData';
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
const KEY = armorApiKeyId(ARMOR_DEMO_USER.id, 1);

test('deletes the key, says so with the removed key, and Get API Keys no longer lists it', async () => {
	const credential = armorCredential();
	const [deleted] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'deleteApiKey', { userId: USER, keyId: KEY }),
		credential,
	});
	expect(deleted).toMatchObject({ deleted: true, id: KEY, userId: ARMOR_DEMO_USER.id });
	expect(requestsTo(fixture.sandbox, 'armor', `/users/${USER}/keys/${KEY}`, 'DELETE')).toHaveLength(
		1,
	);

	const keys = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'getApiKeys', { userId: USER }),
		credential,
	});
	expect(keys.length).toBeGreaterThan(0);
	expect(keys.map((key) => key.id)).not.toContain(KEY);

	const again = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'deleteApiKey', { userId: USER, keyId: KEY }),
		credential,
	});
	expect(again.message).toBe(`Armor answered 404: API key ${KEY} was not found.`);
});

test('under an API key, Armor refuses and the error says to use Username and Password', async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'deleteApiKey', { userId: USER, keyId: KEY }),
		credential: armorApiKeyCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 403: /);
	expect(error.description).toMatch(/use the Username and Password authentication/);
});
