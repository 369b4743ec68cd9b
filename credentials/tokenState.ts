import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * What a self-managing credential stores beside its settings. n8n persists every key that
 * `preAuthentication` returns, so the expiry survives from one execution to the next.
 *
 * n8n only calls `preAuthentication` when `accessToken` is empty, in a credential test, or after a 401.
 * To renew a token *before* it expires, the nodes' transport hands n8n a copy of the credential whose
 * `accessToken` is blanked once `tokenRenewAt` has passed (see `isRenewalDue`).
 */
export interface TokenState {
	accessToken: string;
	/** Epoch milliseconds after which the token is no longer accepted. */
	tokenExpiresAt: number;
	/** Epoch milliseconds from which the credential prefers a fresh token. */
	tokenRenewAt: number;
	/** Fingerprint of the settings that obtained the token: a changed user or secret never reuses it. */
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
	{ displayName: 'Token Expires At', name: 'tokenExpiresAt', type: 'hidden', default: 0 },
	{ displayName: 'Token Renew At', name: 'tokenRenewAt', type: 'hidden', default: 0 },
	{ displayName: 'Token Owner', name: 'tokenOwner', type: 'hidden', default: '' },
];

/** A one-way fingerprint of the settings a token belongs to (stored encrypted with the credential). */
export function tokenOwnerOf(...settings: unknown[]): string {
	const hash = createHash('sha256');
	for (const setting of settings) hash.update(`${String(setting ?? '')}\u0000`);
	return hash.digest('hex');
}

export function readTokenState(credentials: ICredentialDataDecryptedObject): TokenState {
	return {
		accessToken: typeof credentials.accessToken === 'string' ? credentials.accessToken : '',
		tokenExpiresAt: Number(credentials.tokenExpiresAt) || 0,
		tokenRenewAt: Number(credentials.tokenRenewAt) || 0,
		tokenOwner: typeof credentials.tokenOwner === 'string' ? credentials.tokenOwner : '',
	};
}

/** The stored token can still be presented (to the API or to a reissue), with a little slack for clocks. */
export function isTokenAlive(state: TokenState, owner: string, now: number): boolean {
	return (
		state.accessToken !== '' && state.tokenOwner === owner && now < state.tokenExpiresAt - 5_000
	);
}

/**
 * The token `authenticate` may present: only one obtained with the current settings. After the user changes
 * the password or secret (n8n's credential test then keeps the stored token and skips preAuthentication),
 * the request goes out without it, the API answers 401, and n8n logs in again with the new settings.
 */
export function tokenToPresent(credentials: ICredentialDataDecryptedObject, owner: string): string {
	const state = readTokenState(credentials);
	return state.tokenOwner === owner ? state.accessToken : '';
}

/** True when the next request should go through `preAuthentication` first. */
export function isRenewalDue(state: TokenState, owner: string, now: number): boolean {
	return !isTokenAlive(state, owner, now) || now >= state.tokenRenewAt;
}

/** The token state to persist for a token that lives `lifetimeSeconds` from `now`. */
export function issuedTokenState(
	accessToken: string,
	owner: string,
	now: number,
	lifetimeSeconds: number,
	renewBeforeExpirySeconds: number,
): TokenState & IDataObject {
	const tokenExpiresAt = now + lifetimeSeconds * 1000;
	return {
		accessToken,
		tokenExpiresAt,
		tokenRenewAt: tokenExpiresAt - renewBeforeExpirySeconds * 1000,
		tokenOwner: owner,
	};
}

/**
 * Base URLs must be https so a password or token never crosses the network in clear text;
 * plain http is allowed only for this machine (the sandbox, a local proxy).
 */
export function assertSafeBaseUrl(value: unknown, field: string): URL {
	const url = parseUrl(String(value ?? '').trim());
	if (!url) {
		throw new ArmorCredentialError(
			`The credential's ${field} "${String(value ?? '')}" is not a valid URL. Use a full address such as https://api.armor.com.`,
		);
	}
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
		throw new ArmorCredentialError(
			`The credential's ${field} must start with https:// (plain http is only allowed for localhost). It is "${url.origin}".`,
		);
	}
	if (url.username || url.password) {
		throw new ArmorCredentialError(
			`The credential's ${field} must not contain a user name or password.`,
		);
	}
	return url;
}

