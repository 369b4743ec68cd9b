// @ts-check
'use strict';

/**
 * Armor Defense support tickets: GET /tickets/list and /tickets/list-all (nextPageToken paging),
 * GET /tickets/{key}/details, GET, POST /tickets/{key}/comments (start/limit paging), GET, POST
 * /tickets/{key}/transition and GET /tickets/entries (the archive; pageNumber/pageSize paging).
 * Transitions and comments are kept in the sandbox's store, as are the tickets added and updated through the
 * sandbox's data-change methods (`addTickets`, `updateTicket`).
 */

const fx = require('../fixtures');
const data = require('../armorData');
const { json, queryParam, intParam } = require('../http-util');
const { message } = require('./common');
const {
	accountStore,
	MAX_TICKETS_PER_ACCOUNT,
	ticketCount,
	ticketNumberOf,
	ticketRecord,
	listTicket,
	generatedCommentCount,
	ticketComments,
} = require('./store');
const {
	SandboxNotFoundError,
	clockTimes,
	clockIso,
	optionsArg,
	countArg,
	accountArg,
	sameTimestampOption,
	fieldsOption,
	textRule,
	oneOfRule,
} = require('../change-util');
const { notFound, badRequest, intQuery, jsonBody, ModelErrors } = require('./request');
const { answeredPageSize } = require('../services/paging');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('./common').SessionHandler} SessionHandler */
/** @typedef {import('./common').Session} Session */
/** @typedef {import('./store').AccountStore} AccountStore */

// ------------------------------------------------------------------ page tokens

/**
 * @param {string} scope 'list' or 'all'
 * @param {number} accountId
 * @param {number} offset
 */
function encodePageToken(scope, accountId, offset) {
	const text = scope === 'list' ? `${accountId}:${offset}` : `${scope}:${accountId}:${offset}`;
	return Buffer.from(text).toString('base64url');
}

/**
 * The offset a page token names for this listing and account, or NaN.
 * @param {string} scope
 * @param {string} token
 * @param {number} accountId
 * @param {number} total
 */
function decodePageToken(scope, token, accountId, total) {
	const text = Buffer.from(token, 'base64url').toString('utf8');
	const match = scope === 'list' ? /^()(\d+):(\d+)$/.exec(text) : /^(\w+):(\d+):(\d+)$/.exec(text);
	if (!match || (scope !== 'list' && match[1] !== scope)) return NaN;
	if (Number(match[2]) !== accountId || Number(match[3]) >= total) return NaN;
	return Number(match[3]);
}

/**
 * maxResults (1..100, default 10) and the offset of nextPageToken.
 * @param {import('./common').RequestContext} ctx
 * @param {string} scope
 * @param {number} accountId
 * @param {number} total
 * @returns {{ maxResults: number, offset: number } | { reply: import('../http-util').Reply }}
 */
function tokenPage(ctx, scope, accountId, total) {
	const maxResults = intParam(
		queryParam(ctx.params, 'maxResults'),
		fx.ARMOR_TICKETS_DEFAULT_MAX_RESULTS,
	);
	if (!(maxResults >= 1 && maxResults <= fx.ARMOR_TICKETS_MAX_RESULTS)) {
		return {
			reply: json(
				400,
				message(`maxResults must be between 1 and ${fx.ARMOR_TICKETS_MAX_RESULTS}.`),
			),
		};
	}
	const token = queryParam(ctx.params, 'nextPageToken') || '';
	const offset = token ? decodePageToken(scope, token, accountId, total) : 0;
	if (Number.isNaN(offset)) return { reply: json(400, message('The nextPageToken is not valid.')) };
	return { maxResults, offset };
}

/**
 * `{nextPageToken, total, items}` for one page of an ordered listing.
 * @template T
 * @param {string} scope
 * @param {number} accountId
 * @param {T[]} all
 * @param {number} offset
 * @param {number} maxResults
 */
