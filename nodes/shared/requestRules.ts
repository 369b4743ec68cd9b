/**
 * Input rules every request obeys before it is sent: headers a user may set, header values that travel
 * unchanged, whole numbers within bounds. A refusal is a `RequestRefusedError`, which the transport turns
 * into a NodeOperationError for the item (see errors.ts).
 */
export class RequestRefusedError extends Error {
	constructor(
		message: string,
		readonly description?: string,
	) {
		super(message);
		this.name = 'RequestRefusedError';
	}
}

/** Headers that decide where or how a request is sent or authenticated: the node and the credential set them. */
const RESERVED_HEADERS = [
	'host',
	'authorization',
	'proxy-authorization',
	'cookie',
	'content-length',
	'transfer-encoding',
	'connection',
];

/**
 * A value that an HTTP header carries unchanged: printable ASCII (and tab). n8n's HTTP layer silently drops
 * other characters (`Ωuser` would become `user`), so such a value is refused rather than altered.
 */
export function isHeaderSafe(value: string): boolean {
	return /^[\t\x20-\x7e]*$/.test(value);
}

/** Headers typed by a user (API Request): no reserved names, values that travel unchanged. */
export function assertUserHeaders(headers: Record<string, unknown>): void {
	for (const [name, value] of Object.entries(headers)) {
		if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(name)) {
			throw new RequestRefusedError(`"${name}" is not a valid header name.`);
		}
		if (RESERVED_HEADERS.includes(name.toLowerCase())) {
			throw new RequestRefusedError(
				`The header "${name}" cannot be set here: it decides where or how the request is sent or authenticated, which the node and its credential do.`,
				'Remove it from Headers. The credential adds Authorization itself.',
			);
		}
		if (!isHeaderSafe(String(value ?? ''))) {
			throw new RequestRefusedError(
				`The value of the header "${name}" contains characters that cannot be sent unchanged in an HTTP header (only printable ASCII can).`,
				'Remove accents, symbols outside ASCII and line breaks from the value.',
			);
		}
	}
}

/** A whole number within bounds, or a clear refusal naming the field. */
export function checkWholeNumber(
	value: unknown,
	field: string,
	{ min, max = Number.MAX_SAFE_INTEGER }: { min: number; max?: number },
): number {
	const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
		throw new RequestRefusedError(
			`${field} must be a whole number ${range}, not "${String(value)}".`,
		);
	}
	return number;
}
