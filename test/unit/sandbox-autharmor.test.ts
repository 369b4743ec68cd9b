/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * Tests of the sandbox's Auth Armor flows (test/sandbox/autharmor/): auth requests (authenticator, magic-link
 * email, WebAuthn) with the approver knobs and time passing, nonces, auth history and credentials (paging, the
 * empty GUID + username header), registrations (v4 and v3), token scopes and the request-auth-only client,
 * the v3 forms and the v4-only paths' 404 under /v3, the request log.
 */
import axios, { type AxiosResponse } from 'axios';
import {
	startSandbox,
	AUTHARMOR_AUTH_HISTORY_PER_USER,
	AUTHARMOR_CLIENT,
	AUTHARMOR_CLIENTS,
	AUTHARMOR_DEFAULT_AUTH_TIMEOUT_SECONDS,
	AUTHARMOR_EMPTY_GUID,
	AUTHARMOR_REQUEST_AUTH_CLIENT,
	AUTHARMOR_SCOPE_GENERATE_INVITE_CODE,
	AUTHARMOR_SCOPE_REQUEST_AUTH,
	DEFAULT_KNOBS,
	authArmorAuthHistory,
	authArmorAuthHistoryRecord,
	authArmorCredentialId,
	authArmorCredentials,
	authArmorDefaultUser,
	authArmorDefaultUsername,
	authArmorEnrolledAuthMethods,
	authArmorUserId,
	type AuthArmorClient,
	type Sandbox,
	type SandboxOptions,
} from '../sandbox/server';
import { outcomeAt } from '../sandbox/autharmor/person';

jest.setTimeout(20_000);

// ------------------------------------------------------------------ helpers

// No proxy from the environment, no throwing on 4xx/5xx, bodies sent exactly as given.
const http = axios.create({
	proxy: false,
	validateStatus: () => true,
	transformRequest: [(data) => data],
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const LINK_HEADER = 'x-autharmor-sandbox-email-link';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sb: Sandbox;
let token: string;

async function fresh(options: SandboxOptions = {}): Promise<Sandbox> {
	sb = await startSandbox(options);
	token = await tokenFor();
	return sb;
}

afterEach(async () => {
	await sb?.close();
});

async function tokenFor(client: AuthArmorClient = AUTHARMOR_CLIENT, scope?: string) {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: client.clientId,
		client_secret: client.clientSecret,
	});
	if (scope !== undefined) form.set('scope', scope);
	const r = await http.post(sb.authArmorTokenUrl, form.toString(), {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	});
	expect(r.status).toBe(200);
	return r.data.access_token as string;
}

interface CallInit {
	/** Sent as JSON (application/json). */
	json?: unknown;
	/** Sent as is, with `contentType`. */
	body?: string;
	contentType?: string;
	headers?: Record<string, string>;
	/** Default: the sandbox's full client. */
	token?: string;
}

function call(method: string, path: string, init: CallInit = {}): Promise<AxiosResponse> {
	const headers: Record<string, string> = {
		Authorization: `Bearer ${init.token ?? token}`,
		...init.headers,
	};
	let data: string | undefined = init.body;
	if (init.json !== undefined) data = JSON.stringify(init.json);
	if (data !== undefined) headers['Content-Type'] = init.contentType ?? 'application/json';
	return http.request({ method, url: `${sb.authArmorUrl}${path}`, headers, data });
}

const get = (path: string, init?: CallInit) => call('GET', path, init);
const post = (path: string, json: unknown = {}, init: CallInit = {}) =>
	call('POST', path, { json, ...init });

function expectError(r: AxiosResponse, status: number, text?: string | RegExp) {
	expect(r.status).toBe(status);
	expect(r.data).toEqual({
		error_code: status,
		error_message: text === undefined ? expect.any(String) : text,
		tracking_id: expect.stringMatching(UUID),
	});
}

const USER1 = authArmorDefaultUser(1);
const USER2 = authArmorDefaultUser(2);
const USER3 = authArmorDefaultUser(3);

/** Starts an authenticator auth request for a username. */
async function startAuthenticator(
	body: Record<string, unknown> = {},
	version = 'v4',
): Promise<AxiosResponse> {
	const r = await post(`/${version}/auth/authenticator/start`, {
		username: USER1.username,
		nonce: 'n-1',
		action_name: 'Login',
		short_msg: 'Sign in to n8n',
		...body,
	});
	expect(r.status).toBe(200);
	return r;
}

const authInfo = (id: string) => get(`/v4/auth/${id}`);

/** The query parameters of the simulated email's link (header X-AuthArmor-Sandbox-Email-Link). */
function emailLink(r: AxiosResponse): URLSearchParams {
	const link = String(r.headers[LINK_HEADER]);
	return new URL(link).searchParams;
}

/** Blocks until Date.now() has passed `ms` since `start`. */
async function until(start: number, ms: number) {
	const left = start + ms - Date.now();
	if (left > 0) await sleep(left + 5);
}

// ------------------------------------------------------------------ tokens and access

describe('Auth Armor clients, scopes and access', () => {
	beforeEach(() => fresh());

	it('has a request-auth-only client that may not ask for the invite scope', async () => {
		expect(AUTHARMOR_CLIENTS).toEqual([AUTHARMOR_CLIENT, AUTHARMOR_REQUEST_AUTH_CLIENT]);
		expect(AUTHARMOR_REQUEST_AUTH_CLIENT).toEqual({
			clientId: 'sandbox-request-auth-client',
			clientSecret: 'sandbox-request-auth-secret',
			scopes: [AUTHARMOR_SCOPE_REQUEST_AUTH],
			manageUsers: false,
		});
		const payload = JSON.parse(
			Buffer.from(
				(await tokenFor(AUTHARMOR_REQUEST_AUTH_CLIENT)).split('.')[1],
				'base64url',
			).toString(),
		);
		expect(payload).toMatchObject({
			client_id: 'sandbox-request-auth-client',
			scope: ['aarmor.api.request_auth'],
		});
		const r = await http.post(
			sb.authArmorTokenUrl,
			new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: AUTHARMOR_REQUEST_AUTH_CLIENT.clientId,
				client_secret: AUTHARMOR_REQUEST_AUTH_CLIENT.clientSecret,
				scope: AUTHARMOR_SCOPE_GENERATE_INVITE_CODE,
			}).toString(),
			{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
		);
		expect(r.data).toEqual({ error: 'invalid_scope' });
		const wrongSecret = await http.post(
			sb.authArmorTokenUrl,
			new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: AUTHARMOR_REQUEST_AUTH_CLIENT.clientId,
				client_secret: AUTHARMOR_CLIENT.clientSecret,
			}).toString(),
			{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
		);
		expect(wrongSecret.data).toEqual({ error: 'invalid_client' });
	});

	it('answers 403 (empty) to the request-auth-only client on every user route, v3 and v4', async () => {
		const limited = await tokenFor(AUTHARMOR_REQUEST_AUTH_CLIENT);
		const id = authArmorUserId(1);
		const attempts: Array<[string, string]> = [
			['GET', '/v4/users'],
			['GET', '/v4/users?page_number=1&page_size=1'], // what the credential test sends
			['GET', '/v3/users'],
			['GET', `/v4/users/${id}`],
			['PUT', `/v4/users/${id}`],
			['GET', `/v4/users/${id}/auth_history`],
			['GET', `/v4/users/${id}/credentials`],
			['GET', `/v4/users/${id}/credentials/webauthn`],
			['POST', `/v4/users/${id}/credentials/${authArmorCredentialId(1, 1)}/disable`],
			['POST', '/v4/users/registrations/authenticator/start'],
			['GET', `/v4/users/registrations/${id}`],
			['POST', '/v3/users/authenticator/register/start'],
		];
		for (const [method, path] of attempts) {
			const r = await call(method, path, { token: limited, json: { username: 'x' } });
			expect([method, path, r.status, r.data]).toEqual([method, path, 403, '']);
		}
		// Nothing was disabled.
		const credential = await get(`/v4/users/${id}/credentials/${authArmorCredentialId(1, 1)}`);
		expect(credential.data.enabled).toBe(true);
	});

	it('lets the request-auth-only client start, read and validate auth requests', async () => {
		const limited = await tokenFor(AUTHARMOR_REQUEST_AUTH_CLIENT);
		const start = await post(
			'/v4/auth/authenticator/start',
			{ username: USER1.username, nonce: 'abc' },
			{ token: limited },
		);
		expect(start.status).toBe(200);
		const info = await get(`/v4/auth/${start.data.auth_request_id}`, { token: limited });
		expect(info.status).toBe(200);
		const validated = await post(
			'/v4/auth/authenticator/validate',
			{
				auth_request_id: start.data.auth_request_id,
				auth_validation_token: start.data.auth_validation_token,
				nonce: 'abc',
			},
			{ token: limited },
		);
		expect(validated.status).toBe(200);
		expect(validated.data.validate_auth_response_details.authorized).toBe(true);
	});

	it('answers 403 on the auth routes to a token without aarmor.api.request_auth; users stay open', async () => {
		const inviteOnly = await tokenFor(AUTHARMOR_CLIENT, AUTHARMOR_SCOPE_GENERATE_INVITE_CODE);
		for (const [method, path] of [
			['POST', '/v4/auth/authenticator/start'],
			['POST', '/v4/auth/magiclink_email/validate'],
			['POST', '/v3/auth/webauthn/start'],
			['GET', `/v4/auth/${AUTHARMOR_EMPTY_GUID}`],
		]) {
			const r = await call(method, path, { token: inviteOnly, json: {} });
			expect(r.status).toBe(403);
			expect(r.data).toBe('');
			expect(r.headers['www-authenticate']).toBe(
				'Bearer error="insufficient_scope", scope="aarmor.api.request_auth"',
			);
		}
		expect((await get('/v4/users', { token: inviteOnly })).status).toBe(200);
		// The full client's token scoped to request_auth keeps managing users.
		const authOnly = await tokenFor(AUTHARMOR_CLIENT, AUTHARMOR_SCOPE_REQUEST_AUTH);
		expect((await get('/v4/users', { token: authOnly })).status).toBe(200);
	});

	it('checks the token before the route, the route before the method, the method before access', async () => {
		const limited = await tokenFor(AUTHARMOR_REQUEST_AUTH_CLIENT);
		expect((await get('/v4/users', { token: 'nope' })).status).toBe(401);
		expectError(await get('/v4/not-a-route', { token: limited }), 404, 'Not found.');
		const wrongMethod = await call('DELETE', '/v4/users', { token: limited });
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.headers.allow).toBe('GET');
		expect((await get('/v4/users', { token: limited })).status).toBe(403);
	});
});