function tokenPageBody(scope, accountId, all, offset, maxResults) {
	const end = Math.min(all.length, offset + maxResults);
	return {
		nextPageToken: end < all.length ? encodePageToken(scope, accountId, end) : null,
		total: all.length,
		items: all.slice(offset, end),
	};
}

// ------------------------------------------------------------------ lists

/**
 * GET /tickets/list?maxResults=&nextPageToken=&orderByDirection=asc|desc: by ticket number (= by created
 * time: added tickets come after the fixtures, in the order added), oldest first unless desc.
 * @type {SessionHandler}
 */
function listTickets(state, ctx, { accountId }) {
	const direction = (queryParam(ctx.params, 'orderByDirection') || 'asc').toLowerCase();
	if (direction !== 'asc' && direction !== 'desc')
		return json(400, message('orderByDirection must be asc or desc.'));
	const account = accountStore(state, accountId);
	const total = ticketCount(account);
	const page = tokenPage(ctx, 'list', accountId, total);
	if ('reply' in page) return page.reply;
	const all = [];
	for (let position = 0; position < total; position++)
		all.push(listTicket(account, direction === 'asc' ? position + 1 : total - position));
	return json(
		200,
		tokenPageBody('list', accountId, all, page.offset, answeredPageSize(state, page.maxResults)),
	);
}

const PRIORITY_RANK = ['Low', 'Medium', 'High', 'Critical'];
const STATUS_RANK = ['Open', 'In Progress', 'Waiting on Customer', 'Resolved', 'Closed'];

/** @type {Record<string, (t: ReturnType<typeof ticketRecord>) => string | number>} */
const ORDER_KEYS = {
	created: (t) => t.created,
	updated: (t) => t.updated,
	key: (t) => t.key,
	priority: (t) => PRIORITY_RANK.indexOf(t.priority),
	status: (t) => STATUS_RANK.indexOf(t.status),
};

/**
 * GET /tickets/list-all?maxResults=&nextPageToken=&requestType=&orderBy=&orderByDirection= -> {nextPageToken,
 * total, items}: every ticket of the account in the list-all shape (`issueKeyId`, `currentStatus`,
 * `requestType`), optionally of one request type (id or name), ordered by created (default), updated, key,
 * priority or status, asc (0, default) or desc (1).
 * @type {SessionHandler}
 */
function listAllTickets(state, ctx, { accountId }) {
	const orderBy = (queryParam(ctx.params, 'orderBy') || 'created').trim().toLowerCase();
	const orderKey = ORDER_KEYS[orderBy];
	if (!orderKey)
		return badRequest(`orderBy must be one of: ${Object.keys(ORDER_KEYS).join(', ')}.`);
	const direction = (queryParam(ctx.params, 'orderByDirection') || 'asc').trim().toLowerCase();
	if (!['asc', 'desc', '0', '1'].includes(direction))
		return badRequest('orderByDirection must be 0 (ascending), 1 (descending), asc or desc.');
	const descending = direction === 'desc' || direction === '1';
	const requestTypeRaw = (queryParam(ctx.params, 'requestType') || '').trim();
	let requestType;
	if (requestTypeRaw) {
		requestType = data.ARMOR_TICKET_REQUEST_TYPES.find(
			(t) =>
				String(t.id) === requestTypeRaw || t.name.toLowerCase() === requestTypeRaw.toLowerCase(),
		);
		if (!requestType) {
			return badRequest(
				`requestType '${requestTypeRaw}' is not valid. Known: ${data.ARMOR_TICKET_REQUEST_TYPES.map((t) => `${t.id} (${t.name})`).join(', ')}.`,
			);
		}
	}
	const account = accountStore(state, accountId);
	const all = [];
	for (let n = 1; n <= ticketCount(account); n++) {
		const ticket = ticketRecord(account, n);
		if (!requestType || ticket.requestType.id === requestType.id) all.push(ticket);
	}
	all.sort((a, b) => {
		const x = orderKey(a);
		const y = orderKey(b);
		const order = x < y ? -1 : x > y ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
		return descending ? -order : order;
	});
	const page = tokenPage(ctx, 'all', accountId, all.length);
	if ('reply' in page) return page.reply;
	return json(
		200,
		tokenPageBody('all', accountId, all, page.offset, answeredPageSize(state, page.maxResults)),
	);
}

