/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * Tests of the sandbox's ARMOR-PSK API keys (Armor listener and v2 services listener) and of the v2 services
 * listener itself (MDR, infrastructure, agent management): the vendor's signature vector, the 401 cases, the
 * clock skew knob, FH-AUTH tokens shared with the Armor listener, paging, comments, account context, the
 * request log and the knobs that apply there.
 */
import { spawn } from 'child_process';
import * as crypto from 'crypto';
import * as net from 'net';
import * as path from 'path';
import axios, { type AxiosResponse } from 'axios';
import {
	startSandbox,
	armorPskAuthorization,
	armorPskSignature,
	ARMOR_API_KEY,
	ARMOR_API_KEY_MFA_USER,
	ARMOR_DEMO_USER,
	ARMOR_MFA_USER,
	ARMOR_SERVICE_PREFIXES,
	MDR_DEFAULT_PAGE_SIZE,
	MDR_INCIDENTS_PER_ACCOUNT,
	MDR_SERVICE_REQUESTS_PER_ACCOUNT,
	INFRASTRUCTURE_DEFAULT_TOP,
	INFRASTRUCTURE_VMS_PER_ACCOUNT,
	AGENT_HEALTH_PER_ACCOUNT,
	agentHealthStatus,
	infrastructureVirtualMachine,
	mdrIncident,
	mdrIncidentDetails,
	mdrIncidentKey,
	mdrServiceRequest,
	type ArmorApiKey,
	type Sandbox,
	type SandboxOptions,
} from '../sandbox/server';

jest.setTimeout(20_000);

// ------------------------------------------------------------------ helpers

// No proxy from the environment, no throwing on 4xx/5xx, bodies sent exactly as given.
const http = axios.create({
	proxy: false,
	validateStatus: () => true,
	transformRequest: [(data) => data],
});

const DENIED = { Message: 'Authorization has been denied for this request.' };
const VECTOR_TIMESTAMP = 1528140529;
const VECTOR_SIGNATURE =
	'slcljXL7EZV9hUSNokeM/nxDOhorO8PZj/0xMEvbNVvVvzTHVuZTVz76W0kFDC78yatyozkc9OSzQzM0uilglQ==';
const VECTOR_HEADER = `ARMOR-PSK ${ARMOR_API_KEY.keyId}:${VECTOR_SIGNATURE}:${VECTOR_TIMESTAMP}:${VECTOR_TIMESTAMP}`;

const nowSeconds = () => Math.floor(Date.now() / 1000);

let sb: Sandbox;

async function fresh(options: SandboxOptions = {}): Promise<Sandbox> {
	sb = await startSandbox(options);
	return sb;
}

afterEach(async () => {
	await sb?.close();
});

interface SendInit {
	method?: string;
	headers?: Record<string, string>;
	/** Sent as is, as `contentType` (default application/json). */
	body?: string | Buffer;
	contentType?: string;
}

function send(url: string, init: SendInit = {}): Promise<AxiosResponse> {
	const headers: Record<string, string> = { ...init.headers };
	if (init.body !== undefined) headers['Content-Type'] = init.contentType ?? 'application/json';
	const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
	return http.request({ method, url, headers, data: init.body });
}

interface SignedInit extends SendInit {
	key?: ArmorApiKey;
	timestamp?: number;
	/** What the signature covers instead of the real path (default: the URL's path). */
	signedPath?: string;
	/** What the signature covers instead of the real body. */
	signedBody?: string;
}

/** A request signed with an API key (ARMOR-PSK) on either listener. */
function signed(base: string, pathAndQuery: string, init: SignedInit = {}) {
	const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
	const authorization = armorPskAuthorization(init.key ?? ARMOR_API_KEY, {
		method,
		path: init.signedPath ?? pathAndQuery.split('?')[0],
		body: init.signedBody ?? init.body,
		timestamp: init.timestamp,
	});
	return send(`${base}${pathAndQuery}`, {
		...init,
		method,
		headers: { Authorization: authorization, ...init.headers },
	});
}

/** The header of a request signed by hand: any nonce / timestamp / secret. */
function manualHeader(opts: {
	method: string;
	path: string;
	nonce: string;
	timestamp: string;
	secret?: string;
	body?: string;
}) {
	const signature = armorPskSignature({
		keyId: ARMOR_API_KEY.keyId,
		secret: opts.secret ?? ARMOR_API_KEY.secret,
		method: opts.method,
		path: opts.path,
		nonce: opts.nonce,
		timestamp: opts.timestamp,
		body: opts.body,
	});
	return `ARMOR-PSK ${ARMOR_API_KEY.keyId}:${signature}:${opts.nonce}:${opts.timestamp}`;
}

