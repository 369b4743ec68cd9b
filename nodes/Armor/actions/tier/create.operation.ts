import { NodeOperationError } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { workloadIdField } from '../workload/workloadFields';
import { tierInAnswer, tierNameField } from './tierFields';

export const create: OperationDefinition = {
	name: 'Create',
	description: 'Add an empty tier to a workload',
	action: 'Create a tier',
	properties: [workloadIdField, tierNameField, armorOptions()],
	async execute(itemIndex) {
		const workloadId = readPathId.call(this, 'workloadId', 'Workload ID', itemIndex);
		const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
		if (!name) {
			throw new NodeOperationError(this.getNode(), 'Enter the Name: it is empty.', { itemIndex });
		}
		const answer = await armorRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/apps/${workloadId}/tiers`,
			body: { name },
		});
		return tierInAnswer.call(this, itemIndex, answer, { name });
	},
};
