import type { IDataObject } from 'n8n-workflow';

import { idField } from '../../../shared/descriptions';

/** Shared by the Ticket operations: the ticket key field and the simplified ticket. */
export const ticketKeyField = idField(
	'Ticket Key',
	'ticketKey',
	'ARM-1001-001',
	'The ticket\'s key, as Get Many lists it in "key"',
);

/** The fields most workflows use, out of the 14-odd Armor sends (n8n's "Simplify"). */
export function simplifyTicket(ticket: IDataObject): IDataObject {
	const requestType = ticket.requestType as IDataObject | undefined;
	const reporter = ticket.reporter as IDataObject | undefined;
	return {
		key: ticket.key ?? ticket.issueKeyId,
		summary: ticket.summary,
		status: ticket.currentStatus ?? ticket.status,
		priority: ticket.priority,
		requestType: requestType?.name ?? requestType,
		reporter: reporter?.email ?? reporter?.name,
		accountId: ticket.accountId,
		created: ticket.createdDate ?? ticket.created,
		updated: ticket.updatedDate ?? ticket.updated,
		...(ticket.commentCount !== undefined ? { commentCount: ticket.commentCount } : {}),
	};
}
