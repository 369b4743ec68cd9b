/** Security Dashboard -> Get Overview (nodes/Armor/actions/securityDashboard/getOverview.operation.ts). */
import { armorAvamEntry, armorVms } from '../../../sandbox/armorData';
import { ARMOR_DEMO_USER, ARMOR_INCIDENTS_PER_ACCOUNT } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

test("returns the account's figures as one item (API key)", async () => {
	const output = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('securityDashboard', 'getOverview'),
		credential: armorApiKeyCredential(),
	});
	expect(output).toHaveLength(1);
	const vms = armorVms(ACCOUNT);
	const avam = vms.map((vm) => armorAvamEntry(ACCOUNT, vm).avamStatus);
	expect(output[0]).toMatchObject({
		accountId: ACCOUNT,
		vms: { total: vms.length },
		antiMalware: {
			protected: avam.filter((s) => s === 'Protected').length,
			offline: avam.filter((s) => s === 'Offline').length,
			notInstalled: avam.filter((s) => s === 'Not Installed').length,
		},
		securityIncidents: { total: ARMOR_INCIDENTS_PER_ACCOUNT },
	});
	expect(Object.keys(output[0]).sort()).toEqual(
		['accountId', 'antiMalware', 'fileIntegrity', 'patching', 'securityIncidents', 'vms'].sort(),
	);
	const [request] = requestsTo(fixture.sandbox, 'armor', '/core/security-dashboard/stats/overview');
	expect(header(request, 'authorization')).toMatch(/^ARMOR-PSK /);
});
