import { EMPTY_USER_ID, USERNAME_HEADER, userTarget } from '../../nodes/AuthArmor/userTarget';
import { RequestRefusedError } from '../../nodes/shared/requestRules';

describe('userTarget by username, header mode', () => {
	it('puts the zero GUID in the path and the username in the header only', () => {
		expect(userTarget('username', 'user1@autharmor.example', 'header')).toEqual({
			segment: EMPTY_USER_ID,
			headers: { [USERNAME_HEADER]: 'user1@autharmor.example' },
			qs: {},
		});
		expect(EMPTY_USER_ID).toBe('00000000-0000-0000-0000-000000000000');
	});

	it('sends a username with ASCII punctuation unchanged', () => {
		const value = "o'brien+tag@auth-armor.example";
		expect(userTarget('username', value, 'header').headers[USERNAME_HEADER]).toBe(value);
	});

	it.each([
		['Ωuser1@autharmor.example'],
		['josé@example.com'],
		['user1@autharmor.example\nX-Evil: 1'],
		['user1@autharmor.example\r\n'],
		['user\u00a0one@example.com'],
	])('refuses %j rather than let the HTTP layer alter it', (value) => {
		let caught: unknown;
		try {
			userTarget('username', value, 'header');
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(RequestRefusedError);
		const { message, description } = caught as RequestRefusedError;
		expect(message).toContain(USERNAME_HEADER);
		expect(message).toMatch(/only printable ASCII/);
		expect(description).toContain('"Query String"');
		expect(description).toContain('"Send Username In"');
	});
});

describe('userTarget by username, query mode', () => {
	it.each([
		['user1@autharmor.example'],
		['Ωuser1@autharmor.example'],
		['josé@example.com'],
		['line\nbreak'],
	])('sends %j unchanged in qs.username, not in a header', (value) => {
		expect(userTarget('username', value, 'query')).toEqual({
			segment: EMPTY_USER_ID,
			headers: {},
			qs: { username: value },
		});
	});
});

describe('userTarget by id', () => {
	it('puts the id in the path, whatever the username placement', () => {
		const id = '3f2b6c1e-8d4a-4c2e-9b1f-0a7e5d3c2b1a';
		for (const placement of ['header', 'query'] as const) {
			expect(userTarget('id', id, placement)).toEqual({ segment: id, headers: {}, qs: {} });
		}
	});

	it.each([
		['a/../b', 'a%2F..%2Fb'],
		['../admin', '..%2Fadmin'],
		['x?y=1#z', 'x%3Fy%3D1%23z'],
		['a\\b', 'a%5Cb'],
		[' 42 ', '42'],
		['Ωid', '%CE%A9id'],
	])('path-encodes %j as %j so it stays one segment', (value, segment) => {
		const target = userTarget('id', value, 'header');
		expect(target.segment).toBe(segment);
		expect(target.segment).not.toMatch(/[/?#\\]/);
	});
});