// ------------------------------------------------------------------ auth requests

describe('Auth Armor authenticator auth requests', () => {
	beforeEach(() => fresh());

	it('starts with the spec fields, completes at once by default and validates once with the nonce', async () => {
		const before = Date.now();
		const start = await startAuthenticator({ send_push: true, use_visual_verify: true });
		expect(start.data).toEqual({
			auth_validation_token: expect.any(String),
			auth_request_id: expect.stringMatching(UUID),
			user_id: USER1.user_id,
			visual_verify_value: expect.stringMatching(/^\d\d$/),
			response_code: 0,
			response_message: 'Success',
			qr_code_data: `https://qr.autharmor.example/auth/${start.data.auth_request_id}`,
			push_message_sent: true,
			timeout_in_seconds: AUTHARMOR_DEFAULT_AUTH_TIMEOUT_SECONDS,
			timeout_utc_datetime: expect.stringMatching(ISO),
		});
		const timeoutAt = Date.parse(start.data.timeout_utc_datetime);
		expect(timeoutAt - before).toBeGreaterThanOrEqual(60_000 - 5);

		const info = await authInfo(start.data.auth_request_id);
		expect(info.status).toBe(200);
		expect(info.data).toMatchObject({
			auth_request_status_id: 2,
			auth_request_status_name: 'Completed',
			auth_response: {
				auth_history_id: start.data.auth_request_id,
				result_code: 2,
				result_message: 'Success',
				authorized: true,
				auth_details: {
					request_details: {
						date: expect.stringMatching(ISO),
						auth_profile_details: { user_id: USER1.user_id, username: USER1.username },
						origin_location_data: null,
						auth_method: 'AuthArmorAuthenticator',
					},
					response_details: {
						date: expect.stringMatching(ISO),
						auth_method: { name: 'AuthArmorAuthenticator', usetype: 'biometric' },
						secure_signed_message: {
							signed_data_type: 'AuthResponse',
							signature_data: { signing_method: 'AuthArmor_ECDsa', hash_method: 'Sha256' },
						},
						mobile_device_details: { platform: 'iOS', model: 'iPhone 15' },
						auth_profile_details: { user_id: USER1.user_id, username: USER1.username },
					},
				},
			},
		});

		const body = {
			auth_request_id: start.data.auth_request_id,
			auth_validation_token: start.data.auth_validation_token,
			nonce: 'n-1',
			ip_address: '203.0.113.9',
			user_agent: 'jest',
		};
		const validated = await post('/v4/auth/authenticator/validate', body);
		expect(validated.status).toBe(200);
		expect(validated.data).toEqual({
			auth_request_status_id: 2,
			auth_request_status_name: 'Completed',
			validate_auth_response_details: {
				...info.data.auth_response,
				context_data: null,
			},
		});
		// Who approved and when.
		const response = validated.data.validate_auth_response_details.auth_details.response_details;
		expect(response.auth_profile_details).toEqual({
			user_id: USER1.user_id,
			username: USER1.username,
		});
		expect(Date.parse(response.date)).toBeGreaterThanOrEqual(before);

		expectError(
			await post('/v4/auth/authenticator/validate', body),
			400,
			'The auth request has already been validated.',
		);
	});

	it('refuses a validation whose nonce differs from the start (vendor-style 400)', async () => {
		const start = await startAuthenticator({ nonce: 'expected-nonce' });
		const base = {
			auth_request_id: start.data.auth_request_id,
			auth_validation_token: start.data.auth_validation_token,
		};
		for (const nonce of ['other-nonce', undefined, '']) {
			expectError(
				await post('/v4/auth/authenticator/validate', { ...base, nonce }),
				400,
				'nonce does not match the nonce the auth request was started with.',
			);
		}
		expectError(
			await post('/v4/auth/authenticator/validate', {
				...base,
				auth_validation_token: 'forged',
				nonce: 'expected-nonce',
			}),
			400,
			'auth_validation_token is not valid for this auth request.',
		);
		// The failed attempts did not use the validation up.
		const ok = await post('/v4/auth/authenticator/validate', { ...base, nonce: 'expected-nonce' });
		expect(ok.status).toBe(200);

		// Started without a nonce: validated without one (null or empty alike).
		const bare = await startAuthenticator({ nonce: null });
		const bareOk = await post('/v4/auth/authenticator/validate', {
			auth_request_id: bare.data.auth_request_id,
			auth_validation_token: bare.data.auth_validation_token,
			nonce: '',
		});
		expect(bareOk.status).toBe(200);
	});

	it('answers 400 naming the field for bad bodies, 415 for non-JSON, 404 for unknown users and ids', async () => {
		const path = '/v4/auth/authenticator/start';
		expectError(
			await call('POST', path, {
				body: 'username=x',
				contentType: 'application/x-www-form-urlencoded',
			}),
			415,
		);
		expectError(
			await call('POST', path, { body: '{oops' }),
			400,
			'The request body is not valid JSON.',
		);
		expectError(await call('POST', path, { body: '' }), 400, 'A request body is required.');
		expectError(
			await post(path, { username: USER1.username, timeout_in_seconds: 5 }),
			400,
			'timeout_in_seconds must be an integer between 15 and 300.',
		);
		expectError(await post(path, { username: 7 }), 400, 'username must be a string.');
		expectError(await post(path, { user_id: 'nope' }), 400, 'user_id is not a valid GUID.');
		expectError(
			await post(path, { username: USER1.username, send_push: 'yes' }),
			400,
			'send_push must be true or false.',
		);
		expectError(
			await post(path, { username: USER1.username, origin_location_data: { latitude: 1 } }),
			400,
			'origin_location_data.latitude must be a string.',
		);
		expectError(await post(path, { username: 'nobody@autharmor.example' }), 404, 'User not found.');
		expectError(await post(path, { user_id: authArmorUserId(999) }), 404, 'User not found.');
		expectError(
			await post(path, { user_id: USER1.user_id, username: USER2.username }),
			400,
			'username and user_id name different users.',
		);
		expectError(
			await post('/v4/auth/webauthn/start', { username: USER1.username }),
			400,
			'webauthn_client_id is required.',
		);
		expectError(
			await post('/v4/auth/authenticator/validate', { auth_validation_token: 'x' }),
			400,
			'auth_request_id is required.',
		);
		expectError(
			await post('/v4/auth/authenticator/validate', {
				auth_request_id: authArmorUserId(5),
				auth_validation_token: 'x',
			}),
			404,
			'Auth request not found.',
		);
		expectError(await authInfo('not-a-guid'), 400);
		expectError(await authInfo(authArmorUserId(5)), 404, 'Auth request not found.');
		const wrongMethod = await get('/v4/auth/authenticator/start');
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.headers.allow).toBe('POST');
		expect(wrongMethod.data).toBe('');
	});

	it('finds user_id as well as username, and the validation method must match the start', async () => {
		const start = await post('/v4/auth/authenticator/start', { user_id: USER2.user_id });
		expect(start.status).toBe(200);
		expect(start.data.user_id).toBe(USER2.user_id);
		expectError(
			await post('/v4/auth/webauthn/validate', {
				auth_request_id: start.data.auth_request_id,
				auth_validation_token: start.data.auth_validation_token,
			}),
			400,
			'auth_request_id is not a WebAuthn auth request.',
		);
	});

	it('serves a usernameless request (QR code) answered by the demo user', async () => {
		const start = await post('/v4/auth/authenticator/start', { send_push: true });
		expect(start.status).toBe(200);
		expect(start.data.user_id).toBe(AUTHARMOR_EMPTY_GUID);
		expect(start.data.push_message_sent).toBe(false);
		const info = await authInfo(start.data.auth_request_id);
		const details = info.data.auth_response.auth_details;
		expect(details.request_details.auth_profile_details).toBeNull();
		expect(details.response_details.auth_profile_details).toEqual({
			user_id: USER1.user_id,
			username: USER1.username,
		});
		expectError(
			await post('/v4/auth/magiclink_email/start', { auth_redirect_url: 'https://app.example/cb' }),
			400,
			'username or user_id is required.',
		);
	});

	it('serves fixture auth history records by their id', async () => {
		const record = authArmorAuthHistoryRecord(3, 4);
		const r = await authInfo(record.auth_response.auth_history_id);
		expect(r.status).toBe(200);
		expect(r.data).toEqual(record);
		expectError(await authInfo('a0000000-0000-4000-8000-000000000324'), 404);
		expectError(await authInfo('a0000000-0000-4000-8000-000000009901'), 404);
	});
});

