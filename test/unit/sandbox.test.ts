/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * Tests of the sandbox itself (test/sandbox/): both vendor APIs as the reference describes them, the
 * knobs, the request log, failure injection, the hostile-API abilities (redirects, echoes, delays, the login
 * barrier, the foreign listener), control endpoints and the CLI.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import {
	startSandbox,
	startForeignListener,
	DEFAULT_KNOBS,
	ARMOR_DEMO_USER,
	ARMOR_MFA_USER,
	AUTHARMOR_CLIENT,
	AUTHARMOR_DEMO_USER,
	AUTHARMOR_EMPTY_GUID,
	AUTHARMOR_MAX_PAGE_SIZE,
	ARMOR_TICKETS_PER_ACCOUNT,
	ARMOR_INCIDENTS_PER_ACCOUNT,
	ARMOR_INCIDENTS_PAGE_SIZE,
	armorTicket,
	authArmorDefaultUser,
	authArmorDefaultUsername,
	authArmorEnrolledAuthMethods,
	authArmorUserId,
	type ForeignListener,
	type Sandbox,
	type SandboxOptions,
} from '../sandbox/server';

jest.setTimeout(20_000);

// ------------------------------------------------------------------ helpers

interface CallResult {
	status: number;
	headers: Headers;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

interface CallInit {
	method?: string;
	headers?: Record<string, string>;
	/** Sent as JSON with Content-Type application/json unless a content type is given. */
	json?: unknown;
	/** Sent as is. */
	body?: string | Uint8Array;
	/** Sent as application/x-www-form-urlencoded. */
	form?: Record<string, string>;
	/** Default 'follow'. */
	redirect?: 'follow' | 'manual';
}

async function call(url: string, init: CallInit = {}): Promise<CallResult> {
	const headers: Record<string, string> = { ...init.headers };
	let body: string | Uint8Array | undefined = init.body;
	if (init.json !== undefined) {
		body = JSON.stringify(init.json);
		headers['Content-Type'] ??= 'application/json';
	}
	if (init.form) {
		body = new URLSearchParams(init.form).toString();
		headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
	}
	const method = init.method ?? (body === undefined ? 'GET' : 'POST');
	const response = await fetch(url, { method, headers, body, redirect: init.redirect });
	const text = await response.text();
	let parsed: unknown;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = undefined;
	}
	return { status: response.status, headers: response.headers, text, body: parsed };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sb: Sandbox;

async function fresh(options: SandboxOptions = {}): Promise<Sandbox> {
	sb = await startSandbox(options);
	return sb;
}

afterEach(async () => {
	await sb?.close();
});

async function authorizeCode(
	user: { username: string; password: string } = ARMOR_DEMO_USER,
): Promise<string> {
	const r = await call(`${sb.armorUrl}/auth/authorize`, {
		json: { username: user.username, password: user.password },
	});
	expect(r.status).toBe(200);
	return r.body.code as string;
}

async function armorLogin(
	user: { username: string; password: string } = ARMOR_DEMO_USER,
): Promise<string> {
	const code = await authorizeCode(user);
	const r = await call(`${sb.armorUrl}/auth/token`, {
		json: { code, grant_type: 'authorization_code' },
	});
	expect(r.status).toBe(200);
	return r.body.access_token as string;
}

function armorGet(pathAndQuery: string, token: string, headers: Record<string, string> = {}) {
	return call(`${sb.armorUrl}${pathAndQuery}`, {
		headers: { Authorization: `FH-AUTH ${token}`, ...headers },
	});
}

async function authArmorToken(scope?: string): Promise<string> {
	const form: Record<string, string> = {
		grant_type: 'client_credentials',
		client_id: AUTHARMOR_CLIENT.clientId,
		client_secret: AUTHARMOR_CLIENT.clientSecret,
	};
	if (scope !== undefined) form.scope = scope;
	const r = await call(sb.authArmorTokenUrl, { form });
	expect(r.status).toBe(200);
	return r.body.access_token as string;
}

function authArmorCall(pathAndQuery: string, token: string, init: CallInit = {}) {
	return call(`${sb.authArmorUrl}${pathAndQuery}`, {
		...init,
		headers: { Authorization: `Bearer ${token}`, ...init.headers },
	});
}

function basic(id: string, secret: string): string {
	return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

function decodeJwtPayload(token: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
		string,
		unknown
	>;
}

// ------------------------------------------------------------------ start-up

describe('startSandbox', () => {
	it('listens on two random ports of 127.0.0.1 and derives the token URL', async () => {
		await fresh();
		expect(sb.armorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sb.authArmorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sb.armorUrl).not.toBe(sb.authArmorUrl);
		expect(sb.authArmorTokenUrl).toBe(`${sb.authArmorUrl}/connect/token`);
	});

	it('honours fixed ports', async () => {
		const probe = await startSandbox();
		const armorPort = Number(new URL(probe.armorUrl).port);
		const authArmorPort = Number(new URL(probe.authArmorUrl).port);
		await probe.close();
		await fresh({ armorPort, authArmorPort });
		expect(sb.armorUrl).toBe(`http://127.0.0.1:${armorPort}`);
		expect(sb.authArmorUrl).toBe(`http://127.0.0.1:${authArmorPort}`);
	});

	it('rejects unknown knobs and bad values', async () => {
		await expect(startSandbox({ noSuchKnob: 1 } as unknown as SandboxOptions)).rejects.toThrow(
			/Unknown sandbox knob "noSuchKnob"/,
		);
		await expect(startSandbox({ armorExpiresInUnit: 'hours' as 'minutes' })).rejects.toThrow(
			/armorExpiresInUnit/,
		);
		await expect(startSandbox({ authArmorUserCount: -1 })).rejects.toThrow(/authArmorUserCount/);
		await fresh();
	});

	it('close() stops both listeners', async () => {
		const s = await startSandbox();
		await s.close();
		await expect(fetch(`${s.armorUrl}/me`)).rejects.toThrow();
		await expect(fetch(`${s.authArmorUrl}/v4/users`)).rejects.toThrow();
		await fresh();
	});

	it('close() ends a pending MFA wait promptly', async () => {
		await fresh({ mfaDelayMs: 10_000 });
		const pending = fetch(`${sb.armorUrl}/auth/authorize`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				username: ARMOR_MFA_USER.username,
				password: ARMOR_MFA_USER.password,
			}),
		});
		const outcome = pending.then(
			() => 'answered',
			() => 'failed',
		);
		await sleep(100);
		const timers = () =>
			process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
		const timersWhileWaiting = timers();
		const started = Date.now();
		await sb.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await outcome).toBe('failed');
		// The 10 s MFA timer is gone too, so nothing keeps the process alive.
		expect(timers()).toBeLessThan(timersWhileWaiting);
	});
});

// ------------------------------------------------------------------ Armor Defense: login

describe('Armor /auth/authorize', () => {
	beforeEach(() => fresh());

	it('answers a right login with a one-time code', async () => {
		const r = await call(`${sb.armorUrl}/auth/authorize`, {
			json: { username: ARMOR_DEMO_USER.username, password: 'demo-password' },
		});
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(r.body).toEqual({
			redirect_uri: null,
			code: expect.stringMatching(BASE64),
			success: true,
		});
	});

	it('answers 401 with the vendor message for a wrong password or an unknown user', async () => {
		for (const json of [
			{ username: ARMOR_DEMO_USER.username, password: 'wrong' },
			{ username: 'nobody@armor.example', password: 'demo-password' },
		]) {
			const r = await call(`${sb.armorUrl}/auth/authorize`, { json });
			expect(r.status).toBe(401);
			expect(r.body).toEqual({ Message: 'Invalid username or password.' });
		}
	});

	it('requires Content-Type application/json (415)', async () => {
		const body = JSON.stringify({
			username: ARMOR_DEMO_USER.username,
			password: ARMOR_DEMO_USER.password,
		});
		const asText = await call(`${sb.armorUrl}/auth/authorize`, { body });
		expect(asText.status).toBe(415);
		expect(asText.body.Message).toMatch(/text\/plain/);
		const asForm = await call(`${sb.armorUrl}/auth/authorize`, {
			body,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(asForm.status).toBe(415);
		const none = await call(`${sb.armorUrl}/auth/authorize`, {
			body: new TextEncoder().encode(body),
		});
		expect(none.status).toBe(415);
	});

	it('answers 400 for a body that is not a JSON object', async () => {
		const r = await call(`${sb.armorUrl}/auth/authorize`, {
			body: '{not json',
			headers: { 'Content-Type': 'application/json' },
		});
		expect(r.status).toBe(400);
		expect(r.body).toEqual({ Message: 'The request is invalid.' });
	});

	it('blocks mfaDelayMs for the MFA user only', async () => {
		sb.configure({ mfaDelayMs: 400 });
		let started = Date.now();
		await authorizeCode(ARMOR_MFA_USER);
		expect(Date.now() - started).toBeGreaterThanOrEqual(380);
		started = Date.now();
		await authorizeCode(ARMOR_DEMO_USER);
		expect(Date.now() - started).toBeLessThan(300);
	});

	it('gives the MFA user its own accounts', async () => {
		const token = await armorLogin(ARMOR_MFA_USER);
		const r = await armorGet('/accounts', token);
		expect(r.body).toEqual(ARMOR_MFA_USER.accounts);
		expect(r.body[0]).toEqual({
			id: 2001,
			name: 'MFA Account',
			currency: 'USD ',
			status: 'Claimed',
			parent: 0,
			products: {},
			accountType: 'Direct',
		});
	});
});

describe('Armor /auth/token', () => {
	beforeEach(() => fresh());

	it('exchanges a code for an FH-AUTH token (expires_in in minutes by default)', async () => {
		const code = await authorizeCode();
		const r = await call(`${sb.armorUrl}/auth/token`, {
			json: { code, grant_type: 'authorization_code' },
		});
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			access_token: expect.stringMatching(/^[0-9a-f]{32}$/),
			id_token: expect.stringMatching(BASE64),
			expires_in: 15,
			token_type: 'Bearer',
		});
	});

	it('accepts a code once only', async () => {
		const code = await authorizeCode();
		await call(`${sb.armorUrl}/auth/token`, { json: { code, grant_type: 'authorization_code' } });
		const again = await call(`${sb.armorUrl}/auth/token`, {
			json: { code, grant_type: 'authorization_code' },
		});
		expect(again.status).toBe(400);
		expect(again.body).toEqual({
			error: 'invalid_grant',
			error_description: 'The authorization code is invalid or has expired.',
		});
	});

	it('refuses an unknown code', async () => {
		const r = await call(`${sb.armorUrl}/auth/token`, {
			json: { code: 'bm9wZQ==', grant_type: 'authorization_code' },
		});
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('invalid_grant');
	});

	it('refuses a code older than codeLifetimeSeconds', async () => {
		sb.configure({ codeLifetimeSeconds: 0.2 });
		const code = await authorizeCode();
		await sleep(300);
		const r = await call(`${sb.armorUrl}/auth/token`, {
			json: { code, grant_type: 'authorization_code' },
		});
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('invalid_grant');
	});

	it('answers unsupported_grant_type for another grant type, without spending the code', async () => {
		const code = await authorizeCode();
		const wrong = await call(`${sb.armorUrl}/auth/token`, {
			json: { code, grant_type: 'password' },
		});
		expect(wrong.status).toBe(400);
		expect(wrong.body.error).toBe('unsupported_grant_type');
		const right = await call(`${sb.armorUrl}/auth/token`, {
			json: { code, grant_type: 'authorization_code' },
		});
		expect(right.status).toBe(200);
	});

	it('reports expires_in per armorExpiresInUnit', async () => {
		sb.configure({ armorTokenLifetimeSeconds: 120 });
		let r = await call(`${sb.armorUrl}/auth/token`, {
			json: { code: await authorizeCode(), grant_type: 'authorization_code' },
		});
		expect(r.body.expires_in).toBe(2);
		sb.configure({ armorExpiresInUnit: 'seconds', armorTokenLifetimeSeconds: 1800 });
		r = await call(`${sb.armorUrl}/auth/token`, {
			json: { code: await authorizeCode(), grant_type: 'authorization_code' },
		});
		expect(r.body.expires_in).toBe(1800);
	});

	it('expires tokens after armorTokenLifetimeSeconds', async () => {
		sb.configure({ armorTokenLifetimeSeconds: 0.3 });
		const token = await armorLogin();
		expect((await armorGet('/me', token)).status).toBe(200);
		await sleep(400);
		const r = await armorGet('/me', token);
		expect(r.status).toBe(401);
		expect(r.body).toEqual({ Message: 'Authorization has been denied for this request.' });
	});
});

