/**
 * A small n8n runtime for integration tests: our REAL nodes run inside n8n-core's REAL `ExecuteContext`,
 * so every request goes through n8n-core's `httpRequestWithAuthentication` / `httpRequest` (axios, via
 * `@n8n/backend-network`'s OutboundHttp) exactly as inside n8n 2.41.
 *
 * What is ours (because it lives in the n8n CLI, which cannot be a dependency here):
 *  - `InMemoryCredentialsHelper`: a line-by-line reproduction of n8n 2.41.1's `CredentialsHelper`
 *    (`n8n/dist/credentials-helper.js`) over an in-memory "credentials table" instead of the database.
 *  - `testCredential()`: a reproduction of n8n 2.41.1's `CredentialsTester.testCredentials` ->
 *    `runRequestTest` (`n8n/dist/services/credentials-tester.service.js`), which drives n8n-core's REAL
 *    `RoutingNode` with the credential's `test.request`.
 *  - the few `additionalData` fields `ExecuteContext` reads (see `buildAdditionalData`).
 *
 * Differences from n8n, on purpose and documented where they happen:
 *  - credential data is stored as JSON text, not encrypted (n8n's Cipher needs the CLI's key provider);
 *    the JSON round trip is what matters for what survives between executions, and it is kept.
 *  - no external secrets, no dynamic (per-user) credentials, no credential overwrites, no AI gateway,
 *    no policy enforcement: none applies to a plain stored credential of this package.
 *  - nodes run one at a time by calling `execute` the way `WorkflowExecute.executeNode` does; no
 *    workflow graph, no `WorkflowExecute` (it would need execution hooks and the CLI's persistence).
 */
import { mkdirSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

import { ExecuteContext, ExternalSecretsProxy, RoutingNode, getAdditionalKeys } from 'n8n-core';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
	createEmptyRunExecutionData,
	getCredentialOwnRequestAllowedDomains,
	injectDomainRestrictionFields,
	isExpression,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	ICredentialsDecrypted,
	ICredentialsEncrypted,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IExecuteData,
	IGetDecryptedCredentialsOptions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialTestResult,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	ITaskDataConnections,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { ArmorApi } from '../../credentials/ArmorApi.credentials';
import { forgetSessions } from '../../credentials/sessionMemory';
import { AuthArmorApi } from '../../credentials/AuthArmorApi.credentials';
import { Armor } from '../../nodes/Armor/Armor.node';
import { AuthArmor } from '../../nodes/AuthArmor/AuthArmor.node';
import {
	ARMOR_DEMO_USER,
	ARMOR_MFA_USER,
	AUTHARMOR_CLIENT,
	startSandbox,
	type RecordedRequest,
	type Sandbox,
	type SandboxOptions,
} from '../sandbox/server';

// ------------------------------------------------------------------ process set-up

/**
 * n8n-core's `NodeExecutionContext` constructor does `Container.get(InstanceSettings)`, which reads (and,
 * the first time, writes) `<N8N_USER_FOLDER>/.n8n/config`. Point it at a throwaway folder so the tests
 * never touch the user's home. Runs before the first context is built (the settings are read lazily).
 */
let environmentReady = false;
function ensureN8nEnvironment(): void {
	if (environmentReady) return;
	if (!process.env.N8N_USER_FOLDER) process.env.N8N_USER_FOLDER = userFolderForThisProcess();
	process.env.N8N_ENCRYPTION_KEY ??= 'integration-test-key';
	// n8n refuses a settings file readable by others unless told otherwise; the temp folder is ours.
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
	environmentReady = true;
}

/**
 * `<tmp>/n8n-nodes-armor-integration/<pid>`: one folder per jest worker (workers must not race on the
 * settings file). Jest ends its workers without an 'exit' event, so folders of processes that no longer
 * run are removed here instead.
 */
function userFolderForThisProcess(): string {
	const base = path.join(tmpdir(), 'n8n-nodes-armor-integration');
	mkdirSync(base, { recursive: true });
	for (const entry of readdirSync(base)) {
		const pid = Number(entry);
		if (!Number.isInteger(pid) || pid === process.pid) continue;
		try {
			process.kill(pid, 0);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ESRCH')
				rmSync(path.join(base, entry), { recursive: true, force: true });
		}
	}
	const folder = path.join(base, String(process.pid));
	mkdirSync(folder, { recursive: true });
	return folder;
}

// ------------------------------------------------------------------ node and credential types

/** Type names as a workflow stores them when the package is installed from the community-nodes screen. */
export const PACKAGE_NAME = 'n8n-nodes-armor';
export const ARMOR_NODE_TYPE = `${PACKAGE_NAME}.armor`;
export const AUTHARMOR_NODE_TYPE = `${PACKAGE_NAME}.authArmor`;

export type OurNodeType = typeof ARMOR_NODE_TYPE | typeof AUTHARMOR_NODE_TYPE;
export type OurCredentialType = 'armorApi' | 'authArmorApi';

const NODE_CREDENTIAL: Record<OurNodeType, OurCredentialType> = {
	[ARMOR_NODE_TYPE]: 'armorApi',
	[AUTHARMOR_NODE_TYPE]: 'authArmorApi',
};

/** The `INodeTypes` n8n's `NodeTypes` service would give for our package (no synthetic AI tools). */
export function createNodeTypes(): INodeTypes {
	const types: Record<string, INodeType | IVersionedNodeType> = {
		[ARMOR_NODE_TYPE]: new Armor(),
		[AUTHARMOR_NODE_TYPE]: new AuthArmor(),
	};
	return {
		getByName: (name) => {
			const type = types[name];
			if (!type) throw new UnexpectedError(`Unrecognized node type: ${name}`);
			return type;
		},
		getByNameAndVersion: (name, version) => {
			const type = types[name];
			if (!type) throw new UnexpectedError(`Unrecognized node type: ${name}`);
			return NodeHelpers.getVersionedNodeType(type, version);
		},
		getKnownTypes: () =>
			Object.fromEntries(
				Object.keys(types).map((name) => [name, { className: name, sourcePath: '' }]),
			),
	};
}

/**
 * Our credential types as n8n's loader hands them out: `LoadNodesAndCredentials.postProcessLoaders`
 * appends the domain-restriction fields (`allowedHttpRequestDomains`, `allowedDomains`) to every
 * credential type that has `authenticate`.
 */
export function createCredentialTypes(): Record<OurCredentialType, ICredentialType> {
	const types: Record<OurCredentialType, ICredentialType> = {
		armorApi: new ArmorApi(),
		authArmorApi: new AuthArmorApi(),
	};
	for (const type of Object.values(types)) type.properties = injectDomainRestrictionFields(type);
	return types;
}

// ------------------------------------------------------------------ credentials helper

/** One row of the in-memory credentials table (n8n's `CredentialsEntity`, minus the project fields). */
export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	/** JSON text of the data (n8n stores the same JSON, encrypted). */
	data: string;
	updatedAt: Date;
}

