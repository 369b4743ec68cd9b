import { defineResource } from '../../../shared/operation';
import { getMany } from './getMany.operation';
import { getSeverityCounts } from './getSeverityCounts.operation';

export const securityIncident = defineResource({
	value: 'securityIncident',
	name: 'Security Incident',
	operations: { getMany, getSeverityCounts },
	default: 'getMany',
});
