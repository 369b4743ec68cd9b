import { createHash, createHmac, timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * What a self-managing credential stores beside its settings. n8n persists every key that
 * `preAuthentication` returns, so the token and its expiry survive from one execution to the next.
 *
 * n8n only calls `preAuthentication` when `accessToken` is empty, in a credential test, or after a 401.
 * To renew a token *before* it expires, the nodes' transport hands n8n a copy of the credential whose
 * `accessToken` is blanked once `tokenRenewAt` has passed (see `isRenewalDue`); `sessionToken` keeps the
 * live token for that renewal (Armor's reissue, or keeping it when a renewal fails for a passing reason).
 */
export interface TokenState {
	accessToken: string;
	/** The same token, never blanked. */
	sessionToken: string;
	/** Epoch milliseconds after which the token is no longer accepted. */
	tokenExpiresAt: number;
	/** Epoch milliseconds from which the credential prefers a fresh token. */
	tokenRenewAt: number;
	/** HMAC of the settings that obtained the token, keyed by the token: a changed user or secret never reuses it. */
	tokenOwner: string;
}

export const tokenStateProperties: INodeProperties[] = [
	{
		displayName: 'Access Token',
		name: 'accessToken',
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	{
		displayName: 'Session Token',
		name: 'sessionToken',
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
	{ displayName: 'Token Expires At', name: 'tokenExpiresAt', type: 'hidden', default: 0 },
	{ displayName: 'Token Renew At', name: 'tokenRenewAt', type: 'hidden', default: 0 },
	{
		displayName: 'Token Owner',
		name: 'tokenOwner',
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
];

/** A token is treated as expired this long before its stated expiry (clock differences, slow requests). */
const EXPIRY_SLACK_MS = 5_000;

/**
 * A one-way digest of the settings a token belongs to. It only lives in memory (the key of this process's
 * session memory and the message of `tokenOwner`); what is stored is keyed by the token (`tokenOwnerFor`).
 */
export function settingsFingerprint(...settings: unknown[]): string {
	const hash = createHash('sha256');
	for (const setting of settings) hash.update(`${String(setting ?? '')}\u0000`);
	return hash.digest('hex');
}

/** The stored fingerprint: keyed by the token, so it cannot be tested against guessed passwords without it. */
export function tokenOwnerFor(token: string, fingerprint: string): string {
	return createHmac('sha256', token).update(fingerprint).digest('hex');
}

/** The token was obtained with these settings. */
export function ownsToken(tokenOwner: string, token: string, fingerprint: string): boolean {
	if (!token || !tokenOwner) return false;
	const expected = Buffer.from(tokenOwnerFor(token, fingerprint));
	const stored = Buffer.from(tokenOwner);
	return expected.length === stored.length && timingSafeEqual(expected, stored);
}

export function readTokenState(credentials: ICredentialDataDecryptedObject): TokenState {
	const accessToken = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	const sessionToken =
		typeof credentials.sessionToken === 'string' && credentials.sessionToken
			? credentials.sessionToken
			: accessToken;
	return {
		accessToken,
		sessionToken,
		tokenExpiresAt: Number(credentials.tokenExpiresAt) || 0,
		tokenRenewAt: Number(credentials.tokenRenewAt) || 0,
		tokenOwner: typeof credentials.tokenOwner === 'string' ? credentials.tokenOwner : '',
	};
}

/** The session token can still be presented (to the API, to a reissue), with a little slack for clocks. */
export function isSessionAlive(state: TokenState, fingerprint: string, now: number): boolean {
	return (
		ownsToken(state.tokenOwner, state.sessionToken, fingerprint) &&
		now < state.tokenExpiresAt - EXPIRY_SLACK_MS
	);
}

/**
 * The token `authenticate` may present: only one obtained with the current settings. After the user changes
 * the password or secret (n8n's credential test then keeps the stored token and skips preAuthentication),
 * the request goes out without it, the API answers 401, and n8n logs in again with the new settings.
 */
export function tokenToPresent(
	credentials: ICredentialDataDecryptedObject,
	fingerprint: string,
): string {
	const { accessToken, tokenOwner } = readTokenState(credentials);
	return ownsToken(tokenOwner, accessToken, fingerprint) ? accessToken : '';
}

/**
 * The stored state and the tokens that belong to the current settings: the one n8n presents ('' when blanked
 * for renewal or obtained with other settings) and the live session token behind it.
 */
export function ownedTokens(
	credentials: ICredentialDataDecryptedObject,
	fingerprint: string,
): { state: TokenState; presentedToken: string; sessionToken: string } {
	const state = readTokenState(credentials);
	return {
		state,
		presentedToken: tokenToPresent(credentials, fingerprint),
		sessionToken: ownsToken(state.tokenOwner, state.sessionToken, fingerprint)
			? state.sessionToken
			: '',
	};
}

/** True when the next request should go through `preAuthentication` first. */
export function isRenewalDue(state: TokenState, fingerprint: string, now: number): boolean {
	return (
		state.accessToken === '' ||
		!isSessionAlive(state, fingerprint, now) ||
		now >= state.tokenRenewAt
	);
}

/** The token state to persist for a token that lives `lifetimeSeconds` from `now`. */
export function issuedTokenState(
	accessToken: string,
	fingerprint: string,
	now: number,
	lifetimeSeconds: number,
	renewBeforeExpirySeconds: number,
): TokenState & IDataObject {
	const tokenExpiresAt = now + lifetimeSeconds * 1000;
	return {
		accessToken,
		sessionToken: accessToken,
		tokenExpiresAt,
		tokenRenewAt: tokenExpiresAt - renewBeforeExpirySeconds * 1000,
		tokenOwner: tokenOwnerFor(accessToken, fingerprint),
	};
}

/**
 * The live token kept after a renewal failed for a passing reason (429, 5xx, network): it is presented
 * again, and renewal is tried again after `retryInMs` (or just before expiry, whichever comes first).
 */
export function keptTokenState(
	state: TokenState,
	now: number,
	retryInMs: number,
): TokenState & IDataObject {
	return {
		...state,
		accessToken: state.sessionToken,
		tokenRenewAt: Math.min(now + retryInMs, state.tokenExpiresAt - EXPIRY_SLACK_MS * 2),
	};
}
