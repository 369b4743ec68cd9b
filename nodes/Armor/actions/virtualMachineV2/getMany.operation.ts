import { returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { offsetStyle } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

/** The infrastructure service pages with `top`/`skip` (up to 100) and answers `{total, items}`. */
const infrastructurePages = offsetStyle({
	offsetParam: 'skip',
	sizeParam: 'top',
	itemsKey: 'items',
});

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: 'List virtual machines from the infrastructure service (v2)',
	action: 'Get many virtual machines from the infrastructure service',
	properties: [
		...returnAllOrLimit,
		armorListOptions([
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only machines whose name contains this',
			},
		]),
	],
	async execute(itemIndex) {
		const search = String(this.getNodeParameter('options.search', itemIndex, '') ?? '').trim();
		return await armorList.call(
			this,
			itemIndex,
			{
				method: 'GET',
				path: '/virtual-machines',
				service: 'infrastructure',
				...(search ? { qs: { search } } : {}),
			},
			infrastructurePages,
		);
	},
};
