import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pathSegment } from './paths';

import { checkWholeNumber } from './requestRules';

import { requestSettingFields } from './requestSettings';

/** The "Options" collection of an operation (n8n's place for optional settings), with the request settings. */
export function optionsCollection(options: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options, ...requestSettingFields],
	};
}

/** n8n's Return All / Limit pair, the same on every list operation. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** The item's Return All / Limit as a number of results (Infinity for Return All), Limit checked. */
export function readReturnLimit(this: IExecuteFunctions, itemIndex: number): number {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	return checkWholeNumber(this.getNodeParameter('limit', itemIndex, 50), 'Limit', { min: 1 });
}

/** A required ID field, e.g. a ticket key or a VM ID. */
export function idField(
	displayName: string,
	name: string,
	placeholder: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${placeholder}`,
		description,
	};
}

/** An ID field's value as one path segment (encoded: it can never add segments); empty is refused. */
export function readPathId(
	this: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
): string {
	const value = String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), `Enter the ${displayName}: it is empty.`, {
			itemIndex,
			description: `"${displayName}" names what to act on. An expression may have resolved to nothing for this item.`,
		});
	}
	// An ID is one path segment: a slash or a dot-segment would name another resource.
	if (/[/\\]/.test(value) || value === '.' || value === '..') {
		throw new NodeOperationError(
			this.getNode(),
			`The ${displayName} "${value}" is not an ID: it cannot contain "/" or "\\", or be "." or "..".`,
			{ itemIndex, description: `Enter the ${displayName} exactly as the API lists it.` },
		);
	}
	return pathSegment(value);
}

/** n8n's "Simplify" switch, for operations whose answer has more than 10 fields. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export function readSimplify(this: IExecuteFunctions, itemIndex: number): boolean {
	return this.getNodeParameter('simplify', itemIndex, true) as boolean;
}

/** The item's Options named in `names` that are set, trimmed, as query parameters of the same names. */
export function readOptionsAsQuery(
	this: IExecuteFunctions,
	itemIndex: number,
	names: string[],
): IDataObject {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const name of names) {
		const value = String(options[name] ?? '').trim();
		if (value) qs[name] = value;
	}
	return qs;
}
