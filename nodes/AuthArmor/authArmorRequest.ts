import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
} from 'n8n-workflow';

import { readReturnLimit } from '../shared/descriptions';
import { pageNumberStyle, paginate } from '../shared/pagination';
import { readRequestSettings } from '../shared/requestSettings';
import { apiRequest, type ApiRequest, type ApiResponse } from '../shared/transport';
import { authArmorApi, MAX_PAGE_SIZE } from './authArmorApi';

/** How Auth Armor operations send a request: the item's request settings are filled in here. */
export async function authArmorRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	request: ApiRequest,
): Promise<ApiResponse> {
	return await apiRequest.call(
		this,
		authArmorApi,
		request,
		readRequestSettings.call(this, itemIndex),
	);
}

/**
 * Auth Armor's page numbers (`page_number`/`page_size`, 1-based); `page_info.total_page_count` says where the
 * last page is. Each list answers its records under its own key.
 */
export function authArmorPages(itemsKey: string) {
	return pageNumberStyle({
		pageParam: 'page_number',
		sizeParam: 'page_size',
		itemsKey,
		totalPages: (answer) => (answer?.page_info as IDataObject | undefined)?.total_page_count,
	});
}

/** A list operation: Return All or Limit over Auth Armor's page numbers. */
export async function authArmorList(
	this: IExecuteFunctions,
	itemIndex: number,
	request: ApiRequest,
	itemsKey: string,
): Promise<IDataObject[]> {
	return await paginate.call(this, authArmorApi, request, authArmorPages(itemsKey), {
		limit: readReturnLimit.call(this, itemIndex),
		maxPageSize: MAX_PAGE_SIZE,
		settings: readRequestSettings.call(this, itemIndex),
	});
}

const SEARCH_PAGE_SIZE = 50;

/** "From List" of the User picker: users whose username contains what was typed, a page at a time. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) || 1;
	const answer = (await apiRequest.call(this, authArmorApi, {
		method: 'GET',
		path: '/{apiVersion}/users',
		qs: {
			page_number: page,
			page_size: SEARCH_PAGE_SIZE,
			sort_column: 'username',
			sort_direction: 'asc',
			...(filter?.trim() ? { username: filter.trim() } : {}),
		},
	})) as IDataObject;
	const users = (answer?.user_records as IDataObject[] | undefined) ?? [];
	const pages = Number((answer?.page_info as IDataObject | undefined)?.total_page_count);
	return {
		results: users.map((user) => ({
			name: String(user.username ?? user.user_id),
			value: String(user.user_id),
		})),
		...(Number.isFinite(pages) && page < pages ? { paginationToken: String(page + 1) } : {}),
	};
}
