// @ts-check
'use strict';

/**
 * Auth Armor /v{3,4}/users endpoints and the user store: a deterministic user list generated from the index
 * (so 100,000 users cost nothing) plus small overlays: renames (PUT), users created by registrations or the
 * sandbox's `addAuthArmorUsers`, changed email addresses. Every `{user_id}` route resolves its user with `resolveUser` (a GUID, or the empty GUID plus
 * a username).
 */

const fx = require('../fixtures');
const { json, mediaType, parseJson, isPlainObject, queryParam } = require('../http-util');
const { apiError, formDecode, pagingParams, pageInfo, GUID_PATTERN } = require('./common');
const { authArmorStore } = require('./store');
const {
	clockTimes,
	clockIso,
	optionsArg,
	countArg,
	sameTimestampOption,
	fieldsOption,
} = require('../change-util');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */
/** @typedef {Record<string, string>} RouteParams */

const SORT_COLUMNS = ['date_created', 'user_id', 'username', 'email_address'];
const MAX_USERNAME_LENGTH = 256;

// ------------------------------------------------------------------ user store

/**
 * Whether user `index` exists: a generated one (1..authArmorUserCount) or one created by a registration.
 * @param {SandboxState} state
 * @param {number} index
 */
function isUser(state, index) {
	return (
		(index >= 1 && index <= state.knobs.authArmorUserCount) ||
		authArmorStore(state).created.has(index)
	);
}

/**
 * The user as generated or created, before renames and email changes.
 * @param {SandboxState} state
 * @param {number} index
 */
function baseUser(state, index) {
	return authArmorStore(state).created.get(index) ?? fx.authArmorDefaultUser(index);
}

/**
 * @param {SandboxState} state
 * @param {number} index
 * @returns {string}
 */
function usernameOf(state, index) {
	return state.authArmor.renames.get(index) ?? baseUser(state, index).username;
}

/**
 * @param {SandboxState} state
 * @param {number} index
 * @returns {string | null}
 */
function emailOf(state, index) {
	return authArmorStore(state).emails.get(index) ?? baseUser(state, index).email_address;
}

/**
 * The spec's `user` record of user `index` (renames and email changes applied).
 * @param {SandboxState} state
 * @param {number} index
 */
function userRecord(state, index) {
	const base = baseUser(state, index);
	return {
		user_id: base.user_id,
		email_address: emailOf(state, index),
		username: usernameOf(state, index),
		date_created: base.date_created,
	};
}

/**
 * `{user_id, username}` (spec schema `auth_profile_details`) of user `index`.
 * @param {SandboxState} state
 * @param {number} index
 */
function userProfile(state, index) {
	return { user_id: fx.authArmorUserId(index), username: usernameOf(state, index) };
}

/**
 * The index of the user currently holding `username` (case-insensitive), or 0.
 * @param {SandboxState} state
 * @param {string} username
 */
function indexOfUsername(state, username) {
	const lower = username.toLowerCase();
	const renamed = state.authArmor.renamedIndexByName.get(lower);
	if (renamed !== undefined) return isUser(state, renamed) ? renamed : 0;
	const created = authArmorStore(state).createdIndexByName.get(lower);
	if (created !== undefined && !state.authArmor.renames.has(created)) return created;
	const index = fx.authArmorIndexOfDefaultUsername(username);
	return index >= 1 &&
		index <= state.knobs.authArmorUserCount &&
		!state.authArmor.renames.has(index)
		? index
		: 0;
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
	if (username === baseUser(state, index).username) {
		store.renames.delete(index);
	} else {
		store.renames.set(index, username);
		store.renamedIndexByName.set(username.toLowerCase(), index);
	}
	store.renameVersion += 1;
}

/**
 * Creates a user (a registration's new user, or one of `addAuthArmorUsers`) at the index reserved for it;
 * `date_created` defaults to the sandbox clock.
 * @param {SandboxState} state
 * @param {number} index
 * @param {string} username
 * @param {string | null} email
 * @param {string} [dateCreated] ISO 8601
 */
function createUser(state, index, username, email, dateCreated = clockIso(state)) {
	const store = authArmorStore(state);
	store.created.set(index, {
		user_id: fx.authArmorUserId(index),
		username,
		email_address: email,
		date_created: dateCreated,
	});
	store.createdIndexByName.set(username.toLowerCase(), index);
	store.createdVersion += 1;
}

