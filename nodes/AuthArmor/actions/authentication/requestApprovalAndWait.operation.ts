import { randomBytes } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { toOutput, type OperationDefinition } from '../../../shared/operation';
import { checkWholeNumber } from '../../../shared/requestRules';
import { AUTH_STATUS, approvalResult, responder } from '../../approval';
import { authArmorRequest } from '../../authArmorRequest';
import { readContextData } from '../../fields';
import { readUserReference, userLocatorField } from '../../userTarget';

/** How often the auth request's status is read while waiting. */
const POLL_INTERVAL_MS = 2_000;
/** Waiting goes on this long after the approval timeout, for the API to report the timeout itself. */
const GRACE_MS = 15_000;

type NotApproved = 'secondOutput' | 'firstOutput' | 'fail';

export const requestApprovalAndWait: OperationDefinition = {
	name: 'Request Approval and Wait',
	description:
		"Ask a person to approve on their phone (Auth Armor push or magic link email) and wait for the answer. Use it before a risky step, or as an AI agent's tool to ask a human before acting.",
	action: 'Request approval and wait',
	properties: [
		userLocatorField,
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{
					name: 'Authenticator Push',
					value: 'authenticator',
					description: 'A push notification to the Auth Armor app',
				},
				{
					name: 'Magic Link Email',
					value: 'magiclink_email',
					description: 'An email with a link to approve',
				},
			],
			default: 'authenticator',
		},
		{
			displayName: 'Action Name',
			name: 'actionName',
			type: 'string',
			default: 'Approve',
			placeholder: 'e.g. Delete customer data',
			description: "What the person approves, shown as the request's title (2 to 32 characters)",
		},
		{
			displayName: 'Message',
			name: 'shortMessage',
			type: 'string',
			default: '',
			placeholder: 'e.g. The nightly job wants to delete 312 stale accounts',
			description: 'A short explanation shown with the request',
		},
		{
			displayName: 'Approval Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 15, maxValue: 300 },
			default: 120,
			description:
				'How long the person has to answer; the node waits that long (and a little more)',
		},
		{
			displayName: 'When Not Approved',
			name: 'notApproved',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Send to "Not Approved" Output',
					value: 'secondOutput',
					description: 'Declined, timed out or invalid requests go to a second output',
				},
				{
					name: 'Return on the Same Output',
					value: 'firstOutput',
					description: 'One output; check "approved" (best for AI agents)',
				},
				{
					name: 'Fail the Item',
					value: 'fail',
					description: 'Stop with an error (or an error item under Continue On Fail)',
				},
			],
			default: 'secondOutput',
		},
		optionsCollection([
			{
				displayName: 'Context Data (Magic Link)',
				name: 'contextData',
				type: 'json',
				default: '{}',
				description:
					'Key/value pairs (strings) sent with a magic link request and returned when it is validated',
			},
			{
				displayName: 'Redirect URL (Magic Link)',
				name: 'redirectUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/approved',
				description: 'Where the magic link takes the person after they approve',
			},
		]),
	],
	outputCount(this: IExecuteFunctions) {
		return this.getNodeParameter('notApproved', 0, 'secondOutput') === 'secondOutput' ? 2 : 1;
	},
	async execute(itemIndex) {
		const notApproved = this.getNodeParameter(
			'notApproved',
			itemIndex,
			'secondOutput',
		) as NotApproved;
		const method = this.getNodeParameter('method', itemIndex, 'authenticator') as string;
		const timeoutSeconds = checkWholeNumber(
			this.getNodeParameter('timeoutSeconds', itemIndex, 120),
			'Approval Timeout (Seconds)',
			{ min: 15, max: 300 },
		);
		const started = await startApproval.call(this, itemIndex, method, timeoutSeconds);
		const outcome = await waitForAnswer.call(
			this,
			itemIndex,
			started.authRequestId,
			timeoutSeconds * 1000 + GRACE_MS,
		);
		let details = outcome.response;
		let validated = false;
		if (!outcome.timedOutWaiting && method === 'authenticator') {
			// The answer only counts once validated with the token and nonce this node holds: a status read
			// alone could be replayed or come from someone else's request.
			const validation = (await authArmorRequest.call(this, itemIndex, {
				method: 'POST',
				path: '/{apiVersion}/auth/authenticator/validate',
				body: {
					auth_request_id: started.authRequestId,
					auth_validation_token: started.validationToken,
					nonce: started.nonce,
				},
			})) as IDataObject;
			details =
				(validation.validate_auth_response_details as IDataObject | undefined) ?? validation;
			validated = true;
		}
		const result = outcome.timedOutWaiting ? 'timedOut' : approvalResult(details?.result_code);
		const approved = result === 'approved' && details?.authorized !== false;
		const output: IDataObject = {
			approved,
			result,
			resultMessage: details?.result_message,
			authRequestId: started.authRequestId,
			// A magic link's validation token reaches the person's browser, not this node.
			validated,
			...responder(details),
			...(details?.context_data ? { contextData: details.context_data } : {}),
			details,
		};
		if (approved || notApproved === 'firstOutput') return output;
		if (notApproved === 'secondOutput') return toOutput(1, output);
		throw new NodeOperationError(
			this.getNode(),
			`The approval request was not approved (${result}).`,
			{
				itemIndex,
				description:
					'The person declined, did not answer in time, or the answer could not be verified.',
			},
		);
	},
};

