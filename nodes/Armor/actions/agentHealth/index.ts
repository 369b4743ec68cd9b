import { defineResource } from '../../../shared/operation';
import { getMany } from './getMany.operation';

export const agentHealth = defineResource({
	value: 'agentHealth',
	name: 'Agent Health',
	operations: { getMany },
	default: 'getMany',
});
