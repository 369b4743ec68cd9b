/**
 * Registration -> Get Status (nodes/AuthArmor/actions/registration/getStatus.operation.ts) against the
 * sandbox: GET /v4/users/registrations/{registration_Id} as the person's answer moves it (pending, pending
 * validation, declined, timed out), an unknown ID, and v3 (which has no such call).
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { SandboxApprover } from '../../../sandbox/server';
import { AUTHARMOR_NODE_TYPE, requestsTo, runNodeError, sandboxPerTest } from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers } from '../helpers';
import { registration } from './helpers';

jest.setTimeout(30_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential, run } = authArmorHelpers(fixture);

const UNKNOWN_ID = '5b1f7c2a-9e4d-4b8a-a6f3-2c0d9e8b7a61';

test.each<[SandboxApprover['action'], number, string]>([
	['never', 1, 'Pending User Acceptance'],
	['approve', 8, 'Pending Validation'],
	['decline', 3, 'Declined'],
	['timeout', 5, 'Timeout'],
])('the person answers %p: status %p (%p)', async (action, code, name) => {
	const { sandbox } = fixture;
	sandbox.configure({ authArmorApprover: { action, afterMs: 0 } });
	const credential = authArmorCredential();
	const [started] = await run(
		registration('startAuthenticator', { newUsername: 'status@autharmor.example' }),
		credential,
	);
	const id = String(started.registration_id);

	const [status] = await run(registration('getStatus', { registrationId: ` ${id} ` }), credential);

	expect(status).toEqual({
		registration_status_name: name,
		registration_status_code: code,
		auth_method: 'AuthArmorAuthenticator',
	});
	expect(requestsTo(sandbox, 'authArmor', `/v4/users/registrations/${id}`, 'GET')).toHaveLength(1);
});

test('an unknown registration: a 404 NodeApiError', async () => {
	const { helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: registration('getStatus', { registrationId: UNKNOWN_ID }),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toMatch(/^Auth Armor answered 404/);
});

test('an ID that would add a path segment is refused before any request', async () => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: registration('getStatus', { registrationId: `${UNKNOWN_ID}/x` }),
		credential: authArmorCredential(),
	});
	expect(error.message).toMatch(/is not an ID: it cannot contain "\/"/);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(sandbox.requests).toHaveLength(0);
});

test('v3 has no registration status: refused before any request', async () => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: registration('getStatus', { registrationId: UNKNOWN_ID }),
		credential: authArmorCredential({ apiVersion: 'v3' }),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(/exists only in v4/);
	expect(requestsTo(sandbox, 'authArmor').filter((r) => r.path !== '/connect/token')).toHaveLength(
		0,
	);
});