/** The Context Data option as the start body's `context_data` (nothing when empty). */
function contextDataOf(this: IExecuteFunctions, itemIndex: number, raw: unknown): IDataObject {
	const context = readContextData.call(this, itemIndex, raw);
	return context ? { context_data: context } : {};
}

async function startApproval(
	this: IExecuteFunctions,
	itemIndex: number,
	method: string,
	timeoutSeconds: number,
): Promise<{ authRequestId: string; validationToken: string; nonce: string }> {
	const user = readUserReference.call(this, itemIndex);
	const actionName = String(this.getNodeParameter('actionName', itemIndex, '') ?? '').trim();
	const shortMessage = String(this.getNodeParameter('shortMessage', itemIndex, '') ?? '').trim();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const nonce = randomBytes(16).toString('hex');
	const magicLink = method === 'magiclink_email';
	const body: IDataObject = {
		...user,
		timeout_in_seconds: timeoutSeconds,
		...(actionName ? { action_name: actionName } : {}),
		...(shortMessage ? { short_msg: shortMessage } : {}),
		...(magicLink
			? {
					...(options.redirectUrl ? { auth_redirect_url: options.redirectUrl } : {}),
					...contextDataOf.call(this, itemIndex, options.contextData),
				}
			: { nonce, send_push: true }),
	};
	const started = (await authArmorRequest.call(this, itemIndex, {
		method: 'POST',
		path: `/{apiVersion}/auth/${method}/start`,
		body,
	})) as IDataObject;
	const authRequestId = String(started?.auth_request_id ?? '');
	if (!authRequestId) {
		throw new NodeOperationError(this.getNode(), 'Auth Armor did not return an auth request ID.', {
			itemIndex,
		});
	}
	return {
		authRequestId,
		validationToken: String(started.auth_validation_token ?? ''),
		nonce,
	};
}

/** Reads the auth request's status until the person answered, the request timed out, or waiting must end. */
async function waitForAnswer(
	this: IExecuteFunctions,
	itemIndex: number,
	authRequestId: string,
	maxWaitMs: number,
): Promise<{ statusId: number; response?: IDataObject; timedOutWaiting: boolean }> {
	const signal = this.getExecutionCancelSignal();
	const deadline = Date.now() + maxWaitMs;
	for (;;) {
		if (signal?.aborted) {
			throw new NodeOperationError(
				this.getNode(),
				'The execution was cancelled while waiting for the approval.',
				{ itemIndex },
			);
		}
		const status = (await authArmorRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/{apiVersion}/auth/${encodeURIComponent(authRequestId)}`,
		})) as IDataObject;
		const statusId = Number(status?.auth_request_status_id);
		if (statusId !== AUTH_STATUS.pendingApproval) {
			return {
				statusId,
				response: status?.auth_response as IDataObject | undefined,
				timedOutWaiting: false,
			};
		}
		if (Date.now() + POLL_INTERVAL_MS > deadline) {
			return { statusId, timedOutWaiting: true };
		}
		// An execution stopped meanwhile ends the sleep early; the check above then says why.
		await sleep(POLL_INTERVAL_MS, signal).catch(() => undefined);
	}
}