describe('the approver knobs', () => {
	it('approve after afterMs: pending approval, then completed / success', async () => {
		await fresh({ authArmorApprover: { action: 'approve', afterMs: 700 } });
		const start = await startAuthenticator();
		const started = Date.now();
		const pending = await authInfo(start.data.auth_request_id);
		expect(pending.data).toMatchObject({
			auth_request_status_id: 3,
			auth_request_status_name: 'Pending Approval',
			auth_response: {
				result_code: 1,
				result_message: 'Pending User Approval',
				authorized: false,
				auth_details: { response_details: null },
			},
		});
		const body = {
			auth_request_id: start.data.auth_request_id,
			auth_validation_token: start.data.auth_validation_token,
			nonce: 'n-1',
		};
		expectError(
			await post('/v4/auth/authenticator/validate', body),
			400,
			'The auth request is not completed yet.',
		);
		await until(started, 750);
		const done = await authInfo(start.data.auth_request_id);
		expect(done.data.auth_request_status_id).toBe(2);
		expect(done.data.auth_response.result_code).toBe(2);
		expect((await post('/v4/auth/authenticator/validate', body)).status).toBe(200);
	});

	it('decline: completed / declined; validation answers authorized false', async () => {
		await fresh({ authArmorApprover: { action: 'decline', afterMs: 0 } });
		const start = await startAuthenticator();
		const info = await authInfo(start.data.auth_request_id);
		expect(info.data.auth_request_status_id).toBe(2);
		expect(info.data.auth_response).toMatchObject({
			result_code: 3,
			result_message: 'Declined',
			authorized: false,
		});
		expect(
			info.data.auth_response.auth_details.response_details.auth_profile_details.username,
		).toBe(USER1.username);
		const validated = await post('/v4/auth/authenticator/validate', {
			auth_request_id: start.data.auth_request_id,
			auth_validation_token: start.data.auth_validation_token,
			nonce: 'n-1',
		});
		expect(validated.status).toBe(200);
		expect(validated.data.validate_auth_response_details).toMatchObject({
			result_code: 3,
			authorized: false,
		});
	});

	it('timeout: at afterMs when the request gives no timeout, else at its own timeout_in_seconds', async () => {
		await fresh({ authArmorApprover: { action: 'timeout', afterMs: 700 } });
		const start = await startAuthenticator();
		const started = Date.now();
		const own = await startAuthenticator({ timeout_in_seconds: 15 });
		expect(own.data.timeout_in_seconds).toBe(15);
		expect((await authInfo(start.data.auth_request_id)).data.auth_request_status_id).toBe(3);
		await until(started, 750);
		const done = await authInfo(start.data.auth_request_id);
		expect(done.data).toMatchObject({
			auth_request_status_id: 2,
			auth_response: { result_code: 5, result_message: 'Approval Timeout', authorized: false },
		});
		expect(done.data.auth_response.auth_details.response_details).toBeNull();
		// The one with its own 15 s timeout is still pending.
		expect((await authInfo(own.data.auth_request_id)).data.auth_request_status_id).toBe(3);
	});

	it('never: stays pending', async () => {
		await fresh({ authArmorApprover: { action: 'never', afterMs: 0 } });
		const start = await startAuthenticator();
		await sleep(150);
		const info = await authInfo(start.data.auth_request_id);
		expect(info.data.auth_request_status_id).toBe(3);
		expect(info.data.auth_response.result_code).toBe(1);
	});

	it('times out approve / decline later than the request timeout, at that timeout', () => {
		const flow = {
			startedAt: 1_000,
			timeoutSeconds: 15,
			timeoutGiven: true,
			approver: { action: 'approve' as const, afterMs: 20_000 },
		};
		expect(outcomeAt(flow, 15_999)).toEqual({ kind: 'pending' });
		expect(outcomeAt(flow, 16_000)).toEqual({ kind: 'timeout', at: 16_000 });
		expect(outcomeAt({ ...flow, approver: { action: 'approve', afterMs: 500 } }, 1_500)).toEqual({
			kind: 'approved',
			at: 1_500,
		});
		expect(outcomeAt({ ...flow, approver: { action: 'never', afterMs: 0 } }, 1e12)).toEqual({
			kind: 'pending',
		});
	});

	it('authArmorApproverByUser wins for its username (case-insensitive); the knob is taken at start', async () => {
		await fresh({
			authArmorApproverByUser: {
				[USER2.username.toUpperCase()]: { action: 'decline', afterMs: 0 },
			},
		});
		const one = await startAuthenticator();
		const two = await startAuthenticator({ username: USER2.username });
		expect((await authInfo(one.data.auth_request_id)).data.auth_response.result_code).toBe(2);
		expect((await authInfo(two.data.auth_request_id)).data.auth_response.result_code).toBe(3);

		sb.configure({ authArmorApprover: 'never' as never });
		expect(sb.configure({}).authArmorApprover).toEqual({ action: 'never', afterMs: 0 });
		const three = await startAuthenticator();
		expect((await authInfo(three.data.auth_request_id)).data.auth_response.result_code).toBe(1);
		// Started before the change: still approved.
		expect((await authInfo(one.data.auth_request_id)).data.auth_response.result_code).toBe(2);
	});

	it('validates the knobs (objects, the command-line string forms, JSON text per user)', async () => {
		await fresh();
		expect(DEFAULT_KNOBS.authArmorApprover).toEqual({ action: 'approve', afterMs: 0 });
		expect(DEFAULT_KNOBS.authArmorApproverByUser).toEqual({});
		expect(sb.configure({ authArmorApprover: 'decline:250' as never }).authArmorApprover).toEqual({
			action: 'decline',
			afterMs: 250,
		});
		expect(sb.configure({ authArmorApprover: { action: 'timeout' } }).authArmorApprover).toEqual({
			action: 'timeout',
			afterMs: 0,
		});
		expect(
			sb.configure({
				authArmorApproverByUser: '{"user2@autharmor.example":"never"}' as never,
			}).authArmorApproverByUser,
		).toEqual({ 'user2@autharmor.example': { action: 'never', afterMs: 0 } });
		for (const bad of [
			{ authArmorApprover: { action: 'maybe' } },
			{ authArmorApprover: { action: 'approve', afterMs: -1 } },
			{ authArmorApprover: { action: 'approve', extra: 1 } },
			{ authArmorApprover: 'approve:soon' },
			{ authArmorApproverByUser: { a: { action: 'x' } } },
			{ authArmorApproverByUser: [] },
		]) {
			expect(() => sb.configure(bad as never)).toThrow(TypeError);
		}
		const control = await http.post(
			`${sb.authArmorUrl}/__sandbox/config`,
			JSON.stringify({ authArmorApprover: { action: 'never', afterMs: 5 } }),
			{ headers: { 'Content-Type': 'application/json' } },
		);
		expect(control.data.authArmorApprover).toEqual({ action: 'never', afterMs: 5 });
	});
});

