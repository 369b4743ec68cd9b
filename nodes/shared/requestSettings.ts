import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkWholeNumber } from './requestRules';
import { DEFAULT_RETRY_POLICY, NO_RETRIES } from './retry';
import type { RequestSettings } from './transport';

/** Default "Timeout (Seconds)": generous for a slow API, far below n8n's own 300 s. */
const DEFAULT_TIMEOUT_SECONDS = 60;

/** The options every operation offers about how its requests are sent (in its "Options" collection). */
export const requestSettingFields: INodeProperties[] = [
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
