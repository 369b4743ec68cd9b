import type { IDataObject } from 'n8n-workflow';

import {
	idField,
	optionsCollection,
	readSimplify,
	simplifyField,
} from '../../../shared/descriptions';
import type { OperationDefinition } from '../../../shared/operation';
import { authArmorRequest } from '../../authArmorRequest';
import { additionalFields, readRequiredText } from '../../fields';
import {
	commonBodyFields,
	ipAddressField,
	nonceField,
	readAdditionalFields,
	readAuthRequestId,
	simplifyAuthAnswer,
	userAgentField,
	type AuthMethod,
} from './authFields';

/** Where each method's validation token comes from, for the field's description. */
const TOKEN_SOURCE: Record<AuthMethod, string> = {
	authenticator: 'The auth_validation_token Start Authenticator Auth returned',
	magiclink_email:
		'The auth_validation_token query parameter the magic link added to your redirect URL',
	webauthn: 'The auth_validation_token Finish WebAuthn Auth returned',
};

/**
 * Validate Authenticator / Magic Link / WebAuthn Auth: the three differ only in the path, so one definition
 * serves them. A validation is what proves the answer (a status read alone could be replayed), and it
 * succeeds once per request.
 */
export function validateOperation(
	method: AuthMethod,
	name: string,
	action: string,
): OperationDefinition {
	return {
		name,
		description: `${action.replace(/^Validate/, 'Check')} with its validation token (once per request) and return whether the person approved it, who answered and when`,
		action,
		properties: [
			idField(
				'Auth Request ID',
				'authRequestId',
				'0d9a8a3e-2b6f-4a5b-9d2e-6c1f0e7b8a90',
				'The auth_request_id the Start operation returned',
			),
			{
				displayName: 'Auth Validation Token',
				name: 'authValidationToken',
				type: 'string',
				typeOptions: { password: true },
				required: true,
				default: '',
				description: TOKEN_SOURCE[method],
			},
			simplifyField,
			additionalFields([
				ipAddressField,
				{
					...nonceField,
					description:
						'The nonce the request was started with, if any (an absent one is an empty nonce)',
				},
				userAgentField,
			]),
			optionsCollection(),
		],
		async execute(itemIndex) {
			const authRequestId = readAuthRequestId.call(this, itemIndex);
			const token = readRequiredText.call(
				this,
				itemIndex,
				'authValidationToken',
				'Auth Validation Token',
				TOKEN_SOURCE[method],
			);
			const answer = (await authArmorRequest.call(this, itemIndex, {
				method: 'POST',
				path: `/{apiVersion}/auth/${method}/validate`,
				body: {
					auth_request_id: authRequestId,
					auth_validation_token: token,
					...commonBodyFields(readAdditionalFields.call(this, itemIndex)),
				},
			})) as IDataObject;
			if (!readSimplify.call(this, itemIndex)) return answer;
			return simplifyAuthAnswer(
				answer?.validate_auth_response_details as IDataObject | undefined,
				answer?.auth_request_status_name,
			);
		},
	};
}