describe('Armor /auth/token/reissue', () => {
	beforeEach(() => fresh());

	it('issues a new token and leaves the old one valid', async () => {
		const old = await armorLogin();
		const r = await call(`${sb.armorUrl}/auth/token/reissue`, { json: { token: old } });
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			access_token: expect.stringMatching(/^[0-9a-f]{32}$/),
			id_token: null,
			expires_in: 15,
			token_type: 'Bearer',
		});
		expect(r.body.access_token).not.toBe(old);
		expect((await armorGet('/me', old)).status).toBe(200);
		expect((await armorGet('/me', r.body.access_token)).status).toBe(200);
	});

	it('gives the new token a fresh lifetime while the old one keeps its own expiry', async () => {
		sb.configure({ armorTokenLifetimeSeconds: 0.6 });
		const old = await armorLogin();
		await sleep(350);
		const renewed = (await call(`${sb.armorUrl}/auth/token/reissue`, { json: { token: old } })).body
			.access_token as string;
		await sleep(350);
		expect((await armorGet('/me', old)).status).toBe(401);
		expect((await armorGet('/me', renewed)).status).toBe(200);
	});

	it('answers 401 for an unknown, expired or revoked token', async () => {
		const expectInvalid = async (token: string) => {
			const r = await call(`${sb.armorUrl}/auth/token/reissue`, { json: { token } });
			expect(r.status).toBe(401);
			expect(r.body).toEqual({ Message: 'Invalid or expired token.' });
		};
		await expectInvalid('0123456789abcdef0123456789abcdef');
		sb.configure({ armorTokenLifetimeSeconds: 0.2 });
		const short = await armorLogin();
		await sleep(300);
		await expectInvalid(short);
		sb.configure({ armorTokenLifetimeSeconds: 900 });
		const revoked = await armorLogin();
		sb.revokeAllTokens();
		await expectInvalid(revoked);
	});
});

// ------------------------------------------------------------------ Armor Defense: resources

describe('Armor FH-AUTH and X-Account-Context', () => {
	let token: string;
	beforeEach(async () => {
		await fresh();
		token = await armorLogin();
	});

	it('denies a missing header, the Bearer scheme, a lower-case scheme and an unknown token', async () => {
		const denied = { Message: 'Authorization has been denied for this request.' };
		const attempts: Array<Record<string, string>> = [
			{},
			{ Authorization: `Bearer ${token}` },
			{ Authorization: `fh-auth ${token}` },
			{ Authorization: `FH-AUTH  ${token}` },
			{ Authorization: 'FH-AUTH 0123456789abcdef0123456789abcdef' },
		];
		for (const headers of attempts) {
			const r = await call(`${sb.armorUrl}/me`, { headers });
			expect(r.status).toBe(401);
			expect(r.body).toEqual(denied);
		}
		expect((await armorGet('/me', token)).status).toBe(200);
	});

	it('denies every token after revokeAllTokens()', async () => {
		expect(sb.revokeAllTokens()).toBeGreaterThanOrEqual(1);
		expect((await armorGet('/accounts', token)).status).toBe(401);
	});

	it('defaults the account context to the first account', async () => {
		const r = await armorGet('/tickets/list', token);
		expect(r.status).toBe(200);
		expect(r.body.items[0].accountId).toBe(1001);
	});

	it('uses an X-Account-Context naming one of the user’s accounts', async () => {
		const r = await armorGet('/tickets/list', token, { 'X-Account-Context': '1002' });
		expect(r.status).toBe(200);
		expect(r.body.items[0]).toEqual(armorTicket(1002, 1));
	});

	it('answers 403 for an account of another user, 0 or a negative id', async () => {
		for (const value of ['2001', '0', '-5', '999999']) {
			const r = await armorGet('/me', token, { 'X-Account-Context': value });
			expect(r.status).toBe(403);
			expect(r.body).toEqual({
				ErrorCode: 403,
				Message: `Account context ${value} is not available to this user.`,
				Detail: null,
				ReferenceId: expect.stringMatching(UUID),
			});
		}
	});

	it('answers 400 for a non-integer account context', async () => {
		for (const value of ['abc', '1.5', '']) {
			const r = await armorGet('/accounts', token, { 'X-Account-Context': value });
			expect(r.status).toBe(400);
			expect(r.body).toEqual({
				ErrorCode: 400,
				Message: expect.stringContaining('not a valid account id'),
				Detail: null,
				ReferenceId: expect.stringMatching(UUID),
			});
		}
	});
});

