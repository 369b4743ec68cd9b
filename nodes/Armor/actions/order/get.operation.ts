import type { IDataObject } from 'n8n-workflow';

import { idField, readPathId } from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { armorRequest } from '../../armorRequest';
import { armorOptions } from '../../descriptions';

export const get: OperationDefinition = {
	name: 'Get',
	description: 'Get one order of virtual machines by its ID, with what it ordered',
	action: 'Get an order',
	properties: [
		idField('Order ID', 'orderId', '1001401', 'ID of the order, as Get Many lists it in "id"'),
		armorOptions(),
	],
	async execute(itemIndex) {
		const id = readPathId.call(this, 'orderId', 'Order ID', itemIndex);
		return (await armorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/orders/${id}`,
		})) as IDataObject;
	},
};
