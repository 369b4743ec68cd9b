import type { IDataObject } from 'n8n-workflow';

import { readPathId, readSimplify, simplifyField } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { simplifyVm, vmIdField } from './vmFields';

export const get: OperationDefinition = {
	name: 'Get',
	description: 'Get one virtual machine by its ID',
	action: 'Get a virtual machine',
	properties: [vmIdField, simplifyField, armorOptions()],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'vmId', 'VM ID', itemIndex);
		const vm = (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/vms/${id}`,
		})) as IDataObject;
		return readSimplify.call(this, itemIndex) ? simplifyVm(vm) : vm;
	},
};
