/**
 * Registration -> Validate Magic Link Registration
 * (nodes/AuthArmor/actions/registration/validateMagicLink.operation.ts) against the sandbox: the link's
 * registration ID and token (read from the simulated email) validate a new user, a new magic link email of
 * an existing user and a change of email; Get Status along the way; a wrong token.
 */
import { NodeApiError } from 'n8n-workflow';

import { authArmorUserId } from '../../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, requestsTo, runNodeError, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, getUser } from '../helpers';
import { REDIRECT_URL, emailLinkOf, magicLinkStartRequest, registration } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);
type Credential = ReturnType<typeof authArmorCredential>;

async function emailFor(path: string, body: Record<string, unknown>, credential: Credential) {
	const [answer] = await run(
		magicLinkStartRequest(path, { registration_redirect_url: REDIRECT_URL, ...body }),
		credential,
	);
	return emailLinkOf(answer);
}

test('new user: the link clicked, Get Status, validate with the client fields; the user exists', async () => {
	const { sandbox } = fixture;
	const credential = authArmorCredential();
	const link = await emailFor(
		'/v4/users/registrations/magiclink_email/start',
		{ email_address: 'linked@autharmor.example', context_data: { plan: 'pro' } },
		credential,
	);
	const [status] = await run(
		registration('getStatus', { registrationId: link.registrationId }),
		credential,
	);
	expect(status.registration_status_code).toBe(8);

	const [validated] = await run(
		registration('validateMagicLink', {
			registrationId: link.registrationId,
			registrationValidationToken: link.token,
			additionalFields: { ipAddress: '203.0.113.7', userAgent: 'Mozilla/5.0' },
		}),
		credential,
	);

	const [request] = requestsTo(
		sandbox,
		'authArmor',
		`/v4/users/registrations/magiclink_email/${link.registrationId}/validate`,
		'POST',
	);
	expect(JSON.parse(request.body)).toEqual({
		registration_validation_token: link.token,
		ip_address: '203.0.113.7',
		user_agent: 'Mozilla/5.0',
	});
	expect(validated).toEqual({
		magiclink_email_registration_type: 'new_user',
		user_id: expect.any(String),
		username: 'linked@autharmor.example',
		email_address: 'linked@autharmor.example',
		context_data: { plan: 'pro' },
	});
	const [user] = await run(getUser('id', String(validated.user_id)), credential);
	expect(user.username).toBe('linked@autharmor.example');
});

test("change of email: validated, the user's email address is the new one", async () => {
	const credential = authArmorCredential();
	const userId = authArmorUserId(4);
	const link = await emailFor(
		`/v4/users/${userId}/magiclink_email/update/start`,
		{ new_email_address: 'moved4@autharmor.example' },
		credential,
	);
	const [validated] = await run(
		registration('validateMagicLink', {
			registrationId: link.registrationId,
			registrationValidationToken: link.token,
		}),
		credential,
	);
	expect(validated).toMatchObject({
		magiclink_email_registration_type: 'change_email',
		user_id: userId,
		email_address: 'moved4@autharmor.example',
	});
	const [user] = await run(getUser('id', userId), credential);
	expect(user.email_address).toBe('moved4@autharmor.example');
});

test('a wrong token: a 400 NodeApiError, nothing validated', async () => {
	const { helper } = fixture;
	const credential = authArmorCredential();
	const link = await emailFor(
		`/v4/users/${authArmorUserId(6)}/registrations/magiclink_email/start`,
		{ email_address: 'six@autharmor.example' },
		credential,
	);
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: registration('validateMagicLink', {
			registrationId: link.registrationId,
			registrationValidationToken: 'wrong',
		}),
		credential,
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Auth Armor answered 400/);
	const [status] = await run(
		registration('getStatus', { registrationId: link.registrationId }),
		credential,
	);
	expect(status.registration_status_code).toBe(8);
});
