import { NodeOperationError } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { incidentKeyField } from './get.operation';

export const addComment: OperationDefinition = {
	name: 'Add Comment',
	description: "Add a comment to an MDR incident (visible to Armor's security team)",
	action: 'Add a comment to an MDR incident',
	properties: [
		incidentKeyField,
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
		},
		armorOptions(),
	],
	async execute(itemIndex) {
		const key = readPathId.call(this, 'incidentKey', 'Incident Key', itemIndex);
		const comment = String(this.getNodeParameter('comment', itemIndex, '') ?? '').trim();
		if (!comment) {
			throw new NodeOperationError(this.getNode(), 'Enter the Comment: it is empty.', {
				itemIndex,
			});
		}
		const answer = await armorRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/incidents/${key}/comments`,
			service: 'mdr',
			body: { comment },
			allowNonJson: true,
		});
		// The service answers with a sentence, not the comment.
		return {
			incidentKey: decodeURIComponent(key),
			comment,
			added: true,
			...(typeof answer === 'string' && answer ? { message: answer } : {}),
		};
	},
};
