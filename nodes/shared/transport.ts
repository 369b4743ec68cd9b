import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { credentialBaseUrl, isUnderBaseUrl } from '../../credentials/baseUrl';
import { describeHttpFailure, isRedirect, redirectTarget } from '../../credentials/httpFailure';
import { credentialSecrets, redactDeep, redactHeaders } from '../../credentials/redaction';
import { rememberedSecrets } from '../../credentials/sessionMemory';
import { isRenewalDue, readTokenState } from '../../credentials/tokenState';
import { gateFor } from './concurrency';
import { keepRenewedCredentials, readCredentials, readCredentialsAgain } from './credentialReads';
import { apiError, isOwnError, toNodeError } from './errors';
import { buildApiUrl } from './paths';
import { DEFAULT_RETRY_POLICY, nextRetryDelayMs, type RetryPolicy } from './retry';

/** What the transport needs to know about one vendor API. Each node folder defines one. */
export interface ApiDefinition {
	credentialType: string;
	/** The vendor's name as users know it, for messages. */
	service: string;
	/** Fingerprint of the settings a stored token belongs to (from the credential's token module). */
	settingsFingerprint(credentials: ICredentialDataDecryptedObject): string;
	/** Headers this API adds to a request (e.g. Armor's account context, from `request.accountContext`). */
	requestHeaders?(request: ApiRequest): IDataObject;
	/** Refuses (RequestRefusedError) header values this API would misread, e.g. Armor's X-Account-Context. */
	checkHeaders?(headers: IDataObject): void;
	/**
	 * What the credential's settings change in a request, e.g. Auth Armor's `{apiVersion}` and its v3 paths and
	 * bodies. May refuse (RequestRefusedError) a request the configured version does not have.
	 */
	adaptRequest?(request: ApiRequest, credentials: ICredentialDataDecryptedObject): ApiRequest;
	/** Advice per HTTP status where this API's credential needs its own (e.g. an API key's clock). */
	statusAdvice?: Partial<Record<number, string>>;
	/** The base URL of one of the API's other hosts (`request.service`), e.g. Armor's v2 MDR service. */
	serviceBaseUrl?(service: string, credentials: ICredentialDataDecryptedObject): string;
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
	/** Armor: the account to act on (X-Account-Context); overrides the credential's Account ID. */
	accountContext?: string;
	/** Another host of the API (see `ApiDefinition.serviceBaseUrl`); default: the credential's base URL. */
	service?: string;
}

/** How one request is sent: which item it serves, how long it may take, how it is retried. */
export interface RequestSettings {
	/** The input item (execute context): a credential with expressions resolves per item. */
	itemIndex?: number;
	/** How long to wait for each answer (default: n8n's own, 300 s). */
	timeoutMs?: number;
	retry?: RetryPolicy;
	/**
	 * The credential as one item read it, kept for that item's next requests (the pages of a list): the same
	 * item resolves the credential's expressions the same way, so it is read from n8n once, not per page.
	 */
	reuse?: { credentials?: ICredentialDataDecryptedObject };
}

/** Nodes, polling triggers and list searches all send their requests through here. */
export type RequestContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export type ApiResponse = IDataObject | IDataObject[] | IN8nHttpFullResponse | string | undefined;

/** Same-origin redirects (e.g. a trailing slash) followed per request, at most. */
const MAX_REDIRECTS = 5;

/**
 * Every request goes through here: the URL is built (and guarded) from the credential's base URL, per-API
 * headers are added, n8n authenticates it with the credential, redirects are followed only within the base
 * URL, a busy or briefly absent API is retried (retry.ts), and failures become readable errors with every
 * secret masked. The token's lifecycle is the credential's (see credentials/*); this only asks n8n to renew it
 * when it is due, since n8n itself would wait for a 401.
 */
