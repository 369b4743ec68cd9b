import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: "List the account's log management subscriptions (retention and storage used)",
	action: 'Get many log management subscriptions',
	properties: [...returnAllOrLimit, armorListOptions()],
	async execute(itemIndex) {
		return await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/log-management' },
			wholeArray,
		);
	},
};
