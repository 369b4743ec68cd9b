import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
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