// ------------------------------------------------------------------ one ticket

/**
 * The ticket number (n) a path key names in the account, or 0.
 * @param {SandboxState} state
 * @param {number} accountId
 * @param {string} key
 */
function ticketNumber(state, accountId, key) {
	return ticketNumberOf(accountStore(state, accountId), key);
}

/** @param {string} key */
const ticketNotFound = (key) => notFound(`Ticket ${key} was not found.`);

/**
 * A ticket as /details answers it: the list-all record with its description and comment count.
 * @param {AccountStore} account
 * @param {number} n
 */
function ticketDetails(account, n) {
	return { ...ticketRecord(account, n), commentCount: ticketComments(account, n).length };
}

/**
 * GET /tickets/{issueKeyId}/details
 * @type {SessionHandler}
 */
function getTicketDetails(state, _ctx, { accountId }, match) {
	const n = ticketNumber(state, accountId, match[1]);
	if (!n) return ticketNotFound(match[1]);
	return json(200, ticketDetails(accountStore(state, accountId), n));
}

/**
 * GET /tickets/{key}/comments?start=&limit= -> {start, limit, total, items}, oldest first; start >= 0
 * (default 0), limit 1..100 (default 50).
 * @type {SessionHandler}
 */
function listTicketComments(state, ctx, { accountId }, match) {
	const n = ticketNumber(state, accountId, match[1]);
	if (!n) return ticketNotFound(match[1]);
	const start = intQuery(ctx, 'start', 0, 0);
	if ('reply' in start) return start.reply;
	const limit = intQuery(
		ctx,
		'limit',
		data.ARMOR_TICKET_COMMENTS_DEFAULT_LIMIT,
		1,
		data.ARMOR_TICKET_COMMENTS_MAX_LIMIT,
	);
	if ('reply' in limit) return limit.reply;
	const comments = ticketComments(accountStore(state, accountId), n);
	return json(200, {
		start: start.value,
		limit: limit.value,
		total: comments.length,
		items: comments.slice(start.value, start.value + answeredPageSize(state, limit.value)),
	});
}

/**
 * Adds a comment to ticket n as the session's user.
 * @param {AccountStore} account
 * @param {number} n
 * @param {Session} session
 * @param {string} text
 * @param {boolean} isPublic
 */
function addComment(account, n, { user }, text, isPublic) {
	const added = account.comments.get(n) ?? [];
	const comment = {
		id: data.armorTicketCommentId(
			account.accountId,
			n,
			generatedCommentCount(n) + added.length + 1,
		),
		issueKeyId: fx.armorTicket(account.accountId, n).key,
		comment: text,
		isPublic,
		author: /** @type {{ id: number | null, name: string, email: string }} */ ({
			id: user.id,
			name: `${user.firstName} ${user.lastName}`,
			email: user.username,
		}),
		createdDate: new Date().toISOString(),
	};
	added.push(comment);
	account.comments.set(n, added);
	return comment;
}

/**
 * Checks that a body field names the ticket of the URL (case-insensitive).
 * @param {ModelErrors} errors
 * @param {Record<string, unknown>} body
 * @param {string} field
 * @param {string} key the ticket's key
 */
function sameTicket(errors, body, field, key) {
	const value = errors.string(body, field, { max: 64 });
	if (value !== undefined && value.toUpperCase() !== key)
		errors.add(field, `The ${field} (${value}) does not match the ticket in the URL (${key}).`);
}

/**
 * POST /tickets/{key}/comments {comment, isPublic, issueKeyId} -> the new comment.
 * @type {SessionHandler}
 */
