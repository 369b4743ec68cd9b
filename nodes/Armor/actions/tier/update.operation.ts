import { NodeOperationError } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { readNumericId } from '../virtualMachine/vmFields';
import { workloadIdField } from '../workload/workloadFields';
import { tierIdField, tierInAnswer, tierNameField } from './tierFields';

export const update: OperationDefinition = {
	name: 'Update',
	description: "Change a tier's name",
	action: 'Update a tier',
	properties: [
		workloadIdField,
		tierIdField,
		{ ...tierNameField, description: 'The new name, unique within the workload' },
		armorOptions(),
	],
	async execute(itemIndex) {
		const workloadId = readPathId.call(this, 'workloadId', 'Workload ID', itemIndex);
		const { segment, id } = readNumericId.call(this, 'tierId', 'Tier ID', itemIndex);
		const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
		if (!name) {
			throw new NodeOperationError(this.getNode(), 'Enter the Name: it is empty.', { itemIndex });
		}
		const answer = await armorRequest.call(this, itemIndex, {
			method: 'PUT',
			path: `/apps/${workloadId}/tiers/${segment}`,
			body: { name },
		});
		return tierInAnswer.call(this, itemIndex, answer, { id });
	},
};
