import { assertRequestStaysOnBaseUrl, assertSafeBaseUrl } from '../../credentials/baseUrl';
import { ArmorCredentialError } from '../../credentials/httpFailure';

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

describe('assertRequestStaysOnBaseUrl: legacy request shapes (n8n HTTP Request node)', () => {
	const base = 'https://api.armor.com';

	it.each([
		[{ uri: 'https://api.armor.com/me' }],
		[{ uri: new URL('https://api.armor.com/me') }],
		[{ uri: '/me', baseURL: 'https://api.armor.com' }],
		[{ uri: 'me', baseURL: 'https://api.armor.com/' }],
		[{ uri: 'https://api.armor.com/me', baseURL: 'https://evil.example' }],
	])('lets %j through', (request) => {
		expect(() => assertRequestStaysOnBaseUrl(base, request)).not.toThrow();
	});

	it.each([
		[{ uri: 'https://evil.example/me' }],
		[{ uri: new URL('https://evil.example/me') }],
		[{ uri: '/me', baseURL: 'https://evil.example' }],
		[{ uri: 'https://evil.example/me', baseURL: 'https://api.armor.com' }],
		[{ uri: '//evil.example/me', baseURL: 'https://api.armor.com' }],
		[{ uri: '/me' }],
	])('refuses to authenticate %j', (request) => {
		expect(() => assertRequestStaysOnBaseUrl(base, request)).toThrow(ArmorCredentialError);
		expect(() => assertRequestStaysOnBaseUrl(base, request)).toThrow(/was not sent/);
	});

	// n8n's legacy adapter (@n8n/backend-network, resolveLegacyRequestTarget) sends to `url ?? uri`, joined
	// with `baseURL`; the check must judge the address n8n will really use.
	it('judges `url` when a request carries both `url` and `uri`, as n8n sends to `url`', () => {
		expect(() =>
			assertRequestStaysOnBaseUrl(base, {
				uri: 'https://api.armor.com/me',
				url: 'https://evil.example/me',
			}),
		).toThrow(/was not sent/);
	});

	it('ignores the legacy `baseUrl` spelling, which n8n does not send to either', () => {
		const request = {
			uri: '/me',
			baseUrl: 'https://api.armor.com',
			baseURL: 'https://evil.example',
		};
		expect(() => assertRequestStaysOnBaseUrl(base, request as never)).toThrow(/was not sent/);
	});
});

describe('assertRequestStaysOnBaseUrl: Host header', () => {
	const base = 'https://api.armor.com';
	const url = 'https://api.armor.com/me';

	it.each(['Host', 'host', 'HOST', 'hOsT'])('refuses a %s header naming another host', (name) => {
		expect(() =>
			assertRequestStaysOnBaseUrl(base, { url, headers: { [name]: 'evil.example' } }),
		).toThrow(/Host header \("evil.example"\) that differs from api.armor.com/);
	});

	it.each([['api.armor.com'], ['API.ARMOR.COM'], [' api.armor.com ']])(
		'accepts a Host header of the target host: %j',
		(host) => {
			expect(() =>
				assertRequestStaysOnBaseUrl(base, { url, headers: { Host: host } }),
			).not.toThrow();
		},
	);

	it('compares the port too', () => {
		const local = 'http://localhost:5680';
		const target = { url: 'http://localhost:5680/me' };
		expect(() =>
			assertRequestStaysOnBaseUrl(local, { ...target, headers: { host: 'localhost:5680' } }),
		).not.toThrow();
		expect(() =>
			assertRequestStaysOnBaseUrl(local, { ...target, headers: { host: 'localhost:5681' } }),
		).toThrow(ArmorCredentialError);
	});

	it('checks the Host header of legacy requests too', () => {
		expect(() =>
			assertRequestStaysOnBaseUrl(base, {
				uri: 'https://api.armor.com/me',
				headers: { host: 'evil.example' },
			}),
		).toThrow(/Host header/);
	});

	it('ignores a Host header left empty by the caller (null or undefined)', () => {
		expect(() =>
			assertRequestStaysOnBaseUrl(base, { url, headers: { Host: undefined, host: null } }),
		).not.toThrow();
	});
});