/**
 * Reserves the index of a user a registration may create.
 * @param {SandboxState} state
 */
function reserveUserIndex(state) {
	const store = authArmorStore(state);
	const index = store.nextCreatedIndex;
	store.nextCreatedIndex += 1;
	return index;
}

/**
 * Changes a user's email address (a validated change-of-email registration).
 * @param {SandboxState} state
 * @param {number} index
 * @param {string} email
 */
function changeEmail(state, index, email) {
	const store = authArmorStore(state);
	store.emails.set(index, email);
	store.emailsVersion += 1;
}

/**
 * Every user index: the generated ones, then the created ones (in creation order).
 * @param {SandboxState} state
 * @returns {{ length: number, at: (position: number) => number }}
 */
function allUsers(state) {
	const count = state.knobs.authArmorUserCount;
	const created = [...authArmorStore(state).created.keys()];
	return { length: count + created.length, at: (p) => (p < count ? p + 1 : created[p - count]) };
}

/**
 * User indexes sorted ascending by a text column; cached until the users, (for usernames) a rename or (for
 * emails) an email change changes.
 * @param {SandboxState} state
 * @param {'username' | 'email_address'} column
 */
function sortedByText(state, column) {
	const store = authArmorStore(state);
	const version = column === 'username' ? state.authArmor.renameVersion : store.emailsVersion;
	const key = `${state.knobs.authArmorUserCount}:${store.createdVersion}:${version}`;
	const cached = state.authArmor.sortCache.get(column);
	if (cached && cached.key === key) return cached.order;
	const all = allUsers(state);
	const count = state.knobs.authArmorUserCount;
	const values = new Array(count + 1);
	/** @type {Map<number, string>} */
	const createdValues = new Map();
	for (let p = 0; p < all.length; p++) {
		const index = all.at(p);
		const value = (
			column === 'username' ? usernameOf(state, index) : (emailOf(state, index) ?? '')
		).toLowerCase();
		if (index <= count) values[index] = value;
		else createdValues.set(index, value);
	}
	const valueOf = (/** @type {number} */ i) => (i <= count ? values[i] : createdValues.get(i));
	const order = new Uint32Array(all.length);
	for (let p = 0; p < all.length; p++) order[p] = all.at(p);
	order.sort((a, b) => {
		const va = valueOf(a);
		const vb = valueOf(b);
		return va < vb ? -1 : va > vb ? 1 : a - b;
	});
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
	/** @type {{ length: number, at: (position: number) => number }} */
	let view = allUsers(state);
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
	if (!GUID_PATTERN.test(userId))
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
	return isUser(state, index) ? { index } : { reply: apiError(404, 'User not found.') };
}

// ------------------------------------------------------------------ users endpoints

/**
 * GET /v{3,4}/users. On v3 the filter may also come as header X-AuthArmor-UserFilterString or query
 * `user_filter_string` (the v3 SDKs' forms).
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 */
function listUsers(state, ctx) {
	const paging = pagingParams(ctx, SORT_COLUMNS);
	if ('reply' in paging) return paging.reply;
	let filter = queryParam(ctx.params, 'username') || '';
	if (!filter && /^\/v3\//i.test(ctx.path)) {
		const header = ctx.headers['x-autharmor-userfilterstring'];
		filter =
			(Array.isArray(header) ? header[0] : header) ||
			queryParam(ctx.params, 'user_filter_string') ||
			'';
	}
	const { pageNumber, pageSize, direction, column } = paging;
	const order = userOrder(state, column, direction, filter.trim().toLowerCase());
	const userRecords = [];
	const start = (pageNumber - 1) * pageSize;
	for (let p = start; p < order.length && p < start + pageSize; p++)
		userRecords.push(userRecord(state, order.at(p)));
	return json(200, {
		user_records: userRecords,
		page_info: pageInfo(pageNumber, pageSize, order.length),
	});
}

