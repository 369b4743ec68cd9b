/** Security Incident -> Get Severity Counts (nodes/Armor/actions/securityIncident/getSeverityCounts.operation.ts). */
import {
	ARMOR_DEMO_USER,
	ARMOR_INCIDENTS_PER_ACCOUNT,
	armorSecurityIncident,
} from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

test('one item per severity, counting every incident of the account', async () => {
	const counts = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('securityIncident', 'getSeverityCounts'),
		credential: armorCredential(),
	});
	const severities = Array.from(
		{ length: ARMOR_INCIDENTS_PER_ACCOUNT },
		(_, i) => armorSecurityIncident(ACCOUNT, i + 1).severity,
	);
	expect(counts).toEqual(
		['Critical', 'High', 'Medium', 'Low'].map((severity) => ({
			severity,
			count: severities.filter((s) => s === severity).length,
		})),
	);
	expect(
		requestsTo(fixture.sandbox, 'armor', '/security-incidents/severity-count', 'GET'),
	).toHaveLength(1);
});
