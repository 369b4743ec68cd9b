/**
 * Authentication -> Start Authenticator Auth (nodes/AuthArmor/actions/authentication/
 * startAuthenticator.operation.ts) against the sandbox: the body from the User field and Additional Fields,
 * a push unless turned off, no nonce unless given, the v3 path, and a timeout refused before any request.
 */
import { NodeOperationError } from 'n8n-workflow';

import { authArmorDefaultUsername, authArmorUserId } from '../../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, requestsTo, runNodeError, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from '../helpers';
import { authentication } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

test('by username with every Additional Field: the body names them as the reference does', async () => {
	const { sandbox } = fixture;
	const [started] = await run(
		authentication('startAuthenticator', {
			user: userLocator('username', authArmorDefaultUsername(4)),
			additionalFields: {
				actionName: ' Log in ',
				shortMessage: 'Sign in to the billing portal',
				nonce: 'n-4711',
				authTimeoutSeconds: 90,
				ipAddress: '203.0.113.7',
				userAgent: 'Mozilla/5.0',
				originLatitude: '38.8951',
				originLongitude: '-77.0364',
				originIpAddress: '198.51.100.1',
				useVisualVerify: true,
			},
		}),
	);

	const [request] = requestsTo(sandbox, 'authArmor', '/v4/auth/authenticator/start', 'POST');
	expect(JSON.parse(request.body)).toEqual({
		username: authArmorDefaultUsername(4),
		action_name: 'Log in',
		short_msg: 'Sign in to the billing portal',
		nonce: 'n-4711',
		timeout_in_seconds: 90,
		ip_address: '203.0.113.7',
		user_agent: 'Mozilla/5.0',
		origin_location_data: {
			latitude: '38.8951',
			longitude: '-77.0364',
			ip_address: '198.51.100.1',
		},
		send_push: true,
		use_visual_verify: true,
	});
	expect(started).toMatchObject({
		auth_request_id: expect.any(String),
		auth_validation_token: expect.any(String),
		user_id: authArmorUserId(4),
		visual_verify_value: expect.stringMatching(/^\d{2}$/),
		push_message_sent: true,
		timeout_in_seconds: 90,
	});
});

test('by ID with nothing else: user_id and a push, no nonce made up; "Send Push" off sends false', async () => {
	const { sandbox } = fixture;
	const user = userLocator('id', authArmorUserId(5));
	await run(authentication('startAuthenticator', { user }));
	const [started] = await run(
		authentication('startAuthenticator', { user, additionalFields: { sendPush: false } }),
	);

	const bodies = requestsTo(sandbox, 'authArmor', '/v4/auth/authenticator/start').map((r) =>
		JSON.parse(r.body),
	);
	expect(bodies).toEqual([
		{ user_id: authArmorUserId(5), send_push: true },
		{ user_id: authArmorUserId(5), send_push: false },
	]);
	expect(started.push_message_sent).toBe(false);
});

test('a v3 credential sends the same body to /v3', async () => {
	const { sandbox } = fixture;
	await run(
		authentication('startAuthenticator', { user: userLocator('id', authArmorUserId(5)) }),
		authArmorCredential({ apiVersion: 'v3' }),
	);
	expect(requestsTo(sandbox, 'authArmor', '/v3/auth/authenticator/start', 'POST')).toHaveLength(1);
});

test('an auth timeout outside 15..300 is refused before any request', async () => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: authentication('startAuthenticator', {
			user: userLocator('id', authArmorUserId(5)),
			additionalFields: { authTimeoutSeconds: 10 },
		}),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(/^Auth Timeout \(Seconds\) must be a whole number from 15 to 300/);
	expect(requestsTo(sandbox, 'authArmor', '/v4/auth/authenticator/start')).toHaveLength(0);
});
