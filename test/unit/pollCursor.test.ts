/** The polling triggers' cursor (nodes/shared/pollCursor.ts): nothing twice, nothing missed. */
import {
	MAX_IDS_AT_CURSOR,
	advance,
	readCursor,
	startingCursor,
	takeNew,
	type PollCursor,
	type PolledRecord,
} from '../../nodes/shared/pollCursor';

const key = (record: PolledRecord) => record;
const r = (id: string, at: string): PolledRecord => ({ id, at });

test('the first activation records what exists; the next poll emits only what came after', () => {
	const cursor = startingCursor([r('a', '2026-01-01T00:00:01Z'), r('b', '2026-01-01T00:00:02Z')]);
	expect(cursor).toEqual({ at: '2026-01-01T00:00:02Z', ids: ['b'] });
	const { fresh } = takeNew(
		[
			r('a', '2026-01-01T00:00:01Z'),
			r('b', '2026-01-01T00:00:02Z'),
			r('c', '2026-01-01T00:00:03Z'),
		],
		key,
		cursor,
	);
	expect(fresh.map((x) => x.id)).toEqual(['c']);
});

test('records sharing the newest timestamp: none repeated, none missed, across polls', () => {
	const t = '2026-01-01T00:00:05Z';
	const first = takeNew([r('a', t), r('b', t)], key, { at: '', ids: [] });
	expect(first.fresh.map((x) => x.id)).toEqual(['a', 'b']);
	expect(first.cursor).toEqual({ at: t, ids: ['a', 'b'] });
	// A third record with the same timestamp arrives later (the API wrote it in the same second).
	const second = takeNew([r('a', t), r('b', t), r('c', t)], key, first.cursor);
	expect(second.fresh.map((x) => x.id)).toEqual(['c']);
	expect(second.cursor).toEqual({ at: t, ids: ['a', 'b', 'c'] });
	const third = takeNew([r('a', t), r('b', t), r('c', t)], key, second.cursor);
	expect(third.fresh).toEqual([]);
	expect(third.cursor).toEqual(second.cursor);
});

test('pages in any order, and a record on two pages, give each new record once, oldest first', () => {
	const pages = [
		[r('e', '05'), r('d', '04')],
		[r('c', '03'), r('d', '04'), r('f', '06')],
	];
	const { fresh, cursor } = takeNew(pages.flat(), key, { at: '03', ids: ['c'] });
	expect(fresh.map((x) => x.id)).toEqual(['d', 'e', 'f']);
	expect(cursor).toEqual({ at: '06', ids: ['f'] });
});

test('a failed poll keeps the cursor (only a complete poll moves it), and the next poll catches up', () => {
	const before: PollCursor = { at: '10', ids: ['x'] };
	// The trigger stores `takeNew(...).cursor` only after every page was read; a failure stores nothing.
	const { fresh, cursor } = takeNew([r('y', '11'), r('z', '12'), r('x', '10')], key, before);
	expect(fresh.map((x) => x.id)).toEqual(['y', 'z']);
	expect(cursor).toEqual({ at: '12', ids: ['z'] });
});

test('older records arriving late never move the cursor back', () => {
	const { fresh, cursor } = takeNew([r('old', '01')], key, { at: '09', ids: ['n'] });
	expect(fresh).toEqual([]);
	expect(cursor).toEqual({ at: '09', ids: ['n'] });
});

test('an n8n restart: the cursor survives JSON in static data; junk is no cursor', () => {
	const stored = JSON.parse(JSON.stringify({ at: '2026-01-01T00:00:05Z', ids: ['a', 'b'] }));
	expect(readCursor(stored)).toEqual({ at: '2026-01-01T00:00:05Z', ids: ['a', 'b'] });
	expect(readCursor(undefined)).toBeUndefined();
	expect(readCursor({ at: 5 })).toBeUndefined();
	expect(readCursor('x')).toBeUndefined();
});

test('the IDs kept at one timestamp are bounded', () => {
	const many = Array.from({ length: MAX_IDS_AT_CURSOR + 5 }, (_, i) => r(`id${i}`, '07'));
	const cursor = advance({ at: '', ids: [] }, many);
	expect(cursor.ids).toHaveLength(MAX_IDS_AT_CURSOR);
	expect(cursor.ids[cursor.ids.length - 1]).toBe(`id${MAX_IDS_AT_CURSOR + 4}`);
});
