import { redactText } from './redaction';

/** An error whose message is safe to show: it never carries a password, secret or token. */
export class ArmorCredentialError extends Error {
	readonly isArmorCredentialError = true;

	// Not named httpCode/status: n8n's NodeApiError would then replace this message with a generic one.
	constructor(
		message: string,
		readonly vendorStatus?: number,
		/** The service was busy or unreachable (429, 5xx, network): worth trying again later. */
		readonly transient = false,
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

/** Status, body and network code of a failed request, without the request (which holds secrets). */
export interface HttpFailure {
	status?: number;
	body?: unknown;
	/** Response headers, when the server answered. */
	headers?: Record<string, unknown>;
	code?: string;
	/** The error's own first line, with anything that looks like a credential removed. */
	message: string;
}

interface ErrorLink {
	response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
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

export function describeHttpFailure(error: unknown, secrets: string[] = []): HttpFailure {
	const chain = errorChain(error);
	const message = safeErrorMessage(error, secrets);
	const answered = chain.find((link) => Number.isFinite(link.response?.status));
	if (answered) {
		const { status, data, headers } = answered.response!;
		return { status, body: data, headers: plainHeaders(headers), message };
	}
	const statusOnly = chain.find((link) => /^\d{3}$/.test(String(link.httpCode ?? '')));
	if (statusOnly) return { status: Number(statusOnly.httpCode), message };
	// A network code only matters when nothing answered (axios also sets codes like ERR_BAD_REQUEST on a 4xx).
	const network = chain.find((link) => typeof link.code === 'string' && !/^\d+$/.test(link.code));
	return { code: network?.code as string | undefined, message };
}

function plainHeaders(headers: unknown): Record<string, unknown> | undefined {
	if (!headers || typeof headers !== 'object') return undefined;
	const source = headers as { toJSON?: () => Record<string, unknown> };
	return typeof source.toJSON === 'function' ? source.toJSON() : { ...source };
}

export function safeErrorMessage(error: unknown, secrets: string[] = []): string {
	const text = String((error as Error)?.message ?? error ?? 'unknown error').split('\n')[0];
	return redactText(text, secrets);
}

/**
 * The error a credential shows for a failed login, token or reissue request: `describe` puts the failure in
 * words (secrets already masked in what it is given); whether it is worth trying again later is added here.
 */
export function credentialFailure(
	error: unknown,
	secrets: string[],
	describe: (failure: HttpFailure) => ArmorCredentialError,
): ArmorCredentialError {
	if (error instanceof ArmorCredentialError) return error;
	const failure = describeHttpFailure(error, secrets);
	const described = describe(failure);
	return new ArmorCredentialError(
		described.message,
		described.vendorStatus,
		isTransientFailure(failure),
	);
}

/** A failure worth waiting out: the service is busy or briefly away, not refusing the credential. */
export function isTransientFailure(failure: HttpFailure): boolean {
	if (failure.status !== undefined) return failure.status === 429 || failure.status >= 500;
	return [
		'ECONNRESET',
		'ECONNREFUSED',
		'ECONNABORTED',
		'ETIMEDOUT',
		'EPIPE',
		'EAI_AGAIN',
		'ENETUNREACH',
		'EHOSTUNREACH',
	].includes(String(failure.code));
}

const VENDOR_MESSAGE_FIELDS = [
	'error_message',
	'errorMessage',
	'Message',
	'message',
	'error_description',
	'error',
	'Detail',
];

export interface VendorMessageOptions {
	/** Only the documented message fields of a JSON body: no plain-text or HTML pages (login and token endpoints). */
	knownFieldsOnly?: boolean;
	maxLength?: number;
	/** Values masked wherever they appear. */
	secrets?: string[];
}

/**
 * The vendor's own words from an error body, whichever of the documented shapes it has, with every secret the
 * credential knows (and anything that looks like a credential) masked, and capped in length.
 */
export function vendorMessage(
	body: unknown,
	{ knownFieldsOnly = false, maxLength = 300, secrets = [] }: VendorMessageOptions = {},
): string | undefined {
	const text = rawVendorMessage(body, knownFieldsOnly);
	if (text === undefined) return undefined;
	const safe = redactText(text.replace(/\s+/g, ' ').trim(), secrets);
	return safe.length > maxLength ? `${safe.slice(0, maxLength)}...` : safe;
}

function rawVendorMessage(body: unknown, knownFieldsOnly: boolean): string | undefined {
	if (Buffer.isBuffer(body)) return rawVendorMessage(body.toString('utf8'), knownFieldsOnly);
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text) return undefined;
		try {
			return rawVendorMessage(JSON.parse(text), knownFieldsOnly);
		} catch {
			if (knownFieldsOnly) return undefined;
			// An HTML error page: its text, not its markup.
			return /^<|<html|<body/i.test(text) ? htmlText(text) || undefined : text;
		}
	}
	if (!body || typeof body !== 'object') return undefined;
	const fields = body as Record<string, unknown>;
	const parts = VENDOR_MESSAGE_FIELDS.map((name) => fields[name]).filter(
		(part): part is string => typeof part === 'string' && part.trim() !== '',
	);
	return parts.length ? [...new Set(parts)].join(' - ') : undefined;
}

function htmlText(html: string): string {
	return html
		.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
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

export function isRedirect(failure: HttpFailure): boolean {
	return failure.status !== undefined && failure.status >= 300 && failure.status < 400;
}

/** Where a redirect pointed, as origin and path only (a query string may carry anything). */
export function redirectTarget(failure: HttpFailure, from: string): string {
	const location = failure.headers?.location ?? failure.headers?.Location;
	if (typeof location !== 'string' || !location) return 'another address';
	try {
		const target = new URL(location, from);
		return `${target.origin}${target.pathname}`;
	} catch {
		return 'an invalid address';
	}
}
