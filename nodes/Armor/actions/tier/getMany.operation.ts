import { readPathId, returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { wholeArray } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { workloadIdField } from '../workload/workloadFields';

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: 'List the tiers of a workload, with their virtual machines',
	action: 'Get many tiers',
	// No For Each Account: a workload belongs to one account, so its ID names the account already.
	properties: [workloadIdField, ...returnAllOrLimit, armorOptions()],
	async execute(itemIndex) {
		const workloadId = readPathId.call(this, 'workloadId', 'Workload ID', itemIndex);
		return await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: `/apps/${workloadId}/tiers` },
			wholeArray,
		);
	},
};
