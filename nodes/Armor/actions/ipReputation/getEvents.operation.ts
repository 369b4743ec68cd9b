import type { IDataObject } from 'n8n-workflow';

import { readSimplify, returnAllOrLimit, simplifyField } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { totalPageItemsStyle } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';

/** The event without its account and VM IDs (n8n's "Simplify"). */
function simplifyEvent(event: IDataObject): IDataObject {
	return {
		id: event.id,
		eventDate: event.eventDate,
		ipAddress: event.ipAddress,
		direction: event.direction,
		action: event.action,
		threatCategory: event.threatCategory,
		reputationScore: event.reputationScore,
		country: event.country,
		vmName: event.vmName,
		hits: event.hits,
	};
}

export const getEvents: OperationDefinition = {
	name: 'Get Events',
	description: 'List IP reputation events: traffic from or to known bad addresses, newest first',
	action: 'Get many IP reputation events',
	properties: [...returnAllOrLimit, simplifyField, armorListOptions()],
	async execute(itemIndex) {
		const events = await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/iprm/events' },
			totalPageItemsStyle(),
		);
		return readSimplify.call(this, itemIndex) ? events.map(simplifyEvent) : events;
	},
};
