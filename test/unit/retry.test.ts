import {
	DEFAULT_RETRY_POLICY,
	isRetryable,
	nextRetryDelayMs,
	retryAfterMs,
} from '../../nodes/shared/retry';

const now = Date.parse('2026-11-25T10:00:00Z');
const noJitter = { now, random: () => 0.5 };

describe('isRetryable', () => {
	it.each([
		[429, 'POST', true],
		[429, 'GET', true],
		[503, 'GET', true],
		[502, 'PUT', true],
		[504, 'HEAD', true],
		[503, 'POST', false],
		[503, 'PATCH', false],
		[503, 'DELETE', false],
		[500, 'GET', false],
		[400, 'GET', false],
		[401, 'GET', false],
		[404, 'GET', false],
	])('status %i on %s: %p', (status, method, expected) => {
		expect(isRetryable({ status, message: '' }, method)).toBe(expected);
	});

	it.each([
		['ECONNREFUSED', 'POST', true],
		['ENOTFOUND', 'DELETE', true],
		['ECONNRESET', 'GET', true],
		['ECONNRESET', 'POST', false],
		['ETIMEDOUT', 'PATCH', false],
		['ETIMEDOUT', 'GET', true],
		[undefined, 'GET', false],
	])('network %s on %s: %p', (code, method, expected) => {
		expect(isRetryable({ code, message: '' }, method)).toBe(expected);
	});
});

describe('retryAfterMs', () => {
	it.each([
		[{ 'retry-after': '3' }, 3000],
		[{ 'retry-after': '0' }, 0],
		[{ 'retry-after': '1.5' }, 1500],
		[{ 'Retry-After': 2 }, 2000],
		[{ 'retry-after': 'Wed, 25 Nov 2026 10:00:05 GMT' }, 5000],
		[{ 'retry-after': 'Wed, 25 Nov 2026 09:00:00 GMT' }, 0],
		[{ 'retry-after': 'soon' }, undefined],
		[{}, undefined],
		[undefined, undefined],
	])('%j -> %p', (headers, expected) => {
		expect(retryAfterMs(headers, now)).toBe(expected);
	});
});

describe('nextRetryDelayMs', () => {
	const busy = { status: 503, message: '' };

	it('backs off exponentially, half of each step random', () => {
		expect(nextRetryDelayMs(busy, 'GET', 1, 0, DEFAULT_RETRY_POLICY, noJitter)).toBe(375);
		expect(nextRetryDelayMs(busy, 'GET', 2, 0, DEFAULT_RETRY_POLICY, noJitter)).toBe(750);
		expect(nextRetryDelayMs(busy, 'GET', 3, 0, DEFAULT_RETRY_POLICY, noJitter)).toBe(1500);
		const low = nextRetryDelayMs(busy, 'GET', 1, 0, DEFAULT_RETRY_POLICY, { now, random: () => 0 });
		const high = nextRetryDelayMs(busy, 'GET', 1, 0, DEFAULT_RETRY_POLICY, {
			now,
			random: () => 1,
		});
		expect([low, high]).toEqual([250, 500]);
	});

	it('stops after the last attempt', () => {
		expect(nextRetryDelayMs(busy, 'GET', 4, 0, DEFAULT_RETRY_POLICY, noJitter)).toBeUndefined();
	});

	it('honours Retry-After, but not beyond the total budget', () => {
		const asked = { status: 429, headers: { 'retry-after': '7' }, message: '' };
		expect(nextRetryDelayMs(asked, 'POST', 1, 0, DEFAULT_RETRY_POLICY, noJitter)).toBe(7000);
		expect(
			nextRetryDelayMs(asked, 'POST', 1, 55_000, DEFAULT_RETRY_POLICY, noJitter),
		).toBeUndefined();
		const tooLong = { status: 429, headers: { 'retry-after': '3600' }, message: '' };
		expect(nextRetryDelayMs(tooLong, 'GET', 1, 0, DEFAULT_RETRY_POLICY, noJitter)).toBeUndefined();
	});

	it('never retries what is not retryable', () => {
		expect(nextRetryDelayMs({ status: 503, message: '' }, 'POST', 1, 0)).toBeUndefined();
		expect(nextRetryDelayMs({ status: 404, message: '' }, 'GET', 1, 0)).toBeUndefined();
	});

	it('with one attempt allowed, never retries', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };
		expect(nextRetryDelayMs(busy, 'GET', 1, 0, policy, noJitter)).toBeUndefined();
	});
});
