/** Log Management -> Get Log Sources (nodes/Armor/actions/logManagement/getLogSources.operation.ts). */
import { ARMOR_LOG_SOURCES_PER_ACCOUNT, armorLogSource } from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);

test("For Each Account lists every account's sources, tagged; Limit cuts each list", async () => {
	const accounts = ARMOR_DEMO_USER.accounts;
	const all = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('logManagement', 'getLogSources', {
			returnAll: true,
			options: { forEachAccount: true },
		}),
		credential: armorCredential(),
	});
	expect(all).toEqual(
		accounts.flatMap((account) =>
			Array.from({ length: ARMOR_LOG_SOURCES_PER_ACCOUNT }, (_, i) => ({
				...armorLogSource(account.id, i + 1),
				forAccount: { id: account.id, name: account.name },
			})),
		),
	);
	expect(
		requestsTo(fixture.sandbox, 'armor', '/log-management/logsources').map((request) =>
			header(request, 'x-account-context'),
		),
	).toEqual(accounts.map((account) => String(account.id)));

	const two = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('logManagement', 'getLogSources', { limit: 2 }),
		credential: armorCredential(),
	});
	expect(two).toEqual([armorLogSource(accounts[0].id, 1), armorLogSource(accounts[0].id, 2)]);
});
