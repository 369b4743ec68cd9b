// @ts-check
'use strict';

/** Armor Defense GET /accounts and /accounts/{id}. */

const { json } = require('../http-util');
const { message } = require('./common');

/** @typedef {import('./common').SessionHandler} SessionHandler */

/** @type {SessionHandler} */
function listAccounts(_state, _ctx, { user }) {
	return json(200, user.accounts);
}

/** @type {SessionHandler} */
function getAccount(_state, _ctx, { user }, match) {
	const account = user.accounts.find((a) => String(a.id) === match[1]);
	return account ? json(200, account) : json(404, message(`Account ${match[1]} was not found.`));
}

module.exports = { listAccounts, getAccount };
