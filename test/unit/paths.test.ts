import {
	assertRelativeApiPath,
	buildApiUrl,
	pathSegment,
	UnsafePathError,
} from '../../nodes/shared/paths';

const base = 'https://api.armor.com';

describe('buildApiUrl', () => {
	it.each([
		['/me', 'https://api.armor.com/me'],
		['me', 'https://api.armor.com/me'],
		['/tickets/list?maxResults=5', 'https://api.armor.com/tickets/list?maxResults=5'],
		[
			'/v4/users/00000000-0000-0000-0000-000000000000',
			'https://api.armor.com/v4/users/00000000-0000-0000-0000-000000000000',
		],
	])('joins %s under the base URL', (path, expected) => {
		expect(buildApiUrl(base, path)).toBe(expected);
	});

	it('keeps a base URL path prefix', () => {
		expect(buildApiUrl('http://127.0.0.1:5680/armor', '/me')).toBe(
			'http://127.0.0.1:5680/armor/me',
		);
		expect(buildApiUrl('http://127.0.0.1:5680/armor/', 'me')).toBe(
			'http://127.0.0.1:5680/armor/me',
		);
	});

	it.each([
		['https://evil.example/me', /full URL/],
		['HTTP://evil.example', /full URL/],
		['javascript:alert(1)', /full URL/],
		['//evil.example/me', /another host/],
		['///evil.example/me', /another host/],
		['\\\\evil.example\\me', /another host/],
		['/..', /".." segment/],
		['/../me', /".." segment/],
		['/accounts/../../x', /".." segment/],
		['/%2e%2e/x', /".." segment/],
		['/%2E%2E/x', /".." segment/],
		['/%252e%252e/x', /".." segment/],
		['/.%2e/x', /".." segment/],
		['/a/./b', /"\." segment/],
		['/a%2f..%2fb', /encoded slash/],
		['/a%5c..', /encoded slash/],
		['/a%zz', /malformed percent-encoding/],
		['/m\ne', /control characters/],
		['/m\u0000e', /control characters/],
		['/me#x', /fragment/],
		['', /empty/],
		['   ', /empty/],
	])('refuses %j', (path, message) => {
		expect(() => buildApiUrl(base, path)).toThrow(UnsafePathError);
		expect(() => buildApiUrl(base, path)).toThrow(message);
	});

	it('tells the user what to enter instead', () => {
		expect(() => assertRelativeApiPath('https://evil.example/me')).toThrow(
			/relative to the credential's base URL, e.g. \/me/,
		);
	});
});

describe('pathSegment', () => {
	it('encodes separators so an ID can never add path segments', () => {
		expect(pathSegment('a/../b')).toBe('a%2F..%2Fb');
		expect(pathSegment(' 42 ')).toBe('42');
	});
});
