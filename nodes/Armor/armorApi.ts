import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { armorTokenOwner } from '../../credentials/armorSession';
import type { ApiDefinition, RequestContext } from '../shared/transport';

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

/** Armor Defense API: FH-AUTH credential, and the account context header. */
export const armorApi: ApiDefinition = {
	credentialType: 'armorApi',
	service: 'Armor',
	tokenOwner: armorTokenOwner,
	requestHeaders(context: RequestContext, itemIndex: number): IDataObject {
		const accountContext = String(
			context.getNodeParameter('options.accountContext', itemIndex, '') ?? '',
		).trim();
		if (!accountContext) return {};
		if (!/^[1-9]\d*$/.test(accountContext)) {
			throw new NodeOperationError(
				context.getNode(),
				`Account Context must be an account ID (a whole number such as 1001), not "${accountContext}".`,
				{
					itemIndex,
					description: 'Get Me lists the accounts this user can act on, with their IDs.',
				},
			);
		}
		return { 'X-Account-Context': accountContext };
	},
};
