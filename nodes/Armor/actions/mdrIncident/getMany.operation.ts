import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';
import { MDR_MAX_PAGE_SIZE, mdrFilterOptions, mdrPages, readMdrFilters } from '../../mdr';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: 'List incidents from the MDR service (v2), newest first by default',
	action: 'Get many MDR incidents',
	properties: [...returnAllOrLimit, armorListOptions(mdrFilterOptions)],
	async execute(itemIndex) {
		return await armorList.call(
			this,
			itemIndex,
			{
				method: 'GET',
				path: '/incidents',
				service: 'mdr',
				qs: readMdrFilters.call(this, itemIndex),
			},
			mdrPages,
			MDR_MAX_PAGE_SIZE,
		);
	},
};
