import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { apiError } from './errors';
import {
	apiRequest,
	type ApiDefinition,
	type ApiRequest,
	type RequestContext,
	type RequestSettings,
} from './transport';

/**
 * Return All / Limit over every paging style the two APIs use, written once. A style says how to ask for a
 * page and how to read one; `paginate` asks until the limit, the last page, or a page the server repeats.
 */

/** Where paging stands: pages read so far, items skipped so far, the server's continuation token. */
export interface PageState {
	pageIndex: number;
	offset: number;
	pageSize: number;
	token?: string;
}

/** What a page request adds to the operation's request. */
export type PageRequest = Pick<ApiRequest, 'qs' | 'body' | 'headers' | 'returnFullResponse'>;

export interface PagingStyle {
	request(state: PageState): PageRequest;
	/** The page's items, and whether there is another page (as the server says, not guessed from a full page only). */
	read(answer: unknown, state: PageState): { items: IDataObject[]; more: boolean; token?: string };
}

type ItemsOf = (answer: IDataObject) => unknown;

function itemsAt(key: string | undefined): ItemsOf {
	return (answer) => (key === undefined ? answer : answer?.[key]);
}

function asItems(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

/**
 * A list the API answers whole: one request, Limit applied here. An array, or the array under `itemsKey`;
 * an object without one is one result (some revisions answer a single record unwrapped).
 */
export function wholeList({ itemsKey = 'items' }: { itemsKey?: string } = {}): PagingStyle {
	return {
		request: () => ({}),
		read(answer) {
			if (Array.isArray(answer)) return { items: answer as IDataObject[], more: false };
			if (answer === null || typeof answer !== 'object') return { items: [], more: false };
			const nested = (answer as IDataObject)[itemsKey];
			return {
				items: Array.isArray(nested) ? asItems(nested) : [answer as IDataObject],
				more: false,
			};
		},
	};
}

/** An array answered whole (most Armor v1 lists). */
export const wholeArray = wholeList();

/** `?page_number=1&page_size=100` (1-based), with the server's page count when it sends one. */
export function pageNumberStyle({
	pageParam,
	sizeParam,
	itemsKey,
	totalPages,
}: {
	pageParam: string;
	sizeParam: string;
	itemsKey?: string;
	totalPages?: (answer: IDataObject) => unknown;
}): PagingStyle {
	return {
		request: ({ pageIndex, pageSize }) => ({
			qs: { [pageParam]: pageIndex + 1, [sizeParam]: pageSize },
		}),
		read(answer, { pageIndex, pageSize }) {
			const items = asItems(itemsAt(itemsKey)(answer as IDataObject));
			const pages = Number(totalPages?.(answer as IDataObject));
			const more =
				Number.isFinite(pages) && pages > 0 ? pageIndex + 1 < pages : items.length >= pageSize;
			return { items, more: more && items.length > 0 };
		},
	};
}

/** `{total, page, items}` answers to `?page=1` (Armor's incidents, firewall rules, history). */
export function totalPageItemsStyle({
	pageParam = 'page',
	sizeParam,
	itemsKey = 'items',
}: { pageParam?: string; sizeParam?: string; itemsKey?: string } = {}): PagingStyle {
	return {
		request: ({ pageIndex, pageSize }) => ({
			qs: { [pageParam]: pageIndex + 1, ...(sizeParam ? { [sizeParam]: pageSize } : {}) },
		}),
		read(answer, { offset }) {
			const page = (answer ?? {}) as IDataObject;
			const items = asItems(page[itemsKey]);
			const total = Number(page.total);
			const more = Number.isFinite(total) ? offset + items.length < total : false;
			return { items, more: more && items.length > 0 };
		},
	};
}

/** `?maxResults=100&nextPageToken=...` -> `{nextPageToken, items}` (Armor's tickets). */
export function nextPageTokenStyle({
	sizeParam = 'maxResults',
	tokenParam = 'nextPageToken',
	itemsKey = 'items',
}: { sizeParam?: string; tokenParam?: string; itemsKey?: string } = {}): PagingStyle {
	return {
		request: ({ pageSize, token }) => ({
			qs: { [sizeParam]: pageSize, ...(token ? { [tokenParam]: token } : {}) },
		}),
		read(answer) {
			const page = (answer ?? {}) as IDataObject;
			const items = asItems(page[itemsKey]);
			const token = typeof page[tokenParam] === 'string' ? (page[tokenParam] as string) : '';
			return { items, more: token !== '' && items.length > 0, token };
		},
	};
}

/**
 * An offset and a size, in the query string (`start`/`limit`, `startAt`/`pageSize`, `skip`/`top`) or in a
 * POST body at a dotted path (`parameters.from`/`parameters.size`); the last page is the short one, or the
 * one that reaches the answer's `total`.
 */
export function offsetStyle({
	offsetParam,
	sizeParam,
	in: where = 'query',
	itemsKey,
	totalKey = 'total',
	body = {},
}: {
	offsetParam: string;
	sizeParam: string;
	in?: 'query' | 'body';
	itemsKey?: string;
	/** Where the answer says how many items there are in all (e.g. `totalRows`). */
	totalKey?: string;
	/** The body the offset and size are written into (for `in: 'body'`). */
	body?: IDataObject;
}): PagingStyle {
	return {
		request({ offset, pageSize }) {
			if (where === 'query') return { qs: { [offsetParam]: offset, [sizeParam]: pageSize } };
			const copy = structuredClone(body);
			setPath(copy, offsetParam, offset);
			setPath(copy, sizeParam, pageSize);
			return { body: copy };
		},
		read(answer, { offset, pageSize }) {
			const items = asItems(itemsAt(itemsKey)(answer as IDataObject));
			const total = Number((answer as IDataObject)?.[totalKey]);
			const more = Number.isFinite(total)
				? offset + items.length < total
				: items.length >= pageSize;
			return { items, more: more && items.length > 0 };
		},
	};
}

/** `Range: entities=0-9; max=10` answered `206` with `Content-Range: entities 0-9/23`. */
export function rangeHeaderStyle({
	unit = 'entities',
	itemsKey,
}: { unit?: string; itemsKey?: string } = {}): PagingStyle {
	return {
		request: ({ offset, pageSize }) => ({
			headers: { Range: `${unit}=${offset}-${offset + pageSize - 1}; max=${pageSize}` },
			returnFullResponse: true,
		}),
		read(answer, { offset, pageSize }) {
			const full = answer as IN8nHttpFullResponse;
			const items = asItems(itemsAt(itemsKey)(full.body as IDataObject));
			const range = String(full.headers?.['content-range'] ?? '');
			const total = Number(/\/(\d+)\s*$/.exec(range)?.[1]);
			const more = Number.isFinite(total)
				? offset + items.length < total
				: full.statusCode === 206 && items.length >= pageSize;
			return { items, more: more && items.length > 0 };
		},
	};
}

function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject;
}

