import { defineResource } from '../../../shared/operation';
import { getMany } from './getMany.operation';

export const virtualMachineV2 = defineResource({
	value: 'virtualMachineV2',
	name: 'Virtual Machine (V2)',
	operations: { getMany },
	default: 'getMany',
});
