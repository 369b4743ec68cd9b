import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { readNumericId } from '../virtualMachine/vmFields';
import { workloadIdField } from './workloadFields';

export const deleteWorkload: OperationDefinition = {
	name: 'Delete',
	description:
		'Permanently deletes a workload. Only an empty workload can be deleted: delete its tiers first (Armor refuses otherwise).',
	action: 'Delete a workload',
	properties: [workloadIdField, armorOptions()],
	async execute(itemIndex) {
		const { segment, id } = readNumericId.call(this, 'workloadId', 'Workload ID', itemIndex);
		const answer = await armorRequest.call(this, itemIndex, {
			method: 'DELETE',
			path: `/apps/${segment}`,
		});
		return {
			deleted: true,
			id,
			// Armor answers with the workload as it was.
			...(answer && typeof answer === 'object' && !Array.isArray(answer)
				? { workload: answer }
				: {}),
		};
	},
};
