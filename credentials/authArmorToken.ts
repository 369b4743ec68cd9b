import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { credentialBaseUrl } from './baseUrl';
import {
	ArmorCredentialError,
	describeHttpFailure,
	isRedirect,
	credentialFailure,
	networkFailureMessage,
	redirectTarget,
	vendorMessage,
	type HttpFailure,
} from './httpFailure';
import { credentialSecrets } from './redaction';
import { manageSession } from './sessionMemory';
import {
	isSessionAlive,
	issuedTokenState,
	keptTokenState,
	ownedTokens,
	settingsFingerprint,
} from './tokenState';

/** Auth Armor's OAuth 2.0 client-credentials token: fetched once, reused until shortly before it expires. */

const SERVICE = 'Auth Armor';
/** Renew this long before expiry (or a third of the lifetime for short-lived tokens). */
const RENEW_BEFORE_EXPIRY_SECONDS = 60;
const REQUEST_TIMEOUT_MS = 30_000;
/** After a token request failed for a passing reason, the live token is kept and the request retried this much later. */
const TOKEN_RETRY_MS = 30_000;

export function authArmorFingerprint(credentials: ICredentialDataDecryptedObject): string {
	return settingsFingerprint(
		'authArmorApi',
		credentialBaseUrl(credentials.tokenUrl, 'Token URL'),
		credentialBaseUrl(credentials.baseUrl),
		credentials.clientId,
		credentials.clientSecret,
		String(credentials.scope ?? '').trim(),
	);
}

export function authArmorApiVersion(credentials: ICredentialDataDecryptedObject): 'v3' | 'v4' {
	return credentials.apiVersion === 'v3' ? 'v3' : 'v4';
}

function tokenFailure(
	error: unknown,
	credentials: ICredentialDataDecryptedObject,
	tokenUrl: string,
	scope: string,
): ArmorCredentialError {
	const secrets = credentialSecrets(credentials);
	return credentialFailure(error, secrets, (failure) =>
		describeTokenFailure(failure, tokenUrl, scope, secrets),
	);
}

function describeTokenFailure(
	failure: HttpFailure,
	tokenUrl: string,
	scope: string,
	secrets: string[],
): ArmorCredentialError {
	const network = networkFailureMessage(failure, 'the Auth Armor token endpoint', tokenUrl);
	if (network) return new ArmorCredentialError(network);
	if (isRedirect(failure)) {
		return new ArmorCredentialError(
			`The Auth Armor token endpoint answered with a redirect (${failure.status}) to ${redirectTarget(failure, tokenUrl)}. It was not followed, so the client secret was not sent there. Check the Token URL in the credential, e.g. https://login.autharmor.com/connect/token.`,
			failure.status,
		);
	}
	const body = parseJsonObject(failure.body) ?? {};
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
	// The token endpoint may echo what it was sent: only the documented fields, short, masked.
	const said = vendorMessage(failure.body, { knownFieldsOnly: true, maxLength: 200, secrets });
	return new ArmorCredentialError(
		`Auth Armor's token endpoint answered ${failure.status}${said ? `: ${said}` : ''}.`,
		failure.status,
	);
}

function parseJsonObject(answer: unknown): IDataObject | undefined {
	if (answer && typeof answer === 'object' && !Buffer.isBuffer(answer))
		return answer as IDataObject;
	try {
		const parsed = JSON.parse(String(answer)) as unknown;
		return parsed && typeof parsed === 'object' ? (parsed as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

/** Requests a new token with the client ID and secret. Never follows a redirect: the request carries the secret. */
export async function requestClientCredentialsToken(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	now: () => number = Date.now,
): Promise<IDataObject> {
	const tokenUrl = credentialBaseUrl(credentials.tokenUrl, 'Token URL');
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
			disableFollowRedirect: true,
			timeout: REQUEST_TIMEOUT_MS,
		});
	} catch (error) {
		throw tokenFailure(error, credentials, tokenUrl, scope);
	}
	const body = parseJsonObject(answer);
	if (!body) {
		throw new ArmorCredentialError(
			'The Auth Armor token endpoint did not answer with JSON. Check the Token URL.',
		);
	}
	const accessToken = typeof body.access_token === 'string' ? body.access_token : '';
	if (!accessToken) {
		throw new ArmorCredentialError(
			'The Auth Armor token endpoint answered without an access token. Check the Token URL.',
		);
	}
	const lifetime = Number(body.expires_in) > 0 ? Number(body.expires_in) : 300;
	const renewBefore = Math.min(RENEW_BEFORE_EXPIRY_SECONDS, lifetime / 3);
	return issuedTokenState(
		accessToken,
		authArmorFingerprint(credentials),
		now(),
		lifetime,
		renewBefore,
	);
}

/** Does Auth Armor still accept this token? Only a clear 401 says no (403 = accepted, but lacking a scope). */
async function isAuthArmorTokenAccepted(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	token: string,
): Promise<boolean> {
	try {
		await helpers.helpers.httpRequest({
			method: 'GET',
			url: `${credentialBaseUrl(credentials.baseUrl)}/${authArmorApiVersion(credentials)}/users`,
			qs: { page_number: 1, page_size: 1 },
			headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
			json: true,
			disableFollowRedirect: true,
			timeout: REQUEST_TIMEOUT_MS,
		});
		return true;
	} catch (error) {
		return describeHttpFailure(error).status !== 401;
	}
}

/**
 * n8n calls this when the token is blank (first use, or renewal due), in a credential test, or after an error.
 * See `manageSession` for what is shared between executions.
 */
export async function renewAuthArmorToken(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	now: () => number = Date.now,
): Promise<IDataObject> {
	const fingerprint = authArmorFingerprint(credentials);
	const { state, presentedToken, sessionToken } = ownedTokens(credentials, fingerprint);
	return await manageSession(
		{
			fingerprint,
			service: SERVICE,
			presentedToken,
			sessionToken,
			isTokenAccepted: async (token) => await isAuthArmorTokenAccepted(this, credentials, token),
			renew: async (refused) => {
				const outcome = await requestClientCredentialsToken.call(this, credentials, now).then(
					(issued) => ({ state: issued, byLogin: true }),
					(error: ArmorCredentialError) => error,
				);
				if (!(outcome instanceof Error)) return outcome;
				// A busy token endpoint does not end a token that still works.
				if (!refused && outcome.transient && isSessionAlive(state, fingerprint, now())) {
					return { state: keptTokenState(state, now(), TOKEN_RETRY_MS), byLogin: false };
				}
				throw new ArmorCredentialError(outcome.message, outcome.vendorStatus, outcome.transient);
			},
		},
		now,
	);
}
