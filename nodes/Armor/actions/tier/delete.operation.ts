import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { readNumericId } from '../virtualMachine/vmFields';
import { workloadIdField } from '../workload/workloadFields';
import { tierIdField } from './tierFields';

export const deleteTier: OperationDefinition = {
	name: 'Delete',
	description:
		'Permanently deletes a tier of a workload. Only an empty tier can be deleted: Armor refuses a tier that still holds virtual machines.',
	action: 'Delete a tier',
	properties: [workloadIdField, tierIdField, armorOptions()],
	async execute(itemIndex) {
		const workload = readNumericId.call(this, 'workloadId', 'Workload ID', itemIndex);
		const { segment, id } = readNumericId.call(this, 'tierId', 'Tier ID', itemIndex);
		// Armor answers with the workload without the tier: nothing more to say about the tier.
		await armorRequest.call(this, itemIndex, {
			method: 'DELETE',
			path: `/apps/${workload.segment}/tiers/${segment}`,
		});
		return { deleted: true, id, workloadId: workload.id };
	},
};
