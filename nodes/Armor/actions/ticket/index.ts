import { defineResource } from '../../../shared/operation';
import { addComment } from './addComment.operation';
import { get } from './get.operation';
import { getArchiveEntries } from './getArchiveEntries.operation';
import { getComments } from './getComments.operation';
import { getMany } from './getMany.operation';
import { getTransitions } from './getTransitions.operation';
import { transition } from './transition.operation';

export const ticket = defineResource({
	value: 'ticket',
	name: 'Ticket',
	operations: {
		getMany,
		get,
		getComments,
		addComment,
		getTransitions,
		transition,
		getArchiveEntries,
	},
	default: 'getMany',
});
