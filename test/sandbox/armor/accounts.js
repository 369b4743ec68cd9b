// @ts-check
'use strict';

/**
 * Armor Defense GET /accounts, /accounts/{id}, /account/children, /account/activity/history (page paging)
 * and /account/contacts. The last three act on the account context (X-Account-Context).
 */

const data = require('../armorData');
const { json } = require('../http-util');
const { message } = require('./common');
const { pageReply } = require('./request');

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

/**
 * GET /account/children: the accounts whose parent is the account in context.
 * @type {SessionHandler}
 */
function listChildAccounts(_state, _ctx, { accountId }) {
	return json(200, data.armorChildAccounts(accountId));
}

/**
 * GET /account/activity/history?page= -> {total, page, items}, newest first.
 * @type {SessionHandler}
 */
function getActivityHistory(_state, ctx, { accountId }) {
	return pageReply(ctx, data.ARMOR_ACTIVITY_PER_ACCOUNT, data.ARMOR_ACTIVITY_PAGE_SIZE, (i) =>
		data.armorActivity(accountId, i + 1),
	);
}

/**
 * GET /account/contacts
 * @type {SessionHandler}
 */
function listContacts(_state, _ctx, { accountId }) {
	const contacts = [];
	for (let n = 1; n <= data.ARMOR_CONTACTS_PER_ACCOUNT; n++)
		contacts.push(data.armorContact(accountId, n));
	return json(200, contacts);
}

module.exports = {
	listAccounts,
	getAccount,
	listChildAccounts,
	getActivityHistory,
	listContacts,
};
