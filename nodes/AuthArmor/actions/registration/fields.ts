import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idField, optionsCollection } from '../../../shared/descriptions';
import { checkWholeNumber } from '../../../shared/requestRules';
import { readContextData } from '../../fields';
import { readUserTarget, userLocatorField, usernamePlacementOption } from '../../userTarget';

/**
 * What the registration operations share: the New User / Existing User choice and the path it leads to, the
 * registration ID and validation token, and the checked optional fields of the start calls.
 */
export type RegisterFor = 'newUser' | 'existingUser';

/** Registrations either create a user or add a credential to one: the vendor has a route for each. */
export const registerForField: INodeProperties = {
	displayName: 'For',
	name: 'registerFor',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'New User',
			value: 'newUser',
			description: 'Create a user, who registers their first credential',
		},
		{
			name: 'Existing User',
			value: 'existingUser',
			description: 'Add a credential to a user who already exists',
		},
	],
	default: 'newUser',
};

const forExistingUser = { show: { registerFor: ['existingUser'] } };
const forNewUser = { show: { registerFor: ['newUser'] } };

/** The User field, shown when the registration is for an existing user. */
export const existingUserField: INodeProperties = {
	...userLocatorField,
	displayOptions: forExistingUser,
};

/** A field shown only for a new user. */
export function newUserOnly(field: INodeProperties): INodeProperties {
	return { ...field, displayOptions: forNewUser };
}

/** Options with "Send Username In", offered only when a user is named (for an existing user). */
export function registrationOptions(options: INodeProperties[] = []): INodeProperties {
	return optionsCollection([
		...options,
		{ ...usernamePlacementOption, displayOptions: { show: { '/registerFor': ['existingUser'] } } },
	]);
}

export function readRegisterFor(this: IExecuteFunctions, itemIndex: number): RegisterFor {
	return this.getNodeParameter('registerFor', itemIndex, 'newUser') === 'existingUser'
		? 'existingUser'
		: 'newUser';
}

export interface RegistrationRoute {
	path: string;
	headers: IDataObject;
	qs: IDataObject;
}

/**
 * `/{apiVersion}/users/registrations/<rest>` for a new user, `/{apiVersion}/users/{user}/registrations/<rest>`
 * (the user in the path, or the zero GUID and the username in a header or the query) for an existing one.
 */
export function registrationRoute(
	this: IExecuteFunctions,
	itemIndex: number,
	rest: string,
): RegistrationRoute {
	if (readRegisterFor.call(this, itemIndex) === 'newUser') {
		return { path: `/{apiVersion}/users/registrations/${rest}`, headers: {}, qs: {} };
	}
	const target = readUserTarget.call(this, itemIndex);
	return {
		path: `/{apiVersion}/users/${target.segment}/registrations/${rest}`,
		headers: target.headers,
		qs: target.qs,
	};
}

export const registrationIdField: INodeProperties = idField(
	'Registration ID',
	'registrationId',
	'5b1f7c2a-9e4d-4b8a-a6f3-2c0d9e8b7a61',
	'The registration_id the start of the registration returned',
);

export const validationTokenField: INodeProperties = {
	displayName: 'Registration Validation Token',
	name: 'registrationValidationToken',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	description:
		'The registration_validation_token of the registration (from its start, its WebAuthn finish, or the magic link the person opened)',
};

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function checkEmail(
	this: IExecuteFunctions,
	itemIndex: number,
	value: string,
	displayName: string,
): string {
	if (!EMAIL.test(value)) {
		throw new NodeOperationError(
			this.getNode(),
			`The ${displayName} "${value}" is not an email address.`,
			{ itemIndex, description: 'Enter an address like name@example.com.' },
		);
	}
	return value;
}

/** `timeout_in_seconds` of a registration start, when given: how long the person has to register. */
export const registrationTimeoutField: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeoutSeconds',
	type: 'number',
	typeOptions: { minValue: 15, maxValue: 86_400 },
	default: 300,
	description: 'How long the person has to complete the registration',
};

/** The Additional Fields as the spec's body fields, each checked; `names` maps field names to body names. */
export function readAdditionalFields(
	this: IExecuteFunctions,
	itemIndex: number,
	names: Record<string, string>,
): IDataObject {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	for (const [field, bodyName] of Object.entries(names)) {
		const value = fields[field];
		if (value === undefined || value === null || value === '') continue;
		if (field === 'timeoutSeconds') {
			body[bodyName] = checkWholeNumber(value, 'Timeout (Seconds)', { min: 15, max: 86_400 });
		} else if (field === 'contextData') {
			const context = readContextData.call(this, itemIndex, value);
			if (context) body[bodyName] = context;
		} else {
			const text = typeof value === 'string' ? value.trim() : value;
			if (text !== '') body[bodyName] = text;
		}
	}
	return body;
}

/** The magic-link start fields every magic-link registration (and the change of email) accepts. */
export const magicLinkFields: INodeProperties[] = [
	registrationTimeoutField,
	{
		displayName: 'Action Name',
		name: 'actionName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Sign up',
		description: 'What the person is asked to confirm, shown in the email',
	},
	{
		displayName: 'Message',
		name: 'shortMessage',
		type: 'string',
		default: '',
		placeholder: 'e.g. Confirm your email to finish signing up',
		description: 'A short explanation shown in the email',
	},
	{
		displayName: 'Context Data',
		name: 'contextData',
		type: 'json',
		default: '{}',
		description:
			'Key/value pairs (text values) kept with the registration and returned when it is validated',
	},
];

export const MAGIC_LINK_BODY_NAMES: Record<string, string> = {
	timeoutSeconds: 'timeout_in_seconds',
	actionName: 'action_name',
	shortMessage: 'short_msg',
	contextData: 'context_data',
};

/** The person's IP address and browser, which the vendor may compare between start and validation. */
export const clientFields: INodeProperties[] = [
	{
		displayName: 'IP Address',
		name: 'ipAddress',
		type: 'string',
		default: '',
		placeholder: 'e.g. 203.0.113.7',
		description: "The IP address of the person's browser",
	},
	{
		displayName: 'User Agent',
		name: 'userAgent',
		type: 'string',
		default: '',
		placeholder: 'e.g. Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
		description: "The user agent of the person's browser",
	},
];

export const CLIENT_BODY_NAMES: Record<string, string> = {
	ipAddress: 'ip_address',
	userAgent: 'user_agent',
};
