import { defineResource } from '../../../shared/operation';
import { getMany } from './getMany.operation';

export const mdrServiceRequest = defineResource({
	value: 'mdrServiceRequest',
	name: 'MDR Service Request',
	operations: { getMany },
	default: 'getMany',
});
