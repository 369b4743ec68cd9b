/** Auth Armor's v3 forms (nodes/AuthArmor/apiVersions.ts): which path and body a v4-written request becomes. */
import { forApiVersion } from '../../nodes/AuthArmor/apiVersions';
import { RequestRefusedError } from '../../nodes/shared/requestRules';
import type { ApiRequest } from '../../nodes/shared/transport';

const USER = '00000000-0000-4000-8000-000000000003';
const REG = 'r-123';

function v3(path: string, body?: ApiRequest['body']): ApiRequest {
	return forApiVersion({ method: 'POST', path, ...(body ? { body } : {}) }, 'v3');
}

test('v4 keeps the v4 form of every path', () => {
	expect(forApiVersion({ method: 'GET', path: '/{apiVersion}/users' }, 'v4').path).toBe(
		'/v4/users',
	);
});

test.each([
	['/{apiVersion}/users', '/v3/users'],
	[`/{apiVersion}/users/${USER}/auth_history`, `/v3/users/${USER}/auth_history`],
	['/{apiVersion}/auth/authenticator/start', '/v3/auth/authenticator/start'],
	[
		'/{apiVersion}/users/registrations/authenticator/start',
		'/v3/users/authenticator/register/start',
	],
	['/{apiVersion}/users/registrations/webauthn/start', '/v3/users/webauthn/register/start'],
	[
		'/{apiVersion}/users/registrations/magiclink_email/start',
		'/v3/users/magiclink_email/register/start',
	],
	[
		`/{apiVersion}/users/${USER}/registrations/authenticator/start`,
		`/v3/users/${USER}/authenticator/register/start`,
	],
	[
		`/{apiVersion}/users/${USER}/registrations/magiclink_email/start`,
		`/v3/users/${USER}/magiclink_email/register/start`,
	],
	[
		`/{apiVersion}/users/${USER}/magiclink_email/update/start`,
		`/v3/users/${USER}/magiclink_email/update/start`,
	],
	[
		`/{apiVersion}/users/registrations/magiclink_email/${REG}/validate`,
		'/v3/users/register/magiclink_email/validate',
	],
])('v3: %s -> %s', (v4Form, v3Form) => {
	expect(v3(v4Form).path).toBe(v3Form);
});

test('v3 WebAuthn finish takes the registration ID in the body', () => {
	expect(v3(`/{apiVersion}/users/registrations/webauthn/${REG}/finish`, { aa_sig: 'x' })).toEqual({
		method: 'POST',
		path: '/v3/users/webauthn/register/finish',
		body: { aa_sig: 'x', registration_id: REG },
	});
	expect(v3(`/{apiVersion}/users/${USER}/registrations/webauthn/${REG}/finish`).body).toEqual({
		registration_id: REG,
	});
});

test.each([
	`/{apiVersion}/users/${USER}/credentials`,
	`/{apiVersion}/users/${USER}/credentials/webauthn`,
	`/{apiVersion}/users/${USER}/credentials/c-1/disable`,
	`/{apiVersion}/users/registrations/${REG}`,
	`/{apiVersion}/users/registrations/authenticator/${REG}/validate`,
	`/{apiVersion}/users/registrations/webauthn/${REG}/validate`,
])('v3 has no %s: refused before any request, with advice', (path) => {
	expect(() => v3(path)).toThrow(RequestRefusedError);
	expect(() => v3(path)).toThrow(/exists only in v4/);
});

test('a path written with its own version (API Request) is sent as written', () => {
	expect(forApiVersion({ method: 'GET', path: '/v4/users' }, 'v3').path).toBe('/v4/users');
	expect(forApiVersion({ method: 'GET', path: '/x/{apiVersion}/y' }, 'v3').path).toBe('/x/v3/y');
});