async function armorLogin(user = ARMOR_DEMO_USER): Promise<string> {
	const authorize = await send(`${sb.armorUrl}/auth/authorize`, {
		body: JSON.stringify({ username: user.username, password: user.password }),
	});
	expect(authorize.status).toBe(200);
	const token = await send(`${sb.armorUrl}/auth/token`, {
		body: JSON.stringify({ code: authorize.data.code, grant_type: 'authorization_code' }),
	});
	expect(token.status).toBe(200);
	return token.data.access_token as string;
}

function services(pathAndQuery: string, token: string, headers: Record<string, string> = {}) {
	return send(`${sb.servicesUrl}${pathAndQuery}`, {
		headers: { Authorization: `FH-AUTH ${token}`, ...headers },
	});
}

// ------------------------------------------------------------------ ARMOR-PSK

describe('ARMOR-PSK signatures', () => {
	it('computes the vendor test vector', () => {
		expect(
			armorPskSignature({
				keyId: ARMOR_API_KEY.keyId,
				secret: ARMOR_API_KEY.secret,
				method: 'get',
				path: '/me',
				nonce: String(VECTOR_TIMESTAMP),
				timestamp: VECTOR_TIMESTAMP,
			}),
		).toBe(VECTOR_SIGNATURE);
		// The same by hand: HMAC-SHA512 over keyId + METHOD + path + nonce + timestamp, the secret as UTF-8.
		const byHand = crypto
			.createHmac('sha512', 'test-secret')
			.update(`${ARMOR_API_KEY.keyId}GET/me${VECTOR_TIMESTAMP}${VECTOR_TIMESTAMP}`)
			.digest('base64');
		expect(byHand).toBe(VECTOR_SIGNATURE);
	});

	it('hashes a non-empty body into the signature (base64 SHA-512)', () => {
		const base = {
			keyId: 'k',
			secret: 's',
			method: 'POST',
			path: '/x',
			nonce: '1',
			timestamp: '1',
		};
		const bodyPart = crypto.createHash('sha512').update('{"a":1}').digest('base64');
		const expected = crypto
			.createHmac('sha512', 's')
			.update(`kPOST/x11${bodyPart}`)
			.digest('base64');
		expect(armorPskSignature({ ...base, body: '{"a":1}' })).toBe(expected);
		expect(armorPskSignature({ ...base, body: Buffer.from('{"a":1}') })).toBe(expected);
		expect(armorPskSignature({ ...base, body: '' })).toBe(armorPskSignature(base));
	});

	it('accepts exactly the vendor test vector when the sandbox clock says 1528140529, and rejects a changed byte', async () => {
		await fresh({ armorClockSkewSeconds: VECTOR_TIMESTAMP - Date.now() / 1000 });
		const ok = await send(`${sb.armorUrl}/me`, { headers: { Authorization: VECTOR_HEADER } });
		expect(ok.status).toBe(200);
		expect(ok.data.accounts.map((a: { id: number }) => a.id)).toEqual([1001, 1002]);

		const at = VECTOR_HEADER.indexOf(VECTOR_SIGNATURE) + 10;
		const flipped = VECTOR_HEADER[at] === 'A' ? 'B' : 'A';
		const changed = VECTOR_HEADER.slice(0, at) + flipped + VECTOR_HEADER.slice(at + 1);
		for (const header of [
			changed,
			VECTOR_HEADER.replace('20a37099', '20a37098'), // another key id
			VECTOR_HEADER.replace(/:1528140529$/, ':1528140528'), // timestamp
			VECTOR_HEADER.replace('ARMOR-PSK ', 'ARMOR-PSK  '),
			VECTOR_HEADER.replace('ARMOR-PSK', 'armor-psk'),
		]) {
			const r = await send(`${sb.armorUrl}/me`, { headers: { Authorization: header } });
			expect(r.status).toBe(401);
			expect(r.data).toEqual(DENIED);
		}
		// Signed for GET /me: another method, or the path as sent in other letters, is another message.
		expect(
			(await send(`${sb.armorUrl}/Me`, { headers: { Authorization: VECTOR_HEADER } })).status,
		).toBe(401);
		expect(
			(await send(`${sb.armorUrl}/me/`, { headers: { Authorization: VECTOR_HEADER } })).status,
		).toBe(401);
		// The query is not signed.
		expect(
			(await send(`${sb.armorUrl}/me?x=1`, { headers: { Authorization: VECTOR_HEADER } })).status,
		).toBe(200);
		expect(sb.summary().armor).toEqual({
			authorize: 0,
			token: 0,
			reissue: 0,
			api: 9,
			unauthorized: 7,
			psk: 2,
		});
	});

	it('accepts a fresh signature on /me, marks and counts it, and leaves FH-AUTH calls as they were', async () => {
		await fresh();
		const r = await signed(sb.armorUrl, '/me');
		expect(r.status).toBe(200);
		expect(r.data.user.username ?? r.data.user[0].username).toBe(ARMOR_DEMO_USER.username);
		expect(sb.requests[0].authScheme).toBe('ARMOR-PSK');

		const token = await armorLogin();
		expect(
			(await send(`${sb.armorUrl}/me`, { headers: { Authorization: `FH-AUTH ${token}` } })).status,
		).toBe(200);
		expect(sb.requests[sb.requests.length - 1].authScheme).toBe('FH-AUTH');
		expect((await send(`${sb.armorUrl}/me`)).status).toBe(401);
		expect(sb.requests[sb.requests.length - 1].authScheme).toBeUndefined();
		expect(sb.summary().armor).toEqual({
			authorize: 1,
			token: 1,
			reissue: 0,
			api: 3,
			unauthorized: 1,
			psk: 1,
		});
	});

	it('signs the path as received: a trailing slash or other letters must be signed as sent', async () => {
		await fresh();
		expect((await signed(sb.armorUrl, '/me/')).status).toBe(200);
		expect((await signed(sb.armorUrl, '/ME')).status).toBe(200);
		expect((await signed(sb.armorUrl, '/me/', { signedPath: '/me' })).status).toBe(401);
		expect((await signed(sb.armorUrl, '/accounts?x=1')).status).toBe(200);
	});

	it('acts as the key owner: the MFA user key sees the MFA account, without any MFA wait', async () => {
		await fresh({ mfaDelayMs: 5000 });
		const r = await signed(sb.armorUrl, '/accounts', { key: ARMOR_API_KEY_MFA_USER });
		expect(r.status).toBe(200);
		expect(r.data.map((a: { id: number }) => a.id)).toEqual(
			ARMOR_MFA_USER.accounts.map((a) => a.id),
		);
		expect(
			(
				await signed(sb.armorUrl, '/me', {
					key: ARMOR_API_KEY_MFA_USER,
					headers: { 'X-Account-Context': '1001' },
				})
			).status,
		).toBe(403);
	});

	it('answers 401 for a wrong secret, a stale or future timestamp, a nonce other than the timestamp, bad fields', async () => {
		await fresh();
		const ts = String(nowSeconds());
		const cases: Record<string, string> = {
			'wrong secret': manualHeader({
				method: 'GET',
				path: '/me',
				nonce: ts,
				timestamp: ts,
				secret: 'nope',
			}),
			'stale (> 300 s)': manualHeader({
				method: 'GET',
				path: '/me',
				nonce: String(nowSeconds() - 301),
				timestamp: String(nowSeconds() - 301),
			}),
			'future (> 300 s)': manualHeader({
				method: 'GET',
				path: '/me',
				nonce: String(nowSeconds() + 302),
				timestamp: String(nowSeconds() + 302),
			}),
			'nonce != timestamp': manualHeader({
				method: 'GET',
				path: '/me',
				nonce: 'abc123',
				timestamp: ts,
			}),
			'nonce with a colon': manualHeader({
				method: 'GET',
				path: '/me',
				nonce: `${ts}:x`,
				timestamp: ts,
			}),
			'timestamp in ms': manualHeader({
				method: 'GET',
				path: '/me',
				nonce: String(Date.now()),
				timestamp: String(Date.now()),
			}),
			'signed for POST': manualHeader({ method: 'POST', path: '/me', nonce: ts, timestamp: ts }),
			'unknown key': manualHeader({ method: 'GET', path: '/me', nonce: ts, timestamp: ts }).replace(
				ARMOR_API_KEY.keyId,
				'00000000-0000-0000-0000-000000000000',
			),
			'three fields': `ARMOR-PSK ${ARMOR_API_KEY.keyId}:abc:${ts}`,
			empty: 'ARMOR-PSK ',
		};
		for (const [name, header] of Object.entries(cases)) {
			const r = await send(`${sb.armorUrl}/me`, { headers: { Authorization: header } });
			expect([name, r.status, r.data]).toEqual([name, 401, DENIED]);
		}
		// Within the window both ways.
		for (const offset of [-290, 290]) {
			const t = String(nowSeconds() + offset);
			const header = manualHeader({ method: 'GET', path: '/me', nonce: t, timestamp: t });
			expect((await send(`${sb.armorUrl}/me`, { headers: { Authorization: header } })).status).toBe(
				200,
			);
		}
		expect(sb.summary().armor.unauthorized).toBe(Object.keys(cases).length);
		expect(sb.summary().armor.psk).toBe(2);
	});

	it('armorClockSkewSeconds moves the clock the timestamp is checked against (and nothing else)', async () => {
		await fresh({ armorClockSkewSeconds: -3600 });
		expect((await signed(sb.armorUrl, '/me')).status).toBe(401);
		expect((await signed(sb.armorUrl, '/me', { timestamp: nowSeconds() - 3600 })).status).toBe(200);
		// FH-AUTH tokens do not care.
		const token = await armorLogin();
		expect(
			(await send(`${sb.armorUrl}/me`, { headers: { Authorization: `FH-AUTH ${token}` } })).status,
		).toBe(200);
		sb.configure({ armorClockSkewSeconds: 0 });
		expect((await signed(sb.armorUrl, '/me')).status).toBe(200);
		expect(() => sb.configure({ armorClockSkewSeconds: Number.NaN })).toThrow(TypeError);
		expect(() => sb.configure({ armorClockSkewSeconds: '5' as never })).toThrow(TypeError);
	});

	it('covers the exact body bytes: a tampered body is refused, the raw body is recorded', async () => {
		await fresh();
		const key = mdrIncidentKey(1001, 1);
		const body = JSON.stringify({ comment: 'Signed comment ✓' });
		const ok = await signed(sb.servicesUrl, `/mdr/incidents/${key}/comments`, { body });
		expect(ok.status).toBe(200);
		expect(sb.requests[0].body).toBe(body);

		const tampered = await signed(sb.servicesUrl, `/mdr/incidents/${key}/comments`, {
			body: JSON.stringify({ comment: 'Signed comment ✗' }),
			signedBody: body,
		});
		expect(tampered.status).toBe(401);
		expect(tampered.data).toEqual(DENIED);
		// A body signed as if empty.
		const unsigned = await signed(sb.servicesUrl, `/mdr/incidents/${key}/comments`, {
			body,
			signedBody: '',
		});
		expect(unsigned.status).toBe(401);
		expect(sb.requests.map((r) => r.body)).toEqual([
			body,
			JSON.stringify({ comment: 'Signed comment ✗' }),
			body,
		]);
	});

	it('refuseTokensOn refuses API keys too', async () => {
		await fresh({ refuseTokensOn: ['/me'] });
		expect((await signed(sb.armorUrl, '/me')).status).toBe(401);
		expect((await signed(sb.armorUrl, '/accounts')).status).toBe(200);
	});
});

