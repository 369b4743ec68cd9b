/** Security Dashboard -> Get Overall Score (nodes/Armor/actions/securityDashboard/getOverallScore.operation.ts). */
import { ARMOR_DEMO_USER } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential } = armorHelpers(fixture);
const CHILD = ARMOR_DEMO_USER.accounts[1].id;

test("returns the context account's score, rating and category scores", async () => {
	const [score] = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('securityDashboard', 'getOverallScore', {
			options: { accountContext: { mode: 'id', value: String(CHILD) } },
		}),
		credential: armorCredential(),
	});
	const categories = score.categories as Array<{ name: string; score: number }>;
	expect(score.accountId).toBe(CHILD);
	expect(categories.map((c) => c.name)).toEqual([
		'Anti-Malware',
		'File Integrity',
		'Patching',
		'Security Incidents',
	]);
	expect(score.score).toBe(
		Math.round(categories.reduce((sum, c) => sum + c.score, 0) / categories.length),
	);
	expect(score.rating).toMatch(/^[A-F]$/);
	const [request] = requestsTo(fixture.sandbox, 'armor', '/core/security-dashboard/stats/overall');
	expect(header(request, 'x-account-context')).toBe(String(CHILD));
});
