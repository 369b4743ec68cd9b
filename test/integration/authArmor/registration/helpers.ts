/**
 * Shared by the Registration tests: the node parameters of one Registration operation, and the simulated
 * email a magic-link registration sends (the sandbox hands its link back in a response header, which
 * the typed operations drop: the API Request operation with "Return Full Response" reads it).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { userLocator } from '../helpers';

export const REDIRECT_URL = 'https://app.example/registered';

/** The parameters of Registration -> `operation`. */
export function registration(operation: string, parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'registration', operation, ...parameters };
}

/** For: Existing User, the user named By Username or By ID. */
export function existingUser(by: 'username' | 'id', value: string): INodeParameters {
	return { registerFor: 'existingUser', user: userLocator(by, value) };
}

/** What a magic link carries to the redirect URL. */
export interface EmailLink {
	registrationId: string;
	token: string;
}

/** The simulated email's link, from an API Request answer with "Return Full Response". */
export function emailLinkOf(response: IDataObject): EmailLink {
	const headers = response.headers as Record<string, string>;
	const link = new URL(String(headers['x-autharmor-sandbox-email-link'])).searchParams;
	return {
		registrationId: String(link.get('registration_id')),
		token: String(link.get('registration_validation_token')),
	};
}

/** A magic-link start sent through the API Request operation, to read the email's link. */
export function magicLinkStartRequest(path: string, body: IDataObject): INodeParameters {
	return {
		resource: 'apiRequest',
		operation: 'send',
		method: 'POST',
		path,
		jsonBody: JSON.stringify(body),
		options: { returnFullResponse: true },
	};
}
