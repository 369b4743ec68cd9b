import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { checkWholeNumber } from '../../../shared/requestRules';
import { readRequestSettings } from '../../../shared/requestSettings';
import { apiRequest } from '../../../shared/transport';
import { MAX_PAGE_SIZE, authArmorApi } from '../../authArmorApi';

const show = { resource: ['user'], operation: ['getMany'] };

export const getManyFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	optionsCollection(show, [
		{
			displayName: 'Sort Column',
			name: 'sortColumn',
			type: 'string',
			default: '',
			placeholder: 'e.g. date_created',
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
	]),
];

interface UsersPage {
	user_records?: IDataObject[] | null;
	page_info?: { total_page_count?: number };
}

/** Page-number paging: `page_number`/`page_size`, stop at `total_page_count`, an empty page or the limit. */
export async function getMany(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? Infinity
		: checkWholeNumber(this.getNodeParameter('limit', itemIndex, 50), 'Limit', { min: 1 });
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const pageSize = Math.min(MAX_PAGE_SIZE, limit);
	const users: IDataObject[] = [];
	for (let pageNumber = 1; users.length < limit; pageNumber++) {
		const page = (await apiRequest.call(
			this,
			authArmorApi,
			{
				method: 'GET',
				path: '/{apiVersion}/users',
				qs: {
					page_number: pageNumber,
					page_size: pageSize,
					...(options.sortColumn ? { sort_column: options.sortColumn } : {}),
					...(options.sortDirection ? { sort_direction: options.sortDirection } : {}),
				},
			},
			readRequestSettings.call(this, itemIndex),
		)) as UsersPage;
		const records = page?.user_records ?? [];
		users.push(...records.slice(0, limit - users.length));
		const totalPages = Number(page?.page_info?.total_page_count ?? 0);
		if (records.length === 0 || pageNumber >= totalPages) break;
	}
	return users;
}
