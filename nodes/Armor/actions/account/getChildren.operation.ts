import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

export const getChildren: OperationDefinition = {
	name: 'Get Children',
	description: "List the accounts under the current account (a reseller's customers)",
	action: 'Get child accounts',
	properties: [...returnAllOrLimit, armorListOptions()],
	async execute(itemIndex) {
		return await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/account/children' },
			wholeArray,
		);
	},
};
