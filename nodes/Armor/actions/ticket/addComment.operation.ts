import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { ticketKeyField } from './ticketFields';

export const addComment: OperationDefinition = {
	name: 'Add Comment',
	description: 'Add a comment to a ticket',
	action: 'Add a comment to a ticket',
	properties: [
		ticketKeyField,
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
		},
		{
			displayName: 'Public',
			name: 'isPublic',
			type: 'boolean',
			default: true,
			description:
				'Whether everyone on the ticket sees the comment (otherwise only your organisation)',
		},
		armorOptions(),
	],
	async execute(itemIndex) {
		const key = readPathId.call(this, 'ticketKey', 'Ticket Key', itemIndex);
		const comment = String(this.getNodeParameter('comment', itemIndex, '') ?? '').trim();
		if (!comment) {
			throw new NodeOperationError(this.getNode(), 'Enter the Comment: it is empty.', {
				itemIndex,
			});
		}
		return (await armorRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/tickets/${key}/comments`,
			body: {
				comment,
				isPublic: this.getNodeParameter('isPublic', itemIndex, true) as boolean,
				issueKeyId: decodeURIComponent(key),
			},
		})) as IDataObject;
	},
};
