import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkWholeNumber } from './requestRules';
import { DEFAULT_RETRY_POLICY, NO_RETRIES } from './retry';
import type { RequestSettings } from './transport';

/** Default "Timeout (Seconds)": generous for a slow API, far below n8n's own 300 s. */
const DEFAULT_TIMEOUT_SECONDS = 60;
/** Default "Parallel Requests" (see bench/RESULTS.md for how it compares with n8n's HTTP Request node). */
export const DEFAULT_PARALLEL_REQUESTS = 50;
const MAX_PARALLEL_REQUESTS = 100;

/** The options every operation offers about how its requests are sent (in its "Options" collection). */
export const requestSettingFields: INodeProperties[] = [
	{
		displayName: 'Parallel Requests',
		name: 'parallelRequests',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
		default: DEFAULT_PARALLEL_REQUESTS,
		description:
			'How many items the node works on at the same time (1 = one after another). Halved automatically while the API answers 429 Too Many Requests. The output keeps the order of the input.',
	},
	{
		displayName: 'Retry Temporary Failures',
		name: 'retryTemporaryFailures',
		type: 'boolean',
		default: true,
		description:
			'Whether to retry a request the API answers with 429, 502, 503 or 504, or that loses its connection: up to 3 more times within a minute, waiting longer each time (as long as the API asks with Retry-After). A request that changes data is retried only when the API did not start on it.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 300 },
		default: DEFAULT_TIMEOUT_SECONDS,
		description: 'How long to wait for each answer before giving up on it',
	},
];

/** The request settings of one item, from its "Options" collection. */
export function readRequestSettings(this: IExecuteFunctions, itemIndex: number): RequestSettings {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeoutSeconds =
		options.timeoutSeconds === undefined
			? DEFAULT_TIMEOUT_SECONDS
			: checkWholeNumber(options.timeoutSeconds, 'Timeout (Seconds)', { min: 1, max: 300 });
	return {
		itemIndex,
		timeoutMs: timeoutSeconds * 1000,
		retry: options.retryTemporaryFailures === false ? NO_RETRIES : DEFAULT_RETRY_POLICY,
	};
}

/** "Parallel Requests" of the node (one setting for all its items). */
export function readParallelRequests(this: IExecuteFunctions): number {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	if (options.parallelRequests === undefined) return DEFAULT_PARALLEL_REQUESTS;
	return checkWholeNumber(options.parallelRequests, 'Parallel Requests', {
		min: 1,
		max: MAX_PARALLEL_REQUESTS,
	});
}