/** `https://host/base/` -> `https://host/base`: one spelling, so URL prefix checks are exact. */
export function normalizeBaseUrl(url: URL): string {
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Refuses to attach a secret to a request that would leave the credential's base URL. Every request the
 * credential authenticates passes here, including n8n's own HTTP Request node using this credential.
 */
export function assertRequestStaysOnBaseUrl(
	baseUrl: unknown,
	request: { url?: string; baseURL?: string },
	field = 'Base URL',
): void {
	const base = new URL(normalizeBaseUrl(assertSafeBaseUrl(baseUrl, field)));
	const target = requestTarget(request);
	if (!target)
		throw new ArmorCredentialError('The request URL is not valid, so the token was not sent.');
	const basePath = base.pathname === '/' ? '' : base.pathname;
	const inside =
		target.origin === base.origin &&
		(basePath === '' || target.pathname === basePath || target.pathname.startsWith(`${basePath}/`));
	if (!inside) {
		throw new ArmorCredentialError(
			`This credential only sends its token to ${base.origin}${basePath}; the request was for ${target.origin}${target.pathname}, so it was not sent.`,
		);
	}
}

/** Where a request really goes, joined the way axios joins `baseURL` and `url`. */
function requestTarget({ url = '', baseURL }: { url?: string; baseURL?: string }): URL | undefined {
	if (!baseURL || /^([a-z][a-z\d+.-]*:)?\/\//i.test(url)) return parseUrl(url);
	return parseUrl(`${baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`);
}

function parseUrl(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}

/** An error whose message is safe to show: it never carries a password, secret or token. */
export class ArmorCredentialError extends Error {
	readonly isArmorCredentialError = true;

	// Not named httpCode/status: n8n's NodeApiError would then replace this message with a generic one.
	constructor(
		message: string,
		readonly vendorStatus?: number,
	) {
		super(message);
		this.name = 'ArmorCredentialError';
	}
}

export function isArmorCredentialError(error: unknown): error is ArmorCredentialError {
	return (
		typeof error === 'object' &&
		error !== null &&
		(error as { isArmorCredentialError?: boolean }).isArmorCredentialError === true
	);
}

/** Status, body and network code of a failed `httpRequest`, without the request (which holds secrets). */
export interface HttpFailure {
	status?: number;
	body?: unknown;
	code?: string;
	/** The error's own first line, with anything that looks like a credential header removed. */
	message: string;
}

interface ErrorLink {
	response?: { status?: number; data?: unknown };
	httpCode?: string;
	code?: unknown;
	message?: unknown;
	cause?: unknown;
}

/** The error and the errors it wraps (n8n-core wraps axios errors in a NodeApiError's `cause`). */
function errorChain(error: unknown): ErrorLink[] {
	const chain: ErrorLink[] = [];
	for (
		let link = error as ErrorLink | undefined;
		link && typeof link === 'object' && chain.length < 5;
		link = link.cause as ErrorLink
	) {
		chain.push(link);
	}
	return chain;
}

export function describeHttpFailure(error: unknown): HttpFailure {
	const chain = errorChain(error);
	const message = safeErrorMessage(error);
	const answered = chain.find((link) => Number.isFinite(link.response?.status));
	if (answered)
		return { status: answered.response!.status, body: answered.response!.data, message };
	const statusOnly = chain.find((link) => /^\d{3}$/.test(String(link.httpCode ?? '')));
	if (statusOnly) return { status: Number(statusOnly.httpCode), message };
	// A network code only matters when nothing answered (axios also sets codes like ERR_BAD_REQUEST on a 4xx).
	const network = chain.find((link) => typeof link.code === 'string' && !/^\d+$/.test(link.code));
	return { code: network?.code as string | undefined, message };
}

export function safeErrorMessage(error: unknown): string {
	const text = String((error as Error)?.message ?? error ?? 'unknown error').split('\n')[0];
	return text.replace(/(FH-AUTH|Bearer|ARMOR-PSK|Basic)\s+\S+/gi, '$1 [hidden]');
}

/** The vendor's own words from an error body, whichever of the documented shapes it has. */
export function vendorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text) return undefined;
		try {
			return vendorMessage(JSON.parse(text));
		} catch {
			return text.length > 300 ? `${text.slice(0, 300)}...` : text;
		}
	}
	if (!body || typeof body !== 'object') return undefined;
	const b = body as Record<string, unknown>;
	const parts = [
		b.error_message,
		b.errorMessage,
		b.Message,
		b.message,
		b.error_description,
		typeof b.error === 'string' ? b.error : undefined,
		b.Detail,
	].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
	return parts.length ? [...new Set(parts)].join(' - ') : undefined;
}

/** Timeouts and unreachable hosts, in words. */
export function networkFailureMessage(
	failure: HttpFailure,
	service: string,
	url: string,
): string | undefined {
	switch (failure.code) {
		case 'ECONNABORTED':
		case 'ETIMEDOUT':
			return `${service} did not answer in time (${url}).`;
		case 'ECONNREFUSED':
			return `Could not connect to ${service} at ${url}: the connection was refused. Check the URL in the credential.`;
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return `Could not find ${service}'s host for ${url}. Check the URL in the credential.`;
		default:
			return failure.code ? `Could not reach ${service} at ${url} (${failure.code}).` : undefined;
	}
}
