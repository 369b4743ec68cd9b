/**
 * Tests of the sandbox's data changes (test/sandbox/changes.js and the resource files): records added between
 * polls (tickets, MDR incidents and service requests, security incidents, log search hits, Auth Armor users and
 * auth history), records updated (tickets, MDR incidents), VM power states; the sandbox clock's timestamps
 * (format, order, ties with `sameTimestamp`), the lists' order with the new times, the offset shift when items
 * are added between two pages, and the matching control endpoints under /__sandbox/.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import {
	startSandbox,
	SandboxNotFoundError,
	ARMOR_DEMO_USER,
	ARMOR_INCIDENTS_PER_ACCOUNT,
	ARMOR_TICKETS_PER_ACCOUNT,
	AUTHARMOR_AUTH_HISTORY_PER_USER,
	AUTHARMOR_CLIENT,
	MDR_INCIDENTS_PER_ACCOUNT,
	MDR_SERVICE_REQUESTS_PER_ACCOUNT,
	armorSecurityIncident,
	armorTicket,
	authArmorDefaultUser,
	authArmorUserId,
	mdrIncident,
	mdrIncidentKey,
	mdrServiceRequestKey,
	type Sandbox,
} from '../sandbox/server';
import * as data from '../sandbox/armorData';

jest.setTimeout(20_000);

const A = 1001;
const CHILD = 1002;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sb: Sandbox;
/** The Armor listener with the demo user's FH-AUTH token. */
let armor: AxiosInstance;
/** The services listener, same token. */
let services: AxiosInstance;
/** The Auth Armor listener with the full client's bearer token. */
let authArmor: AxiosInstance;
/** The Armor listener without credentials (control endpoints). */
let control: AxiosInstance;

async function armorToken(sandbox: Sandbox): Promise<string> {
	const anon = axios.create({
		baseURL: sandbox.armorUrl,
		proxy: false,
		validateStatus: () => true,
	});
	const authorize = await anon.post('/auth/authorize', {
		username: ARMOR_DEMO_USER.username,
		password: ARMOR_DEMO_USER.password,
	});
	const token = await anon.post('/auth/token', {
		code: authorize.data.code,
		grant_type: 'authorization_code',
	});
	expect(token.status).toBe(200);
	return token.data.access_token as string;
}

async function authArmorToken(sandbox: Sandbox): Promise<string> {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: AUTHARMOR_CLIENT.clientId,
		client_secret: AUTHARMOR_CLIENT.clientSecret,
	});
	const r = await axios.post(sandbox.authArmorTokenUrl, form.toString(), {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		proxy: false,
	});
	return r.data.access_token as string;
}

beforeEach(async () => {
	sb = await startSandbox();
	const fhAuth = { Authorization: `FH-AUTH ${await armorToken(sb)}` };
	const options = { proxy: false as const, validateStatus: () => true };
	armor = axios.create({ ...options, baseURL: sb.armorUrl, headers: fhAuth });
	services = axios.create({ ...options, baseURL: sb.servicesUrl, headers: fhAuth });
	authArmor = axios.create({
		...options,
		baseURL: sb.authArmorUrl,
		headers: { Authorization: `Bearer ${await authArmorToken(sb)}` },
	});
	control = axios.create({ ...options, baseURL: sb.armorUrl });
});

afterEach(async () => {
	await sb?.close();
});

/** The body of a 200 answer. */
function ok(r: AxiosResponse) {
	expect(r.status).toBe(200);
	return r.data;
}

const ticketKey = (accountId: number, n: number) =>
	`ARM-${accountId}-${String(n).padStart(3, '0')}`;

/** Checks times taken from the sandbox clock during [before, after + slack]. */
function expectClockTimes(times: string[], before: number, slack = 0) {
	const after = Date.now();
	for (const time of times) {
		expect(time).toMatch(ISO);
		const ms = Date.parse(time);
		expect(ms).toBeGreaterThanOrEqual(before);
		expect(ms).toBeLessThanOrEqual(after + slack + 1);
	}
}

function strictlyIncreasing(times: string[]) {
	for (let i = 1; i < times.length; i++) expect(times[i] > times[i - 1]).toBe(true);
}

// ------------------------------------------------------------------ clock

