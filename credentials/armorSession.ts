import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import {
	ArmorCredentialError,
	assertSafeBaseUrl,
	describeHttpFailure,
	isTokenAlive,
	issuedTokenState,
	networkFailureMessage,
	normalizeBaseUrl,
	readTokenState,
	tokenOwnerOf,
	vendorMessage,
} from './tokenState';

/**
 * The Armor Defense legacy "FH-AUTH" session: log in (`/auth/authorize` -> code -> `/auth/token`),
 * then extend the 15-minute token with `/auth/token/reissue` instead of logging in again.
 */

const SERVICE = 'Armor';
/** Reissue once less than a third of the token's life is left, as Armor's own PowerShell client does. */
const RENEW_FRACTION = 1 / 3;
const DEFAULT_MFA_TIMEOUT_SECONDS = 300;
/** Requests other than the MFA-held authorize call. */
const REQUEST_TIMEOUT_MS = 30_000;

export function armorTokenOwner(credentials: ICredentialDataDecryptedObject): string {
	return tokenOwnerOf(
		'armorApi',
		normalizedBaseUrl(credentials),
		credentials.username,
		credentials.password,
	);
}

function normalizedBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return normalizeBaseUrl(assertSafeBaseUrl(credentials.baseUrl, 'Base URL'));
}

/**
 * `expires_in` from Armor: the current guide says 15 meaning minutes, an older revision returned 1800 and
 * a published spec 900, meaning seconds. Values up to 60 are minutes, larger ones seconds.
 */
export function readExpiresIn(value: unknown): number {
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) return 15 * 60;
	return n <= 60 ? n * 60 : n;
}

function tokenStateFor(
	credentials: ICredentialDataDecryptedObject,
	body: IDataObject,
	now: number,
): IDataObject {
	const accessToken = typeof body.access_token === 'string' ? body.access_token : '';
	if (!accessToken) {
		throw new ArmorCredentialError(
			`${SERVICE} answered the token request without an access token. Try again later.`,
		);
	}
	const lifetime = readExpiresIn(body.expires_in);
	return {
		...issuedTokenState(
			accessToken,
			armorTokenOwner(credentials),
			now,
			lifetime,
			lifetime * RENEW_FRACTION,
		),
		// The token to present to /auth/token/reissue. It is kept apart from `accessToken` because the
		// transport blanks `accessToken` to make n8n call preAuthentication before the token expires.
		reissueToken: accessToken,
	};
}

async function postJson(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	path: string,
	body: IDataObject,
	timeout = REQUEST_TIMEOUT_MS,
): Promise<IDataObject> {
	return (await helpers.helpers.httpRequest({
		method: 'POST',
		url: `${normalizedBaseUrl(credentials)}${path}`,
		body,
		json: true,
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		timeout,
	})) as IDataObject;
}

function loginFailure(
	error: unknown,
	step: string,
	credentials: ICredentialDataDecryptedObject,
): ArmorCredentialError {
	const failure = describeHttpFailure(error);
	const url = `${normalizedBaseUrl(credentials)}${step}`;
	const said = vendorMessage(failure.body);
	if (failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT') {
		if (step === '/auth/authorize') {
			const seconds = Number(credentials.mfaTimeout) || DEFAULT_MFA_TIMEOUT_SECONDS;
			return new ArmorCredentialError(
				`The Armor login did not finish within ${seconds} seconds. If the account uses MFA, approve the prompt sooner or raise "MFA Timeout" in the credential; for scheduled workflows use a service account without MFA.`,
			);
		}
	}
	const network = networkFailureMessage(failure, SERVICE, url);
	if (network) return new ArmorCredentialError(network);
	switch (failure.status) {
		case 401:
			return step === '/auth/authorize'
				? new ArmorCredentialError(
						'Armor rejected the username or password. Check them in the credential.',
						401,
					)
				: new ArmorCredentialError(
						`Armor refused the session token${said ? ` (${said})` : ''}.`,
						401,
					);
		case 429:
			return new ArmorCredentialError(
				'Armor refused the login: too many authentication attempts. Wait a few minutes before trying again.',
				429,
			);
		case 400:
			if (step === '/auth/token') {
				return new ArmorCredentialError(
					`Armor did not accept the authorization code${said ? ` (${said})` : ''}. It is valid once and for two minutes; try again.`,
					400,
				);
			}
	}
	if (!failure.status) {
		// Refused before reaching Armor, e.g. by the credential's "Allowed Domains" setting in n8n.
		return new ArmorCredentialError(`The request to ${url} was not sent: ${failure.message}`);
	}
	return new ArmorCredentialError(
		`Armor answered ${failure.status} at ${step}${said ? `: ${said}` : ''}.`,
		failure.status,
	);
}

/** Full login: `/auth/authorize` (may be held open by an MFA prompt) then `/auth/token`. */
export async function logIn(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	now: () => number = Date.now,
): Promise<IDataObject> {
	if (!credentials.username || !credentials.password) {
		throw new ArmorCredentialError('Enter the Armor username and password in the credential.');
	}
	const mfaTimeoutSeconds = Number(credentials.mfaTimeout) || DEFAULT_MFA_TIMEOUT_SECONDS;
	let authorization: IDataObject;
	try {
		authorization = await postJson(
			this,
			credentials,
			'/auth/authorize',
			{ username: credentials.username, password: credentials.password },
			mfaTimeoutSeconds * 1000,
		);
	} catch (error) {
		throw loginFailure(error, '/auth/authorize', credentials);
	}
	if (
		authorization?.success !== true ||
		typeof authorization.code !== 'string' ||
		!authorization.code
	) {
		throw new ArmorCredentialError(
			'Armor did not complete the login (no authorization code was returned). If the account uses MFA, the prompt may have been declined.',
		);
	}
	let token: IDataObject;
	try {
		token = await postJson(this, credentials, '/auth/token', {
			code: authorization.code,
			grant_type: 'authorization_code',
		});
	} catch (error) {
		throw loginFailure(error, '/auth/token', credentials);
	}
	return tokenStateFor(credentials, token, now());
}

/** Extends a live session: a new token for the current one, no password and no MFA prompt. */
export async function reissueAccessToken(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	now: () => number = Date.now,
): Promise<IDataObject> {
	let token: IDataObject;
	try {
		token = await postJson(this, credentials, '/auth/token/reissue', {
			token: credentials.reissueToken,
		});
	} catch (error) {
		throw loginFailure(error, '/auth/token/reissue', credentials);
	}
	return tokenStateFor(credentials, token, now());
}

/**
 * n8n calls this when the token is blank (first use, or renewal due), in a credential test, or after a 401.
 * A live session of the same user is reissued; anything else, or a failed reissue, logs in again.
 */
export async function renewArmorSession(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	now: () => number = Date.now,
): Promise<IDataObject> {
	const state = readTokenState({ ...credentials, accessToken: credentials.reissueToken });
	if (isTokenAlive(state, armorTokenOwner(credentials), now()) && now() >= state.tokenRenewAt) {
		try {
			return await reissueAccessToken.call(this, credentials, now);
		} catch {
			// The session ended early (revoked, server restart): a login replaces it.
		}
	}
	return await logIn.call(this, credentials, now);
}
