import { defineResource } from '../../../shared/operation';
import { deleteWorkload } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';

export const workload = defineResource({
	value: 'workload',
	name: 'Workload',
	operations: { get, getMany, update, delete: deleteWorkload },
	default: 'getMany',
});