function addTicketComment(state, ctx, session, match) {
	const n = ticketNumber(state, session.accountId, match[1]);
	if (!n) return ticketNotFound(match[1]);
	const body = jsonBody(ctx);
	if ('reply' in body) return body.reply;
	const account = accountStore(state, session.accountId);
	const key = fx.armorTicket(session.accountId, n).key;
	const errors = new ModelErrors();
	const text = errors.string(body.value, 'comment', { max: 32000 });
	const isPublic = errors.boolean(body.value, 'isPublic');
	sameTicket(errors, body.value, 'issueKeyId', key);
	if (errors.any) return errors.reply();
	return json(
		200,
		addComment(
			account,
			n,
			session,
			/** @type {string} */ (text),
			/** @type {boolean} */ (isPublic),
		),
	);
}

/**
 * GET /tickets/{key}/transition -> [{id, name, toStatus}] available from the ticket's current status.
 * @type {SessionHandler}
 */
function listTicketTransitions(state, _ctx, { accountId }, match) {
	const n = ticketNumber(state, accountId, match[1]);
	if (!n) return ticketNotFound(match[1]);
	const ticket = ticketRecord(accountStore(state, accountId), n);
	return json(200, data.armorTicketTransitions(ticket.status));
}

/**
 * POST /tickets/{key}/transition {ticketNumber, transitionId, comment?} -> the ticket's details in its new
 * status; a non-empty comment is added as a public comment.
 * @type {SessionHandler}
 */
function transitionTicket(state, ctx, session, match) {
	const n = ticketNumber(state, session.accountId, match[1]);
	if (!n) return ticketNotFound(match[1]);
	const body = jsonBody(ctx);
	if ('reply' in body) return body.reply;
	const account = accountStore(state, session.accountId);
	const ticket = ticketRecord(account, n);
	const errors = new ModelErrors();
	sameTicket(errors, body.value, 'ticketNumber', ticket.key);
	const transitionId = errors.integer(body.value, 'transitionId');
	const comment = errors.string(body.value, 'comment', { max: 32000, optional: true });
	if (errors.any) return errors.reply();
	const available = data.armorTicketTransitions(ticket.status);
	const transition = available.find((t) => t.id === transitionId);
	if (!transition) {
		return badRequest(
			`Transition ${transitionId} is not available for ticket ${ticket.key} in status '${ticket.status}'. Available: ${available.map((t) => `${t.id} (${t.name})`).join(', ') || 'none'}.`,
		);
	}
	account.tickets.set(n, {
		...account.tickets.get(n),
		status: transition.toStatus,
		updated: clockIso(state),
	});
	if (comment) addComment(account, n, session, comment, true);
	return json(200, ticketDetails(account, n));
}

/**
 * GET /tickets/entries?pageNumber=&pageSize= -> {total, pageNumber, pageSize, totalPages, items} (archived
 * tickets, most recently closed first; pageNumber >= 1, pageSize 1..100, default 10).
 * @type {SessionHandler}
 */
function listTicketEntries(state, ctx, { accountId }) {
	const pageNumber = intQuery(ctx, 'pageNumber', 1, 1);
	if ('reply' in pageNumber) return pageNumber.reply;
	const asked = intQuery(ctx, 'pageSize', 10, 1, data.ARMOR_PAGE_SIZE_MAX);
	if ('reply' in asked) return asked.reply;
	const pageSize = { value: answeredPageSize(state, asked.value) };
	const total = data.ARMOR_TICKET_ENTRIES_PER_ACCOUNT;
	const items = [];
	const first = (pageNumber.value - 1) * pageSize.value + 1;
	for (let n = first; n <= total && n < first + pageSize.value; n++)
		items.push(data.armorTicketEntry(accountId, n));
	return json(200, {
		total,
		pageNumber: pageNumber.value,
		pageSize: pageSize.value,
		totalPages: Math.ceil(total / pageSize.value),
		items,
	});
}

// ------------------------------------------------------------------ data changes (sandbox methods)