describe('Armor resources', () => {
	let token: string;
	beforeEach(async () => {
		await fresh();
		token = await armorLogin();
	});

	it('GET /me returns the user object, accounts and the other sections', async () => {
		const r = await armorGet('/me', token);
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(r.body).toEqual({
			user: expect.objectContaining({
				id: 501,
				firstName: 'Demo',
				lastName: 'User',
				email: ARMOR_DEMO_USER.username,
				username: ARMOR_DEMO_USER.username,
			}),
			accounts: ARMOR_DEMO_USER.accounts,
			departments: [],
			permissions: expect.arrayContaining([expect.any(String)]),
			features: [],
		});
		expect(Array.isArray(r.body.user)).toBe(false);
	});

	it('GET /me returns user as a one-element array under meUserAsArray', async () => {
		sb.configure({ meUserAsArray: true });
		const r = await armorGet('/me', token);
		expect(r.body.user).toEqual([
			expect.objectContaining({ id: 501, username: ARMOR_DEMO_USER.username }),
		]);
	});

	it('GET /accounts returns the fixture accounts, space-padded currency included', async () => {
		const r = await armorGet('/accounts', token);
		expect(r.body).toEqual([
			{
				id: 1001,
				name: 'Demo Main',
				currency: 'USD ',
				status: 'Claimed',
				parent: 0,
				products: {},
				accountType: 'Direct',
			},
			{
				id: 1002,
				name: 'Demo Child',
				currency: 'USD ',
				status: 'Claimed',
				parent: 1001,
				products: {},
				accountType: 'Reseller',
			},
		]);
	});

	it('GET /accounts/{id} returns one of the user’s accounts, else 404 with Message', async () => {
		const one = await armorGet('/accounts/1002', token);
		expect(one.status).toBe(200);
		expect(one.body).toEqual(ARMOR_DEMO_USER.accounts[1]);
		for (const id of ['2001', '42', 'abc']) {
			const missing = await armorGet(`/accounts/${id}`, token);
			expect(missing.status).toBe(404);
			expect(missing.body).toEqual({ Message: expect.any(String) });
		}
	});

	it('GET /tickets/list pages with nextPageToken until null', async () => {
		const keys: string[] = [];
		let pageToken: string | null = null;
		let pages = 0;
		do {
			const query: string = `maxResults=5${pageToken ? `&nextPageToken=${encodeURIComponent(pageToken)}` : ''}`;
			const r = await armorGet(`/tickets/list?${query}`, token, { 'X-Account-Context': '1001' });
			expect(r.status).toBe(200);
			expect(r.body.total).toBe(ARMOR_TICKETS_PER_ACCOUNT);
			keys.push(...(r.body.items as Array<{ key: string }>).map((t) => t.key));
			pageToken = r.body.nextPageToken as string | null;
			pages += 1;
		} while (pageToken && pages < 10);
		expect(pages).toBe(3);
		expect(pageToken).toBeNull();
		expect(keys).toHaveLength(ARMOR_TICKETS_PER_ACCOUNT);
		expect(new Set(keys).size).toBe(ARMOR_TICKETS_PER_ACCOUNT);
		expect(keys[0]).toBe(armorTicket(1001, 1).key);
	});

	it('GET /tickets/list refuses a bad maxResults or page token, and a token of another account', async () => {
		expect((await armorGet('/tickets/list?maxResults=0', token)).status).toBe(400);
		expect((await armorGet('/tickets/list?maxResults=abc', token)).status).toBe(400);
		expect((await armorGet('/tickets/list?nextPageToken=garbage', token)).status).toBe(400);
		const first = await armorGet('/tickets/list?maxResults=5', token, {
			'X-Account-Context': '1001',
		});
		const crossed = await armorGet(
			`/tickets/list?maxResults=5&nextPageToken=${first.body.nextPageToken}`,
			token,
			{ 'X-Account-Context': '1002' },
		);
		expect(crossed.status).toBe(400);
	});

	it('GET /security-incidents pages with page', async () => {
		const pages = [];
		for (let page = 1; page <= 4; page++) {
			const r = await armorGet(`/security-incidents?page=${page}`, token);
			expect(r.status).toBe(200);
			expect(r.body).toEqual({
				total: ARMOR_INCIDENTS_PER_ACCOUNT,
				page,
				items: expect.any(Array),
			});
			pages.push(r.body.items.length);
		}
		const lastSize = ARMOR_INCIDENTS_PER_ACCOUNT % ARMOR_INCIDENTS_PAGE_SIZE;
		expect(pages).toEqual([ARMOR_INCIDENTS_PAGE_SIZE, ARMOR_INCIDENTS_PAGE_SIZE, lastSize, 0]);
		expect((await armorGet('/security-incidents?page=0', token)).status).toBe(400);
	});

	it('answers 404 with the Web API message for an unknown path (even without a token)', async () => {
		const r = await armorGet('/no/such/thing', token);
		expect(r.status).toBe(404);
		expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(r.body).toEqual({
			Message: "No HTTP resource was found that matches the request URI '/no/such/thing'.",
		});
		expect((await call(`${sb.armorUrl}/nothing`)).status).toBe(404);
	});

	it('answers 405 for a known path with another method', async () => {
		const r = await call(`${sb.armorUrl}/auth/authorize`);
		expect(r.status).toBe(405);
		expect(r.body.Message).toMatch(/does not support http method 'GET'/);
	});
});

// ------------------------------------------------------------------ Auth Armor: token

describe('Auth Armor /connect/token', () => {
	beforeEach(() => fresh());

	it('issues a JWT-shaped bearer token for client credentials in the body', async () => {
		const before = Math.floor(Date.now() / 1000);
		const r = await call(sb.authArmorTokenUrl, {
			form: {
				grant_type: 'client_credentials',
				client_id: 'sandbox-client',
				client_secret: 'sandbox-secret',
			},
		});
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			access_token: expect.stringMatching(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/),
			token_type: 'Bearer',
			expires_in: 600,
			scope: 'aarmor.api.request_auth aarmor.api.generate_invite_code',
		});
		const payload = decodeJwtPayload(r.body.access_token);
		expect(payload.client_id).toBe('sandbox-client');
		expect(payload.scope).toEqual(['aarmor.api.request_auth', 'aarmor.api.generate_invite_code']);
		expect(payload.exp).toBeGreaterThanOrEqual(before + 600);
		expect(payload.exp).toBeLessThanOrEqual(before + 602);
	});

	it('accepts HTTP Basic client authentication', async () => {
		const r = await call(sb.authArmorTokenUrl, {
			form: { grant_type: 'client_credentials' },
			headers: { Authorization: basic('sandbox-client', 'sandbox-secret') },
		});
		expect(r.status).toBe(200);
		expect((await authArmorCall('/v4/users', r.body.access_token)).status).toBe(200);
	});

	it('requires application/x-www-form-urlencoded (a JSON body is invalid_request)', async () => {
		const r = await call(sb.authArmorTokenUrl, {
			json: {
				grant_type: 'client_credentials',
				client_id: 'sandbox-client',
				client_secret: 'sandbox-secret',
			},
		});
		expect(r.status).toBe(400);
		expect(r.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
	});

	it('answers invalid_client for wrong, partial or missing credentials', async () => {
		const cases: CallInit[] = [
			{
				form: {
					grant_type: 'client_credentials',
					client_id: 'sandbox-client',
					client_secret: 'nope',
				},
			},
			{
				form: {
					grant_type: 'client_credentials',
					client_id: 'other',
					client_secret: 'sandbox-secret',
				},
			},
			{ form: { grant_type: 'client_credentials', client_id: 'sandbox-client' } },
			{ form: { grant_type: 'client_credentials' } },
			{
				form: { grant_type: 'client_credentials' },
				headers: { Authorization: basic('sandbox-client', 'nope') },
			},
		];
		for (const init of cases) {
			const r = await call(sb.authArmorTokenUrl, init);
			expect(r.status).toBe(400);
			expect(r.body).toEqual({ error: 'invalid_client' });
		}
	});

	it('answers unsupported_grant_type for another or a missing grant type', async () => {
		for (const grant of ['password', 'authorization_code', undefined]) {
			const form: Record<string, string> = {
				client_id: 'sandbox-client',
				client_secret: 'sandbox-secret',
			};
			if (grant) form.grant_type = grant;
			const r = await call(sb.authArmorTokenUrl, { form });
			expect(r.status).toBe(400);
			expect(r.body).toEqual({ error: 'unsupported_grant_type' });
		}
	});

	it('grants a requested subset of scopes and refuses others (invalid_scope)', async () => {
		const form = {
			grant_type: 'client_credentials',
			client_id: 'sandbox-client',
			client_secret: 'sandbox-secret',
		};
		const subset = await call(sb.authArmorTokenUrl, {
			form: { ...form, scope: 'aarmor.api.request_auth' },
		});
		expect(subset.status).toBe(200);
		expect(subset.body.scope).toBe('aarmor.api.request_auth');
		expect(decodeJwtPayload(subset.body.access_token).scope).toEqual(['aarmor.api.request_auth']);
		const bad = await call(sb.authArmorTokenUrl, {
			form: { ...form, scope: 'aarmor.api.request_auth aarmor.api.admin' },
		});
		expect(bad.status).toBe(400);
		expect(bad.body).toEqual({ error: 'invalid_scope' });
	});

	it('uses authArmorTokenLifetimeSeconds and expires the token', async () => {
		sb.configure({ authArmorTokenLifetimeSeconds: 90 });
		const r = await call(sb.authArmorTokenUrl, {
			form: {
				grant_type: 'client_credentials',
				client_id: 'sandbox-client',
				client_secret: 'sandbox-secret',
			},
		});
		expect(r.body.expires_in).toBe(90);
		sb.configure({ authArmorTokenLifetimeSeconds: 0.3 });
		const short = await authArmorToken();
		expect((await authArmorCall('/v4/users', short)).status).toBe(200);
		await sleep(400);
		expect((await authArmorCall('/v4/users', short)).status).toBe(401);
	});
});

// ------------------------------------------------------------------ Auth Armor: users

describe('Auth Armor bearer check', () => {
	beforeEach(() => fresh());

	it('answers 401 with an EMPTY body without a valid bearer token, on v3 and v4 paths', async () => {
		const token = await authArmorToken();
		const armorToken = await armorLogin();
		const attempts: Array<Record<string, string>> = [
			{},
			{ Authorization: basic('sandbox-client', 'sandbox-secret') },
			{ Authorization: 'Bearer not-a-token' },
			{ Authorization: `FH-AUTH ${armorToken}` },
			{ Authorization: token },
		];
		for (const p of [
			'/v4/users',
			'/v3/users',
			`/v4/users/${authArmorUserId(1)}`,
			'/v4/not-a-route',
		]) {
			for (const headers of attempts) {
				const r = await call(`${sb.authArmorUrl}${p}`, { headers });
				expect(r.status).toBe(401);
				expect(r.text).toBe('');
			}
		}
	});

	it('answers 401 after revokeAllTokens()', async () => {
		const token = await authArmorToken();
		expect((await authArmorCall('/v4/users', token)).status).toBe(200);
		sb.revokeAllTokens();
		const r = await authArmorCall('/v4/users', token);
		expect(r.status).toBe(401);
		expect(r.text).toBe('');
	});

	it('answers 404 in the vendor shape for unknown paths', async () => {
		const token = await authArmorToken();
		for (const r of [
			await authArmorCall('/v4/not-a-route', token),
			await call(`${sb.authArmorUrl}/elsewhere`),
		]) {
			expect(r.status).toBe(404);
			expect(r.body).toEqual({
				error_code: 404,
				error_message: 'Not found.',
				tracking_id: expect.stringMatching(UUID),
			});
		}
	});
});

