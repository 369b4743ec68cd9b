import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * The sort options of a user's lists (auth history, credentials): the columns each list sorts by, and the
 * direction, sent as the reference's `sort_column` / `sort_direction`.
 */
export function sortOptions(columns: Array<{ name: string; value: string }>): INodeProperties[] {
	return [
		{
			displayName: 'Sort Column',
			name: 'sortColumn',
			type: 'options',
			options: columns,
			// Both lists sort by date_created unless told otherwise.
			default: 'date_created',
			description: 'What the list is sorted by',
		},
		{
			displayName: 'Sort Direction',
			name: 'sortDirection',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
			default: 'asc',
		},
	];
}

/** The item's sort options as query parameters (only those set). */
export function readSortQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		...(options.sortColumn ? { sort_column: options.sortColumn } : {}),
		...(options.sortDirection ? { sort_direction: options.sortDirection } : {}),
	};
}
