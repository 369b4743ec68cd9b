import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: 'List the accounts the user can see',
	action: 'Get many accounts',
	properties: [...returnAllOrLimit, armorOptions()],
	async execute(itemIndex) {
		return await armorList.call(this, itemIndex, { method: 'GET', path: '/accounts' }, wholeArray);
	},
};