/**
 * GET /v{3,4}/users/{user_id}: `get_user_response`, whose `enrolled_auth_methods` follow the user's enabled
 * credentials.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function getUser(state, ctx, params) {
	const resolved = resolveUser(state, ctx, params.userId);
	if ('reply' in resolved) return resolved.reply;
	// Required here, not at the top: credentials.js requires this file.
	const { credentialsOf } = require('./credentials');
	return json(200, {
		enrolled_auth_methods: fx.authArmorEnrolledAuthMethodsOf(
			resolved.index,
			credentialsOf(state, resolved.index),
		),
		...userRecord(state, resolved.index),
	});
}

/**
 * PUT /v{3,4}/users/{user_id} with `{ new_username }`.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function updateUser(state, ctx, params) {
	if (
		!/^(application\/([\w.-]+\+)?json|text\/json)$/.test(mediaType(ctx.headers['content-type']))
	) {
		return apiError(415, 'The request body must be JSON.');
	}
	const resolved = resolveUser(state, ctx, params.userId);
	if ('reply' in resolved) return resolved.reply;
	const body = parseJson(ctx.body);
	if (!isPlainObject(body)) return apiError(400, 'The request body is not valid JSON.');
	const username = body.new_username;
	if (typeof username !== 'string' || username.trim() === '')
		return apiError(400, 'new_username is required.');
	if (!isValidUsername(username)) return apiError(400, 'new_username is not a valid username.');
	const holder = indexOfUsername(state, username);
	if (holder && holder !== resolved.index)
		return apiError(409, `The username '${username}' is already in use.`);
	renameUser(state, resolved.index, username);
	return json(200, userRecord(state, resolved.index));
}

/**
 * A username the sandbox accepts: at most 256 characters, no whitespace or control characters.
 * @param {string} username
 */
function isValidUsername(username) {
	return username.length <= MAX_USERNAME_LENGTH && !/[\s\p{Cc}]/u.test(username);
}

// ------------------------------------------------------------------ data changes (sandbox methods)

/**
 * Adds `count` users, as if each had just registered with the authenticator app: ids from
 * `authArmorUserId(10000001)` on (shared with registrations), username = email = `user<index>@autharmor.example`
 * (`fields`: `username` (count 1 only) and / or `email_address`), `date_created` at the sandbox clock (one time
 * for all with `sameTimestamp`, else 1 ms apart), one enabled authenticator credential ('iPhone 15', created
 * at the same time), no auth history. They list after every existing user in the default date_created order
 * (so first with sort_direction=desc). Returns their `user` records in the order added.
 * @param {SandboxState} state
 * @param {unknown} count
 * @param {unknown} [options] `{ sameTimestamp?, fields? }`
 */
function addAuthArmorUsers(state, count, options) {
	// Required here, not at the top: credentials.js requires this file.
	const { addCredential } = require('./credentials');
	const opts = optionsArg('addAuthArmorUsers options', options, ['sameTimestamp', 'fields']);
	const how = countArg(count, 1000);
	const fields = fieldsOption(opts, {
		username: (value, name) => {
			if (typeof value !== 'string' || value.trim() === '' || !isValidUsername(value))
				throw new TypeError(
					`${name} must be a valid username (no spaces, at most 256 characters).`,
				);
			if (how > 1) throw new TypeError(`${name} can only be given when adding one user.`);
			if (indexOfUsername(state, value))
				throw new TypeError(`The username '${value}' is already in use.`);
			return value;
		},
		email_address: (value, name) => {
			if (value !== null && (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(value)))
				throw new TypeError(`${name} must be an email address or null.`);
			return value;
		},
	});
	return clockTimes(state, how, sameTimestampOption(opts)).map((ms) => {
		const index = reserveUserIndex(state);
		const at = new Date(ms).toISOString();
		const username = /** @type {string} */ (fields.username ?? fx.authArmorDefaultUsername(index));
		const email = /** @type {string | null} */ (
			fields.email_address !== undefined ? fields.email_address : username
		);
		createUser(state, index, username, email, at);
		addCredential(state, index, 'autharmor_authenticator', 'iPhone 15', at);
		return userRecord(state, index);
	});
}

module.exports = {
	addAuthArmorUsers,
	listUsers,
	getUser,
	updateUser,
	resolveUser,
	isUser,
	userRecord,
	userProfile,
	usernameOf,
	emailOf,
	indexOfUsername,
	isValidUsername,
	createUser,
	reserveUserIndex,
	changeEmail,
};
