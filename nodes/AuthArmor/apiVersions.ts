import type { IDataObject } from 'n8n-workflow';

import { RequestRefusedError } from '../shared/requestRules';
import type { ApiRequest } from '../shared/transport';

/**
 * The credential's API Version decides every path: operations write `/{apiVersion}/...` in v4's form, and
 * where v3 differs (registration paths, a registration ID in the body) the v3 form is sent; an operation
 * v3 does not have is refused before any request, saying so.
 */
interface V3Difference {
	/** The v4 path this rule matches (after `{apiVersion}` became `v4`). */
	v4: RegExp;
	/** The v3 path for the match, or null when v3 has no such operation. */
	v3: ((match: RegExpExecArray) => string) | null;
	/** Fields v3 wants in the body that v4 has in the path (e.g. the registration ID). */
	bodyFields?: (match: RegExpExecArray) => IDataObject;
}

const ID = '([^/]+)';

/**
 * Where v3 differs, from Auth Armor's v3 SDKs (autharmor-dotnet-sdk, autharmor-node); every other v4 path is
 * the same under /v3. Validate bodies carry the nonce in both versions.
 */
export const V3_DIFFERENCES: V3Difference[] = [
	// Credentials and registration status came with v4.
	{ v4: new RegExp(`^/v4/users/${ID}/credentials(/.*)?$`), v3: null },
	{ v4: new RegExp(`^/v4/users/registrations/${ID}$`), v3: null },
	// In v3 an authenticator or WebAuthn registration completes without a separate validation.
	{ v4: new RegExp(`^/v4/users/registrations/(authenticator|webauthn)/${ID}/validate$`), v3: null },
	{
		v4: /^\/v4\/users\/registrations\/(authenticator|webauthn|magiclink_email)\/start$/,
		v3: (match) => `/v3/users/${match[1]}/register/start`,
	},
	{
		v4: new RegExp(
			`^/v4/users/${ID}/registrations/(authenticator|webauthn|magiclink_email)/start$`,
		),
		v3: (match) => `/v3/users/${match[1]}/${match[2]}/register/start`,
	},
	{
		v4: new RegExp(`^/v4/users/registrations/webauthn/${ID}/finish$`),
		v3: () => '/v3/users/webauthn/register/finish',
		bodyFields: (match) => ({ registration_id: decodeURIComponent(match[1]) }),
	},
	{
		v4: new RegExp(`^/v4/users/${ID}/registrations/webauthn/${ID}/finish$`),
		v3: (match) => `/v3/users/${match[1]}/webauthn/register/finish`,
		bodyFields: (match) => ({ registration_id: decodeURIComponent(match[2]) }),
	},
	// v3 finds the registration by the validation token in the body.
	{
		v4: new RegExp(`^/v4/users/registrations/magiclink_email/${ID}/validate$`),
		v3: () => '/v3/users/register/magiclink_email/validate',
	},
];

/** The request as the credential's API version has it. */
export function forApiVersion(request: ApiRequest, version: 'v3' | 'v4'): ApiRequest {
	// A path written with a version of its own (API Request: `/v4/users`) is sent as written.
	if (!request.path.startsWith('/{apiVersion}')) {
		return { ...request, path: request.path.replace(/\{apiVersion\}/g, version) };
	}
	const v4Path = request.path.replace(/\{apiVersion\}/g, 'v4');
	if (version === 'v4') return { ...request, path: v4Path };
	for (const rule of V3_DIFFERENCES) {
		const match = rule.v4.exec(v4Path);
		if (!match) continue;
		if (!rule.v3) {
			throw new RequestRefusedError(
				`Auth Armor's v3 API has no ${request.method} ${v4Path.replace(/^\/v4/, '')}: this operation exists only in v4.`,
				'Set the API Version of the Auth Armor credential to v4 (the current API), or choose another operation.',
			);
		}
		let body = request.body;
		if (rule.bodyFields)
			body = { ...((body as IDataObject | undefined) ?? {}), ...rule.bodyFields(match) };
		return { ...request, path: rule.v3(match), body };
	}
	return { ...request, path: v4Path.replace(/^\/v4/, '/v3') };
}
