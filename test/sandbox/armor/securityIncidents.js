// @ts-check
'use strict';

/** Armor Defense GET /security-incidents (page paging). */

const fx = require('../fixtures');
const { json, queryParam, intParam } = require('../http-util');
const { message } = require('./common');

/** @typedef {import('./common').SessionHandler} SessionHandler */

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

module.exports = { listSecurityIncidents };