describe('the sandbox clock', () => {
	it('stamps added records with the current time, ISO 8601 UTC with milliseconds, after every fixture', () => {
		const before = Date.now();
		const tickets = sb.addTickets(A, 3);
		const times = tickets.map((t) => t.created);
		expectClockTimes(times, before, 3);
		strictlyIncreasing(times);
		const newestFixture = armorTicket(A, ARMOR_TICKETS_PER_ACCOUNT).created;
		expect(times[0] > newestFixture).toBe(true);
		for (const t of tickets) {
			expect([t.updated, t.createdDate, t.updatedDate]).toEqual([t.created, t.created, t.created]);
		}
	});

	it('sameTimestamp gives every record of the call one time; later calls come strictly after', () => {
		const first = sb.addTickets(A, 3, { sameTimestamp: true });
		expect(new Set(first.map((t) => t.created)).size).toBe(1);
		const next = sb.addMdrIncidents(A, 2, { sameTimestamp: true });
		expect(next[0].created > first[0].created).toBe(true);
		expect(next[1].created).toBe(next[0].created);
		const hits = sb.addLogSearchHits(A, 'security-events', 2);
		expect(hits[0].timestamp > next[0].created).toBe(true);
		expect(hits[1].timestamp > hits[0].timestamp).toBe(true);
	});

	it('a new sandbox starts from the fixtures again', async () => {
		sb.addTickets(A, 2);
		sb.addAuthArmorUsers(1);
		const other = await startSandbox();
		try {
			const token = await armorToken(other);
			const r = await axios.get(`${other.armorUrl}/tickets/list`, {
				headers: { Authorization: `FH-AUTH ${token}` },
				proxy: false,
			});
			expect(r.data.total).toBe(ARMOR_TICKETS_PER_ACCOUNT);
			expect(other.addTickets(A, 1)[0].key).toBe(ticketKey(A, ARMOR_TICKETS_PER_ACCOUNT + 1));
		} finally {
			await other.close();
		}
		expect(sb.addTickets(A, 1)[0].key).toBe(ticketKey(A, ARMOR_TICKETS_PER_ACCOUNT + 3));
	});
});

// ------------------------------------------------------------------ tickets

