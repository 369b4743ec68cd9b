// @ts-check
'use strict';

/**
 * MDR (mdr.api.secure-prod.services, the "JSM" incidents and service requests of the MDR public API), under
 * `/mdr`: `GET /incidents`, `GET /incidents/{issueKey}`, `POST /incidents/{issueKey}/comments`,
 * `GET /service-requests`. Lists page by `startAt` (0-based offset) / `pageSize` (1..100) and answer
 * `{ totalRows, issues, approvedOrgs }`.
 */

const fx = require('../fixtures');
const { json, text, mediaType, parseJson, isPlainObject, queryParam } = require('../http-util');
const { message } = require('../armor/common');
const { answeredPageSize, boundedInt, lowerList, oneOf } = require('./paging');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../state').MdrComment} MdrComment */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */
/** @typedef {import('../armor/common').Session} Session */
/** @typedef {import('../armor/common').SessionHandler} SessionHandler */

const SORT_FIELDS = /** @type {const} */ ([
	'id',
	'status',
	'summary',
	'priority',
	'severity',
	'updated',
	'created',
]);
const SORT_DIRECTIONS = /** @type {const} */ (['asc', 'desc']);
const MAX_COMMENT_LENGTH = 5000;

/**
 * @typedef {object} Row one listed record with what it sorts and filters by
 * @property {number} n
 * @property {string} severity
 * @property {{ id: string, summary: string, status: string, priority: string, created: string, updated: string }} item
 */

/** @param {string} level */
const rank = (level) => fx.MDR_PRIORITIES.indexOf(level);

/**
 * @param {Row} a
 * @param {Row} b
 * @param {typeof SORT_FIELDS[number]} sortBy
 */
function compareRows(a, b, sortBy) {
	/** @type {number} */
	let order;
	if (sortBy === 'id') order = 0;
	else if (sortBy === 'priority') order = rank(a.item.priority) - rank(b.item.priority);
	else if (sortBy === 'severity') order = rank(a.severity) - rank(b.severity);
	else {
		const left = a.item[sortBy];
		const right = b.item[sortBy];
		order = left < right ? -1 : left > right ? 1 : 0;
	}
	return order || a.n - b.n;
}

/**
 * The `{ totalRows, issues, approvedOrgs }` page of rows, after the query's filters, sort and paging.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {Session} session
 * @param {Row[]} rows
 * @returns {Reply}
 */
function listPage(state, ctx, session, rows) {
	const startAt = boundedInt(ctx.params, 'startAt', { fallback: 0, min: 0 });
	if ('reply' in startAt) return startAt.reply;
	const pageSize = boundedInt(ctx.params, 'pageSize', {
		fallback: fx.MDR_DEFAULT_PAGE_SIZE,
		min: 1,
		max: fx.MDR_MAX_PAGE_SIZE,
	});
	if ('reply' in pageSize) return pageSize.reply;
	const sortBy = oneOf(ctx.params, 'sortBy', SORT_FIELDS, 'id');
	if ('reply' in sortBy) return sortBy.reply;
	const direction = oneOf(ctx.params, 'sortDirection', SORT_DIRECTIONS, 'desc');
	if ('reply' in direction) return direction.reply;

	const statuses = lowerList(ctx.params, 'status');
	const priorities = lowerList(ctx.params, 'priority');
	const search = (queryParam(ctx.params, 'textSearch') ?? '').trim().toLowerCase();
	const sign = direction.value === 'desc' ? -1 : 1;
	const matching = rows
		.filter(
			({ item }) =>
				(!statuses || statuses.includes(item.status.toLowerCase())) &&
				(!priorities || priorities.includes(item.priority.toLowerCase())) &&
				(!search ||
					item.id.toLowerCase().includes(search) ||
					item.summary.toLowerCase().includes(search)),
		)
		.sort((a, b) => sign * compareRows(a, b, sortBy.value));
	const account = session.user.accounts.find((a) => a.id === session.accountId);
	return json(200, {
		totalRows: matching.length,
		issues: matching
			.slice(startAt.value, startAt.value + answeredPageSize(state, pageSize.value))
			.map((row) => row.item),
		approvedOrgs: [{ id: String(session.accountId), name: account?.name ?? '' }],
	});
}

/**
 * @param {number} count
 * @param {(n: number) => Row} row
 */
function rowsOf(count, row) {
	return Array.from({ length: count }, (_, i) => row(i + 1));
}

/** @type {SessionHandler} */
function listIncidents(state, ctx, session) {
	const rows = rowsOf(fx.MDR_INCIDENTS_PER_ACCOUNT, (n) => ({
		n,
		severity: fx.mdrIncidentSeverity(n),
		item: fx.mdrIncident(session.accountId, n),
	}));
	return listPage(state, ctx, session, rows);
}

