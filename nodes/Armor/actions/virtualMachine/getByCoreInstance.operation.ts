import type { IDataObject } from 'n8n-workflow';

import { idField, readPathId, readSimplify, simplifyField } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { simplifyVm } from './vmFields';

export const getByCoreInstance: OperationDefinition = {
	name: 'Get by Core Instance',
	description:
		"Get the virtual machine an Armor agent runs on, by the agent's core instance ID (as security findings name it)",
	action: 'Get a virtual machine by its core instance ID',
	properties: [
		idField(
			'Core Instance ID',
			'coreInstanceId',
			'c0000000-0000-4000-8000-000010010001',
			'The Armor agent\'s ID, as a VM lists it in "coreInstanceId"',
		),
		simplifyField,
		armorOptions(),
	],
	async execute(itemIndex) {
		const coreInstanceId = readPathId.call(this, 'coreInstanceId', 'Core Instance ID', itemIndex);
		const vm = (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/vms/core/${coreInstanceId}`,
		})) as IDataObject;
		return readSimplify.call(this, itemIndex) ? simplifyVm(vm) : vm;
	},
};
