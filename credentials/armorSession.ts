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
	readTokenState,
	settingsFingerprint,
} from './tokenState';

/**
 * The Armor Defense legacy "FH-AUTH" session: log in (`/auth/authorize` -> code -> `/auth/token`),
 * then extend the 15-minute token with `/auth/token/reissue` instead of logging in again.
 */

const SERVICE = 'Armor';
/** Reissue once less than a third of the token's life is left, as Armor's own PowerShell client does. */
const RENEW_FRACTION = 1 / 3;
export const MFA_TIMEOUT_SECONDS = { min: 1, max: 900, default: 300 };
/** Requests other than the MFA-held authorize call. */
const REQUEST_TIMEOUT_MS = 30_000;
/** After a reissue failed for a passing reason, the live token is kept and the reissue retried this much later. */
const REISSUE_RETRY_MS = 30_000;

export function armorFingerprint(credentials: ICredentialDataDecryptedObject): string {
	return settingsFingerprint(
		'armorApi',
		credentialBaseUrl(credentials.baseUrl),
		credentials.username,
		credentials.password,
	);
}

/** "MFA Timeout (Seconds)", checked: a whole number within the documented range (empty = the default). */
export function readMfaTimeoutSeconds(credentials: ICredentialDataDecryptedObject): number {
	const raw = credentials.mfaTimeout;
	if (raw === undefined || raw === null || raw === '') return MFA_TIMEOUT_SECONDS.default;
	const seconds = Number(raw);
	if (
		!Number.isInteger(seconds) ||
		seconds < MFA_TIMEOUT_SECONDS.min ||
		seconds > MFA_TIMEOUT_SECONDS.max
	) {
		throw new ArmorCredentialError(
			`The credential's MFA Timeout must be a whole number of seconds from ${MFA_TIMEOUT_SECONDS.min} to ${MFA_TIMEOUT_SECONDS.max}; it is "${String(raw)}".`,
		);
	}
	return seconds;
}

/** The credential's default account (sent as X-Account-Context), checked; '' when none is set. */
export function readAccountId(credentials: ICredentialDataDecryptedObject): string {
	const accountId = String(credentials.accountId ?? '').trim();
	if (accountId && !isAccountId(accountId)) {
		throw new ArmorCredentialError(
			`The credential's Account ID must be an Armor account ID (a whole number such as 1001), not "${accountId}". Leave it empty to use the user's default account.`,
		);
	}
	return accountId;
}

export function isAccountId(value: string): boolean {
	return /^[1-9]\d{0,17}$/.test(value);
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
	const accessToken = typeof body?.access_token === 'string' ? body.access_token : '';
	if (!accessToken) {
		throw new ArmorCredentialError(
			`${SERVICE} answered the token request without an access token. Check the Base URL in the credential, or try again later.`,
		);
	}
	const lifetime = readExpiresIn(body.expires_in);
	return issuedTokenState(
		accessToken,
		armorFingerprint(credentials),
		now,
		lifetime,
		lifetime * RENEW_FRACTION,
	);
}

/** One request to the credential's own base URL. Never follows a redirect: it carries a password or token. */
async function sendToArmor(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	request: { method: 'GET' | 'POST'; path: string; body?: IDataObject; token?: string },
	timeout = REQUEST_TIMEOUT_MS,
): Promise<IDataObject> {
	const answer = (await helpers.helpers.httpRequest({
		method: request.method,
		url: `${credentialBaseUrl(credentials.baseUrl)}${request.path}`,
		body: request.body,
		json: true,
		headers: {
			Accept: 'application/json',
			...(request.body ? { 'Content-Type': 'application/json' } : {}),
			...(request.token ? { Authorization: `FH-AUTH ${request.token}` } : {}),
		},
		disableFollowRedirect: true,
		timeout,
	})) as unknown;
	if (answer !== undefined && answer !== '' && (typeof answer !== 'object' || answer === null)) {
		throw new ArmorCredentialError(
			`${SERVICE} did not answer ${request.path} with JSON. Check the Base URL in the credential: it must be the API's address, e.g. https://api.armor.com.`,
		);
	}
	return (answer ?? {}) as IDataObject;
}

function loginFailure(
	error: unknown,
	step: string,
	credentials: ICredentialDataDecryptedObject,
	extraSecrets: string[] = [],
): ArmorCredentialError {
	const secrets = [...credentialSecrets(credentials), ...extraSecrets];
	return credentialFailure(error, secrets, (failure) =>
		describeLoginFailure(failure, step, credentials, secrets),
	);
}