/** One call of `updateCredentials`, i.e. one persist of what `preAuthentication` returned. */
export interface CredentialUpdate {
	id: string;
	type: string;
	data: ICredentialDataDecryptedObject;
	at: Date;
}

/** n8n-core's `Credentials`, without the cipher: the stored form is the JSON text. */
class PlainCredentials extends ICredentials {
	async getData(): Promise<ICredentialDataDecryptedObject> {
		if (this.data === undefined)
			throw new UnexpectedError('No data is set so nothing can be returned.');
		return JSON.parse(this.data) as ICredentialDataDecryptedObject;
	}

	getDataToSave(): ICredentialsEncrypted {
		if (this.data === undefined) throw new UnexpectedError('No credentials were set to save.');
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(
		toUpdate: ICredentialDataDecryptedObject,
		toDelete: string[] = [],
	): Promise<void> {
		const updated = { ...(await this.getData()), ...toUpdate };
		for (const key of toDelete) delete updated[key];
		await this.setData(updated);
	}
}

/** n8n 2.41's `restrictToCredentialDomains`: `preAuthentication` only gets `helpers.httpRequest`. */
function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions) => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	} as IHttpRequestHelper;
}

/** `mockNode` and the one-node workflow n8n's helper resolves credential expressions with. */
const MOCK_NODE: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

function createMockNodeTypes(): {
	nodesData: Record<string, { sourcePath: string; type: INodeType }>;
	nodeTypes: INodeTypes;
} {
	const nodesData: Record<string, { sourcePath: string; type: INodeType }> = {
		mock: { sourcePath: '', type: { description: { properties: [] } } as unknown as INodeType },
	};
	const nodeTypes: INodeTypes = {
		getKnownTypes: () => ({}),
		getByName: (nodeType) => nodesData[nodeType]?.type,
		getByNameAndVersion: (nodeType, version) => {
			if (!nodesData[nodeType])
				throw new UnexpectedError('Unrecognized node type', { tags: { nodeType } });
			return NodeHelpers.getVersionedNodeType(nodesData[nodeType].type, version);
		},
	};
	return { nodesData, nodeTypes };
}