describe('Auth Armor GET /v{3,4}/users', () => {
	let token: string;
	beforeEach(async () => {
		await fresh();
		token = await authArmorToken();
	});

	it('returns page 1 of 20 with the (misspelled) page_info', async () => {
		const r = await authArmorCall('/v4/users', token);
		expect(r.status).toBe(200);
		expect(r.body.page_info).toEqual({
			currnet_page_number: 1,
			currnet_page_size: 20,
			total_page_count: 2,
			total_record_count: 25,
		});
		expect(r.body.user_records).toHaveLength(20);
		expect(r.body.user_records[0]).toEqual(authArmorDefaultUser(1));
		expect(r.body.user_records[0]).toEqual({
			user_id: '00000000-0000-4000-8000-000000000001',
			email_address: 'user1@autharmor.example',
			username: 'user1@autharmor.example',
			date_created: expect.any(String),
		});
		expect(AUTHARMOR_DEMO_USER.username).toBe('user1@autharmor.example');
	});

	it('serves the last partial page, and an empty page past the end', async () => {
		const last = await authArmorCall('/v4/users?page_number=2', token);
		expect(last.body.user_records.map((u: { username: string }) => u.username)).toEqual(
			Array.from({ length: 5 }, (_, k) => authArmorDefaultUsername(21 + k)),
		);
		const past = await authArmorCall('/v4/users?page_number=3', token);
		expect(past.status).toBe(200);
		expect(past.body.user_records).toEqual([]);
		expect(past.body.page_info).toEqual({
			currnet_page_number: 3,
			currnet_page_size: 20,
			total_page_count: 2,
			total_record_count: 25,
		});
	});

	it('enforces the page size maximum of 100', async () => {
		expect(AUTHARMOR_MAX_PAGE_SIZE).toBe(100);
		expect((await authArmorCall('/v4/users?page_size=100', token)).status).toBe(200);
		for (const size of ['101', '0', '-3', 'abc']) {
			const r = await authArmorCall(`/v4/users?page_size=${size}`, token);
			expect(r.status).toBe(400);
			expect(r.body).toEqual({
				error_code: 400,
				error_message: 'page_size must be between 1 and 100.',
				tracking_id: expect.stringMatching(UUID),
			});
		}
		expect((await authArmorCall('/v4/users?page_number=0', token)).status).toBe(400);
	});

	it('serves v3 like v4', async () => {
		const v3 = await authArmorCall('/v3/users?page_size=7&page_number=2', token);
		const v4 = await authArmorCall('/v4/users?page_size=7&page_number=2', token);
		expect(v3.status).toBe(200);
		expect(v3.body).toEqual(v4.body);
	});

	it('sorts by sort_column and sort_direction, and refuses unknown values', async () => {
		const desc = await authArmorCall('/v4/users?sort_direction=desc&page_size=2', token);
		expect(desc.body.user_records.map((u: { username: string }) => u.username)).toEqual([
			authArmorDefaultUsername(25),
			authArmorDefaultUsername(24),
		]);
		const byName = await authArmorCall('/v4/users?sort_column=username&page_size=3', token);
		// Ordinal, case-insensitive comparison: '0' (0x30) sorts before '@' (0x40).
		expect(byName.body.user_records.map((u: { username: string }) => u.username)).toEqual([
			'user10@autharmor.example',
			'user11@autharmor.example',
			'user12@autharmor.example',
		]);
		expect((await authArmorCall('/v4/users?sort_direction=sideways', token)).status).toBe(400);
		expect((await authArmorCall('/v4/users?sort_column=shoe_size', token)).status).toBe(400);
	});

	it('filters by username', async () => {
		const r = await authArmorCall('/v4/users?username=user2', token);
		const names = r.body.user_records.map((u: { username: string }) => u.username);
		expect(names).toEqual([
			'user2@autharmor.example',
			...Array.from({ length: 6 }, (_, k) => `user${20 + k}@autharmor.example`),
		]);
		expect(r.body.page_info.total_record_count).toBe(7);
	});

	it('handles authArmorUserCount 100,000 cheaply', async () => {
		sb.configure({ authArmorUserCount: 100_000 });
		const started = Date.now();
		const last = await authArmorCall('/v4/users?page_size=100&page_number=1000', token);
		expect(last.body.page_info).toEqual({
			currnet_page_number: 1000,
			currnet_page_size: 100,
			total_page_count: 1000,
			total_record_count: 100_000,
		});
		expect(last.body.user_records).toHaveLength(100);
		expect(last.body.user_records[99]).toEqual(authArmorDefaultUser(100_000));
		const one = await authArmorCall(`/v4/users/${authArmorUserId(99_999)}`, token);
		expect(one.body.username).toBe('user99999@autharmor.example');
		const byName = await authArmorCall(
			'/v4/users?sort_column=username&sort_direction=desc&page_size=1',
			token,
		);
		expect(byName.body.user_records[0].username).toBe('user9@autharmor.example');
		expect(Date.now() - started).toBeLessThan(3000);
	});
});

describe('Auth Armor GET /v{3,4}/users/{user_id}', () => {
	let token: string;
	beforeEach(async () => {
		await fresh();
		token = await authArmorToken();
	});

	it('returns get_user_response by id', async () => {
		const r = await authArmorCall(`/v4/users/${authArmorUserId(2)}`, token);
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			...authArmorDefaultUser(2),
			enrolled_auth_methods: authArmorEnrolledAuthMethods(2),
		});
		expect(Object.keys(r.body).sort()).toEqual([
			'date_created',
			'email_address',
			'enrolled_auth_methods',
			'user_id',
			'username',
		]);
		for (const method of r.body.enrolled_auth_methods) {
			expect(method).toEqual({
				auth_method_name: expect.any(String),
				auth_method_id: expect.any(Number),
				auth_method_masked_info: expect.any(String),
			});
		}
	});

	it('resolves the empty GUID from X-AuthArmor-UsernameValue, keeping the username out of the URL', async () => {
		sb.clearRequests();
		const r = await authArmorCall(`/v3/users/${AUTHARMOR_EMPTY_GUID}`, token, {
			headers: { 'X-AuthArmor-UsernameValue': 'user7@autharmor.example' },
		});
		expect(r.status).toBe(200);
		expect(r.body.user_id).toBe(authArmorUserId(7));
		expect(sb.requests).toHaveLength(1);
		expect(sb.requests[0].url).not.toContain('user7');
		expect(sb.requests[0].headers['x-autharmor-usernamevalue']).toBe('user7@autharmor.example');
	});

	it('resolves the empty GUID from the username query parameter', async () => {
		const r = await authArmorCall(
			`/v4/users/${AUTHARMOR_EMPTY_GUID}?username=${encodeURIComponent('USER8@autharmor.example')}`,
			token,
		);
		expect(r.status).toBe(200);
		expect(r.body.user_id).toBe(authArmorUserId(8));
	});

	it('answers 400 for the empty GUID without a username', async () => {
		const r = await authArmorCall(`/v4/users/${AUTHARMOR_EMPTY_GUID}`, token);
		expect(r.status).toBe(400);
		expect(r.body).toEqual({
			error_code: 400,
			error_message: 'A username is required when the user id is the empty GUID.',
			tracking_id: expect.stringMatching(UUID),
		});
	});

	it('answers 404 for an unknown user', async () => {
		const cases = [
			authArmorCall(`/v4/users/${authArmorUserId(26)}`, token),
			authArmorCall('/v4/users/3f2504e0-4f89-11d3-9a0c-0305e82c3301', token),
			authArmorCall(`/v4/users/${AUTHARMOR_EMPTY_GUID}`, token, {
				headers: { 'X-AuthArmor-UsernameValue': 'ghost@autharmor.example' },
			}),
		];
		for (const r of await Promise.all(cases)) {
			expect(r.status).toBe(404);
			expect(r.body).toEqual({
				error_code: 404,
				error_message: 'User not found.',
				tracking_id: expect.stringMatching(UUID),
			});
		}
	});

	it('answers 400 for a malformed user id', async () => {
		for (const id of ['42', 'not-a-guid', '00000000-0000-4000-8000-00000000000g']) {
			const r = await authArmorCall(`/v4/users/${id}`, token);
			expect(r.status).toBe(400);
			expect(r.body).toEqual({
				error_code: 400,
				error_message: expect.any(String),
				tracking_id: expect.stringMatching(UUID),
			});
		}
	});
});

describe('Auth Armor PUT /v{3,4}/users/{user_id}', () => {
	let token: string;
	beforeEach(async () => {
		await fresh();
		token = await authArmorToken();
	});

	const put = (userPath: string, json: unknown, headers: Record<string, string> = {}) =>
		authArmorCall(`/v4/users/${userPath}`, token, { method: 'PUT', json, headers });

	it('renames a user; the new name resolves and the old one no longer does', async () => {
		const r = await put(authArmorUserId(3), { new_username: 'renamed@autharmor.example' });
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ ...authArmorDefaultUser(3), username: 'renamed@autharmor.example' });
		const byNew = await authArmorCall(`/v4/users/${AUTHARMOR_EMPTY_GUID}`, token, {
			headers: { 'X-AuthArmor-UsernameValue': 'renamed@autharmor.example' },
		});
		expect(byNew.body.user_id).toBe(authArmorUserId(3));
		const byOld = await authArmorCall(
			`/v4/users/${AUTHARMOR_EMPTY_GUID}?username=user3@autharmor.example`,
			token,
		);
		expect(byOld.status).toBe(404);
		const list = await authArmorCall('/v4/users?page_size=3', token);
		expect(list.body.user_records[2].username).toBe('renamed@autharmor.example');
	});

	it('renames through the empty GUID and the username header', async () => {
		const r = await put(
			AUTHARMOR_EMPTY_GUID,
			{ new_username: 'viaheader@autharmor.example' },
			{ 'X-AuthArmor-UsernameValue': 'user4@autharmor.example' },
		);
		expect(r.status).toBe(200);
		expect(r.body.user_id).toBe(authArmorUserId(4));
		expect(r.body.username).toBe('viaheader@autharmor.example');
	});

	it('answers 400 for an empty, missing or invalid new_username', async () => {
		for (const body of [
			{ new_username: '' },
			{ new_username: '   ' },
			{},
			{ new_username: 42 },
			{ new_username: 'two words' },
			{ new_username: null },
		]) {
			const r = await put(authArmorUserId(5), body);
			expect(r.status).toBe(400);
			expect(r.body).toEqual({
				error_code: 400,
				error_message: expect.any(String),
				tracking_id: expect.stringMatching(UUID),
			});
		}
	});

	it('answers 409 for a username already taken, and frees a name once its holder is renamed', async () => {
		const taken = await put(authArmorUserId(5), { new_username: 'USER6@autharmor.example' });
		expect(taken.status).toBe(409);
		expect(taken.body).toEqual({
			error_code: 409,
			error_message: expect.stringContaining('already in use'),
			tracking_id: expect.stringMatching(UUID),
		});
		expect(
			(await put(authArmorUserId(5), { new_username: 'user5@autharmor.example' })).status,
		).toBe(200);
		expect((await put(authArmorUserId(6), { new_username: 'six@autharmor.example' })).status).toBe(
			200,
		);
		expect(
			(await put(authArmorUserId(5), { new_username: 'user6@autharmor.example' })).status,
		).toBe(200);
		expect(
			(await put(authArmorUserId(6), { new_username: 'user6@autharmor.example' })).status,
		).toBe(409);
	});

	it('answers 404 for an unknown user and 415 for a non-JSON body', async () => {
		expect((await put(authArmorUserId(999), { new_username: 'x@autharmor.example' })).status).toBe(
			404,
		);
		const r = await authArmorCall(`/v4/users/${authArmorUserId(1)}`, token, {
			method: 'PUT',
			body: 'new_username=x',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(r.status).toBe(415);
	});
});

