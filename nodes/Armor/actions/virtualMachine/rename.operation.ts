import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { readNumericId, vmIdField } from './vmFields';

export const rename: OperationDefinition = {
	name: 'Rename',
	description: "Change a virtual machine's name in Armor",
	action: 'Rename a virtual machine',
	properties: [
		vmIdField,
		{
			displayName: 'New Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. web-03',
			description: 'At most 128 characters',
		},
		armorOptions(),
	],
	async execute(itemIndex) {
		const { segment, id } = readNumericId.call(this, 'vmId', 'VM ID', itemIndex);
		const name = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
		if (!name) {
			throw new NodeOperationError(this.getNode(), 'Enter the New Name: it is empty.', {
				itemIndex,
			});
		}
		return (await armorRequest.call(this, itemIndex, {
			method: 'PUT',
			path: `/vms/${segment}`,
			body: { id, name },
		})) as IDataObject;
	},
};
