import type { IDataObject } from 'n8n-workflow';

import { optionsCollection, readReturnLimit, returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { paginate, pageNumberStyle } from '../../../shared/pagination';
import { readRequestSettings } from '../../../shared/requestSettings';
import { MAX_PAGE_SIZE, authArmorApi } from '../../authArmorApi';

/** Auth Armor's page numbers; `page_info.total_page_count` says where the last page is. */
const usersPages = pageNumberStyle({
	pageParam: 'page_number',
	sizeParam: 'page_size',
	itemsKey: 'user_records',
	totalPages: (answer) => (answer?.page_info as IDataObject | undefined)?.total_page_count,
});

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: 'List the users',
	action: 'Get many users',
	properties: [
		...returnAllOrLimit,
		optionsCollection([
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
	],
	async execute(itemIndex) {
		const limit = readReturnLimit.call(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return await paginate.call(
			this,
			authArmorApi,
			{
				method: 'GET',
				path: '/{apiVersion}/users',
				qs: {
					...(options.sortColumn ? { sort_column: options.sortColumn } : {}),
					...(options.sortDirection ? { sort_direction: options.sortDirection } : {}),
				},
			},
			usersPages,
			{ limit, maxPageSize: MAX_PAGE_SIZE, settings: readRequestSettings.call(this, itemIndex) },
		);
	},
};
