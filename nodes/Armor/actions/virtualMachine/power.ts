import type { IDataObject } from 'n8n-workflow';

import { readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';
import { vmIdField } from './vmFields';

/** What `POST /vms/{id}/power/{action}` accepts. */
export type PowerAction = 'on' | 'shutdown' | 'reboot' | 'off' | 'forceOff' | 'reset';

/** One power operation: the same request for each, one operation per action so each says what it does. */
export function powerOperation(
	powerAction: PowerAction,
	text: Pick<OperationDefinition, 'name' | 'description' | 'action'>,
): OperationDefinition {
	return {
		...text,
		properties: [vmIdField, armorOptions()],
		async execute(itemIndex) {
			const id = readPathId.call(this, 'vmId', 'VM ID', itemIndex);
			const answer = await armorRequest.call(this, itemIndex, {
				method: 'POST',
				path: `/vms/${id}/power/${powerAction}`,
			});
			// Armor answers with the VM; an empty answer still means the action was accepted.
			if (answer && typeof answer === 'object' && !Array.isArray(answer))
				return answer as IDataObject;
			return { id: decodeURIComponent(id), powerAction, accepted: true };
		},
	};
}
