/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * ARMOR-PSK request signing (credentials/armorApiKey.ts), against the vendor's published test vector.
 */
import { armorPskAuthorization, bodyAsSent, readApiKey } from '../../credentials/armorApiKey';

const VECTOR = {
	keyId: '20a37099-4a0b-432f-bf46-5fa690a0405c',
	secret: 'test-secret',
	method: 'GET',
	path: '/me',
	timestamp: '1528140529',
};

describe('armorPskAuthorization', () => {
	test("matches the vendor's test vector (GET /me, nonce = timestamp = 1528140529)", () => {
		expect(armorPskAuthorization(VECTOR)).toBe(
			'ARMOR-PSK 20a37099-4a0b-432f-bf46-5fa690a0405c:slcljXL7EZV9hUSNokeM/nxDOhorO8PZj/0xMEvbNVvVvzTHVuZTVz76W0kFDC78yatyozkc9OSzQzM0uilglQ==:1528140529:1528140529',
		);
	});

	test('the method is signed in upper case', () => {
		expect(armorPskAuthorization({ ...VECTOR, method: 'get' })).toBe(armorPskAuthorization(VECTOR));
	});

	test('every signed part changes the signature', () => {
		const base = armorPskAuthorization(VECTOR);
		for (const changed of [
			{ secret: 'test-secreT' },
			{ method: 'POST' },
			{ path: '/me/' },
			{ timestamp: '1528140530' },
			{ body: '{}' },
		]) {
			expect(armorPskAuthorization({ ...VECTOR, ...changed })).not.toBe(base);
		}
	});

	test('an empty body signs like no body; a body signs its SHA-512', () => {
		expect(armorPskAuthorization({ ...VECTOR, body: '' })).toBe(armorPskAuthorization(VECTOR));
		expect(armorPskAuthorization({ ...VECTOR, method: 'POST', body: Buffer.from('{"a":1}') })).toBe(
			armorPskAuthorization({ ...VECTOR, method: 'POST', body: '{"a":1}' }),
		);
	});
});

describe('bodyAsSent', () => {
	test('an object is serialised once, and that string is what is signed and sent', () => {
		expect(bodyAsSent({ method: 'POST', url: '/x', body: { a: 1, b: 'é' } })).toEqual({
			body: '{"a":1,"b":"é"}',
			serialised: true,
		});
	});

	test('strings and buffers go as they are; GET sends none', () => {
		expect(bodyAsSent({ method: 'PUT', url: '/x', body: 'raw' }).body).toBe('raw');
		expect(bodyAsSent({ method: 'GET', url: '/x', body: { a: 1 } }).body).toBeUndefined();
		expect(bodyAsSent({ method: 'DELETE', url: '/x' }).body).toBeUndefined();
	});

	test('forms are refused with advice', () => {
		expect(() => bodyAsSent({ method: 'POST', url: '/x', form: { a: 1 } } as never)).toThrow(
			/only send a JSON or text body/,
		);
	});
});

describe('readApiKey', () => {
	test('needs both parts, and a key ID without ":"', () => {
		expect(() => readApiKey({ keyId: '', secret: 'x' })).toThrow(/Key ID and a Secret/);
		expect(() => readApiKey({ keyId: 'a:b', secret: 'x' })).toThrow(/must not contain ":"/);
		expect(readApiKey({ keyId: ' k ', secret: 's' })).toEqual({ keyId: 'k', secret: 's' });
	});
});
