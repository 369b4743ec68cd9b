import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
} from 'n8n-workflow';

import { readReturnLimit } from '../shared/descriptions';
import { paginate, type PagingStyle } from '../shared/pagination';
import { readRequestSettings } from '../shared/requestSettings';
import {
	apiRequest,
	type ApiRequest,
	type ApiResponse,
	type RequestContext,
} from '../shared/transport';
import { armorApi } from './armorApi';
import { readAccountContext } from './descriptions';

/**
 * How Armor operations send requests: the node's authentication, the item's Account Context and request
 * settings are filled in here, so an operation only says what it asks for.
 */
export async function armorRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	request: ApiRequest,
): Promise<ApiResponse> {
	return await apiRequest.call(
		this,
		armorApi(this),
		{ accountContext: readAccountContext.call(this, itemIndex), ...request },
		readRequestSettings.call(this, itemIndex),
	);
}

/** `GET /me`, with `user` unwrapped (some API revisions send a one-element array) and currencies trimmed. */
export function normalizeMe(response: IDataObject): IDataObject {
	const user = Array.isArray(response.user)
		? ((response.user[0] as IDataObject) ?? {})
		: ((response.user as IDataObject) ?? {});
	const accounts = ((response.accounts as IDataObject[]) ?? []).map((account) => ({
		...account,
		...(typeof account.currency === 'string' ? { currency: account.currency.trim() } : {}),
	}));
	return {
		user,
		accounts,
		departments: response.departments ?? [],
		permissions: response.permissions ?? [],
		features: response.features ?? [],
	};
}

/** The accounts the credential's user (or key) can act on, from `GET /me` (nodes, triggers, list searches). */
export async function accountsOf(
	context: RequestContext,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const settings =
		'getInputData' in context && itemIndex !== undefined
			? readRequestSettings.call(context, itemIndex)
			: {};
	const me = await apiRequest.call(
		context,
		armorApi(context),
		{ method: 'GET', path: '/me' },
		settings,
	);
	return normalizeMe((me ?? {}) as IDataObject).accounts as IDataObject[];
}

/** "From List" of the Account Context picker: the accounts of `GET /me`, searchable by name or ID. */
export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const results = (await accountsOf(this))
		.map((account) => ({
			name: `${String(account.name ?? 'Account')} (${String(account.id)})`,
			value: String(account.id),
		}))
		.filter(({ name }) => !needle || name.toLowerCase().includes(needle));
	return { results };
}

/**
 * A list operation: Return All or Limit over the endpoint's paging style, for the item's account or, with
 * "For Each Account", for every account of `GET /me` (each result tagged with `forAccount: {id, name}`).
 */
export async function armorList(
	this: IExecuteFunctions,
	itemIndex: number,
	request: ApiRequest,
	style: PagingStyle,
	maxPageSize = 100,
): Promise<IDataObject[]> {
	const limit = readReturnLimit.call(this, itemIndex);
	const settings = readRequestSettings.call(this, itemIndex);
	const api = armorApi(this);
	const list = async (accountContext: string) =>
		await paginate.call(this, api, { ...request, accountContext }, style, {
			limit,
			maxPageSize,
			settings,
		});
	if (!this.getNodeParameter('options.forEachAccount', itemIndex, false)) {
		return await list(readAccountContext.call(this, itemIndex));
	}
	const results: IDataObject[] = [];
	for (const account of await accountsOf(this, itemIndex)) {
		const forAccount = { id: account.id, name: account.name };
		for (const item of await list(String(account.id))) results.push({ ...item, forAccount });
	}
	return results;
}
