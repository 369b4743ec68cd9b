// @ts-check
'use strict';

/** Armor Defense GET /security-incidents (page paging) and /security-incidents/severity-count. */

const fx = require('../fixtures');
const { json, queryParam, intParam } = require('../http-util');
const { message } = require('./common');

/** @typedef {import('./common').SessionHandler} SessionHandler */

const SEVERITIES = ['Critical', 'High', 'Medium', 'Low'];

/** @type {SessionHandler} */
function listSecurityIncidents(_state, ctx, { accountId }) {
	const page = intParam(queryParam(ctx.params, 'page'), 1);
	if (!(page >= 1)) return json(400, message('page must be 1 or greater.'));
	const total = fx.ARMOR_INCIDENTS_PER_ACCOUNT;
	const items = [];
	const first = (page - 1) * fx.ARMOR_INCIDENTS_PAGE_SIZE + 1;
	for (let n = first; n <= total && n < first + fx.ARMOR_INCIDENTS_PAGE_SIZE; n++)
		items.push(fx.armorSecurityIncident(accountId, n));
	return json(200, { total, page, items });
}

/**
 * GET /security-incidents/severity-count -> [{severity, count}] (Critical, High, Medium, Low; all incidents
 * of the account).
 * @type {SessionHandler}
 */
function countSecurityIncidentsBySeverity(_state, _ctx, { accountId }) {
	const counts = new Map(SEVERITIES.map((s) => [s, 0]));
	for (let n = 1; n <= fx.ARMOR_INCIDENTS_PER_ACCOUNT; n++) {
		const { severity } = fx.armorSecurityIncident(accountId, n);
		counts.set(severity, (counts.get(severity) ?? 0) + 1);
	}
	return json(
		200,
		[...counts].map(([severity, count]) => ({ severity, count })),
	);
}

module.exports = { listSecurityIncidents, countSecurityIncidentsBySeverity };
