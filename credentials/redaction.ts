/**
 * The one redaction step: every error, Continue On Fail item, credential-test message and full response passes
 * through here before anyone sees it. Two nets: the exact secret values the credential knows (in the spellings
 * a server may echo them: raw, URL-encoded, JSON-escaped, base64), and anything shaped like a credential
 * (authorization schemes, password/secret/token fields) whatever its value.
 */

export const HIDDEN = '[hidden]';

/** Credential fields whose values are secret. */
const SECRET_FIELDS = [
	'password',
	'clientSecret',
	'accessToken',
	'sessionToken',
	'tokenOwner',
	'apiSecret',
	'secretKey',
	'secret',
];

/** Secrets shorter than this are not searched for (they would mask ordinary words). */
const MIN_SECRET_LENGTH = 4;

/** The secret values of a credential's data, ready for `redactText`/`redactDeep`. */
export function credentialSecrets(...sources: Array<object | undefined>): string[] {
	const found = new Set<string>();
	for (const source of sources) {
		if (!source) continue;
		for (const field of SECRET_FIELDS) {
			const value = (source as Record<string, unknown>)[field];
			if (typeof value === 'string') found.add(value);
		}
	}
	return [...found];
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every spelling under which a server might echo a secret back. */
function spellingsOf(secret: string): string[] {
	const encoded = [
		encodeURIComponent(secret),
		encodeURIComponent(secret).replace(/%20/g, '+'),
		// What a form body holds (URLSearchParams also encodes ! ' ( ) ~).
		new URLSearchParams({ v: secret }).toString().slice(2),
	];
	const spellings = new Set([
		secret,
		...encoded,
		// Servers differ in the case of percent-encoding hex digits (.NET writes lowercase).
		...encoded.map((text) => text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())),
		JSON.stringify(secret).slice(1, -1),
		Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
	]);
	return [...spellings].filter((spelling) => spelling.length >= MIN_SECRET_LENGTH);
}

const SECRET_NAMES =
	'password|passwd|client_secret|clientSecret|secret|access_token|accessToken|refresh_token|id_token|reissue_token|token|authorization|cookie|set-cookie|api[_-]?key';

const CREDENTIAL_SHAPES: Array<[RegExp, string]> = [
	// Authorization header values: `FH-AUTH <token>`, `Bearer <token>`, `ARMOR-PSK <id:sig:nonce:ts>`, `Basic <b64>`;
	// a value with a digit or a token character, so "Basic authentication" stays readable.
	[
		/\b(FH-AUTH|Bearer|ARMOR-PSK|Basic|Digest)(\s+)(?=[^\s"'<>,;]*[\d._~+/=:-])[^\s"'<>,;]+/gi,
		`$1$2${HIDDEN}`,
	],
	// `"password": "a pass phrase"`: a quoted JSON value, whole, spaces included.
	[new RegExp(`("(?:${SECRET_NAMES})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)"`, 'gi'), `$1${HIDDEN}"`],
	// `"password": "..."`, `password=...`, `client_secret: ...` in JSON, forms, query strings and echoed text.
	[
		new RegExp(
			`(["']?\\b(?:${SECRET_NAMES})\\b["']?\\s*[:=]\\s*["']?)(?!\\[hidden\\])([^"'&\\s,;}<]+)`,
			'gi',
		),
		`$1${HIDDEN}`,
	],
];

/** Masks every known secret and everything that looks like a credential in a piece of text. */
export function redactText(text: string, secrets: string[] = []): string {
	let result = text;
	const spellings = secrets
		.filter((secret) => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH)
		.flatMap(spellingsOf)
		.sort((a, b) => b.length - a.length);
	if (spellings.length) {
		result = result.replace(new RegExp(spellings.map(escapeRegExp).join('|'), 'g'), HIDDEN);
	}
	for (const [pattern, replacement] of CREDENTIAL_SHAPES)
		result = result.replace(pattern, replacement);
	return result;
}

/** Header names whose values are credentials, whatever they hold. */
const SENSITIVE_HEADER =
	/^(authorization|proxy-authorization|cookie|set-cookie|www-authenticate)$|token|secret|signature|api-?key/i;

/** `redactText` over every string of a JSON-like value (keys are kept). */
export function redactDeep<T>(value: T, secrets: string[] = [], depth = 0): T {
	if (typeof value === 'string') return redactText(value, secrets) as T;
	if (depth > 40 || value === null || typeof value !== 'object') return value;
	if (Buffer.isBuffer(value)) return value;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets, depth + 1)) as T;
	const result: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		result[key] = redactDeep(entry, secrets, depth + 1);
	}
	return result as T;
}

/** Response or request headers: credential headers masked whole, secrets masked in the others. */
export function redactHeaders(
	headers: Record<string, unknown> | undefined,
	secrets: string[] = [],
): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		result[name] = SENSITIVE_HEADER.test(name) ? HIDDEN : redactDeep(value, secrets);
	}
	return result;
}

/** True when any known secret appears in the value (cheap check before a deep copy). */
export function containsSecret(value: unknown, secrets: string[]): boolean {
	const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
	return secrets.some(
		(secret) =>
			secret.length >= MIN_SECRET_LENGTH && spellingsOf(secret).some((s) => text.includes(s)),
	);
}
