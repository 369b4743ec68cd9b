import type { IDataObject } from 'n8n-workflow';

import { idField, readPathId, readSimplify, simplifyField } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

export const incidentKeyField = idField(
	'Incident Key',
	'incidentKey',
	'SEC-1234',
	'The incident\'s key, as Get Many lists it in "ID"',
);

/** The fields most workflows use, out of the 20-odd the service sends (n8n's "Simplify"). */
function simplifyIncident(key: string, details: IDataObject): IDataObject {
	return {
		key,
		summary: details.ticketSummary ?? details.displayName,
		status: details.status,
		severity: details.severity,
		assignee: details.assignee,
		created: details.createdDateTime ?? details.ticketCreatedDateTime,
		updated: details.lastUpdateDateTime ?? details.ticketUpdatedDateTime,
		tactics: details.mitreTactics,
		link: details.incidentLink,
		comments: details.comments,
	};
}

export const get: OperationDefinition = {
	name: 'Get',
	description: 'Get one MDR incident with its details and comments',
	action: 'Get an MDR incident',
	properties: [incidentKeyField, simplifyField, armorOptions()],
	async execute(itemIndex) {
		const key = readPathId.call(this, 'incidentKey', 'Incident Key', itemIndex);
		const details = (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/incidents/${key}`,
			service: 'mdr',
		})) as IDataObject;
		return readSimplify.call(this, itemIndex)
			? simplifyIncident(decodeURIComponent(key), details)
			: details;
	},
};
