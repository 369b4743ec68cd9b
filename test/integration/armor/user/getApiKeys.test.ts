/** User -> Get API Keys (nodes/Armor/actions/user/getApiKeys.operation.ts): GET /users/{id}/keys. */
import { NodeApiError } from 'n8n-workflow';

import { armorApiKeys } from '../../../sandbox/armorData';
import { ARMOR_API_KEY, ARMOR_DEMO_USER } from '../../../sandbox/server';
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

test("lists the user's keys, without secrets", async () => {
	const keys = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'getApiKeys', { userId: USER }),
		credential: armorCredential(),
	});
	expect(keys).toEqual(armorApiKeys(ARMOR_DEMO_USER.id));
	expect(keys.map((key) => key.id)).toContain(ARMOR_API_KEY.keyId);
	expect(keys.some((key) => 'secret' in key)).toBe(false);
});

test('under an API key, Armor refuses and the error says to use Username and Password', async () => {
	const error = await runNodeError({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('user', 'getApiKeys', { userId: USER }),
		credential: armorApiKeyCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Armor answered 403: /);
	expect(error.description).toMatch(/use the Username and Password authentication/);
	expect(requestsTo(fixture.sandbox, 'armor', `/users/${USER}/keys`, 'GET')).toHaveLength(1);
});
