import type { IDataObject } from 'n8n-workflow';

import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorList } from '../../authArmorRequest';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: 'List the users',
	action: 'Get many users',
	properties: [
		...returnAllOrLimit,
		optionsCollection([
			{
				displayName: 'Username Contains',
				name: 'username',
				type: 'string',
				default: '',
				placeholder: 'e.g. @example.com',
				description: 'Only users whose username contains this (Auth Armor matches it without case)',
			},
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
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return await authArmorList.call(
			this,
			itemIndex,
			{
				method: 'GET',
				path: '/{apiVersion}/users',
				qs: {
					...(String(options.username ?? '').trim()
						? { username: String(options.username).trim() }
						: {}),
					...(options.sortColumn ? { sort_column: options.sortColumn } : {}),
					...(options.sortDirection ? { sort_direction: options.sortDirection } : {}),
				},
			},
			'user_records',
		);
	},
};