describe('tickets', () => {
	it('addTickets continues the key numbering; the tickets are in /tickets/list, list-all and details', async () => {
		const added = sb.addTickets(A, 2, {
			fields: { summary: 'Disk full on web-1', priority: 'High', requestType: 'Billing' },
		});
		expect(added.map((t) => t.key)).toEqual([ticketKey(A, 13), ticketKey(A, 14)]);
		expect(added[0]).toMatchObject({
			key: ticketKey(A, 13),
			issueKeyId: ticketKey(A, 13),
			summary: 'Disk full on web-1',
			status: 'Open',
			currentStatus: 'Open',
			priority: 'High',
			accountId: A,
			requestType: { id: 4, name: 'Billing' },
		});

		const asc = ok(await armor.get('/tickets/list', { params: { maxResults: 100 } }));
		expect(asc.total).toBe(14);
		expect(asc.items.slice(-2)).toEqual(
			added.map(({ key, summary, status, priority, accountId, created, updated }) => ({
				key,
				summary,
				status,
				priority,
				accountId,
				created,
				updated,
			})),
		);
		const desc = ok(await armor.get('/tickets/list', { params: { orderByDirection: 'desc' } }));
		expect(desc.items.slice(0, 2).map((t: { key: string }) => t.key)).toEqual([
			ticketKey(A, 14),
			ticketKey(A, 13),
		]);

		const all = ok(
			await armor.get('/tickets/list-all', {
				params: { orderBy: 'created', orderByDirection: 1, maxResults: 3 },
			}),
		);
		expect(all.total).toBe(14);
		expect(all.items.slice(0, 2)).toEqual([added[1], added[0]]);

		const details = ok(await armor.get(`/tickets/${ticketKey(A, 13)}/details`));
		expect(details).toEqual({ ...added[0], commentCount: 0 });
		const comments = ok(await armor.get(`/tickets/${ticketKey(A, 13)}/comments`));
		expect(comments).toMatchObject({ total: 0, items: [] });
		expect(ok(await armor.get(`/tickets/${ticketKey(A, 13)}/transition`)).length).toBeGreaterThan(
			0,
		);
		// Other accounts keep their own numbering.
		expect((await armor.get(`/tickets/${ticketKey(A, 15)}/details`)).status).toBe(404);
		const child = ok(
			await armor.get('/tickets/list', { headers: { 'X-Account-Context': String(CHILD) } }),
		);
		expect(child.total).toBe(ARMOR_TICKETS_PER_ACCOUNT);
	});

	it('comments and transitions work on an added ticket; a transition also moves `updated`', async () => {
		const [ticket] = sb.addTickets(A, 1);
		const comment = await armor.post(`/tickets/${ticket.key}/comments`, {
			comment: 'Looking into it',
			isPublic: true,
			issueKeyId: ticket.key,
		});
		expect(comment.status).toBe(200);
		const moved = ok(
			await armor.post(`/tickets/${ticket.key}/transition`, {
				ticketNumber: ticket.key,
				transitionId: 11,
			}),
		);
		expect(moved).toMatchObject({
			status: 'In Progress',
			commentCount: 1,
			created: ticket.created,
		});
		expect(moved.updated > ticket.updated).toBe(true);
	});

	it('updateTicket changes status and summary and bumps updated; orderBy=updated follows', async () => {
		const before = Date.now();
		const updated = sb.updateTicket(A, ticketKey(A, 2), { status: 'Resolved', summary: 'Fixed' });
		expectClockTimes([updated.updated], before);
		expect(updated).toMatchObject({
			key: ticketKey(A, 2),
			status: 'Resolved',
			currentStatus: 'Resolved',
			summary: 'Fixed',
			created: armorTicket(A, 2).created,
			updatedDate: updated.updated,
		});
		const byUpdated = ok(
			await armor.get('/tickets/list-all', {
				params: { orderBy: 'updated', orderByDirection: 'desc' },
			}),
		);
		expect(byUpdated.items[0]).toEqual(updated);
		const byCreated = ok(
			await armor.get('/tickets/list-all', {
				params: { orderBy: 'created', orderByDirection: 'desc' },
			}),
		);
		expect(byCreated.items[0].key).toBe(ticketKey(A, ARMOR_TICKETS_PER_ACCOUNT));
		const list = ok(await armor.get('/tickets/list'));
		expect(list.items[1]).toMatchObject({
			status: 'Resolved',
			summary: 'Fixed',
			updated: updated.updated,
		});

		// A second update keeps the first one's summary; a touch (no changes) only moves `updated`.
		const again = sb.updateTicket(A, ticketKey(A, 2), { status: 'Closed' });
		expect(again).toMatchObject({ status: 'Closed', summary: 'Fixed' });
		const touched = sb.updateTicket(A, ticketKey(A, 2));
		expect(touched.status).toBe('Closed');
		expect(touched.updated > again.updated).toBe(true);
		// An added ticket can be updated too.
		const [added] = sb.addTickets(A, 1);
		expect(sb.updateTicket(A, added.key.toLowerCase(), { status: 'In Progress' }).status).toBe(
			'In Progress',
		);
	});

	it('ties: tickets added with sameTimestamp share created and order by key', async () => {
		const same = sb.addTickets(A, 3, { sameTimestamp: true });
		const desc = ok(
			await armor.get('/tickets/list-all', {
				params: { orderBy: 'created', orderByDirection: 'desc', maxResults: 4 },
			}),
		);
		expect(desc.items.slice(0, 3).map((t: { key: string }) => t.key)).toEqual(
			[...same].reverse().map((t) => t.key),
		);
		expect(new Set(desc.items.slice(0, 3).map((t: { created: string }) => t.created)).size).toBe(1);
		const asc = ok(
			await armor.get('/tickets/list-all', {
				params: { orderBy: 'updated', orderByDirection: 'asc', maxResults: 100 },
			}),
		);
		expect(asc.items.slice(-3).map((t: { key: string }) => t.key)).toEqual(same.map((t) => t.key));
	});

	it('paging by offset: a ticket added between two pages shifts a newest-first listing by one', async () => {
		const page1 = ok(
			await armor.get('/tickets/list', { params: { orderByDirection: 'desc', maxResults: 5 } }),
		);
		sb.addTickets(A, 1);
		const page2 = ok(
			await armor.get('/tickets/list', {
				params: {
					orderByDirection: 'desc',
					maxResults: 5,
					nextPageToken: page1.nextPageToken,
				},
			}),
		);
		expect(page2.total).toBe(ARMOR_TICKETS_PER_ACCOUNT + 1);
		// The last ticket of page 1 comes again (one repeat per added ticket), nothing is skipped.
		expect(page2.items[0]).toEqual(page1.items[4]);

		// Oldest first, new tickets are appended: the next pages go on where they were and reach them.
		const asc1 = ok(await armor.get('/tickets/list-all', { params: { maxResults: 10 } }));
		const [late] = sb.addTickets(A, 1);
		const asc2 = ok(
			await armor.get('/tickets/list-all', {
				params: { maxResults: 10, nextPageToken: asc1.nextPageToken },
			}),
		);
		const keys = [...asc1.items, ...asc2.items].map((t: { key: string }) => t.key);
		expect(new Set(keys).size).toBe(ARMOR_TICKETS_PER_ACCOUNT + 2);
		expect(keys[keys.length - 1]).toBe(late.key);
	});

	it('checks its arguments', () => {
		expect(() => sb.addTickets(9999, 1)).toThrow(TypeError);
		expect(() => sb.addTickets(A, 0)).toThrow(/count/);
		expect(() => sb.addTickets(A, 1.5)).toThrow(TypeError);
		expect(() =>
			sb.addTickets(A, 1, { fields: { created: 'x' } as unknown as { summary: string } }),
		).toThrow(/fields.created cannot be set/);
		expect(() => sb.addTickets(A, 1, { fields: { status: 'Done' as unknown as 'Open' } })).toThrow(
			/fields.status/,
		);
		expect(() =>
			sb.addTickets(A, 1, { later: true } as unknown as { sameTimestamp: boolean }),
		).toThrow(/Unknown key "later"/);
		expect(() => sb.updateTicket(A, ticketKey(A, 13))).toThrow(SandboxNotFoundError);
		expect(() => sb.updateTicket(A, ticketKey(CHILD, 1))).toThrow(SandboxNotFoundError);
		expect(() => sb.updateTicket(A, ticketKey(A, 1), { summary: '' })).toThrow(TypeError);
		expect(() => sb.addTickets(A, 999 - ARMOR_TICKETS_PER_ACCOUNT + 1)).toThrow(/999/);
		expect(sb.addTickets(A, 999 - ARMOR_TICKETS_PER_ACCOUNT).pop()?.key).toBe(ticketKey(A, 999));
	});
});

// ------------------------------------------------------------------ MDR