// ------------------------------------------------------------------ services listener

describe('v2 services listener', () => {
	beforeEach(() => fresh());

	it('serves the three prefixes on servicesUrl', () => {
		expect(sb.servicesUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sb.servicesUrl).not.toBe(sb.armorUrl);
		expect(ARMOR_SERVICE_PREFIXES).toEqual(['/mdr', '/infrastructure', '/agent-management']);
	});

	it("accepts the Armor listener's FH-AUTH tokens, until revoked", async () => {
		const token = await armorLogin();
		const r = await services('/mdr/incidents', token);
		expect(r.status).toBe(200);
		expect(sb.requests[sb.requests.length - 1]).toMatchObject({
			api: 'services',
			method: 'GET',
			path: '/mdr/incidents',
			status: 200,
			authScheme: 'FH-AUTH',
		});
		expect((await services('/mdr/incidents', 'f'.repeat(32))).status).toBe(401);
		expect((await send(`${sb.servicesUrl}/mdr/incidents`)).data).toEqual(DENIED);
		sb.revokeAllTokens();
		expect((await services('/mdr/incidents', token)).status).toBe(401);
		expect(sb.summary().services).toEqual({ api: 4, unauthorized: 3 });
		expect(sb.summary().armor.api).toBe(0);
	});

	it('refuses expired tokens', async () => {
		sb.configure({ armorTokenLifetimeSeconds: 0.2 });
		const token = await armorLogin();
		expect((await services('/infrastructure/virtual-machines', token)).status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect((await services('/infrastructure/virtual-machines', token)).status).toBe(401);
	});

	it('accepts ARMOR-PSK signed over the full path (prefix included)', async () => {
		expect((await signed(sb.servicesUrl, '/mdr/incidents?pageSize=5')).status).toBe(200);
		expect(
			(await signed(sb.servicesUrl, '/mdr/incidents', { signedPath: '/incidents' })).status,
		).toBe(401);
		expect(sb.requests[0].authScheme).toBe('ARMOR-PSK');
		expect(sb.summary()).toMatchObject({
			armor: { api: 0, psk: 0 },
			services: { api: 2, unauthorized: 1 },
		});
	});

	it('answers unknown paths 404 and wrong methods 405 like the Armor listener, before any credential check', async () => {
		const unknown = await send(`${sb.servicesUrl}/mdr/nothing`);
		expect(unknown.status).toBe(404);
		expect(unknown.data).toEqual({
			Message: "No HTTP resource was found that matches the request URI '/mdr/nothing'.",
		});
		expect((await send(`${sb.servicesUrl}/me`)).status).toBe(404);
		const wrong = await send(`${sb.servicesUrl}/mdr/incidents`, { method: 'DELETE' });
		expect(wrong.status).toBe(405);
		expect(wrong.headers.allow).toBe('GET');
		expect(wrong.data).toEqual({
			Message: "The requested resource does not support http method 'DELETE'.",
		});
		const getComments = await send(`${sb.servicesUrl}/mdr/incidents/SEC-100101/comments`);
		expect(getComments.status).toBe(405);
		expect(getComments.headers.allow).toBe('POST');
	});

	it("honours X-Account-Context: another of the user's accounts, 403 for a foreign one, 400 for a bad one", async () => {
		const token = await armorLogin();
		const child = await services('/mdr/incidents?sortDirection=asc&pageSize=1', token, {
			'X-Account-Context': '1002',
		});
		expect(child.status).toBe(200);
		expect(child.data.issues).toEqual([mdrIncident(1002, 1)]);
		expect(child.data.approvedOrgs).toEqual([{ id: '1002', name: 'Demo Child' }]);

		const foreign = await services('/mdr/incidents', token, { 'X-Account-Context': '2001' });
		expect(foreign.status).toBe(403);
		expect(foreign.data).toEqual({
			ErrorCode: 403,
			Message: 'Account context 2001 is not available to this user.',
			Detail: null,
			ReferenceId: expect.any(String),
		});
		const bad = await signed(sb.servicesUrl, '/infrastructure/virtual-machines', {
			headers: { 'X-Account-Context': 'abc' },
		});
		expect(bad.status).toBe(400);
		// An incident of another account is not found, even by key.
		expect((await services(`/mdr/incidents/${mdrIncidentKey(2001, 1)}`, token)).status).toBe(404);
	});
});

describe('MDR', () => {
	let token: string;
	beforeEach(async () => {
		await fresh();
		token = await armorLogin();
	});

	it('pages incidents by startAt / pageSize with totalRows, newest key first by default', async () => {
		const seen: string[] = [];
		const sizes: number[] = [];
		for (let startAt = 0; startAt <= MDR_INCIDENTS_PER_ACCOUNT; startAt += 10) {
			const r = await services(`/mdr/incidents?startAt=${startAt}&pageSize=10`, token);
			expect(r.status).toBe(200);
			expect(Object.keys(r.data).sort()).toEqual(['approvedOrgs', 'issues', 'totalRows']);
			expect(r.data.totalRows).toBe(MDR_INCIDENTS_PER_ACCOUNT);
			sizes.push(r.data.issues.length);
			seen.push(...r.data.issues.map((i: { id: string }) => i.id));
		}
		expect(sizes).toEqual([10, 10, 10, 7]);
		expect(new Set(seen).size).toBe(MDR_INCIDENTS_PER_ACCOUNT);
		expect(seen[0]).toBe(mdrIncidentKey(1001, MDR_INCIDENTS_PER_ACCOUNT));
		expect(seen[seen.length - 1]).toBe(mdrIncidentKey(1001, 1));

		const first = await services('/mdr/incidents', token);
		expect(first.data.issues).toHaveLength(MDR_DEFAULT_PAGE_SIZE);
		expect(first.data.issues[0]).toEqual(mdrIncident(1001, MDR_INCIDENTS_PER_ACCOUNT));
		const asc = await services('/mdr/incidents?sortDirection=asc&pageSize=25&startAt=25', token);
		expect(asc.data.issues.map((i: { id: string }) => i.id)).toEqual(
			Array.from({ length: 12 }, (_, i) => mdrIncidentKey(1001, 26 + i)),
		);
		const past = await services('/mdr/incidents?startAt=100', token);
		expect(past.data).toMatchObject({ totalRows: MDR_INCIDENTS_PER_ACCOUNT, issues: [] });
	});

	it('validates paging and sorting (400)', async () => {
		for (const query of [
			'pageSize=0',
			'pageSize=101',
			'pageSize=abc',
			'startAt=-1',
			'startAt=1.5',
			'sortBy=color',
			'sortDirection=up',
		]) {
			const r = await services(`/mdr/incidents?${query}`, token);
			expect([query, r.status]).toEqual([query, 400]);
			expect(typeof r.data.Message).toBe('string');
		}
		expect((await services('/mdr/incidents?pageSize=100', token)).data.issues).toHaveLength(
			MDR_INCIDENTS_PER_ACCOUNT,
		);
	});

	it('filters by status and priority (comma lists) and sorts by a field', async () => {
		const all = Array.from({ length: MDR_INCIDENTS_PER_ACCOUNT }, (_, i) =>
			mdrIncident(1001, i + 1),
		);
		const r = await services('/mdr/incidents?status=open,Resolved&pageSize=100', token);
		const expected = all.filter((i) => i.status === 'Open' || i.status === 'Resolved');
		expect(r.data.totalRows).toBe(expected.length);
		expect(new Set(r.data.issues.map((i: { status: string }) => i.status))).toEqual(
			new Set(['Open', 'Resolved']),
		);
		const critical = await services('/mdr/incidents?priority=Critical&pageSize=100', token);
		expect(critical.data.totalRows).toBe(all.filter((i) => i.priority === 'Critical').length);
		expect(critical.data.totalRows).toBeGreaterThan(0);

		const byCreated = await services(
			'/mdr/incidents?sortBy=created&sortDirection=asc&pageSize=100',
			token,
		);
		const created = byCreated.data.issues.map((i: { created: string }) => i.created);
		expect(created).toEqual([...created].sort());
		expect(byCreated.data.issues.map((i: { id: string }) => i.id)).not.toEqual(
			all.map((i) => i.id),
		);
	});

	it('returns one incident by key, 404 for an unknown one, 400 for a malformed one', async () => {
		const key = mdrIncidentKey(1001, 4);
		const r = await services(`/mdr/incidents/${key}`, token);
		expect(r.status).toBe(200);
		expect(r.data).toEqual(mdrIncidentDetails(1001, 4));
		expect(r.data.ticketSummary).toBe(mdrIncident(1001, 4).summary);
		expect((await services(`/mdr/incidents/${mdrIncidentKey(1001, 99)}`, token)).status).toBe(404);
		expect((await services('/mdr/incidents/SR-100101', token)).status).toBe(404);
		expect((await services('/mdr/incidents/not-a-key', token)).status).toBe(400);
	});

	it('adds a comment (JSON, form or multipart) that the incident then shows', async () => {
		const key = mdrIncidentKey(1001, 3); // starts with one SOC comment
		const url = `${sb.servicesUrl}/mdr/incidents/${key}/comments`;
		const auth = { Authorization: `FH-AUTH ${token}` };
		const posted = await send(url, {
			headers: auth,
			body: JSON.stringify({ comment: 'Looking into it.' }),
		});
		expect(posted.status).toBe(200);
		expect(posted.headers['content-type']).toMatch(/^text\/plain/);
		const form = await send(url, {
			headers: auth,
			body: 'comment=From+a+form',
			contentType: 'application/x-www-form-urlencoded',
		});
		expect(form.status).toBe(200);
		const boundary = 'sandboxBoundary42';
		const multipart = await send(url, {
			headers: auth,
			body: `--${boundary}\r\nContent-Disposition: form-data; name="comment"\r\n\r\nFrom multipart\r\n--${boundary}--\r\n`,
			contentType: `multipart/form-data; boundary=${boundary}`,
		});
		expect(multipart.status).toBe(200);

		const details = await services(`/mdr/incidents/${key}`, token);
		expect(details.data.comments).toHaveLength(4);
		expect(details.data.comments[0]).toEqual(mdrIncidentDetails(1001, 3).comments[0]);
		expect(details.data.comments.slice(1)).toEqual(
			['Looking into it.', 'From a form', 'From multipart'].map((body) => ({
				id: expect.any(String),
				authorDisplayName: 'Demo User',
				authorEmail: ARMOR_DEMO_USER.username,
				body,
				created: expect.any(String),
				updated: expect.any(String),
				isPublic: true,
			})),
		);
		// Another incident is untouched.
		expect(
			(await services(`/mdr/incidents/${mdrIncidentKey(1001, 6)}`, token)).data.comments,
		).toHaveLength(1);
	});

	it('refuses an empty comment (400), another media type (415) and a foreign incident (404)', async () => {
		const url = `${sb.servicesUrl}/mdr/incidents/${mdrIncidentKey(1001, 1)}/comments`;
		const auth = { Authorization: `FH-AUTH ${token}` };
		for (const body of ['{"comment":""}', '{"comment":"   "}', '{}', '{"comment":5}', '[]']) {
			const r = await send(url, { headers: auth, body });
			expect([body, r.status]).toEqual([body, 400]);
		}
		expect((await send(url, { headers: auth, body: 'hi', contentType: 'text/plain' })).status).toBe(
			415,
		);
		const foreign = await send(
			`${sb.servicesUrl}/mdr/incidents/${mdrIncidentKey(2001, 1)}/comments`,
			{ headers: auth, body: '{"comment":"x"}' },
		);
		expect(foreign.status).toBe(404);
		expect(
			(await services(`/mdr/incidents/${mdrIncidentKey(1001, 1)}`, token)).data.comments,
		).toEqual([]);
	});

	it('pages service requests the same way', async () => {
		const page1 = await services('/mdr/service-requests?pageSize=5&sortDirection=asc', token);
		expect(page1.status).toBe(200);
		expect(page1.data.totalRows).toBe(MDR_SERVICE_REQUESTS_PER_ACCOUNT);
		expect(page1.data.issues).toEqual([1, 2, 3, 4, 5].map((n) => mdrServiceRequest(1001, n)));
		const page3 = await services(
			'/mdr/service-requests?pageSize=5&startAt=10&sortDirection=asc',
			token,
		);
		expect(page3.data.issues.map((i: { id: string }) => i.id)).toEqual(['SR-100111', 'SR-100112']);
		expect((await services('/mdr/service-requests?pageSize=101', token)).status).toBe(400);
	});
});

describe('infrastructure and agent management', () => {
	let token: string;
	beforeEach(async () => {
		await fresh();
		token = await armorLogin();
	});

	it('pages virtual machines by top / skip', async () => {
		const ids: string[] = [];
		for (const skip of [0, 10, 20, 30]) {
			const r = await services(`/infrastructure/virtual-machines?top=10&skip=${skip}`, token);
			expect(r.status).toBe(200);
			expect(r.data).toMatchObject({
				page: skip / 10 + 1,
				total: INFRASTRUCTURE_VMS_PER_ACCOUNT,
				countPerPage: 10,
				filters: {},
			});
			ids.push(...r.data.items.map((vm: { coreInstanceId: string }) => vm.coreInstanceId));
		}
		expect(ids).toEqual(
			Array.from(
				{ length: INFRASTRUCTURE_VMS_PER_ACCOUNT },
				(_, i) => infrastructureVirtualMachine(1001, i + 1).coreInstanceId,
			),
		);
		const defaults = await services('/infrastructure/virtual-machines', token);
		expect(defaults.data.items).toHaveLength(INFRASTRUCTURE_DEFAULT_TOP);
		for (const query of ['top=0', 'top=101', 'skip=-1', 'top=x']) {
			expect((await services(`/infrastructure/virtual-machines?${query}`, token)).status).toBe(400);
		}
	});

	it('lists agent health records of the account, filtered by registered, or one by core instance', async () => {
		const r = await services('/agent-management/healthmonitoringstatus', token);
		expect(r.status).toBe(200);
		expect(r.data).toEqual(
			Array.from({ length: AGENT_HEALTH_PER_ACCOUNT }, (_, i) => agentHealthStatus(1001, i + 1)),
		);
		const unregistered = await services(
			'/agent-management/healthmonitoringstatus?registered=false',
			token,
		);
		expect(unregistered.data.length).toBeGreaterThan(0);
		expect(
			unregistered.data.every((a: { IsRegistered: string }) => a.IsRegistered === 'false'),
		).toBe(true);
		const id = agentHealthStatus(1001, 2).CoreInstance;
		expect((await services(`/agent-management/healthmonitoringstatus/${id}`, token)).data).toEqual([
			agentHealthStatus(1001, 2),
		]);
		expect(
			(
				await services(`/agent-management/healthmonitoringstatus/${id}`, token, {
					'X-Account-Context': '1002',
				})
			).status,
		).toBe(404);
		expect(
			(await services('/agent-management/healthmonitoringstatus?registered=maybe', token)).status,
		).toBe(400);
		// An agent runs on the VM of the same core instance.
		expect(infrastructureVirtualMachine(1001, 2).coreInstanceId).toBe(id);
	});
});

// ------------------------------------------------------------------ knobs and machinery on the services listener

describe('services listener machinery', () => {
	beforeEach(() => fresh());

	it("injects failures and delays with api: 'services' (Armor-style default body), recorded", async () => {
		sb.injectFailures({ api: 'services', path: '/mdr/incidents', status: 503, retryAfter: 2 });
		const token = await armorLogin();
		const failed = await services('/mdr/incidents', token);
		expect(failed.status).toBe(503);
		expect(failed.headers['retry-after']).toBe('2');
		expect(failed.data).toEqual({ Message: 'The service is unavailable.' });
		expect((await services('/mdr/incidents', token)).status).toBe(200);

		sb.injectDelays({ api: 'services', delayMs: 250 });
		const started = Date.now();
		expect((await services('/infrastructure/virtual-machines', token)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(240);
		expect(() => sb.injectFailures({ api: 'nope' as never, status: 500 })).toThrow(TypeError);
		expect(sb.requests.filter((r) => r.api === 'services').map((r) => r.status)).toEqual([
			503, 200, 200,
		]);
	});

	it('echoes requests into errors, refuses tokens on listed prefixes, adds latency', async () => {
		const token = await armorLogin();
		sb.configure({ echoRequestsInErrors: 'json', refuseTokensOn: ['/mdr'] });
		const refused = await services('/mdr/incidents', token);
		expect(refused.status).toBe(401);
		expect(refused.data.Message).toContain(`FH-AUTH ${token}`);
		expect(refused.data.request).toMatchObject({ method: 'GET', url: '/mdr/incidents' });
		expect((await signed(sb.servicesUrl, '/mdr/incidents')).status).toBe(401);
		sb.configure({ echoRequestsInErrors: false });
		expect((await services('/infrastructure/virtual-machines', token)).status).toBe(200);

		sb.configure({ latencyMs: 200 });
		const started = Date.now();
		await services('/infrastructure/virtual-machines', token);
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
	});

	it('serves the control endpoints too, unrecorded', async () => {
		await send(`${sb.servicesUrl}/mdr/incidents`);
		const summary = await send(`${sb.servicesUrl}/__sandbox/summary`);
		expect(summary.status).toBe(200);
		expect(summary.data).toEqual(sb.summary());
		expect(summary.data.services).toEqual({ api: 1, unauthorized: 1 });
		expect(sb.requests).toHaveLength(1);
		expect(sb.requests[0]).toMatchObject({ api: 'services', path: '/mdr/incidents', status: 401 });
	});

	it('takes a servicesPort and checks it', async () => {
		await expect(startSandbox({ servicesPort: -1 })).rejects.toThrow(TypeError);
		const port = await freePort();
		await sb.close();
		await fresh({ servicesPort: port });
		expect(sb.servicesUrl).toBe(`http://127.0.0.1:${port}`);
	});

	it('the CLI takes --services-port and prints servicesUrl', async () => {
		const port = await freePort();
		const cli = path.join(__dirname, '..', 'sandbox', 'cli.js');
		const child = spawn(process.execPath, [cli, '--services-port', String(port)], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		try {
			const line = await new Promise<string>((resolve, reject) => {
				let out = '';
				child.stdout.on('data', (chunk: Buffer) => {
					out += chunk.toString();
					if (out.includes('\n')) resolve(out.split('\n')[0]);
				});
				child.on('exit', () => reject(new Error('cli exited early')));
			});
			const urls = JSON.parse(line) as Record<string, string>;
			expect(urls.servicesUrl).toBe(`http://127.0.0.1:${port}`);
			const r = await send(`${urls.servicesUrl}/mdr/incidents`);
			expect(r.status).toBe(401);
		} finally {
			const exited = new Promise((resolve) => child.on('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		}
	});
});

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}
