import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import {
	assertSafeBaseUrl,
	isRenewalDue,
	normalizeBaseUrl,
	readTokenState,
} from '../../credentials/tokenState';
import { toNodeError } from './errors';
import { buildApiUrl } from './paths';

/** What the transport needs to know about one vendor API. Each node folder defines one. */
export interface ApiDefinition {
	credentialType: string;
	/** The vendor's name as users know it, for messages. */
	service: string;
	/** Fingerprint of the settings a stored token belongs to (from the credential's token module). */
	tokenOwner(credentials: ICredentialDataDecryptedObject): string;
	/** Headers a node adds to every request of this API for an item (e.g. Armor's account context). */
	requestHeaders?(context: RequestContext, itemIndex: number): IDataObject;
	/** Fills placeholders the credential decides, e.g. Auth Armor's `{apiVersion}`. */
	resolvePath?(path: string, credentials: ICredentialDataDecryptedObject): string;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Relative to the credential's base URL, e.g. `/me` or `/v4/users`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: IDataObject;
	returnFullResponse?: boolean;
}

export type RequestContext = IExecuteFunctions;

/**
 * Every request of both nodes goes through here: the URL is built (and guarded) from the credential's base
 * URL, per-API headers are added, n8n authenticates it with the credential, and failures become readable
 * errors. The token's lifecycle is the credential's (see credentials/*); this only asks n8n to renew it
 * when it is due, since n8n itself would wait for a 401.
 */
export async function apiRequest(
	this: RequestContext,
	api: ApiDefinition,
	request: ApiRequest,
	itemIndex = 0,
): Promise<IDataObject | IDataObject[] | IN8nHttpFullResponse | undefined> {
	const node = this.getNode();
	try {
		const credentials = await this.getCredentials(api.credentialType, itemIndex);
		const options: IHttpRequestOptions = {
			method: request.method,
			url: buildApiUrl(
				normalizeBaseUrl(assertSafeBaseUrl(credentials.baseUrl, 'Base URL')),
				api.resolvePath ? api.resolvePath(request.path, credentials) : request.path,
			),
			qs: request.qs,
			body: request.body,
			headers: {
				Accept: 'application/json',
				...(api.requestHeaders?.(this, itemIndex) ?? {}),
				...(request.headers ?? {}),
			},
			json: true,
			returnFullResponse: request.returnFullResponse,
		};
		return (await this.helpers.httpRequestWithAuthentication.call(
			this,
			api.credentialType,
			options,
			credentialOptions(this, api, credentials),
		)) as IDataObject | IDataObject[] | IN8nHttpFullResponse | undefined;
	} catch (error) {
		throw toNodeError(node, error, api.service, itemIndex);
	}
}

/**
 * Hands n8n the credential this request already read (with this item's expressions resolved), so n8n does
 * not read and decrypt it a second time. n8n runs a credential's preAuthentication only for an empty token
 * (or after a 401): when the stored token is due for renewal, the token is blanked, so the credential
 * reissues it before it expires instead of failing a request and logging in again.
 */
function credentialOptions(
	context: RequestContext,
	api: ApiDefinition,
	credentials: ICredentialDataDecryptedObject,
): IAdditionalCredentialOptions | undefined {
	const reference = context.getNode().credentials?.[api.credentialType];
	if (!reference?.id) return undefined;
	const due = isRenewalDue(readTokenState(credentials), api.tokenOwner(credentials), Date.now());
	return {
		credentialsDecrypted: {
			id: reference.id,
			name: reference.name,
			type: api.credentialType,
			data: due ? { ...credentials, accessToken: '' } : credentials,
		},
	};
}
