import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { findOperation, type ResourceDefinition } from './operation';
import { RequestRefusedError } from './requestRules';

/**
 * The execute loop both nodes share: picks the operation, runs it for every item, pairs each output item
 * with its input, and under "Continue On Fail" turns a failure into an `error` item instead of stopping.
 */
export async function routeOperations(
	this: IExecuteFunctions,
	resources: ResourceDefinition[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = findOperation(resources, resource, operation)?.execute;
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported.`,
		);
	}
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await execute.call(this, itemIndex);
			const list = Array.isArray(result) ? result : [result];
			for (const json of list) returnData.push({ json, pairedItem: { item: itemIndex } });
		} catch (caught) {
			const error =
				caught instanceof RequestRefusedError
					? new NodeOperationError(this.getNode(), caught.message, {
							itemIndex,
							description: caught.description,
						})
					: caught;
			if (this.continueOnFail()) {
				const message = (error as Error).message;
				const description = (error as { description?: string }).description;
				returnData.push({
					json: { error: message, ...(description ? { description } : {}) },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			// Both constructors hand back an error that already is one of theirs.
			if (error instanceof NodeApiError) {
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
			}
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
	return [returnData];
}
