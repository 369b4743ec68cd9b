import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import {
	describeHttpFailure,
	isArmorCredentialError,
	networkFailureMessage,
	vendorMessage,
} from '../../credentials/httpFailure';
import { redactText } from '../../credentials/redaction';
import { RequestRefusedError } from './requestRules';

/** Plain-words advice per status, used when the vendor's own text is missing or unhelpful. */
const STATUS_ADVICE: Record<number, string> = {
	400: "The request was not accepted. Check the node's parameters.",
	401: 'The credential was not accepted for this request. Press "Test" on the credential; if it passes, the user may not be allowed to use this endpoint.',
	403: "The credential is not allowed to do this. Check the user's permissions or the account context.",
	404: 'Nothing was found at that address. Check the ID or the path.',
	409: 'The request conflicts with existing data.',
	429: "Too many requests. Wait a moment, or space the workflow's runs out.",
	500: 'The service had an internal error. Try again later.',
	502: 'The service is unreachable behind its gateway. Try again later.',
	503: 'The service is unavailable. Try again later.',
	504: 'The service timed out. Try again later.',
};

/**
 * Turns whatever a request threw into an error that reads like a sentence and carries nothing secret:
 * the original error (which holds the request, and so the token) is never passed on, and every text taken
 * from the answer is masked with the credential's `secrets`.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	service: string,
	itemIndex: number,
	secrets: string[] = [],
	statusAdvice: Partial<Record<number, string>> = {},
): Error {
	if (error instanceof NodeOperationError || ownErrors.has(error as Error)) return error as Error;
	if (error instanceof RequestRefusedError) {
		const refusal = new NodeOperationError(node, error.message, {
			itemIndex,
			description: error.description,
		});
		ownErrors.add(refusal);
		return refusal;
	}
	const credentialError = [error, (error as { cause?: unknown })?.cause].find(
		isArmorCredentialError,
	);
	if (credentialError) {
		return apiError(node, redactText(credentialError.message, secrets), {
			description: `The "${service}" credential could not get a token, or refused to send it. Fix what the message says, then run the node again.`,
			itemIndex,
		});
	}
	const failure = describeHttpFailure(error, secrets);
	if (failure.status) {
		const said = vendorMessage(failure.body, { secrets });
		const advice =
			statusAdvice[failure.status] ??
			STATUS_ADVICE[failure.status] ??
			(failure.status >= 500 ? STATUS_ADVICE[500] : STATUS_ADVICE[400]);
		return apiError(node, `${service} answered ${failure.status}: ${said ?? advice}`, {
			description: said ? advice : undefined,
			httpCode: String(failure.status),
			itemIndex,
		});
	}
	const network = networkFailureMessage(failure, service, "the credential's base URL");
	return apiError(node, network ?? `The request to ${service} failed: ${failure.message}`, {
		itemIndex,
	});
}

/** Errors built here from safe text: passed on as they are. */
const ownErrors = new WeakSet<Error>();

/** An error this package built (a refusal, a redirect report): final, never retried. */
export function isOwnError(error: unknown): boolean {
	return (
		error instanceof RequestRefusedError ||
		error instanceof NodeOperationError ||
		(typeof error === 'object' && error !== null && ownErrors.has(error as Error))
	);
}

/** A NodeApiError whose every field is the given (already safe) text. */
export function apiError(
	node: INode,
	message: string,
	options: { description?: string; httpCode?: string; itemIndex?: number },
): NodeApiError {
	const error = new NodeApiError(
		node,
		{ message, ...(options.httpCode ? { httpCode: options.httpCode } : {}) } as JsonObject,
		{ message, ...options },
	);
	ownErrors.add(error);
	return error;
}
