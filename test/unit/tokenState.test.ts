import {
	ArmorCredentialError,
	assertRequestStaysOnBaseUrl,
	assertSafeBaseUrl,
	describeHttpFailure,
	isRenewalDue,
	isTokenAlive,
	issuedTokenState,
	tokenOwnerOf,
	vendorMessage,
} from '../../credentials/tokenState';
import { readExpiresIn } from '../../credentials/armorSession';

describe('token state', () => {
	const owner = tokenOwnerOf('armorApi', 'https://api.armor.com', 'user', 'pw');
	const now = 1_700_000_000_000;
	const state = issuedTokenState('token', owner, now, 900, 300);

	it('records expiry and renewal times', () => {
		expect(state).toEqual({
			accessToken: 'token',
			tokenExpiresAt: now + 900_000,
			tokenRenewAt: now + 600_000,
			tokenOwner: owner,
		});
	});

	it('is fresh until the renewal time, then due', () => {
		expect(isRenewalDue(state, owner, now + 599_000)).toBe(false);
		expect(isRenewalDue(state, owner, now + 600_000)).toBe(true);
		expect(isTokenAlive(state, owner, now + 600_000)).toBe(true);
	});

	it('treats a token within 5 s of expiry as dead', () => {
		expect(isTokenAlive(state, owner, now + 894_000)).toBe(true);
		expect(isTokenAlive(state, owner, now + 895_000)).toBe(false);
	});

	it('never reuses a token obtained with other settings', () => {
		const otherPassword = tokenOwnerOf('armorApi', 'https://api.armor.com', 'user', 'pw2');
		expect(otherPassword).not.toBe(owner);
		expect(isTokenAlive(state, otherPassword, now)).toBe(false);
		expect(isRenewalDue(state, otherPassword, now)).toBe(true);
	});

	it('does not let field boundaries blur in the fingerprint', () => {
		expect(tokenOwnerOf('ab', 'c')).not.toBe(tokenOwnerOf('a', 'bc'));
	});

	it('a missing token is due', () => {
		expect(isRenewalDue({ ...state, accessToken: '' }, owner, now)).toBe(true);
	});
});

describe('readExpiresIn', () => {
	it.each([
		[15, 900],
		[60, 3600],
		[61, 61],
		[900, 900],
		[1800, 1800],
		['15', 900],
		[0, 900],
		[undefined, 900],
		['soon', 900],
	])('%p -> %p seconds', (value, seconds) => {
		expect(readExpiresIn(value)).toBe(seconds);
	});
});

describe('assertSafeBaseUrl', () => {
	it.each([
		'https://api.armor.com',
		'http://localhost:5680',
		'http://127.0.0.1:1',
		'http://[::1]:8080',
	])('accepts %s', (url) => {
		expect(() => assertSafeBaseUrl(url, 'Base URL')).not.toThrow();
	});

	it.each([
		['http://api.armor.com', /must start with https/],
		['ftp://api.armor.com', /must start with https/],
		['http://localhost.evil.example', /must start with https/],
		['api.armor.com', /not a valid URL/],
		['', /not a valid URL/],
		['https://user:pw@api.armor.com', /must not contain a user name or password/],
	])('refuses %s', (url, message) => {
		expect(() => assertSafeBaseUrl(url, 'Base URL')).toThrow(ArmorCredentialError);
		expect(() => assertSafeBaseUrl(url, 'Base URL')).toThrow(message);
	});
});

describe('assertRequestStaysOnBaseUrl', () => {
	it.each([
		[{ url: 'https://api.armor.com/me' }],
		[{ baseURL: 'https://api.armor.com', url: '/me' }],
		[{ baseURL: 'https://api.armor.com/', url: 'me' }],
	])('lets %j through', (request) => {
		expect(() => assertRequestStaysOnBaseUrl('https://api.armor.com', request)).not.toThrow();
	});

	it('respects a base path', () => {
		expect(() =>
			assertRequestStaysOnBaseUrl('http://localhost:1/armor', {
				url: 'http://localhost:1/armor/me',
			}),
		).not.toThrow();
		expect(() =>
			assertRequestStaysOnBaseUrl('http://localhost:1/armor', {
				url: 'http://localhost:1/armory/me',
			}),
		).toThrow(/only sends its token to http:\/\/localhost:1\/armor/);
	});

	it.each([
		[{ url: 'https://evil.example/me' }],
		[{ url: 'https://api.armor.com.evil.example/me' }],
		[{ url: 'http://api.armor.com/me' }],
		[{ baseURL: 'https://api.armor.com', url: '//evil.example/me' }],
		[{ baseURL: 'https://api.armor.com', url: 'https://evil.example/me' }],
		[{ baseURL: 'https://evil.example', url: '/me' }],
	])('refuses to authenticate %j', (request) => {
		expect(() => assertRequestStaysOnBaseUrl('https://api.armor.com', request)).toThrow(
			/was not sent/,
		);
	});
});

describe('describeHttpFailure and vendorMessage', () => {
	it('reads status and body of an axios-style error without the request', () => {
		const error = Object.assign(new Error('Request failed'), {
			response: { status: 401, data: { Message: 'Invalid username or password.' } },
			config: { headers: { Authorization: 'FH-AUTH secret' } },
		});
		expect(describeHttpFailure(error)).toEqual({
			status: 401,
			body: { Message: 'Invalid username or password.' },
			message: 'Request failed',
		});
	});

	it('finds the status of a wrapped error', () => {
		expect(describeHttpFailure({ cause: { response: { status: 503 } } }).status).toBe(503);
		expect(describeHttpFailure({ code: 'ECONNREFUSED' }).code).toBe('ECONNREFUSED');
	});

	it.each([
		[{ Message: 'No way.' }, 'No way.'],
		[{ ErrorCode: 403, Message: 'Denied.', Detail: 'Account 7.' }, 'Denied. - Account 7.'],
		[{ error: 'invalid_grant', error_description: 'Expired.' }, 'Expired. - invalid_grant'],
		[{ error_code: 404, error_message: 'User not found.', tracking_id: 'x' }, 'User not found.'],
		[{ errorCode: 1, errorMessage: 'Old shape.' }, 'Old shape.'],
		['{"Message":"As text."}', 'As text.'],
		['', undefined],
		[undefined, undefined],
		[{}, undefined],
	])('vendorMessage(%j) = %p', (body, message) => {
		expect(vendorMessage(body)).toBe(message);
	});
});

describe('describeHttpFailure on an answered request', () => {
	it('ignores axios codes such as ERR_BAD_REQUEST when the server answered', () => {
		const failure = describeHttpFailure({
			code: 'ERR_BAD_REQUEST',
			response: { status: 401, data: '' },
		});
		expect(failure).toMatchObject({ status: 401, body: '' });
		expect(failure.code).toBeUndefined();
	});

	it('reads the body of an axios error wrapped by n8n-core', () => {
		const wrapped = {
			httpCode: '403',
			message: 'Forbidden',
			cause: { response: { status: 403, data: { Message: 'No.' } } },
		};
		expect(describeHttpFailure(wrapped)).toMatchObject({ status: 403, body: { Message: 'No.' } });
	});

	it('keeps the message of an error that never reached the server, without credentials', () => {
		expect(describeHttpFailure(new Error('Domain not allowed: Bearer abc123 x'))).toEqual({
			code: undefined,
			message: 'Domain not allowed: Bearer [hidden] x',
		});
	});
});
