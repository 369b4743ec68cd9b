import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeCredentialsDetails,
	IPollFunctions,
} from 'n8n-workflow';

/** Every context the transport serves (its `RequestContext`, named here so neither file imports the other). */
type RequestContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/**
 * How the transport reads a credential from n8n. Each read is a database query and a decryption, the largest
 * cost of a request on loopback. In a node run, a credential whose stored fields hold no expression resolves
 * the same for every item, so it is read once for the run and shared by its items. A credential with an
 * expression (`={{ $json.account }}`) is read per item, as n8n resolves it per item.
 *
 * Whether a stored field holds an expression is only visible in the stored (raw) data, which n8n's public
 * context does not offer: it is asked of n8n's credentials helper once per run, and when that is not reachable
 * (another n8n version) every item reads the credential itself, as before.
 */
interface SharedRead {
	/** The stored fields hold no expression (decided once per run). */
	itemIndependent: Promise<boolean>;
	/** The credential as the run's first read resolved it. */
	read?: Promise<ICredentialDataDecryptedObject>;
	/** A token renewed during the run, for the items after it. */
	renewed?: ICredentialDataDecryptedObject;
}

const runs = new WeakMap<object, Map<string, SharedRead>>();

/** The credential for this request: per item when it holds expressions, otherwise once per node run. */
export async function readCredentials(
	context: RequestContext,
	type: string,
	itemIndex: number | undefined,
): Promise<ICredentialDataDecryptedObject> {
	if (itemIndex === undefined) return await readFromN8n(context, type, undefined);
	const shared = sharedRead(context as IExecuteFunctions, type);
	if (!(await shared.itemIndependent)) return await readFromN8n(context, type, itemIndex);
	if (shared.renewed) return { ...shared.renewed };
	shared.read ??= readFromN8n(context, type, 0);
	const data = await shared.read.then(
		(read) => read,
		() => {
			// A failed read is not kept: this item asks n8n again and gets n8n's own error.
			shared.read = undefined;
			return undefined;
		},
	);
	return data ? { ...data } : await readFromN8n(context, type, itemIndex);
}

/**
 * The credential as n8n stores it now (after a wait before a retry, another execution may have renewed the
 * token); the run's next items use it too.
 */
export async function readCredentialsAgain(
	context: RequestContext,
	type: string,
	itemIndex: number | undefined,
): Promise<ICredentialDataDecryptedObject> {
	const fresh = await readFromN8n(context, type, itemIndex);
	const shared = runs.get(context)?.get(type);
	if (shared && (await shared.itemIndependent)) shared.renewed = { ...fresh };
	return fresh;
}

/** A request renewed the token: the run's next items use the new one instead of the token read at its start. */
export function keepRenewedCredentials(
	context: RequestContext,
	type: string,
	renewed: ICredentialDataDecryptedObject,
): void {
	const shared = runs.get(context)?.get(type);
	if (shared) shared.renewed = { ...renewed };
}

function sharedRead(context: IExecuteFunctions, type: string): SharedRead {
	let byType = runs.get(context);
	if (!byType) runs.set(context, (byType = new Map()));
	let shared = byType.get(type);
	if (!shared)
		byType.set(type, (shared = { itemIndependent: storedWithoutExpressions(context, type) }));
	return shared;
}

async function readFromN8n(
	context: RequestContext,
	type: string,
	itemIndex: number | undefined,
): Promise<ICredentialDataDecryptedObject> {
	const read = context.getCredentials as (
		type: string,
		itemIndex?: number,
	) => Promise<ICredentialDataDecryptedObject>;
	return await read.call(context, type, itemIndex);
}

/** The part of n8n's execution context that holds the stored credential (not in n8n-workflow's types). */
interface StoredCredentialReader {
	additionalData?: {
		credentialsHelper?: {
			getDecrypted?: (
				additionalData: unknown,
				nodeCredentials: INodeCredentialsDetails,
				type: string,
				mode: string,
				executeData: unknown,
				raw: boolean,
			) => Promise<ICredentialDataDecryptedObject>;
		};
	};
}

/** True only when n8n shows the stored credential and none of its fields is an expression. */
async function storedWithoutExpressions(
	context: IExecuteFunctions,
	type: string,
): Promise<boolean> {
	const reference = context.getNode().credentials?.[type];
	const additionalData = (context as unknown as StoredCredentialReader).additionalData;
	const getDecrypted = additionalData?.credentialsHelper?.getDecrypted;
	if (!reference?.id || typeof getDecrypted !== 'function') return false;
	const stored = await getDecrypted
		.call(
			additionalData!.credentialsHelper,
			additionalData,
			reference as INodeCredentialsDetails,
			type,
			context.getMode(),
			context.getExecuteData(),
			true,
		)
		.then(
			(data) => data,
			() => undefined,
		);
	return stored !== undefined && !holdsExpression(stored);
}

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object')
		return Object.values(value).some(holdsExpression);
	return false;
}
