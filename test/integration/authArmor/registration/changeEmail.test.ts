/**
 * Registration -> Start Email Change (nodes/AuthArmor/actions/registration/changeEmail.operation.ts) against
 * the sandbox: POST /v4/users/{user}/magiclink_email/update/start with the user by username (header) or ID,
 * the spec's body names, the v3 path, and inputs refused before any request. (Validating the change:
 * validateMagicLink.test.ts.)
 */
import { NodeOperationError } from 'n8n-workflow';

import {
	AUTHARMOR_EMPTY_GUID,
	authArmorDefaultUsername,
	authArmorUserId,
} from '../../../sandbox/server';
import {
	AUTHARMOR_NODE_TYPE,
	header,
	requestsTo,
	runNodeError,
	sandboxPerTest,
} from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from '../helpers';
import { REDIRECT_URL, registration } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

function changeEmail(
	by: 'username' | 'id',
	user: string,
	parameters: Record<string, unknown> = {},
) {
	return registration('changeEmail', {
		user: userLocator(by, user),
		newEmailAddress: 'moved@autharmor.example',
		registrationRedirectUrl: REDIRECT_URL,
		...parameters,
	});
}

test('by username: zero GUID + header; {new_email_address, registration_redirect_url, ...}', async () => {
	const { sandbox } = fixture;
	const username = authArmorDefaultUsername(8);
	const [started] = await run(
		changeEmail('username', username, {
			additionalFields: {
				timeoutSeconds: 120,
				actionName: 'Change email',
				shortMessage: 'Confirm your new address',
				contextData: '{"ticket": "T-1"}',
			},
		}),
	);

	const [request] = requestsTo(
		sandbox,
		'authArmor',
		`/v4/users/${AUTHARMOR_EMPTY_GUID}/magiclink_email/update/start`,
		'POST',
	);
	expect(header(request, 'x-autharmor-usernamevalue')).toBe(username);
	expect(JSON.parse(request.body)).toEqual({
		new_email_address: 'moved@autharmor.example',
		registration_redirect_url: REDIRECT_URL,
		timeout_in_seconds: 120,
		action_name: 'Change email',
		short_msg: 'Confirm your new address',
		context_data: { ticket: 'T-1' },
	});
	expect(started).toEqual({ timeout_in_seconds: 120, timeout_utc_datetime: expect.any(String) });
	// Nothing changes before the link is validated.
	const [user] = await run({
		resource: 'user',
		operation: 'get',
		user: userLocator('id', authArmorUserId(8)),
	});
	expect(user.email_address).toBe(username);
});

test('by ID, and with a v3 credential the v3 path', async () => {
	const { sandbox } = fixture;
	await run(changeEmail('id', authArmorUserId(9)));
	await run(changeEmail('id', authArmorUserId(9)), authArmorCredential({ apiVersion: 'v3' }));
	expect(
		requestsTo(sandbox, 'authArmor')
			.filter((request) => request.path !== '/connect/token')
			.map((request) => request.path),
	).toEqual([
		`/v4/users/${authArmorUserId(9)}/magiclink_email/update/start`,
		`/v3/users/${authArmorUserId(9)}/magiclink_email/update/start`,
	]);
});

test.each([
	[{ newEmailAddress: '' }, /^Enter the New Email Address: it is empty\.$/],
	[{ newEmailAddress: 'moved' }, /^The New Email Address "moved" is not an email address\.$/],
	[{ registrationRedirectUrl: 'ftp://app.example' }, /is not a web address/],
])('%p is refused before any request', async (parameters, message) => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: changeEmail('id', authArmorUserId(9), parameters),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(sandbox.requests).toHaveLength(0);
});
