import { createHash, createHmac } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { ArmorCredentialError } from './httpFailure';
import { settingsFingerprint } from './tokenState';

/**
 * Armor API keys ("ARMOR-PSK"): no login and no MFA; every request carries its own signature,
 * `Authorization: ARMOR-PSK <keyId>:<signature>:<nonce>:<timestamp>`, with
 * signature = base64(HMAC-SHA512(secret, keyId + METHOD + path + nonce + timestamp + bodyPart)) and
 * bodyPart = base64(SHA-512(the exact body bytes sent)), '' without a body.
 */
export interface SignedRequest {
	keyId: string;
	secret: string;
	method: string;
	/** The path as sent: no scheme, host or query. */
	path: string;
	/** Unix seconds. */
	timestamp: string;
	/** The vendor's guide says the nonce must equal the timestamp. */
	nonce?: string;
	body?: string | Buffer;
}

export function armorPskAuthorization(request: SignedRequest): string {
	const nonce = request.nonce ?? request.timestamp;
	const body = request.body ?? '';
	const bodyPart = body.length === 0 ? '' : createHash('sha512').update(body).digest('base64');
	const signature = createHmac('sha512', Buffer.from(request.secret, 'utf8'))
		.update(
			`${request.keyId}${request.method.toUpperCase()}${request.path}${nonce}${request.timestamp}${bodyPart}`,
		)
		.digest('base64');
	return `ARMOR-PSK ${request.keyId}:${signature}:${nonce}:${request.timestamp}`;
}

/** Key ID and secret as the credential holds them, checked. */
export function readApiKey(credentials: ICredentialDataDecryptedObject): {
	keyId: string;
	secret: string;
} {
	const keyId = String(credentials.keyId ?? '').trim();
	const secret = String(credentials.secret ?? '');
	if (!keyId || !secret) {
		throw new ArmorCredentialError(
			'The Armor API key credential needs both a Key ID and a Secret. Create an API key in the Armor Management Portal (Account > Users > API Keys) and paste both.',
		);
	}
	if (keyId.includes(':')) {
		throw new ArmorCredentialError(
			'The Key ID must not contain ":". Paste the key ID exactly as the Armor Management Portal shows it.',
		);
	}
	return { keyId, secret };
}

/** Identifies the key's settings (for the transport's per-credential bookkeeping). */
export function armorApiKeyFingerprint(credentials: ICredentialDataDecryptedObject): string {
	return settingsFingerprint(
		'armorApiKeyApi',
		credentials.baseUrl,
		credentials.keyId,
		credentials.secret,
	);
}

/**
 * The body exactly as it will be sent, so the signature covers those bytes: an object is serialised here
 * (and sent as that string), a string or Buffer goes as it is. GET and HEAD send none. Forms and multipart
 * bodies are refused: their bytes are only known once n8n has encoded them.
 */
export function bodyAsSent(options: IHttpRequestOptions & IDataObject): {
	body: string | Buffer | undefined;
	serialised: boolean;
} {
	const method = String(options.method ?? 'GET').toUpperCase();
	if (options.formData !== undefined || options.form !== undefined) {
		throw new ArmorCredentialError(
			'An Armor API key signs the exact body of each request, so it can only send a JSON or text body, not a form. Send the body as JSON.',
		);
	}
	const body = options.body;
	if (method === 'GET' || method === 'HEAD' || body === undefined || body === null) {
		return { body: undefined, serialised: false };
	}
	if (typeof body === 'string' || Buffer.isBuffer(body)) return { body, serialised: false };
	if (typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe === 'function') {
		throw new ArmorCredentialError(
			'An Armor API key signs the exact body of each request, so a streamed body cannot be sent. Send the body as JSON.',
		);
	}
	return { body: JSON.stringify(body), serialised: true };
}
