/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
import {
	containsSecret,
	credentialSecrets,
	HIDDEN,
	redactDeep,
	redactHeaders,
	redactText,
} from '../../credentials/redaction';

const PASSWORD = 'demo-password';
const FH_TOKEN = '0123456789abcdef0123456789abcdef';
const CLIENT_SECRET = 'sandbox+secret/1';

describe('redactText: exact secret values', () => {
	// A secret with a space, a quote, a slash and a plus, so every spelling differs from the raw one.
	const secret = 'pa ss"w/ord+1';
	it.each([
		['raw', secret],
		['URL-encoded', 'pa%20ss%22w%2Ford%2B1'],
		['form-encoded (+ for spaces)', 'pa+ss%22w%2Ford%2B1'],
		['JSON-escaped', 'pa ss\\"w/ord+1'],
		['base64 (padding dropped)', Buffer.from(secret).toString('base64').replace(/=+$/, '')],
		['base64 (with padding)', Buffer.from(secret).toString('base64')],
	])('masks the %s spelling', (_name, spelling) => {
		const text = `server saw <${spelling}> in the request`;
		const result = redactText(text, [secret]);
		expect(result).not.toContain(spelling.replace(/=+$/, ''));
		expect(result).toContain(HIDDEN);
		expect(result).toMatch(/^server saw <.*> in the request$/);
	});

	it('masks every occurrence, not only the first', () => {
		const result = redactText(`${PASSWORD} and again ${PASSWORD}`, [PASSWORD]);
		expect(result).toBe(`${HIDDEN} and again ${HIDDEN}`);
	});

	it('treats regular-expression characters in a secret literally', () => {
		expect(redactText('a.b*c(d)e and aXbbcde', ['a.b*c(d)e'])).toBe(`${HIDDEN} and aXbbcde`);
	});

	it('ignores secrets shorter than 4 characters (they would mask ordinary words)', () => {
		expect(redactText('the cat sat on the mat', ['cat', 'at', ''])).toBe('the cat sat on the mat');
		expect(redactText('the cats sat', ['cats'])).toBe(`the ${HIDDEN} sat`);
	});

	it('ignores values that are not strings', () => {
		expect(redactText('value 12345', [12345 as unknown as string])).toBe('value 12345');
	});

	it('keeps ordinary words readable', () => {
		for (const text of [
			'Invalid username or password.',
			'Token expired. Please log in again.',
			'The client secret was rejected.',
			'User demo@armor.example was not found.',
		]) {
			expect(redactText(text, [PASSWORD, CLIENT_SECRET, FH_TOKEN])).toBe(text);
		}
	});
});

describe('redactText: realistic echoes', () => {
	it('a JSON 400 body echoing the login request', () => {
		const body = JSON.stringify({
			Message: 'Invalid username or password.',
			Request: { username: 'demo@armor.example', password: PASSWORD },
		});
		for (const secrets of [[PASSWORD], []]) {
			const result = redactText(body, secrets);
			expect(result).not.toContain(PASSWORD);
			expect(result).toContain('Invalid username or password.');
			expect(result).toContain('"username":"demo@armor.example"');
			expect(result).toContain(`"password":"${HIDDEN}"`);
		}
	});

	it('an HTML 502 page echoing the Authorization header', () => {
		const page = [
			'<html><head><title>502 Bad Gateway</title></head><body>',
			'<h1>502 Bad Gateway</h1><pre>GET /me HTTP/1.1',
			'Host: api.armor.com',
			`Authorization: FH-AUTH ${FH_TOKEN}`,
			'Accept: application/json</pre></body></html>',
		].join('\n');
		for (const secrets of [[FH_TOKEN], []]) {
			const result = redactText(page, secrets);
			expect(result).not.toContain(FH_TOKEN);
			expect(result).not.toContain(FH_TOKEN.slice(0, 8));
			expect(result).toContain('<h1>502 Bad Gateway</h1>');
			expect(result).toContain('Host: api.armor.com');
			expect(result).toContain('Accept: application/json');
		}
	});

	it('a form body echoing the client-credentials request', () => {
		const form =
			'grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox%2Bsecret%2F1';
		for (const secrets of [[CLIENT_SECRET], []]) {
			const result = redactText(form, secrets);
			expect(result).not.toContain('sandbox%2Bsecret%2F1');
			expect(result).not.toContain('secret%2F1');
			expect(result).toBe(
				`grant_type=client_credentials&client_id=sandbox-client&client_secret=${HIDDEN}`,
			);
		}
	});

	it('a secret echoed without its field name is caught by the exact-value net', () => {
		const result = redactText(
			'Unknown client secret sandbox%2Bsecret%2F1 (raw: sandbox+secret/1).',
			[CLIENT_SECRET],
		);
		expect(result).toBe(`Unknown client secret ${HIDDEN} (raw: ${HIDDEN}).`);
	});

	// .NET's HttpUtility.UrlEncode writes lowercase hex; servers echo what they decoded or re-encoded.
	it('masks a URL-encoded secret written with lowercase hex digits', () => {
		const result = redactText('Unknown client secret sandbox%2bsecret%2f1.', [CLIENT_SECRET]);
		expect(result).not.toContain('sandbox%2bsecret%2f1');
	});

	// authArmorToken.ts sends client_secret with URLSearchParams, which encodes ! ' ( ) ~ (encodeURIComponent does not).
	it('masks a secret in the spelling URLSearchParams gives it', () => {
		const secret = "s3cret!(x)~'y";
		const sent = new URLSearchParams({ client_secret: secret }).toString().split('=')[1];
		expect(sent).toBe('s3cret%21%28x%29%7E%27y');
		const result = redactText(`Unknown client secret ${sent}.`, [secret]);
		expect(result).not.toContain(sent);
	});
});