/**
 * n8n 2.41.1's `CredentialsHelper`, reproduced method by method over an in-memory table. Where the
 * original reads the database (`credentialsRepository`), this reads `rows`; everything else (when
 * `preAuthentication` runs, what it persists, how `authenticate` is applied, defaults and expression
 * resolution in `getDecrypted`) follows the original.
 */
export class InMemoryCredentialsHelper extends ICredentialsHelper {
	readonly rows = new Map<string, StoredCredential>();

	/** Every persist, in order (what n8n would write to the database). */
	readonly updates: CredentialUpdate[] = [];

	/** How often `preAuthentication` actually called the credential type's `preAuthentication`. */
	preAuthenticationCalls = 0;

	/** How often a node read a credential (n8n: a database read, a decryption, expression resolution). */
	decryptedReads = 0;

	private nextId = 1;

	constructor(readonly credentialTypes: Record<string, ICredentialType> = createCredentialTypes()) {
		super();
	}

	// ---------------------------------------------------------------- the table (test API)

	/** Saves a credential as the editor would; returns the reference a node stores. */
	addCredential(
		type: OurCredentialType | string,
		data: ICredentialDataDecryptedObject,
		name?: string,
	): INodeCredentialsDetails {
		const id = String(this.nextId++);
		const row: StoredCredential = {
			id,
			name: name ?? `${type} ${id}`,
			type,
			data: JSON.stringify(data),
			updatedAt: new Date(),
		};
		this.rows.set(id, row);
		return { id, name: row.name };
	}

	/** The stored data of a credential, as a fresh object (parsed from the stored JSON). */
	storedData(id: string | INodeCredentialsDetails): ICredentialDataDecryptedObject {
		const row = this.row(id);
		return JSON.parse(row.data) as ICredentialDataDecryptedObject;
	}

	/** Overwrites stored keys (to seed a token, an expiry, or to move the credential's view of time). */
	patchStoredData(
		id: string | INodeCredentialsDetails,
		patch: ICredentialDataDecryptedObject,
	): void {
		const row = this.row(id);
		row.data = JSON.stringify({ ...this.storedData(id), ...patch });
		row.updatedAt = new Date();
	}

	updatesOf(id: string | INodeCredentialsDetails): CredentialUpdate[] {
		const key = typeof id === 'string' ? id : String(id.id);
		return this.updates.filter((update) => update.id === key);
	}

	private row(id: string | INodeCredentialsDetails): StoredCredential {
		const key = typeof id === 'string' ? id : String(id.id);
		const row = this.rows.get(key);
		if (!row) throw new Error(`No stored credential with ID "${key}".`);
		return row;
	}

	private credentialType(typeName: string): ICredentialType {
		const type = this.credentialTypes[typeName];
		// n8n's CredentialTypes.getByName throws UnrecognizedCredentialTypeError.
		if (!type) throw new UnexpectedError(`Unrecognized credential type: ${typeName}`);
		return type;
	}

