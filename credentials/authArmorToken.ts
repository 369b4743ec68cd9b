import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import {
	ArmorCredentialError,
	assertSafeBaseUrl,
	describeHttpFailure,
	issuedTokenState,
	networkFailureMessage,
	normalizeBaseUrl,
	tokenOwnerOf,
	vendorMessage,
} from './tokenState';

/** Auth Armor's OAuth 2.0 client-credentials token: fetched once, reused until shortly before it expires. */

/** Renew this long before expiry (or a third of the lifetime for short-lived tokens). */
const RENEW_BEFORE_EXPIRY_SECONDS = 60;
const REQUEST_TIMEOUT_MS = 30_000;

export function authArmorTokenOwner(credentials: ICredentialDataDecryptedObject): string {
	return tokenOwnerOf(
		'authArmorApi',
		normalizeBaseUrl(assertSafeBaseUrl(credentials.tokenUrl, 'Token URL')),
		normalizeBaseUrl(assertSafeBaseUrl(credentials.baseUrl, 'Base URL')),
		credentials.clientId,
		credentials.clientSecret,
		String(credentials.scope ?? '').trim(),
	);
}

function tokenFailure(error: unknown, tokenUrl: string, scope: string): ArmorCredentialError {
	const failure = describeHttpFailure(error);
	const network = networkFailureMessage(failure, 'the Auth Armor token endpoint', tokenUrl);
	if (network) return new ArmorCredentialError(network);
	const body = (
		typeof failure.body === 'object' && failure.body ? failure.body : {}
	) as IDataObject;
	switch (body.error) {
		case 'invalid_client':
			return new ArmorCredentialError(
				'Auth Armor rejected the client ID or client secret (invalid_client). Check them in the credential.',
				failure.status,
			);
		case 'invalid_scope':
			return new ArmorCredentialError(
				`Auth Armor does not grant the scope "${scope}" to this client (invalid_scope). Leave Scope empty to get every scope the client has.`,
				failure.status,
			);
	}
	if (failure.status === 401) {
		return new ArmorCredentialError(
			'Auth Armor rejected the client ID or client secret. Check them in the credential.',
			401,
		);
	}
	if (!failure.status) {
		// Refused before reaching Auth Armor, e.g. by the credential's "Allowed Domains" setting in n8n.
		return new ArmorCredentialError(`The request to ${tokenUrl} was not sent: ${failure.message}`);
	}
	const said = vendorMessage(failure.body);
	return new ArmorCredentialError(
		`Auth Armor's token endpoint answered ${failure.status}${said ? `: ${said}` : ''}.`,
		failure.status,
	);
}

function parseJsonObject(answer: unknown): IDataObject | undefined {
	if (answer && typeof answer === 'object') return answer as IDataObject;
	try {
		const parsed = JSON.parse(String(answer)) as unknown;
		return parsed && typeof parsed === 'object' ? (parsed as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

/** Requests a new token. Called by n8n through preAuthentication whenever the stored one is due. */
export async function requestClientCredentialsToken(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	now: () => number = Date.now,
): Promise<IDataObject> {
	const tokenUrl = assertSafeBaseUrl(credentials.tokenUrl, 'Token URL').href;
	if (!credentials.clientId || !credentials.clientSecret) {
		throw new ArmorCredentialError(
			'Enter the Auth Armor client ID and client secret in the credential.',
		);
	}
	const scope = String(credentials.scope ?? '').trim();
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: String(credentials.clientId),
		client_secret: String(credentials.clientSecret),
	});
	if (scope) form.set('scope', scope);
	let answer: unknown;
	try {
		answer = await this.helpers.httpRequest({
			method: 'POST',
			url: tokenUrl,
			body: form.toString(),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			json: false,
			timeout: REQUEST_TIMEOUT_MS,
		});
	} catch (error) {
		throw tokenFailure(error, tokenUrl, scope);
	}
	const body = parseJsonObject(answer);
	if (!body) {
		throw new ArmorCredentialError(
			'The Auth Armor token endpoint did not answer with JSON. Check the Token URL.',
		);
	}
	const accessToken = typeof body?.access_token === 'string' ? body.access_token : '';
	if (!accessToken) {
		throw new ArmorCredentialError(
			'The Auth Armor token endpoint answered without an access token. Check the Token URL.',
		);
	}
	const lifetime = Number(body.expires_in) > 0 ? Number(body.expires_in) : 300;
	const renewBefore = Math.min(RENEW_BEFORE_EXPIRY_SECONDS, lifetime / 3);
	return issuedTokenState(
		accessToken,
		authArmorTokenOwner(credentials),
		now(),
		lifetime,
		renewBefore,
	);
}
