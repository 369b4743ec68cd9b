import { defineResource } from '../../../shared/operation';
import { addComment } from './addComment.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';

export const mdrIncident = defineResource({
	value: 'mdrIncident',
	name: 'MDR Incident',
	operations: { getMany, get, addComment },
	default: 'getMany',
});