	// ---------------------------------------------------------------- ICredentialsHelper

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions &
			Record<string, IDataObject>;
		const credentialType = this.credentialType(typeName);
		if (credentialType.authenticate) {
			if (typeof credentialType.authenticate === 'function') {
				return await credentialType.authenticate(credentials, requestOptions);
			}
			if (typeof credentialType.authenticate === 'object') {
				if (!workflow || !node) {
					throw new UnexpectedError(
						'Workflow and node are required for declarative credential authentication',
					);
				}
				const { authenticate } = credentialType;
				if (requestOptions.headers === undefined) requestOptions.headers = {};
				if (authenticate.type === 'generic') {
					for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
						for (const [key, value] of Object.entries(outerValue as IDataObject)) {
							const keyResolved = this.resolveValue(
								key,
								{ $credentials: credentials },
								workflow,
								node,
							);
							const valueResolved = this.resolveValue(
								value as string,
								{ $credentials: credentials },
								workflow,
								node,
							);
							if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
							(requestOptions[outerKey] as IDataObject)[keyResolved] = valueResolved;
						}
					}
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialType(typeName);
		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property?.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) return undefined;
		// Exactly n8n 2.41's test: note that the credential tester's temp node gets the NoOp
		// description's own name ('noOp'), so in practice this is false there (see testCredential).
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (
			credentialType.preAuthentication &&
			typeof credentialType.preAuthentication === 'function'
		) {
			if (
				credentials[expirableProperty.name] === '' ||
				credentialsExpired ||
				isTestingCredentials
			) {
				this.preAuthenticationCalls += 1;
				const output = (await credentialType.preAuthentication.call(
					restrictToCredentialDomains(helpers, credentials),
					credentials,
				)) as ICredentialDataDecryptedObject;
				if (output[expirableProperty.name] === undefined) return undefined;
				if (node.credentials) {
					const nodeCredentials = node.credentials[credentialType.name];
					const storedData = await (
						await this.getCredentials(nodeCredentials, credentialType.name)
					).getData();
					const dataToPersist: ICredentialDataDecryptedObject = { ...storedData };
					for (const [key, value] of Object.entries(output)) {
						if (key === expirableProperty.name || !isExpression(storedData[key]))
							dataToPersist[key] = value;
					}
					await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
					return Object.assign(credentials, output);
				}
			}
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialType(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = (await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		)) as ICredentialDataDecryptedObject | undefined;
		return output ?? undefined;
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IDataObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const returnValue = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		if (!returnValue) return '';
		return String(returnValue);
	}

	getParentTypes(typeName: string): string[] {
		const extendsArr = this.credentialTypes[typeName]?.extends ?? [];
		if (extendsArr.length === 0) return [];
		const copy = [...extendsArr];
		for (const type of copy) copy.push(...this.getParentTypes(type));
		return copy;
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const typeDef = this.credentialTypes[credentialType];
		if (
			!typeDef ||
			!typeDef.supportedNodes ||
			!(typeDef as { restrictToSupportedNodes?: boolean }).restrictToSupportedNodes
		) {
			return true;
		}
		return typeDef.supportedNodes.map((name) => `${PACKAGE_NAME}.${name}`).includes(nodeType);
	}

	async getCredentials(
		nodeCredential: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const row = this.getCredentialsEntity(nodeCredential, type);
		return new PlainCredentials({ id: row.id, name: row.name }, row.type, row.data);
	}

	/** n8n: `credentialsRepository.findOneByOrFail({ id, type })` with the same two errors. */
	private getCredentialsEntity(
		nodeCredential: INodeCredentialsDetails,
		type: string,
	): StoredCredential {
		if (!nodeCredential?.id) {
			throw new UnexpectedError('Found credential with no ID.', {
				extra: { credentialName: nodeCredential?.name },
				tags: { credentialType: type },
			});
		}
		const row = this.rows.get(String(nodeCredential.id));
		if (!row || row.type !== type) {
			throw new UserError(
				`Credential with ID "${nodeCredential.id}" does not exist for type "${type}".`,
			);
		}
		return row;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
		_options?: IGetDecryptedCredentialsOptions,
	): Promise<ICredentialDataDecryptedObject> {
		// Re-read on every call, as n8n reads the database row each time.
		this.decryptedReads += 1;
		const row = this.getCredentialsEntity(nodeCredentials, type);
		const decryptedDataOriginal = JSON.parse(row.data) as ICredentialDataDecryptedObject;
		if (raw === true) return decryptedDataOriginal;
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			decryptedDataOriginal,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** n8n's version minus OAuth DCR fields and overwrites (none exist for these types). */
	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const credentialsProperties = this.getCredentialsProperties(type);
		const storedData = { ...decryptedDataOriginal };
		let decryptedData = NodeHelpers.getNodeParameters(
			credentialsProperties,
			storedData as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}
		if (
			decryptedData.allowedHttpRequestDomains === undefined &&
			decryptedDataOriginal.allowedHttpRequestDomains !== undefined
		) {
			decryptedData.allowedHttpRequestDomains = decryptedDataOriginal.allowedHttpRequestDomains;
		}
		if (
			decryptedData.allowedDomains === undefined &&
			decryptedDataOriginal.allowedDomains !== undefined
		) {
			decryptedData.allowedDomains = decryptedDataOriginal.allowedDomains;
		}
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const { nodeTypes } = createMockNodeTypes();
			const workflow = new Workflow({
				nodes: [{ ...MOCK_NODE }],
				connections: {},
				active: false,
				nodeTypes,
			});
			await workflow.expression.acquireIsolate();
			try {
				decryptedData = workflow.expression.getComplexParameterValue(
					MOCK_NODE,
					decryptedData as INodeParameters,
					mode,
					additionalKeys,
					undefined,
					undefined,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} finally {
				await workflow.expression.releaseIsolate();
			}
		}
		return decryptedData;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		await credentials.setData(data);
		const saved = credentials.getDataToSave();
		const row = this.getCredentialsEntity(nodeCredentials, type);
		row.data = saved.data as string;
		row.updatedAt = new Date();
		this.updates.push({
			id: row.id,
			type,
			data: JSON.parse(row.data) as ICredentialDataDecryptedObject,
			at: row.updatedAt,
		});
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		await credentials.updateData({ oauthTokenData: data.oauthTokenData });
		const row = this.getCredentialsEntity(nodeCredentials, type);
		row.data = credentials.getDataToSave().data as string;
		row.updatedAt = new Date();
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialTypeData = this.credentialTypes[type];
		if (credentialTypeData === undefined) {
			throw new UnexpectedError('Unknown credential type', { tags: { credentialType: type } });
		}
		if (credentialTypeData.extends === undefined) return credentialTypeData.properties;
		const combineProperties: INodeProperties[] = [];
		for (const name of credentialTypeData.extends) {
			NodeHelpers.mergeNodeProperties(combineProperties, this.getCredentialsProperties(name));
		}
		NodeHelpers.mergeNodeProperties(combineProperties, credentialTypeData.properties);
		return combineProperties;
	}
}

// ------------------------------------------------------------------ additionalData

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

// ------------------------------------------------------------------ running a node

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
export async function runNode(options: RunNodeOptions): Promise<NodeRun> {
	ensureN8nEnvironment();
	const { helper, type, parameters, credential, continueOnFail = false, mode = 'manual' } = options;
	const nodeTypes = createNodeTypes();
	const node: INode = {
		id: 'node-under-test',
		name: options.nodeName ?? (type === ARMOR_NODE_TYPE ? 'Armor' : 'Auth Armor'),
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: structuredClone(parameters),
		credentials: { [NODE_CREDENTIAL[type]]: credential },
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'integration-workflow',
		name: 'Integration test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const workflowNode = workflow.getNode(node.name) as INode;
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
		new AbortController().signal,
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

// ------------------------------------------------------------------ credential test

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

// ------------------------------------------------------------------ sandbox credentials

/** Armor credential data against the sandbox (the demo user unless overridden). */
export function armorCredentialData(
	sandbox: Sandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		baseUrl: sandbox.armorUrl,
		username: ARMOR_DEMO_USER.username,
		password: ARMOR_DEMO_USER.password,
		...overrides,
	};
}

/** Auth Armor credential data against the sandbox's client. */
export function authArmorCredentialData(
	sandbox: Sandbox,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		clientId: AUTHARMOR_CLIENT.clientId,
		clientSecret: AUTHARMOR_CLIENT.clientSecret,
		tokenUrl: sandbox.authArmorTokenUrl,
		baseUrl: sandbox.authArmorUrl,
		...overrides,
	};
}

// ------------------------------------------------------------------ recorded requests

/** Requests of one API, optionally only those to one path (case-sensitive, exact). */
export function requestsTo(
	sandbox: Sandbox,
	api: RecordedRequest['api'],
	pathname?: string,
	method?: string,
): RecordedRequest[] {
	return sandbox.requests.filter(
		(request) =>
			request.api === api &&
			(pathname === undefined || request.path === pathname) &&
			(method === undefined || request.method === method.toUpperCase()),
	);
}

/** A header of a recorded request (names are lower-cased by the sandbox). */
export function header(request: RecordedRequest, name: string): string | undefined {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}

// ------------------------------------------------------------------ secrets

/**
 * Every secret the run could leak: the given passwords/secrets, every token the sandbox issued (as seen
 * in later requests' Authorization headers and reissue bodies, and the authorization codes sent to
 * /auth/token), and the tokens the credentials persisted.
 */
export function collectSecrets(
	sandbox: Sandbox,
	helper: InMemoryCredentialsHelper,
	fixed: string[] = [],
): string[] {
	const secrets = new Set<string>(fixed.filter((value) => value.length >= 6));
	for (const request of sandbox.requests) {
		const authorization = header(request, 'authorization');
		const match = authorization ? /^(?:FH-AUTH|Bearer)\s+(\S+)$/i.exec(authorization) : null;
		if (match) secrets.add(match[1]);
		if (request.body && request.headers['content-type']?.includes('json')) {
			try {
				const body = JSON.parse(request.body) as IDataObject;
				for (const key of ['token', 'code', 'password']) {
					if (typeof body[key] === 'string' && (body[key] as string).length >= 6)
						secrets.add(body[key] as string);
				}
			} catch {
				// not JSON: nothing to collect
			}
		}
		if (request.path === '/connect/token') {
			const secret = new URLSearchParams(request.body).get('client_secret');
			if (secret) secrets.add(secret);
		}
	}
	for (const row of helper.rows.values()) {
		const data = JSON.parse(row.data) as IDataObject;
		for (const key of ['password', 'clientSecret', 'accessToken', 'sessionToken', 'tokenOwner']) {
			if (typeof data[key] === 'string' && (data[key] as string).length >= 6)
				secrets.add(data[key] as string);
		}
	}
	return [...secrets];
}

/**
 * Everything an error carries that could be shown, logged or persisted: `JSON.stringify(error)` (n8n's
 * `toJSON`, what the execution stores) plus a walk over the error's own properties, enumerable or not,
 * its `cause` chain, `errorResponse`, `messages` and `description`.
 */
export function serializeForLeakCheck(value: unknown): string {
	const seen = new WeakSet<object>();
	const walk = (current: unknown, depth: number): unknown => {
		if (current === null || typeof current !== 'object')
			return typeof current === 'function' ? undefined : current;
		if (seen.has(current as object) || depth > 8) return '[seen]';
		seen.add(current as object);
		if (Buffer.isBuffer(current)) return current.toString('utf8');
		if (Array.isArray(current)) return current.map((entry) => walk(entry, depth + 1));
		const out: Record<string, unknown> = {};
		for (const key of Object.getOwnPropertyNames(current)) {
			if (key === 'stack') continue;
			let property: unknown;
			try {
				property = (current as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			out[key] = walk(property, depth + 1);
		}
		return out;
	};
	let plain = '';
	try {
		plain = JSON.stringify(value) ?? '';
	} catch {
		plain = '';
	}
	return `${plain}\n${JSON.stringify(walk(value, 0))}`;
}

/** The secrets (from `collectSecrets`) that appear in `value`'s serialization. */
export function leakedSecrets(value: unknown, secrets: string[]): string[] {
	const text = serializeForLeakCheck(value);
	return secrets.filter((secret) => text.includes(secret));
}

// ------------------------------------------------------------------ jest wiring

export interface SandboxFixture {
	/** The sandbox of the running test (a fresh one per test). */
	readonly sandbox: Sandbox;
	/** A fresh credentials table per test. */
	readonly helper: InMemoryCredentialsHelper;
}

/**
 * Starts a fresh sandbox (`startSandbox(options)`) and credentials table before each test of the calling
 * file and closes the sandbox after it.
 */
export function sandboxPerTest(options: SandboxOptions = {}): SandboxFixture {
	let sandbox: Sandbox | undefined;
	let helper: InMemoryCredentialsHelper | undefined;
	beforeEach(async () => {
		// Each test stands for a fresh n8n process: no session memory from the one before.
		forgetSessions();
		sandbox = await startSandbox(options);
		helper = new InMemoryCredentialsHelper();
	});
	afterEach(async () => {
		await sandbox?.close();
		sandbox = undefined;
	});
	return {
		get sandbox() {
			if (!sandbox) throw new Error('The sandbox only exists while a test runs.');
			return sandbox;
		},
		get helper() {
			if (!helper) throw new Error('The credentials table only exists while a test runs.');
			return helper;
		},
	};
}

/** Secrets every test knows about, whether or not the run sent them. */
export const FIXED_SECRETS = [
	ARMOR_DEMO_USER.password,
	ARMOR_MFA_USER.password,
	AUTHARMOR_CLIENT.clientSecret,
];

/**
 * Fails when any secret of the run (see `collectSecrets`) appears in any of `values` (output items,
 * errors, credential-test results). Also fails when no secret was collected, so the check cannot pass
 * vacuously.
 */
export function expectNoSecretsIn(
	fixture: SandboxFixture,
	values: unknown[],
	extraSecrets: string[] = [],
): void {
	const secrets = collectSecrets(fixture.sandbox, fixture.helper, [
		...FIXED_SECRETS,
		...extraSecrets,
	]);
	expect(secrets.length).toBeGreaterThan(0);
	for (const value of values) {
		expect({
			value: serializeForLeakCheck(value).slice(0, 300),
			leaked: leakedSecrets(value, secrets),
		}).toEqual({
			value: expect.any(String),
			leaked: [],
		});
	}
}