// ------------------------------------------------------------------ sandbox machinery

describe('request log and summary', () => {
	beforeEach(() => fresh());

	it('records every non-control request with the documented fields', async () => {
		const before = Date.now();
		await call(`${sb.armorUrl}/auth/authorize?x=1&x=2&y=%20z`, {
			json: { username: 'demo@armor.example', password: 'wrong' },
			headers: { 'X-Custom-Header': 'Value' },
		});
		await call(`${sb.authArmorUrl}/__sandbox/summary`);
		expect(sb.requests).toHaveLength(1);
		expect(sb.requests[0]).toEqual({
			api: 'armor',
			method: 'POST',
			path: '/auth/authorize',
			query: { x: ['1', '2'], y: ' z' },
			url: '/auth/authorize?x=1&x=2&y=%20z',
			headers: expect.objectContaining({
				'x-custom-header': 'Value',
				'content-type': 'application/json',
			}),
			body: '{"username":"demo@armor.example","password":"wrong"}',
			status: 401,
			receivedAt: expect.any(Number),
		});
		expect(sb.requests[0].receivedAt).toBeGreaterThanOrEqual(before);
	});

	it('keeps arrival order across both APIs and clears in place', async () => {
		const log = sb.requests;
		await call(`${sb.authArmorUrl}/v4/users`);
		await call(`${sb.armorUrl}/me`);
		await call(`${sb.authArmorUrl}/v3/users`);
		expect(log.map((r) => `${r.api} ${r.path} ${r.status}`)).toEqual([
			'authArmor /v4/users 401',
			'armor /me 401',
			'authArmor /v3/users 401',
		]);
		sb.clearRequests();
		expect(sb.requests).toBe(log);
		expect(log).toHaveLength(0);
	});

	it('summarises round trips by kind', async () => {
		const token = await armorLogin();
		await call(`${sb.armorUrl}/auth/token/reissue`, { json: { token } });
		await armorGet('/me', token);
		await armorGet('/accounts', token);
		await call(`${sb.armorUrl}/me`);
		const bearer = await authArmorToken();
		await authArmorCall('/v4/users', bearer);
		await call(`${sb.authArmorUrl}/v4/users`);
		await call(`${sb.authArmorUrl}/v4/users`);
		expect(sb.summary()).toEqual({
			armor: { authorize: 1, token: 1, reissue: 1, api: 3, unauthorized: 1, psk: 0 },
			authArmor: { token: 1, api: 3, unauthorized: 2 },
			services: { api: 0, unauthorized: 0 },
		});
	});
});

describe('failure injection', () => {
	beforeEach(() => fresh());

	it('answers the next `count` matching requests with the status, Retry-After and a vendor body, and records them', async () => {
		sb.injectFailures({
			api: 'armor',
			path: '/auth/authorize',
			status: 429,
			count: 2,
			retryAfter: 3,
		});
		const login = {
			json: { username: ARMOR_DEMO_USER.username, password: ARMOR_DEMO_USER.password },
		};
		for (let i = 0; i < 2; i++) {
			const r = await call(`${sb.armorUrl}/auth/authorize`, login);
			expect(r.status).toBe(429);
			expect(r.headers.get('retry-after')).toBe('3');
			expect(r.body).toEqual({ Message: expect.any(String) });
		}
		expect((await call(`${sb.armorUrl}/auth/authorize`, login)).status).toBe(200);
		expect(sb.requests.map((r) => r.status)).toEqual([429, 429, 200]);
		expect(sb.summary().armor.authorize).toBe(3);
	});

	it('applies before authentication and matches api, path prefix and method only', async () => {
		sb.injectFailures({
			api: 'authArmor',
			path: '/v4/users',
			method: 'get',
			status: 503,
			count: 1,
		});
		const bearer = await authArmorToken();
		expect((await authArmorCall('/v3/users', bearer)).status).toBe(200);
		expect((await call(`${sb.armorUrl}/v4/users`)).status).toBe(404);
		expect(
			(
				await authArmorCall(`/v4/users/${authArmorUserId(1)}`, bearer, {
					method: 'PUT',
					json: { new_username: 'p@autharmor.example' },
				})
			).status,
		).toBe(200);
		const failed = await call(`${sb.authArmorUrl}/v4/users/${authArmorUserId(1)}`);
		expect(failed.status).toBe(503);
		expect(failed.body).toEqual({
			error_code: 503,
			error_message: expect.any(String),
			tracking_id: expect.stringMatching(UUID),
		});
		expect((await authArmorCall('/v4/users', bearer)).status).toBe(200);
	});

	it('sends a given body, and uses OAuth style for the token endpoint', async () => {
		sb.injectFailures([
			{ api: 'armor', status: 500, body: { Message: 'custom' } },
			{ api: 'authArmor', path: '/connect/token', status: 500 },
		]);
		const armor = await call(`${sb.armorUrl}/me`);
		expect(armor.status).toBe(500);
		expect(armor.body).toEqual({ Message: 'custom' });
		const tokenFailure = await call(sb.authArmorTokenUrl, {
			form: { grant_type: 'client_credentials' },
		});
		expect(tokenFailure.status).toBe(500);
		expect(tokenFailure.body).toEqual({ error: 'server_error' });
	});

	it('rejects malformed specs', () => {
		expect(() => sb.injectFailures({ api: 'nope' as 'armor', status: 500 })).toThrow(TypeError);
		expect(() => sb.injectFailures({ api: 'armor', status: 42 })).toThrow(TypeError);
		expect(() => sb.injectFailures({ api: 'armor', status: 500, count: 0 })).toThrow(TypeError);
		expect(() => sb.injectFailures({ api: 'armor', status: 500, path: 'no-slash' })).toThrow(
			TypeError,
		);
	});
});

describe('knobs', () => {
	beforeEach(() => fresh());

	it('configure() validates, applies and returns all knobs', () => {
		expect(sb.configure({ mfaDelayMs: 5 })).toEqual({ ...DEFAULT_KNOBS, mfaDelayMs: 5 });
		expect(() => sb.configure({ latencyMs: -1 })).toThrow(TypeError);
		expect(() => sb.configure({ typo: true } as never)).toThrow(/Unknown sandbox knob/);
		expect(sb.configure({})).toEqual({ ...DEFAULT_KNOBS, mfaDelayMs: 5 });
	});

	it('has the documented defaults', () => {
		expect(DEFAULT_KNOBS).toEqual({
			armorTokenLifetimeSeconds: 900,
			armorExpiresInUnit: 'minutes',
			codeLifetimeSeconds: 120,
			mfaDelayMs: 0,
			meUserAsArray: false,
			authArmorTokenLifetimeSeconds: 600,
			authArmorUserCount: 25,
			latencyMs: 0,
			echoRequestsInErrors: false,
			reissueInvalidatesPrevious: false,
			refuseTokensOn: [],
			holdLoginsUntil: null,
			armorClockSkewSeconds: 0,
			pageSizeCap: null,
			authArmorApprover: { action: 'approve', afterMs: 0 },
			authArmorApproverByUser: {},
		});
	});

	it('latencyMs delays every API response but not the control endpoints', async () => {
		sb.configure({ latencyMs: 250 });
		for (const url of [`${sb.armorUrl}/me`, `${sb.authArmorUrl}/v4/users`]) {
			const started = Date.now();
			await call(url);
			expect(Date.now() - started).toBeGreaterThanOrEqual(240);
		}
		const started = Date.now();
		await call(`${sb.armorUrl}/__sandbox/summary`);
		expect(Date.now() - started).toBeLessThan(200);
	});

	it('accepts knobs as start options', async () => {
		await sb.close();
		await fresh({ authArmorUserCount: 3, meUserAsArray: true });
		const r = await authArmorCall('/v4/users', await authArmorToken());
		expect(r.body.page_info.total_record_count).toBe(3);
	});
});

