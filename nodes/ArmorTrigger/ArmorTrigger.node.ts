import type {
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { armorCredentials, authenticationProperty } from '../Armor/armorApi';
import { searchAccounts } from '../Armor/armorRequest';
import { accountContextOption, forEachAccountOption } from '../Armor/descriptions';
import { TRIGGER_EVENTS } from './events';
import { pollArmor } from './poll';

/** Each event's filters, shown only for it, in one "Filters" collection. */
const filterFields: INodeProperties[] = TRIGGER_EVENTS.filter((event) => event.filters.length).map(
	(event) => ({
		displayName: 'Filters',
		name: 'filters',
		type: 'collection' as const,
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { event: [event.value] } },
		options: event.filters.map((filter) => ({ ...filter, required: false })),
	}),
);

export class ArmorTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Armor Trigger',
		name: 'armorTrigger',
		icon: { light: 'file:armor.svg', dark: 'file:armor.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when Armor has a new or updated ticket, MDR incident, security incident, log search hit, or a VM changes state',
		defaults: { name: 'Armor Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: armorCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: TRIGGER_EVENTS.map(({ name, value, description }) => ({
					name,
					value,
					description,
				})),
				default: 'newTicket',
			},
			...filterFields,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [accountContextOption, forEachAccountOption],
			},
		],
	};

	methods = { listSearch: { searchAccounts } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollArmor.call(this);
	}
}