/** @type {SessionHandler} */
function listServiceRequests(state, ctx, session) {
	const rows = rowsOf(fx.MDR_SERVICE_REQUESTS_PER_ACCOUNT, (n) => {
		const item = fx.mdrServiceRequest(session.accountId, n);
		return { n, severity: item.priority, item };
	});
	return listPage(state, ctx, session, rows);
}

/**
 * The incident number a path's issue key names in the session's account, or the error reply (400 for a key
 * that is no issue key, 404 for one of no incident of this account).
 * @param {Session} session
 * @param {string} segment
 * @returns {{ n: number, key: string } | { reply: Reply }}
 */
function incidentOf(session, segment) {
	let key = segment;
	try {
		key = decodeURIComponent(segment);
	} catch {
		// not percent-encoded: kept as is
	}
	if (!/^[A-Za-z]+-\d+$/.test(key))
		return { reply: json(400, message(`'${key}' is not a valid issue key.`)) };
	const parsed = fx.parseMdrKey(key, 'SEC');
	if (
		!parsed ||
		parsed.accountId !== session.accountId ||
		parsed.n < 1 ||
		parsed.n > fx.MDR_INCIDENTS_PER_ACCOUNT
	)
		return { reply: json(404, message(`Incident '${key}' was not found.`)) };
	return { n: parsed.n, key: fx.mdrIncidentKey(parsed.accountId, parsed.n) };
}

/** @type {SessionHandler} */
function getIncident(state, _ctx, session, match) {
	const incident = incidentOf(session, match[1]);
	if ('reply' in incident) return incident.reply;
	const details = fx.mdrIncidentDetails(session.accountId, incident.n);
	const added = state.services.comments.get(incident.key) ?? [];
	return json(200, { ...details, comments: [...details.comments, ...added] });
}

/**
 * The comment text (and visibility) of a POST body: JSON `{ comment, isPublic? }`, a form or
 * multipart/form-data with a `comment` field; or the error reply.
 * @param {RequestContext} ctx
 * @returns {{ comment: string, isPublic: boolean } | { reply: Reply }}
 */
function commentBody(ctx) {
	const type = mediaType(ctx.headers['content-type']);
	/** @type {unknown} */
	let comment;
	let isPublic = true;
	if (type === 'application/json' || type === 'text/json') {
		const value = parseJson(ctx.body);
		if (!isPlainObject(value)) return { reply: json(400, message('The request is invalid.')) };
		comment = value.comment;
		if (typeof value.isPublic === 'boolean') isPublic = value.isPublic;
	} else if (type === 'application/x-www-form-urlencoded') {
		comment = new URLSearchParams(ctx.body).get('comment') ?? undefined;
	} else if (type === 'multipart/form-data') {
		comment = multipartField(ctx.body, String(ctx.headers['content-type']), 'comment');
	} else {
		return {
			reply: json(
				415,
				message(
					`The request entity's media type '${type || 'none'}' is not supported for this resource.`,
				),
			),
		};
	}
	if (typeof comment !== 'string' || comment.trim() === '')
		return { reply: json(400, message('The comment must not be empty.')) };
	if (comment.length > MAX_COMMENT_LENGTH)
		return {
			reply: json(400, message(`The comment must be at most ${MAX_COMMENT_LENGTH} characters.`)),
		};
	return { comment, isPublic };
}

/**
 * The value of a multipart/form-data text field, or undefined.
 * @param {string} body
 * @param {string} contentType
 * @param {string} name
 */
function multipartField(body, contentType, name) {
	const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	if (!boundary) return undefined;
	for (const part of body.split(`--${boundary[1] ?? boundary[2]}`)) {
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const head = part.slice(0, split);
		const field = /content-disposition:[^\r\n]*;\s*name="([^"]*)"/i.exec(head);
		if (field?.[1] === name && !/filename=/i.test(head))
			return part.slice(split + 4).replace(/\r\n$/, '');
	}
	return undefined;
}

/** @type {SessionHandler} */
function addIncidentComment(state, ctx, session, match) {
	const incident = incidentOf(session, match[1]);
	if ('reply' in incident) return incident.reply;
	const body = commentBody(ctx);
	if ('reply' in body) return body.reply;
	const now = new Date().toISOString();
	/** @type {MdrComment} */
	const comment = {
		id: String(10_000_000 + state.services.nextCommentId++),
		authorDisplayName: `${session.user.firstName} ${session.user.lastName}`,
		authorEmail: session.user.username,
		body: body.comment,
		created: now,
		updated: now,
		isPublic: body.isPublic,
	};
	const list = state.services.comments.get(incident.key) ?? [];
	list.push(comment);
	state.services.comments.set(incident.key, list);
	// The spec answers 200 with a text/plain body.
	return text(200, 'Comment added successfully.');
}

module.exports = { listIncidents, getIncident, addIncidentComment, listServiceRequests };
