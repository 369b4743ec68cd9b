import { defineResource } from '../../../shared/operation';
import { search } from './search.operation';

export const logSearch = defineResource({
	value: 'logSearch',
	name: 'Log Search',
	operations: { search },
	default: 'search',
});
