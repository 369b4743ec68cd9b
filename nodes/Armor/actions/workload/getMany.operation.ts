import { readSimplify, returnAllOrLimit, simplifyField } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';
import { simplifyWorkload } from './workloadFields';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: 'List the workloads of the account, with their tiers',
	action: 'Get many workloads',
	properties: [...returnAllOrLimit, simplifyField, armorListOptions()],
	async execute(itemIndex) {
		const workloads = await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/apps' },
			wholeArray,
		);
		return readSimplify.call(this, itemIndex) ? workloads.map(simplifyWorkload) : workloads;
	},
};
