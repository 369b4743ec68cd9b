import { defineResource } from '../../../shared/operation';
import { getMe } from './getMe.operation';

export const identity = defineResource({
	value: 'identity',
	name: 'Identity',
	operations: { getMe },
	default: 'getMe',
});
