import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { armorFingerprint, isAccountId } from '../../credentials/armorSession';
import { headerValue } from '../../credentials/baseUrl';
import { RequestRefusedError } from '../shared/requestRules';
import type { ApiDefinition, ApiRequest } from '../shared/transport';

/** The "Account Context" option every Armor operation offers; read by `armorApi.requestHeaders`. */
export const accountContextOption: INodeProperties = {
	displayName: 'Account Context',
	name: 'accountContext',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1001',
	description:
		"ID of the Armor account to act on (sent as X-Account-Context). Overrides the credential's Account ID for this node.",
};

/** The item's "Account Context" option ('' when not set). */
export function readAccountContext(this: IExecuteFunctions, itemIndex: number): string {
	return String(this.getNodeParameter('options.accountContext', itemIndex, '') ?? '').trim();
}

/** An account ID as the X-Account-Context header needs it, or a refusal that says where to find one. */
function checkAccountContext(value: string, source: string): void {
	if (!isAccountId(value)) {
		throw new RequestRefusedError(
			`${source} must be an account ID (a whole number such as 1001), not "${value}".`,
			'Get Me lists the accounts this user can act on, with their IDs.',
		);
	}
}

/** Armor Defense API: FH-AUTH credential, and the account context header. */
export const armorApi: ApiDefinition = {
	credentialType: 'armorApi',
	service: 'Armor',
	settingsFingerprint: armorFingerprint,
	requestHeaders(request: ApiRequest): IDataObject {
		const accountContext = String(request.accountContext ?? '').trim();
		if (!accountContext) return {};
		checkAccountContext(accountContext, 'Account Context');
		return { 'X-Account-Context': accountContext };
	},
	checkHeaders(headers: IDataObject): void {
		const accountContext = headerValue(headers, 'x-account-context');
		if (accountContext !== undefined) {
			checkAccountContext(accountContext.trim(), 'The X-Account-Context header');
		}
	},
};
