import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	nextPageTokenStyle,
	offsetStyle,
	totalPageItemsStyle,
	wholeArray,
	type PagingStyle,
} from '../shared/pagination';
import type { PolledList } from '../shared/polling';
import type { ApiRequest } from '../shared/transport';
import { MDR_MAX_PAGE_SIZE, mdrPages } from '../Armor/mdr';

/**
 * What the Armor Trigger can watch. A "new/updated" event reads its list newest first and compares each
 * record's time and ID with the cursor (nodes/shared/pollCursor.ts); a "state" event compares each record's
 * state with the one it had at the last poll.
 */
export interface ListEvent extends PolledList {
	kind: 'list';
	name: string;
	value: string;
	description: string;
	/** Filters this event offers (shown only for it). */
	filters: INodeProperties[];
}

export interface StateEvent {
	kind: 'state';
	name: string;
	value: string;
	description: string;
	filters: INodeProperties[];
	list(filters: IDataObject): { request: ApiRequest; style: PagingStyle };
	maxPageSize: number;
	id(record: IDataObject): string;
	/** The state whose change is the event. */
	state(record: IDataObject): string;
}

export type TriggerEvent = ListEvent | StateEvent;

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

const ticketFilters: INodeProperties[] = [
	{
		displayName: 'Request Type',
		name: 'requestType',
		type: 'string',
		default: '',
		placeholder: 'e.g. Security Incident',
		description: 'Only tickets of this request type (its name or ID)',
	},
];

const mdrFilters: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'string',
		default: '',
		placeholder: 'e.g. Open, In Progress',
		description: 'Only incidents with one of these statuses (comma-separated)',
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'string',
		default: '',
		placeholder: 'e.g. Critical, High',
		description: 'Only incidents with one of these priorities (comma-separated)',
	},
];

function ticketEvent(value: 'newTicket' | 'updatedTicket'): ListEvent {
	const updated = value === 'updatedTicket';
	return {
		kind: 'list',
		name: updated ? 'Updated Ticket' : 'New Ticket',
		value,
		description: updated
			? 'A support ticket changed (status, comment, ...)'
			: 'A support ticket was opened',
		filters: ticketFilters,
		list: (filters) => ({
			request: {
				method: 'GET',
				path: '/tickets/list-all',
				qs: {
					orderBy: updated ? 'updated' : 'created',
					orderByDirection: 'desc',
					...(text(filters.requestType).trim()
						? { requestType: text(filters.requestType).trim() }
						: {}),
				},
			},
			style: nextPageTokenStyle({ sizeParam: 'maxResults' }),
		}),
		maxPageSize: 100,
		newestFirst: true,
		key: (ticket) => ({
			id: text(ticket.key ?? ticket.issueKeyId),
			at: text(
				updated ? (ticket.updatedDate ?? ticket.updated) : (ticket.createdDate ?? ticket.created),
			),
		}),
	};
}

function mdrEvent(value: 'newMdrIncident' | 'updatedMdrIncident'): ListEvent {
	const updated = value === 'updatedMdrIncident';
	return {
		kind: 'list',
		name: updated ? 'Updated MDR Incident' : 'New MDR Incident',
		value,
		description: updated
			? "An incident in Armor's MDR service changed"
			: "Armor's MDR service opened an incident",
		filters: mdrFilters,
		list: (filters) => ({
			request: {
				method: 'GET',
				path: '/incidents',
				service: 'mdr',
				qs: {
					sortBy: updated ? 'updated' : 'created',
					sortDirection: 'desc',
					...(text(filters.status).trim() ? { status: text(filters.status).trim() } : {}),
					...(text(filters.priority).trim() ? { priority: text(filters.priority).trim() } : {}),
				},
			},
			style: mdrPages,
		}),
		maxPageSize: MDR_MAX_PAGE_SIZE,
		newestFirst: true,
		key: (incident) => ({
			id: text(incident.id),
			at: text(updated ? incident.updated : incident.created),
		}),
	};
}

export const TRIGGER_EVENTS: TriggerEvent[] = [
	ticketEvent('newTicket'),
	ticketEvent('updatedTicket'),
	mdrEvent('newMdrIncident'),
	mdrEvent('updatedMdrIncident'),
	{
		kind: 'list',
		name: 'New Security Incident',
		value: 'newSecurityIncident',
		description: 'A security incident was reported (v1 security incidents)',
		filters: [],
		list: () => ({
			request: { method: 'GET', path: '/security-incidents' },
			style: totalPageItemsStyle(),
		}),
		maxPageSize: 100,
		// The v1 list's order is not documented: it is read whole.
		newestFirst: false,
		key: (incident) => ({
			id: text(incident.id),
			at: text(incident.createdDate ?? incident.created),
		}),
	},
	{
		kind: 'list',
		name: 'New Log Search Result',
		value: 'newLogSearchResult',
		description: 'A saved templated log search has a new hit',
		filters: [
			{
				displayName: 'View Name',
				name: 'viewName',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. security-events',
				description: 'The templated search to watch',
			},
		],
		list: (filters) => ({
			request: { method: 'POST', path: '/log-search/templatedsearch' },
			// The view travels in the body the paging writes its offset into.
			style: offsetStyle({
				in: 'body',
				offsetParam: 'parameters.from',
				sizeParam: 'parameters.size',
				itemsKey: 'items',
				body: { viewName: text(filters.viewName).trim(), parameters: {} },
			}),
		}),
		maxPageSize: 100,
		newestFirst: true,
		key: (hit) => ({ id: text(hit.id), at: text(hit.timestamp) }),
	},
	{
		kind: 'state',
		name: 'VM State Changed',
		value: 'vmStateChanged',
		description: 'A virtual machine was powered on or off (or changed state otherwise)',
		filters: [],
		list: () => ({ request: { method: 'GET', path: '/vms' }, style: wholeArray }),
		maxPageSize: 1000,
		id: (vm) => text(vm.id),
		state: (vm) => text(vm.status),
	},
];