describe('Auth Armor magic-link and WebAuthn auth requests', () => {
	beforeEach(() => fresh());

	it('magic link: the email link carries the validation token; context data comes back', async () => {
		const start = await post('/v4/auth/magiclink_email/start', {
			username: USER2.username,
			auth_redirect_url: 'https://app.example/callback?x=1',
			action_name: 'Login',
			short_msg: 'Sign in',
			context_data: { order: '42' },
			timeout_in_seconds: 120,
		});
		expect(start.status).toBe(200);
		expect(start.data).toEqual({
			auth_request_id: expect.stringMatching(UUID),
			user_id: USER2.user_id,
			timeout_in_seconds: 120,
			timeout_utc_datetime: expect.stringMatching(ISO),
		});
		const link = emailLink(start);
		expect(String(start.headers[LINK_HEADER])).toMatch(/^https:\/\/app\.example\/callback\?x=1&/);
		expect(link.get('auth_request_id')).toBe(start.data.auth_request_id);
		const info = await authInfo(start.data.auth_request_id);
		expect(info.data.auth_response.auth_details.response_details).toMatchObject({
			auth_method: { name: 'Magiclink_Email', usetype: 'magiclink_email' },
			secure_signed_message: null,
			mobile_device_details: null,
		});
		const validated = await post('/v4/auth/magiclink_email/validate', {
			auth_request_id: link.get('auth_request_id'),
			auth_validation_token: link.get('auth_validation_token'),
		});
		expect(validated.status).toBe(200);
		expect(validated.data.validate_auth_response_details).toMatchObject({
			authorized: true,
			context_data: { order: '42' },
		});
	});

	it('magic link: needs a redirect URL, a short action name and a user with a magic-link email', async () => {
		const path = '/v4/auth/magiclink_email/start';
		expectError(
			await post(path, { username: USER2.username }),
			400,
			'auth_redirect_url is required.',
		);
		expectError(
			await post(path, { username: USER2.username, auth_redirect_url: 'ftp://x' }),
			400,
			'auth_redirect_url must be an absolute http or https URL.',
		);
		expectError(
			await post(path, {
				username: USER2.username,
				auth_redirect_url: 'https://a.example',
				action_name: 'x'.repeat(33),
			}),
			400,
			'action_name must be between 2 and 32 characters long.',
		);
		expectError(
			await post(path, { username: USER1.username, auth_redirect_url: 'https://a.example' }),
			400,
			'The user has no enabled magic link email credential.',
		);
	});

	it('WebAuthn: start, finish (aa_sig = aa_guid), validate', async () => {
		const start = await post('/v4/auth/webauthn/start', {
			username: USER1.username,
			webauthn_client_id: 'wa-client',
			nonce: 'w-1',
		});
		expect(start.status).toBe(200);
		expect(start.data).toEqual({
			fido2_json_options: expect.any(String),
			auth_request_id: expect.stringMatching(UUID),
			aa_guid: expect.stringMatching(UUID),
		});
		const options = JSON.parse(start.data.fido2_json_options);
		expect(options.allowCredentials).toHaveLength(2); // user 1's two enabled keys
		expect((await authInfo(start.data.auth_request_id)).data.auth_request_status_id).toBe(3);

		const finishBody = {
			auth_request_id: start.data.auth_request_id,
			aa_sig: start.data.aa_guid,
			authenticator_response_data: '{"id":"abc"}',
			webauthn_client_id: 'wa-client',
		};
		expectError(
			await post('/v4/auth/webauthn/finish', { ...finishBody, aa_sig: 'forged' }),
			400,
			'aa_sig does not match the auth request.',
		);
		const finished = await post('/v4/auth/webauthn/finish', finishBody);
		expect(finished.status).toBe(200);
		expect(finished.data).toEqual({
			auth_validation_token: expect.any(String),
			user_id: USER1.user_id,
			auth_request_id: start.data.auth_request_id,
			username: USER1.username,
		});
		expectError(
			await post('/v4/auth/webauthn/finish', finishBody),
			400,
			'The auth request has already been finished.',
		);
		const validated = await post('/v4/auth/webauthn/validate', {
			auth_request_id: start.data.auth_request_id,
			auth_validation_token: finished.data.auth_validation_token,
			nonce: 'w-1',
		});
		expect(validated.status).toBe(200);
		expect(validated.data.validate_auth_response_details).toMatchObject({
			result_code: 2,
			authorized: true,
			auth_details: { response_details: { auth_method: { name: 'WebAuthN', usetype: 'fido2' } } },
		});
	});

	it('WebAuthn: decline completes as declined at finish; never answers 400 and stays pending', async () => {
		sb.configure({ authArmorApprover: { action: 'decline', afterMs: 0 } });
		const declined = await post('/v4/auth/webauthn/start', {
			username: USER1.username,
			webauthn_client_id: 'wa',
		});
		// The person answers through /finish only.
		expect((await authInfo(declined.data.auth_request_id)).data.auth_request_status_id).toBe(3);
		const finish = await post('/v4/auth/webauthn/finish', {
			auth_request_id: declined.data.auth_request_id,
			aa_sig: declined.data.aa_guid,
			authenticator_response_data: 'x',
		});
		expect(finish.status).toBe(200);
		expect((await authInfo(declined.data.auth_request_id)).data.auth_response.result_code).toBe(3);

		sb.configure({ authArmorApprover: { action: 'never', afterMs: 0 } });
		const never = await post('/v4/auth/webauthn/start', {
			username: USER1.username,
			webauthn_client_id: 'wa',
		});
		expectError(
			await post('/v4/auth/webauthn/finish', {
				auth_request_id: never.data.auth_request_id,
				aa_sig: never.data.aa_guid,
				authenticator_response_data: 'x',
			}),
			400,
			'The WebAuthn response was not completed by the user.',
		);
		expect((await authInfo(never.data.auth_request_id)).data.auth_request_status_id).toBe(3);
	});
});

// ------------------------------------------------------------------ auth history

