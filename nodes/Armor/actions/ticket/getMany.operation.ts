import {
	readOptionsAsQuery,
	readSimplify,
	returnAllOrLimit,
	simplifyField,
} from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { nextPageTokenStyle } from '../../../shared/pagination';
import { armorList } from '../../armorRequest';
import { armorListOptions } from '../../descriptions';
import { simplifyTicket } from './ticketFields';

/** `maxResults` up to 100, then `nextPageToken` until the server sends none. */
const ticketPages = nextPageTokenStyle({ sizeParam: 'maxResults' });

export const getMany: OperationDefinition = {
	name: 'Get Many',
	description: "List the account's support tickets",
	action: 'Get many tickets',
	properties: [
		...returnAllOrLimit,
		simplifyField,
		armorListOptions([
			{
				displayName: 'Request Type',
				name: 'requestType',
				type: 'string',
				default: '',
				placeholder: 'e.g. Security Incident',
				description: 'Only tickets of this request type (its name or ID)',
			},
			{
				displayName: 'Order By',
				name: 'orderBy',
				type: 'options',
				options: [
					{ name: 'Created', value: 'created' },
					{ name: 'Key', value: 'key' },
					{ name: 'Priority', value: 'priority' },
					{ name: 'Status', value: 'status' },
					{ name: 'Updated', value: 'updated' },
				],
				default: 'created',
			},
			{
				displayName: 'Order Direction',
				name: 'orderByDirection',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'desc',
			},
		]),
	],
	async execute(itemIndex) {
		const qs = readOptionsAsQuery.call(this, itemIndex, [
			'requestType',
			'orderBy',
			'orderByDirection',
		]);
		const tickets = await armorList.call(
			this,
			itemIndex,
			{ method: 'GET', path: '/tickets/list-all', qs },
			ticketPages,
		);
		return readSimplify.call(this, itemIndex)
			? tickets.map((ticket) => ({
					...simplifyTicket(ticket),
					...(ticket.forAccount ? { forAccount: ticket.forAccount } : {}),
				}))
			: tickets;
	},
};
