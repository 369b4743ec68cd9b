import type { IDataObject } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { ticketKeyField } from './ticketFields';

export const getTransitions: OperationDefinition = {
	name: 'Get Transitions',
	description: 'List the status changes a ticket allows now (their IDs are what Transition needs)',
	action: "Get a ticket's transitions",
	properties: [ticketKeyField, armorOptions()],
	async execute(itemIndex) {
		const key = readPathId.call(this, 'ticketKey', 'Ticket Key', itemIndex);
		const transitions = await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/tickets/${key}/transition`,
		});
		return Array.isArray(transitions) ? (transitions as IDataObject[]) : [];
	},
};
