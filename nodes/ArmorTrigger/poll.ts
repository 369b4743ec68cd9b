import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { armorApi } from '../Armor/armorApi';
import { accountsOf } from '../Armor/armorRequest';
import { paginate } from '../shared/pagination';
import { isNew, readCursor, startingCursor, takeNew, type PollCursor } from '../shared/pollCursor';
import { TRIGGER_EVENTS, type ListEvent, type StateEvent } from './events';

/** A list read newest first stops at the first page with nothing new; this bounds one that never does. */
const MAX_RECORDS_PER_POLL = 5_000;

interface Watched {
	/** The account (X-Account-Context) or '' for the credential's default. */
	accountContext: string;
	forAccount?: IDataObject;
}

/**
 * One poll of the Armor Trigger. What has been seen is kept in the workflow's static data per event, filters
 * and account, and is written only after every account was read: a poll that fails (the API is down) changes
 * nothing, and the next one catches up. The first poll of an active workflow only records what exists; a
 * manual run returns the newest record so its fields can be mapped, and records nothing.
 */
export async function pollArmor(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const eventValue = this.getNodeParameter('event') as string;
	const event = TRIGGER_EVENTS.find(({ value }) => value === eventValue);
	if (!event) {
		throw new NodeOperationError(this.getNode(), `The event "${eventValue}" is not supported.`);
	}
	const filters = (this.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	const options = (this.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const manual = this.getMode() === 'manual';
	const stored = this.getWorkflowStaticData('node');
	const watched = await watchedAccounts.call(this, options);

	const emitted: IDataObject[] = [];
	const updates: Record<string, unknown> = {};
	for (const account of watched) {
		const key = `${event.value}|${JSON.stringify(filters)}|${account.accountContext}`;
		const result =
			event.kind === 'list'
				? await pollList.call(this, event, filters, account, stored[key], manual)
				: await pollStates.call(this, event, filters, account, stored[key], manual);
		emitted.push(...result.records.map((record) => tagged(record, account)));
		updates[key] = result.memory;
	}
	if (!manual) Object.assign(stored, updates);
	return emitted.length ? [this.helpers.returnJsonArray(emitted)] : null;
}

function tagged(record: IDataObject, account: Watched): IDataObject {
	return account.forAccount ? { ...record, forAccount: account.forAccount } : record;
}

async function watchedAccounts(this: IPollFunctions, options: IDataObject): Promise<Watched[]> {
	if (options.forEachAccount) {
		return (await accountsOf(this)).map((account) => ({
			accountContext: String(account.id),
			forAccount: { id: account.id, name: account.name },
		}));
	}
	const picked = options.accountContext as { value?: unknown } | string | undefined;
	const value = typeof picked === 'object' && picked !== null ? picked.value : picked;
	return [{ accountContext: String(value ?? '').trim() }];
}

async function readList(
	this: IPollFunctions,
	event: ListEvent | StateEvent,
	filters: IDataObject,
	account: Watched,
	limit: number,
	stopAfter?: (page: IDataObject[]) => boolean,
): Promise<IDataObject[]> {
	const { request, style } = event.list(filters);
	return await paginate.call(
		this,
		armorApi(this),
		{ ...request, accountContext: account.accountContext },
		style,
		{ limit, maxPageSize: event.maxPageSize, settings: {}, stopAfter },
	);
}

async function pollList(
	this: IPollFunctions,
	event: ListEvent,
	filters: IDataObject,
	account: Watched,
	memory: unknown,
	manual: boolean,
): Promise<{ records: IDataObject[]; memory: PollCursor }> {
	const cursor = readCursor(memory);
	if (manual || !cursor) {
		// Newest first: the first page holds the newest records (a list without that order is read whole).
		const records = await readList.call(
			this,
			event,
			filters,
			account,
			event.newestFirst ? event.maxPageSize : MAX_RECORDS_PER_POLL,
		);
		const keys = records.map(event.key).filter((key) => key.at !== '');
		const newest = [...records].sort((a, b) => (event.key(b).at > event.key(a).at ? 1 : -1))[0];
		return {
			records: manual && newest ? [newest] : [],
			memory: cursor ?? startingCursor(keys),
		};
	}
	const records = await readList.call(
		this,
		event,
		filters,
		account,
		MAX_RECORDS_PER_POLL,
		event.newestFirst
			? (page) => page.every((record) => !isNew(event.key(record), cursor))
			: undefined,
	);
	const { fresh, cursor: next } = takeNew(records, event.key, cursor);
	return { records: fresh, memory: next };
}

async function pollStates(
	this: IPollFunctions,
	event: StateEvent,
	filters: IDataObject,
	account: Watched,
	memory: unknown,
	manual: boolean,
): Promise<{ records: IDataObject[]; memory: Record<string, string> }> {
	const records = await readList.call(this, event, filters, account, MAX_RECORDS_PER_POLL);
	const states: Record<string, string> = {};
	for (const record of records) states[event.id(record)] = event.state(record);
	const previous = (memory && typeof memory === 'object' ? memory : undefined) as
		| Record<string, string>
		| undefined;
	if (manual) return { records: records.slice(0, 1), memory: previous ?? states };
	if (!previous) return { records: [], memory: states };
	const changed = records
		.filter((record) => {
			const before = previous[event.id(record)];
			return before !== undefined && before !== event.state(record);
		})
		.map((record) => ({
			...record,
			previousState: previous[event.id(record)],
			state: event.state(record),
		}));
	return { records: changed, memory: states };
}
