import type { IDataObject } from 'n8n-workflow';

import { RequestRefusedError } from '../shared/requestRules';
import type { ApiRequest } from '../shared/transport';

/**
 * The credential's API Version decides every path: operations write `/{apiVersion}/...` in v4's form, and
 * where v3 differs (registration paths, validate bodies without a nonce) the v3 form is sent; an operation
 * v3 does not have is refused before any request, saying so.
 */
interface V3Difference {
	/** The v4 path this rule matches (after `{apiVersion}` became `v4`). */
	v4: RegExp;
	/** The v3 path for the match, or null when v3 has no such operation. */
	v3: ((match: RegExpExecArray) => string) | null;
	/** The v3 body leaves out the nonce. */
	withoutNonce?: boolean;
}

const ID = '([^/]+)';

export const V3_DIFFERENCES: V3Difference[] = [];

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
		return {
			...request,
			path: rule.v3(match),
			...(rule.withoutNonce ? { body: withoutNonce(request.body) } : {}),
		};
	}
	return { ...request, path: v4Path.replace(/^\/v4/, '/v3') };
}

function withoutNonce(body: ApiRequest['body']): ApiRequest['body'] {
	if (!body || Array.isArray(body)) return body;
	const rest: IDataObject = { ...(body as IDataObject) };
	delete rest.nonce;
	return rest;
}

export { ID as PATH_ID };
