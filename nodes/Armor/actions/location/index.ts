import { defineResource } from '../../../shared/operation';
import { getMany } from './getMany.operation';

export const location = defineResource({
	value: 'location',
	name: 'Location',
	operations: { getMany },
	default: 'getMany',
});
