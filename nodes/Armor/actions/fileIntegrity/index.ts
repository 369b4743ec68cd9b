import { defineResource } from '../../../shared/operation';
import { getMany } from './getMany.operation';
import { getStatistics } from './getStatistics.operation';

export const fileIntegrity = defineResource({
	value: 'fileIntegrity',
	name: 'File Integrity',
	operations: { getMany, getStatistics },
	default: 'getMany',
});
