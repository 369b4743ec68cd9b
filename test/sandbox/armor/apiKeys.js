// @ts-check
'use strict';

/**
 * Armor Defense API keys of a user: GET, POST /users/{id}/keys, DELETE /users/{id}/keys/{keyId}. The vendor
 * refuses them under API-key (ARMOR-PSK) authentication: 403 before anything else is looked at.
 */

const crypto = require('crypto');
const data = require('../armorData');
const { json } = require('../http-util');
const { message } = require('./common');
const { userKeys } = require('./store');
const { findUser } = require('./users');
const { notFound, jsonBody, ModelErrors, badRequest, authScheme } = require('./request');

/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {import('./common').SessionHandler} SessionHandler */
/** @typedef {import('./common').RequestContext} RequestContext */

const REFUSED_UNDER_PSK = message('API keys cannot be managed with API key authentication.');

/**
 * 403 when the request came in with an API key.
 * @param {RequestContext} ctx
 * @returns {Reply | undefined}
 */
function refusedUnderPsk(ctx) {
	return authScheme(ctx) === 'ARMOR-PSK' ? json(403, REFUSED_UNDER_PSK) : undefined;
}

/**
 * GET /users/{id}/keys (never with secrets)
 * @type {SessionHandler}
 */
function listUserKeys(state, ctx, { accountId }, match) {
	const refused = refusedUnderPsk(ctx);
	if (refused) return refused;
	const user = findUser(state, accountId, match[1]);
	if (!user) return notFound(`User ${match[1]} was not found.`);
	return json(200, [...userKeys(state, user.id).values()]);
}

/**
 * POST /users/{id}/keys {name, description?} -> the new key with its `secret` (shown this once).
 * @type {SessionHandler}
 */
function createUserKey(state, ctx, { accountId }, match) {
	const refused = refusedUnderPsk(ctx);
	if (refused) return refused;
	const user = findUser(state, accountId, match[1]);
	if (!user) return notFound(`User ${match[1]} was not found.`);
	const body = jsonBody(ctx);
	if ('reply' in body) return body.reply;
	const errors = new ModelErrors();
	const name = errors.string(body.value, 'name', { max: 128 });
	const description = errors.string(body.value, 'description', { max: 512, optional: true });
	if (errors.any) return errors.reply();
	const keys = userKeys(state, user.id);
	if (keys.size >= data.ARMOR_MAX_KEYS_PER_USER)
		return badRequest(`A user can have at most ${data.ARMOR_MAX_KEYS_PER_USER} API keys.`);
	const key = {
		id: crypto.randomUUID(),
		name: /** @type {string} */ (name),
		description: description ?? '',
		userId: user.id,
		enabled: true,
		createdDate: new Date().toISOString(),
		lastUsedDate: null,
	};
	keys.set(key.id, key);
	return json(200, { ...key, secret: crypto.randomBytes(32).toString('base64') });
}

/**
 * DELETE /users/{id}/keys/{keyId} -> the removed key.
 * @type {SessionHandler}
 */
function deleteUserKey(state, ctx, { accountId }, match) {
	const refused = refusedUnderPsk(ctx);
	if (refused) return refused;
	const user = findUser(state, accountId, match[1]);
	if (!user) return notFound(`User ${match[1]} was not found.`);
	const keys = userKeys(state, user.id);
	const keyId = match[2].toLowerCase();
	const key = keys.get(keyId);
	if (!key) return notFound(`API key ${match[2]} was not found.`);
	keys.delete(keyId);
	return json(200, key);
}

module.exports = { listUserKeys, createUserKey, deleteUserKey };
