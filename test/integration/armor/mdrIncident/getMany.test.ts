/**
 * MDR Incident -> Get Many (nodes/Armor/actions/mdrIncident/getMany.operation.ts): the v2 MDR service on its
 * own host, `startAt`/`pageSize` paging, filters, For Each Account, with either authentication.
 */
import { ARMOR_DEMO_USER, MDR_INCIDENTS_PER_ACCOUNT } from '../../../sandbox/server';
import { ARMOR_NODE_TYPE, header, requestsTo, runNodeJson, sandboxPerTest } from '../../runtime';
import { armorHelpers, armorOperation } from '../helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest();
const { armorCredential, armorApiKeyCredential } = armorHelpers(fixture);

function getMany(parameters = {}) {
	return armorOperation('mdrIncident', 'getMany', parameters);
}

function pagesAsked(): Array<{ startAt: string | null; pageSize: string | null }> {
	return requestsTo(fixture.sandbox, 'services', '/mdr/incidents').map((request) => {
		const query = new URL(request.url, 'http://x').searchParams;
		return { startAt: query.get('startAt'), pageSize: query.get('pageSize') };
	});
}

test('Return All reads every page, also from a server that answers fewer per page than asked', async () => {
	const { sandbox, helper } = fixture;
	sandbox.configure({ pageSizeCap: 10 });
	const incidents = await runNodeJson({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: getMany({ returnAll: true }),
		credential: armorCredential(),
	});

	expect(incidents).toHaveLength(MDR_INCIDENTS_PER_ACCOUNT);
	expect(new Set(incidents.map((incident) => incident.id)).size).toBe(MDR_INCIDENTS_PER_ACCOUNT);
	expect(pagesAsked()).toEqual([
		{ startAt: '0', pageSize: '100' },
		{ startAt: '10', pageSize: '100' },
		{ startAt: '20', pageSize: '100' },
		{ startAt: '30', pageSize: '100' },
	]);
});

test('Limit stops inside the second page, with an API key (no login)', async () => {
	const { sandbox, helper } = fixture;
	sandbox.configure({ pageSizeCap: 10 });
	const incidents = await runNodeJson({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: getMany({ returnAll: false, limit: 15 }),
		credential: armorApiKeyCredential(),
	});

	expect(incidents).toHaveLength(15);
	expect(pagesAsked()).toEqual([
		{ startAt: '0', pageSize: '15' },
		{ startAt: '10', pageSize: '15' },
	]);
	expect(sandbox.summary().armor).toMatchObject({ authorize: 0, token: 0 });
	for (const request of requestsTo(sandbox, 'services')) {
		expect(header(request, 'authorization')).toMatch(/^ARMOR-PSK /);
	}
});

test('filters and sorting are sent as the service names them', async () => {
	const { helper } = fixture;
	const incidents = await runNodeJson({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: getMany({
			returnAll: true,
			options: {
				status: 'Open',
				priority: 'High, Critical',
				sortBy: 'created',
				sortDirection: 'asc',
			},
		}),
		credential: armorCredential(),
	});

	const query = new URL(
		requestsTo(fixture.sandbox, 'services', '/mdr/incidents')[0].url,
		'http://x',
	).searchParams;
	expect(Object.fromEntries(query)).toMatchObject({
		status: 'Open',
		priority: 'High, Critical',
		sortBy: 'created',
		sortDirection: 'asc',
	});
	expect(incidents.length).toBeGreaterThan(0);
	for (const incident of incidents) {
		expect(incident.status).toBe('Open');
		expect(['High', 'Critical']).toContain(incident.priority);
	}
});

test('For Each Account lists every account of GET /me, each incident tagged with its account', async () => {
	const { helper } = fixture;
	const incidents = await runNodeJson({
		helper,
		type: ARMOR_NODE_TYPE,
		parameters: getMany({ returnAll: true, options: { forEachAccount: true } }),
		credential: armorCredential(),
	});

	expect(incidents).toHaveLength(MDR_INCIDENTS_PER_ACCOUNT * ARMOR_DEMO_USER.accounts.length);
	for (const account of ARMOR_DEMO_USER.accounts) {
		const tagged = incidents.filter(
			(incident) => (incident.forAccount as { id: number }).id === account.id,
		);
		expect(tagged).toHaveLength(MDR_INCIDENTS_PER_ACCOUNT);
		expect(tagged[0].forAccount).toEqual({ id: account.id, name: account.name });
	}
	const contexts = requestsTo(fixture.sandbox, 'services', '/mdr/incidents').map((request) =>
		header(request, 'x-account-context'),
	);
	expect(contexts).toEqual(ARMOR_DEMO_USER.accounts.map((account) => String(account.id)));
});