const TICKET_FIELD_RULES = {
	summary: textRule(255),
	status: oneOfRule(STATUS_RANK),
	priority: oneOfRule(PRIORITY_RANK),
	description: textRule(32000),
	/** @type {import('../change-util').FieldRule} */
	requestType: (value, name) => {
		const type = data.ARMOR_TICKET_REQUEST_TYPES.find(
			(t) =>
				t.id === value ||
				(typeof value === 'string' && t.name.toLowerCase() === value.toLowerCase()),
		);
		if (!type)
			throw new TypeError(
				`${name} must be a request type id or name: ${data.ARMOR_TICKET_REQUEST_TYPES.map((t) => `${t.id} (${t.name})`).join(', ')}.`,
			);
		return { ...type };
	},
};

/**
 * Adds `count` tickets to the account, numbered on from its last ticket (`ARM-<account>-013`, ...), created
 * and updated at the sandbox clock (one time for all with `sameTimestamp`, else 1 ms apart, in order). As
 * generated for their number (armorData.js `armorTicketRecord`), but `status` 'Open', no comments, and
 * `fields` (summary, status, priority, description, requestType id or name) applied. Returns them as
 * /tickets/list-all lists them.
 * @param {SandboxState} state
 * @param {unknown} accountId
 * @param {unknown} count
 * @param {unknown} [options] `{ sameTimestamp?, fields? }`
 */
function addTickets(state, accountId, count, options) {
	const account = accountStore(state, accountArg(accountId));
	const opts = optionsArg('addTickets options', options, ['sameTimestamp', 'fields']);
	const how = countArg(count, 1000);
	const room = MAX_TICKETS_PER_ACCOUNT - ticketCount(account);
	if (how > room)
		throw new TypeError(
			`Account ${account.accountId} can hold ${MAX_TICKETS_PER_ACCOUNT} tickets (3-digit keys); ${room} more fit.`,
		);
	const fields = fieldsOption(opts, TICKET_FIELD_RULES);
	const times = clockTimes(state, how, sameTimestampOption(opts));
	return times.map((ms) => {
		const n = ticketCount(account) + 1;
		const at = new Date(ms).toISOString();
		const generated = data.armorTicketRecord(account.accountId, n);
		const status = /** @type {string} */ (fields.status ?? 'Open');
		const ticket = {
			...generated,
			...fields,
			status,
			currentStatus: status,
			created: at,
			updated: at,
			createdDate: at,
			updatedDate: at,
		};
		account.addedTickets.set(n, ticket);
		return ticketRecord(account, n);
	});
}

/**
 * Changes a ticket (a fixture or an added one) as its workflow would: `status` (any of Open, In Progress,
 * Waiting on Customer, Resolved, Closed) and / or `summary`; either way its `updated` / `updatedDate` move to
 * the sandbox clock. Returns the ticket as /tickets/list-all lists it.
 * @param {SandboxState} state
 * @param {unknown} accountId
 * @param {unknown} key
 * @param {unknown} [changes] `{ status?, summary? }`
 */
function updateTicket(state, accountId, key, changes) {
	const account = accountStore(state, accountArg(accountId));
	if (typeof key !== 'string')
		throw new TypeError('key must be a ticket key such as ARM-1001-001.');
	const n = ticketNumberOf(account, key);
	if (!n) throw new SandboxNotFoundError(`Ticket ${key} was not found in account ${accountId}.`);
	const opts = optionsArg('updateTicket changes', changes, ['status', 'summary']);
	/** @type {import('./store').TicketChange} */
	const change = { ...account.tickets.get(n), updated: '' };
	if (opts.status !== undefined)
		change.status = /** @type {string} */ (TICKET_FIELD_RULES.status(opts.status, 'status'));
	if (opts.summary !== undefined)
		change.summary = /** @type {string} */ (TICKET_FIELD_RULES.summary(opts.summary, 'summary'));
	change.updated = clockIso(state);
	account.tickets.set(n, change);
	return ticketRecord(account, n);
}

module.exports = {
	addTickets,
	updateTicket,
	listTickets,
	listAllTickets,
	getTicketDetails,
	listTicketComments,
	addTicketComment,
	listTicketTransitions,
	transitionTicket,
	listTicketEntries,
};
