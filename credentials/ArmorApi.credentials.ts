import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { armorAccountIdProperty, armorBaseUrlProperty, prepareArmorRequest } from './armorRequest';
import { serviceHostsProperty } from './armorServices';
import { armorFingerprint, MFA_TIMEOUT_SECONDS, renewArmorSession } from './armorSession';
import { tokenStateProperties, tokenToPresent } from './tokenState';

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
		armorBaseUrlProperty,
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
		armorAccountIdProperty,
		{
			displayName: 'MFA Timeout (Seconds)',
			name: 'mfaTimeout',
			type: 'number',
			typeOptions: { minValue: MFA_TIMEOUT_SECONDS.min, maxValue: MFA_TIMEOUT_SECONDS.max },
			default: MFA_TIMEOUT_SECONDS.default,
			description:
				'How long a login may wait for the user to approve an MFA prompt before it gives up',
		},
		serviceHostsProperty,
		...tokenStateProperties,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await renewArmorSession.call(this, credentials);
	}

	/**
	 * Adds `Authorization: FH-AUTH <token>` and the default account, for our nodes and for n8n's HTTP Request
	 * node alike: only for a request to the base URL or an Armor service host, never re-sent by n8n to another
	 * origin on a redirect.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { headers } = prepareArmorRequest(credentials, requestOptions);
		headers.Authorization = `FH-AUTH ${tokenToPresent(credentials, armorFingerprint(credentials))}`;
		return { ...requestOptions, headers, sendCredentialsOnCrossOriginRedirect: false };
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
					value: 403,
					message:
						"Armor accepted the login but refused to show the user (403). Check the user's API permissions.",
				},
			},
		],
	};
}
