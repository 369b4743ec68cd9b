import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { credentialBaseUrl } from '../../credentials/baseUrl';
import { describeHttpFailure, isRedirect, redirectTarget } from '../../credentials/httpFailure';
import { credentialSecrets, redactDeep, redactHeaders } from '../../credentials/redaction';
import { rememberedSecrets } from '../../credentials/sessionMemory';
import { isRenewalDue, readTokenState } from '../../credentials/tokenState';
import { apiError, toNodeError } from './errors';
import { buildApiUrl } from './paths';

/** What the transport needs to know about one vendor API. Each node folder defines one. */
export interface ApiDefinition {
	credentialType: string;
	/** The vendor's name as users know it, for messages. */
	service: string;
	/** Fingerprint of the settings a stored token belongs to (from the credential's token module). */
	settingsFingerprint(credentials: ICredentialDataDecryptedObject): string;
	/** Headers a node adds to every request of this API for an item (e.g. Armor's account context). */
	requestHeaders?(context: RequestContext, itemIndex: number): IDataObject;
	/** Refuses (RequestRefusedError) header values this API would misread, e.g. Armor's X-Account-Context. */
	checkHeaders?(headers: IDataObject): void;
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
	/** Accept an answer that is not JSON (the generic API Request); typed operations refuse one. */
	allowNonJson?: boolean;
}

export type RequestContext = IExecuteFunctions;

export type ApiResponse = IDataObject | IDataObject[] | IN8nHttpFullResponse | string | undefined;

/** Same-origin redirects (e.g. a trailing slash) followed per request, at most. */
const MAX_REDIRECTS = 5;

/**
 * Every request of both nodes goes through here: the URL is built (and guarded) from the credential's base
 * URL, per-API headers are added, n8n authenticates it with the credential, redirects are followed only
 * within the base URL, and failures become readable errors with every secret masked. The token's lifecycle
 * is the credential's (see credentials/*); this only asks n8n to renew it when it is due, since n8n itself
 * would wait for a 401.
 */
export async function apiRequest(
	this: RequestContext,
	api: ApiDefinition,
	request: ApiRequest,
	itemIndex = 0,
): Promise<ApiResponse> {
	const node = this.getNode();
	let secrets: string[] = [];
	try {
		const credentials = await this.getCredentials(api.credentialType, itemIndex);
		const baseUrl = credentialBaseUrl(credentials.baseUrl);
		const fingerprint = api.settingsFingerprint(credentials);
		const passed = credentialOptions(this, api, credentials, fingerprint);
		secrets = credentialSecrets(credentials);
		const headers = {
			Accept: 'application/json',
			...(api.requestHeaders?.(this, itemIndex) ?? {}),
			...(request.headers ?? {}),
		};
		api.checkHeaders?.(headers);
		let options: IHttpRequestOptions = {
			method: request.method,
			url: buildApiUrl(
				baseUrl,
				api.resolvePath ? api.resolvePath(request.path, credentials) : request.path,
			),
			qs: request.qs,
			body: request.body,
			headers,
			json: true,
			returnFullResponse: request.returnFullResponse,
			// Redirects are followed below, and only within the base URL: n8n would re-send the token anywhere.
			disableFollowRedirect: true,
		};
		for (let redirects = 0; ; redirects++) {
			try {
				const response = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					api.credentialType,
					options,
					passed,
				)) as ApiResponse;
				secrets = allSecrets(credentials, passed, fingerprint);
				return checkedResponse(this, api, request, response, secrets, itemIndex);
			} catch (error) {
				secrets = allSecrets(credentials, passed, fingerprint);
				const failure = describeHttpFailure(error, secrets);
				if (!isRedirect(failure)) throw toNodeError(node, error, api.service, itemIndex, secrets);
				const next = redirectedRequest(options, failure, baseUrl, api.service, redirects);
				if (typeof next === 'string') {
					throw apiError(node, next, { httpCode: String(failure.status), itemIndex });
				}
				options = next;
			}
		}
	} catch (error) {
		throw toNodeError(node, error, api.service, itemIndex, secrets);
	}
}

