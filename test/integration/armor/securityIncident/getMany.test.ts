/** Security Incident -> Get Many (nodes/Armor/actions/securityIncident/getMany.operation.ts): `?page=` paging. */
import {
	ARMOR_DEMO_USER,
	ARMOR_INCIDENTS_PER_ACCOUNT,
	armorSecurityIncident,
} from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);
const ACCOUNT = ARMOR_DEMO_USER.accounts[0].id;

function pagesAsked(): Array<string | null> {
	return requestsTo(fixture.sandbox, 'armor', '/security-incidents').map((request) =>
		new URL(request.url, 'http://x').searchParams.get('page'),
	);
}

test('Return All reads every page', async () => {
	const incidents = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('securityIncident', 'getMany', { returnAll: true }),
		credential: armorCredential(),
	});
	expect(incidents).toEqual(
		Array.from({ length: ARMOR_INCIDENTS_PER_ACCOUNT }, (_, i) =>
			armorSecurityIncident(ACCOUNT, i + 1),
		),
	);
	expect(pagesAsked()).toEqual(['1', '2', '3']);
});

test('Limit stops inside the second page, with an API key', async () => {
	const incidents = await runNodeJson({
		helper: fixture.helper,
		type: ARMOR_NODE_TYPE,
		parameters: armorOperation('securityIncident', 'getMany', { limit: 13 }),
		credential: armorApiKeyCredential(),
	});
	expect(incidents.map((incident) => incident.id)).toEqual(
		Array.from({ length: 13 }, (_, i) => armorSecurityIncident(ACCOUNT, i + 1).id),
	);
	expect(pagesAsked()).toEqual(['1', '2']);
	for (const request of requestsTo(fixture.sandbox, 'armor', '/security-incidents')) {
		expect(header(request, 'authorization')).toMatch(/^ARMOR-PSK /);
	}
});
