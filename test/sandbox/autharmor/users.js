// @ts-check
'use strict';

/**
 * Auth Armor /v{3,4}/users endpoints, over a deterministic user list generated from the index (so 100,000 users
 * cost nothing) plus a small overlay of renames.
 */

const fx = require('../fixtures');
const { json, mediaType, parseJson, isPlainObject, queryParam, intParam } = require('../http-util');
const { apiError, formDecode } = require('./common');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SORT_COLUMNS = ['date_created', 'user_id', 'username', 'email_address'];
const MAX_USERNAME_LENGTH = 256;

// ------------------------------------------------------------------ user store

/**
 * @param {SandboxState} state
 * @param {number} index
 */
function usernameOf(state, index) {
	return state.authArmor.renames.get(index) ?? fx.authArmorDefaultUsername(index);
}

/**
 * The spec's `user` record of user `index` (with any rename applied).
 * @param {SandboxState} state
 * @param {number} index
 */
function userRecord(state, index) {
	return { ...fx.authArmorDefaultUser(index), username: usernameOf(state, index) };
}

/**
 * The index of the user currently holding `username` (case-insensitive), or 0.
 * @param {SandboxState} state
 * @param {string} username
 */
function indexOfUsername(state, username) {
	const count = state.knobs.authArmorUserCount;
	const renamed = state.authArmor.renamedIndexByName.get(username.toLowerCase());
	if (renamed !== undefined) return renamed <= count ? renamed : 0;
	const index = fx.authArmorIndexOfDefaultUsername(username);
	return index >= 1 && index <= count && !state.authArmor.renames.has(index) ? index : 0;
}

/**
 * @param {SandboxState} state
 * @param {number} index
 * @param {string} username
 */
function renameUser(state, index, username) {
	const store = state.authArmor;
	const previous = store.renames.get(index);
	if (previous !== undefined) store.renamedIndexByName.delete(previous.toLowerCase());
	if (username === fx.authArmorDefaultUsername(index)) {
		store.renames.delete(index);
	} else {
		store.renames.set(index, username);
		store.renamedIndexByName.set(username.toLowerCase(), index);
	}
	store.renameVersion += 1;
}

/**
 * User indexes sorted ascending by a text column; cached until the count or (for usernames) a rename changes.
 * @param {SandboxState} state
 * @param {'username' | 'email_address'} column
 */
function sortedByText(state, column) {
	const count = state.knobs.authArmorUserCount;
	const key = `${count}:${column === 'username' ? state.authArmor.renameVersion : 0}`;
	const cached = state.authArmor.sortCache.get(column);
	if (cached && cached.key === key) return cached.order;
	const values = new Array(count + 1);
	for (let i = 1; i <= count; i++) {
		values[i] = (
			column === 'username' ? usernameOf(state, i) : fx.authArmorDefaultUsername(i)
		).toLowerCase();
	}
	const order = new Uint32Array(count);
	for (let i = 0; i < count; i++) order[i] = i + 1;
	order.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
	state.authArmor.sortCache.set(column, { key, order });
	return order;
}

/**
 * The user indexes in list order, as a length and an accessor (no per-request copy unless filtering).
 * @param {SandboxState} state
 * @param {string} column
 * @param {'asc' | 'desc'} direction
 * @param {string} filter lower-case substring of the username, or ''
 * @returns {{ length: number, at: (position: number) => number }}
 */
function userOrder(state, column, direction, filter) {
	const count = state.knobs.authArmorUserCount;
	/** @type {{ length: number, at: (position: number) => number }} */
	let view = { length: count, at: (p) => p + 1 };
	if (column === 'username' || column === 'email_address') {
		const order = sortedByText(state, column);
		view = { length: order.length, at: (p) => order[p] };
	}
	if (direction === 'desc') {
		const asc = view;
		view = { length: asc.length, at: (p) => asc.at(asc.length - 1 - p) };
	}
	if (filter) {
		/** @type {number[]} */
		const matches = [];
		for (let p = 0; p < view.length; p++) {
			const index = view.at(p);
			if (usernameOf(state, index).toLowerCase().includes(filter)) matches.push(index);
		}
		view = { length: matches.length, at: (p) => matches[p] };
	}
	return view;
}

/**
 * Resolves the `{user_id}` segment: a user's UUID, or the empty GUID plus a username given in header
 * X-AuthArmor-UsernameValue or query `username` (so it never has to appear in the path).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {string} segment
 * @returns {{ index: number } | { reply: Reply }}
 */
