import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeCredentialDescription,
	INodeProperties,
} from 'n8n-workflow';

import { armorApiKeyFingerprint } from '../../credentials/armorApiKey';
import { ARMOR_SERVICES, serviceBaseUrl, type ArmorService } from '../../credentials/armorServices';
import { armorFingerprint, isAccountId } from '../../credentials/armorSession';
import { headerValue } from '../../credentials/baseUrl';
import { RequestRefusedError } from '../shared/requestRules';
import type { ApiDefinition, ApiRequest, RequestContext } from '../shared/transport';

/** The node's Authentication choice; each value names the credential type it uses. */
export const AUTHENTICATION = {
	legacyLogin: 'armorApi',
	apiKey: 'armorApiKeyApi',
} as const;

export type ArmorAuthentication = keyof typeof AUTHENTICATION;

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Username and Password (Legacy Login)',
			value: 'legacyLogin',
			description: 'Logs in as a portal user; an MFA user approves each login on the phone',
		},
		{
			name: 'API Key',
			value: 'apiKey',
			description: 'Signs each request with an API key: no login, no MFA. Best for schedules.',
		},
	],
	default: 'legacyLogin',
};

/** The two credentials of the Armor node and trigger, each shown for its Authentication choice. */
export const armorCredentials: INodeCredentialDescription[] = [
	{
		name: AUTHENTICATION.legacyLogin,
		required: true,
		displayOptions: { show: { authentication: ['legacyLogin'] } },
	},
	{
		name: AUTHENTICATION.apiKey,
		required: true,
		displayOptions: { show: { authentication: ['apiKey'] } },
	},
];

/** An account ID as the X-Account-Context header needs it, or a refusal that says where to find one. */
function checkAccountContext(value: string, source: string): void {
	if (!isAccountId(value)) {
		throw new RequestRefusedError(
			`${source} must be an account ID (a whole number such as 1001), not "${value}".`,
			'Get Me lists the accounts this user can act on, with their IDs.',
		);
	}
}

function armorDefinition(
	credentialType: string,
	settingsFingerprint: (credentials: ICredentialDataDecryptedObject) => string,
	statusAdvice: Partial<Record<number, string>> = {},
): ApiDefinition {
	return {
		credentialType,
		service: 'Armor',
		settingsFingerprint,
		statusAdvice,
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
		serviceBaseUrl(service, credentials) {
			if (!Object.hasOwn(ARMOR_SERVICES, service)) {
				throw new RequestRefusedError(`Armor has no service "${service}".`);
			}
			return serviceBaseUrl(credentials, service as ArmorService);
		},
	};
}

/** Armor Defense API with the legacy FH-AUTH login. */
export const armorLoginApi = armorDefinition(AUTHENTICATION.legacyLogin, armorFingerprint);

/** Armor Defense API with an API key (ARMOR-PSK signatures). */
export const armorKeyApi = armorDefinition(AUTHENTICATION.apiKey, armorApiKeyFingerprint, {
	401: "Armor refused the API key's signature. Check the Key ID and Secret in the credential, and this machine's clock: a signature carries the time, and Armor accepts it only within 5 minutes of its own.",
	403: "The API key may not do this. Armor refuses some endpoints to API keys (managing API keys, for one): use the Username and Password authentication for those, or check the key owner's permissions.",
});

/** The Armor API definition for the node's Authentication choice, in any context. */
export function armorApi(context: RequestContext): ApiDefinition {
	const read = context.getNodeParameter as (name: string, ...rest: unknown[]) => unknown;
	const authentication =
		'getInputData' in context
			? read.call(context, 'authentication', 0, 'legacyLogin')
			: read.call(context, 'authentication', 'legacyLogin');
	return authentication === 'apiKey' ? armorKeyApi : armorLoginApi;
}
