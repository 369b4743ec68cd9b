import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { paginate, type PagingStyle } from './pagination';
import {
	isNew,
	readCursor,
	startingCursor,
	takeNew,
	type PolledRecord,
	type PollCursor,
} from './pollCursor';
import type { ApiDefinition, ApiRequest } from './transport';

/** A list a polling trigger watches for new records. */
export interface PolledList {
	/** The list's request with the trigger's filters applied, and how it pages. */
	list(filters: IDataObject): { request: ApiRequest; style: PagingStyle };
	maxPageSize: number;
	/** The list comes newest first, so reading can stop at the first page with nothing new. */
	newestFirst: boolean;
	/** Where a record sorts and what identifies it. */
	key(record: IDataObject): PolledRecord;
}

/** A list read newest first stops at the first page with nothing new; this bounds one that never does. */
export const MAX_RECORDS_PER_POLL = 5_000;

/**
 * One poll of one list: the new records (oldest first) and the cursor to keep. Without a cursor (the first poll
 * of an active workflow) everything that exists counts as seen and nothing is emitted; a manual run ("Fetch
 * Test Event") returns the newest record and keeps the cursor as it was. The caller stores the cursor only
 * once the whole poll succeeded.
 */
export async function pollNewRecords(
	this: IPollFunctions,
	api: ApiDefinition,
	watched: PolledList,
	filters: IDataObject,
	extra: Partial<ApiRequest>,
	memory: unknown,
	manual: boolean,
): Promise<{ records: IDataObject[]; memory: PollCursor }> {
	const read = async (limit: number, stopAfter?: (page: IDataObject[]) => boolean) => {
		const { request, style } = watched.list(filters);
		return await paginate.call(this, api, { ...request, ...extra }, style, {
			limit,
			maxPageSize: watched.maxPageSize,
			settings: {},
			stopAfter,
		});
	};
	const cursor = readCursor(memory);
	if (manual || !cursor) {
		// Newest first: the first page holds the newest records (a list without that order is read whole).
		const records = await read(watched.newestFirst ? watched.maxPageSize : MAX_RECORDS_PER_POLL);
		const keys = records.map((record) => watched.key(record)).filter((key) => key.at !== '');
		const newest = [...records].sort((a, b) => (watched.key(b).at > watched.key(a).at ? 1 : -1))[0];
		return { records: manual && newest ? [newest] : [], memory: cursor ?? startingCursor(keys) };
	}
	const records = await read(
		MAX_RECORDS_PER_POLL,
		watched.newestFirst
			? (page) => page.every((record) => !isNew(watched.key(record), cursor))
			: undefined,
	);
	const { fresh, cursor: next } = takeNew(records, (record) => watched.key(record), cursor);
	return { records: fresh, memory: next };
}
