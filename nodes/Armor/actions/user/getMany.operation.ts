import { readSimplify, returnAllOrLimit, simplifyField } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';
import { simplifyUser } from './get.operation';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: 'List the users of the account',
	action: 'Get many users',
	properties: [...returnAllOrLimit, simplifyField, armorListOptions()],
	async execute(itemIndex) {
		const users = await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/users' },
			wholeArray,
		);
		return readSimplify.call(this, itemIndex) ? users.map(simplifyUser) : users;
	},
};
