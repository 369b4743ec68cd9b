import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readOptionsAsQuery } from '../shared/descriptions';
import { offsetStyle } from '../shared/pagination';

/**
 * Armor's v2 MDR service (incidents and service requests): the same paging (`startAt`/`pageSize` up to 100,
 * answered `{totalRows, issues}`) and the same filters for both lists.
 */
export const MDR_MAX_PAGE_SIZE = 100;

export const mdrPages = offsetStyle({
	offsetParam: 'startAt',
	sizeParam: 'pageSize',
	itemsKey: 'issues',
	totalKey: 'totalRows',
});

export const mdrFilterOptions: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'string',
		default: '',
		placeholder: 'e.g. Open, In Progress',
		description: 'Only items with one of these statuses (comma-separated)',
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'string',
		default: '',
		placeholder: 'e.g. Critical, High',
		description: 'Only items with one of these priorities (comma-separated)',
	},
	{
		displayName: 'Search',
		name: 'textSearch',
		type: 'string',
		default: '',
		description: 'Only items whose text contains this',
	},
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: [
			{ name: 'Created', value: 'created' },
			{ name: 'ID', value: 'id' },
			{ name: 'Priority', value: 'priority' },
			{ name: 'Severity', value: 'severity' },
			{ name: 'Status', value: 'status' },
			{ name: 'Summary', value: 'summary' },
			{ name: 'Updated', value: 'updated' },
		],
		default: 'id',
	},
	{
		displayName: 'Sort Direction',
		name: 'sortDirection',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
		default: 'desc',
	},
];

/** The list filters the item's Options set, as the MDR service's query parameters. */
export function readMdrFilters(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return readOptionsAsQuery.call(this, itemIndex, [
		'status',
		'priority',
		'textSearch',
		'sortBy',
		'sortDirection',
	]);
}
