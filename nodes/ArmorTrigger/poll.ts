import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { armorApi } from '../Armor/armorApi';
import { accountsOf } from '../Armor/armorRequest';
import { paginate } from '../shared/pagination';
import { MAX_RECORDS_PER_POLL, pollNewRecords } from '../shared/polling';
import { TRIGGER_EVENTS, type StateEvent } from './events';

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
				? await pollNewRecords.call(
						this,
						armorApi(this),
						event,
						filters,
						{ accountContext: account.accountContext },
						stored[key],
						manual,
					)
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
	event: StateEvent,
	filters: IDataObject,
	account: Watched,
): Promise<IDataObject[]> {
	const { request, style } = event.list(filters);
	return await paginate.call(
		this,
		armorApi(this),
		{ ...request, accountContext: account.accountContext },
		style,
		{ limit: MAX_RECORDS_PER_POLL, maxPageSize: event.maxPageSize, settings: {} },
	);
}

async function pollStates(
	this: IPollFunctions,
	event: StateEvent,
	filters: IDataObject,
	account: Watched,
	memory: unknown,
	manual: boolean,
): Promise<{ records: IDataObject[]; memory: Record<string, string> }> {
	const records = await readList.call(this, event, filters, account);
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
