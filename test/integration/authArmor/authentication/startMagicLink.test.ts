/**
 * Authentication -> Start Magic Link Auth (nodes/AuthArmor/actions/authentication/
 * startMagicLink.operation.ts) against the sandbox: redirect URL, context data (numbers sent as text) and the
 * other fields in the body; inputs refused before any request; a user without a magic-link credential.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { authArmorDefaultUsername, authArmorUserId } from '../../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, requestsTo, runNodeError, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from '../helpers';
import { REDIRECT_URL, authentication } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

/** Even users have a magic-link credential. */
const USERNAME = authArmorDefaultUsername(2);

function startMagicLink(parameters: Record<string, unknown> = {}) {
	return authentication('startMagicLink', {
		user: userLocator('username', USERNAME),
		redirectUrl: REDIRECT_URL,
		...parameters,
	});
}

test('the body carries the redirect URL, context data as text and the other fields', async () => {
	const { sandbox } = fixture;
	const [started] = await run(
		startMagicLink({
			additionalFields: {
				actionName: 'Log in',
				shortMessage: 'Sign in to the billing portal',
				authTimeoutSeconds: 120,
				contextData: '{"cart": "8812", "items": 3, "gift": false}',
				ipAddress: '203.0.113.7',
				userAgent: 'Mozilla/5.0',
			},
		}),
	);

	const [request] = requestsTo(sandbox, 'authArmor', '/v4/auth/magiclink_email/start', 'POST');
	expect(JSON.parse(request.body)).toEqual({
		username: USERNAME,
		auth_redirect_url: REDIRECT_URL,
		action_name: 'Log in',
		short_msg: 'Sign in to the billing portal',
		timeout_in_seconds: 120,
		context_data: { cart: '8812', items: '3', gift: 'false' },
		ip_address: '203.0.113.7',
		user_agent: 'Mozilla/5.0',
	});
	expect(started).toEqual({
		auth_request_id: expect.any(String),
		user_id: authArmorUserId(2),
		timeout_in_seconds: 120,
		timeout_utc_datetime: expect.any(String),
	});
});

test('the default "{}" context data sends none', async () => {
	const { sandbox } = fixture;
	await run(startMagicLink({ additionalFields: { contextData: '{}' } }));
	const [request] = requestsTo(sandbox, 'authArmor', '/v4/auth/magiclink_email/start');
	expect(JSON.parse(request.body)).toEqual({ username: USERNAME, auth_redirect_url: REDIRECT_URL });
});

test.each([
	[{ redirectUrl: 'app.example/signed-in' }, /is not an http or https URL/],
	[{ redirectUrl: ' ' }, /^Enter the Redirect URL: it is empty\.$/],
	[{ additionalFields: { actionName: 'X' } }, /must be 2 to 32 characters long/],
	[{ additionalFields: { contextData: '[1, 2]' } }, /^Context Data must be a JSON object\.$/],
	[
		{ additionalFields: { contextData: '{"a": {"b": "c"}}' } },
		/Context Data "a" must be a text value/,
	],
])('%j is refused before any request', async (parameters, message) => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: startMagicLink(parameters),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(requestsTo(sandbox, 'authArmor', '/v4/auth/magiclink_email/start')).toHaveLength(0);
});

test('a user without a magic-link credential: the API refuses it (400)', async () => {
	const { helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: startMagicLink({ user: userLocator('id', authArmorUserId(3)) }),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Auth Armor answered 400/);
});
