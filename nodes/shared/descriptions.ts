import type { INodeProperties } from 'n8n-workflow';

import { requestSettingFields } from './requestSettings';

/** Where a field shows: the resource and operation(s) it belongs to. */
export type FieldScope = {
	resource: string[];
	operation: string[];
};

/** The "Options" collection of an operation (n8n's place for optional settings), with the request settings. */
export function optionsCollection(show: FieldScope, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [...options, ...requestSettingFields],
	};
}
