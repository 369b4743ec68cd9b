import type { IDataObject } from 'n8n-workflow';

/**
 * What a polling trigger has seen, kept in the workflow's static data between polls (and n8n restarts):
 * the newest position reached (a timestamp, or any value that sorts as text) and the IDs seen AT that position,
 * so that records sharing the newest timestamp are neither emitted twice nor missed.
 */
export interface PollCursor {
	/** The newest position seen ('' before the first poll recorded one). */
	at: string;
	/** IDs of the records seen at `at` (bounded: see MAX_IDS_AT_CURSOR). */
	ids: string[];
}

/** More records than this sharing one timestamp is not expected; the oldest-seen are forgotten first. */
export const MAX_IDS_AT_CURSOR = 1000;

export interface PolledRecord {
	id: string;
	/** Where the record sorts: an ISO timestamp (or a number written to sort as text). */
	at: string;
}

/** A cursor from static data, or undefined when there is none yet (first activation). */
export function readCursor(stored: unknown): PollCursor | undefined {
	if (!stored || typeof stored !== 'object') return undefined;
	const { at, ids } = stored as IDataObject;
	if (typeof at !== 'string' || !Array.isArray(ids)) return undefined;
	return { at, ids: ids.map(String) };
}

/** Whether a record is newer than what the cursor has seen. */
export function isNew(record: PolledRecord, cursor: PollCursor): boolean {
	return record.at > cursor.at || (record.at === cursor.at && !cursor.ids.includes(record.id));
}

/**
 * The records of one complete poll that are new, oldest first, and the cursor after them. Records can come in
 * any order and over several pages; a record seen twice in one poll is emitted once. The cursor only moves
 * forward, so a poll that saw nothing new (or older records arriving late) keeps it.
 */
export function takeNew<T>(
	records: T[],
	keyOf: (record: T) => PolledRecord,
	cursor: PollCursor,
): { fresh: T[]; cursor: PollCursor } {
	const seen = new Set<string>();
	const fresh: Array<{ record: T; key: PolledRecord }> = [];
	for (const record of records) {
		const key = keyOf(record);
		if (seen.has(key.id)) continue;
		seen.add(key.id);
		if (isNew(key, cursor)) fresh.push({ record, key });
	}
	fresh.sort((a, b) => (a.key.at < b.key.at ? -1 : a.key.at > b.key.at ? 1 : 0));
	return {
		fresh: fresh.map(({ record }) => record),
		cursor: advance(
			cursor,
			fresh.map(({ key }) => key),
		),
	};
}

/** The cursor after these records were seen (all of them, not only new ones, may be passed). */
export function advance(cursor: PollCursor, keys: PolledRecord[]): PollCursor {
	let { at } = cursor;
	for (const key of keys) if (key.at > at) at = key.at;
	const ids = at === cursor.at ? [...cursor.ids] : [];
	for (const key of keys) if (key.at === at && !ids.includes(key.id)) ids.push(key.id);
	return { at, ids: ids.slice(-MAX_IDS_AT_CURSOR) };
}

/** The cursor a first activation records: everything that exists now counts as seen. */
export function startingCursor(keys: PolledRecord[]): PollCursor {
	return advance({ at: '', ids: [] }, keys);
}
