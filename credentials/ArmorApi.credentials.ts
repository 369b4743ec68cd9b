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

import { armorTokenOwner, renewArmorSession } from './armorSession';
import { assertRequestStaysOnBaseUrl, tokenStateProperties, tokenToPresent } from './tokenState';

/** Armor Defense API, legacy username/password login ("FH-AUTH"). Token logic: ./armorSession.ts. */
export class ArmorApi implements ICredentialType {
	name = 'armorApi';

	displayName = 'Armor API';

	icon: Icon = {
		light: 'file:../nodes/Armor/armor.svg',
		dark: 'file:../nodes/Armor/armor.dark.svg',
	};

	documentationUrl = 'https://docs.armor.com/display/KBSS/Armor+API+Guide';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.armor.com',
			required: true,
			description: 'Address of the Armor API. Must use https (http is allowed only for localhost).',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. name@example.com',
			description:
				'The Armor Management Portal user. For scheduled workflows, use a service account without MFA.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1001',
			description:
				"Default account to act on (sent as X-Account-Context). Leave empty to use the user's default account. Nodes can override it.",
		},
		{
			displayName: 'MFA Timeout (Seconds)',
			name: 'mfaTimeout',
			type: 'number',
			typeOptions: { minValue: 10, maxValue: 900 },
			default: 300,
			description:
				'How long a login may wait for the user to approve an MFA prompt before it gives up',
		},
		...tokenStateProperties,
		{
			displayName: 'Reissue Token',
			name: 'reissueToken',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await renewArmorSession.call(this, credentials);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		assertRequestStaysOnBaseUrl(credentials.baseUrl, requestOptions);
		const headers: IDataObject = { ...(requestOptions.headers ?? {}) };
		headers.Authorization = `FH-AUTH ${tokenToPresent(credentials, armorTokenOwner(credentials))}`;
		// A node's own Account Context wins over the credential's default.
		const hasAccountContext = Object.keys(headers).some(
			(name) => name.toLowerCase() === 'x-account-context',
		);
		const accountId = String(credentials.accountId ?? '').trim();
		if (accountId && !hasAccountContext) headers['X-Account-Context'] = accountId;
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/me',
			headers: { Accept: 'application/json' },
		},
	};
}
