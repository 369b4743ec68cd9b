import { defineResource } from '../../../shared/operation';
import { getPackages } from './getPackages.operation';

export const patching = defineResource({
	value: 'patching',
	name: 'Patching',
	operations: { getPackages },
	default: 'getPackages',
});
