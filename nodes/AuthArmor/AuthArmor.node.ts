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
import { searchUsers } from './authArmorRequest';

/**
 * Request Approval and Wait can send what was not approved to a second output; every other choice has one.
 * Evaluated by the editor with the node's parameters (as n8n's Switch node does), so it stays self-contained.
 */
const configuredOutputs = (parameters: { operation?: string; notApproved?: string }) =>
	parameters.operation === 'requestApprovalAndWait' &&
	(parameters.notApproved ?? 'secondOutput') === 'secondOutput'
		? [
				{ type: 'main', displayName: 'Approved' },
				{ type: 'main', displayName: 'Not Approved' },
			]
		: [{ type: 'main' }];

export class AuthArmor implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Auth Armor',
		name: 'authArmor',
		icon: { light: 'file:autharmor.svg', dark: 'file:autharmor.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Ask a person to approve an action on their phone, and manage users of the Auth Armor passwordless authentication API',
		defaults: { name: 'Auth Armor' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		credentials: [{ name: 'authArmorApi', required: true }],
		properties: nodeProperties(authArmorResources),
	};

	methods = { listSearch: { searchUsers } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperations.call(this, authArmorResources);
	}
}
