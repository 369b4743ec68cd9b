/**
 * The one place a request URL is built from a credential's base URL and a relative path.
 * A path that could leave the base URL (absolute URL, `//host`, `..` segments, encoded variants)
 * is refused before any request, so a token can never reach another host or path.
 */
import { isUnderBaseUrl } from '../../credentials/baseUrl';
import { RequestRefusedError } from './requestRules';

export class UnsafePathError extends RequestRefusedError {
	constructor(message: string) {
		super(message);
		this.name = 'UnsafePathError';
	}
}

const MAX_DECODE_ROUNDS = 4;

function decodeOnce(value: string): string | undefined {
	try {
		return decodeURIComponent(value);
	} catch {
		return undefined;
	}
}

/** Decodes until stable, so `%2e%2e` and `%252e%252e` are seen as the `..` they become on a server. */
function decodeFully(segment: string): string {
	let current = segment;
	for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
		const next = decodeOnce(current);
		if (next === undefined) {
			throw new UnsafePathError(`The path contains a malformed percent-encoding ("${segment}").`);
		}
		if (next === current) return current;
		current = next;
	}
	return current;
}

/**
 * How a lenient server may read a segment: `;parameters` stripped (`..;x`), Unicode folded (NFKC turns `‥`
 * and fullwidth `．．` into `..`), surrounding whitespace trimmed.
 */
function serverReading(segment: string): string {
	return segment.normalize('NFKC').split(';')[0].trim();
}

function hasControlCharacters(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 0x20 || code === 0x7f) return true;
	}
	return false;
}

/** Checks a relative API path and returns it with exactly one leading slash. */
export function assertRelativeApiPath(path: string): string {
	const raw = String(path ?? '').trim();
	if (!raw)
		throw new UnsafePathError(
			'The path is empty. Enter a path relative to the base URL, e.g. /me.',
		);
	const hint =
		"Enter a path relative to the credential's base URL, e.g. /me; the host comes from the credential.";
	if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
		throw new UnsafePathError(`The path "${raw}" is a full URL. ${hint}`);
	}
	if (raw.startsWith('//') || raw.includes('\\')) {
		throw new UnsafePathError(`The path "${raw}" could point at another host. ${hint}`);
	}
	if (hasControlCharacters(raw)) {
		throw new UnsafePathError('The path contains control characters. Remove them.');
	}
	const [pathPart] = raw.split(/[?#]/, 1);
	for (const segment of pathPart.split('/')) {
		const decoded = decodeFully(segment);
		if (hasControlCharacters(decoded)) {
			throw new UnsafePathError(
				`The path "${raw}" contains an encoded control character (such as %00). Remove it.`,
			);
		}
		const folded = serverReading(decoded);
		if (folded === '..' || folded === '.') {
			throw new UnsafePathError(
				`The path "${raw}" contains a "${decoded}" segment, which could leave the base URL. ${hint}`,
			);
		}
		if (/[/\\]/.test(decoded) || /[/\\]/.test(decoded.normalize('NFKC'))) {
			throw new UnsafePathError(
				`The path "${raw}" contains an encoded slash, which could leave the base URL. ${hint}`,
			);
		}
	}
	if (raw.includes('#'))
		throw new UnsafePathError(`The path "${raw}" contains a "#" fragment. Remove it.`);
	return `/${raw.replace(/^\/+/, '')}`;
}

/** `baseUrl` + relative `path`, verified to stay under `baseUrl`. */
export function buildApiUrl(baseUrl: string, path: string): string {
	const base = new URL(baseUrl);
	const basePath = base.pathname.replace(/\/+$/, '');
	const url = `${base.origin}${basePath}${assertRelativeApiPath(path)}`;
	if (!isUnderBaseUrl(new URL(url), base)) {
		throw new UnsafePathError(
			`The path "${path}" would leave the base URL ${base.origin}${basePath}.`,
		);
	}
	return url;
}

/** One path segment from user input (an ID), encoded so it can never add segments. */
export function pathSegment(value: string): string {
	return encodeURIComponent(String(value).trim());
}