describe('control endpoints', () => {
	beforeEach(() => fresh());

	it('are served on both listeners and are not recorded', async () => {
		await call(`${sb.armorUrl}/me`);
		for (const base of [sb.armorUrl, sb.authArmorUrl]) {
			const list = await call(`${base}/__sandbox/requests`);
			expect(list.status).toBe(200);
			expect(list.body).toEqual([
				expect.objectContaining({ api: 'armor', path: '/me', status: 401 }),
			]);
			const summary = await call(`${base}/__sandbox/summary`);
			expect(summary.body).toEqual(sb.summary());
		}
		expect(sb.requests).toHaveLength(1);
	});

	it('DELETE /__sandbox/requests clears the log', async () => {
		await call(`${sb.armorUrl}/me`);
		const r = await call(`${sb.authArmorUrl}/__sandbox/requests`, { method: 'DELETE' });
		expect(r.status).toBe(200);
		expect(sb.requests).toHaveLength(0);
	});

	it('POST /__sandbox/config changes knobs and refuses bad ones', async () => {
		const ok = await call(`${sb.armorUrl}/__sandbox/config`, {
			json: { meUserAsArray: true, authArmorUserCount: 40 },
		});
		expect(ok.status).toBe(200);
		expect(ok.body).toEqual(
			expect.objectContaining({ meUserAsArray: true, authArmorUserCount: 40 }),
		);
		expect(sb.configure({}).authArmorUserCount).toBe(40);
		const bad = await call(`${sb.armorUrl}/__sandbox/config`, {
			json: { armorExpiresInUnit: 'hours' },
		});
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatch(/armorExpiresInUnit/);
	});

	it('POST /__sandbox/revoke revokes every token', async () => {
		const armorToken = await armorLogin();
		const bearer = await authArmorToken();
		const r = await call(`${sb.authArmorUrl}/__sandbox/revoke`, { method: 'POST' });
		expect(r.body).toEqual({ revoked: 2 });
		expect((await armorGet('/me', armorToken)).status).toBe(401);
		expect((await authArmorCall('/v4/users', bearer)).status).toBe(401);
	});

	it('POST /__sandbox/failures queues failures and refuses bad specs', async () => {
		const r = await call(`${sb.armorUrl}/__sandbox/failures`, {
			json: { api: 'authArmor', status: 429, retryAfter: 1 },
		});
		expect(r.status).toBe(200);
		const failed = await call(sb.authArmorTokenUrl, { form: { grant_type: 'client_credentials' } });
		expect(failed.status).toBe(429);
		expect(failed.headers.get('retry-after')).toBe('1');
		const bad = await call(`${sb.armorUrl}/__sandbox/failures`, { json: { api: 'armor' } });
		expect(bad.status).toBe(400);
		expect((await call(`${sb.armorUrl}/__sandbox/nothing`)).status).toBe(404);
	});
});

// ------------------------------------------------------------------ hostile-API abilities

const ARMOR_LOGIN = {
	json: { username: ARMOR_DEMO_USER.username, password: ARMOR_DEMO_USER.password },
};
const AUTHARMOR_LOGIN = {
	form: {
		grant_type: 'client_credentials',
		client_id: AUTHARMOR_CLIENT.clientId,
		client_secret: AUTHARMOR_CLIENT.clientSecret,
	},
};

describe('redirects and non-JSON answers (failure injection)', () => {
	let foreign: ForeignListener;
	beforeEach(async () => {
		await fresh();
		foreign = await startForeignListener();
	});
	afterEach(() => foreign.close());

	it('answers `count` redirects with Location and no body, then processes normally', async () => {
		const location = `${foreign.url}/steal?x=1`;
		sb.injectFailures({ api: 'armor', path: '/auth/authorize', status: 307, location, count: 2 });
		for (let i = 0; i < 2; i++) {
			const r = await call(`${sb.armorUrl}/auth/authorize`, { ...ARMOR_LOGIN, redirect: 'manual' });
			expect(r.status).toBe(307);
			expect(r.headers.get('location')).toBe(location);
			expect(r.text).toBe('');
		}
		expect((await call(`${sb.armorUrl}/auth/authorize`, ARMOR_LOGIN)).status).toBe(200);
		expect(sb.requests.map((r) => r.status)).toEqual([307, 307, 200]);
		expect(foreign.requests).toHaveLength(0);
	});

	it('sends a followed redirect to the target (here: the foreign listener)', async () => {
		sb.injectFailures({
			api: 'authArmor',
			path: '/v4/users',
			status: 302,
			location: `${foreign.url}/x`,
		});
		const r = await call(`${sb.authArmorUrl}/v4/users`);
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ ok: true });
		expect(foreign.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /x']);
	});

	it('answers 200 with a string body as HTML or text, or with the given content type', async () => {
		sb.injectFailures([
			{ api: 'armor', path: '/me', status: 200, body: '<html>oops</html>' },
			{ api: 'armor', path: '/me', status: 200, body: 'plain words' },
			{ api: 'armor', path: '/me', status: 200, body: '{"a":', contentType: 'application/json' },
			{ api: 'armor', path: '/me', status: 200, body: { a: 1 }, contentType: 'text/plain' },
		]);
		const html = await call(`${sb.armorUrl}/me`);
		expect(html.status).toBe(200);
		expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(html.text).toBe('<html>oops</html>');
		const plain = await call(`${sb.armorUrl}/me`);
		expect(plain.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		const broken = await call(`${sb.armorUrl}/me`);
		expect(broken.headers.get('content-type')).toBe('application/json');
		expect(broken.text).toBe('{"a":');
		const mislabelled = await call(`${sb.armorUrl}/me`);
		expect(mislabelled.headers.get('content-type')).toBe('text/plain');
		expect(mislabelled.text).toBe('{"a":1}');
	});

	it('rejects a bad location, content type or status', () => {
		for (const location of ['/relative', 'ftp://example.com/', 'http:example.com', 'nonsense', 5]) {
			expect(() =>
				sb.injectFailures({ api: 'armor', status: 302, location: location as string }),
			).toThrow(/location/);
		}
		expect(() =>
			sb.injectFailures({ api: 'armor', status: 302, location: 'http://a\r\nX: y' }),
		).toThrow(TypeError);
		expect(() =>
			sb.injectFailures({ api: 'armor', status: 200, contentType: 'text/html' }),
		).toThrow(/contentType/);
		expect(() =>
			sb.injectFailures({
				api: 'armor',
				status: 200,
				body: 'x',
				contentType: 3 as unknown as string,
			}),
		).toThrow(TypeError);
		expect(() => sb.injectFailures({ api: 'armor', status: 100 })).toThrow(/status/);
		expect(() =>
			sb.injectFailures({ api: 'armor', status: 302, location: 'https://ok.example/' }),
		).not.toThrow();
	});
});

