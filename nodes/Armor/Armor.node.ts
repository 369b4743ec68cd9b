import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from '../shared/operation';
import { routeOperations } from '../shared/router';
import { armorResources } from './actions';
import { armorCredentials, authenticationProperty } from './armorApi';
import { searchAccounts } from './armorRequest';

export class Armor implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Armor',
		name: 'armor',
		icon: { light: 'file:armor.svg', dark: 'file:armor.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with the Armor Defense API (cloud security)',
		defaults: { name: 'Armor' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: armorCredentials,
		properties: [authenticationProperty, ...nodeProperties(armorResources)],
	};

	methods = { listSearch: { searchAccounts } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations.call(this, armorResources);
	}
}