describe('MDR incidents and service requests', () => {
	it('addMdrIncidents: new keys, first in the default order (id desc) and by created desc; details', async () => {
		const added = sb.addMdrIncidents(A, 2, { fields: { priority: 'Critical', severity: 'High' } });
		expect(added.map((i) => i.id)).toEqual([
			mdrIncidentKey(A, MDR_INCIDENTS_PER_ACCOUNT + 1),
			mdrIncidentKey(A, MDR_INCIDENTS_PER_ACCOUNT + 2),
		]);
		expect(added[0]).toMatchObject({ status: 'Open', priority: 'Critical' });
		expect(added[0].created).toBe(added[0].updated);

		const byId = ok(await services.get('/mdr/incidents', { params: { pageSize: 3 } }));
		expect(byId.totalRows).toBe(MDR_INCIDENTS_PER_ACCOUNT + 2);
		expect(byId.issues.slice(0, 2)).toEqual([added[1], added[0]]);
		const byCreated = ok(
			await services.get('/mdr/incidents', { params: { sortBy: 'created', pageSize: 2 } }),
		);
		expect(byCreated.issues).toEqual([added[1], added[0]]);
		const oldestFirst = ok(
			await services.get('/mdr/incidents', {
				params: { sortBy: 'created', sortDirection: 'asc', pageSize: 100 },
			}),
		);
		expect(oldestFirst.issues.slice(-2)).toEqual(added);

		const details = ok(await services.get(`/mdr/incidents/${added[0].id}`));
		expect(details).toMatchObject({
			status: 'Open',
			severity: 'High',
			createdDateTime: added[0].created,
			lastUpdateDateTime: added[0].updated,
			ticketSummary: added[0].summary,
			comments: [],
		});
		const comment = await services.post(`/mdr/incidents/${added[0].id}/comments`, {
			comment: 'Checked',
		});
		expect(comment.status).toBe(200);
		expect(ok(await services.get(`/mdr/incidents/${added[0].id}`)).comments).toHaveLength(1);
		// Another account has none of them.
		const child = ok(
			await services.get('/mdr/incidents', { headers: { 'X-Account-Context': String(CHILD) } }),
		);
		expect(child.totalRows).toBe(MDR_INCIDENTS_PER_ACCOUNT);
	});

	it('updateMdrIncident changes status / priority and bumps updated; sortBy=updated and filters follow', async () => {
		const key = mdrIncidentKey(A, 5);
		const before = Date.now();
		const updated = sb.updateMdrIncident(A, key, { status: 'Closed', priority: 'Critical' });
		expectClockTimes([updated.updated], before);
		expect(updated).toMatchObject({
			id: key,
			status: 'Closed',
			priority: 'Critical',
			created: mdrIncident(A, 5).created,
		});
		const byUpdated = ok(
			await services.get('/mdr/incidents', { params: { sortBy: 'updated', pageSize: 1 } }),
		);
		expect(byUpdated.issues).toEqual([updated]);
		const closed = ok(
			await services.get('/mdr/incidents', { params: { status: 'closed', pageSize: 100 } }),
		);
		expect(closed.issues.map((i: { id: string }) => i.id)).toContain(key);
		const details = ok(await services.get(`/mdr/incidents/${key}`));
		expect(details).toMatchObject({
			status: 'Closed',
			lastUpdateDateTime: updated.updated,
			ticketUpdatedDateTime: updated.updated,
		});
		const [added] = sb.addMdrIncidents(A, 1);
		const later = sb.updateMdrIncident(A, added.id.toLowerCase(), { status: 'Resolved' });
		expect(later).toMatchObject({ id: added.id, status: 'Resolved', created: added.created });
		expect(later.updated > added.updated).toBe(true);
	});

	it('ties: incidents added with sameTimestamp order by key within the time', async () => {
		const same = sb.addMdrIncidents(A, 3, { sameTimestamp: true });
		const desc = ok(
			await services.get('/mdr/incidents', { params: { sortBy: 'created', pageSize: 3 } }),
		);
		expect(desc.issues.map((i: { id: string }) => i.id)).toEqual(
			[...same].reverse().map((i) => i.id),
		);
		const asc = ok(
			await services.get('/mdr/incidents', {
				params: { sortBy: 'updated', sortDirection: 'asc', pageSize: 100 },
			}),
		);
		expect(asc.issues.slice(-3).map((i: { id: string }) => i.id)).toEqual(same.map((i) => i.id));
	});

	it('paging by startAt: an incident added between two pages shifts the default order by one', async () => {
		const page1 = ok(await services.get('/mdr/incidents', { params: { pageSize: 10 } }));
		sb.addMdrIncidents(A, 1);
		const page2 = ok(
			await services.get('/mdr/incidents', { params: { pageSize: 10, startAt: 10 } }),
		);
		expect(page2.totalRows).toBe(MDR_INCIDENTS_PER_ACCOUNT + 1);
		expect(page2.issues[0]).toEqual(page1.issues[9]);
	});

	it('addMdrServiceRequests adds service requests at the clock time', async () => {
		const before = Date.now();
		const added = sb.addMdrServiceRequests(A, 2, { fields: { summary: 'Open port 443' } });
		expect(added.map((r) => r.id)).toEqual([
			mdrServiceRequestKey(A, MDR_SERVICE_REQUESTS_PER_ACCOUNT + 1),
			mdrServiceRequestKey(A, MDR_SERVICE_REQUESTS_PER_ACCOUNT + 2),
		]);
		expectClockTimes(
			added.map((r) => r.created),
			before,
			2,
		);
		const list = ok(
			await services.get('/mdr/service-requests', { params: { sortBy: 'created', pageSize: 2 } }),
		);
		expect(list.totalRows).toBe(MDR_SERVICE_REQUESTS_PER_ACCOUNT + 2);
		expect(list.issues).toEqual([added[1], added[0]]);
		expect(list.issues[0]).toMatchObject({ summary: 'Open port 443', status: 'Open' });
	});

	it('checks its arguments (99 per account: the keys hold accountId * 100 + n)', async () => {
		expect(() => sb.updateMdrIncident(A, mdrIncidentKey(A, MDR_INCIDENTS_PER_ACCOUNT + 1))).toThrow(
			SandboxNotFoundError,
		);
		expect(() => sb.updateMdrIncident(A, 'SR-100101')).toThrow(SandboxNotFoundError);
		expect(() =>
			sb.updateMdrIncident(A, mdrIncidentKey(A, 1), { status: 'Done' as unknown as 'Open' }),
		).toThrow(TypeError);
		expect(() => sb.addMdrIncidents(A, 99 - MDR_INCIDENTS_PER_ACCOUNT + 1)).toThrow(/99/);
		const last = sb.addMdrIncidents(A, 99 - MDR_INCIDENTS_PER_ACCOUNT).pop();
		expect(last?.id).toBe(mdrIncidentKey(A, 99));
		expect((await services.get(`/mdr/incidents/${mdrIncidentKey(A, 99)}`)).status).toBe(200);
		expect((await services.get(`/mdr/incidents/${mdrIncidentKey(A, 100)}`)).status).toBe(404);
	});
});

