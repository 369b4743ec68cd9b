import {
	describeHttpFailure,
	isRedirect,
	isTransientFailure,
	redirectTarget,
	vendorMessage,
} from '../../credentials/httpFailure';

describe('describeHttpFailure and vendorMessage', () => {
	it('reads status and body of an axios-style error without the request', () => {
		const error = Object.assign(new Error('Request failed'), {
			response: { status: 401, data: { Message: 'Invalid username or password.' } },
			config: { headers: { Authorization: 'FH-AUTH secret' } },
		});
		expect(describeHttpFailure(error)).toEqual({
			status: 401,
			body: { Message: 'Invalid username or password.' },
			message: 'Request failed',
		});
	});

	it('finds the status of a wrapped error', () => {
		expect(describeHttpFailure({ cause: { response: { status: 503 } } }).status).toBe(503);
		expect(describeHttpFailure({ code: 'ECONNREFUSED' }).code).toBe('ECONNREFUSED');
	});

	it.each([
		[{ Message: 'No way.' }, 'No way.'],
		[{ ErrorCode: 403, Message: 'Denied.', Detail: 'Account 7.' }, 'Denied. - Account 7.'],
		[{ error: 'invalid_grant', error_description: 'Expired.' }, 'Expired. - invalid_grant'],
		[{ error_code: 404, error_message: 'User not found.', tracking_id: 'x' }, 'User not found.'],
		[{ errorCode: 1, errorMessage: 'Old shape.' }, 'Old shape.'],
		['{"Message":"As text."}', 'As text.'],
		['', undefined],
		[undefined, undefined],
		[{}, undefined],
	])('vendorMessage(%j) = %p', (body, message) => {
		expect(vendorMessage(body)).toBe(message);
	});
});

describe('describeHttpFailure on an answered request', () => {
	it('ignores axios codes such as ERR_BAD_REQUEST when the server answered', () => {
		const failure = describeHttpFailure({
			code: 'ERR_BAD_REQUEST',
			response: { status: 401, data: '' },
		});
		expect(failure).toMatchObject({ status: 401, body: '' });
		expect(failure.code).toBeUndefined();
	});

	it('reads the body of an axios error wrapped by n8n-core', () => {
		const wrapped = {
			httpCode: '403',
			message: 'Forbidden',
			cause: { response: { status: 403, data: { Message: 'No.' } } },
		};
		expect(describeHttpFailure(wrapped)).toMatchObject({ status: 403, body: { Message: 'No.' } });
	});

	it('keeps the message of an error that never reached the server, without credentials', () => {
		expect(describeHttpFailure(new Error('Domain not allowed: Bearer abc123 x'))).toEqual({
			code: undefined,
			message: 'Domain not allowed: Bearer [hidden] x',
		});
	});
});

describe('vendorMessage: which bodies are shown', () => {
	const page =
		'<!DOCTYPE html><html><head><title>Gateway error</title><style>h1 { color: red }</style>' +
		'<script>var t = "x";</script></head><body><h1>502 Bad Gateway</h1>\n\n' +
		'<p>The upstream &quot;api&quot; &amp; its proxy &lt;failed&gt;.</p></body></html>';

	it.each([
		['plain text', 'Service Unavailable'],
		['an HTML page', page],
		['an HTML page in a Buffer', Buffer.from(page)],
		['JSON without a known field', '{"status":"down"}'],
	])('with knownFieldsOnly, drops %s', (_name, body) => {
		expect(vendorMessage(body, { knownFieldsOnly: true })).toBeUndefined();
	});

	it('with knownFieldsOnly, still reads the documented fields, as object, text or Buffer', () => {
		const options = { knownFieldsOnly: true };
		expect(vendorMessage({ Message: 'Denied.' }, options)).toBe('Denied.');
		expect(vendorMessage('{"error_description":"Expired."}', options)).toBe('Expired.');
		expect(vendorMessage(Buffer.from('{"message":"From a buffer."}'), options)).toBe(
			'From a buffer.',
		);
	});

	it('otherwise reduces an HTML page to its text', () => {
		expect(vendorMessage(page)).toBe(
			'Gateway error 502 Bad Gateway The upstream "api" & its proxy <failed>.',
		);
	});

	it('otherwise keeps plain text, with whitespace collapsed', () => {
		expect(vendorMessage('  Service\n\n  Unavailable\t now ')).toBe('Service Unavailable now');
	});

	it('ignores an HTML page with no text', () => {
		expect(vendorMessage('<html><body><br/></body></html>')).toBeUndefined();
	});
});

