/* eslint-disable @n8n/community-nodes/require-node-api-error -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * `InMemoryCredentialsHelper`: a line-by-line reproduction of n8n 2.41.1's `CredentialsHelper`
 * (`n8n/dist/credentials-helper.js`) over an in-memory "credentials table" instead of the database.
 * It lives in the n8n CLI, which cannot be a dependency here.
 *
 * Differences from n8n, on purpose and documented where they happen:
 *  - credential data is stored as JSON text, not encrypted (n8n's Cipher needs the CLI's key provider);
 *    the JSON round trip is what matters for what survives between executions, and it is kept.
 *  - no external secrets, no dynamic (per-user) credentials, no credential overwrites, no AI gateway,
 *    no policy enforcement: none applies to a plain stored credential of this package.
 */
import { getAdditionalKeys } from 'n8n-core';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
	getCredentialOwnRequestAllowedDomains,
	isExpression,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsEncrypted,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IExecuteData,
	IGetDecryptedCredentialsOptions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { PACKAGE_NAME, createCredentialTypes, type OurCredentialType } from './types';

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

export function createMockNodeTypes(): {
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

	/** How often the stored (raw, unresolved) data was read: the transport checks it for expressions. */
	rawReads = 0;

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

	/** The type a stored credential was saved as (undefined for an unknown reference). */
	typeOf(id: string | INodeCredentialsDetails): string | undefined {
		return this.rows.get(typeof id === 'string' ? id : String(id.id))?.type;
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
		// eslint-disable-next-line @typescript-eslint/no-unused-vars -- n8n's signature; no option applies here
		_options?: IGetDecryptedCredentialsOptions,
	): Promise<ICredentialDataDecryptedObject> {
		// Re-read on every call, as n8n reads the database row each time.
		const row = this.getCredentialsEntity(nodeCredentials, type);
		const decryptedDataOriginal = JSON.parse(row.data) as ICredentialDataDecryptedObject;
		if (raw === true) {
			this.rawReads += 1;
			return decryptedDataOriginal;
		}
		this.decryptedReads += 1;
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
		// eslint-disable-next-line @typescript-eslint/no-unused-vars -- n8n's signature; no option applies here
		_options?: IGetDecryptedCredentialsOptions,
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
