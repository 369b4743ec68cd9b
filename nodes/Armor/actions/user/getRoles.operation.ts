import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

export const getRoles: OperationDefinition = {
	name: 'Get Roles',
	description: 'List the roles of the account, with their permissions and members',
	action: 'Get user roles',
	properties: [...returnAllOrLimit, armorListOptions()],
	async execute(itemIndex) {
		return await armorList.call(this, itemIndex, { method: 'GET', path: '/roles' }, wholeArray);
	},
};
