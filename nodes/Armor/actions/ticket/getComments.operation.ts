import { readPathId, returnAllOrLimit } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { offsetStyle } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { ticketKeyField } from './ticketFields';

/** Comments page with `start`/`limit` (up to 100), oldest first, with the answer's `total`. */
const commentPages = offsetStyle({ offsetParam: 'start', sizeParam: 'limit', itemsKey: 'items' });

export const getComments: OperationDefinition = {
	name: 'Get Comments',
	description: "List a ticket's comments, oldest first",
	action: "Get a ticket's comments",
	properties: [ticketKeyField, ...returnAllOrLimit, armorOptions()],
	async execute(itemIndex) {
		const key = readPathId.call(this, 'ticketKey', 'Ticket Key', itemIndex);
		return await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: `/tickets/${key}/comments` },
			commentPages,
		);
	},
};