export class RepeatedPageError extends Error {}

/** What tells a page from the one before: its size and its first and last items (cheap on big pages). */
function pageSignature(items: IDataObject[]): string {
	if (!items.length) return '';
	return `${items.length}:${JSON.stringify(items[0])}:${JSON.stringify(items[items.length - 1])}`;
}

/**
 * Pages through `style` until `limit` items (Infinity = Return All), the last page, or a page the server
 * repeats (same token, or the same items as the page before: stopping beats looping forever).
 */
export async function collectPages(
	fetchPage: (page: PageRequest) => Promise<unknown>,
	style: PagingStyle,
	{
		limit,
		maxPageSize,
		service,
		stopAfter,
	}: {
		limit: number;
		maxPageSize: number;
		service: string;
		/** Stop after a page this says is enough (a trigger reading newest first reached what it saw). */
		stopAfter?: (page: IDataObject[]) => boolean;
	},
): Promise<IDataObject[]> {
	const pageSize = Math.max(1, Math.min(maxPageSize, limit));
	const collected: IDataObject[] = [];
	const tokens = new Set<string>();
	let previousPage = '';
	let state: PageState = { pageIndex: 0, offset: 0, pageSize };
	while (collected.length < limit) {
		const { items, more, token } = style.read(await fetchPage(style.request(state)), state);
		const signature = pageSignature(items);
		if ((signature && signature === previousPage) || (token && tokens.has(token))) {
			throw new RepeatedPageError(
				`${service} sent the same page twice (page ${state.pageIndex + 1}), so paging stopped after ${collected.length} items rather than loop. Try again; if it persists, use a Limit.`,
			);
		}
		previousPage = signature;
		if (token) tokens.add(token);
		collected.push(...items.slice(0, limit - collected.length));
		if (!more || stopAfter?.(items)) break;
		state = {
			pageIndex: state.pageIndex + 1,
			offset: state.offset + items.length,
			pageSize,
			token,
		};
	}
	return collected;
}

/** `collectPages` over `apiRequest`: the page parameters merged into the operation's request. */
export async function paginate(
	this: RequestContext,
	api: ApiDefinition,
	request: ApiRequest,
	style: PagingStyle,
	options: {
		limit: number;
		maxPageSize: number;
		settings: RequestSettings;
		stopAfter?: (page: IDataObject[]) => boolean;
	},
): Promise<IDataObject[]> {
	// One credential read for all the pages of this item.
	const settings: RequestSettings = { ...options.settings, reuse: {} };
	const pages = collectPages(
		async (page) =>
			await apiRequest.call(
				this,
				api,
				{
					...request,
					...page,
					qs: { ...request.qs, ...page.qs },
					headers: { ...request.headers, ...page.headers },
				},
				settings,
			),
		style,
		{ ...options, service: api.service },
	);
	return await pages.catch((error: unknown) => {
		if (!(error instanceof RepeatedPageError)) throw error;
		throw apiError(this.getNode(), error.message, { itemIndex: options.settings.itemIndex });
	});
}
