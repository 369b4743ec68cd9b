import type { IDataObject } from 'n8n-workflow';

/**
 * Reading an auth request's outcome, shared by Get Status and Request Approval and Wait. Auth Armor's codes
 * (armor-apis.md): status 3 = pending approval, 4 = pending validation, 2 = completed; result 1 pending
 * approval, 2 success, 3 declined, 4 invalid signature, 5 timeout, 8 pending validation, 9 validation timeout,
 * 10 security exception.
 */
export const AUTH_STATUS = { completed: 2, pendingApproval: 3, pendingValidation: 4 } as const;

export type ApprovalResult =
	| 'approved'
	| 'declined'
	| 'timedOut'
	| 'invalid'
	| 'securityException'
	| 'pending';

const RESULTS: Record<number, ApprovalResult> = {
	1: 'pending',
	2: 'approved',
	3: 'declined',
	4: 'invalid',
	5: 'timedOut',
	8: 'pending',
	9: 'timedOut',
	10: 'securityException',
};

export function approvalResult(resultCode: unknown): ApprovalResult {
	return RESULTS[Number(resultCode)] ?? 'invalid';
}

/** Who answered, when and on what device, from an `auth_response` / validation details. */
export function responder(details: IDataObject | undefined): IDataObject {
	const auth = (details?.auth_details as IDataObject | undefined) ?? {};
	const response = (auth.response_details as IDataObject | undefined) ?? {};
	const request = (auth.request_details as IDataObject | undefined) ?? {};
	const profile =
		(response.auth_profile_details as IDataObject | undefined) ??
		(request.auth_profile_details as IDataObject | undefined) ??
		{};
	return {
		userId: profile.user_id,
		username: profile.username,
		respondedAt: response.date,
		requestedAt: request.date,
		method: (response.auth_method as IDataObject | undefined)?.name,
		device: response.mobile_device_details,
	};
}
