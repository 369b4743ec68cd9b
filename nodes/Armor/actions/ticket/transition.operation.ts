import type { IDataObject } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { checkWholeNumber } from '../../../shared/requestRules';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { ticketKeyField } from './ticketFields';

export const transition: OperationDefinition = {
	name: 'Transition',
	description: "Change a ticket's status (e.g. resolve it), optionally with a comment",
	action: 'Transition a ticket',
	properties: [
		ticketKeyField,
		{
			displayName: 'Transition ID',
			name: 'transitionId',
			type: 'number',
			required: true,
			default: 0,
			placeholder: 'e.g. 41',
			description: 'The transition to make; Get Transitions lists the ones the ticket allows now',
		},
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Added to the ticket as a public comment',
		},
		armorOptions(),
	],
	async execute(itemIndex) {
		const key = readPathId.call(this, 'ticketKey', 'Ticket Key', itemIndex);
		const transitionId = checkWholeNumber(
			this.getNodeParameter('transitionId', itemIndex, 0),
			'Transition ID',
			{ min: 1 },
		);
		const comment = String(this.getNodeParameter('comment', itemIndex, '') ?? '').trim();
		return (await armorRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/tickets/${key}/transition`,
			body: {
				ticketNumber: decodeURIComponent(key),
				transitionId,
				...(comment ? { comment } : {}),
			},
		})) as IDataObject;
	},
};