// ------------------------------------------------------------------ security incidents

describe('security incidents', () => {
	it('added incidents list last (oldest first); the newest are on the last page', async () => {
		const before = Date.now();
		const added = sb.addSecurityIncidents(A, 8, { fields: { severity: 'Critical' } });
		expectClockTimes(
			added.map((i) => i.createdDate),
			before,
			8,
		);
		expect(added[0]).toEqual({
			...armorSecurityIncident(A, ARMOR_INCIDENTS_PER_ACCOUNT + 1),
			status: 'Open',
			severity: 'Critical',
			createdDate: added[0].createdDate,
		});
		const total = ARMOR_INCIDENTS_PER_ACCOUNT + 8;
		const lastPage = Math.ceil(total / 10);
		const last = ok(await armor.get('/security-incidents', { params: { page: lastPage } }));
		expect(last.total).toBe(total);
		expect(last.items[last.items.length - 1]).toEqual(added[7]);
		const first = ok(await armor.get('/security-incidents'));
		expect(first.items[0]).toEqual(armorSecurityIncident(A, 1));
		const counts = ok(await armor.get('/security-incidents/severity-count'));
		expect(counts.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(total);
		const overview = ok(await armor.get('/core/security-dashboard/stats/overview'));
		expect(overview.securityIncidents.total).toBe(total);
	});

	it('adding between pages moves nothing already listed (the list grows at its end)', async () => {
		const page1 = ok(await armor.get('/security-incidents', { params: { page: 1 } }));
		const same = sb.addSecurityIncidents(A, 2, { sameTimestamp: true });
		expect(same[0].createdDate).toBe(same[1].createdDate);
		const pages = [page1];
		for (let page = 2; page <= 3; page++)
			pages.push(ok(await armor.get('/security-incidents', { params: { page } })));
		const ids = pages.flatMap((p) => p.items.map((i: { id: number }) => i.id));
		expect(ids).toHaveLength(ARMOR_INCIDENTS_PER_ACCOUNT + 2);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.slice(-2)).toEqual(same.map((i) => i.id));
	});
});

// ------------------------------------------------------------------ log search