/** The request a redirect asks for, when it stays under the base URL; otherwise a refusal naming where it pointed. */
function redirectedRequest(
	options: IHttpRequestOptions,
	failure: ReturnType<typeof describeHttpFailure>,
	baseUrl: string,
	service: string,
	redirects: number,
): IHttpRequestOptions | string {
	const from = options.url;
	const location = failure.headers?.location;
	let target: URL | undefined;
	try {
		target = typeof location === 'string' && location ? new URL(location, from) : undefined;
	} catch {
		target = undefined;
	}
	const base = new URL(baseUrl);
	const basePath = base.pathname === '/' ? '' : base.pathname;
	const inside =
		target !== undefined &&
		target.origin === base.origin &&
		(basePath === '' || target.pathname === basePath || target.pathname.startsWith(`${basePath}/`));
	if (!inside) {
		return `${service} redirected the request (${failure.status}) to ${redirectTarget(failure, from)}, outside the credential's base URL ${baseUrl}. The redirect was not followed, so the token was not sent there. Check the Base URL in the credential.`;
	}
	if (redirects >= MAX_REDIRECTS) {
		return `${service} redirected the request more than ${MAX_REDIRECTS} times. Check the path and the Base URL in the credential.`;
	}
	// 303, and 301/302 after a POST, turn into a GET without a body (as browsers and n8n do).
	const method = String(options.method ?? 'GET').toUpperCase();
	const toGet =
		(failure.status === 303 && method !== 'GET' && method !== 'HEAD') ||
		((failure.status === 301 || failure.status === 302) && method === 'POST');
	return {
		...options,
		url: target!.href,
		qs: undefined,
		...(toGet ? { method: 'GET', body: undefined } : {}),
	};
}

/** The answer, checked: a typed operation needs JSON; a full response has its credential headers masked. */
function checkedResponse(
	context: RequestContext,
	api: ApiDefinition,
	request: ApiRequest,
	response: ApiResponse,
	secrets: string[],
	itemIndex: number,
): ApiResponse {
	if (request.returnFullResponse) {
		const full = response as IN8nHttpFullResponse;
		return {
			...full,
			headers: redactHeaders(full.headers as Record<string, unknown>, secrets),
			body: redactDeep(full.body, secrets),
		} as IN8nHttpFullResponse;
	}
	if (request.allowNonJson) return redactDeep(response, secrets);
	if (response !== null && typeof response === 'object' && !Buffer.isBuffer(response)) {
		return response;
	}
	const kind =
		response === undefined || response === '' ? 'an empty answer' : 'an answer that is not JSON';
	throw apiError(
		context.getNode(),
		`${api.service} sent ${kind} to ${request.method} ${request.path}. Check the Base URL in the credential: it must be the API's own address, not a web page or a proxy's.`,
		{ itemIndex },
	);
}

/** Every secret this request's credential holds, including a token renewed during the request. */
function allSecrets(
	credentials: ICredentialDataDecryptedObject,
	passed: IAdditionalCredentialOptions | undefined,
	fingerprint: string,
): string[] {
	return [
		...credentialSecrets(credentials, passed?.credentialsDecrypted?.data),
		...rememberedSecrets(fingerprint),
	];
}

/**
 * Hands n8n the credential this request already read (with this item's expressions resolved), so n8n does
 * not read and decrypt it a second time. n8n runs a credential's preAuthentication only for an empty token
 * (or after a 401): when the stored token is due for renewal, the token is blanked, so the credential
 * renews it before it expires instead of failing a request and logging in again.
 */
function credentialOptions(
	context: RequestContext,
	api: ApiDefinition,
	credentials: ICredentialDataDecryptedObject,
	fingerprint: string,
): IAdditionalCredentialOptions | undefined {
	const reference = context.getNode().credentials?.[api.credentialType];
	if (!reference?.id) return undefined;
	const due = isRenewalDue(readTokenState(credentials), fingerprint, Date.now());
	return {
		credentialsDecrypted: {
			id: reference.id,
			name: reference.name,
			type: api.credentialType,
			data: due ? { ...credentials, accessToken: '' } : { ...credentials },
		},
	};
}
