import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { isAccountId, readAccountId } from './armorSession';
import { armorAllowedBaseUrls } from './armorServices';
import { assertRequestGoesTo, headerValue, type OutgoingRequest } from './baseUrl';
import { ArmorCredentialError } from './httpFailure';

/**
 * What both Armor credentials' `authenticate` do before adding their own Authorization: the request must go
 * to the base URL or one of Armor's service hosts (returns where it goes), any Authorization already set is
 * dropped, and the account context is the node's own X-Account-Context or else the credential's Account ID.
 */
export function prepareArmorRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): { target: URL; headers: IDataObject } {
	const target = assertRequestGoesTo(
		armorAllowedBaseUrls(credentials),
		requestOptions as OutgoingRequest,
	);
	const headers: IDataObject = { ...(requestOptions.headers ?? {}) };
	const accountContext = headerValue(headers, 'x-account-context');
	if (accountContext === undefined) {
		const accountId = readAccountId(credentials);
		if (accountId) headers['X-Account-Context'] = accountId;
	} else if (!isAccountId(accountContext.trim())) {
		throw new ArmorCredentialError(
			`The X-Account-Context header must be an Armor account ID (a whole number such as 1001), not "${accountContext}", so the request was not sent.`,
		);
	}
	for (const name of Object.keys(headers)) {
		if (name.toLowerCase() === 'authorization') delete headers[name];
	}
	return { target, headers };
}

/** The Base URL field of both Armor credentials. */
export const armorBaseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: 'https://api.armor.com',
	required: true,
	description: 'Address of the Armor API. Must use https (http is allowed only for localhost).',
};

/** The default account of both Armor credentials (sent as X-Account-Context unless a node sets one). */
export const armorAccountIdProperty: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1001',
	description:
		"Default account to act on (sent as X-Account-Context). Leave empty to use the default account of the user (or the key's owner). Nodes can override it.",
};