describe('log search hits', () => {
	const search = (viewName: string, from = 0, size = 10) =>
		armor.post('/log-search/templatedsearch', { viewName, parameters: { from, size } });

	it('added hits come first (newest first), ids continue the view numbering', async () => {
		const added = sb.addLogSearchHits(A, 'Security-Events', 3, {
			fields: { eventType: 'Failed login', severity: 'High' },
		});
		expect(added.map((h) => h.id)).toEqual([`${A}-1-00058`, `${A}-1-00059`, `${A}-1-00060`]);
		strictlyIncreasing(added.map((h) => h.timestamp));
		const r = ok(await search('security-events', 0, 4));
		expect(r.total).toBe(60);
		expect(r.items).toEqual([
			added[2],
			added[1],
			added[0],
			data.armorLogSearchHit(A, 'security-events', 1),
		]);
		expect(r.items[0]).toMatchObject({ viewName: 'security-events', eventType: 'Failed login' });
		// An empty view gets its first hits.
		const [first] = sb.addLogSearchHits(A, 'firewall-denies', 1);
		expect(first.id).toBe(`${A}-3-00001`);
		expect(ok(await search('firewall-denies'))).toEqual({ total: 1, items: [first] });
		// sameTimestamp: one time, the last added listed first.
		const same = sb.addLogSearchHits(A, 'authentication', 2, { sameTimestamp: true });
		expect(same[0].timestamp).toBe(same[1].timestamp);
		expect(ok(await search('authentication', 0, 2)).items).toEqual([same[1], same[0]]);
	});

	it('paging by from: hits arriving between pages shift the next page by their number', async () => {
		const page1 = ok(await search('security-events', 0, 10));
		sb.addLogSearchHits(A, 'security-events', 2);
		const page2 = ok(await search('security-events', 10, 10));
		expect(page2.total).toBe(59);
		expect(page2.items.slice(0, 2)).toEqual(page1.items.slice(8, 10));
	});

	it('checks its arguments', () => {
		expect(() => sb.addLogSearchHits(A, 'nope', 1)).toThrow(/viewName/);
		expect(() =>
			sb.addLogSearchHits(A, 'security-events', 1, {
				fields: { timestamp: 'x' } as unknown as { message: string },
			}),
		).toThrow(/cannot be set/);
	});
});

// ------------------------------------------------------------------ VMs

describe('VM power state', () => {
	it('setVmPowerState switches a VM as the power endpoints do (status 4 on, 8 off)', async () => {
		const vmId = data.armorVmId(A, 2);
		const off = sb.setVmPowerState(A, vmId, 'off');
		expect(off).toMatchObject({ id: vmId, status: data.ARMOR_VM_STATUS.POWERED_OFF });
		expect(ok(await armor.get(`/vms/${vmId}`)).status).toBe(8);
		expect(ok(await armor.get('/core/security-dashboard/stats/overview')).vms).toEqual({
			total: 6,
			poweredOn: 4,
			poweredOff: 2,
		});
		// Already off: nothing changes, no error; the API endpoint refuses the same.
		expect(sb.setVmPowerState(A, vmId, 'off').status).toBe(8);
		expect((await armor.post(`/vms/${vmId}/power/off`)).status).toBe(400);
		const on = sb.setVmPowerState(A, data.armorCoreInstanceId(A, 2).toUpperCase(), 'on');
		expect(on.status).toBe(4);
		expect(ok(await armor.get('/vms')).find((v: { id: number }) => v.id === vmId).status).toBe(4);
	});

	it('checks its arguments', async () => {
		expect(() => sb.setVmPowerState(A, data.armorVmId(A, 99), 'on')).toThrow(SandboxNotFoundError);
		expect(() => sb.setVmPowerState(A, data.armorVmId(CHILD, 1), 'on')).toThrow(
			SandboxNotFoundError,
		);
		expect(() => sb.setVmPowerState(A, data.armorVmId(A, 1), 'reboot' as unknown as 'on')).toThrow(
			TypeError,
		);
	});
});

// ------------------------------------------------------------------ Auth Armor