describe('vendorMessage: length and secrets', () => {
	it('caps the message at maxLength and marks the cut', () => {
		const long = vendorMessage({ Message: 'a'.repeat(500) });
		expect(long).toBe(`${'a'.repeat(300)}...`);
		expect(vendorMessage({ Message: 'abcdefghijkl' }, { maxLength: 5 })).toBe('abcde...');
		expect(vendorMessage({ Message: 'abcde' }, { maxLength: 5 })).toBe('abcde');
	});

	it('masks the secrets it is given and credential shapes in any body', () => {
		const body = {
			Message: 'Login failed for demo@armor.example with demo-password.',
			Detail: 'Authorization: FH-AUTH 0123456789abcdef0123456789abcdef',
		};
		const message = vendorMessage(body, { secrets: ['demo-password'] });
		expect(message).toBe(
			'Login failed for demo@armor.example with [hidden]. - Authorization: [hidden] [hidden]',
		);
	});

	it('masks a credential echoed in an HTML page once its entities are decoded', () => {
		const page = '<html><body><pre>{&quot;password&quot;:&quot;hunter22&quot;}</pre></body></html>';
		const message = vendorMessage(page);
		expect(message).not.toContain('hunter22');
		expect(message).toContain('"password"');
	});

	it('redacts before it caps, so no part of a secret survives at the cut', () => {
		const message = vendorMessage(
			{ Message: `${'x'.repeat(295)} demo-password` },
			{ secrets: ['demo-password'] },
		);
		expect(message).not.toContain('demo');
		expect(message!.endsWith('...')).toBe(true);
	});
});

describe('isTransientFailure', () => {
	it.each([
		[{ status: 429, message: '' }, true],
		[{ status: 500, message: '' }, true],
		[{ status: 502, message: '' }, true],
		[{ status: 503, message: '' }, true],
		[{ status: 400, message: '' }, false],
		[{ status: 401, message: '' }, false],
		[{ status: 403, message: '' }, false],
		[{ status: 404, message: '' }, false],
		[{ code: 'ECONNRESET', message: '' }, true],
		[{ code: 'ETIMEDOUT', message: '' }, true],
		[{ code: 'ECONNREFUSED', message: '' }, true],
		[{ code: 'ECONNABORTED', message: '' }, true],
		[{ code: 'EAI_AGAIN', message: '' }, true],
		[{ code: 'ENOTFOUND', message: '' }, false],
		[{ code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: '' }, false],
		[{ message: 'nothing known' }, false],
	])('%j -> %p', (failure, transient) => {
		expect(isTransientFailure(failure)).toBe(transient);
	});

	it('goes by the status when the server answered, whatever the code', () => {
		expect(isTransientFailure({ status: 401, code: 'ECONNRESET', message: '' })).toBe(false);
	});
});

describe('redirects', () => {
	it.each([
		[301, true],
		[302, true],
		[307, true],
		[308, true],
		[200, false],
		[400, false],
		[undefined, false],
	])('isRedirect(%p) = %p', (status, redirect) => {
		expect(isRedirect({ status, message: '' })).toBe(redirect);
	});

	const from = 'https://api.armor.com/auth/login';

	it('shows where a redirect pointed as origin and path, never the query string or fragment', () => {
		const failure = {
			status: 302,
			message: '',
			headers: { location: 'https://evil.example/collect?token=abc123&password=pw#frag' },
		};
		expect(redirectTarget(failure, from)).toBe('https://evil.example/collect');
	});

	it('drops user info from the target', () => {
		const failure = {
			status: 302,
			message: '',
			headers: { Location: 'https://user:pass@evil.example/x' },
		};
		expect(redirectTarget(failure, from)).toBe('https://evil.example/x');
	});

	it('resolves a relative Location against the request URL', () => {
		const failure = { status: 301, message: '', headers: { location: '../v2/login?code=1' } };
		expect(redirectTarget(failure, from)).toBe('https://api.armor.com/v2/login');
	});

	it('says so when there is no usable Location', () => {
		expect(redirectTarget({ status: 302, message: '' }, from)).toBe('another address');
		expect(redirectTarget({ status: 302, message: '', headers: { location: '' } }, from)).toBe(
			'another address',
		);
		expect(
			redirectTarget({ status: 302, message: '', headers: { location: 'http://[oops' } }, from),
		).toBe('an invalid address');
	});
});

describe('describeHttpFailure: response headers', () => {
	it('returns the headers of a plain object', () => {
		const failure = describeHttpFailure({
			response: { status: 302, data: '', headers: { location: 'https://evil.example/' } },
		});
		expect(failure.headers).toEqual({ location: 'https://evil.example/' });
		expect(redirectTarget(failure, 'https://api.armor.com')).toBe('https://evil.example/');
	});

	it('returns plain headers from an AxiosHeaders-like object', () => {
		const headers = {
			toJSON: () => ({ 'retry-after': '5', 'content-type': 'text/html' }),
		};
		const failure = describeHttpFailure({ response: { status: 503, data: '', headers } });
		expect(failure.headers).toEqual({ 'retry-after': '5', 'content-type': 'text/html' });
	});

	it('has no headers when nothing answered', () => {
		expect(describeHttpFailure({ code: 'ETIMEDOUT' }).headers).toBeUndefined();
	});

	it('redacts the secrets it is given from the error message', () => {
		const failure = describeHttpFailure(
			new Error('connect failed for demo-password\nsecond line'),
			['demo-password'],
		);
		expect(failure.message).toBe('connect failed for [hidden]');
	});
});