describe('echoRequestsInErrors', () => {
	const ARMOR_TOKEN = '0123456789abcdef0123456789abcdef';
	const BEARER = 'not-a-real-bearer-token';
	const BODY = '{"secret":"body-secret-123"}';

	beforeEach(() => fresh());

	/** One erroring request per case: its status, the message field 'json' mode uses, and the extra fields. */
	const cases = [
		{
			name: 'Armor 401',
			send: () => armorGet('/me', ARMOR_TOKEN),
			status: 401,
			field: 'Message',
			message: 'Authorization has been denied for this request.',
		},
		{
			name: 'Armor 404',
			send: () =>
				call(`${sb.armorUrl}/nope?q=1`, {
					method: 'POST',
					body: BODY,
					headers: { Authorization: `FH-AUTH ${ARMOR_TOKEN}` },
				}),
			status: 404,
			field: 'Message',
			message: "No HTTP resource was found that matches the request URI '/nope'.",
		},
		{
			name: 'Armor injected 502',
			inject: () => sb.injectFailures({ api: 'armor', path: '/me', status: 502 }),
			send: () => armorGet('/me', ARMOR_TOKEN),
			status: 502,
			field: 'Message',
			message: 'An error has occurred.',
		},
		{
			name: 'Auth Armor 401',
			send: () => authArmorCall('/v4/users', BEARER),
			status: 401,
			field: 'error_message',
			message: 'Unauthorized.',
		},
		{
			name: 'Auth Armor 404 with a valid token',
			send: async () =>
				authArmorCall(`/v4/users/${authArmorUserId(999)}`, await authArmorToken(), {
					method: 'PUT',
					json: { new_username: 'body-secret-123' },
				}),
			status: 404,
			field: 'error_message',
			message: 'User not found.',
		},
		{
			name: 'Auth Armor 404 outside /v4',
			send: () => authArmorCall('/nothing', BEARER, { method: 'PUT', body: BODY }),
			status: 404,
			field: 'error_message',
			message: 'Not found.',
		},
		{
			name: 'Auth Armor injected 502',
			inject: () => sb.injectFailures({ api: 'authArmor', path: '/v4/users', status: 502 }),
			send: () => authArmorCall('/v4/users', BEARER),
			status: 502,
			field: 'error_message',
			message: 'An unexpected error occurred.',
		},
		{
			name: 'Auth Armor token 400',
			send: () =>
				call(sb.authArmorTokenUrl, {
					form: { grant_type: 'client_credentials', client_id: 'x', client_secret: 'wrong-secret' },
					headers: { Authorization: basic('x', 'basic-secret') },
				}),
			status: 400,
			field: 'error_description',
			message: 'invalid_client',
		},
	];

	it.each(cases)("'json': $name keeps the vendor shape and echoes the request", async (c) => {
		sb.configure({ echoRequestsInErrors: 'json' });
		c.inject?.();
		const r = await c.send();
		expect(r.status).toBe(c.status);
		expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
		const recorded = sb.requests[sb.requests.length - 1];
		const echo = `Request: ${recorded.method} ${recorded.url}\n`;
		expect(r.body[c.field]).toContain(`${c.message} ${echo}`);
		expect(r.body[c.field]).toContain(`authorization: ${recorded.headers.authorization}`);
		expect(r.body[c.field].endsWith(`\n\n${recorded.body}`)).toBe(true);
		expect(r.body.request).toEqual({
			method: recorded.method,
			url: recorded.url,
			headers: recorded.headers,
			body: recorded.body,
		});
		if (c.field === 'error_message') {
			expect(r.body).toEqual(
				expect.objectContaining({ error_code: c.status, tracking_id: expect.stringMatching(UUID) }),
			);
		}
		if (c.field === 'error_description') expect(r.body.error).toBe('invalid_client');
	});

	it.each(cases)("'html': $name answers an HTML page with the request in a <pre>", async (c) => {
		sb.configure({ echoRequestsInErrors: 'html' });
		c.inject?.();
		const r = await c.send();
		expect(r.status).toBe(c.status);
		expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
		const recorded = sb.requests[sb.requests.length - 1];
		const pre = /<pre>([\s\S]*)<\/pre>/.exec(r.text)?.[1] ?? '';
		expect(pre.startsWith(`Request: ${recorded.method} ${recorded.url}\n`)).toBe(true);
		expect(pre).toContain(`authorization: ${recorded.headers.authorization}`);
		expect(pre.endsWith(`\n\n${recorded.body}`)).toBe(true);
		expect(r.text).toContain(`<p>${c.message}</p>`);
	});

	it('echoes the password of a failed login and keeps headers such as WWW-Authenticate', async () => {
		sb.configure({ echoRequestsInErrors: 'json' });
		const login = await call(`${sb.armorUrl}/auth/authorize`, {
			json: { username: ARMOR_DEMO_USER.username, password: 'wrong-password' },
		});
		expect(login.status).toBe(401);
		expect(login.body.Message).toMatch(/^Invalid username or password\. Request: POST/);
		expect(login.body.Message).toContain('"password":"wrong-password"');
		sb.configure({ echoRequestsInErrors: 'html' });
		const denied = await authArmorCall('/v4/users', BEARER);
		expect(denied.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
		expect(denied.text).toContain(`authorization: Bearer ${BEARER}`);
	});

	it('leaves successes, redirects and injected failures with an explicit body alone', async () => {
		sb.configure({ echoRequestsInErrors: 'json' });
		sb.injectFailures([
			{ api: 'armor', path: '/me', status: 500, body: { Message: 'as given' } },
			{ api: 'armor', path: '/me', status: 302, location: 'http://127.0.0.1:9/' },
		]);
		expect((await armorGet('/me', ARMOR_TOKEN)).body).toEqual({ Message: 'as given' });
		const redirect = await call(`${sb.armorUrl}/me`, { redirect: 'manual' });
		expect(redirect.status).toBe(302);
		expect(redirect.text).toBe('');
		const ok = await call(`${sb.armorUrl}/auth/authorize`, ARMOR_LOGIN);
		expect(ok.body).toEqual({ redirect_uri: null, code: expect.any(String), success: true });
	});

	it('is off by default and rejects other values', async () => {
		expect((await armorGet('/me', ARMOR_TOKEN)).body).toEqual({
			Message: 'Authorization has been denied for this request.',
		});
		expect((await authArmorCall('/v4/users', BEARER)).text).toBe('');
		for (const value of [true, 'xml', 'JSON', null]) {
			expect(() => sb.configure({ echoRequestsInErrors: value as 'json' })).toThrow(
				/echoRequestsInErrors/,
			);
		}
	});
});

describe('reissueInvalidatesPrevious', () => {
	beforeEach(() => fresh());

	it('revokes the token a successful reissue was given', async () => {
		sb.configure({ reissueInvalidatesPrevious: true });
		const old = await armorLogin();
		const r = await call(`${sb.armorUrl}/auth/token/reissue`, { json: { token: old } });
		expect(r.status).toBe(200);
		expect((await armorGet('/me', old)).status).toBe(401);
		expect((await armorGet('/me', r.body.access_token)).status).toBe(200);
		const again = await call(`${sb.armorUrl}/auth/token/reissue`, { json: { token: old } });
		expect(again.status).toBe(401);
		expect(again.body).toEqual({ Message: 'Invalid or expired token.' });
	});

	it('rejects a non-boolean', () => {
		expect(() => sb.configure({ reissueInvalidatesPrevious: 'yes' as unknown as boolean })).toThrow(
			/reissueInvalidatesPrevious/,
		);
	});
});

describe('refuseTokensOn', () => {
	beforeEach(() => fresh());

	it('refuses every Armor token under a prefix (case-insensitive) as invalid, and counts it', async () => {
		const token = await armorLogin();
		sb.configure({ refuseTokensOn: ['/ME'] });
		sb.clearRequests();
		const r = await armorGet('/me', token);
		expect(r.status).toBe(401);
		expect(r.body).toEqual({ Message: 'Authorization has been denied for this request.' });
		expect((await armorGet('/accounts', token)).status).toBe(200);
		// Logins still work; the fresh token is refused too.
		const fresh = await armorLogin();
		expect((await armorGet('/me/', fresh)).status).toBe(401);
		expect(sb.summary().armor.unauthorized).toBe(2);
		sb.configure({ refuseTokensOn: [] });
		expect((await armorGet('/me', fresh)).status).toBe(200);
	});

	it('refuses Auth Armor bearer tokens with the vendor 401', async () => {
		const bearer = await authArmorToken();
		sb.configure({ refuseTokensOn: ['/v4/users/'] });
		const r = await authArmorCall(`/v4/users/${authArmorUserId(1)}`, bearer);
		expect(r.status).toBe(401);
		expect(r.text).toBe('');
		expect(r.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
		expect((await authArmorCall('/v4/users', bearer)).status).toBe(200);
		expect(sb.summary().authArmor.unauthorized).toBe(1);
	});

	it('affects login, token and reissue endpoints only when listed', async () => {
		const token = await armorLogin();
		sb.configure({ refuseTokensOn: ['/auth/token/reissue', '/connect/token'] });
		const reissued = await call(`${sb.armorUrl}/auth/token/reissue`, { json: { token } });
		expect(reissued.status).toBe(401);
		expect(reissued.body).toEqual({ Message: 'Invalid or expired token.' });
		const refusedClient = await call(sb.authArmorTokenUrl, AUTHARMOR_LOGIN);
		expect(refusedClient.status).toBe(400);
		expect(refusedClient.body).toEqual({ error: 'invalid_client' });
		expect((await armorGet('/me', token)).status).toBe(200);
		await armorLogin();
		sb.configure({ refuseTokensOn: ['/auth/'] });
		const login = await call(`${sb.armorUrl}/auth/authorize`, ARMOR_LOGIN);
		expect(login.status).toBe(401);
		expect(login.body).toEqual({ Message: 'Invalid username or password.' });
	});

	it('takes a copy and rejects anything but an array of paths', () => {
		const prefixes = ['/me'];
		sb.configure({ refuseTokensOn: prefixes });
		prefixes.push('/accounts');
		expect(sb.configure({}).refuseTokensOn).toEqual(['/me']);
		for (const value of ['/me', ['me'], [1], null]) {
			expect(() => sb.configure({ refuseTokensOn: value as string[] })).toThrow(/refuseTokensOn/);
		}
	});
});

describe('injectDelays', () => {
	beforeEach(() => fresh());

	async function timed(send: () => Promise<CallResult>) {
		const started = Date.now();
		const r = await send();
		return { status: r.status, ms: Date.now() - started };
	}

	it('holds the next `count` matching requests, then none', async () => {
		const token = await armorLogin();
		sb.injectDelays({ api: 'armor', path: '/me', method: 'get', delayMs: 300, count: 2 });
		expect((await timed(() => armorGet('/accounts', token))).ms).toBeLessThan(250);
		expect((await timed(() => call(`${sb.authArmorUrl}/me`))).ms).toBeLessThan(250);
		for (let i = 0; i < 2; i++) {
			const r = await timed(() => armorGet('/me', token));
			expect(r.status).toBe(200);
			expect(r.ms).toBeGreaterThanOrEqual(290);
		}
		expect((await timed(() => armorGet('/me', token))).ms).toBeLessThan(250);
	});

	it('combines with an injected failure (held, then failed)', async () => {
		sb.injectDelays({ api: 'authArmor', delayMs: 250 });
		sb.injectFailures({ api: 'authArmor', status: 503 });
		const r = await timed(() => call(sb.authArmorTokenUrl, AUTHARMOR_LOGIN));
		expect(r.status).toBe(503);
		expect(r.ms).toBeGreaterThanOrEqual(240);
	});

	it('is available as POST /__sandbox/delays, which refuses bad specs', async () => {
		const ok = await call(`${sb.authArmorUrl}/__sandbox/delays`, {
			json: [{ api: 'armor', path: '/auth/authorize', delayMs: 300 }],
		});
		expect(ok.body).toEqual({ queued: 1 });
		expect(
			(await timed(() => call(`${sb.armorUrl}/auth/authorize`, ARMOR_LOGIN))).ms,
		).toBeGreaterThanOrEqual(290);
		const bad = await call(`${sb.armorUrl}/__sandbox/delays`, {
			json: { api: 'armor', delayMs: -1 },
		});
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatch(/delayMs/);
	});

	it('rejects malformed specs, queueing none of a bad list', async () => {
		for (const spec of [
			{ api: 'nope', delayMs: 1 },
			{ api: 'armor' },
			{ api: 'armor', delayMs: Infinity },
			{ api: 'armor', delayMs: 1, count: 0 },
			{ api: 'armor', delayMs: 1, path: 'me' },
			{ api: 'armor', delayMs: 1, status: 500 },
		]) {
			expect(() => sb.injectDelays(spec as never)).toThrow(TypeError);
		}
		expect(() =>
			sb.injectDelays([
				{ api: 'armor', delayMs: 5000 },
				{ api: 'armor', delayMs: -1 },
			]),
		).toThrow(TypeError);
		expect((await timed(() => call(`${sb.armorUrl}/me`))).ms).toBeLessThan(1000);
	});

	it('close() ends a pending delay promptly', async () => {
		sb.injectDelays({ api: 'armor', delayMs: 10_000 });
		const outcome = fetch(`${sb.armorUrl}/me`).then(
			() => 'answered',
			() => 'failed',
		);
		await sleep(100);
		const started = Date.now();
		await sb.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await outcome).toBe('failed');
	});
});

describe('holdLoginsUntil', () => {
	beforeEach(() => fresh());

	const armorLoginCall = () => call(`${sb.armorUrl}/auth/authorize`, ARMOR_LOGIN);
	const authArmorLoginCall = () => call(sb.authArmorTokenUrl, AUTHARMOR_LOGIN);

	it('holds logins of both APIs until `count` wait at once, then lets them all go', async () => {
		sb.configure({ holdLoginsUntil: { count: 3, timeoutMs: 10_000 } });
		const answered: string[] = [];
		const first = armorLoginCall().then((r) => answered.push(`armor ${r.status}`));
		const second = authArmorLoginCall().then((r) => answered.push(`authArmor ${r.status}`));
		await sleep(200);
		expect(sb.waitingLogins()).toBe(2);
		expect(answered).toEqual([]);
		// Other requests are not held.
		expect((await call(`${sb.armorUrl}/auth/token`, { json: {} })).status).toBe(400);
		const started = Date.now();
		const third = await armorLoginCall();
		await Promise.all([first, second]);
		expect(Date.now() - started).toBeLessThan(1000);
		expect(third.status).toBe(200);
		expect(answered.sort()).toEqual(['armor 200', 'authArmor 200']);
		expect(sb.waitingLogins()).toBe(0);
	});

	it('lets each login go `timeoutMs` after it arrived', async () => {
		sb.configure({ holdLoginsUntil: { count: 5, timeoutMs: 300 } });
		const started = Date.now();
		const r = await authArmorLoginCall();
		expect(r.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(Date.now() - started).toBeLessThan(2000);
		expect(sb.waitingLogins()).toBe(0);
	});

	it('releases the held logins when switched off', async () => {
		sb.configure({ holdLoginsUntil: { count: 2, timeoutMs: 10_000 } });
		const pending = armorLoginCall();
		await sleep(150);
		expect(sb.waitingLogins()).toBe(1);
		sb.configure({ holdLoginsUntil: null });
		expect((await pending).status).toBe(200);
		expect(sb.waitingLogins()).toBe(0);
	});

	it('close() ends held logins promptly', async () => {
		sb.configure({ holdLoginsUntil: { count: 2, timeoutMs: 10_000 } });
		const outcome = armorLoginCall().then(
			() => 'answered',
			() => 'failed',
		);
		await sleep(100);
		const started = Date.now();
		await sb.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await outcome).toBe('failed');
	});

	it('rejects bad values', async () => {
		for (const value of [
			{ count: 0, timeoutMs: 100 },
			{ count: 1.5, timeoutMs: 100 },
			{ count: 2 },
			{ count: 2, timeoutMs: -1 },
			{ count: 2, timeoutMs: 100, extra: 1 },
			[2, 100],
			3,
		]) {
			expect(() => sb.configure({ holdLoginsUntil: value as never })).toThrow(/holdLoginsUntil/);
		}
		const bad = await call(`${sb.armorUrl}/__sandbox/config`, {
			json: { holdLoginsUntil: { count: 0, timeoutMs: 1 } },
		});
		expect(bad.status).toBe(400);
		const ok = await call(`${sb.armorUrl}/__sandbox/config`, {
			json: { holdLoginsUntil: { count: 2, timeoutMs: 1 } },
		});
		expect(ok.body.holdLoginsUntil).toEqual({ count: 2, timeoutMs: 1 });
	});
});

describe('startForeignListener', () => {
	let foreign: ForeignListener;
	beforeEach(async () => {
		await fresh();
		foreign = await startForeignListener();
	});
	afterEach(() => foreign.close());

	it('records every request and answers 200 {"ok":true}', async () => {
		expect(foreign.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const before = Date.now();
		const r = await call(`${foreign.url}/any/path?token=t1`, {
			method: 'PATCH',
			body: 'raw body',
			headers: { Authorization: 'FH-AUTH t2', 'Content-Type': 'text/plain' },
		});
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ ok: true });
		await call(`${foreign.url}/`, { method: 'DELETE' });
		expect(foreign.requests).toEqual([
			{
				method: 'PATCH',
				url: '/any/path?token=t1',
				path: '/any/path',
				headers: expect.objectContaining({ authorization: 'FH-AUTH t2' }),
				body: 'raw body',
				receivedAt: expect.any(Number),
			},
			expect.objectContaining({ method: 'DELETE', path: '/', body: '' }),
		]);
		expect(foreign.requests[0].receivedAt).toBeGreaterThanOrEqual(before);
		const log = foreign.requests;
		foreign.clear();
		expect(foreign.requests).toBe(log);
		expect(log).toHaveLength(0);
	});

	it('leaks() names the secrets found in a url, a header or a body, also encoded', async () => {
		expect(foreign.leaks(['anything'])).toEqual([]);
		await call(`${foreign.url}/cb?access_token=in-url`, {
			form: { client_secret: 'in form+body' },
			headers: { 'X-Token': 'in-header', Authorization: basic('client', 'in-basic') },
		});
		expect(
			foreign.leaks(['in-url', 'in form+body', 'in-header', 'in-basic', 'absent', '', 'in-url']),
		).toEqual(['in-url', 'in form+body', 'in-header', 'in-basic']);
		expect(() => foreign.leaks('in-url' as never)).toThrow(TypeError);
		foreign.clear();
		expect(foreign.leaks(['in-url'])).toEqual([]);
	});

	it('close() stops it', async () => {
		const other = await startForeignListener();
		await other.close();
		await expect(fetch(other.url)).rejects.toThrow();
	});
});