describe('redactText: credential shapes, whatever the value', () => {
	it.each([
		['Authorization: FH-AUTH abcdef123456', 'abcdef123456'],
		['authorization: fh-auth abcdef123456', 'abcdef123456'],
		['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig', 'eyJhbGciOiJIUzI1NiJ9'],
		['sent bearer tok_live_998877', 'tok_live_998877'],
		['Authorization: ARMOR-PSK key-42:c2lnbmF0dXJl:nonce-77:1700000000', 'c2lnbmF0dXJl'],
		['Authorization: ARMOR-PSK key-42:c2lnbmF0dXJl:nonce-77:1700000000', 'nonce-77'],
		['Authorization: Basic ZGVtbzpwYXNzd29yZA==', 'ZGVtbzpwYXNzd29yZA'],
		['{"password":"hunter22"}', 'hunter22'],
		['{"Password" : "hunter22"}', 'hunter22'],
		["{'password': 'hunter22'}", 'hunter22'],
		['user=demo&password=hunter22&remember=1', 'hunter22'],
		['client_secret=abc123xyz', 'abc123xyz'],
		['{"clientSecret":"abc123xyz"}', 'abc123xyz'],
		['{"token": "tok-998877"}', 'tok-998877'],
		['access_token=at-1234&expires_in=900', 'at-1234'],
		['{"accessToken":"at-1234","expiresIn":900}', 'at-1234'],
		['refresh_token=rt-5678', 'rt-5678'],
		['{"reissue_token":"rt-5678"}', 'rt-5678'],
		['Cookie: session=abc123', 'session=abc123'],
		['x-api-key: key-000111', 'key-000111'],
	])('%s hides %s', (text, value) => {
		const result = redactText(text);
		expect(result).not.toContain(value);
		expect(result).toContain(HIDDEN);
	});

	it('keeps the fields around a hidden value', () => {
		expect(redactText('user=demo&password=hunter22&remember=1')).toBe(
			`user=demo&password=${HIDDEN}&remember=1`,
		);
		expect(redactText('{"accessToken":"at-1234","expiresIn":900}')).toBe(
			`{"accessToken":"${HIDDEN}","expiresIn":900}`,
		);
	});

	it('does not take field names that merely contain "token" for a token', () => {
		expect(redactText('tokenExpiresAt=1700000000')).toBe('tokenExpiresAt=1700000000');
	});

	it('hides a known pass phrase whole, spaces included', () => {
		const phrase = 'correct horse battery staple';
		expect(redactText(`{"password":"${phrase}"}`, [phrase])).toBe(`{"password":"${HIDDEN}"}`);
	});

	// "whatever the value": a pass phrase the credential does not know (another user's) is one JSON string too.
	// Only the first word is hidden today.
	it('hides the whole JSON string of a password that contains spaces', () => {
		const result = redactText('{"password":"correct horse battery staple","user":"demo"}');
		expect(result).not.toMatch(/horse|battery|staple/);
		expect(result).toContain('"user":"demo"');
	});
});