describe('Auth Armor GET /v{3,4}/users/{user_id}/auth_history', () => {
	beforeEach(() => fresh());

	it('pages the 23 fixture records with the misspelt page_info', async () => {
		const path = `/v4/users/${USER3.user_id}/auth_history`;
		const seen: string[] = [];
		for (let page = 1; page <= 5; page++) {
			const r = await get(`${path}?page_number=${page}&page_size=5`);
			expect(r.status).toBe(200);
			expect(r.data.page_info).toEqual({
				currnet_page_number: page,
				currnet_page_size: 5,
				total_page_count: 5,
				total_record_count: AUTHARMOR_AUTH_HISTORY_PER_USER,
			});
			expect(r.data.auth_history_records).toHaveLength(page < 5 ? 5 : 3);
			seen.push(
				...r.data.auth_history_records.map(
					(h: { auth_response: { auth_history_id: string } }) => h.auth_response.auth_history_id,
				),
			);
		}
		expect(seen).toEqual(authArmorAuthHistory(3).map((h) => h.auth_response.auth_history_id));
		const past = await get(`${path}?page_number=6&page_size=5`);
		expect(past.data.auth_history_records).toEqual([]);

		const results = new Set(authArmorAuthHistory(3).map((h) => h.auth_response.result_code));
		expect([...results].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 10]);

		const desc = await get(`${path}?page_size=1&sort_direction=desc`);
		expect(desc.data.auth_history_records[0]).toEqual(authArmorAuthHistoryRecord(3, 23));
		const byResult = await get(`${path}?page_size=100&sort_column=result_code`);
		const codes = byResult.data.auth_history_records.map(
			(h: { auth_response: { result_code: number } }) => h.auth_response.result_code,
		);
		expect(codes).toEqual([...codes].sort((a: number, b: number) => a - b));
		expectError(
			await get(`${path}?sort_column=nope`),
			400,
			'sort_column must be one of date_created, result_code.',
		);
		expectError(await get(`${path}?page_size=101`), 400, 'page_size must be between 1 and 100.');
		expectError(await get(`/v4/users/${authArmorUserId(99)}/auth_history`), 404, 'User not found.');
	});

	it('adds the auth requests started through the API, with their live status', async () => {
		sb.configure({ authArmorApprover: { action: 'approve', afterMs: 700 } });
		const start = await startAuthenticator({ username: USER3.username });
		const started = Date.now();
		const path = `/v4/users/${USER3.user_id}/auth_history?page_size=1&page_number=24`;
		const pending = await get(path);
		expect(pending.data.page_info.total_record_count).toBe(24);
		expect(pending.data.auth_history_records[0]).toMatchObject({
			auth_request_status_id: 3,
			auth_response: { auth_history_id: start.data.auth_request_id, result_code: 1 },
		});
		await until(started, 750);
		const done = await get(path);
		expect(done.data.auth_history_records[0].auth_response.result_code).toBe(2);
		// v3 too.
		const v3 = await get(`/v3/users/${USER3.user_id}/auth_history?page_size=50`);
		expect(v3.data.auth_history_records).toHaveLength(24);
	});

	it('resolves the empty GUID from X-AuthArmor-UsernameValue or ?username=', async () => {
		const byHeader = await get(`/v4/users/${AUTHARMOR_EMPTY_GUID}/auth_history?page_size=2`, {
			headers: { 'X-AuthArmor-UsernameValue': USER2.username },
		});
		expect(byHeader.status).toBe(200);
		expect(byHeader.data.auth_history_records[0]).toEqual(authArmorAuthHistoryRecord(2, 1));
		const byQuery = await get(
			`/v4/users/${AUTHARMOR_EMPTY_GUID}/auth_history?page_size=2&username=${encodeURIComponent(USER2.username)}`,
		);
		expect(byQuery.data).toEqual(byHeader.data);
		expectError(
			await get(`/v4/users/${AUTHARMOR_EMPTY_GUID}/auth_history`),
			400,
			'A username is required when the user id is the empty GUID.',
		);
	});
});

// ------------------------------------------------------------------ credentials

describe('Auth Armor credentials (v4)', () => {
	beforeEach(() => fresh());

	it('lists and pages a user’s credentials, all or by method', async () => {
		const all = authArmorCredentials(2);
		expect(all.map((c) => c.device_type)).toEqual([
			'autharmor_authenticator',
			'magiclink_email',
			'webauthn',
			'webauthn',
			'webauthn',
		]);
		const seen = [];
		for (let page = 1; page <= 3; page++) {
			const r = await get(`/v4/users/${USER2.user_id}/credentials?page_number=${page}&page_size=2`);
			expect(r.status).toBe(200);
			expect(r.data.page_info).toEqual({
				currnet_page_number: page,
				currnet_page_size: 2,
				total_page_count: 3,
				total_record_count: 5,
			});
			seen.push(...r.data.credential_records);
		}
		expect(seen).toEqual(all);
		expect(all[4]).toMatchObject({ name: 'Touch ID', enabled: false });

		for (const [segment, type, count] of [
			['authenticator', 'autharmor_authenticator', 1],
			['magiclink_email', 'magiclink_email', 1],
			['webauthn', 'webauthn', 3],
		] as const) {
			const r = await get(`/v4/users/${USER2.user_id}/credentials/${segment}`);
			expect(r.status).toBe(200);
			expect(r.data.credential_records).toEqual(all.filter((c) => c.device_type === type));
			expect(r.data.page_info.total_record_count).toBe(count);
		}
		const byName = await get(
			`/v4/users/${USER2.user_id}/credentials?sort_column=name&sort_direction=desc`,
		);
		expect(byName.data.credential_records.map((c: { name: string }) => c.name)).toEqual([
			'YubiKey 5C',
			'Windows Hello',
			'user2@autharmor.example',
			'Touch ID',
			'iPhone 15',
		]);
		expectError(await get(`/v4/users/${USER2.user_id}/credentials?sort_column=x`), 400);
	});

	it('gets one credential by id; 404 for another user’s, 400 for a malformed id', async () => {
		const id = authArmorCredentialId(1, 2);
		const r = await get(`/v4/users/${USER1.user_id}/credentials/${id}`);
		expect(r.status).toBe(200);
		expect(r.data).toEqual({
			name: 'Pixel 8',
			credential_id: id,
			date_created: expect.stringMatching(ISO),
			device_type: 'autharmor_authenticator',
			enabled: true,
		});
		expectError(
			await get(`/v4/users/${USER2.user_id}/credentials/${id}`),
			404,
			'Credential not found.',
		);
		expectError(await get(`/v4/users/${USER1.user_id}/credentials/nope`), 400);
		expect((await call('DELETE', `/v4/users/${USER1.user_id}/credentials/${id}`)).status).toBe(405);
	});

	it('disables a credential: it shows disabled, enrolled methods follow, auth with it is refused', async () => {
		const id = authArmorCredentialId(3, 1); // user 3's only authenticator
		const r = await post(`/v4/users/${USER3.user_id}/credentials/${id}/disable`, undefined);
		expect(r.status).toBe(200);
		expect(r.data).toMatchObject({ credential_id: id, enabled: false });
		expect((await get(`/v4/users/${USER3.user_id}/credentials/${id}`)).data.enabled).toBe(false);
		const list = await get(`/v4/users/${USER3.user_id}/credentials/authenticator`);
		expect(list.data.credential_records[0].enabled).toBe(false);
		// Again: the same answer.
		expect(
			(await post(`/v4/users/${USER3.user_id}/credentials/${id}/disable`, undefined)).status,
		).toBe(200);

		const user = await get(`/v4/users/${USER3.user_id}`);
		expect(authArmorEnrolledAuthMethods(3).map((m) => m.auth_method_name)).toEqual([
			'AuthArmorAuthenticator',
			'WebAuthN',
		]);
		expect(
			user.data.enrolled_auth_methods.map((m: { auth_method_name: string }) => m.auth_method_name),
		).toEqual(['WebAuthN']);
		expectError(
			await post('/v4/auth/authenticator/start', { username: USER3.username }),
			400,
			'The user has no enabled authenticator credential.',
		);
	});

	it('resolves the empty GUID on every credential route', async () => {
		const headers = { 'X-AuthArmor-UsernameValue': USER1.username };
		const base = `/v4/users/${AUTHARMOR_EMPTY_GUID}/credentials`;
		expect((await get(base, { headers })).data.credential_records).toEqual(authArmorCredentials(1));
		expect((await get(`${base}/webauthn`, { headers })).data.page_info.total_record_count).toBe(2);
		const id = authArmorCredentialId(1, 3);
		expect((await get(`${base}/${id}`, { headers })).data.name).toBe('YubiKey 5C');
		const query = `?username=${encodeURIComponent(USER1.username)}`;
		expect((await get(`${base}/${id}${query}`)).data.name).toBe('YubiKey 5C');
		const disabled = await call('POST', `${base}/${id}/disable`, { headers });
		expect(disabled.data.enabled).toBe(false);
		expectError(await get(base), 400);
		expectError(
			await get(base, { headers: { 'X-AuthArmor-UsernameValue': 'ghost@autharmor.example' } }),
			404,
			'User not found.',
		);
	});
});

// ------------------------------------------------------------------ registrations (v4)

