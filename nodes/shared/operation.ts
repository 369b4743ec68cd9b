import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

/**
 * The contract every operation follows (in the style of n8n's Airtable v2 and Microsoft Outlook v2 nodes): an
 * `actions/<resource>/<operation>.operation.ts` exports one `OperationDefinition`, its resource's `index.ts`
 * lists it under its value, and the node's description and router are built from those lists. An operation's
 * value is written once (the key in its resource's list): the selector, the display rules of its fields and
 * the router all derive from it, so a misspelt name or a missing `execute` cannot build.
 */
export interface OperationDefinition {
	/** As the Operation list shows it, e.g. "Get Many". */
	name: string;
	description: string;
	/** Sentence case, for the node panel and AI agents, e.g. "Get many users". */
	action: string;
	/** The operation's fields, without the resource/operation display rule (added by `nodeProperties`). */
	properties: INodeProperties[];
	/** What the operation does for one input item (results for another output: `toOutput`). */
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<IDataObject | IDataObject[] | RoutedResult>;
	/**
	 * How many outputs the node has while this operation is chosen (default 1), as the node's `outputs`
	 * expression also says; results go to the first unless the operation routes them with `toOutput`.
	 */
	outputCount?(this: IExecuteFunctions): number;
}

/** An item's results sent to another output than the first (e.g. "Not Approved"). */
export interface RoutedResult {
	output: number;
	json: IDataObject | IDataObject[];
}

const ROUTED = Symbol('routed result');

/** Sends an item's results to output `output` (0 = the first). */
export function toOutput(output: number, json: IDataObject | IDataObject[]): RoutedResult {
	return Object.assign({ output, json }, { [ROUTED]: true });
}

export function isRoutedResult(value: unknown): value is RoutedResult {
	return typeof value === 'object' && value !== null && ROUTED in value;
}

export interface ResourceDefinition<Operation extends string = string> {
	/** The resource's value, e.g. "user". */
	value: string;
	/** As the Resource list shows it, e.g. "User". */
	name: string;
	operations: Record<Operation, OperationDefinition>;
	/** The operation selected when the resource is picked. */
	default: NoInfer<Operation>;
}

/** Types a resource's operation list (its keys are the operations' values). */
export function defineResource<Operation extends string>(
	resource: ResourceDefinition<Operation>,
): ResourceDefinition<Operation> {
	return resource;
}

/** The node's Resource selector, each resource's Operation selector, and every operation's fields. */
export function nodeProperties(resources: ResourceDefinition[]): INodeProperties[] {
	const firstResource = resources[0].value;
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value }) => ({ name, value })),
			default: firstResource,
		},
		...resources.flatMap((resource) => [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options' as const,
				noDataExpression: true,
				displayOptions: { show: { resource: [resource.value] } },
				options: Object.entries<OperationDefinition>(resource.operations).map(
					([value, { name, description, action }]) => ({ name, value, description, action }),
				),
				default: resource.default,
			},
			...Object.entries<OperationDefinition>(resource.operations).flatMap(([value, operation]) =>
				updateDisplayOptions(
					{ show: { resource: [resource.value], operation: [value] } },
					operation.properties,
				),
			),
		]),
	];
}

/** The operation a node runs, by the values of its Resource and Operation parameters. */
export function findOperation(
	resources: ResourceDefinition[],
	resource: string,
	operation: string,
): OperationDefinition | undefined {
	const found = resources.find(({ value }) => value === resource);
	return found ? (found.operations as Record<string, OperationDefinition>)[operation] : undefined;
}
