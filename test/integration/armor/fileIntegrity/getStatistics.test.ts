/** File Integrity -> Get Statistics (nodes/Armor/actions/fileIntegrity/getStatistics.operation.ts). */
import { armorFimEntry, armorVms } from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

test('one item per monitoring status', async () => {
	const counts = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('fileIntegrity', 'getStatistics'),
		credential: armorCredential(),
	});
	const statuses = armorVms(ACCOUNT).map((vm) => armorFimEntry(ACCOUNT, vm).fimStatus);
	expect(counts).toEqual(
		['Monitored', 'Offline', 'Not Installed'].map((status) => ({
			status,
			count: statuses.filter((s) => s === status).length,
		})),
	);
	expect(counts.reduce((sum, entry) => sum + Number(entry.count), 0)).toBe(statuses.length);
	expect(requestsTo(fixture.sandbox, 'armor', '/core/fim/statistics', 'GET')).toHaveLength(1);
});
