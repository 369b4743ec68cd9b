// @ts-check
'use strict';

/** Armor Defense GET /tickets/list (nextPageToken paging). */

const fx = require('../fixtures');
const { json, queryParam, intParam } = require('../http-util');
const { message } = require('./common');

/** @typedef {import('./common').SessionHandler} SessionHandler */

/**
 * @param {number} accountId
 * @param {number} offset
 */
function encodePageToken(accountId, offset) {
	return Buffer.from(`${accountId}:${offset}`).toString('base64url');
}

/**
 * The offset a page token names for this account, or NaN.
 * @param {string} token
 * @param {number} accountId
 */
function decodePageToken(token, accountId) {
	const match = /^(\d+):(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
	if (!match || Number(match[1]) !== accountId || Number(match[2]) >= fx.ARMOR_TICKETS_PER_ACCOUNT)
		return NaN;
	return Number(match[2]);
}

/** @type {SessionHandler} */
function listTickets(_state, ctx, { accountId }) {
	const maxResults = intParam(
		queryParam(ctx.params, 'maxResults'),
		fx.ARMOR_TICKETS_DEFAULT_MAX_RESULTS,
	);
	if (!(maxResults >= 1 && maxResults <= fx.ARMOR_TICKETS_MAX_RESULTS)) {
		return json(400, message(`maxResults must be between 1 and ${fx.ARMOR_TICKETS_MAX_RESULTS}.`));
	}
	const direction = (queryParam(ctx.params, 'orderByDirection') || 'asc').toLowerCase();
	if (direction !== 'asc' && direction !== 'desc')
		return json(400, message('orderByDirection must be asc or desc.'));
	const token = queryParam(ctx.params, 'nextPageToken') || '';
	const offset = token ? decodePageToken(token, accountId) : 0;
	if (Number.isNaN(offset)) return json(400, message('The nextPageToken is not valid.'));

	const total = fx.ARMOR_TICKETS_PER_ACCOUNT;
	const end = Math.min(total, offset + maxResults);
	const items = [];
	for (let position = offset; position < end; position++) {
		items.push(fx.armorTicket(accountId, direction === 'asc' ? position + 1 : total - position));
	}
	return json(200, {
		nextPageToken: end < total ? encodePageToken(accountId, end) : null,
		total,
		items,
	});
}

module.exports = { listTickets };