describe('Auth Armor registrations (v4)', () => {
	beforeEach(() => fresh());

	const registration = (id: string) => get(`/v4/users/registrations/${id}`);

	it('authenticator, new user: start, accepted (pending validation), validate creates the user', async () => {
		sb.configure({ authArmorApprover: { action: 'approve', afterMs: 700 } });
		const start = await post('/v4/users/registrations/authenticator/start', {
			username: 'new.person@example.com',
			timeout_in_seconds: 600,
		});
		const started = Date.now();
		expect(start.status).toBe(200);
		expect(start.data).toEqual({
			username: 'new.person@example.com',
			registration_id: expect.stringMatching(UUID),
			user_id: expect.stringMatching(UUID),
			date_expires: expect.stringMatching(ISO),
			auth_method: 'AuthArmorAuthenticator',
			qr_code_data: expect.stringContaining(start.data.registration_id),
			registration_validation_token: expect.any(String),
		});
		expect((await registration(start.data.registration_id)).data).toEqual({
			registration_status_name: 'Pending User Acceptance',
			registration_status_code: 1,
			auth_method: 'AuthArmorAuthenticator',
		});
		const validatePath = `/v4/users/registrations/authenticator/${start.data.registration_id}/validate`;
		const body = { registration_validation_token: start.data.registration_validation_token };
		expectError(await post(validatePath, body), 400, 'The registration is not completed yet.');
		// Not a user before validation.
		expect((await get('/v4/users?username=new.person')).data.user_records).toEqual([]);

		await until(started, 750);
		expect((await registration(start.data.registration_id)).data.registration_status_code).toBe(8);
		expectError(
			await post(validatePath, { registration_validation_token: 'forged' }),
			400,
			'registration_validation_token is not valid for this registration.',
		);
		const validated = await post(validatePath, body);
		expect(validated.status).toBe(200);
		expect(validated.data).toEqual({
			credential_id: expect.stringMatching(UUID),
			user_id: start.data.user_id,
			username: 'new.person@example.com',
		});
		expect((await registration(start.data.registration_id)).data).toMatchObject({
			registration_status_name: 'Registered',
			registration_status_code: 2,
		});
		expectError(
			await post(validatePath, body),
			400,
			'The registration has already been validated.',
		);

		const listed = await get('/v4/users?username=new.person');
		expect(listed.data.user_records).toEqual([
			{
				user_id: start.data.user_id,
				email_address: null,
				username: 'new.person@example.com',
				date_created: expect.stringMatching(ISO),
			},
		]);
		expect((await get('/v4/users')).data.page_info.total_record_count).toBe(26);
		const last = await get('/v4/users?page_size=1&sort_direction=desc');
		expect(last.data.user_records[0].user_id).toBe(start.data.user_id);
		const user = await get(`/v4/users/${start.data.user_id}`);
		expect(
			user.data.enrolled_auth_methods.map((m: { auth_method_name: string }) => m.auth_method_name),
		).toEqual(['AuthArmorAuthenticator']);
		const credentials = await get(`/v4/users/${start.data.user_id}/credentials`);
		expect(credentials.data.credential_records).toEqual([
			{
				name: 'Auth Armor Authenticator',
				credential_id: validated.data.credential_id,
				date_created: expect.stringMatching(ISO),
				device_type: 'autharmor_authenticator',
				enabled: true,
			},
		]);
		// The new user can authenticate and has an (API-only) auth history.
		const auth = await startAuthenticator({ username: 'new.person@example.com' });
		const history = await get(`/v4/users/${start.data.user_id}/auth_history`);
		expect(history.data.auth_history_records).toHaveLength(1);
		expect(history.data.auth_history_records[0].auth_response.auth_history_id).toBe(
			auth.data.auth_request_id,
		);
	});

	it('declined or timed-out registrations cannot be validated', async () => {
		sb.configure({ authArmorApprover: { action: 'decline', afterMs: 0 } });
		const declined = await post('/v4/users/registrations/authenticator/start', { username: 'dee' });
		expect((await registration(declined.data.registration_id)).data).toMatchObject({
			registration_status_name: 'Declined',
			registration_status_code: 3,
		});
		expectError(
			await post(
				`/v4/users/registrations/authenticator/${declined.data.registration_id}/validate`,
				{
					registration_validation_token: declined.data.registration_validation_token,
				},
			),
			400,
			'The registration was declined.',
		);
		sb.configure({ authArmorApprover: { action: 'timeout', afterMs: 0 } });
		const late = await post('/v4/users/registrations/authenticator/start', { username: 'tim' });
		expect((await registration(late.data.registration_id)).data.registration_status_code).toBe(5);
	});

	it('authenticator: bad bodies (400 naming the field), a taken username (409), unknown ids (404)', async () => {
		const path = '/v4/users/registrations/authenticator/start';
		expectError(await post(path, {}), 400, 'username is required.');
		expectError(
			await post(path, { username: 'x' }),
			400,
			'username must be between 2 and 42 characters long.',
		);
		expectError(await post(path, { username: 'a b' }), 400, 'username is not a valid username.');
		expectError(
			await post(path, { username: 'abc', timeout_in_seconds: 1 }),
			400,
			'timeout_in_seconds must be an integer between 15 and 86400.',
		);
		expectError(await post(path, { username: USER1.username.toUpperCase() }), 409);
		expectError(await registration(authArmorUserId(1)), 404, 'Registration not found.');
		expectError(await registration('nope'), 400);
		expectError(
			await post(`/v4/users/registrations/authenticator/${authArmorUserId(1)}/validate`, {
				registration_validation_token: 'x',
			}),
			404,
		);
		const webauthn = await post('/v4/users/registrations/webauthn/start', {
			username: 'wa',
			webauthn_client_id: 'c',
		});
		expectError(
			await post(
				`/v4/users/registrations/authenticator/${webauthn.data.registration_id}/validate`,
				{
					registration_validation_token: 'x',
				},
			),
			400,
			'registration_id is not an authenticator registration.',
		);
		expect((await get(path)).status).toBe(405);
	});

	it('authenticator for an existing user (empty GUID + header): the credential is added', async () => {
		const start = await post(
			`/v4/users/${AUTHARMOR_EMPTY_GUID}/registrations/authenticator/start`,
			undefined,
			{
				headers: { 'X-AuthArmor-UsernameValue': USER3.username },
			},
		);
		expect(start.status).toBe(200);
		expect(start.data).toMatchObject({ username: USER3.username, user_id: USER3.user_id });
		const validated = await post(
			`/v4/users/registrations/authenticator/${start.data.registration_id}/validate`,
			{ registration_validation_token: start.data.registration_validation_token },
		);
		expect(validated.data).toEqual({
			credential_id: expect.stringMatching(UUID),
			user_id: USER3.user_id,
			username: USER3.username,
		});
		const list = await get(`/v4/users/${USER3.user_id}/credentials/authenticator`);
		expect(list.data.page_info.total_record_count).toBe(2);
		expectError(
			await post(`/v4/users/${authArmorUserId(77)}/registrations/authenticator/start`),
			404,
			'User not found.',
		);
	});

	it('WebAuthn, new user: start, finish, validate', async () => {
		const start = await post('/v4/users/registrations/webauthn/start', {
			username: 'key.holder',
			email_address: 'key.holder@example.com',
			webauthn_client_id: 'wa-client',
			attachment_type: 'crossplatform',
		});
		expect(start.status).toBe(200);
		expect(start.data).toEqual({
			fido2_json_options: expect.objectContaining({
				challenge: expect.any(String),
				user: expect.objectContaining({ name: 'key.holder' }),
				authenticatorSelection: expect.objectContaining({
					authenticatorAttachment: 'cross-platform',
				}),
			}),
			registration_id: expect.stringMatching(UUID),
			aa_sig: expect.any(String),
		});
		const finishPath = `/v4/users/registrations/webauthn/${start.data.registration_id}/finish`;
		const data = { id: 'cred-123456789012345', attestation_object: 'ao', client_data: 'cd' };
		expectError(
			await post(finishPath, {
				aa_sig: start.data.aa_sig,
				authenticator_response_data: { id: 'x' },
			}),
			400,
			'authenticator_response_data.attestation_object is required.',
		);
		expectError(
			await post(finishPath, { aa_sig: 'forged', authenticator_response_data: data }),
			400,
			'aa_sig does not match the registration.',
		);
		expect((await registration(start.data.registration_id)).data.registration_status_code).toBe(1);
		const finished = await post(finishPath, {
			aa_sig: start.data.aa_sig,
			authenticator_response_data: data,
			webauthn_client_id: 'wa-client',
		});
		expect(finished.status).toBe(200);
		expect(finished.data).toEqual({
			registration_validation_token: expect.any(String),
			user_id: expect.stringMatching(UUID),
			username: 'key.holder',
		});
		expect((await registration(start.data.registration_id)).data).toEqual({
			registration_status_name: 'Pending Validation',
			registration_status_code: 8,
			auth_method: 'WebAuthN',
		});
		const validated = await post(
			`/v4/users/registrations/webauthn/${start.data.registration_id}/validate`,
			{
				registration_validation_token: finished.data.registration_validation_token,
			},
		);
		expect(validated.status).toBe(200);
		expect(validated.data.user_id).toBe(finished.data.user_id);
		const user = await get(`/v4/users/${finished.data.user_id}`);
		expect(user.data).toMatchObject({
			username: 'key.holder',
			email_address: 'key.holder@example.com',
		});
		const key = await get(
			`/v4/users/${finished.data.user_id}/credentials/${validated.data.credential_id}`,
		);
		expect(key.data).toMatchObject({
			device_type: 'webauthn',
			name: 'WebAuthn key cred-1234567',
			enabled: true,
		});
	});

	it('WebAuthn, existing user (empty GUID + ?username=): start, finish on the user path, validate', async () => {
		const query = `?username=${encodeURIComponent(USER2.username)}`;
		const start = await post(
			`/v4/users/${AUTHARMOR_EMPTY_GUID}/registrations/webauthn/start${query}`,
			{
				webauthn_client_id: 'wa-client',
			},
		);
		expect(start.status).toBe(200);
		expect(start.data).toMatchObject({ user_id: USER2.user_id, aa_sig: expect.any(String) });
		const data = { id: 'k2', attestation_object: 'ao', client_data: 'cd' };
		expectError(
			await post(
				`/v4/users/${USER1.user_id}/registrations/webauthn/${start.data.registration_id}/finish`,
				{
					aa_sig: start.data.aa_sig,
					authenticator_response_data: data,
				},
			),
			400,
			'The registration is not for this user.',
		);
		expectError(
			await post(`/v4/users/registrations/webauthn/${start.data.registration_id}/finish`, {
				aa_sig: start.data.aa_sig,
				authenticator_response_data: data,
			}),
			400,
			'The registration is not for a new user.',
		);
		const finished = await post(
			`/v4/users/${AUTHARMOR_EMPTY_GUID}/registrations/webauthn/${start.data.registration_id}/finish${query}`,
			{ aa_sig: start.data.aa_sig, authenticator_response_data: data },
		);
		expect(finished.data).toMatchObject({ user_id: USER2.user_id, username: USER2.username });
		const validated = await post(
			`/v4/users/registrations/webauthn/${start.data.registration_id}/validate`,
			{
				registration_validation_token: finished.data.registration_validation_token,
			},
		);
		expect(validated.status).toBe(200);
		expect(
			(await get(`/v4/users/${USER2.user_id}/credentials/webauthn`)).data.page_info
				.total_record_count,
		).toBe(4);
	});

	it('WebAuthn: a declining person makes finish answer 400 and the registration declined', async () => {
		sb.configure({ authArmorApproverByUser: { 'no.key': { action: 'decline' } } });
		const start = await post('/v4/users/registrations/webauthn/start', {
			username: 'no.key',
			webauthn_client_id: 'c',
		});
		expectError(
			await post(`/v4/users/registrations/webauthn/${start.data.registration_id}/finish`, {
				aa_sig: start.data.aa_sig,
				authenticator_response_data: { id: 'a', attestation_object: 'b', client_data: 'c' },
			}),
			400,
			'The user declined the registration.',
		);
		expect((await registration(start.data.registration_id)).data.registration_status_code).toBe(3);
	});

	it('magic link, new user: the email link carries registration_id and token; validate creates the user', async () => {
		const start = await post('/v4/users/registrations/magiclink_email/start', {
			email_address: 'mailer@example.com',
			registration_redirect_url: 'https://app.example/registered',
			context_data: { plan: 'pro' },
		});
		expect(start.status).toBe(200);
		expect(start.data).toEqual({
			timeout_in_seconds: 300,
			timeout_utc_datetime: expect.stringMatching(ISO),
		});
		const link = emailLink(start);
		const id = String(link.get('registration_id'));
		expect((await registration(id)).data).toEqual({
			registration_status_name: 'Pending Validation',
			registration_status_code: 8,
			auth_method: 'Magiclink_Email',
		});
		const validated = await post(`/v4/users/registrations/magiclink_email/${id}/validate`, {
			registration_validation_token: link.get('registration_validation_token'),
			ip_address: '203.0.113.1',
		});
		expect(validated.status).toBe(200);
		expect(validated.data).toEqual({
			magiclink_email_registration_type: 'new_user',
			user_id: expect.stringMatching(UUID),
			username: 'mailer@example.com',
			email_address: 'mailer@example.com',
			context_data: { plan: 'pro' },
		});
		const user = await get(`/v4/users/${AUTHARMOR_EMPTY_GUID}`, {
			headers: { 'X-AuthArmor-UsernameValue': 'mailer@example.com' },
		});
		expect(user.data.enrolled_auth_methods).toEqual([
			{
				auth_method_name: 'Magiclink_Email',
				auth_method_id: 4,
				auth_method_masked_info: 'm***@example.com',
			},
		]);
		expectError(
			await post('/v4/users/registrations/magiclink_email/start', {
				email_address: 'not-an-email',
				registration_redirect_url: 'https://a.example',
			}),
			400,
			'email_address is not a valid email address.',
		);
		expectError(
			await post('/v4/users/registrations/magiclink_email/start', { email_address: 'a@b.example' }),
			400,
			'registration_redirect_url is required.',
		);
	});

	it('magic link for an existing user adds a credential; change of email changes the address', async () => {
		const headers = { 'X-AuthArmor-UsernameValue': USER1.username };
		const enroll = await post(
			`/v4/users/${AUTHARMOR_EMPTY_GUID}/registrations/magiclink_email/start`,
			{ email_address: 'one@example.com', registration_redirect_url: 'https://a.example' },
			{ headers },
		);
		expect(enroll.status).toBe(200);
		const link = emailLink(enroll);
		const enrolled = await post(
			`/v4/users/registrations/magiclink_email/${link.get('registration_id')}/validate`,
			{ registration_validation_token: link.get('registration_validation_token') },
		);
		expect(enrolled.data).toMatchObject({
			magiclink_email_registration_type: 'new_enrollment',
			user_id: USER1.user_id,
			email_address: 'one@example.com',
		});
		expect(
			(await get(`/v4/users/${USER1.user_id}/credentials/magiclink_email`)).data.credential_records,
		).toEqual([expect.objectContaining({ name: 'one@example.com', enabled: true })]);

		const change = await post(
			`/v4/users/${AUTHARMOR_EMPTY_GUID}/magiclink_email/update/start`,
			{ new_email_address: 'new-one@example.com', registration_redirect_url: 'https://a.example' },
			{ headers },
		);
		expect(change.status).toBe(200);
		expect(change.data).toEqual({
			timeout_in_seconds: 300,
			timeout_utc_datetime: expect.stringMatching(ISO),
		});
		const changeLink = emailLink(change);
		const changed = await post(
			`/v4/users/registrations/magiclink_email/${changeLink.get('registration_id')}/validate`,
			{ registration_validation_token: changeLink.get('registration_validation_token') },
		);
		expect(changed.data).toMatchObject({
			magiclink_email_registration_type: 'change_email',
			email_address: 'new-one@example.com',
			username: USER1.username,
		});
		expect((await get(`/v4/users/${USER1.user_id}`)).data.email_address).toBe(
			'new-one@example.com',
		);
		expectError(
			await post(`/v4/users/${USER1.user_id}/magiclink_email/update/start`, {
				registration_redirect_url: 'https://a.example',
			}),
			400,
			'new_email_address is required.',
		);
	});
});

