import { defineResource } from '../../../shared/operation';
import { getLogSources } from './getLogSources.operation';
import { getMany } from './getMany.operation';

export const logManagement = defineResource({
	value: 'logManagement',
	name: 'Log Management',
	operations: { getMany, getLogSources },
	default: 'getMany',
});
