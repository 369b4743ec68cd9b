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
