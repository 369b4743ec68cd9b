// @ts-check
'use strict';

/** Armor Defense GET /users, /users/{id}, /roles and /permissions (of the account in context). */

const data = require('../armorData');
const { json } = require('../http-util');
const { userKeys } = require('./store');
const { notFound, pathInt } = require('./request');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('./common').SessionHandler} SessionHandler */

/**
 * The users of an account, `apiKeyCount` as the sandbox holds the keys now.
 * @param {SandboxState} state
 * @param {number} accountId
 */
function accountUsers(state, accountId) {
	return data.armorUsers(accountId).map((u) => ({ ...u, apiKeyCount: userKeys(state, u.id).size }));
}

/**
 * The user named by a path segment if it belongs to the account, else undefined.
 * @param {SandboxState} state
 * @param {number} accountId
 * @param {string} raw
 */
function findUser(state, accountId, raw) {
	const id = pathInt(raw);
	return accountUsers(state, accountId).find((u) => u.id === id);
}

/**
 * GET /users
 * @type {SessionHandler}
 */
function listUsers(state, _ctx, { accountId }) {
	return json(200, accountUsers(state, accountId));
}

/**
 * GET /users/{id}
 * @type {SessionHandler}
 */
function getUser(state, _ctx, { accountId }, match) {
	const user = findUser(state, accountId, match[1]);
	return user ? json(200, user) : notFound(`User ${match[1]} was not found.`);
}

/**
 * GET /roles
 * @type {SessionHandler}
 */
function listRoles(_state, _ctx, { accountId }) {
	return json(200, data.armorRoles(accountId));
}

/**
 * GET /permissions
 * @type {SessionHandler}
 */
function listPermissions() {
	return json(200, data.ARMOR_PERMISSION_GROUPS);
}

module.exports = { listUsers, getUser, listRoles, listPermissions, findUser };
