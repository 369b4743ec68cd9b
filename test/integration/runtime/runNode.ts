/**
 * Running one of our nodes inside n8n-core's REAL `ExecuteContext`, with the few `additionalData` fields
 * it reads (see `buildAdditionalData`).
 *
 * Difference from n8n, on purpose: nodes run one at a time by calling `execute` the way
 * `WorkflowExecute.executeNode` does; no workflow graph, no `WorkflowExecute` (it would need execution
 * hooks and the CLI's persistence).
 */
import { ExecuteContext, ExternalSecretsProxy, LoadOptionsContext, PollContext } from 'n8n-core';
import { UnexpectedError, Workflow, createEmptyRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialsHelper,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	ITaskDataConnections,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { InMemoryCredentialsHelper } from './credentialsHelper';
import { ensureN8nEnvironment } from './environment';
import {
	ARMOR_NODE_TYPE,
	ARMOR_TRIGGER_NODE_TYPE,
	AUTHARMOR_NODE_TYPE,
	AUTHARMOR_TRIGGER_NODE_TYPE,
	NODE_CREDENTIAL,
	createNodeTypes,
	type OurNodeType,
} from './types';

/**
 * The `IWorkflowExecuteAdditionalData` an execution gets from n8n's `WorkflowExecuteAdditionalData.getBase`,
 * reduced to what the code paths used here read:
 *  - `credentialsHelper`: read by `getCredentials` and by `httpRequestWithAuthentication`.
 *  - the `*BaseUrl`s, `variables`, `executionId`: read by `getAdditionalKeys` whenever a parameter is
 *    resolved (they build `$execution.resumeUrl` and `$vars`).
 *  - `externalSecretsProxy`: read (lazily) by `getAdditionalKeys(..., { isCredential: true })` for `$secrets`.
 *  - `currentNodeParameters`: set only by the credential tester, as in n8n (`_getCredentials` reads it).
 *  - `currentNodeExecutionIndex`, `restApiUrl`, `instanceBaseUrl`: plain values n8n always sets.
 * Sub-workflows, task runners, AI events and run data lookups are not reachable from these nodes; they
 * throw if ever called so a surprise shows up as a failure, not a silent pass.
 */
export function buildAdditionalData(
	credentialsHelper: ICredentialsHelper,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	const base = 'http://localhost:5678/';
	const unreachable = (what: string) => () => {
		throw new UnexpectedError(`${what} is not available in the integration-test runtime`);
	};
	return {
		credentialsHelper,
		currentNodeExecutionIndex: 0,
		executionId: 'integration-test',
		restApiUrl: `${base}rest`,
		instanceBaseUrl: base,
		formWaitingBaseUrl: `${base}form-waiting`,
		formBaseUrl: `${base}form`,
		formTestBaseUrl: `${base}form-test`,
		webhookBaseUrl: `${base}webhook`,
		webhookWaitingBaseUrl: `${base}webhook-waiting`,
		webhookTestBaseUrl: `${base}webhook-test`,
		mcpBaseUrl: `${base}mcp`,
		mcpTestBaseUrl: `${base}mcp-test`,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: unreachable('executeWorkflow'),
		getRunExecutionData: unreachable('getRunExecutionData'),
		getRuntimeCredential: unreachable('getRuntimeCredential'),
		startRunnerTask: unreachable('startRunnerTask'),
		logAiEvent: () => undefined,
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunNodeOptions {
	helper: InMemoryCredentialsHelper;
	type: OurNodeType;
	parameters: INodeParameters;
	/** The stored credential the node uses (from `helper.addCredential`). */
	credential: INodeCredentialsDetails;
	/** Input items' `json`; default one empty item. */
	items?: IDataObject[];
	/** n8n's node setting "On Error: Continue" (`onError: 'continueRegularOutput'`). */
	continueOnFail?: boolean;
	/** Default 'manual' (the editor's "Execute workflow"); 'trigger' is a production run. */
	mode?: WorkflowExecuteMode;
	nodeName?: string;
	/** The execution's cancel signal (n8n aborts it when an execution is stopped). */
	abortSignal?: AbortSignal;
}

export interface NodeRun {
	/** `execute`'s return value: outputs -> items. */
	output: INodeExecutionData[][];
	/** The node as the context saw it (parameters with defaults filled in by `Workflow`). */
	node: INode;
}

/**
 * Runs one node of our package once, as `WorkflowExecute.executeNode` does: a `Workflow` (which fills
 * in parameter defaults), a fresh `ExecuteContext` with the input items, then `execute.call(context)`.
 * Errors are thrown as the node throws them.
 */
const NODE_NAMES: Record<OurNodeType, string> = {
	[ARMOR_NODE_TYPE]: 'Armor',
	[AUTHARMOR_NODE_TYPE]: 'Auth Armor',
	[ARMOR_TRIGGER_NODE_TYPE]: 'Armor Trigger',
	[AUTHARMOR_TRIGGER_NODE_TYPE]: 'Auth Armor Trigger',
};

/** The node under test in a one-node workflow, as the editor would save it. */
function buildWorkflow(
	helper: InMemoryCredentialsHelper,
	type: OurNodeType,
	parameters: INodeParameters,
	credential: INodeCredentialsDetails,
	options: { nodeName?: string; continueOnFail?: boolean; staticData?: IDataObject } = {},
): { workflow: Workflow; workflowNode: INode } {
	const nodeTypes = createNodeTypes();
	// An Armor API key credential is used through the node's Authentication choice, as the editor sets it.
	const credentialType = helper.typeOf(credential) ?? NODE_CREDENTIAL[type];
	const nodeParameters = structuredClone(parameters);
	if (credentialType === 'armorApiKeyApi') nodeParameters.authentication ??= 'apiKey';
	const node: INode = {
		id: 'node-under-test',
		name: options.nodeName ?? NODE_NAMES[type],
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: nodeParameters,
		credentials: { [credentialType]: credential },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'integration-workflow',
		name: 'Integration test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
		staticData: options.staticData,
	});
	return { workflow, workflowNode: workflow.getNode(node.name) as INode };
}

export async function runNode(options: RunNodeOptions): Promise<NodeRun> {
	ensureN8nEnvironment();
	const { helper, type, parameters, credential, continueOnFail = false, mode = 'manual' } = options;
	const { workflow, workflowNode } = buildWorkflow(helper, type, parameters, credential, {
		nodeName: options.nodeName,
		continueOnFail,
	});
	const nodeTypes = workflow.nodeTypes;
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const inputData: ITaskDataConnections = { main: [items] };
	const executeData: IExecuteData = { node: workflowNode, data: inputData, source: null };
	// WorkflowExecute leaves `currentNodeParameters` unset for node runs (only the credential tester sets it).
	const additionalData = buildAdditionalData(helper);
	const closeFunctions: Array<() => Promise<void>> = [];
	const context = new ExecuteContext(
		workflow,
		workflowNode,
		additionalData,
		mode,
		createEmptyRunExecutionData(),
		0,
		items,
		inputData,
		executeData,
		closeFunctions,
		options.abortSignal ?? new AbortController().signal,
	);
	const nodeType = nodeTypes.getByNameAndVersion(type, 1) as INodeType;
	await workflow.expression.acquireIsolate();
	try {
		const output = (await nodeType.execute!.call(context)) as INodeExecutionData[][];
		return { output, node: workflowNode };
	} finally {
		await workflow.expression.releaseIsolate();
		await Promise.allSettled(closeFunctions.map(async (fn) => await fn()));
	}
}

/** Runs a node and returns the `json` of its first output. */
export async function runNodeJson(options: RunNodeOptions): Promise<IDataObject[]> {
	const { output } = await runNode(options);
	return output[0].map((item) => item.json);
}

/** Runs a node that is expected to throw; returns the error (fails the test if nothing was thrown). */
export async function runNodeError(options: RunNodeOptions): Promise<Error & IDataObject> {
	try {
		await runNode(options);
	} catch (error) {
		return error as Error & IDataObject;
	}
	throw new Error('The node was expected to fail, but it succeeded.');
}

/**
 * Runs one of the node's list-search methods ("From List" of a resource locator) the way the editor asks
 * for it: n8n-core's real `LoadOptionsContext` over the node's current parameters.
 */
export async function runListSearch(options: {
	helper: InMemoryCredentialsHelper;
	type: OurNodeType;
	parameters: INodeParameters;
	credential: INodeCredentialsDetails;
	method: string;
	filter?: string;
}): Promise<INodeListSearchResult> {
	ensureN8nEnvironment();
	const { helper, type, parameters, credential, method, filter } = options;
	const { workflow, workflowNode } = buildWorkflow(helper, type, parameters, credential);
	const additionalData = buildAdditionalData(helper, {
		currentNodeParameters: workflowNode.parameters,
	});
	const context = new LoadOptionsContext(workflow, workflowNode, additionalData, 'parameters');
	const nodeType = workflow.nodeTypes.getByNameAndVersion(type, 1) as INodeType;
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`The node has no list search "${method}".`);
	return await search.call(context, filter);
}

/**
 * One poll of a polling trigger, as n8n's ActiveWorkflowManager runs it: n8n-core's real `PollContext`, the
 * workflow's static data passed in and handed back (what n8n saves between polls and across restarts).
 * `mode: 'manual'` is the editor's "Fetch Test Event".
 */
export async function runPoll(options: {
	helper: InMemoryCredentialsHelper;
	parameters: INodeParameters;
	credential: INodeCredentialsDetails;
	staticData?: IDataObject;
	mode?: 'trigger' | 'manual';
	type?: typeof ARMOR_TRIGGER_NODE_TYPE | typeof AUTHARMOR_TRIGGER_NODE_TYPE;
}): Promise<{ output: INodeExecutionData[][] | null; staticData: IDataObject }> {
	ensureN8nEnvironment();
	const {
		helper,
		parameters,
		credential,
		mode = 'trigger',
		type = ARMOR_TRIGGER_NODE_TYPE,
	} = options;
	const { workflow, workflowNode } = buildWorkflow(helper, type, parameters, credential, {
		staticData: structuredClone(options.staticData ?? {}),
	});
	const context = new PollContext(
		workflow,
		workflowNode,
		buildAdditionalData(helper),
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(type, 1) as INodeType;
	await workflow.expression.acquireIsolate();
	try {
		const output = (await nodeType.poll!.call(context)) ?? null;
		// As n8n saves it: JSON (the live object is an observable proxy).
		return { output, staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject };
	} finally {
		await workflow.expression.releaseIsolate();
	}
}
