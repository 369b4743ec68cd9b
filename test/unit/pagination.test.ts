/**
 * Every paging style against a small in-memory server that answers as the vendor's endpoints do: Return All
 * over several pages, a Limit across a page boundary, and a server that repeats a page.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	collectPages,
	nextPageTokenStyle,
	offsetStyle,
	pageNumberStyle,
	rangeHeaderStyle,
	totalPageItemsStyle,
	type PageRequest,
	type PagingStyle,
} from '../../nodes/shared/pagination';

const ITEMS = Array.from({ length: 23 }, (_, index) => ({ id: index + 1 }));

type Server = (page: PageRequest) => unknown;

const servers: Record<string, [PagingStyle, Server]> = {
	'page number (Auth Armor)': [
		pageNumberStyle({
			pageParam: 'page_number',
			sizeParam: 'page_size',
			itemsKey: 'user_records',
			totalPages: (answer) => (answer.page_info as IDataObject).total_page_count,
		}),
		({ qs }) => {
			const size = Number(qs!.page_size);
			const start = (Number(qs!.page_number) - 1) * size;
			return {
				user_records: ITEMS.slice(start, start + size),
				page_info: { total_page_count: Math.ceil(ITEMS.length / size) },
			};
		},
	],
	'{total, page, items}': [
		totalPageItemsStyle({ sizeParam: 'limit' }),
		({ qs }) => {
			const size = Number(qs!.limit);
			const start = (Number(qs!.page) - 1) * size;
			return { total: ITEMS.length, page: qs!.page, items: ITEMS.slice(start, start + size) };
		},
	],
	nextPageToken: [
		nextPageTokenStyle(),
		({ qs }) => {
			const start = Number(qs!.nextPageToken ?? 0);
			const end = start + Number(qs!.maxResults);
			return {
				items: ITEMS.slice(start, end),
				nextPageToken: end < ITEMS.length ? String(end) : null,
				total: ITEMS.length,
			};
		},
	],
	'start/limit, no total': [
		offsetStyle({ offsetParam: 'start', sizeParam: 'limit' }),
		({ qs }) => ITEMS.slice(Number(qs!.start), Number(qs!.start) + Number(qs!.limit)),
	],
	'from/size in a POST body': [
		offsetStyle({
			offsetParam: 'parameters.from',
			sizeParam: 'parameters.size',
			in: 'body',
			itemsKey: 'items',
			body: { viewName: 'events', parameters: { query: 'x' } },
		}),
		({ body }) => {
			const { from, size, query } = (body as { parameters: IDataObject }).parameters;
			expect(query).toBe('x');
			return {
				total: ITEMS.length,
				items: ITEMS.slice(Number(from), Number(from) + Number(size)),
			};
		},
	],
	'Range -> 206': [
		rangeHeaderStyle(),
		({ headers }) => {
			const [, from, to] = /entities=(\d+)-(\d+)/.exec(String(headers!.Range))!.map(Number);
			const items = ITEMS.slice(from, to + 1);
			return {
				statusCode: 206,
				headers: { 'content-range': `entities ${from}-${from + items.length - 1}/${ITEMS.length}` },
				body: items,
			};
		},
	],
};

describe.each(Object.entries(servers))('%s', (_, [style, server]) => {
	async function run(limit: number, maxPageSize: number) {
		const requests: PageRequest[] = [];
		const items = await collectPages(
			async (page) => {
				requests.push(page);
				return server(page);
			},
			style,
			{ limit, maxPageSize, service: 'Test' },
		);
		return { items, requests };
	}

	test('Return All reads every page, once', async () => {
		const { items, requests } = await run(Infinity, 10);
		expect(items).toEqual(ITEMS);
		expect(requests.length).toBeGreaterThanOrEqual(3);
		expect(requests.length).toBeLessThanOrEqual(4);
	});

	test('a Limit across a page boundary stops there', async () => {
		const { items, requests } = await run(15, 10);
		expect(items).toEqual(ITEMS.slice(0, 15));
		expect(requests).toHaveLength(2);
	});

	test('a Limit below the page size asks for that many', async () => {
		const { items, requests } = await run(4, 10);
		expect(items).toEqual(ITEMS.slice(0, 4));
		expect(requests).toHaveLength(1);
	});
});

test('a server that repeats a page stops the paging with a clear error', async () => {
	const style = offsetStyle({ offsetParam: 'start', sizeParam: 'limit' });
	await expect(
		collectPages(async () => ITEMS.slice(0, 10), style, {
			limit: Infinity,
			maxPageSize: 10,
			service: 'Armor',
		}),
	).rejects.toThrow(/Armor sent the same page twice \(page 2\), so paging stopped after 10 items/);
});

test('a server that repeats its continuation token stops the paging', async () => {
	let calls = 0;
	await expect(
		collectPages(
			async () => ({ items: [{ id: ++calls }], nextPageToken: 'same' }),
			nextPageTokenStyle(),
			{ limit: Infinity, maxPageSize: 10, service: 'Armor' },
		),
	).rejects.toThrow(/same page twice/);
	expect(calls).toBe(2);
});
