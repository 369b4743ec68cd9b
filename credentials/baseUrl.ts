import { ArmorCredentialError } from './httpFailure';

/**
 * Where a credential may send what it holds. Base URLs must be https so a password or token never crosses
 * the network in clear text; plain http is allowed only for this machine (the sandbox, a local proxy).
 */
export function assertSafeBaseUrl(value: unknown, field: string): URL {
	const url = parseUrl(String(value ?? '').trim());
	if (!url) {
		throw new ArmorCredentialError(
			`The credential's ${field} "${String(value ?? '')}" is not a valid URL. Use a full address such as https://api.armor.com.`,
		);
	}
	if (url.protocol !== 'https:' && !(isLocalHost(url) && url.protocol === 'http:')) {
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

function isLocalHost(url: URL): boolean {
	return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** `https://host/base/` -> `https://host/base`: one spelling, so URL prefix checks are exact. */
export function normalizeBaseUrl(url: URL): string {
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `target` is at or under `base`: the same origin, and the base's path as a whole-segment prefix. */
export function isUnderBaseUrl(target: URL, base: URL): boolean {
	const basePath = base.pathname.replace(/\/+$/, '');
	return (
		target.origin === base.origin &&
		(target.pathname === basePath || target.pathname.startsWith(`${basePath}/`))
	);
}

/** The credential's base URL, checked and normalized. */
export function credentialBaseUrl(value: unknown, field = 'Base URL'): string {
	return normalizeBaseUrl(assertSafeBaseUrl(value, field));
}

/** A request as a credential's `authenticate` sees it: n8n's own options, or the legacy ones (`uri`). */
export interface OutgoingRequest {
	url?: string;
	baseURL?: string;
	/** n8n's HTTP Request node (v3 code, node versions 3-4.x) passes legacy options with `uri`. */
	uri?: string | URL;
	headers?: object;
}

/**
 * Refuses to attach a secret to a request that would leave the credential's base URL, or that names another
 * host in a `Host` header. Every request the credential authenticates passes here, including n8n's own HTTP
 * Request node using this credential.
 */
export function assertRequestStaysOnBaseUrl(
	baseUrl: unknown,
	request: OutgoingRequest,
	field = 'Base URL',
): URL {
	return assertRequestGoesTo([credentialBaseUrl(baseUrl, field)], request);
}

/**
 * The request's target, when it is at or under one of `allowed` (checked, normalized base URLs) and no
 * `Host` header names another host; otherwise a refusal naming where the secret may go.
 */
export function assertRequestGoesTo(allowed: string[], request: OutgoingRequest): URL {
	const target = requestTarget(request);
	if (!target) {
		throw new ArmorCredentialError('The request URL is not valid, so the token was not sent.');
	}
	if (!allowed.some((base) => isUnderBaseUrl(target, new URL(base)))) {
		const places = allowed.map((base) => base.replace(/\/$/, '')).join(', ');
		throw new ArmorCredentialError(
			`This credential only sends its token to ${places}; the request was for ${target.origin}${target.pathname}, so it was not sent.`,
		);
	}
	const hostHeader = headerValue(request.headers, 'host');
	if (hostHeader !== undefined && hostHeader.trim().toLowerCase() !== target.host.toLowerCase()) {
		throw new ArmorCredentialError(
			`The request sets a Host header ("${hostHeader}") that differs from ${target.host}, so the token was not sent. Remove the Host header.`,
		);
	}
	return target;
}

/** A header's value, whatever the case of its name. */
export function headerValue(headers: object | undefined, name: string): string | undefined {
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() === name && value !== undefined && value !== null) return String(value);
	}
	return undefined;
}

/**
 * Where a request really goes: n8n sends to `url ?? uri` (its legacy adapter), joined with `baseURL` the way
 * axios joins them.
 */
function requestTarget(request: OutgoingRequest): URL | undefined {
	const address = String(request.url ?? request.uri ?? '');
	const base = request.baseURL;
	if (!base || /^([a-z][a-z\d+.-]*:)?\/\//i.test(address)) return parseUrl(address);
	return parseUrl(`${base.replace(/\/+$/, '')}/${address.replace(/^\/+/, '')}`);
}

export function parseUrl(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}
