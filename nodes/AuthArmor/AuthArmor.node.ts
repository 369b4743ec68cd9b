import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from '../shared/operation';
import { routeOperations } from '../shared/router';
import { authArmorResources } from './actions';

export class AuthArmor implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Auth Armor',
		name: 'authArmor',
		icon: { light: 'file:autharmor.svg', dark: 'file:autharmor.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage users of the Auth Armor passwordless authentication API',
		defaults: { name: 'Auth Armor' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'authArmorApi', required: true }],
		properties: nodeProperties(authArmorResources),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations.call(this, authArmorResources);
	}
}
