import { defineResource } from '../../../shared/operation';
import { create } from './create.operation';
import { deleteTier } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';

export const tier = defineResource({
	value: 'tier',
	name: 'Tier',
	operations: { get, getMany, create, update, delete: deleteTier },
	default: 'getMany',
});
