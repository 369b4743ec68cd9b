/**
 * `testCredential()`: a reproduction of n8n 2.41.1's `CredentialsTester.testCredentials` ->
 * `runRequestTest` (`n8n/dist/services/credentials-tester.service.js`), which drives n8n-core's REAL
 * `RoutingNode` with the credential's `test.request`. It lives in the n8n CLI, which cannot be a
 * dependency here.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import { Workflow, createEmptyRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialsDecrypted,
	ICredentialsHelper,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeCredentialsDetails,
	INodeType,
	ITaskDataConnections,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { createMockNodeTypes, type InMemoryCredentialsHelper } from './credentialsHelper';
import { ensureN8nEnvironment } from './environment';
import { buildAdditionalData } from './runNode';
import type { OurCredentialType } from './types';

export interface CredentialTestRun extends INodeCredentialTestResult {
	/** What `RoutingNode.runNode` threw, when the test failed (the tester only returns its message). */
	error?: Error & IDataObject;
}

/** The NoOp node's description as n8n-nodes-base 2.41 ships it (the tester borrows it). */
const NOOP_DESCRIPTION = {
	displayName: 'No Operation, do nothing',
	name: 'noOp',
	icon: 'node:no-operation',
	iconColor: 'neutral',
	group: ['organization'],
	version: 1,
	description: 'No Operation',
	defaults: { name: 'No Operation, do nothing' },
	inputs: ['main'],
	outputs: ['main'],
	properties: [],
};

/**
 * "Test" on a saved credential, as n8n 2.41.1 runs it: `CredentialsTester.testCredentials` ->
 * `prepareCredentialsForTest` (defaults applied, mode 'internal') -> `runRequestTest`: a temp node of
 * the NoOp description whose single property routes the credential's `test.request`, run by n8n-core's
 * REAL `RoutingNode`, with `getDecrypted` answering the data under test. Returns what the editor shows
 * (`status`, `message`) and, on failure, the error behind it.
 *
 * `data` is what the editor sends: by default the stored data (hidden fields included, as the
 * controller un-redacts them from the stored row), or whatever the test passes.
 */
export async function testCredential(
	helper: InMemoryCredentialsHelper,
	credential: INodeCredentialsDetails,
	type: OurCredentialType,
	data: ICredentialDataDecryptedObject = helper.storedData(credential),
): Promise<CredentialTestRun> {
	ensureN8nEnvironment();
	const credentialType = helper.credentialTypes[type];
	const testRequest = credentialType.test as ICredentialTestRequest | undefined;
	if (!testRequest)
		return { status: 'Error', message: 'No testing function found for this credential.' };

	const credentialsDecrypted: ICredentialsDecrypted = {
		id: String(credential.id),
		name: credential.name,
		type,
		data: structuredClone(data),
	};
	// prepareCredentialsForTest
	try {
		credentialsDecrypted.data = await helper.applyDefaultsAndOverwrites(
			buildAdditionalData(helper),
			credentialsDecrypted.data!,
			type,
			'internal',
		);
	} catch (error) {
		return {
			status: 'Error',
			message: String((error as Error).message),
			error: error as Error & IDataObject,
		};
	}

	// runRequestTest
	const { nodesData, nodeTypes } = createMockNodeTypes();
	const nodeType = { description: NOOP_DESCRIPTION } as unknown as INodeType;
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: nodeType.description.version as number,
		position: [0, 0],
		credentials: { [type]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const nodeTypeCopy = {
		description: {
			...nodeType.description,
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	} as unknown as INodeType;
	nodesData[nodeTypeCopy.description.name] = { sourcePath: '', type: nodeTypeCopy };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
	const stored = buildAdditionalData(helper, { currentNodeParameters: node.parameters });
	// The tester's proxy: getDecrypted answers the data under test unless raw data is asked for.
	const getDecrypted: ICredentialsHelper['getDecrypted'] = async (...args) =>
		args[5] ? await helper.getDecrypted(...args) : (credentialsDecrypted.data ?? {});
	const proxiedHelper = new Proxy(helper, {
		get(target, prop) {
			if (prop === 'getDecrypted') return getDecrypted;
			const value = Reflect.get(target, prop) as unknown;
			return typeof value === 'function'
				? (value as (...a: unknown[]) => unknown).bind(target)
				: value;
		},
	});
	const additionalData = {
		...stored,
		credentialsHelper: proxiedHelper,
	} as IWorkflowExecuteAdditionalData;
	const executeData: IExecuteData = { node, data: {}, source: null };
	const executeFunctions = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		inputData,
		executeData,
		[],
	);
	const routingNode = new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);
	try {
		await workflow.expression.acquireIsolate();
		await routingNode.runNode();
	} catch (caught) {
		const error = caught as Error &
			IDataObject & {
				cause?: { response?: { status: number; statusText?: string }; code?: string };
			};
		if (error.cause?.response) {
			const statusCode = error.cause.response.status;
			const statusMessage = error.cause.response.statusText;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message, error };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return {
					status: 'Error',
					message: statusMessage || `Received HTTP status code: ${statusCode}`,
					error,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code, error };
		}
		return { status: 'Error', message: String(error.message), error };
	} finally {
		await workflow.expression.releaseIsolate();
		delete nodesData[nodeTypeCopy.description.name];
	}
	return { status: 'OK', message: 'Connection successful!' };
}
