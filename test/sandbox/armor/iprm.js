// @ts-check
'use strict';

/** Armor Defense GET /iprm/events (IP reputation events; page paging). */

const data = require('../armorData');
const { pageReply } = require('./request');

/** @typedef {import('./common').SessionHandler} SessionHandler */

/**
 * GET /iprm/events?page= -> {total, page, items}, newest first.
 * @type {SessionHandler}
 */
function listIprmEvents(_state, ctx, { accountId }) {
	return pageReply(ctx, data.ARMOR_IPRM_EVENTS_PER_ACCOUNT, data.ARMOR_IPRM_PAGE_SIZE, (i) =>
		data.armorIprmEvent(accountId, i + 1),
	);
}

module.exports = { listIprmEvents };
