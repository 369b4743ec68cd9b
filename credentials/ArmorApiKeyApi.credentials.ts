import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { armorPskAuthorization, bodyAsSent, readApiKey } from './armorApiKey';
import { armorAccountIdProperty, armorBaseUrlProperty, prepareArmorRequest } from './armorRequest';
import { serviceHostsProperty } from './armorServices';
import { headerValue } from './baseUrl';
import { ArmorCredentialError } from './httpFailure';

/**
 * Armor Defense API with an API key ("ARMOR-PSK"): no login, no MFA prompt, no token to keep; each request is
 * signed as it leaves (signing: ./armorApiKey.ts). The right choice for scheduled workflows.
 */
export class ArmorApiKeyApi implements ICredentialType {
	name = 'armorApiKeyApi';

	displayName = 'Armor API Key API';

	icon: Icon = {
		light: 'file:../nodes/Armor/armor.svg',
		dark: 'file:../nodes/Armor/armor.dark.svg',
	};

	documentationUrl = 'https://docs.armor.com/display/KBSS/Armor+API+Guide';

	properties: INodeProperties[] = [
		armorBaseUrlProperty,
		{
			displayName: 'Key ID',
			name: 'keyId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 20a37099-4a0b-432f-bf46-5fa690a0405c',
			description: "The API key's ID, from the Armor Management Portal (Account > Users > API Keys)",
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "The API key's secret, shown once when the key is created",
		},
		armorAccountIdProperty,
		serviceHostsProperty,
	];

	/**
	 * Signs the request exactly as it will be sent (method, path, time, and the body's bytes: an object body is
	 * serialised here and sent as that string), for our nodes and n8n's HTTP Request node alike; only for the
	 * base URL or an Armor service host, never re-sent by n8n to another origin on a redirect.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { keyId, secret } = readApiKey(credentials);
		const { target, headers } = prepareArmorRequest(credentials, requestOptions);
		const { body, serialised } = bodyAsSent(requestOptions as IHttpRequestOptions & IDataObject);
		const contentType = headerValue(headers, 'content-type');
		if (serialised && contentType === undefined) headers['Content-Type'] = 'application/json';
		else if (serialised && !/json/i.test(contentType ?? '')) {
			throw new ArmorCredentialError(
				`An Armor API key signs the exact body of each request, so an object body is sent as JSON, not as "${contentType}". Remove the Content-Type header or send the body as text.`,
			);
		}
		const timestamp = String(Math.floor(Date.now() / 1000));
		headers.Authorization = armorPskAuthorization({
			keyId,
			secret,
			method: String(requestOptions.method ?? 'GET'),
			path: target.pathname,
			timestamp,
			body,
		});
		return { ...requestOptions, body, headers, sendCredentialsOnCrossOriginRedirect: false };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/me',
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						"Armor refused the API key's signature (401). Check the Key ID and Secret, and that this machine's clock is right: a signature carries the time and is only accepted within 5 minutes of Armor's.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"Armor accepted the API key but refused to show its user (403). Check the key's permissions in the Armor Management Portal.",
				},
			},
		],
	};
}