describe('Auth Armor users and auth history', () => {
	it('addAuthArmorUsers: new ids and date_created; first in GET /v4/users sorted by date_created desc', async () => {
		const before = Date.now();
		const added = sb.addAuthArmorUsers(2);
		expect(added.map((u) => u.user_id)).toEqual([
			authArmorUserId(10000001),
			authArmorUserId(10000002),
		]);
		expect(added[0]).toEqual({
			user_id: authArmorUserId(10000001),
			username: 'user10000001@autharmor.example',
			email_address: 'user10000001@autharmor.example',
			date_created: added[0].date_created,
		});
		expectClockTimes(
			added.map((u) => u.date_created),
			before,
			2,
		);
		strictlyIncreasing(added.map((u) => u.date_created));

		const desc = ok(
			await authArmor.get('/v4/users', {
				params: { sort_column: 'date_created', sort_direction: 'desc', page_size: 3 },
			}),
		);
		expect(desc.page_info.total_record_count).toBe(27);
		expect(desc.user_records).toEqual([added[1], added[0], authArmorDefaultUser(25)]);
		const user = ok(await authArmor.get(`/v4/users/${added[0].user_id}`));
		expect(user.enrolled_auth_methods).toEqual([
			expect.objectContaining({ auth_method_name: 'AuthArmorAuthenticator' }),
		]);
		const credentials = ok(await authArmor.get(`/v4/users/${added[0].user_id}/credentials`));
		expect(credentials.credential_records).toEqual([
			expect.objectContaining({
				device_type: 'autharmor_authenticator',
				enabled: true,
				date_created: added[0].date_created,
			}),
		]);
		// An auth request works for them.
		const start = await authArmor.post('/v4/auth/authenticator/start', {
			username: added[0].username,
		});
		expect(start.status).toBe(200);
	});

	it('addAuthArmorUsers: fields, ties and the page shift in the newest-first order', async () => {
		const [named] = sb.addAuthArmorUsers(1, {
			fields: { username: 'new.person', email_address: 'new.person@example.com' },
		});
		expect(named).toMatchObject({
			username: 'new.person',
			email_address: 'new.person@example.com',
		});
		expect(() => sb.addAuthArmorUsers(1, { fields: { username: 'NEW.PERSON' } })).toThrow(/in use/);
		expect(() => sb.addAuthArmorUsers(2, { fields: { username: 'two' } })).toThrow(/one user/);

		const page1 = ok(
			await authArmor.get('/v4/users', { params: { sort_direction: 'desc', page_size: 5 } }),
		);
		const same = sb.addAuthArmorUsers(2, { sameTimestamp: true });
		expect(same[0].date_created).toBe(same[1].date_created);
		const page2 = ok(
			await authArmor.get('/v4/users', {
				params: { sort_direction: 'desc', page_size: 5, page_number: 2 },
			}),
		);
		expect(page2.user_records.slice(0, 2)).toEqual(page1.user_records.slice(3, 5));
	});

	it('addAuthArmorHistory adds completed auth requests; newest first with sort_direction=desc', async () => {
		const before = Date.now();
		const declined = sb.addAuthArmorHistory(1, 2, { result: 'declined' });
		const failed = sb.addAuthArmorHistory(authArmorDefaultUser(1).username, 1, {
			result: 'failed',
			method: 'webauthn',
		});
		const [timeout] = sb.addAuthArmorHistory(authArmorUserId(1), 1, { result: 'timeout' });
		const all = [...declined, ...failed, timeout];
		const dates = all.map((r) => r.auth_response.auth_details.request_details.date);
		expectClockTimes(dates, before, 4);
		strictlyIncreasing(dates);
		expect(declined[0]).toMatchObject({
			auth_request_status_id: 2,
			auth_request_status_name: 'Completed',
			auth_response: {
				auth_history_id: expect.stringMatching(UUID),
				result_code: 3,
				result_message: 'Declined',
				authorized: false,
			},
		});
		expect(declined[0].auth_response.auth_details.response_details?.date).toBe(dates[0]);
		expect(failed[0].auth_response).toMatchObject({
			result_code: 4,
			result_message: 'Invalid Signature',
		});
		expect(failed[0].auth_response.auth_details.request_details.auth_method).toBe('WebAuthN');
		expect(timeout.auth_response.result_code).toBe(5);
		expect(timeout.auth_response.auth_details.response_details).toBeNull();

		const history = ok(
			await authArmor.get(`/v4/users/${authArmorUserId(1)}/auth_history`, {
				params: { sort_direction: 'desc', page_size: 5 },
			}),
		);
		expect(history.page_info.total_record_count).toBe(AUTHARMOR_AUTH_HISTORY_PER_USER + 4);
		expect(history.auth_history_records.slice(0, 4)).toEqual([...all].reverse());
		const one = ok(await authArmor.get(`/v4/auth/${declined[1].auth_response.auth_history_id}`));
		expect(one).toEqual(declined[1]);
		// Success by default; an added user has a history of its own.
		const [user] = sb.addAuthArmorUsers(1);
		const [success] = sb.addAuthArmorHistory(user.username, 1, { sameTimestamp: true });
		expect(success.auth_response).toMatchObject({ result_code: 2, authorized: true });
		const own = ok(await authArmor.get(`/v4/users/${user.user_id}/auth_history`));
		expect(own.auth_history_records).toEqual([success]);
	});

	it('addAuthArmorHistory: ties and the page shift in the newest-first order; argument checks', async () => {
		const page1 = ok(
			await authArmor.get(`/v4/users/${authArmorUserId(2)}/auth_history`, {
				params: { sort_direction: 'desc', page_size: 10 },
			}),
		);
		const same = sb.addAuthArmorHistory(2, 3, { sameTimestamp: true, result: 10 });
		const dates = same.map((r) => r.auth_response.auth_details.request_details.date);
		expect(new Set(dates).size).toBe(1);
		const page2 = ok(
			await authArmor.get(`/v4/users/${authArmorUserId(2)}/auth_history`, {
				params: { sort_direction: 'desc', page_size: 10, page_number: 2 },
			}),
		);
		expect(page2.auth_history_records.slice(0, 3)).toEqual(page1.auth_history_records.slice(7, 10));

		expect(() => sb.addAuthArmorHistory(26, 1)).toThrow(SandboxNotFoundError);
		expect(() => sb.addAuthArmorHistory('nobody@example.com', 1)).toThrow(SandboxNotFoundError);
		expect(() => sb.addAuthArmorHistory(1, 1, { result: 'maybe' as unknown as 'success' })).toThrow(
			/result/,
		);
		expect(() => sb.addAuthArmorHistory(1, 1, { method: 'sms' as unknown as 'webauthn' })).toThrow(
			/method/,
		);
	});
});

// ------------------------------------------------------------------ control endpoints