function describeLoginFailure(
	failure: HttpFailure,
	step: string,
	credentials: ICredentialDataDecryptedObject,
	secrets: string[],
): ArmorCredentialError {
	const url = `${credentialBaseUrl(credentials.baseUrl)}${step}`;
	// Login and token endpoints may echo what they were sent: only the documented fields, short, masked.
	const said = vendorMessage(failure.body, { knownFieldsOnly: true, maxLength: 200, secrets });
	if (failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT') {
		if (step === '/auth/authorize') {
			return new ArmorCredentialError(
				`The Armor login did not finish within ${readMfaTimeoutSeconds(credentials)} seconds. If the account uses MFA, approve the prompt sooner or raise "MFA Timeout" in the credential; for scheduled workflows use a service account without MFA.`,
			);
		}
	}
	const network = networkFailureMessage(failure, SERVICE, url);
	if (network) return new ArmorCredentialError(network);
	if (isRedirect(failure)) {
		const what = step === '/auth/authorize' ? 'password' : 'token';
		return new ArmorCredentialError(
			`Armor answered ${step} with a redirect (${failure.status}) to ${redirectTarget(failure, url)}. It was not followed, so the ${what} was not sent there. Check the Base URL in the credential: it must be the API's own address, e.g. https://api.armor.com.`,
			failure.status,
		);
	}
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
	const mfaTimeoutSeconds = readMfaTimeoutSeconds(credentials);
	let authorization: IDataObject;
	try {
		authorization = await sendToArmor(
			this,
			credentials,
			{
				method: 'POST',
				path: '/auth/authorize',
				body: { username: credentials.username, password: credentials.password },
			},
			mfaTimeoutSeconds * 1000,
		);
	} catch (error) {
		throw loginFailure(error, '/auth/authorize', credentials);
	}
	const code = typeof authorization.code === 'string' ? authorization.code : '';
	if (authorization.success !== true || !code) {
		throw new ArmorCredentialError(
			'Armor did not complete the login (no authorization code was returned). If the account uses MFA, the prompt may have been declined.',
		);
	}
	let token: IDataObject;
	try {
		token = await sendToArmor(this, credentials, {
			method: 'POST',
			path: '/auth/token',
			body: { code, grant_type: 'authorization_code' },
		});
	} catch (error) {
		throw loginFailure(error, '/auth/token', credentials, [code]);
	}
	return tokenStateFor(credentials, token, now());
}

/** Extends a live session: a new token for the current one, no password and no MFA prompt. */
export async function reissueAccessToken(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	now: () => number = Date.now,
): Promise<IDataObject> {
	const { sessionToken } = readTokenState(credentials);
	try {
		const token = await sendToArmor(this, credentials, {
			method: 'POST',
			path: '/auth/token/reissue',
			body: { token: sessionToken },
		});
		return tokenStateFor(credentials, token, now());
	} catch (error) {
		throw loginFailure(error, '/auth/token/reissue', credentials);
	}
}

/** Does Armor still accept this token? Only a clear 401 says no (a 5xx or a timeout is not a refusal). */
async function isArmorTokenAccepted(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	token: string,
): Promise<boolean> {
	try {
		await sendToArmor(helpers, credentials, { method: 'GET', path: '/me', token });
		return true;
	} catch (error) {
		return describeHttpFailure(error).status !== 401;
	}
}

/**
 * n8n calls this when the token is blank (first use, or renewal due), in a credential test, or after an error.
 * A live session of the same user is reissued (a reissue that fails for a passing reason keeps the live token);
 * a refused or dead session logs in again. See `manageSession` for what is shared between executions.
 */
export async function renewArmorSession(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	now: () => number = Date.now,
): Promise<IDataObject> {
	const fingerprint = armorFingerprint(credentials);
	readAccountId(credentials);
	const { state, presentedToken, sessionToken } = ownedTokens(credentials, fingerprint);
	return await manageSession(
		{
			fingerprint,
			service: SERVICE,
			presentedToken,
			sessionToken,
			isTokenAccepted: async (token) => await isArmorTokenAccepted(this, credentials, token),
			renew: async (refused) => {
				if (!refused && isSessionAlive(state, fingerprint, now())) {
					try {
						return {
							state: await reissueAccessToken.call(this, credentials, now),
							byLogin: false,
						};
					} catch (error) {
						if ((error as ArmorCredentialError).transient) {
							return { state: keptTokenState(state, now(), REISSUE_RETRY_MS), byLogin: false };
						}
						// The session ended early (revoked, server restart): a login replaces it.
					}
				}
				return { state: await logIn.call(this, credentials, now), byLogin: true };
			},
		},
		now,
	);
}
