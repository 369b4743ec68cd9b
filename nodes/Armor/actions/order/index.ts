import { defineResource } from '../../../shared/operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';

export const order = defineResource({
	value: 'order',
	name: 'Order',
	operations: { get, getMany },
	default: 'getMany',
});