describe('redactDeep', () => {
	it('walks objects and arrays, keeps keys and non-string values, and leaves the input alone', () => {
		const input = {
			message: `login failed for ${PASSWORD}`,
			nested: [{ note: `FH-AUTH ${FH_TOKEN}` }, 42, true, null],
			[PASSWORD]: 'key kept',
			count: 3,
		};
		const copy = JSON.parse(JSON.stringify(input));
		const result = redactDeep(input, [PASSWORD]);
		expect(result).toEqual({
			message: `login failed for ${HIDDEN}`,
			nested: [{ note: `FH-AUTH ${HIDDEN}` }, 42, true, null],
			[PASSWORD]: 'key kept',
			count: 3,
		});
		expect(input).toEqual(copy);
	});

	it('redacts a bare string and returns Buffers untouched', () => {
		expect(redactDeep(`x ${PASSWORD}`, [PASSWORD])).toBe(`x ${HIDDEN}`);
		const buffer = Buffer.from(PASSWORD);
		expect(redactDeep(buffer, [PASSWORD])).toBe(buffer);
	});

	it('stops at a great depth instead of overflowing', () => {
		let deep: Record<string, unknown> = { leaf: PASSWORD };
		for (let i = 0; i < 100; i++) deep = { child: deep };
		expect(() => redactDeep(deep, [PASSWORD])).not.toThrow();
	});
});

describe('redactHeaders', () => {
	it('masks credential headers whole and secrets inside the others', () => {
		const result = redactHeaders(
			{
				Authorization: `FH-AUTH ${FH_TOKEN}`,
				'proxy-authorization': 'Basic eA==',
				cookie: 'a=b',
				'Set-Cookie': ['session=1; HttpOnly', 'other=2'],
				'WWW-Authenticate': 'FH-AUTH realm="armor"',
				'X-Auth-Token': 'plain',
				'x-client-secret': 'plain',
				'X-Signature': 'plain',
				'X-Api-Key': 'plain',
				'Content-Type': 'application/json',
				'X-Request-Id': 'req-1',
				Location: `https://api.armor.com/cb?code=${PASSWORD}`,
				'Content-Length': 12,
			},
			[PASSWORD],
		);
		expect(result).toEqual({
			Authorization: HIDDEN,
			'proxy-authorization': HIDDEN,
			cookie: HIDDEN,
			'Set-Cookie': HIDDEN,
			'WWW-Authenticate': HIDDEN,
			'X-Auth-Token': HIDDEN,
			'x-client-secret': HIDDEN,
			'X-Signature': HIDDEN,
			'X-Api-Key': HIDDEN,
			'Content-Type': 'application/json',
			'X-Request-Id': 'req-1',
			Location: `https://api.armor.com/cb?code=${HIDDEN}`,
			'Content-Length': 12,
		});
	});

	it('returns an empty object for missing headers', () => {
		expect(redactHeaders(undefined)).toEqual({});
	});
});

describe('credentialSecrets', () => {
	it('picks the secret fields of every source, once each', () => {
		const secrets = credentialSecrets(
			{
				baseUrl: 'https://api.armor.com',
				username: 'demo@armor.example',
				password: PASSWORD,
				clientId: 'sandbox-client',
				clientSecret: CLIENT_SECRET,
				tokenExpiresAt: 1700000000000,
			},
			undefined,
			{ accessToken: 'at-1', sessionToken: 'st-1', tokenOwner: 'owner-1', password: PASSWORD },
			{ apiSecret: 'api-1', secretKey: 'key-1' },
		);
		expect(secrets.sort()).toEqual(
			[PASSWORD, CLIENT_SECRET, 'at-1', 'st-1', 'owner-1', 'api-1', 'key-1'].sort(),
		);
	});

	it('skips values that are not strings', () => {
		expect(credentialSecrets({ password: 1234, accessToken: null, clientSecret: {} })).toEqual([]);
	});
});

describe('containsSecret', () => {
	it('finds a secret in any spelling inside a value', () => {
		expect(containsSecret({ body: 'client_secret=sandbox%2Bsecret%2F1' }, [CLIENT_SECRET])).toBe(
			true,
		);
		expect(containsSecret(`x ${PASSWORD}`, [PASSWORD])).toBe(true);
		expect(containsSecret({ body: 'nothing here' }, [CLIENT_SECRET, 'abc'])).toBe(false);
		expect(containsSecret('abc', ['abc'])).toBe(false);
	});
});
