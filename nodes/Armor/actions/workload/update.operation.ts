import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { readNumericId } from '../virtualMachine/vmFields';
import { workloadIdField } from './workloadFields';

export const update: OperationDefinition = {
	name: 'Update',
	description: "Change a workload's name (unique within the account)",
	action: 'Update a workload',
	properties: [
		workloadIdField,
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Customer Portal',
			description: 'The new name, at most 128 characters',
		},
		armorOptions(),
	],
	async execute(itemIndex) {
		const { segment, id } = readNumericId.call(this, 'workloadId', 'Workload ID', itemIndex);
		const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
		if (!name) {
			throw new NodeOperationError(this.getNode(), 'Enter the Name: it is empty.', { itemIndex });
		}
		return (await armorRequest.call(this, itemIndex, {
			method: 'PUT',
			path: `/apps/${segment}`,
			body: { id, name },
		})) as IDataObject;
	},
};
