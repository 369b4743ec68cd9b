import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkWholeNumber } from '../../../shared/requestRules';
import { approvalResult, responder } from '../../approval';
import { readRequiredText } from '../../fields';

/**
 * What the Start, Finish and Validate auth operations share: their optional body fields (under "Additional
 * Fields", named as the v4 reference names them in the body), the readers that turn them into a body, and the
 * simplified view of an auth answer (also used by User -> Get Auth History).
 */

export type AuthMethod = 'authenticator' | 'magiclink_email' | 'webauthn';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The auth timeout range Auth Armor accepts (its .NET SDK: Range(15, 300)). */
const MIN_AUTH_TIMEOUT = 15;
const MAX_AUTH_TIMEOUT = 300;

export const actionNameField: INodeProperties = {
	displayName: 'Action Name',
	name: 'actionName',
	type: 'string',
	default: '',
	placeholder: 'e.g. Log in',
	description: 'What the person approves, shown as the request title',
};

export const authTimeoutField: INodeProperties = {
	displayName: 'Auth Timeout (Seconds)',
	name: 'authTimeoutSeconds',
	type: 'number',
	typeOptions: { minValue: MIN_AUTH_TIMEOUT, maxValue: MAX_AUTH_TIMEOUT },
	default: 60,
	description: 'How long the person has to answer (15 to 300; Auth Armor uses 60 when not set)',
};

export const ipAddressField: INodeProperties = {
	displayName: 'IP Address',
	name: 'ipAddress',
	type: 'string',
	default: '',
	placeholder: 'e.g. 203.0.113.7',
	description: "The IP address of the person's browser or app, as your application saw it",
};

export const messageField: INodeProperties = {
	displayName: 'Message',
	name: 'shortMessage',
	type: 'string',
	default: '',
	placeholder: 'e.g. Sign in to the billing portal',
	description: 'A short explanation shown with the request',
};

export const nonceField: INodeProperties = {
	displayName: 'Nonce',
	name: 'nonce',
	type: 'string',
	default: '',
	placeholder: 'e.g. 6f1c2a9e4b7d4c8a',
	description:
		'A one-time value of your own; the validation must send the same one. None is sent unless given.',
};

/** The request's origin, sent as `origin_location_data` (three flat fields are easier to fill than a nested one). */
export const originFields: INodeProperties[] = [
	{
		displayName: 'Origin IP Address',
		name: 'originIpAddress',
		type: 'string',
		default: '',
		placeholder: 'e.g. 203.0.113.7',
		description: 'Where the request comes from, shown to the person (origin_location_data)',
	},
	{
		displayName: 'Origin Latitude',
		name: 'originLatitude',
		type: 'string',
		default: '',
		placeholder: 'e.g. 38.8951',
		description: 'Where the request comes from, shown to the person (origin_location_data)',
	},
	{
		displayName: 'Origin Longitude',
		name: 'originLongitude',
		type: 'string',
		default: '',
		placeholder: 'e.g. -77.0364',
		description: 'Where the request comes from, shown to the person (origin_location_data)',
	},
];

export const userAgentField: INodeProperties = {
	displayName: 'User Agent',
	name: 'userAgent',
	type: 'string',
	default: '',
	placeholder: 'e.g. Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
	description: "The User-Agent of the person's browser, as your application saw it",
};

export const webAuthnClientIdField: INodeProperties = {
	displayName: 'WebAuthn Client ID',
	name: 'webauthnClientId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 5b8f2c1a-3d4e-4f6a-9b0c-7d1e2f3a4b5c',
	description: 'The ID of the WebAuthn client (your site) set up in the Auth Armor dashboard',
};

export function readAdditionalFields(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** The body fields every method's start and validate share, from what the Additional Fields hold. */
export function commonBodyFields(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	const pairs: Array<[string, string]> = [
		['actionName', 'action_name'],
		['shortMessage', 'short_msg'],
		['nonce', 'nonce'],
		['ipAddress', 'ip_address'],
		['userAgent', 'user_agent'],
	];
	for (const [field, name] of pairs) if (text(fields[field])) body[name] = text(fields[field]);
	if (fields.authTimeoutSeconds !== undefined) {
		body.timeout_in_seconds = checkWholeNumber(
			fields.authTimeoutSeconds,
			'Auth Timeout (Seconds)',
			{ min: MIN_AUTH_TIMEOUT, max: MAX_AUTH_TIMEOUT },
		);
	}
	const origin: IDataObject = {};
	if (text(fields.originLatitude)) origin.latitude = text(fields.originLatitude);
	if (text(fields.originLongitude)) origin.longitude = text(fields.originLongitude);
	if (text(fields.originIpAddress)) origin.ip_address = text(fields.originIpAddress);
	if (Object.keys(origin).length) body.origin_location_data = origin;
	return body;
}

/** The Auth Request ID field, checked to be a UUID before it goes in a body. */
export function readAuthRequestId(this: IExecuteFunctions, itemIndex: number): string {
	const id = readRequiredText.call(
		this,
		itemIndex,
		'authRequestId',
		'Auth Request ID',
		'Use the auth_request_id the Start operation returned. An expression may have resolved to nothing for this item.',
	);
	if (!UUID.test(id)) {
		throw new NodeOperationError(
			this.getNode(),
			`The Auth Request ID "${id}" is not an auth request ID (a UUID).`,
			{
				itemIndex,
				description:
					'Auth request IDs look like 0d9a8a3e-2b6f-4a5b-9d2e-6c1f0e7b8a90: use the auth_request_id the Start operation returned.',
			},
		);
	}
	return id;
}

/**
 * An auth answer (`auth_response`, or a validation's `validate_auth_response_details`) reduced to what a
 * workflow decides on: whether it was approved, who answered, when, and the context data.
 */
export function simplifyAuthAnswer(
	details: IDataObject | undefined,
	statusName: unknown,
): IDataObject {
	const result = approvalResult(details?.result_code);
	const who = responder(details);
	const request = ((details?.auth_details as IDataObject | undefined)?.request_details ??
		{}) as IDataObject;
	return {
		authRequestId: details?.auth_history_id,
		status: typeof statusName === 'string' ? statusName : undefined,
		// Approved only when the API says both: the answer was a success and it is authorized.
		approved: result === 'approved' && details?.authorized === true,
		authorized: details?.authorized,
		result,
		resultCode: details?.result_code,
		resultMessage: details?.result_message,
		...who,
		// A request nobody answered has no response: its method is the one it was sent with.
		method: who.method ?? request.auth_method,
		...(details?.context_data ? { contextData: details.context_data } : {}),
	};
}
