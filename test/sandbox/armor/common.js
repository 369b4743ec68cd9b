// @ts-check
'use strict';

/**
 * Pieces shared by the Armor Defense resource files: the request and handler types, the ASP.NET Web API style
 * `{ Message }` body, and the account context (X-Account-Context) check.
 */

const { json, uuid } = require('../http-util');

/** @typedef {import('../state').SandboxState} SandboxState */
/** @typedef {import('../http-util').Reply} Reply */
/** @typedef {typeof import('../fixtures').ARMOR_DEMO_USER} ArmorUser */

/**
 * @typedef {object} RequestContext
 * @property {string} method upper case
 * @property {string} path normalized pathname (one trailing slash removed)
 * @property {string} rawPath the path exactly as it arrived (no query; case and trailing slash kept): what an
 *   ARMOR-PSK signature covers
 * @property {URLSearchParams} params
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {string} body the raw body as UTF-8 text
 * @property {Buffer} rawBody the raw body bytes (what an ARMOR-PSK signature hashes)
 * @property {import('../state').AuthScheme} [authScheme] how `authenticate` (armor/auth.js) let the request in:
 *   'FH-AUTH' (a session token) or 'ARMOR-PSK' (an API key); unset before and when it did not. Handlers that
 *   the vendor refuses under API-key auth (e.g. /users/{id}/keys) answer 403 when it is 'ARMOR-PSK'.
 */

/** @typedef {{ user: ArmorUser, accountId: number }} Session */
/** @typedef {(state: SandboxState, ctx: RequestContext, match: RegExpExecArray) => Reply | Promise<Reply>} PublicHandler */
/** @typedef {(state: SandboxState, ctx: RequestContext, session: Session, match: RegExpExecArray) => Reply} SessionHandler */

/** @param {string} Message */
const message = (Message) => ({ Message });

/**
 * @param {number} status
 * @param {string} text
 */
function contextError(status, text) {
	return json(status, { ErrorCode: status, Message: text, Detail: null, ReferenceId: uuid() });
}

/**
 * The account the call acts on: X-Account-Context when present, else the user's first account.
 * @param {RequestContext} ctx
 * @param {ArmorUser} user
 * @returns {{ accountId: number } | { reply: Reply }}
 */
function accountContext(ctx, user) {
	const header = ctx.headers['x-account-context'];
	if (header === undefined) return { accountId: user.accounts[0].id };
	const raw = String(header);
	if (!/^\s*[+-]?\d+\s*$/.test(raw))
		return { reply: contextError(400, `Account context ${raw} is not a valid account id.`) };
	const accountId = Number(raw);
	if (!user.accounts.some((a) => a.id === accountId)) {
		return { reply: contextError(403, `Account context ${raw} is not available to this user.`) };
	}
	return { accountId };
}

module.exports = { message, accountContext };
