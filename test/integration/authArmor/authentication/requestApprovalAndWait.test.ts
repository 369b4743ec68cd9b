/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * Authentication -> Request Approval and Wait (nodes/AuthArmor/actions/authentication/
 * requestApprovalAndWait.operation.ts): the push is started with a nonce the node makes, the status is read
 * until the person answers, an authenticator answer is validated with that nonce, and what was not approved
 * goes where "When Not Approved" says. Against the sandbox's approver knob.
 */
import { NodeOperationError } from 'n8n-workflow';

import { authArmorDefaultUsername, authArmorUserId } from '../../../sandbox/server';
import {
	AUTHARMOR_NODE_TYPE,
	requestsTo,
	runNode,
	runNodeError,
	sandboxPerTest,
} from '../../runtime';
import { SANDBOX_OPTIONS, authArmorHelpers, userLocator } from '../helpers';

jest.setTimeout(60_000);

const fixture = sandboxPerTest(SANDBOX_OPTIONS);
const { authArmorCredential } = authArmorHelpers(fixture);
const USERNAME = authArmorDefaultUsername(3);

function approval(parameters: Record<string, unknown> = {}) {
	return {
		resource: 'authentication',
		operation: 'requestApprovalAndWait',
		user: userLocator('username', USERNAME),
		actionName: 'Delete data',
		shortMessage: 'The nightly job wants to delete 312 stale accounts',
		timeoutSeconds: 30,
		...parameters,
	};
}

async function run(parameters: Record<string, unknown> = {}, abortSignal?: AbortSignal) {
	return await runNode({
		helper: fixture.helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: approval(parameters),
		credential: authArmorCredential(),
		abortSignal,
	});
}

test('approved: the push carries the message and a fresh nonce; the answer is validated with that nonce', async () => {
	const { sandbox } = fixture;
	sandbox.configure({ authArmorApprover: { action: 'approve', afterMs: 0 } });

	const { output } = await run();

	expect(output).toHaveLength(2);
	expect(output[1]).toEqual([]);
	const [item] = output[0];
	expect(item.pairedItem).toEqual({ item: 0 });
	expect(item.json).toMatchObject({
		approved: true,
		result: 'approved',
		validated: true,
		userId: authArmorUserId(3),
		username: USERNAME,
	});
	expect(item.json.respondedAt).toEqual(expect.any(String));

	const [start] = requestsTo(sandbox, 'authArmor', '/v4/auth/authenticator/start', 'POST');
	const started = JSON.parse(start.body);
	expect(started).toMatchObject({
		username: USERNAME,
		action_name: 'Delete data',
		short_msg: 'The nightly job wants to delete 312 stale accounts',
		timeout_in_seconds: 30,
		send_push: true,
	});
	expect(started.nonce).toMatch(/^[0-9a-f]{32}$/);
	const [validate] = requestsTo(sandbox, 'authArmor', '/v4/auth/authenticator/validate', 'POST');
	expect(JSON.parse(validate.body)).toMatchObject({
		auth_request_id: item.json.authRequestId,
		nonce: started.nonce,
	});
	expect(
		requestsTo(sandbox, 'authArmor', `/v4/auth/${item.json.authRequestId}`, 'GET').length,
	).toBeGreaterThan(0);
});

test('two approvals never share a nonce', async () => {
	const { sandbox } = fixture;
	await run();
	await run();
	const nonces = requestsTo(sandbox, 'authArmor', '/v4/auth/authenticator/start', 'POST').map(
		(request) => JSON.parse(request.body).nonce,
	);
	expect(new Set(nonces).size).toBe(2);
});

test('declined goes to the "Not Approved" output, after waiting for the answer', async () => {
	fixture.sandbox.configure({ authArmorApprover: { action: 'decline', afterMs: 2500 } });
	const started = Date.now();

	const { output } = await run();

	expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
	expect(output[0]).toEqual([]);
	expect(output[1][0].json).toMatchObject({ approved: false, result: 'declined' });
	expect(output[1][0].pairedItem).toEqual({ item: 0 });
});

test('"Return on the Same Output" keeps one output; "Fail the Item" fails with words', async () => {
	fixture.sandbox.configure({ authArmorApprover: { action: 'decline', afterMs: 0 } });

	const same = await run({ notApproved: 'firstOutput' });
	expect(same.output).toHaveLength(1);
	expect(same.output[0][0].json).toMatchObject({ approved: false, result: 'declined' });

	const error = await runNodeError({
		helper: fixture.helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: approval({ notApproved: 'fail' }),
		credential: authArmorCredential(),
	});
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toBe('The approval request was not approved (declined).');
});

test('a request nobody answers times out (the API says so) and is routed as not approved', async () => {
	fixture.sandbox.configure({ authArmorApprover: { action: 'timeout', afterMs: 0 } });

	const { output } = await run({ timeoutSeconds: 15 });

	expect(output[1][0].json).toMatchObject({ approved: false, result: 'timedOut' });
});

test('a cancelled execution stops waiting at once', async () => {
	fixture.sandbox.configure({ authArmorApprover: { action: 'never', afterMs: 0 } });
	const controller = new AbortController();
	const started = Date.now();
	setTimeout(() => controller.abort(), 500);

	const outcome = await run({ timeoutSeconds: 300 }, controller.signal).then(
		() => 'finished',
		(error: Error) => error.message,
	);

	expect(outcome).toMatch(/cancel/i);
	expect(Date.now() - started).toBeLessThan(5_000);
});

test('magic link context data is sent as text values; a nested value is refused before any request', async () => {
	const { sandbox, helper } = fixture;
	const error = await runNodeError({
		helper,
		type: AUTHARMOR_NODE_TYPE,
		parameters: approval({
			method: 'magiclink_email',
			options: { redirectUrl: 'https://example.com/ok', contextData: '{"a": {"b": 1}}' },
		}),
		credential: authArmorCredential(),
	});
	expect(error.message).toBe('Context Data "a" must be a text value, not a nested object or list.');
	expect(requestsTo(sandbox, 'authArmor', '/v4/auth/magiclink_email/start')).toHaveLength(0);
});
