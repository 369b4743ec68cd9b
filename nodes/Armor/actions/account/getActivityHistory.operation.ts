import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { totalPageItemsStyle } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

export const getActivityHistory: OperationDefinition = {
	name: 'Get Activity History',
	description: "List the current account's activity history (who did what, and when)",
	action: 'Get account activity history',
	properties: [...returnAllOrLimit, armorListOptions()],
	async execute(itemIndex) {
		return await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/account/activity/history' },
			totalPageItemsStyle(),
		);
	},
};
