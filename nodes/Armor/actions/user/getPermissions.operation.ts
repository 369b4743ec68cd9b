import type { IDataObject } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray, type PagingStyle } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

/**
 * Armor answers groups of permissions; one item per permission (with its group's name) is what a workflow
 * filters and looks up, and flattening here lets Limit count permissions, not groups.
 */
const permissionsOfGroups: PagingStyle = {
	request: wholeArray.request,
	read(answer, state) {
		const groups = wholeArray.read(answer, state).items;
		const items = groups.flatMap((group) =>
			(Array.isArray(group.permissions) ? (group.permissions as IDataObject[]) : []).map(
				(permission) => ({ ...permission, group: group.name }),
			),
		);
		return { items, more: false };
	},
};

export const getPermissions: OperationDefinition = {
	name: 'Get Permissions',
	description: 'List the permissions roles can grant, one item per permission with its group',
	action: 'Get user permissions',
	properties: [...returnAllOrLimit, armorListOptions()],
	async execute(itemIndex) {
		return await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/permissions' },
			permissionsOfGroups,
		);
	},
};
