import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection } from './descriptions';
import { defineResource, type OperationDefinition } from './operation';
import { assertUserHeaders } from './requestRules';
import { readRequestSettings } from './requestSettings';
import { apiRequest, type ApiDefinition, type ApiRequest, type RequestContext } from './transport';

/**
 * The generic "API Request" operation both nodes offer: any method and path under the credential's base
 * URL, authenticated by the credential. Each node adds its own options (account context, hidden username).
 */

const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** What a node brings to its "API Request" resource. */
export interface ApiRequestResourceOptions {
	/** The API, or how the node picks it (e.g. by its Authentication choice). */
	api: ApiDefinition | ((context: RequestContext) => ApiDefinition);
	/** The vendor's name, for the operation's description. */
	service: string;
	/** The Path field's example and description. */
	example: { path: string; description: string };
	/** Options of this API (account context, username placement). */
	options?: INodeProperties[];
	/** Fields of this API after the Options collection. */
	properties?: INodeProperties[];
	/** Rewrites the request read from the fields (e.g. `{user}`, the account context). */
	adapt?: (this: IExecuteFunctions, request: ApiRequest, itemIndex: number) => ApiRequest;
}

/**
 * The "API Request" resource, with its one operation (Send): any method and path under the base URL, with
 * query parameters, headers, a JSON body and the full response on request.
 */
export function apiRequestResource({
	api,
	service,
	example,
	options = [],
	properties = [],
	adapt,
}: ApiRequestResourceOptions) {
	const send: OperationDefinition = {
		name: 'Send',
		description: `Call any ${service} API endpoint with this credential`,
		action: 'Send an API request',
		properties: [...apiRequestFields(example, options), ...properties],
		async execute(itemIndex) {
			let request = readApiRequest.call(this, itemIndex);
			if (adapt) request = adapt.call(this, request, itemIndex);
			const response = await apiRequest.call(
				this,
				typeof api === 'function' ? api(this) : api,
				request,
				readRequestSettings.call(this, itemIndex),
			);
			return responseToItems(response, request.returnFullResponse === true);
		},
	};
	return defineResource({
		value: 'apiRequest',
		name: 'API Request',
		operations: { send },
		default: 'send',
	});
}

function apiRequestFields(
	example: { path: string; description: string },
	extraOptions: INodeProperties[],
): INodeProperties[] {
	return [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({
				name: method,
				value: method,
			})),
			default: 'GET',
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			default: '',
			required: true,
			placeholder: `e.g. ${example.path}`,
			description: example.description,
		},
		nameValuePairs('Query Parameters', 'queryParameters', 'Parameter'),
		nameValuePairs('Headers', 'headerParameters', 'Header'),
		{
			displayName: 'JSON Body',
			name: 'jsonBody',
			type: 'json',
			default: '',
			description: 'The request body as JSON. Leave empty to send no body.',
			displayOptions: { show: { method: BODY_METHODS } },
		},
		optionsCollection([
			...extraOptions,
			{
				displayName: 'Return Full Response',
				name: 'returnFullResponse',
				type: 'boolean',
				default: false,
				description: 'Whether to return the status code and headers along with the body',
			},
		]),
	];
}

/** A list of name/value pairs (query parameters, headers), read back by `pairsToObject`. */
function nameValuePairs(displayName: string, name: string, entry: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${entry}`,
		default: {},
		options: [
			{
				displayName: entry,
				name: 'parameters',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

function pairsToObject(collection: unknown): IDataObject {
	const pairs = ((collection as IDataObject)?.parameters ?? []) as Array<{
		name?: string;
		value?: string;
	}>;
	const result: IDataObject = {};
	for (const { name, value } of pairs) if (name) result[name] = value ?? '';
	return result;
}

function parseJsonBody(
	this: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
): IDataObject | IDataObject[] | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw === 'object') return raw as IDataObject;
	try {
		return JSON.parse(String(raw)) as IDataObject;
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`The JSON Body is not valid JSON: ${(error as Error).message}`,
			{
				itemIndex,
				description: 'Fix the JSON in "JSON Body", or leave it empty to send no body.',
			},
		);
	}
}

/** Reads the generic request from the node's parameters. */
export function readApiRequest(this: IExecuteFunctions, itemIndex: number): ApiRequest {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = pairsToObject(this.getNodeParameter('queryParameters', itemIndex, {}));
	const headers = pairsToObject(this.getNodeParameter('headerParameters', itemIndex, {}));
	assertUserHeaders(headers);
	return {
		method,
		path: this.getNodeParameter('path', itemIndex) as string,
		qs: Object.keys(qs).length ? qs : undefined,
		headers,
		allowNonJson: true,
		body: BODY_METHODS.includes(method)
			? parseJsonBody.call(this, this.getNodeParameter('jsonBody', itemIndex, ''), itemIndex)
			: undefined,
		returnFullResponse: options.returnFullResponse === true,
	};
}

/** Response -> items: an array becomes one item per element, an empty answer `{ success: true }`. */
export function responseToItems(
	response: unknown,
	fullResponse: boolean,
): IDataObject | IDataObject[] {
	if (fullResponse) {
		const full = response as IN8nHttpFullResponse;
		return {
			statusCode: full.statusCode,
			headers: full.headers as IDataObject,
			body: full.body as IDataObject,
		};
	}
	if (Array.isArray(response))
		return response.map((entry) => (typeof entry === 'object' && entry ? entry : { value: entry }));
	if (response && typeof response === 'object') return response as IDataObject;
	if (response === undefined || response === null || response === '') return { success: true };
	return { value: response as string };
}
