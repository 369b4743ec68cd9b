/**
 * Shared by the Authentication tests: the node parameters of one Authentication operation, and the
 * simulated magic-link email (the sandbox hands its link back in a response header, which the typed
 * operations drop: the API Request operation with "Return Full Response" reads it).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

export const REDIRECT_URL = 'https://app.example/signed-in';

/** The parameters of Authentication -> `operation`. */
export function authentication(
	operation: string,
	parameters: INodeParameters = {},
): INodeParameters {
	return { resource: 'authentication', operation, ...parameters };
}

/** A magic-link auth start sent through the API Request operation, to read the email's link. */
export function magicLinkStart(body: IDataObject): INodeParameters {
	return {
		resource: 'apiRequest',
		operation: 'send',
		method: 'POST',
		path: '/{apiVersion}/auth/magiclink_email/start',
		jsonBody: JSON.stringify({ auth_redirect_url: REDIRECT_URL, ...body }),
		options: { returnFullResponse: true },
	};
}

/** What the email's link carries to the redirect URL. */
export function emailLinkOf(response: IDataObject): { authRequestId: string; token: string } {
	const headers = response.headers as Record<string, string>;
	const link = new URL(String(headers['x-autharmor-sandbox-email-link'])).searchParams;
	return {
		authRequestId: String(link.get('auth_request_id')),
		token: String(link.get('auth_validation_token')),
	};
}