export async function apiRequest(
	this: RequestContext,
	api: ApiDefinition,
	asked: ApiRequest,
	settings: RequestSettings = {},
): Promise<ApiResponse> {
	const node = this.getNode();
	const itemIndex = settings.itemIndex ?? 0;
	const retry = settings.retry ?? DEFAULT_RETRY_POLICY;
	let secrets: string[] = [];
	let attempt = 1;
	try {
		const credentials =
			settings.reuse?.credentials ??
			(await readCredentials(this, api.credentialType, settings.itemIndex));
		const fingerprint = api.settingsFingerprint(credentials);
		secrets = credentialSecrets(credentials);
		const request = api.adaptRequest ? api.adaptRequest(asked, credentials) : asked;
		const headers = {
			Accept: 'application/json',
			...(api.requestHeaders?.(request) ?? {}),
			...(request.headers ?? {}),
		};
		api.checkHeaders?.(headers);
		const baseUrl = requestBaseUrl(api, request, credentials);
		const options: IHttpRequestOptions = {
			method: request.method,
			url: buildApiUrl(baseUrl, request.path),
			qs: request.qs,
			body: request.body,
			headers,
			json: true,
			returnFullResponse: request.returnFullResponse,
			// Redirects are followed by `send`, and only within the base URL: n8n would re-send the token anywhere.
			disableFollowRedirect: true,
			...(settings.timeoutMs ? { timeout: settings.timeoutMs } : {}),
		};
		for (let waitedMs = 0; ; attempt++) {
			const passed = credentialOptions(this, api, credentials, fingerprint);
			const outcome = await send(this, api, options, passed, baseUrl, itemIndex);
			secrets = allSecrets(credentials, passed, fingerprint);
			reportPace(this, outcome);
			// A renewal during the request updated the data n8n was handed: the next page uses that token.
			const latest = passed?.credentialsDecrypted?.data;
			if (latest?.accessToken && latest.accessToken !== credentials.accessToken)
				keepRenewedCredentials(this, api.credentialType, latest);
			if (settings.reuse)
				settings.reuse.credentials = latest?.accessToken ? { ...latest } : credentials;
			if (!outcome.failed)
				return checkedResponse(this, api, request, outcome.response, secrets, itemIndex);
			const delay = isOwnError(outcome.error)
				? undefined
				: nextRetryDelayMs(
						describeHttpFailure(outcome.error),
						request.method,
						attempt,
						waitedMs,
						retry,
					);
			if (delay === undefined) {
				throw finalError(node, outcome.error, api, itemIndex, secrets, attempt);
			}
			await sleep(delay);
			waitedMs += delay;
			// The credential may have been renewed meanwhile: read it again for the next attempt.
			Object.assign(
				credentials,
				await readCredentialsAgain(this, api.credentialType, settings.itemIndex),
			);
		}
	} catch (error) {
		throw finalError(node, error, api, itemIndex, secrets, attempt);
	}
}

/** Where the request goes: the credential's base URL, or the API's other host the request names. */
function requestBaseUrl(
	api: ApiDefinition,
	request: ApiRequest,
	credentials: ICredentialDataDecryptedObject,
): string {
	if (!request.service) return credentialBaseUrl(credentials.baseUrl);
	if (!api.serviceBaseUrl) {
		throw new Error(`${api.service} has no service "${request.service}"`);
	}
	return api.serviceBaseUrl(request.service, credentials);
}

/** Tells the node's gate (concurrency.ts) whether the API is pushing back with 429. */
function reportPace(context: RequestContext, outcome: Outcome): void {
	const gate = gateFor(context);
	if (!gate) return;
	if (outcome.failed && describeHttpFailure(outcome.error).status === 429) gate.throttled();
	else gate.answered();
}

/** The error the user sees: in words, secrets masked, and how many attempts were made. */
function finalError(
	node: INode,
	error: unknown,
	api: ApiDefinition,
	itemIndex: number,
	secrets: string[],
	attempts: number,
): Error {
	const nodeError = toNodeError(node, error, api.service, itemIndex, secrets, api.statusAdvice);
	if (attempts > 1 && !nodeError.message.includes(' attempts)')) {
		nodeError.message = `${nodeError.message} (after ${attempts} attempts)`;
	}
	return nodeError;
}

type Outcome = { failed: false; response: ApiResponse } | { failed: true; error: unknown };

/** One attempt: the request, and the redirects within the base URL it leads to. */
async function send(
	context: RequestContext,
	api: ApiDefinition,
	initial: IHttpRequestOptions,
	passed: IAdditionalCredentialOptions | undefined,
	baseUrl: string,
	itemIndex: number,
): Promise<Outcome> {
	let options = initial;
	for (let redirects = 0; ; redirects++) {
		const outcome: Outcome = await context.helpers.httpRequestWithAuthentication
			.call(context, api.credentialType, options, passed)
			.then(
				(response) => ({ failed: false as const, response: response as ApiResponse }),
				(error: unknown) => ({ failed: true as const, error }),
			);
		if (!outcome.failed) return outcome;
		const failure = describeHttpFailure(outcome.error);
		if (!isRedirect(failure)) return outcome;
		const next = redirectedRequest(options, failure, baseUrl, api.service, redirects);
		if (typeof next === 'string') {
			const error = apiError(context.getNode(), next, {
				httpCode: String(failure.status),
				itemIndex,
			});
			return { failed: true, error };
		}
		options = next;
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
	if (!target || !isUnderBaseUrl(target, new URL(baseUrl))) {
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
