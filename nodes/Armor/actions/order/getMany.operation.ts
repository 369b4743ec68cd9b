import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: 'List the orders of virtual machines placed for the account, with their status',
	action: 'Get many orders',
	properties: [...returnAllOrLimit, armorListOptions()],
	async execute(itemIndex) {
		return await armorList.call(this, itemIndex, { method: 'GET', path: '/orders' }, wholeArray);
	},
};