// ------------------------------------------------------------------ v3

describe('Auth Armor v3 forms', () => {
	beforeEach(() => fresh());

	it('serves the auth operations under /v3 (validate with the nonce, as the v3 SDKs send it)', async () => {
		const start = await startAuthenticator({}, 'v3');
		const info = await get(`/v3/auth/${start.data.auth_request_id}`);
		expect(info.data.auth_request_status_id).toBe(2);
		expectError(
			await post('/v3/auth/authenticator/validate', {
				auth_request_id: start.data.auth_request_id,
				auth_validation_token: start.data.auth_validation_token,
				nonce: 'wrong',
			}),
			400,
		);
		const ok = await post('/v3/auth/authenticator/validate', {
			auth_request_id: start.data.auth_request_id,
			auth_validation_token: start.data.auth_validation_token,
			nonce: 'n-1',
		});
		expect(ok.status).toBe(200);
		const magic = await post('/v3/auth/magiclink_email/start', {
			username: USER2.username,
			auth_redirect_url: 'https://a.example',
		});
		expect(magic.status).toBe(200);
		const wa = await post('/v3/auth/webauthn/start', {
			username: USER2.username,
			webauthn_client_id: 'c',
		});
		const finished = await post('/v3/auth/webauthn/finish', {
			auth_request_id: wa.data.auth_request_id,
			aa_sig: wa.data.aa_guid,
			authenticator_response_data: 'x',
		});
		expect(finished.status).toBe(200);
		expect(
			(
				await post('/v3/auth/webauthn/validate', {
					auth_request_id: wa.data.auth_request_id,
					auth_validation_token: finished.data.auth_validation_token,
				})
			).status,
		).toBe(200);
	});

	it('v3 authenticator registration: v3 answer, completes on its own once accepted (no validate)', async () => {
		sb.configure({ authArmorApprover: { action: 'approve', afterMs: 700 } });
		const start = await post('/v3/users/authenticator/register/start', {
			username: 'v3.person',
			reset_and_reinvite: false,
			revoke_previous_invites: false,
		});
		const started = Date.now();
		expect(start.status).toBe(200);
		expect(start.data).toEqual({
			username: 'v3.person',
			registration_id: expect.stringMatching(UUID),
			date_expires: expect.stringMatching(ISO),
			auth_method: 'AuthArmorAuthenticator',
			qr_code_data: expect.any(String),
		});
		expect((await get('/v3/users?username=v3.person')).data.user_records).toEqual([]);
		await until(started, 750);
		const listed = await get('/v3/users?username=v3.person');
		expect(listed.data.user_records).toHaveLength(1);
		expect(listed.data.user_records[0].username).toBe('v3.person');
		// reset_and_reinvite re-enrolls an existing user instead of a 409.
		expectError(
			await post('/v3/users/authenticator/register/start', { username: USER1.username }),
			409,
		);
		const again = await post('/v3/users/authenticator/register/start', {
			username: USER1.username,
			reset_and_reinvite: true,
		});
		expect(again.status).toBe(200);
		const existing = await post(
			`/v3/users/${AUTHARMOR_EMPTY_GUID}/authenticator/register/start`,
			undefined,
			{
				headers: { 'X-AuthArmor-UsernameValue': USER3.username },
			},
		);
		expect(existing.status).toBe(200);
		expect(existing.data.username).toBe(USER3.username);
	});

	it('v3 WebAuthn registration: registration_id in the finish body; registered at finish', async () => {
		const start = await post('/v3/users/webauthn/register/start', {
			username: 'v3.key',
			email_address: 'v3.key@example.com',
			webauthn_client_id: 'c',
			attachment_type: 'any',
		});
		expect(start.status).toBe(200);
		const finished = await post('/v3/users/webauthn/register/finish', {
			registration_id: start.data.registration_id,
			aa_sig: start.data.aa_sig,
			authenticator_response_data: { id: 'a', attestation_object: 'b', client_data: 'c' },
			webauthn_client_id: 'c',
		});
		expect(finished.status).toBe(200);
		expect(finished.data).toEqual({ user_id: expect.stringMatching(UUID), username: 'v3.key' });
		expect((await get(`/v3/users/${finished.data.user_id}`)).data.email_address).toBe(
			'v3.key@example.com',
		);

		const forUser = await post(`/v3/users/${USER1.user_id}/webauthn/register/start`, {
			webauthn_client_id: 'c',
		});
		const forUserFinish = await post(`/v3/users/${USER1.user_id}/webauthn/register/finish`, {
			registration_id: forUser.data.registration_id,
			aa_sig: forUser.data.aa_sig,
			authenticator_response_data: { id: 'a', attestation_object: 'b', client_data: 'c' },
		});
		expect(forUserFinish.data).toEqual({ user_id: USER1.user_id, username: USER1.username });
		expect(
			(await get(`/v4/users/${USER1.user_id}/credentials/webauthn`)).data.page_info
				.total_record_count,
		).toBe(3);
	});

	it('v3 magic-link registration: validated by token alone at /v3/users/register/magiclink_email/validate', async () => {
		const start = await post('/v3/users/magiclink_email/register/start', {
			email_address: 'v3.mail@example.com',
			registration_redirect_url: 'https://a.example',
		});
		expect(start.status).toBe(200);
		const token3 = emailLink(start).get('registration_validation_token');
		expectError(
			await post('/v3/users/register/magiclink_email/validate', {
				registration_validation_token: 'nope',
			}),
			400,
			'registration_validation_token is not valid.',
		);
		const validated = await post('/v3/users/register/magiclink_email/validate', {
			registration_validation_token: token3,
		});
		expect(validated.status).toBe(200);
		expect(validated.data).toMatchObject({
			magiclink_email_registration_type: 'new_user',
			username: 'v3.mail@example.com',
		});
		const existing = await post(`/v3/users/${USER2.user_id}/magiclink_email/register/start`, {
			email_address: 'two@example.com',
			registration_redirect_url: 'https://a.example',
		});
		expect(existing.status).toBe(200);
		const change = await post(`/v3/users/${USER2.user_id}/magiclink_email/update/start`, {
			new_email_address: 'two-new@example.com',
			registration_redirect_url: 'https://a.example',
		});
		expect(change.status).toBe(200);
	});

	it('filters the v3 users list by header X-AuthArmor-UserFilterString or user_filter_string', async () => {
		const byHeader = await get('/v3/users', {
			headers: { 'X-AuthArmor-UserFilterString': 'user2' },
		});
		expect(byHeader.data.user_records.map((u: { username: string }) => u.username)).toEqual([
			authArmorDefaultUsername(2),
			authArmorDefaultUsername(20),
			authArmorDefaultUsername(21),
			authArmorDefaultUsername(22),
			authArmorDefaultUsername(23),
			authArmorDefaultUsername(24),
			authArmorDefaultUsername(25),
		]);
		const byQuery = await get('/v3/users?user_filter_string=user2');
		expect(byQuery.data).toEqual(byHeader.data);
		// v4 knows only `username`.
		const v4 = await get('/v4/users', { headers: { 'X-AuthArmor-UserFilterString': 'user2' } });
		expect(v4.data.page_info.total_record_count).toBe(25);
	});

	it('answers 404 for v4-only paths under /v3, and for v3-only paths under /v4', async () => {
		const id = USER1.user_id;
		for (const [method, path] of [
			['GET', `/v3/users/${id}/credentials`],
			['GET', `/v3/users/${id}/credentials/webauthn`],
			['GET', `/v3/users/${id}/credentials/${authArmorCredentialId(1, 1)}`],
			['POST', `/v3/users/${id}/credentials/${authArmorCredentialId(1, 1)}/disable`],
			['POST', '/v3/users/registrations/authenticator/start'],
			['POST', '/v3/users/registrations/webauthn/start'],
			['POST', '/v3/users/registrations/magiclink_email/start'],
			['POST', `/v3/users/registrations/authenticator/${id}/validate`],
			['POST', `/v3/users/registrations/webauthn/${id}/finish`],
			['POST', `/v3/users/registrations/webauthn/${id}/validate`],
			['POST', `/v3/users/registrations/magiclink_email/${id}/validate`],
			['GET', `/v3/users/registrations/${id}`],
			['POST', `/v3/users/${id}/registrations/authenticator/start`],
			['POST', `/v3/users/${id}/registrations/webauthn/start`],
			['POST', `/v3/users/${id}/registrations/webauthn/${id}/finish`],
			['POST', `/v3/users/${id}/registrations/magiclink_email/start`],
			['POST', '/v4/users/authenticator/register/start'],
			['POST', '/v4/users/webauthn/register/finish'],
			['POST', '/v4/users/register/magiclink_email/validate'],
			['POST', `/v4/users/${id}/authenticator/register/start`],
		]) {
			const r = await call(method, path, { json: {} });
			expect([method, path, r.status]).toEqual([method, path, 404]);
			expect(r.data.error_message).toBe('Not found.');
		}
	});
});

// ------------------------------------------------------------------ recording

describe('recording of the Auth Armor flows', () => {
	it('records every call with its status and counts it in summary()', async () => {
		await fresh();
		sb.clearRequests();
		const limited = await tokenFor(AUTHARMOR_REQUEST_AUTH_CLIENT);
		const start = await startAuthenticator();
		await get('/v4/users', { token: limited });
		await get(`/v4/auth/${start.data.auth_request_id}`);
		await post('/v4/users/registrations/authenticator/start', { username: 'x' });
		const api = sb.requests.filter((r) => r.path !== '/connect/token');
		expect(api.map((r) => [r.method, r.path, r.status])).toEqual([
			['POST', '/v4/auth/authenticator/start', 200],
			['GET', '/v4/users', 403],
			['GET', `/v4/auth/${start.data.auth_request_id}`, 200],
			['POST', '/v4/users/registrations/authenticator/start', 400],
		]);
		expect(JSON.parse(api[0].body)).toMatchObject({ username: USER1.username, nonce: 'n-1' });
		expect(sb.summary().authArmor).toEqual({ token: 1, api: 4, unauthorized: 0 });
	});
});
