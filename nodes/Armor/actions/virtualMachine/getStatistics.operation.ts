import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { vmIdField } from './vmFields';

/**
 * A date option as the ISO 8601 text Armor reads ('' when not set): the date picker's text, or what an
 * expression gave (a Luxon DateTime such as $now, or a JS Date).
 */
function readDate(
	this: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
): string {
	const value = this.getNodeParameter(`options.${name}`, itemIndex, '') as unknown;
	let text: string;
	if (value instanceof Date) text = value.toISOString();
	else if (
		value &&
		typeof value === 'object' &&
		'toISO' in value &&
		typeof value.toISO === 'function'
	)
		text = String((value as { toISO: () => unknown }).toISO());
	else text = String(value ?? '').trim();
	if (text && Number.isNaN(Date.parse(text))) {
		throw new NodeOperationError(this.getNode(), `${displayName} is not a date: "${text}".`, {
			itemIndex,
			description: 'Use an ISO 8601 date and time, e.g. 2024-01-31T00:00:00Z.',
		});
	}
	return text;
}

export const getStatistics: OperationDefinition = {
	name: 'Get Statistics',
	description:
		"Get a virtual machine's CPU, memory, disk and network usage over time, one sample per interval",
	action: 'Get statistics of a virtual machine',
	properties: [
		vmIdField,
		armorOptions([
			{
				displayName: 'Interval',
				name: 'interval',
				type: 'options',
				options: [
					{ name: 'Minute', value: 'minute' },
					{ name: 'Hour', value: 'hour' },
					{ name: 'Day', value: 'day' },
				],
				default: 'hour',
				description: 'The time one sample covers (Armor: hour when not set)',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description:
					'First sample to return. Without it, Armor returns the 24 intervals before End Date. A time without a zone is UTC.',
			},
			{
				displayName: 'End Date',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description:
					'End of the range. Without it, Armor returns 24 intervals from Start Date, or up to now. A time without a zone is UTC.',
			},
		]),
	],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'vmId', 'VM ID', itemIndex);
		const interval = String(this.getNodeParameter('options.interval', itemIndex, '') ?? '');
		const startDate = readDate.call(this, 'startDate', 'Start Date', itemIndex);
		const endDate = readDate.call(this, 'endDate', 'End Date', itemIndex);
		return (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/stats/vms/${id}`,
			qs: {
				...(interval ? { interval } : {}),
				...(startDate ? { startDate } : {}),
				...(endDate ? { endDate } : {}),
			},
		})) as IDataObject;
	},
};
