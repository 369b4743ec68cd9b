// @ts-check
'use strict';

/**
 * MDR (mdr.api.secure-prod.services, the "JSM" incidents and service requests of the MDR public API), under
 * `/mdr`: `GET /incidents`, `GET /incidents/{issueKey}`, `POST /incidents/{issueKey}/comments`,
 * `GET /service-requests`. Lists page by `startAt` (0-based offset) / `pageSize` (1..100) and answer
 * `{ totalRows, issues, approvedOrgs }`. Incidents and service requests added and incidents updated through
 * the sandbox's data-change methods live in services/store.js.
 */

const fx = require('../fixtures');
const { json, text, mediaType, parseJson, isPlainObject, queryParam } = require('../http-util');
const { message } = require('../armor/common');
const { answeredPageSize, boundedInt, lowerList, oneOf } = require('./paging');
const {
	MAX_MDR_ITEMS_PER_ACCOUNT,
	mdrAccount,
	incidentCount,
	serviceRequestCount,
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
	stringRule,
	oneOfRule,
} = require('../change-util');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../state').MdrComment} MdrComment */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('../armor/common').RequestContext} RequestContext */
/** @typedef {import('../armor/common').Session} Session */
/** @typedef {import('../armor/common').SessionHandler} SessionHandler */
/** @typedef {import('./store').MdrAccount} MdrAccount */

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

/**
 * Incident n of the account as listed now: the fixture or the added incident, with its changes.
 * @param {MdrAccount} account
 * @param {number} accountId
 * @param {number} n
 */
function incidentRow(account, accountId, n) {
	const added = account.incidents.get(n);
	const item = added ? { ...added.item } : fx.mdrIncident(accountId, n);
	const severity = added ? added.severity : fx.mdrIncidentSeverity(n);
	const changed = account.incidentChanges.get(n);
	if (changed) {
		item.status = changed.status ?? item.status;
		item.priority = changed.priority ?? item.priority;
		item.updated = changed.updated;
	}
	return { n, severity, item };
}

/**
 * Service request n of the account: the fixture or the added one.
 * @param {MdrAccount} account
 * @param {number} accountId
 * @param {number} n
 */
function serviceRequestRow(account, accountId, n) {
	const added = account.serviceRequests.get(n);
	const item = added ? { ...added } : fx.mdrServiceRequest(accountId, n);
	return { n, severity: item.priority, item };
}

/** @type {SessionHandler} */
function listIncidents(state, ctx, session) {
	const account = mdrAccount(state, session.accountId);
	const rows = rowsOf(incidentCount(account), (n) => incidentRow(account, session.accountId, n));
	return listPage(state, ctx, session, rows);
}

/** @type {SessionHandler} */
function listServiceRequests(state, ctx, session) {
	const account = mdrAccount(state, session.accountId);
	const rows = rowsOf(serviceRequestCount(account), (n) =>
		serviceRequestRow(account, session.accountId, n),
	);
	return listPage(state, ctx, session, rows);
}

/**
 * The incident number a path's issue key names in the session's account, or the error reply (400 for a key
 * that is no issue key, 404 for one of no incident of this account).
 * @param {SandboxState} state
 * @param {Session} session
 * @param {string} segment
 * @returns {{ n: number, key: string } | { reply: Reply }}
 */
function incidentOf(state, session, segment) {
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
		parsed.n > incidentCount(mdrAccount(state, session.accountId))
	)
		return { reply: json(404, message(`Incident '${key}' was not found.`)) };
	return { n: parsed.n, key: fx.mdrIncidentKey(parsed.accountId, parsed.n) };
}

/**
 * Incident n's details now: as generated (fixtures.js `mdrIncidentDetails`) with the list item's current
 * status, times, summary, severity, assignee and tactics; added incidents start without comments.
 * @param {MdrAccount} account
 * @param {number} accountId
 * @param {number} n
 */
function incidentDetails(account, accountId, n) {
	const { item, severity } = incidentRow(account, accountId, n);
	const details = fx.mdrIncidentDetails(accountId, n);
	return {
		...details,
		displayName: item.summary,
		status: item.status,
		createdDateTime: item.created,
		lastUpdateDateTime: item.updated,
		severity,
		mitreTactics: item.tactics.map((t) => t.name),
		assignee: item.assignee,
		ticketCreatedDateTime: item.created,
		ticketUpdatedDateTime: item.updated,
		ticketSummary: item.summary,
		comments: account.incidents.has(n) ? [] : details.comments,
	};
}

