import { defineResource } from '../../../shared/operation';
import { getEvents } from './getEvents.operation';

export const ipReputation = defineResource({
	value: 'ipReputation',
	name: 'IP Reputation',
	operations: { getEvents },
	default: 'getEvents',
});
