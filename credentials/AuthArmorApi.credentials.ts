import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authArmorFingerprint, renewAuthArmorToken } from './authArmorToken';
import { assertRequestStaysOnBaseUrl, type OutgoingRequest } from './baseUrl';
import { tokenStateProperties, tokenToPresent } from './tokenState';

/** Auth Armor API, OAuth 2.0 client credentials. Token logic: ./authArmorToken.ts. */
export class AuthArmorApi implements ICredentialType {
	name = 'authArmorApi';

	displayName = 'Auth Armor API';

	icon: Icon = {
		light: 'file:../nodes/AuthArmor/autharmor.svg',
		dark: 'file:../nodes/AuthArmor/autharmor.dark.svg',
	};

	documentationUrl = 'https://docs.autharmor.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: "From the Auth Armor dashboard: your project's API keys",
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			placeholder: 'e.g. aarmor.api.request_auth',
			description:
				'Space-separated scopes to request. Leave empty for every scope granted to the client.',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: 'https://login.autharmor.com/connect/token',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.autharmor.com',
			required: true,
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'options',
			options: [
				{ name: 'V4 (Current)', value: 'v4' },
				{ name: 'V3', value: 'v3' },
			],
			default: 'v4',
			description: "The version the nodes' operations use",
		},
		...tokenStateProperties,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await renewAuthArmorToken.call(this, credentials);
	}

	/**
	 * Adds `Authorization: Bearer <token>`, for our nodes and for n8n's HTTP Request node alike: only for a
	 * request to the base URL, never re-sent by n8n to another origin on a redirect.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		assertRequestStaysOnBaseUrl(credentials.baseUrl, requestOptions as OutgoingRequest);
		const headers: IDataObject = { ...(requestOptions.headers ?? {}) };
		for (const name of Object.keys(headers)) {
			if (name.toLowerCase() === 'authorization') delete headers[name];
		}
		headers.Authorization = `Bearer ${tokenToPresent(credentials, authArmorFingerprint(credentials))}`;
		return {
			...requestOptions,
			headers,
			sendCredentialsOnCrossOriginRedirect: false,
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '={{"/" + $credentials.apiVersion + "/users"}}',
			qs: { page_number: 1, page_size: 1 },
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				// Every client can get a token; listing users needs more than the request_auth scope.
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Auth Armor issued a token, so the Client ID and Secret are right, but this client may not list users (403). A client with only the aarmor.api.request_auth scope can still use the Authentication operations (Request Approval and Wait, start, validate, status); the User and Registration operations need a client that may manage users.',
				},
			},
		],
	};
}
