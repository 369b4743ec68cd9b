/** File Integrity -> Get Many (nodes/Armor/actions/fileIntegrity/getMany.operation.ts): GET /core/fim. */
import { armorFimEntry, armorVms } from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;
const expected = armorVms(ACCOUNT).map((vm) => armorFimEntry(ACCOUNT, vm));

test('lists every machine raw, or simplified by default, and Limit cuts the list (API key)', async () => {
	const credential = armorApiKeyCredential();
	const raw = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('fileIntegrity', 'getMany', { returnAll: true, simplify: false }),
		credential,
	});
	expect(raw).toEqual(expected);

	const simple = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('fileIntegrity', 'getMany', { limit: 3 }),
		credential,
	});
	for (const [i, entry] of simple.entries()) {
		expect(Object.keys(entry)).toHaveLength(9);
		expect(expected[i]).toMatchObject(entry);
	}
	expect(simple).toHaveLength(3);
	const requests = requestsTo(fixture.sandbox, 'armor', '/core/fim');
	expect(requests).toHaveLength(2);
	expect(header(requests[1], 'authorization')).toMatch(/^ARMOR-PSK /);
});
