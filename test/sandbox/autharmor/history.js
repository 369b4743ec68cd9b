// @ts-check
'use strict';

/**
 * Auth Armor GET /v{3,4}/users/{user_id}/auth_history: the user's 23 fixture records (generated users), then
 * the auth requests started through the API (live status), paged like the users list.
 */

const fx = require('../fixtures');
const { json } = require('../http-util');
const { pagingParams, pageInfo, pageOf } = require('./common');
const { resolveUser } = require('./users');
const { apiHistoryOf } = require('./auth');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../armor/common').RequestContext} RequestContext */
/** @typedef {Record<string, string>} RouteParams */

/** `date_created`: when the request was made (the default); `result_code`: then by date. */
const SORT_COLUMNS = ['date_created', 'result_code'];

/**
 * GET /v{3,4}/users/{user_id}/auth_history: `get_user_auth_history_response`.
 * @param {SandboxState} state
 * @param {RequestContext} ctx
 * @param {RouteParams} params
 */
function listAuthHistory(state, ctx, params) {
	const resolved = resolveUser(state, ctx, params.userId);
	if ('reply' in resolved) return resolved.reply;
	const paging = pagingParams(ctx, SORT_COLUMNS);
	if ('reply' in paging) return paging.reply;
	const index = resolved.index;
	const fixture = index <= state.knobs.authArmorUserCount ? fx.authArmorAuthHistory(index) : [];
	let records = [...fixture, ...apiHistoryOf(state, index, Date.now())];
	if (paging.column === 'result_code') {
		records = records
			.map((record, position) => ({ record, position }))
			.sort(
				(a, b) =>
					a.record.auth_response.result_code - b.record.auth_response.result_code ||
					a.position - b.position,
			)
			.map(({ record }) => record);
	}
	return json(200, {
		auth_history_records: pageOf(records, paging),
		page_info: pageInfo(paging.pageNumber, paging.pageSize, records.length),
	});
}

module.exports = { listAuthHistory };