// ------------------------------------------------------------------ CLI

describe('cli.js', () => {
	const cli = path.join(__dirname, '..', 'sandbox', 'cli.js');
	const children: ChildProcess[] = [];

	// A failed expectation must not leave a CLI running (it would keep jest alive).
	afterEach(() => {
		for (const child of children.splice(0))
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	});

	function run(args: string[]) {
		const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
		children.push(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const exited = new Promise<number | null>((resolve) =>
			child.on('exit', (code) => resolve(code)),
		);
		const firstLine = new Promise<string>((resolve, reject) => {
			child.stdout.on('data', () => stdout.includes('\n') && resolve(stdout.split('\n')[0]));
			child.on('exit', () => reject(new Error(`cli exited early: ${stderr}`)));
		});
		firstLine.catch(() => undefined); // awaited only where the CLI is expected to start
		return { child, firstLine, exited, output: () => ({ stdout, stderr }) };
	}

	it('prints one JSON line, serves both APIs with the given knobs, and exits 0 on SIGTERM', async () => {
		const proc = run([
			'--token-lifetime',
			'120',
			'--armor-expires-in-unit',
			'seconds',
			'--me-user-as-array',
			'--autharmor-user-count=3',
		]);
		const urls = JSON.parse(await proc.firstLine) as Record<string, string>;
		expect(Object.keys(urls)).toEqual([
			'armorUrl',
			'authArmorUrl',
			'authArmorTokenUrl',
			'servicesUrl',
		]);
		expect(urls.authArmorTokenUrl).toBe(`${urls.authArmorUrl}/connect/token`);

		const code = (
			await call(`${urls.armorUrl}/auth/authorize`, {
				json: { username: 'demo@armor.example', password: 'demo-password' },
			})
		).body.code;
		const token = await call(`${urls.armorUrl}/auth/token`, {
			json: { code, grant_type: 'authorization_code' },
		});
		expect(token.body.expires_in).toBe(120);
		const me = await call(`${urls.armorUrl}/me`, {
			headers: { Authorization: `FH-AUTH ${token.body.access_token}` },
		});
		expect(Array.isArray(me.body.user)).toBe(true);
		const bearer = await call(urls.authArmorTokenUrl, {
			form: {
				grant_type: 'client_credentials',
				client_id: 'sandbox-client',
				client_secret: 'sandbox-secret',
			},
		});
		expect(bearer.body.expires_in).toBe(120);
		const users = await call(`${urls.authArmorUrl}/v4/users`, {
			headers: { Authorization: `Bearer ${bearer.body.access_token}` },
		});
		expect(users.body.page_info.total_record_count).toBe(3);

		proc.child.kill('SIGTERM');
		expect(await proc.exited).toBe(0);
		const { stdout, stderr } = proc.output();
		expect(stdout.trim().split('\n')).toHaveLength(1);
		expect(stderr).toBe('');
		expect(stdout).not.toContain('demo-password');
		expect(stdout).not.toContain(token.body.access_token);
	});

	it('takes the hostile-API knobs in their command-line forms', async () => {
		const proc = run([
			'--echo-requests-in-errors',
			'html',
			'--reissue-invalidates-previous',
			'--refuse-tokens-on',
			'/me,/accounts',
			'--hold-logins-until=2:500',
		]);
		const urls = JSON.parse(await proc.firstLine) as Record<string, string>;
		const config = await call(`${urls.armorUrl}/__sandbox/config`);
		expect(config.body).toEqual(
			expect.objectContaining({
				echoRequestsInErrors: 'html',
				reissueInvalidatesPrevious: true,
				refuseTokensOn: ['/me', '/accounts'],
				holdLoginsUntil: { count: 2, timeoutMs: 500 },
			}),
		);
		proc.child.kill('SIGTERM');
		expect(await proc.exited).toBe(0);
	});

	it('exits 0 on SIGINT', async () => {
		const proc = run([]);
		await proc.firstLine;
		proc.child.kill('SIGINT');
		expect(await proc.exited).toBe(0);
	});

	it('exits 1 with nothing on stdout for an unknown option or a bad knob value', async () => {
		for (const args of [
			['--no-such-option', '1'],
			['--mfa-delay-ms', 'soon'],
			['--echo-requests-in-errors', 'xml'],
			['--hold-logins-until', 'soon'],
		]) {
			const proc = run(args);
			expect(await proc.exited).toBe(1);
			expect(proc.output().stdout).toBe('');
			expect(proc.output().stderr).not.toBe('');
		}
	});
});