describe('control endpoints', () => {
	it('POST|PATCH /__sandbox/tickets add and update tickets; not recorded', async () => {
		sb.clearRequests();
		const added = ok(
			await control.post('/__sandbox/tickets', {
				accountId: A,
				count: 2,
				sameTimestamp: true,
				fields: { summary: 'From another process' },
			}),
		);
		expect(added.map((t: { key: string }) => t.key)).toEqual([ticketKey(A, 13), ticketKey(A, 14)]);
		expect(added[0].created).toBe(added[1].created);
		expect(added[0].summary).toBe('From another process');
		const updated = ok(
			await control.patch('/__sandbox/tickets', {
				accountId: A,
				key: ticketKey(A, 13),
				status: 'Resolved',
			}),
		);
		expect(updated).toMatchObject({ key: ticketKey(A, 13), status: 'Resolved' });
		expect(updated.updated > added[0].updated).toBe(true);
		expect(sb.requests).toHaveLength(0);
		expect(ok(await armor.get(`/tickets/${ticketKey(A, 13)}/details`)).status).toBe('Resolved');
	});

	it('every data change has its endpoint', async () => {
		const incidents = ok(
			await control.post('/__sandbox/mdr-incidents', { accountId: A, count: 1 }),
		);
		expect(incidents[0].id).toBe(mdrIncidentKey(A, MDR_INCIDENTS_PER_ACCOUNT + 1));
		const changed = ok(
			await control.patch('/__sandbox/mdr-incidents', {
				accountId: A,
				issueKey: incidents[0].id,
				priority: 'Low',
			}),
		);
		expect(changed).toMatchObject({ id: incidents[0].id, priority: 'Low' });
		const requests = ok(
			await control.post('/__sandbox/mdr-service-requests', { accountId: A, count: 1 }),
		);
		expect(requests[0].id).toBe(mdrServiceRequestKey(A, MDR_SERVICE_REQUESTS_PER_ACCOUNT + 1));
		const security = ok(
			await control.post('/__sandbox/security-incidents', { accountId: A, count: 2 }),
		);
		expect(security).toHaveLength(2);
		const hits = ok(
			await control.post('/__sandbox/log-search-hits', {
				accountId: A,
				viewName: 'authentication',
				count: 1,
				fields: { eventType: 'Failed login' },
			}),
		);
		expect(hits[0].id).toBe(`${A}-2-00019`);
		const vm = ok(
			await control.post('/__sandbox/vm-power', {
				accountId: A,
				vmId: data.armorVmId(A, 1),
				state: 'off',
			}),
		);
		expect(vm.status).toBe(8);
		const users = ok(await control.post('/__sandbox/autharmor-users', { count: 1 }));
		expect(users[0].user_id).toBe(authArmorUserId(10000001));
		const history = ok(
			await control.post('/__sandbox/autharmor-history', {
				user: users[0].username,
				count: 1,
				result: 'declined',
			}),
		);
		expect(history[0].auth_response.result_code).toBe(3);
		// The same endpoints answer on the other listeners too.
		const viaServices = await axios.post(
			`${sb.servicesUrl}/__sandbox/security-incidents`,
			{ accountId: A, count: 1 },
			{ proxy: false },
		);
		expect(viaServices.status).toBe(200);
		expect(ok(await armor.get('/security-incidents')).total).toBe(ARMOR_INCIDENTS_PER_ACCOUNT + 3);
	});

	it('answers 400 for bad bodies and arguments, 404 for unknown records', async () => {
		const cases: [string, 'post' | 'patch', unknown, number, RegExp][] = [
			['/__sandbox/tickets', 'post', { accountId: A }, 400, /needs "count"/],
			[
				'/__sandbox/tickets',
				'post',
				{ accountId: A, count: 1, extra: 1 },
				400,
				/Unknown key "extra"/,
			],
			['/__sandbox/tickets', 'post', { accountId: 42, count: 1 }, 400, /accountId/],
			['/__sandbox/tickets', 'post', [1], 400, /JSON object/],
			['/__sandbox/tickets', 'patch', { accountId: A, key: 'ARM-1001-500' }, 404, /not found/],
			['/__sandbox/mdr-incidents', 'patch', { accountId: A, issueKey: 'SEC-1' }, 404, /not found/],
			['/__sandbox/vm-power', 'post', { accountId: A, vmId: 1, state: 'on' }, 404, /not found/],
			['/__sandbox/vm-power', 'post', { accountId: A, vmId: 1, state: 'up' }, 400, /power state/],
			[
				'/__sandbox/log-search-hits',
				'post',
				{ accountId: A, viewName: 'x', count: 1 },
				400,
				/viewName/,
			],
			['/__sandbox/autharmor-history', 'post', { user: 'ghost', count: 1 }, 404, /not found/],
			['/__sandbox/autharmor-users', 'post', { count: 0 }, 400, /count/],
			['/__sandbox/nothing', 'post', {}, 404, /Unknown sandbox control endpoint/],
		];
		for (const [path, method, body, status, error] of cases) {
			const r = await control.request({ method, url: path, data: body });
			expect([path, r.status]).toEqual([path, status]);
			expect(r.data.error).toMatch(error);
		}
		const broken = await control.post('/__sandbox/tickets', 'not json', {
			headers: { 'Content-Type': 'application/json' },
			transformRequest: [(d) => d],
		});
		expect(broken.status).toBe(400);
	});
});
