import type { IDataObject } from 'n8n-workflow';

import { readPathId, readSimplify, simplifyField } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { simplifyTicket, ticketKeyField } from './ticketFields';

export const get: OperationDefinition = {
	name: 'Get',
	description: "Get one ticket's details",
	action: 'Get a ticket',
	properties: [ticketKeyField, simplifyField, armorOptions()],
	async execute(itemIndex) {
		const key = readPathId.call(this, 'ticketKey', 'Ticket Key', itemIndex);
		const ticket = (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/tickets/${key}/details`,
		})) as IDataObject;
		return readSimplify.call(this, itemIndex) ? simplifyTicket(ticket) : ticket;
	},
};