function resolveUser(state, ctx, segment) {
	const userId = formDecode(segment);
	if (!UUID_PATTERN.test(userId))
		return { reply: apiError(400, `The user id '${userId}' is not a valid GUID.`) };
	if (userId === fx.AUTHARMOR_EMPTY_GUID) {
		const header = ctx.headers['x-autharmor-usernamevalue'];
		const username = String(
			(Array.isArray(header) ? header[0] : header) || queryParam(ctx.params, 'username') || '',
		).trim();
		if (!username)
			return { reply: apiError(400, 'A username is required when the user id is the empty GUID.') };
		const index = indexOfUsername(state, username);
		return index ? { index } : { reply: apiError(404, 'User not found.') };
	}
	const index = fx.authArmorUserIndex(userId);
	return index >= 1 && index <= state.knobs.authArmorUserCount
		? { index }
		: { reply: apiError(404, 'User not found.') };
}

// ------------------------------------------------------------------ users endpoints

/**
 * GET /v{3,4}/users
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 */
function listUsers(state, ctx) {
	const pageNumber = intParam(queryParam(ctx.params, 'page_number'), 1);
	if (!(pageNumber >= 1)) return apiError(400, 'page_number must be 1 or greater.');
	const pageSize = intParam(queryParam(ctx.params, 'page_size'), fx.AUTHARMOR_DEFAULT_PAGE_SIZE);
	if (!(pageSize >= 1 && pageSize <= fx.AUTHARMOR_MAX_PAGE_SIZE)) {
		return apiError(400, `page_size must be between 1 and ${fx.AUTHARMOR_MAX_PAGE_SIZE}.`);
	}
	const direction = (queryParam(ctx.params, 'sort_direction') || 'asc').toLowerCase();
	if (direction !== 'asc' && direction !== 'desc')
		return apiError(400, 'sort_direction must be asc or desc.');
	const column = (queryParam(ctx.params, 'sort_column') || 'date_created').toLowerCase();
	if (!SORT_COLUMNS.includes(column))
		return apiError(400, `sort_column must be one of ${SORT_COLUMNS.join(', ')}.`);
	const filter = (queryParam(ctx.params, 'username') || '').trim().toLowerCase();

	const order = userOrder(state, column, direction, filter);
	const userRecords = [];
	const start = (pageNumber - 1) * pageSize;
	for (let p = start; p < order.length && p < start + pageSize; p++)
		userRecords.push(userRecord(state, order.at(p)));
	return json(200, {
		user_records: userRecords,
		page_info: {
			currnet_page_number: pageNumber,
			currnet_page_size: pageSize,
			total_page_count: Math.ceil(order.length / pageSize),
			total_record_count: order.length,
		},
	});
}

/**
 * GET /v{3,4}/users/{user_id}
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {string} segment
 */
function getUser(state, ctx, segment) {
	const resolved = resolveUser(state, ctx, segment);
	if ('reply' in resolved) return resolved.reply;
	return json(200, {
		enrolled_auth_methods: fx.authArmorEnrolledAuthMethods(resolved.index),
		...userRecord(state, resolved.index),
	});
}

/**
 * PUT /v{3,4}/users/{user_id} with `{ new_username }`.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {string} segment
 */
function updateUser(state, ctx, segment) {
	if (
		!/^(application\/([\w.-]+\+)?json|text\/json)$/.test(mediaType(ctx.headers['content-type']))
	) {
		return apiError(415, 'The request body must be JSON.');
	}
	const resolved = resolveUser(state, ctx, segment);
	if ('reply' in resolved) return resolved.reply;
	const body = parseJson(ctx.body);
	if (!isPlainObject(body)) return apiError(400, 'The request body is not valid JSON.');
	const username = body.new_username;
	if (typeof username !== 'string' || username.trim() === '')
		return apiError(400, 'new_username is required.');
	if (username.length > MAX_USERNAME_LENGTH || /[\s\p{Cc}]/u.test(username))
		return apiError(400, 'new_username is not a valid username.');
	const holder = indexOfUsername(state, username);
	if (holder && holder !== resolved.index)
		return apiError(409, `The username '${username}' is already in use.`);
	renameUser(state, resolved.index, username);
	return json(200, userRecord(state, resolved.index));
}

module.exports = { listUsers, getUser, updateUser };
