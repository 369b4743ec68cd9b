/**
 * Tests of the sandbox's Armor Defense v1 resources (test/sandbox/armor/*, fixtures in
 * test/sandbox/armorData.js): every endpoint of the v1 table, each paging style over several pages,
 * mutations visible afterwards, vendor-style 400/404s, and the 403 for API keys under ARMOR-PSK.
 */
import axios, { type AxiosInstance } from 'axios';
import {
	startSandbox,
	ARMOR_DEMO_USER,
	ARMOR_INCIDENTS_PER_ACCOUNT,
	ARMOR_TICKETS_PER_ACCOUNT,
	armorTicket,
	armorSecurityIncident,
	type Sandbox,
} from '../sandbox/server';
import * as data from '../sandbox/armorData';
import * as apiKeys from '../sandbox/armor/apiKeys';
import { createState } from '../sandbox/state';

jest.setTimeout(20_000);

const A = 1001;
const CHILD = { headers: { 'X-Account-Context': '1002' } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sb: Sandbox;
let api: AxiosInstance;

async function login(sandbox: Sandbox): Promise<string> {
	const anon = axios.create({ baseURL: sandbox.armorUrl, validateStatus: () => true });
	const authorize = await anon.post('/auth/authorize', {
		username: ARMOR_DEMO_USER.username,
		password: ARMOR_DEMO_USER.password,
	});
	expect(authorize.status).toBe(200);
	const token = await anon.post('/auth/token', {
		code: authorize.data.code,
		grant_type: 'authorization_code',
	});
	expect(token.status).toBe(200);
	return token.data.access_token as string;
}

beforeEach(async () => {
	sb = await startSandbox();
	const token = await login(sb);
	api = axios.create({
		baseURL: sb.armorUrl,
		headers: { Authorization: `FH-AUTH ${token}` },
		validateStatus: () => true,
	});
});

afterEach(async () => {
	await sb?.close();
});

/** Every page of a `{total, page, items}` endpoint until an empty one; returns the page sizes and items. */
async function allPages<T>(path: string, pageSize: number, total: number) {
	const sizes: number[] = [];
	const items: T[] = [];
	for (let page = 1; page <= Math.ceil(total / pageSize) + 1; page++) {
		const r = await api.get(path, { params: { page } });
		expect(r.status).toBe(200);
		expect(r.data).toEqual({ total, page, items: expect.any(Array) });
		sizes.push(r.data.items.length);
		items.push(...r.data.items);
	}
	return { sizes, items };
}

/** Expected page sizes: full pages, the remainder, then an empty page. */
function pageSizes(total: number, size: number): number[] {
	const sizes: number[] = [];
	for (let left = total; left > 0; left -= size) sizes.push(Math.min(size, left));
	return [...sizes, 0];
}

function range(count: number): number[] {
	return Array.from({ length: count }, (_, i) => i + 1);
}

// ------------------------------------------------------------------ common behaviour

describe('Armor v1: common behaviour', () => {
	it('needs the FH-AUTH token, answers 405 for a wrong method and 404 with the Web API message', async () => {
		const anon = axios.create({ baseURL: sb.armorUrl, validateStatus: () => true });
		for (const path of ['/vms', '/users', '/tickets/entries', '/core/avam']) {
			const r = await anon.get(path);
			expect(r.status).toBe(401);
			expect(r.data).toEqual({ Message: 'Authorization has been denied for this request.' });
		}
		const wrong = await api.post('/vms', {});
		expect(wrong.status).toBe(405);
		expect(wrong.headers.allow).toBe('GET');
		const keys = await api.put('/users/501/keys', {});
		expect(keys.status).toBe(405);
		expect(keys.headers.allow).toBe('GET, POST');
		expect((await api.get('/vms/1/power')).status).toBe(404);
	});

	it('keeps the old endpoints (/accounts, /accounts/{id}, /tickets/list, /security-incidents)', async () => {
		expect((await api.get('/accounts')).data).toEqual(ARMOR_DEMO_USER.accounts);
		expect((await api.get('/accounts/1002')).data).toEqual(ARMOR_DEMO_USER.accounts[1]);
		expect((await api.get('/tickets/list')).data.items[0]).toEqual(armorTicket(A, 1));
		expect((await api.get('/security-incidents')).data.total).toBe(ARMOR_INCIDENTS_PER_ACCOUNT);
	});

	it('answers per account (X-Account-Context) and keeps changes per sandbox and per account', async () => {
		const child = await api.get('/vms', CHILD);
		expect(child.data.map((vm: { id: number }) => vm.id)).toEqual(
			range(6).map((n) => data.armorVmId(1002, n)),
		);
		expect((await api.get(`/vms/${data.armorVmId(1002, 1)}`)).status).toBe(404);
		await api.put(`/vms/${data.armorVmId(A, 1)}`, { id: data.armorVmId(A, 1), name: 'renamed' });
		expect((await api.get(`/vms/${data.armorVmId(1002, 1)}`, CHILD)).data.name).toBe(
			data.armorVm(1002, 1).name,
		);
		const other = await startSandbox();
		try {
			const token = await login(other);
			const r = await axios.get(`${other.armorUrl}/vms/${data.armorVmId(A, 1)}`, {
				headers: { Authorization: `FH-AUTH ${token}` },
			});
			expect(r.data.name).toBe(data.armorVm(A, 1).name);
		} finally {
			await other.close();
		}
	});
});

// ------------------------------------------------------------------ accounts

describe('Armor v1: accounts', () => {
	it('GET /account/children lists the child accounts of the account in context', async () => {
		const r = await api.get('/account/children');
		expect(r.status).toBe(200);
		expect(r.data).toEqual(data.armorChildAccounts(A));
		expect(r.data.map((a: { id: number }) => a.id)).toEqual([1002, 100101, 100102]);
		const child = await api.get('/account/children', CHILD);
		expect(child.data.map((a: { id: number }) => a.id)).toEqual([100201, 100202]);
		expect(child.data.every((a: { parent: number }) => a.parent === 1002)).toBe(true);
	});

	it('GET /account/activity/history pages with page (10 a page, 27 entries)', async () => {
		const { sizes, items } = await allPages<{ id: number }>(
			'/account/activity/history',
			data.ARMOR_ACTIVITY_PAGE_SIZE,
			data.ARMOR_ACTIVITY_PER_ACCOUNT,
		);
		expect(sizes).toEqual(pageSizes(27, 10));
		expect(items).toEqual(range(27).map((n) => data.armorActivity(A, n)));
		expect(new Set(items.map((i) => i.id)).size).toBe(27);
		for (const page of ['0', '-1', 'abc', '1.5']) {
			const r = await api.get('/account/activity/history', { params: { page } });
			expect(r.status).toBe(400);
			expect(r.data).toEqual({ Message: 'page must be 1 or greater.' });
		}
	});

	it('GET /account/contacts lists the contacts', async () => {
		const r = await api.get('/account/contacts');
		expect(r.data).toEqual(range(4).map((n) => data.armorContact(A, n)));
		expect(r.data[0]).toMatchObject({ contactType: 'Primary', isPrimary: true });
	});
});

// ------------------------------------------------------------------ users, roles, permissions

describe('Armor v1: users, roles, permissions', () => {
	it('GET /users and /users/{id}', async () => {
		const r = await api.get('/users');
		expect(r.data).toEqual(data.armorUsers(A));
		expect(r.data.map((u: { id: number }) => u.id)).toEqual([501, 1001601, 1001602, 1001603]);
		const one = await api.get('/users/1001602');
		expect(one.data).toEqual(data.armorGeneratedUser(A, 2));
		for (const id of ['1002601', '999', 'abc']) {
			const missing = await api.get(`/users/${id}`);
			expect(missing.status).toBe(404);
			expect(missing.data).toEqual({ Message: `User ${id} was not found.` });
		}
	});

	it('GET /roles and /permissions', async () => {
		const roles = await api.get('/roles');
		expect(roles.data).toEqual(data.armorRoles(A));
		expect(roles.data[0].members.map((m: { id: number }) => m.id)).toEqual([501, 1001601]);
		const permissions = await api.get('/permissions');
		expect(permissions.data).toEqual(data.ARMOR_PERMISSION_GROUPS);
		expect(permissions.data[0].permissions[0]).toEqual(
			expect.objectContaining({ id: 1, name: 'account.read', endpoints: expect.any(Array) }),
		);
	});
});

// ------------------------------------------------------------------ API keys

describe('Armor v1: API keys', () => {
	it('GET /users/{id}/keys lists the keys without secrets', async () => {
		const r = await api.get('/users/501/keys');
		expect(r.status).toBe(200);
		expect(r.data).toEqual(data.armorApiKeys(501));
		expect(r.data.map((k: { id: string }) => k.id)).toContain(data.armorApiKeyId(501, 1));
		expect(r.data.some((k: object) => 'secret' in k)).toBe(false);
		expect((await api.get('/users/1001601/keys')).data).toHaveLength(data.ARMOR_KEYS_PER_USER);
		expect((await api.get('/users/1002601/keys')).status).toBe(404);
	});

	it('POST creates a key (secret shown once), DELETE removes it', async () => {
		const before = (await api.get('/users/1001601')).data.apiKeyCount;
		const created = await api.post('/users/1001601/keys', {
			name: '  n8n  ',
			description: 'for n8n',
		});
		expect(created.status).toBe(200);
		expect(created.data).toEqual({
			id: expect.stringMatching(UUID),
			name: 'n8n',
			description: 'for n8n',
			userId: 1001601,
			enabled: true,
			createdDate: expect.any(String),
			lastUsedDate: null,
			secret: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
		});
		const id = created.data.id as string;
		const listed = (await api.get('/users/1001601/keys')).data;
		expect(listed).toContainEqual({ ...created.data, secret: undefined });
		expect(listed.find((k: { id: string }) => k.id === id)).not.toHaveProperty('secret');
		expect((await api.get('/users/1001601')).data.apiKeyCount).toBe(before + 1);

		const removed = await api.delete(`/users/1001601/keys/${id}`);
		expect(removed.status).toBe(200);
		expect(removed.data.id).toBe(id);
		expect(
			(await api.get('/users/1001601/keys')).data.map((k: { id: string }) => k.id),
		).not.toContain(id);
		expect((await api.delete(`/users/1001601/keys/${id}`)).status).toBe(404);
		const fixtureKey = data.armorApiKeyId(1001601, 2);
		expect((await api.delete(`/users/1001601/keys/${fixtureKey.toUpperCase()}`)).status).toBe(200);
		expect((await api.get('/users/1001601')).data.apiKeyCount).toBe(before - 1);
		expect((await api.delete('/users/1002601/keys/x')).status).toBe(404);
	});

	it('POST validates the body (name, content type, limit)', async () => {
		const missing = await api.post('/users/501/keys', { description: 'x' });
		expect(missing.status).toBe(400);
		expect(missing.data).toEqual({
			Message: 'The request is invalid.',
			ModelState: { name: ['The name field is required.'] },
		});
		expect((await api.post('/users/501/keys', { name: '   ' })).status).toBe(400);
		expect((await api.post('/users/501/keys', { name: 7 })).status).toBe(400);
		expect((await api.post('/users/501/keys', { name: 'x'.repeat(129) })).status).toBe(400);
		const form = await api.post('/users/501/keys', 'name=x', {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(form.status).toBe(415);
		const empty = await api.post('/users/501/keys', '', {
			headers: { 'Content-Type': 'application/json' },
		});
		expect(empty.status).toBe(400);
		const start = (await api.get('/users/501/keys')).data.length;
		for (let i = start; i < data.ARMOR_MAX_KEYS_PER_USER; i++)
			expect((await api.post('/users/501/keys', { name: `k${i}` })).status).toBe(200);
		const full = await api.post('/users/501/keys', { name: 'one too many' });
		expect(full.status).toBe(400);
		expect(full.data.Message).toMatch(/at most 10 API keys/);
	});

	describe('under ARMOR-PSK (handlers called with the scheme armor/auth.js sets)', () => {
		type Handler = (
			state: unknown,
			ctx: unknown,
			session: unknown,
			match: RegExpExecArray,
		) => { status: number; body?: string };
		const handlers: Array<[string, Handler, string, RegExp, string]> = [
			[
				'GET',
				apiKeys.listUserKeys as unknown as Handler,
				'/users/501/keys',
				/^\/users\/([^/]+)\/keys$/,
				'',
			],
			[
				'POST',
				apiKeys.createUserKey as unknown as Handler,
				'/users/501/keys',
				/^\/users\/([^/]+)\/keys$/,
				'{"name":"x"}',
			],
			[
				'DELETE',
				apiKeys.deleteUserKey as unknown as Handler,
				`/users/501/keys/${data.armorApiKeyId(501, 1)}`,
				/^\/users\/([^/]+)\/keys\/([^/]+)$/,
				'',
			],
			[
				'GET (unknown user)',
				apiKeys.listUserKeys as unknown as Handler,
				'/users/9/keys',
				/^\/users\/([^/]+)\/keys$/,
				'',
			],
		];
		const session = { user: ARMOR_DEMO_USER, accountId: A };

		function ctx(path: string, body: string, authScheme?: string) {
			return {
				method: 'GET',
				path,
				rawPath: path,
				params: new URLSearchParams(),
				headers: { 'content-type': 'application/json' },
				body,
				rawBody: Buffer.from(body),
				authScheme,
			};
		}

		it.each(handlers)(
			'%s answers 403 with the vendor message',
			(_name, handler, path, pattern, body) => {
				const state = createState({});
				const reply = handler(state, ctx(path, body, 'ARMOR-PSK'), session, pattern.exec(path)!);
				expect(reply.status).toBe(403);
				expect(JSON.parse(reply.body ?? '')).toEqual({
					Message: 'API keys cannot be managed with API key authentication.',
				});
			},
		);

		it('lets FH-AUTH and an unset scheme through', () => {
			const [, list, path, pattern] = handlers[0];
			for (const scheme of ['FH-AUTH', undefined]) {
				const reply = list(createState({}), ctx(path, '', scheme), session, pattern.exec(path)!);
				expect(reply.status).toBe(200);
			}
		});
	});
});

// ------------------------------------------------------------------ locations

describe('Armor v1: GET /locations', () => {
	it('lists every location, or only those with zones under requireZone=true', async () => {
		expect((await api.get('/locations')).data).toEqual(data.ARMOR_LOCATIONS);
		expect((await api.get('/locations?requireZone=false')).data).toHaveLength(7);
		const zoned = await api.get('/locations?requireZone=TRUE');
		expect(zoned.data.map((l: { location: string }) => l.location)).toEqual([
			'DFW01',
			'PHX01',
			'LHR01',
			'AMS01',
			'SIN01',
		]);
		const bad = await api.get('/locations?requireZone=yes');
		expect(bad.status).toBe(400);
		expect(bad.data.Message).toMatch(/requireZone/);
	});
});

// ------------------------------------------------------------------ virtual machines

describe('Armor v1: virtual machines', () => {
	const vm1 = data.armorVmId(A, 1);

	it('GET /vms, /vms/{id}, /vms/core/{coreInstanceId}', async () => {
		expect((await api.get('/vms')).data).toEqual(data.armorVms(A));
		expect((await api.get(`/vms/${vm1}`)).data).toEqual(data.armorVm(A, 1));
		const core = data.armorCoreInstanceId(A, 3);
		expect((await api.get(`/vms/core/${core.toUpperCase()}`)).data).toEqual(data.armorVm(A, 3));
		for (const path of ['/vms/999', '/vms/abc', `/vms/core/${data.armorCoreInstanceId(1002, 1)}`]) {
			const r = await api.get(path);
			expect(r.status).toBe(404);
			expect(r.data).toEqual({ Message: expect.stringMatching(/was not found/) });
		}
	});

	it('PUT /vms/{id} renames; the name shows everywhere afterwards', async () => {
		const r = await api.put(`/vms/${vm1}`, { id: vm1, name: ' renamed-web ' });
		expect(r.status).toBe(200);
		expect(r.data).toEqual({ ...data.armorVm(A, 1), name: 'renamed-web' });
		expect((await api.get(`/vms/${vm1}`)).data.name).toBe('renamed-web');
		const app = (await api.get(`/apps/${data.armorWorkloadId(A, 1)}`)).data;
		expect(app.tiers[0].vms[0].name).toBe('renamed-web');
		expect((await api.get('/core/avam')).data[0].vmName).toBe('renamed-web');
	});

	it('PUT /vms/{id} validates: id must match, name non-empty, JSON body', async () => {
		const mismatch = await api.put(`/vms/${vm1}`, { id: vm1 + 1, name: 'x' });
		expect(mismatch.status).toBe(400);
		expect(mismatch.data.ModelState.id[0]).toMatch(/does not match/);
		const empty = await api.put(`/vms/${vm1}`, { id: vm1, name: '' });
		expect(empty.data.ModelState).toEqual({ name: ['The name field must not be empty.'] });
		const both = await api.put(`/vms/${vm1}`, {});
		expect(Object.keys(both.data.ModelState).sort()).toEqual(['id', 'name']);
		expect((await api.put(`/vms/${vm1}`, [1, 2])).status).toBe(400);
		const text = await api.put(`/vms/${vm1}`, 'name', {
			headers: { 'Content-Type': 'text/plain' },
		});
		expect(text.status).toBe(415);
		expect((await api.put('/vms/999', { id: 999, name: 'x' })).status).toBe(404);
		expect((await api.get(`/vms/${vm1}`)).data.name).toBe(data.armorVm(A, 1).name);
	});

	it('POST /vms/{id}/power/{action} changes the power state (4 on, 8 off)', async () => {
		const off = await api.post(`/vms/${vm1}/power/shutdown`);
		expect(off.status).toBe(200);
		expect(off.data).toEqual({ ...data.armorVm(A, 1), status: 8 });
		expect((await api.get(`/vms/${vm1}`)).data.status).toBe(8);
		expect((await api.get('/core/avam/statistics')).data).toContainEqual({
			status: 'Offline',
			count: 2,
		});
		const again = await api.post(`/vms/${vm1}/power/off`);
		expect(again.status).toBe(400);
		expect(again.data).toEqual({ Message: `VM ${vm1} is already powered off.` });
		expect((await api.post(`/vms/${vm1}/power/reboot`)).status).toBe(400);
		expect((await api.post(`/vms/${vm1}/power/on`)).data.status).toBe(4);
		expect((await api.post(`/vms/${vm1}/power/on`)).status).toBe(400);
		expect((await api.post(`/vms/${vm1}/power/reboot`)).data.status).toBe(4);
		expect((await api.post(`/vms/${vm1}/power/reset`)).data.status).toBe(4);
		expect((await api.post(`/vms/${vm1}/power/forceOff`)).data.status).toBe(8);
		expect((await api.post(`/vms/${vm1}/power/ON`)).data.status).toBe(4);
		expect((await api.post(`/vms/${vm1}/power/off`)).data.status).toBe(8);
		const vm5 = data.armorVmId(A, 5);
		expect((await api.get(`/vms/${vm5}`)).data.status).toBe(8);
		const bad = await api.post(`/vms/${vm5}/power/explode`);
		expect(bad.status).toBe(400);
		expect(bad.data.Message).toMatch(/not valid/);
		expect((await api.post('/vms/999/power/on')).status).toBe(404);
		expect((await api.get(`/vms/${vm5}/power/on`)).status).toBe(405);
	});

	it('DELETE /vms/{id} needs the JSON body, answers 202, and the VM is gone', async () => {
		const body = {
			accountId: A,
			vmId: vm1,
			userEmail: ARMOR_DEMO_USER.username,
			isActive: true,
			deleteNow: true,
		};
		expect((await api.delete(`/vms/${vm1}`)).status).toBe(400);
		const wrong = await api.delete(`/vms/${vm1}`, {
			data: { ...body, accountId: 1002, vmId: vm1 + 1, userEmail: 'x@y', deleteNow: 'yes' },
		});
		expect(wrong.status).toBe(400);
		expect(Object.keys(wrong.data.ModelState).sort()).toEqual([
			'accountId',
			'deleteNow',
			'userEmail',
			'vmId',
		]);
		const inactive = await api.delete(`/vms/${vm1}`, { data: { ...body, isActive: false } });
		expect(inactive.status).toBe(400);
		expect(inactive.data.Message).toMatch(/isActive/);

		const r = await api.delete(`/vms/${vm1}`, { data: body });
		expect(r.status).toBe(202);
		expect(r.data).toEqual({ ...data.armorVm(A, 1), isDeleted: true });
		expect((await api.get(`/vms/${vm1}`)).status).toBe(404);
		expect((await api.get('/vms')).data).toHaveLength(5);
		expect((await api.get('/core/avam')).data).toHaveLength(5);
		const app = (await api.get(`/apps/${data.armorWorkloadId(A, 1)}`)).data;
		expect(app.vmCount).toBe(2);
		expect(app.tiers[0].vms.map((v: { id: number }) => v.id)).toEqual([data.armorVmId(A, 2)]);
		expect((await api.delete(`/vms/${vm1}`, { data: body })).status).toBe(404);

		const vm5 = data.armorVmId(A, 5);
		const offline = await api.delete(`/vms/${vm5}`, {
			data: { ...body, vmId: vm5, isActive: false, deleteNow: false },
		});
		expect(offline.status).toBe(202);
	});

	it('GET /stats/vms/{vmId} answers samples for interval, startDate, endDate', async () => {
		const query = { interval: 'hour', startDate: '2024-01-01', endDate: '2024-01-01T03:00:00Z' };
		const r = await api.get(`/stats/vms/${vm1}`, { params: query });
		expect(r.status).toBe(200);
		expect(r.data).toEqual({
			vmId: vm1,
			coreInstanceId: data.armorCoreInstanceId(A, 1),
			interval: 'hour',
			startDate: '2024-01-01T00:00:00.000Z',
			endDate: '2024-01-01T03:00:00.000Z',
			samples: [0, 1, 2].map((h) => ({
				timestamp: `2024-01-01T0${h}:00:00.000Z`,
				cpuUsagePercent: expect.any(Number),
				memoryUsagePercent: expect.any(Number),
				diskReadKBps: expect.any(Number),
				diskWriteKBps: expect.any(Number),
				networkReceiveKBps: expect.any(Number),
				networkTransmitKBps: expect.any(Number),
			})),
		});
		expect((await api.get(`/stats/vms/${vm1}`, { params: query })).data).toEqual(r.data);
		const days = await api.get(`/stats/vms/${vm1}`, {
			params: { interval: 'day', startDate: '2024-01-01T00:00:00+02:00', endDate: '2024-01-08' },
		});
		expect(days.data.samples).toHaveLength(7);
		expect((await api.get(`/stats/vms/${vm1}`)).data.samples).toHaveLength(24);
		const off = await api.get(`/stats/vms/${data.armorVmId(A, 5)}`, { params: query });
		expect(off.data.samples[0].cpuUsagePercent).toBe(0);
		for (const params of [
			{ startDate: 'yesterday' },
			{ endDate: '2024-13-45' },
			{ startDate: '2024-01-02', endDate: '2024-01-01' },
			{ interval: 'week' },
			{ interval: 'minute', startDate: '2024-01-01', endDate: '2024-01-02' },
		]) {
			const bad = await api.get(`/stats/vms/${vm1}`, { params });
			expect(bad.status).toBe(400);
			expect(bad.data).toEqual({ Message: expect.any(String) });
		}
		expect((await api.get('/stats/vms/999')).status).toBe(404);
	});
});

// ------------------------------------------------------------------ workloads and tiers

describe('Armor v1: workloads and tiers', () => {
	const app = (n: number) => data.armorWorkloadId(A, n);
	const tier = (k: number) => data.armorTierId(A, k);

	it('GET /apps, /apps/{id}, /apps/{id}/tiers, /apps/{id}/tiers/{tierId}', async () => {
		expect((await api.get('/apps')).data).toEqual(range(4).map((n) => data.armorWorkload(A, n)));
		const one = (await api.get(`/apps/${app(1)}`)).data;
		expect(one).toEqual(data.armorWorkload(A, 1));
		expect(one).toMatchObject({ tierCount: 2, vmCount: 3, totalCpu: 8 });
		expect((await api.get(`/apps/${app(1)}/tiers`)).data).toEqual([
			data.armorTier(A, 1),
			data.armorTier(A, 2),
		]);
		expect((await api.get(`/apps/${app(1)}/tiers/${tier(2)}`)).data).toEqual(data.armorTier(A, 2));
		expect((await api.get(`/apps/${app(2)}/tiers/${tier(1)}`)).status).toBe(404);
		expect((await api.get(`/apps/${data.armorWorkloadId(1002, 1)}`)).status).toBe(404);
		expect((await api.get('/apps/999/tiers')).status).toBe(404);
	});

	it('PUT /apps/{id} renames (VMs show the new appName); names stay unique', async () => {
		const r = await api.put(`/apps/${app(1)}`, { id: app(1), name: 'Shop' });
		expect(r.status).toBe(200);
		expect(r.data.name).toBe('Shop');
		expect((await api.get(`/vms/${data.armorVmId(A, 1)}`)).data.appName).toBe('Shop');
		const clash = await api.put(`/apps/${app(2)}`, { id: app(2), name: 'shop' });
		expect(clash.status).toBe(400);
		expect(clash.data.ModelState.name[0]).toMatch(/already exists/);
		expect((await api.put(`/apps/${app(2)}`, { id: app(1), name: 'x' })).status).toBe(400);
		expect((await api.put('/apps/999', { id: 999, name: 'x' })).status).toBe(404);
	});

	it('POST, PUT and DELETE tiers answer the workload; only empty tiers and workloads can be deleted', async () => {
		const created = await api.post(`/apps/${app(1)}/tiers`, { name: 'Cache' });
		expect(created.status).toBe(200);
		expect(created.data.tierCount).toBe(3);
		expect(created.data.tiers[2]).toEqual({ id: tier(6), name: 'Cache', vms: [] });
		const duplicate = await api.post(`/apps/${app(1)}/tiers`, { name: 'web' });
		expect(duplicate.status).toBe(400);
		expect((await api.post(`/apps/${app(1)}/tiers`, {})).status).toBe(400);

		const renamed = await api.put(`/apps/${app(1)}/tiers/${tier(6)}`, { name: 'Redis' });
		expect(renamed.status).toBe(200);
		expect(renamed.data.tiers[2].name).toBe('Redis');
		expect((await api.get(`/apps/${app(1)}/tiers/${tier(6)}`)).data.name).toBe('Redis');
		expect((await api.put(`/apps/${app(1)}/tiers/${tier(6)}`, { id: 1, name: 'x' })).status).toBe(
			400,
		);

		const busy = await api.delete(`/apps/${app(1)}/tiers/${tier(1)}`);
		expect(busy.status).toBe(400);
		expect(busy.data.Message).toMatch(/still holds 2 VM/);
		const gone = await api.delete(`/apps/${app(1)}/tiers/${tier(6)}`);
		expect(gone.status).toBe(200);
		expect(gone.data.tiers.map((t: { id: number }) => t.id)).toEqual([tier(1), tier(2)]);
		expect((await api.get(`/apps/${app(1)}/tiers/${tier(6)}`)).status).toBe(404);

		const notEmpty = await api.delete(`/apps/${app(2)}`);
		expect(notEmpty.status).toBe(400);
		expect(notEmpty.data.Message).toMatch(/still has 2 tier/);
		const sandbox = await api.delete(`/apps/${app(4)}`);
		expect(sandbox.status).toBe(202);
		expect(sandbox.data).toEqual(data.armorWorkload(A, 4));
		expect((await api.get(`/apps/${app(4)}`)).status).toBe(404);

		// Empty workload 2 completely: delete its VMs, then its tiers, then the workload.
		for (const n of [4, 5]) {
			const vmId = data.armorVmId(A, n);
			const r = await api.delete(`/vms/${vmId}`, {
				data: {
					accountId: A,
					vmId,
					userEmail: ARMOR_DEMO_USER.username,
					isActive: true,
					deleteNow: true,
				},
			});
			expect(r.status).toBe(202);
		}
		expect((await api.delete(`/apps/${app(2)}/tiers/${tier(3)}`)).status).toBe(200);
		expect((await api.delete(`/apps/${app(2)}/tiers/${tier(4)}`)).status).toBe(200);
		expect((await api.delete(`/apps/${app(2)}`)).status).toBe(202);
		expect((await api.get('/apps')).data.map((w: { id: number }) => w.id)).toEqual([
			app(1),
			app(3),
		]);
	});
});

// ------------------------------------------------------------------ orders, firewalls

describe('Armor v1: orders and firewalls', () => {
	it('GET /orders and /orders/{id}', async () => {
		expect((await api.get('/orders')).data).toEqual(range(5).map((n) => data.armorOrder(A, n)));
		expect((await api.get(`/orders/${data.armorOrderId(A, 3)}`)).data).toEqual(
			data.armorOrder(A, 3),
		);
		for (const id of [data.armorOrderId(1002, 1), data.armorOrderId(A, 6), 'x']) {
			const r = await api.get(`/orders/${id}`);
			expect(r.status).toBe(404);
			expect(r.data).toEqual({ Message: `Order ${id} was not found.` });
		}
	});

	it('GET /firewalls, and GET /firewall/{ovdcId}/rules pages with page (10 a page, 23 rules)', async () => {
		const firewalls = (await api.get('/firewalls')).data;
		expect(firewalls).toEqual([data.armorFirewall(A, 1), data.armorFirewall(A, 2)]);
		const ovdcId = firewalls[1].ovdcId as number;
		const { sizes, items } = await allPages<{ id: number }>(`/firewall/${ovdcId}/rules`, 10, 23);
		expect(sizes).toEqual(pageSizes(23, 10));
		expect(items).toEqual(range(23).map((n) => data.armorFirewallRule(ovdcId, n)));
		expect((await api.get(`/firewall/${data.armorOvdcId(1002, 1)}/rules`)).status).toBe(404);
		expect((await api.get(`/firewall/${ovdcId}/rules?page=0`)).status).toBe(400);
	});

	it('PUT /firewall/rules/{ruleId} {disabled} is kept', async () => {
		const ovdcId = data.armorOvdcId(A, 1);
		const ruleId = data.armorFirewallRuleId(ovdcId, 12);
		const r = await api.put(`/firewall/rules/${ruleId}`, { disabled: true });
		expect(r.status).toBe(200);
		expect(r.data).toEqual({ ...data.armorFirewallRule(ovdcId, 12), disabled: true });
		const page2 = (await api.get(`/firewall/${ovdcId}/rules?page=2`)).data.items;
		expect(page2.find((rule: { id: number }) => rule.id === ruleId).disabled).toBe(true);
		const seventh = data.armorFirewallRuleId(ovdcId, 7);
		expect((await api.put(`/firewall/rules/${seventh}`, { disabled: false })).data.disabled).toBe(
			false,
		);
		for (const bad of [{}, { disabled: 'yes' }, { disabled: 1 }]) {
			const res = await api.put(`/firewall/rules/${ruleId}`, bad);
			expect(res.status).toBe(400);
			expect(res.data.ModelState.disabled).toHaveLength(1);
		}
		for (const id of [
			data.armorFirewallRuleId(ovdcId, 24),
			data.armorFirewallRuleId(1002501, 1),
			'x',
		]) {
			expect((await api.put(`/firewall/rules/${id}`, { disabled: true })).status).toBe(404);
		}
	});
});

// ------------------------------------------------------------------ core agent, dashboard

describe('Armor v1: anti-malware, file integrity, patching, dashboard', () => {
	it('GET /core/avam, /core/avam/statistics, /core/fim, /core/fim/statistics', async () => {
		const vms = data.armorVms(A);
		expect((await api.get('/core/avam')).data).toEqual(vms.map((vm) => data.armorAvamEntry(A, vm)));
		expect((await api.get('/core/avam/statistics')).data).toEqual([
			{ status: 'Protected', count: 4 },
			{ status: 'Offline', count: 1 },
			{ status: 'Not Installed', count: 1 },
		]);
		expect((await api.get('/core/fim')).data).toEqual(vms.map((vm) => data.armorFimEntry(A, vm)));
		expect((await api.get('/core/fim/statistics')).data).toEqual([
			{ status: 'Monitored', count: 4 },
			{ status: 'Offline', count: 1 },
			{ status: 'Not Installed', count: 1 },
		]);
	});

	it('GET /core/packages/{coreInstanceId}', async () => {
		const r = await api.get(`/core/packages/${data.armorCoreInstanceId(A, 1)}`);
		expect(r.data).toEqual(data.armorPackages(A, 1));
		expect(r.data.some((p: { updateAvailable: boolean }) => p.updateAvailable)).toBe(true);
		const missing = await api.get(`/core/packages/${data.armorCoreInstanceId(1002, 1)}`);
		expect(missing.status).toBe(404);
	});

	it('GET /core/security-dashboard/stats/overview and .../overall follow the VMs', async () => {
		const overview = (await api.get('/core/security-dashboard/stats/overview')).data;
		expect(overview).toEqual({
			accountId: A,
			vms: { total: 6, poweredOn: 5, poweredOff: 1 },
			antiMalware: { protected: 4, offline: 1, notInstalled: 1 },
			fileIntegrity: {
				monitored: 4,
				offline: 1,
				notInstalled: 1,
				changesDetected: expect.any(Number),
			},
			patching: { vmsWithUpdates: 3, updatesAvailable: expect.any(Number) },
			securityIncidents: { total: ARMOR_INCIDENTS_PER_ACCOUNT, open: 16, closed: 7 },
		});
		const overall = (await api.get('/core/security-dashboard/stats/overall')).data;
		expect(overall).toEqual({
			accountId: A,
			score: expect.any(Number),
			rating: expect.stringMatching(/^[A-F]$/),
			categories: [
				{ name: 'Anti-Malware', score: 67 },
				{ name: 'File Integrity', score: 67 },
				{ name: 'Patching', score: 50 },
				{ name: 'Security Incidents', score: 30 },
			],
		});
		await api.post(`/vms/${data.armorVmId(A, 2)}/power/off`);
		const after = (await api.get('/core/security-dashboard/stats/overview')).data;
		expect(after.vms).toEqual({ total: 6, poweredOn: 4, poweredOff: 2 });
		expect((await api.get('/core/security-dashboard/stats/overall')).data.score).toBeLessThan(
			overall.score,
		);
	});
});

// ------------------------------------------------------------------ security incidents, IP reputation

describe('Armor v1: security incidents and IP reputation', () => {
	it('GET /security-incidents/severity-count counts every incident by severity', async () => {
		const r = await api.get('/security-incidents/severity-count');
		const expected = ['Critical', 'High', 'Medium', 'Low'].map((severity) => ({
			severity,
			count: range(ARMOR_INCIDENTS_PER_ACCOUNT).filter(
				(n) => armorSecurityIncident(A, n).severity === severity,
			).length,
		}));
		expect(r.data).toEqual(expected);
		expect(r.data.reduce((sum: number, s: { count: number }) => sum + s.count, 0)).toBe(23);
	});

	it('GET /iprm/events pages with page (10 a page, 15 events)', async () => {
		const { sizes, items } = await allPages('/iprm/events', 10, 15);
		expect(sizes).toEqual([10, 5, 0]);
		expect(items).toEqual(range(15).map((n) => data.armorIprmEvent(A, n)));
		expect((await api.get('/iprm/events?page=x')).status).toBe(400);
	});
});

// ------------------------------------------------------------------ logs

describe('Armor v1: logs', () => {
	it('GET /log-management and /log-management/logsources', async () => {
		expect((await api.get('/log-management')).data).toEqual(data.armorLogManagement(A));
		expect((await api.get('/log-management/logsources')).data).toEqual(
			range(5).map((n) => data.armorLogSource(A, n)),
		);
	});

	it('POST /log-search/templatedsearch pages with from/size in the body', async () => {
		const ids: string[] = [];
		const sizes: number[] = [];
		for (let from = 0; from <= 60; from += 10) {
			const r = await api.post('/log-search/templatedsearch', {
				viewName: 'security-events',
				parameters: { from, size: 10, query: 'malware', verbose: true },
			});
			expect(r.status).toBe(200);
			expect(r.data).toEqual({ total: 57, items: expect.any(Array) });
			sizes.push(r.data.items.length);
			ids.push(...r.data.items.map((hit: { id: string }) => hit.id));
		}
		expect(sizes).toEqual([10, 10, 10, 10, 10, 7, 0]);
		expect(new Set(ids).size).toBe(57);
		const first = await api.post('/log-search/templatedsearch', {
			viewName: 'SECURITY-EVENTS',
			parameters: {},
		});
		expect(first.data.items).toEqual(
			range(10).map((n) => data.armorLogSearchHit(A, 'security-events', n)),
		);
		const auth = await api.post('/log-search/templatedsearch', {
			viewName: 'authentication',
			parameters: { from: 0, size: 100 },
		});
		expect(auth.data.total).toBe(18);
		expect(auth.data.items).toHaveLength(18);
	});

	it('POST /log-search/templatedsearch validates viewName and parameters', async () => {
		const unknown = await api.post('/log-search/templatedsearch', {
			viewName: 'nope',
			parameters: { from: 0, size: 10 },
		});
		expect(unknown.status).toBe(400);
		expect(unknown.data.Message).toMatch(/Unknown viewName 'nope'/);
		for (const parameters of [
			{ size: 0 },
			{ size: 101 },
			{ from: -1 },
			{ from: 1.5 },
			{ size: '10' },
		]) {
			const r = await api.post('/log-search/templatedsearch', {
				viewName: 'authentication',
				parameters,
			});
			expect(r.status).toBe(400);
			expect(r.data.Message).toBe('The request is invalid.');
		}
		const missing = await api.post('/log-search/templatedsearch', { viewName: 'authentication' });
		expect(missing.data.ModelState).toEqual({ parameters: [expect.any(String)] });
		const nested = await api.post('/log-search/templatedsearch', {
			viewName: 'authentication',
			parameters: { filter: { a: 1 } },
		});
		expect(nested.data.ModelState).toEqual({ 'parameters.filter': [expect.any(String)] });
		expect((await api.post('/log-search/templatedsearch', { parameters: {} })).status).toBe(400);
		expect((await api.get('/log-search/templatedsearch')).status).toBe(405);
	});
});

// ------------------------------------------------------------------ tickets

describe('Armor v1: tickets', () => {
	const key1 = armorTicket(A, 1).key;

	it('GET /tickets/list-all pages with nextPageToken', async () => {
		const keys: string[] = [];
		let token: string | null = null;
		let pages = 0;
		do {
			const params: Record<string, string | number> = { maxResults: 5 };
			if (token) params.nextPageToken = token;
			const r = await api.get('/tickets/list-all', { params });
			expect(r.status).toBe(200);
			expect(r.data.total).toBe(ARMOR_TICKETS_PER_ACCOUNT);
			keys.push(...r.data.items.map((t: { key: string }) => t.key));
			token = r.data.nextPageToken;
			pages += 1;
		} while (token && pages < 10);
		expect(pages).toBe(3);
		expect(keys).toEqual(range(12).map((n) => armorTicket(A, n).key));
		const first = (await api.get('/tickets/list-all')).data;
		expect(first.items[0]).toEqual(data.armorTicketRecord(A, 1));
		expect(first.items).toHaveLength(10);
	});

	it('GET /tickets/list-all filters by requestType and orders by orderBy/orderByDirection', async () => {
		const security = (await api.get('/tickets/list-all?requestType=2')).data;
		expect(security.total).toBe(3);
		expect(security.items.map((t: { key: string }) => t.key)).toEqual(
			[2, 6, 10].map((n) => armorTicket(A, n).key),
		);
		expect((await api.get('/tickets/list-all?requestType=billing')).data.total).toBe(3);
		const desc = (await api.get('/tickets/list-all?orderBy=key&orderByDirection=1&maxResults=3'))
			.data;
		expect(desc.items.map((t: { key: string }) => t.key)).toEqual(
			[12, 11, 10].map((n) => armorTicket(A, n).key),
		);
		const byPriority = (await api.get('/tickets/list-all?orderBy=priority&orderByDirection=desc'))
			.data.items;
		expect(byPriority[0].priority).toBe('Critical');
		for (const query of ['requestType=9', 'orderBy=size', 'orderByDirection=2', 'maxResults=0']) {
			const r = await api.get(`/tickets/list-all?${query}`);
			expect(r.status).toBe(400);
			expect(r.data).toEqual({ Message: expect.any(String) });
		}
		const listToken = (await api.get('/tickets/list?maxResults=5')).data.nextPageToken;
		expect((await api.get(`/tickets/list-all?nextPageToken=${listToken}`)).status).toBe(400);
		const allToken = (await api.get('/tickets/list-all?maxResults=5')).data.nextPageToken;
		expect((await api.get(`/tickets/list-all?nextPageToken=${allToken}`, CHILD)).status).toBe(400);
		expect((await api.get(`/tickets/list?nextPageToken=${allToken}`)).status).toBe(400);
	});

	it('GET /tickets/{issueKeyId}/details', async () => {
		const r = await api.get(`/tickets/${key1}/details`);
		expect(r.data).toEqual({ ...data.armorTicketRecord(A, 1), commentCount: 14 });
		expect((await api.get(`/tickets/${key1.toLowerCase()}/details`)).status).toBe(200);
		for (const key of [armorTicket(1002, 1).key, `ARM-${A}-013`, 'nope']) {
			const missing = await api.get(`/tickets/${key}/details`);
			expect(missing.status).toBe(404);
			expect(missing.data).toEqual({ Message: `Ticket ${key} was not found.` });
		}
	});

	it('GET /tickets/{key}/comments pages with start/limit', async () => {
		const ids: number[] = [];
		const sizes: number[] = [];
		for (let start = 0; start <= 15; start += 5) {
			const r = await api.get(`/tickets/${key1}/comments`, { params: { start, limit: 5 } });
			expect(r.status).toBe(200);
			expect(r.data).toEqual({ start, limit: 5, total: 14, items: expect.any(Array) });
			sizes.push(r.data.items.length);
			ids.push(...r.data.items.map((c: { id: number }) => c.id));
		}
		expect(sizes).toEqual([5, 5, 4, 0]);
		expect(ids).toEqual(range(14).map((c) => data.armorTicketCommentId(A, 1, c)));
		const all = (await api.get(`/tickets/${key1}/comments`)).data;
		expect(all).toEqual({
			start: 0,
			limit: 50,
			total: 14,
			items: range(14).map((c) => data.armorTicketComment(A, 1, c)),
		});
		expect((await api.get(`/tickets/${armorTicket(A, 3).key}/comments`)).data.total).toBe(0);
		for (const query of ['limit=0', 'limit=101', 'start=-1', 'start=x']) {
			expect((await api.get(`/tickets/${key1}/comments?${query}`)).status).toBe(400);
		}
		expect((await api.get(`/tickets/ARM-${A}-099/comments`)).status).toBe(404);
	});

	it('POST /tickets/{key}/comments adds a comment that lists afterwards', async () => {
		const r = await api.post(`/tickets/${key1}/comments`, {
			comment: 'Thanks, looking.',
			isPublic: true,
			issueKeyId: key1,
		});
		expect(r.status).toBe(200);
		expect(r.data).toEqual({
			id: data.armorTicketCommentId(A, 1, 15),
			issueKeyId: key1,
			comment: 'Thanks, looking.',
			isPublic: true,
			author: { id: 501, name: 'Demo User', email: ARMOR_DEMO_USER.username },
			createdDate: expect.any(String),
		});
		const listed = (await api.get(`/tickets/${key1}/comments?start=14`)).data;
		expect(listed.total).toBe(15);
		expect(listed.items).toEqual([r.data]);
		expect((await api.get(`/tickets/${key1}/details`)).data.commentCount).toBe(15);

		const bad = await api.post(`/tickets/${key1}/comments`, {
			comment: '',
			isPublic: 'yes',
			issueKeyId: armorTicket(A, 2).key,
		});
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.data.ModelState).sort()).toEqual(['comment', 'isPublic', 'issueKeyId']);
		expect(
			(await api.post(`/tickets/ARM-${A}-099/comments`, { comment: 'x', isPublic: true })).status,
		).toBe(404);
	});

	it('GET and POST /tickets/{key}/transition change the status everywhere', async () => {
		expect(armorTicket(A, 1).status).toBe('In Progress');
		expect((await api.get(`/tickets/${key1}/transition`)).data).toEqual([
			{ id: 21, name: 'Wait for Customer', toStatus: 'Waiting on Customer' },
			{ id: 41, name: 'Resolve', toStatus: 'Resolved' },
		]);
		const unavailable = await api.post(`/tickets/${key1}/transition`, {
			ticketNumber: key1,
			transitionId: 61,
		});
		expect(unavailable.status).toBe(400);
		expect(unavailable.data.Message).toMatch(
			/Transition 61 is not available.*21 \(Wait for Customer\)/,
		);
		const mismatch = await api.post(`/tickets/${key1}/transition`, {
			ticketNumber: armorTicket(A, 2).key,
			transitionId: 41,
		});
		expect(mismatch.data.ModelState.ticketNumber).toHaveLength(1);
		expect((await api.post(`/tickets/${key1}/transition`, { ticketNumber: key1 })).status).toBe(
			400,
		);

		const r = await api.post(`/tickets/${key1}/transition`, {
			ticketNumber: key1,
			transitionId: 41,
			comment: 'Fixed by restarting the agent.',
		});
		expect(r.status).toBe(200);
		expect(r.data).toMatchObject({
			key: key1,
			status: 'Resolved',
			currentStatus: 'Resolved',
			commentCount: 15,
		});
		expect(
			(await api.get(`/tickets/${key1}/transition`)).data.map((t: { id: number }) => t.id),
		).toEqual([51, 61]);
		expect((await api.get('/tickets/list')).data.items[0].status).toBe('Resolved');
		expect((await api.get('/tickets/list-all')).data.items[0].currentStatus).toBe('Resolved');
		const last = (await api.get(`/tickets/${key1}/comments?start=14`)).data.items[0];
		expect(last).toMatchObject({ comment: 'Fixed by restarting the agent.', isPublic: true });
		expect(
			(await api.post(`/tickets/${key1}/transition`, { ticketNumber: key1, transitionId: 61 })).data
				.status,
		).toBe('Closed');
		expect((await api.get(`/tickets/${key1}/transition`)).data).toEqual([
			{ id: 51, name: 'Reopen', toStatus: 'Open' },
		]);
		expect((await api.get(`/tickets/ARM-${A}-099/transition`)).status).toBe(404);
	});

	it('GET /tickets/entries pages with pageNumber/pageSize', async () => {
		const sizes: number[] = [];
		const ids: number[] = [];
		for (let pageNumber = 1; pageNumber <= 5; pageNumber++) {
			const r = await api.get('/tickets/entries', { params: { pageNumber, pageSize: 10 } });
			expect(r.status).toBe(200);
			expect(r.data).toEqual({
				total: 31,
				pageNumber,
				pageSize: 10,
				totalPages: 4,
				items: expect.any(Array),
			});
			sizes.push(r.data.items.length);
			ids.push(...r.data.items.map((e: { id: number }) => e.id));
		}
		expect(sizes).toEqual([10, 10, 10, 1, 0]);
		expect(ids).toEqual(range(31).map((n) => data.armorTicketEntry(A, n).id));
		const seven = (await api.get('/tickets/entries?pageSize=7&pageNumber=5')).data;
		expect(seven.items).toEqual([29, 30, 31].map((n) => data.armorTicketEntry(A, n)));
		expect((await api.get('/tickets/entries')).data.pageSize).toBe(10);
		for (const query of ['pageNumber=0', 'pageSize=0', 'pageSize=101', 'pageNumber=x']) {
			expect((await api.get(`/tickets/entries?${query}`)).status).toBe(400);
		}
	});
});
