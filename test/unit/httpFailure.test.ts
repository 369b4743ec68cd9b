import { describeHttpFailure, vendorMessage } from '../../credentials/httpFailure';

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
