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

describe('buildApiUrl: how lenient servers read a segment', () => {
	it.each([
		['/a/..;/b', /segment/],
		['/..;x/me', /segment/],
		['/a/..;jsessionid=1/b', /segment/],
		['/a/%2e%2e%3bfoo/b', /segment/],
		['/a/%2e%2e;foo/b', /segment/],
		['/a/.. /b', /segment/],
		['/a/%20..%20/b', /segment/],
		['/a/\u2025/b', /segment/], // ‥ two dot leader: NFKC ".."
		['/a/\uff0e\uff0e/b', /segment/], // fullwidth full stops
		['/a/\uff0e/b', /segment/],
		['/a/%EF%BC%8E%EF%BC%8E/b', /segment/],
		['/a/%ef%bc%8e%ef%bc%8e/b', /segment/],
		['/a/%E2%80%A5/b', /segment/], // ‥ encoded
		['/a/%EF%BC%8F..%EF%BC%8Fb', /encoded slash/], // fullwidth solidus, encoded
		['/a\uff0f..\uff0fb', /encoded slash/], // fullwidth solidus, raw
		['/a/%EF%BC%BC..', /encoded slash/], // fullwidth reverse solidus
		['/a/..%00/b', /control character/],
		['/a/%00/b', /control character/],
		['/a/%0d%0aX-Evil:%201/b', /control character/],
		['/a/%c0%ae%c0%ae/b', /malformed percent-encoding/], // overlong UTF-8 dots
	])('refuses %j', (path, message) => {
		expect(() => buildApiUrl(base, path)).toThrow(UnsafePathError);
		expect(() => buildApiUrl(base, path)).toThrow(message);
	});

	it.each([
		['/users/john.doe', 'https://api.armor.com/users/john.doe'],
		['/a/...', 'https://api.armor.com/a/...'], // not a parent segment for URL parsers or servers
		['/a/.../b', 'https://api.armor.com/a/.../b'],
		['/files/.hidden', 'https://api.armor.com/files/.hidden'],
		['/files/a..b', 'https://api.armor.com/files/a..b'],
		['/a/\u2026', 'https://api.armor.com/a/\u2026'], // … horizontal ellipsis: NFKC "..."
		[
			'/v4/users/00000000-0000-0000-0000-000000000000',
			'https://api.armor.com/v4/users/00000000-0000-0000-0000-000000000000',
		],
		['/users/a%40b.example', 'https://api.armor.com/users/a%40b.example'],
		['/search?path=../x', 'https://api.armor.com/search?path=../x'], // the query string is not a path
		['/me;v=1', 'https://api.armor.com/me;v=1'],
	])('accepts %j', (path, expected) => {
		expect(buildApiUrl(base, path)).toBe(expected);
	});

	it('resolves what it accepts to the same place a URL parser does', () => {
		for (const path of ['/users/john.doe', '/a/...', '/a/.../b', '/files/a..b']) {
			const url = buildApiUrl(base, path);
			expect(new URL(url).href).toBe(url);
		}
	});
});

describe('assertRelativeApiPath', () => {
	it('returns the path with exactly one leading slash', () => {
		expect(assertRelativeApiPath('me')).toBe('/me');
		expect(assertRelativeApiPath('  /me  ')).toBe('/me');
		expect(assertRelativeApiPath('/users/john.doe')).toBe('/users/john.doe');
	});

	it('names the path in the refusal', () => {
		expect(() => assertRelativeApiPath('/a/..;/b')).toThrow(/"\/a\/\.\.;\/b"/);
	});
});
