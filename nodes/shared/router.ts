import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { openGate } from './concurrency';
import { findOperation, isRoutedResult, type ResourceDefinition } from './operation';
import { RequestRefusedError } from './requestRules';
import { readParallelRequests } from './requestSettings';

/**
 * The execute loop both nodes share: picks the operation and runs it for every item, up to "Parallel
 * Requests" items at a time (fewer while the API answers 429), pairs each output item with its input in input
 * order, and under "Continue On Fail" turns a failure into an `error` item instead of stopping. Without it,
 * the first failing item (in input order) fails the node, and no item after a failure is started.
 */
export async function routeOperations(
	this: IExecuteFunctions,
	resources: ResourceDefinition[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const definition = findOperation(resources, resource, operation);
	const execute = definition?.execute;
	if (!definition || !execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported.`,
		);
	}
	const continueOnFail = this.continueOnFail();
	const gate = openGate(this, readParallelRequests.call(this));
	const outputCount = definition.outputCount?.call(this) ?? 1;
	const results: Array<INodeExecutionData[] | undefined> = new Array(items.length);
	const outputOf: number[] = new Array(items.length).fill(0);
	const failures = new Map<number, Error>();
	let nextItem = 0;

	const runItem = async (itemIndex: number) => {
		try {
			let result = await execute.call(this, itemIndex);
			if (isRoutedResult(result)) {
				outputOf[itemIndex] = Math.min(result.output, outputCount - 1);
				result = result.json;
			}
			results[itemIndex] = (Array.isArray(result) ? result : [result]).map((json: IDataObject) => ({
				json,
				pairedItem: { item: itemIndex },
			}));
		} catch (caught) {
			const error = asNodeError(this, caught, itemIndex);
			if (!continueOnFail) {
				failures.set(itemIndex, error);
				return;
			}
			const description = (error as { description?: string }).description;
			results[itemIndex] = [
				{
					json: { error: error.message, ...(description ? { description } : {}) },
					pairedItem: { item: itemIndex },
				},
			];
		}
	};

	const worker = async () => {
		while (nextItem < items.length && failures.size === 0) {
			await gate.acquire();
			const itemIndex = nextItem++;
			try {
				if (itemIndex < items.length && failures.size === 0) await runItem(itemIndex);
			} finally {
				gate.release();
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(gate.max, items.length) }, worker));

	if (failures.size) {
		const [, first] = [...failures.entries()].sort(([a], [b]) => a - b)[0];
		throw first;
	}
	return Array.from({ length: outputCount }, (_, output) =>
		results.flatMap((entries, itemIndex) =>
			outputOf[itemIndex] === output ? (entries ?? []) : [],
		),
	);
}

/** The error of one item, as n8n shows it: a NodeApiError or NodeOperationError carrying the item's index. */
function asNodeError(context: IExecuteFunctions, caught: unknown, itemIndex: number): Error {
	if (caught instanceof RequestRefusedError) {
		return new NodeOperationError(context.getNode(), caught.message, {
			itemIndex,
			description: caught.description,
		});
	}
	// Both constructors hand back an error that already is one of theirs.
	if (caught instanceof NodeApiError) {
		return new NodeApiError(context.getNode(), caught as unknown as JsonObject, { itemIndex });
	}
	return new NodeOperationError(context.getNode(), caught as Error, { itemIndex });
}
