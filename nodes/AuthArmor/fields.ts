import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Field readers every Auth Armor resource shares (Authentication, Registration): required text, web addresses,
 * JSON objects and context data, and the "Additional Fields" collection that holds optional body fields.
 */

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** A required text field's value, trimmed; empty is refused with the field's name. */
export function readRequiredText(
	this: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
	hint?: string,
): string {
	const value = text(this.getNodeParameter(name, itemIndex, ''));
	if (!value) {
		throw new NodeOperationError(this.getNode(), `Enter the ${displayName}: it is empty.`, {
			itemIndex,
			...(hint ? { description: hint } : {}),
		});
	}
	return value;
}

/** A required absolute http(s) URL (where a link takes the person), or a refusal naming the field. */
export function readUrl(
	this: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): string {
	const value = readRequiredText.call(this, itemIndex, name, displayName);
	let protocol = '';
	try {
		protocol = new URL(value).protocol;
	} catch {
		protocol = '';
	}
	if (protocol !== 'https:' && protocol !== 'http:') {
		throw new NodeOperationError(
			this.getNode(),
			`The ${displayName} "${value}" is not an http or https URL, so it is not a web address a link can open.`,
			{ itemIndex, description: 'Enter a full address, e.g. https://app.example.com/auth/done' },
		);
	}
	return value;
}

/** A JSON object typed in a field or given by an expression, or a clear refusal naming the field. */
export function readJsonObject(
	this: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	displayName: string,
	example: string,
): IDataObject {
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch {
			parsed = undefined;
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(this.getNode(), `${displayName} must be a JSON object.`, {
			itemIndex,
			description: `For example ${example}.`,
		});
	}
	return parsed as IDataObject;
}

/**
 * `context_data` (the spec's `{string: string}`): a JSON object whose values are text; numbers and true/false
 * are sent as text, a nested object or list is refused rather than altered. Empty sends nothing.
 */
export function readContextData(
	this: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
): IDataObject | undefined {
	if (raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim())) return;
	const parsed = readJsonObject.call(
		this,
		itemIndex,
		raw,
		'Context Data',
		'{"ticket": "ARM-1001-002"}: keys with text values',
	);
	const context: IDataObject = {};
	for (const [key, value] of Object.entries(parsed)) {
		if (value !== null && typeof value === 'object') {
			throw new NodeOperationError(
				this.getNode(),
				`Context Data "${key}" must be a text value, not a nested object or list.`,
				{ itemIndex, description: 'Auth Armor keeps context data as keys with text values.' },
			);
		}
		context[key] = value === null ? null : String(value);
	}
	return Object.keys(context).length ? context : undefined;
}

/** An "Additional Fields" collection (optional body fields), its options sorted by name as n8n lists them. */
export function additionalFields(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
