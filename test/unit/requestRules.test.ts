import {
	assertUserHeaders,
	checkWholeNumber,
	isHeaderSafe,
	RequestRefusedError,
} from '../../nodes/shared/requestRules';

function refusal(run: () => unknown): RequestRefusedError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(RequestRefusedError);
		return error as RequestRefusedError;
	}
	throw new Error('expected a RequestRefusedError, nothing was thrown');
}

describe('assertUserHeaders', () => {
	it('accepts ordinary headers', () => {
		expect(() =>
			assertUserHeaders({
				Accept: 'application/json',
				'Content-Type': 'application/json; charset=utf-8',
				'X-Request-Id': 'abc-123',
				'X-AuthArmor-UsernameValue': 'user1@autharmor.example',
				'If-None-Match': '"etag"',
				'X-Tabbed': 'a\tb',
				'X-Number': 5,
				'X-Empty': '',
				'X-Null': null,
			}),
		).not.toThrow();
		expect(() => assertUserHeaders({})).not.toThrow();
	});

	it.each([
		'Host',
		'host',
		'HOST',
		'Authorization',
		'aUtHoRiZaTiOn',
		'Proxy-Authorization',
		'proxy-authorization',
		'Cookie',
		'COOKIE',
		'Content-Length',
		'content-length',
		'Transfer-Encoding',
		'TRANSFER-ENCODING',
		'Connection',
		'connection',
	])('refuses the reserved header %s', (name) => {
		const error = refusal(() => assertUserHeaders({ Accept: 'application/json', [name]: 'x' }));
		expect(error.message).toContain(`"${name}" cannot be set here`);
		expect(error.description).toMatch(/Remove it from Headers/);
	});

	it.each(['X Evil', 'X-Evil:', 'X-Évil', 'X-Evil\r\n', '', '(paren)', 'a/b', 'Ωuser'])(
		'refuses the invalid header name %j',
		(name) => {
			expect(refusal(() => assertUserHeaders({ [name]: 'x' })).message).toMatch(
				/is not a valid header name/,
			);
		},
	);

	it.each([
		['Ωuser', 'non-ASCII letter'],
		['josé', 'accented letter'],
		['é', 'lone accented letter'],
		['a\r\nX-Evil: 1', 'CR/LF injection'],
		['a\nb', 'line feed'],
		['a\rb', 'carriage return'],
		['a\u0000b', 'NUL'],
		['a\u007fb', 'DEL'],
		['\u00a0', 'non-breaking space'],
	])('refuses the value %j (%s)', (value) => {
		const error = refusal(() => assertUserHeaders({ 'X-Username': value }));
		expect(error.message).toContain('"X-Username"');
		expect(error.message).toMatch(/only printable ASCII/);
		expect(error.description).toMatch(/line breaks/);
	});
});

describe('isHeaderSafe', () => {
	it.each([
		['', true],
		['plain', true],
		['a\tb', true],
		[' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', true],
		['Ωuser', false],
		['josé', false],
		['a\r\nb', false],
		['\u0000', false],
		['\u007f', false],
		['😀', false],
	])('%j -> %p', (value, safe) => {
		expect(isHeaderSafe(value)).toBe(safe);
	});
});

describe('checkWholeNumber', () => {
	it.each([
		['7', 7],
		[7, 7],
		[' 7 ', 7],
		['100', 100],
		[1, 1],
	])('accepts %j as %p', (value, expected) => {
		expect(checkWholeNumber(value, 'Limit', { min: 1, max: 100 })).toBe(expected);
	});

	it.each([
		-1,
		0,
		2.5,
		'2.5',
		'abc',
		'',
		'   ',
		NaN,
		Infinity,
		null,
		undefined,
		true,
		[],
		{},
		'7abc',
	])('refuses %p and names the field', (value) => {
		const error = refusal(() => checkWholeNumber(value, 'Limit', { min: 1, max: 100 }));
		expect(error.message).toMatch(/^Limit must be a whole number from 1 to 100/);
	});

	it('respects the maximum', () => {
		expect(checkWholeNumber(100, 'Limit', { min: 1, max: 100 })).toBe(100);
		expect(refusal(() => checkWholeNumber(101, 'Limit', { min: 1, max: 100 })).message).toBe(
			'Limit must be a whole number from 1 to 100, not "101".',
		);
		expect(() => checkWholeNumber('101', 'Limit', { min: 1, max: 100 })).toThrow(
			RequestRefusedError,
		);
	});

	it('accepts zero when the minimum is zero, and words the range without a maximum', () => {
		expect(checkWholeNumber(0, 'Offset', { min: 0 })).toBe(0);
		expect(checkWholeNumber('0', 'Offset', { min: 0 })).toBe(0);
		expect(refusal(() => checkWholeNumber(-1, 'Offset', { min: 0 })).message).toBe(
			'Offset must be a whole number 0 or more, not "-1".',
		);
	});

	it('refuses a number beyond the safe integer range', () => {
		expect(() => checkWholeNumber(2 ** 60, 'Limit', { min: 0 })).toThrow(RequestRefusedError);
	});
});