/** @type {SessionHandler} */
function getIncident(state, _ctx, session, match) {
	const incident = incidentOf(state, session, match[1]);
	if ('reply' in incident) return incident.reply;
	const details = incidentDetails(
		mdrAccount(state, session.accountId),
		session.accountId,
		incident.n,
	);
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
	const incident = incidentOf(state, session, match[1]);
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

// ------------------------------------------------------------------ data changes (sandbox methods)

const INCIDENT_FIELD_RULES = {
	summary: textRule(255),
	status: oneOfRule(fx.MDR_INCIDENT_STATUSES),
	priority: oneOfRule(fx.MDR_PRIORITIES),
	severity: oneOfRule(fx.MDR_PRIORITIES),
	assignee: stringRule(true),
};

const SERVICE_REQUEST_FIELD_RULES = {
	summary: textRule(255),
	status: oneOfRule(fx.MDR_SERVICE_REQUEST_STATUSES),
	priority: oneOfRule(fx.MDR_PRIORITIES),
	assignee: stringRule(true),
};

/**
 * How many more records fit (keys hold accountId * 100 + n), or a TypeError.
 * @param {number} accountId
 * @param {number} count
 * @param {number} have
 * @param {string} what
 */
function checkRoom(accountId, count, have, what) {
	const room = MAX_MDR_ITEMS_PER_ACCOUNT - have;
	if (count > room)
		throw new TypeError(
			`Account ${accountId} can hold ${MAX_MDR_ITEMS_PER_ACCOUNT} ${what} (keys accountId * 100 + n); ${room} more fit.`,
		);
}

/**
 * Adds `count` MDR incidents to the account, numbered on from its last one (`SEC-` + accountId * 100 + n, so
 * at most 99 per account), `created` = `updated` at the sandbox clock (one time for all with
 * `sameTimestamp`, else 1 ms apart); as generated for their number (fixtures.js `mdrIncident`) but `status`
 * 'Open', no comments, with `fields` (summary, status, priority, severity, assignee) applied. Returns the list
 * items in the order added.
 * @param {SandboxState} state
 * @param {unknown} accountId
 * @param {unknown} count
 * @param {unknown} [options] `{ sameTimestamp?, fields? }`
 */
function addMdrIncidents(state, accountId, count, options) {
	const id = accountArg(accountId);
	const account = mdrAccount(state, id);
	const opts = optionsArg('addMdrIncidents options', options, ['sameTimestamp', 'fields']);
	const how = countArg(count, MAX_MDR_ITEMS_PER_ACCOUNT);
	checkRoom(id, how, incidentCount(account), 'MDR incidents');
	const { severity, ...fields } = fieldsOption(opts, INCIDENT_FIELD_RULES);
	return clockTimes(state, how, sameTimestampOption(opts)).map((ms) => {
		const n = incidentCount(account) + 1;
		const at = new Date(ms).toISOString();
		const item = { ...fx.mdrIncident(id, n), status: 'Open', ...fields, created: at, updated: at };
		account.incidents.set(n, {
			item,
			severity: /** @type {string | undefined} */ (severity) ?? fx.mdrIncidentSeverity(n),
		});
		return incidentRow(account, id, n).item;
	});
}

/**
 * Changes an MDR incident (a fixture or an added one): `status` and / or `priority`; either way `updated`
 * (and the details' `lastUpdateDateTime` / `ticketUpdatedDateTime`) move to the sandbox clock. Returns the
 * list item.
 * @param {SandboxState} state
 * @param {unknown} accountId
 * @param {unknown} issueKey e.g. 'SEC-100101' (case-insensitive)
 * @param {unknown} [changes] `{ status?, priority? }`
 */
function updateMdrIncident(state, accountId, issueKey, changes) {
	const id = accountArg(accountId);
	const account = mdrAccount(state, id);
	if (typeof issueKey !== 'string')
		throw new TypeError('issueKey must be a key such as SEC-100101.');
	const parsed = fx.parseMdrKey(issueKey, 'SEC');
	if (!parsed || parsed.accountId !== id || parsed.n < 1 || parsed.n > incidentCount(account))
		throw new SandboxNotFoundError(`MDR incident ${issueKey} was not found in account ${id}.`);
	const opts = optionsArg('updateMdrIncident changes', changes, ['status', 'priority']);
	/** @type {import('./store').MdrIncidentChange} */
	const change = { ...account.incidentChanges.get(parsed.n), updated: '' };
	if (opts.status !== undefined)
		change.status = /** @type {string} */ (INCIDENT_FIELD_RULES.status(opts.status, 'status'));
	if (opts.priority !== undefined)
		change.priority = /** @type {string} */ (
			INCIDENT_FIELD_RULES.priority(opts.priority, 'priority')
		);
	change.updated = clockIso(state);
	account.incidentChanges.set(parsed.n, change);
	return incidentRow(account, id, parsed.n).item;
}

/**
 * Adds `count` MDR service requests to the account (`SR-` + accountId * 100 + n, at most 99 per account),
 * `created` = `updated` at the sandbox clock; as generated (fixtures.js `mdrServiceRequest`) but `status`
 * 'Open', with `fields` (summary, status, priority, assignee) applied. Returns them in the order added.
 * @param {SandboxState} state
 * @param {unknown} accountId
 * @param {unknown} count
 * @param {unknown} [options] `{ sameTimestamp?, fields? }`
 */
function addMdrServiceRequests(state, accountId, count, options) {
	const id = accountArg(accountId);
	const account = mdrAccount(state, id);
	const opts = optionsArg('addMdrServiceRequests options', options, ['sameTimestamp', 'fields']);
	const how = countArg(count, MAX_MDR_ITEMS_PER_ACCOUNT);
	checkRoom(id, how, serviceRequestCount(account), 'MDR service requests');
	const fields = fieldsOption(opts, SERVICE_REQUEST_FIELD_RULES);
	return clockTimes(state, how, sameTimestampOption(opts)).map((ms) => {
		const n = serviceRequestCount(account) + 1;
		const at = new Date(ms).toISOString();
		const item = {
			...fx.mdrServiceRequest(id, n),
			status: 'Open',
			...fields,
			created: at,
			updated: at,
		};
		account.serviceRequests.set(n, item);
		return { ...item };
	});
}

module.exports = {
	listIncidents,
	getIncident,
	addIncidentComment,
	listServiceRequests,
	addMdrIncidents,
	updateMdrIncident,
	addMdrServiceRequests,
};
