import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { totalPageItemsStyle } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description:
		"List the account's security incidents from the v1 API (current incidents are under MDR Incident)",
	action: 'Get many security incidents',
	properties: [...returnAllOrLimit, armorListOptions()],
	async execute(itemIndex) {
		return await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/security-incidents' },
			totalPageItemsStyle(),
		);
	},
};
