import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import {
	describeHttpFailure,
	isArmorCredentialError,
	networkFailureMessage,
	vendorMessage,
} from '../../credentials/tokenState';
import { UnsafePathError } from './paths';

/** Plain-words advice per status, used when the vendor's own text is missing or unhelpful. */
const STATUS_ADVICE: Record<number, string> = {
	400: "The request was not accepted. Check the node's parameters.",
	401: 'The credential was not accepted, even after a fresh login. Check it and press "Test" on the credential.',
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
 * the original error (which holds the request, and so the token) is never passed on.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	service: string,
	itemIndex: number,
): Error {
	if (error instanceof NodeOperationError) return error;
	if (error instanceof UnsafePathError) {
		return new NodeOperationError(node, error.message, { itemIndex });
	}
	const credentialError = [error, (error as { cause?: unknown })?.cause].find(
		isArmorCredentialError,
	);
	if (credentialError) {
		return new NodeApiError(node, { message: credentialError.message } as JsonObject, {
			message: credentialError.message,
			description: `The "${service}" credential could not get a token. Fix the credential, then run the node again.`,
			itemIndex,
		});
	}
	const failure = describeHttpFailure(error);
	if (failure.status) {
		const said = vendorMessage(failure.body);
		const advice =
			STATUS_ADVICE[failure.status] ??
			(failure.status >= 500 ? STATUS_ADVICE[500] : STATUS_ADVICE[400]);
		return new NodeApiError(
			node,
			{ message: said ?? advice, httpCode: String(failure.status) } as JsonObject,
			{
				message: `${service} answered ${failure.status}: ${said ?? advice}`,
				description: said ? advice : undefined,
				httpCode: String(failure.status),
				itemIndex,
			},
		);
	}
	const network = networkFailureMessage(failure, service, "the credential's base URL");
	const message = network ?? `The request to ${service} failed: ${failure.message}`;
	return new NodeApiError(node, { message } as JsonObject, { message, itemIndex });
}
